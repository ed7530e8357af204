"""Counter terms: words of another kind of story, which take a theme's hits away where they dominate.

A school in a paragraph about a shooting, a hospital in a paragraph about an air strike,
a bridge in a paragraph about a missile attack are places in a crime or war story, not an
education, health or infrastructure story. A theme's ``counter_terms`` (``data/themes.toml``)
name such stories. The rule, per paragraph (a line of the text; the title is a paragraph of
its own)::

    counter weight = counter terms in the paragraph (1 each)
                     + counter terms in the article's title x title_weight (for a text paragraph)
    the theme's hits in the paragraph are dropped when counter weight >= their weight
    a title with counter terms of the theme and no hit of it drops all the text's hits

A paragraph is the unit because a news bundle (联播快讯) puts unrelated stories on
separate lines: a shooting abroad takes nothing from the school story before it. The
title counts against every paragraph because it says what the whole article is about;
a title that names the war and not the hospital (``以方称哈马斯失去对加沙地带北部的控制``)
makes every hospital below it a place in a war story, however often it is named
(six times in one 新闻联播 paragraph on the siege of a Gaza hospital).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import daachorse
import numpy as np

__all__ = ["CounterTerms", "ScansTerms", "line_breaks"]


class ScansTerms:
    """A leftmost-longest automaton of ``self.terms``, built on first use and never pickled.

    Pickles travel to ingest workers; the automaton is rebuilt there in milliseconds.
    """

    terms: tuple[str, ...]

    @cached_property
    def _automaton(self) -> daachorse.CharwiseDoubleArrayAhoCorasick:
        return daachorse.CharwiseDoubleArrayAhoCorasick(
            list(self.terms), daachorse.MATCH_KIND_LEFTMOST_LONGEST)

    def __getstate__(self) -> dict:
        """Pickle without the compiled automaton."""
        return {k: v for k, v in self.__dict__.items() if k != "_automaton"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)



def line_breaks(joined: str) -> np.ndarray:
    """Where the line breaks of ``joined`` are, in characters.

    They bound the paragraphs that the counter-term and abroad rules share; the matcher
    finds them once per batch for both.
    """
    return np.flatnonzero(np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32) == 10)

@dataclass(frozen=True, eq=False)
class CounterTerms(ScansTerms):
    """Every theme's counter terms, compiled for scanning.

    Attributes:
        terms: each counter term once.
        themes: for each term, the positions of the themes it counts against.
        width: how many themes the dictionary has.
    """

    terms: tuple[str, ...]
    themes: tuple[tuple[int, ...], ...]
    width: int

    def weights(self, texts: Sequence[str]) -> np.ndarray:
        """Counter terms found in each text, per theme: a ``(len(texts), width)`` array of counts."""
        out = np.zeros((len(texts), self.width), dtype=np.float64)
        offsets = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
        starts, themes = self._hits("\n".join(texts))
        np.add.at(out, (np.searchsorted(offsets, starts, side="right") - 1, themes), 1.0)
        return out

    def keep(
        self, joined: str, offsets: np.ndarray, hits: dict[str, np.ndarray], against: np.ndarray | None, *,
        newlines: np.ndarray,
    ) -> np.ndarray:
        """Which hits stand: False for a hit of a paragraph its theme's counter terms dominate.

        Args:
            joined: the texts of a batch joined by line breaks.
            offsets: where each text starts in ``joined``.
            hits: ``start`` (in ``joined``), ``theme`` and ``weight`` of every hit.
            against: counter weight each text already carries per theme (its title's), or None.
            newlines: where ``joined``'s line breaks are (:func:`line_breaks`).
        """
        starts, themes, weights = hits["start"], hits["theme"], hits["weight"]
        countered = np.isin(themes, self._countered)
        if not countered.any():
            return np.ones(len(starts), dtype=bool)
        counter_starts, counter_themes = self._hits(joined)
        if not len(counter_starts) and (against is None or not against.any()):
            return np.ones(len(starts), dtype=bool)  # most batches: nothing to count against
        keys = np.searchsorted(newlines, starts, side="right") * self.width + themes
        counter_keys = np.searchsorted(newlines, counter_starts, side="right") * self.width + counter_themes
        found, counts = np.unique(counter_keys, return_counts=True)
        counter = np.zeros(len(keys))
        if len(found):
            at = np.minimum(np.searchsorted(found, keys), len(found) - 1)
            counter = np.where(found[at] == keys, counts[at], 0).astype(np.float64)
        if against is not None:
            counter += against[np.searchsorted(offsets, starts, side="right") - 1, themes]
        unique, inverse = np.unique(keys, return_inverse=True)
        own = np.bincount(inverse, weights=weights, minlength=len(unique))[inverse]
        return ~countered | (counter <= 0) | (counter < own)

    def _hits(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Start and theme position of each counter term hit (one row per theme it counts against)."""
        if not self.terms or not text:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        found = self._automaton.find(text)
        starts = np.fromiter((s for s, _, _ in found), dtype=np.int64, count=len(found))
        ids = [i for _, _, i in found]
        repeat = np.array([len(self.themes[i]) for i in ids], dtype=np.int64)
        themes = np.fromiter(chain.from_iterable(self.themes[i] for i in ids), dtype=np.int64,
                             count=int(repeat.sum()))
        return np.repeat(starts, repeat), themes

    @cached_property
    def _countered(self) -> np.ndarray:
        return np.array(sorted({t for themes in self.themes for t in themes}), dtype=np.int64)

