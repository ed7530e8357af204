"""Theme scores from hits, as arrays: the scoring rule of :func:`analysis.themes.score_themes`.

Kept apart from :mod:`analysis.themes` (tables, counts by place and period) because ingest
workers score every article and need nothing but numpy: a worker process that never
imports pandas starts in half the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from analysis.theme_dictionary import ThemeDictionary

__all__ = ["ThemeScores", "score_hits", "score_texts", "text_lengths", "title_counters"]


@dataclass(frozen=True)
class ThemeScores:
    """:func:`~analysis.themes.score_themes` as arrays, one entry per (article, theme with a hit).

    Attributes:
        doc: the article's position among the texts scored.
        theme: the theme's position in the dictionary's ``ids``.
        n_hits, score, assigned: as in :func:`~analysis.themes.score_themes`.
    """

    doc: np.ndarray
    theme: np.ndarray
    n_hits: np.ndarray
    score: np.ndarray
    assigned: np.ndarray

    def assigned_lists(self, n_docs: int, ids: Sequence[str]) -> list[list[str]]:
        """The assigned theme ids of each article, highest score first, ties in ``ids`` order.

        Args:
            n_docs: how many articles were scored (an article in no theme gets ``[]``).
            ids: the dictionary's theme ids (``ThemeDictionary.ids``).
        """
        kept = self.assigned
        docs, positions = self.doc[kept], self.theme[kept]
        order = np.lexsort((positions, -self.score[kept], docs))
        names = np.asarray(ids, dtype=object)[positions[order]]
        lists: list[list[str]] = [[] for _ in range(n_docs)]
        for doc, theme in zip(docs[order].tolist(), names.tolist(), strict=True):
            lists[doc].append(theme)
        return lists


def score_texts(
    titles: Sequence[str],
    texts: Sequence[str],
    *,
    themes: ThemeDictionary,
    threshold: float | None = None,
    min_hits: int | None = None,
) -> ThemeScores:
    """Score articles given as titles and texts: :func:`~analysis.themes.score_themes` without the table.

    What ingest uses: nothing but numbers is built, and no hit is traced to its sentence.
    """
    matcher = themes.matcher
    places = matcher.title_places(titles)
    headlines = matcher.headline_places(places, texts)
    title_doc, title_theme, title_weight = matcher.hit_weights(titles, places=headlines)
    against = title_counters(titles, themes, title_hits=(title_doc, title_theme))
    text_doc, text_theme, text_weight = matcher.hit_weights(texts, against=against, places=places)
    return score_hits(
        np.concatenate([title_doc, text_doc]),
        np.concatenate([title_theme, text_theme]),
        np.concatenate([title_weight * themes.title_weight, text_weight]),
        text_lengths(titles, texts), themes, threshold, min_hits,
    )


def score_hits(
    doc_pos: np.ndarray, theme_pos: np.ndarray, weights: np.ndarray, lengths: np.ndarray,
    themes: ThemeDictionary, threshold: float | None, min_hits: int | None,
) -> ThemeScores:
    """Sum hits per (article, theme), in article then theme order, and apply the rule."""
    n_themes = len(themes.ids)
    keys, inverse = np.unique(doc_pos * n_themes + theme_pos, return_inverse=True)
    n_hits = np.bincount(inverse, minlength=len(keys)).astype("int64")
    sums = np.bincount(inverse, weights=weights, minlength=len(keys))
    doc_of, theme_of = np.divmod(keys, n_themes)
    score = (
        sums
        * 1000
        / np.clip(lengths[doc_of], themes.length_floor, max(themes.length_cap, themes.length_floor))
    )
    limit = themes.threshold if threshold is None else threshold
    least = themes.min_hits if min_hits is None else min_hits
    return ThemeScores(doc=doc_of, theme=theme_of, n_hits=n_hits, score=score,
                       assigned=(score >= limit) & (n_hits >= least))


def text_lengths(titles: Sequence[str], texts: Sequence[str]) -> np.ndarray:
    """Each article's length for scoring: characters of title and text (missing ones count 0)."""

    def size(value: object) -> int:
        return len(value) if isinstance(value, str) else 0

    return np.fromiter((size(a) + size(b) for a, b in zip(titles, texts, strict=True)), dtype="int64",
                       count=len(texts))


def title_counters(
    titles: Sequence[str], themes: ThemeDictionary, *, title_hits: tuple[np.ndarray, np.ndarray]
) -> np.ndarray | None:
    """The counter weight each title puts on every paragraph of its text, per theme.

    Its counter terms x title_weight; but infinite where the title has counter terms of a
    theme and no hit of it: a headline on a war or a shooting (``以方称哈马斯…以军军车``)
    says the whole article is that story, and its hospitals or schools are places in it.
    None when no theme has counter terms (see :mod:`analysis.theme_counters`).

    ``title_hits``: the (title position, theme position) of each hit the titles kept, as
    the caller scanned them (with their headline places: a title abroad keeps no hit of a
    home_only theme).
    """
    found = themes.matcher.counter_weights(titles)
    if found is None:
        return None
    against = found * themes.title_weight
    doc, theme = title_hits
    named = np.zeros(found.shape, dtype=bool)
    named[doc, theme] = True
    against[(found > 0) & ~named] = np.inf
    return against
