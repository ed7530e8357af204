"""Where the articles of a printed newspaper page begin: the headlines.

A headline is known by what follows it: a dateline (``本报嘉峪关讯``), a continuation mark
(``(接一版)``) or, under a photo item's captions, a photo credit. From each such anchor this
module walks back over the headline and kicker lines to the line where the article starts;
on a page rebuilt from a PDF's geometry, each run of display lines followed by body text
starts one too. :mod:`analysis.loading.layout` recognises the anchors;
:mod:`analysis.loading.page` cuts the page at these starts and assembles each article.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.loading import layout
from analysis.loading.paragraphs import Line

MAX_HEADING_LINES = 3
"""A headline with its kicker and subtitle is at most this many lines."""
MAX_CAPTION_LINES = 2
"""A photo-news item has at most this many caption lines between its headline and credit."""

FIRST_TITLE_MAX = 64
"""A file's first line may be a longer headline than one in the middle of a page."""


@dataclass(frozen=True)
class Headings:
    """What the page's geometry says, if known: the headlines, and whether lines are paragraphs.

    Without geometry (plain text) headlines are recognised by their text and broken
    paragraphs are rejoined. With it (a PDF page), the display lines are the headlines
    (or, on a page with none, the text decides) and every line is a whole paragraph.
    """

    display: frozenset[int] | None

    @property
    def whole_paragraphs(self) -> bool:
        """True when each line is a whole paragraph (the layout was rebuilt from geometry)."""
        return self.display is not None

    def allows(self, line: Line, max_chars: int = layout.HEADLINE_MAX) -> bool:
        """True when ``line`` may be (part of) a headline."""
        if self.display:
            return line.number in self.display
        return layout.looks_like_heading(line.raw, max_chars=max_chars)

    def display_starts(self, lines: list[Line]) -> set[int]:
        """Indexes of the first line of each run of display lines that body text follows."""
        if not self.display:
            return set()
        starts = set()
        for idx, line in enumerate(lines):
            if line.number not in self.display or (idx and lines[idx - 1].number in self.display):
                continue
            end = idx
            while end < len(lines) and lines[end].number in self.display:
                end += 1
            if end < len(lines):
                starts.add(idx)
        return starts


def anchor_kind(line: Line) -> str | None:
    """Classify a line as a dateline, continuation mark, photo credit, or nothing."""
    if layout.parse_dateline(line.text):
        return "dateline"
    if layout.parse_continuation(line.text) is not None:
        return "continuation"
    if layout.parse_photo_credit(line.text):
        return "credit"
    return None


def article_starts(lines: list[Line], headings: Headings) -> list[int]:
    """Return the sorted indexes of the lines where articles begin."""
    starts: set[int] = headings.display_starts(lines)
    floor = 0
    for idx, line in enumerate(lines):
        kind = anchor_kind(line)
        if kind is None:
            continue
        if kind == "credit":
            start = _photo_item_start(lines, idx, floor, headings)
            if start is None:
                continue
        else:
            start = _heading_start(lines, idx, floor, headings)
        starts.add(start)
        floor = idx + 1
    return sorted(starts)


def _heading_start(lines: list[Line], anchor: int, floor: int, headings: Headings) -> int:
    """Walk back from an anchor over headline/kicker lines; return the first one's index."""
    start = anchor
    while (
        start - 1 >= floor
        and anchor - (start - 1) <= MAX_HEADING_LINES
        and headings.allows(lines[start - 1], FIRST_TITLE_MAX if start == 1 else layout.HEADLINE_MAX)
    ):
        start -= 1
    return start


def _photo_item_start(lines: list[Line], credit: int, floor: int, headings: Headings) -> int | None:
    """Find the headline of a photo-news item ending in a credit, or None if it has none.

    A photo item is a headline, one or two caption paragraphs, then the credit. A credit
    with no such headline just closes the article above it.
    """
    for caption_lines in range(1, MAX_CAPTION_LINES + 1):
        head = credit - caption_lines - 1
        if head < floor:
            return None
        captions = lines[head + 1 : credit]
        if any(headings.allows(c) for c in captions):
            return None
        if headings.allows(lines[head]):
            return _heading_start(lines, head + 1, floor, headings)
    return None
