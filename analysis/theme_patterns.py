"""Where a theme's regex patterns hit, and which term hits each pattern hit replaces.

Patterns run after the term scan (:class:`analysis.theme_matcher.ThemeMatcher`). A pattern
hit is dropped if it crosses a sentence end, overlaps an ignore phrase, is no longer than
a term hit of its own theme it overlaps, or overlaps an earlier pattern hit of its theme;
otherwise it replaces the term hits of its own theme it overlaps, so the longer match wins
(``党纪法规教育`` matched by ``党纪.{0,4}教育`` is one hit, not also ``党纪``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import numpy as np

from analysis.theme_dictionary import SENTENCE_DELIMITERS

_SENTENCE_END = frozenset(SENTENCE_DELIMITERS)


def pattern_hits(
    joined: str, patterns: Sequence[tuple[re.Pattern[str], int, float]], *, starts: np.ndarray,
    ends: np.ndarray, ids: np.ndarray, entries: Sequence[Sequence[tuple[int, float]]],
    entry_themes: Sequence[frozenset[int]],
) -> tuple[set[tuple[int, int]], list[tuple[int, int, str, int, float]]]:
    """The pattern hits to add, and the (term hit, theme) pairs they replace.

    Args:
        joined: the texts scanned, joined.
        patterns: (compiled pattern, theme position, weight) triples.
        starts: where each term hit starts (leftmost longest hits, not overlapping).
        ends: where each ends.
        ids: the term id of each.
        entries: for each term id, its (theme position, weight) pairs; empty for an ignore phrase.
        entry_themes: for each term id, the themes it counts for.

    Returns:
        The (term hit position, theme) pairs replaced, and the pattern hits added as
        (start, end, matched string, theme, weight).
    """
    term_starts, term_ends, term_ids = starts.tolist(), ends.tolist(), ids.tolist()
    replaced: set[tuple[int, int]] = set()
    added: list[tuple[int, int, str, int, float]] = []
    taken: dict[int, tuple[list[int], list[int]]] = {}  # theme -> its pattern hits' starts, ends
    for pattern, theme, weight in patterns:
        starts_taken, ends_taken = taken.setdefault(theme, ([], []))
        for match in pattern.finditer(joined):
            start, end = match.span()
            found = match.group()
            # term hits do not overlap, so their ends are sorted like their starts
            over = range(bisect_right(term_ends, start), bisect_left(term_starts, end))
            own = [k for k in over if theme in entry_themes[term_ids[k]]]
            before = bisect_left(starts_taken, end)  # this theme's pattern hits starting before end
            if (
                not _SENTENCE_END.isdisjoint(found)
                or any(not entries[term_ids[k]] for k in over)
                or any(term_ends[k] - term_starts[k] >= len(found) for k in own)
                or (before and ends_taken[before - 1] > start)
            ):
                continue
            replaced.update((k, theme) for k in own)
            added.append((start, end, found, theme, weight))
            starts_taken.insert(before, start)
            ends_taken.insert(before, end)
    return replaced, added
