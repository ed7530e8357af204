"""Articles continued on another page (转版), joined back into one.

A long article starts on one page and ends with ``（下转第2版）``; on page 2 the rest is
printed under the same or a shortened headline with ``（上接第1版）``. Read as two articles
it would be counted twice, and its second half would have lost its dateline, so its place
and date. When both pages are loaded in the same run, the parts are matched: the same
outlet and edition, the first part printed on the page the rest names, and sending the
reader to the page the rest is printed on. A part that is the only one to match is
joined; where several could, the headlines decide (the same headline, or a shortened one
whose characters the other holds in order); where they do not, nothing is joined: never
guessed. The rest is reported
(``continuation_joined``) with the article it became part of, so the count of articles in
equals the count loaded plus the count reported.
"""

from __future__ import annotations

import re
from collections import defaultdict

from analysis.loading.raw import RawArticle
from analysis.report import FileReport, Problem

MIN_SHARED_TITLE = 4
"""A headline holding the other counts as the same when the shorter has this many characters."""

PartKey = tuple[str | None, object, str, str]
"""(outlet, edition date, page the first part is on, page the rest is on)."""


def join_continuations(
    raws: list[RawArticle], owners: list[FileReport]
) -> tuple[list[RawArticle], list[FileReport]]:
    """Join each continued article's rest (``（上接第1版）``) to its first part, where they match.

    Args:
        raws: the articles read in this run, in reading order.
        owners: the report of the file each article came from (same order).

    Returns:
        The articles and their owners without the joined rests; each first part's text
        runs on with its rest (pages in order, three-page articles too). Each rest's file
        report names it under ``warnings`` (``continuation_joined``: its text is loaded,
        as part of another article) and counts one article fewer.
    """
    into = _matches(raws)
    if not into:
        return raws, owners
    for rest in sorted(into, key=lambda index: _page_order(raws[index].page)):
        first = _root(into, rest)
        head, tail = raws[first], raws[rest]
        head.text = f"{head.text}\n{tail.text}" if head.text else tail.text
        joined = Problem.of("continuation_joined", line=tail.line, on_page=tail.page or "",
                            into=head.source, title=head.title or "")
        owners[rest].warnings.append(joined)
        owners[rest].articles -= 1
    kept = [index for index in range(len(raws)) if index not in into]
    return [raws[index] for index in kept], [owners[index] for index in kept]


def _matches(raws: list[RawArticle]) -> dict[int, int]:
    """``{rest: first part}`` for every rest that matches exactly one first part."""
    firsts: dict[PartKey, list[int]] = defaultdict(list)
    rests: dict[PartKey, list[int]] = defaultdict(list)
    for index, raw in enumerate(raws):
        if raw.edition_date is None or raw.page is None:
            continue
        if raw.continued_to:
            firsts[(raw.outlet, raw.edition_date, _page(raw.page), _page(raw.continued_to))].append(index)
        if raw.continued_from:
            rests[(raw.outlet, raw.edition_date, _page(raw.continued_from), _page(raw.page))].append(index)
    into: dict[int, int] = {}
    for key, rest_ids in rests.items():
        if key[2] != key[3]:
            into.update(_pairs(firsts.get(key, []), rest_ids, raws))
    return into


def _pairs(first_ids: list[int], rest_ids: list[int], raws: list[RawArticle]) -> dict[int, int]:
    """Pair the parts of one page pair: one of each, or headlines that match one to one."""
    if len(first_ids) == 1 and len(rest_ids) == 1:
        return {rest_ids[0]: first_ids[0]}
    same = {(r, f) for r in rest_ids for f in first_ids if _same_headline(raws[f].title, raws[r].title)}
    pairs = {}
    for rest, first in same:
        if sum(1 for r, _ in same if r == rest) == 1 and sum(1 for _, f in same if f == first) == 1:
            pairs[rest] = first
    return pairs


def _same_headline(a: str | None, b: str | None) -> bool:
    """The same headline, or one holding the other's characters in order.

    A rest is often printed under a shortened headline: 酒泉新能源产业 over the rest of
    酒泉市政协调研新能源产业 (the shorter with at least :data:`MIN_SHARED_TITLE` characters).
    """
    if not a or not b:
        return False
    shorter, longer = sorted((_letters(a), _letters(b)), key=len)
    if len(shorter) < MIN_SHARED_TITLE:
        return shorter == longer
    remaining = iter(longer)
    return all(char in remaining for char in shorter)


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


def _root(into: dict[int, int], index: int) -> int:
    """The first part a rest ends up in (a three-page article's last part joins its first)."""
    seen = set()
    while index in into and index not in seen:
        seen.add(index)
        index = into[index]
    return index


def _page(page: str) -> str:
    """A page as a comparable token: ``05`` → ``5``, ``a3`` → ``A3``."""
    return re.sub(r"(?<!\d)0+(?=\d)", "", page.strip().upper())


def _page_order(page: str | None) -> tuple[int, str]:
    digits = re.sub(r"\D", "", page or "")
    return (int(digits) if digits else 0, page or "")
