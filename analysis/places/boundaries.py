"""Word boundaries: whether a bare place name found in running text stands as a word.

A bare name (长沙, 海北, 山南: no 省/市/州/县/区 after it) is also a run of characters
that ordinary words pass through: 外交部长沙伦赛 (部长 + 沙伦赛), 地中海东部 (地中海 + 东部),
天南海北 (an idiom), 天山南北. The scanner finds the characters; this module asks the
segmenter whether a word begins where the name begins, and whether the name then ends
where a word ends or opens a compound named after the place (烟台港, 青海湖, 伊犁河谷:
one word that begins with the name). A name starting inside a word (地中海|东部) or
ending inside one that began within it (海|东部) is not read. The
segmenter is the project's (:func:`analysis.tokenize.build_tokenizer`, the default user
dictionary), built on the first question so that loading the gazetteer costs nothing.
Only the clause around the name is segmented (a few dozen characters), once per clause.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

CLAUSE_REACH = 12
"""Characters read on each side of a name, within its clause, to segment it in context."""

_CLAUSE_BREAK = re.compile(r"[\s，。、；：？！,.;:?!（）()“”‘’《》「」【】—…·/]")


class WordBoundaries:
    """Answers whether ``text[start:end]`` starts and ends on word boundaries.

    Args:
        segment: a function cutting text into tokens; by default the project tokenizer's
            :meth:`~analysis.tokenize.Tokenizer.cut`, built on first use.
    """

    def __init__(self, segment: Callable[[str], list[str]] | None = None) -> None:
        self._segment = segment
        self._lock = threading.Lock()

    def stands_alone(self, text: str, start: int, end: int, *, cache: dict | None = None) -> bool:
        """True when a word starts at ``start`` and none is cut across ``end``.

        Either a word ends at ``end`` (any words between), or one word starts at
        ``start`` and runs past ``end`` (烟台港).

        Args:
            text: the text the name was found in.
            start: where the name starts.
            end: where it ends.
            cache: a dict shared by the calls on one text, so a clause is cut once.
        """
        cuts = self.cuts(text, start, end, cache=cache)
        return start in cuts and (end in cuts or not any(cut in cuts for cut in range(start + 1, end)))

    def cuts(self, text: str, start: int, end: int, *, cache: dict | None = None) -> frozenset[int]:
        """The positions in ``text`` where the segmenter cuts the clause around ``text[start:end]``.

        Args:
            text: the text the name was found in.
            start: where the name starts.
            end: where it ends.
            cache: as for :meth:`stands_alone`.
        """
        left, right = _clause(text, start, end)
        key = (left, right)
        cuts = cache.get(key) if cache is not None else None
        if cuts is None:
            cuts = self._cuts(text[left:right], left)
            if cache is not None:
                cache[key] = cuts
        return cuts

    def _cuts(self, clause: str, offset: int) -> frozenset[int]:
        position = offset
        cuts = {position}
        for token in self._segmenter()(clause):
            position += len(token)
            cuts.add(position)
        return frozenset(cuts)

    def _segmenter(self) -> Callable[[str], list[str]]:
        if self._segment is None:
            with self._lock:
                if self._segment is None:
                    from analysis.tokenize import build_tokenizer

                    self._segment = build_tokenizer().cut
        return self._segment


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to segment around ``text[start:end]``.

    Up to :data:`CLAUSE_REACH` characters each side, stopping at punctuation (a clause
    break is a word boundary anyway).
    """
    left = max(0, start - CLAUSE_REACH)
    before = [m.end() for m in _CLAUSE_BREAK.finditer(text, left, start)]
    left = before[-1] if before else left
    right = min(len(text), end + CLAUSE_REACH)
    after = _CLAUSE_BREAK.search(text, end, right)
    return left, (after.start() if after else right)
