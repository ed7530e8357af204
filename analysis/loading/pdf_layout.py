"""Rebuild headlines and paragraphs from the glyphs of one e-paper PDF page.

A PDF's text layer has no paragraphs: it places glyphs. On a newspaper page every body
line is broken by a narrow column, a paragraph runs on from the foot of one column to the
head of the next, and a headline is known by its larger face. Read as plain lines, such
text defeats the page splitter (most column lines are short and unpunctuated, like
subheads). This module restores what the page shows:

1. glyphs, in the order the layout program drew them, become **lines** (same baseline,
   no big gap);
2. lines become **column blocks** (same face size, stepping down the page, same left edge);
3. a body line starts a **paragraph** when it is indented from its block's left edge,
   follows a line that stopped short of the right edge, or has extra space above it; a
   paragraph open at the foot of a full column continues at the head of the next column
   unless that line is indented;
4. lines set well above the page's body size are **display lines** (headline, kicker);
   wrapped lines of one headline are joined.

The result is page text in the convention the splitter reads (a heading per line, an
indented body paragraph per line) and the numbers of the display lines, which start
articles even when no dateline follows.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from analysis.loading.layout import ends_sentence
from analysis.loading.paragraphs import glue
from analysis.loading.pdf_order import drawn_row_by_row, in_column_order

DISPLAY_RATIO = 1.25
"""A line whose face is this much larger than the page's body face is a headline or kicker."""
BODY_SHARE = 0.25
"""The body face is the smallest face that sets at least this share of a page's characters."""
SAME_FACE = 0.08
"""Faces within this relative difference count as the same size."""
INDENT_EMS = 1.0
"""A line starting this many ems right of its block's left edge is indented (a new paragraph)."""
SHORT_EMS = 1.5
"""A line ending this many ems short of its block's right edge ends its paragraph."""
MAX_GAP_EMS = 1.2
"""A gap wider than this on one baseline separates two pieces of text (two columns): one
ideographic space (1 em) still joins, a column gutter (usually 1.5 em or more) does not."""
MAX_LEADING = 2.4
"""Consecutive lines of one block are at most this many ems apart."""
EXTRA_SPACE_EMS = 0.5
"""A line this much further below the one before than the block's usual leading starts a new
paragraph (the space a layout leaves above a subhead or between items)."""


@dataclass(frozen=True)
class Glyph:
    """One drawn character: its text, left and right edge, baseline and face size (points)."""

    text: str
    x0: float
    x1: float
    y: float
    size: float


@dataclass
class TextLine:
    """Glyphs on one baseline, drawn one after another."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    display: bool = False


@dataclass
class _Block:
    lines: list[TextLine] = field(default_factory=list)

    @property
    def left(self) -> float:
        return min(line.x0 for line in self.lines)

    @property
    def right(self) -> float:
        return max(line.x1 for line in self.lines)

    @property
    def leading(self) -> float:
        """The usual distance between baselines in this block (the lower median step)."""
        steps = sorted(a.y - b.y for a, b in itertools.pairwise(self.lines))
        return steps[(len(steps) - 1) // 2] if steps else 0.0


@dataclass(frozen=True)
class PageText:
    """A PDF page as page text: one heading or paragraph per line, and the headline lines.

    Attributes:
        text: headings unindented, body paragraphs indented with two ideographic spaces.
        display_lines: 1-based numbers (within ``text``) of lines set in a display face.
        reordered: the page was drawn row by row across its columns and its lines were put
            back in column order (:mod:`analysis.loading.pdf_order`).
    """

    text: str
    display_lines: frozenset[int]
    reordered: bool = False


def page_text_from_glyphs(glyphs: list[Glyph]) -> PageText:
    """Rebuild the headings and paragraphs of one page from its glyphs (drawing order).

    Args:
        glyphs: the page's glyphs in the order the PDF draws them.

    Returns:
        The page text, which of its lines are display lines, and whether the lines had
        to be put back in column order.
    """
    lines = _lines(glyphs)
    if not lines:
        return PageText("", frozenset())
    body = _body_size(glyphs)
    for line in lines:
        line.display = line.size >= body * DISPLAY_RATIO
    reordered = False
    if drawn_row_by_row(lines):
        in_order = in_column_order(lines)
        reordered = any(a is not b for a, b in zip(in_order, lines, strict=True))
        lines = in_order
    pieces = _paragraphs(_blocks(lines))
    display = frozenset(number for number, piece in enumerate(pieces, start=1) if piece.display)
    return PageText("\n".join(map(_as_page_line, pieces)), display, reordered)


def _as_page_line(piece: _Piece) -> str:
    """The piece as a line of page text, laid out as on a typed-out page.

    A heading, or a one-line piece that ends no sentence (a subhead, a label), is flush
    left; a body paragraph is indented.
    """
    if piece.display or (piece.lines == 1 and not ends_sentence(piece.text)):
        return piece.text
    return "\u3000\u3000" + piece.text


def _lines(glyphs: list[Glyph]) -> list[TextLine]:
    """Group glyphs into lines: same baseline, moving right, no gap wider than a column gutter."""
    runs: list[list[Glyph]] = []
    for glyph in glyphs:
        if glyph.text.isspace() or not glyph.text:
            continue
        if runs and _continues(runs[-1], glyph):
            runs[-1].append(glyph)
        else:
            runs.append([glyph])
    return [
        TextLine(_line_text(run), run[0].x0, max(g.x1 for g in run), run[0].y, max(g.size for g in run))
        for run in runs
    ]


def _continues(run: list[Glyph], glyph: Glyph) -> bool:
    """True when ``glyph`` is the next character of the line ``run``."""
    last = run[-1]
    em = max(last.size, glyph.size)
    gap = glyph.x0 - max(g.x1 for g in run[-3:])
    return abs(glyph.y - run[0].y) <= 0.3 * em and -0.3 * em <= gap <= MAX_GAP_EMS * em


def _line_text(run: list[Glyph]) -> str:
    """The line's text, with a space where a gap is wider than the line's usual spacing.

    The usual spacing (the median gap) absorbs tracking and justification; a gap at least
    0.4 em wider than it stands for a space (0.2 em between Latin letters or digits).
    """
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(run)]
    usual = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
    text = run[0].text
    for gap, glyph in zip(gaps, run[1:], strict=True):
        wider = gap - usual
        if wider >= 0.4 * glyph.size or (wider > 0.2 * glyph.size and _ascii_edge(text, glyph.text)):
            text += " "
        text += glyph.text
    return text


def _ascii_edge(left: str, right: str) -> bool:
    """True when a space between the two pieces is a word space (Latin letters or digits)."""
    return left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum()


def _body_size(glyphs: list[Glyph]) -> float:
    """The face the page's body text is set in.

    That is the smallest face holding at least :data:`BODY_SHARE` of the characters: body
    text is set smaller than headlines, and a page of short items under big headlines may
    hold more headline characters than body characters. (A face smaller still, such as a
    masthead's date or a credit, holds far fewer.)
    """
    counts = Counter(round(g.size * 2) / 2 for g in glyphs if not g.text.isspace())
    total = sum(counts.values())
    for size in sorted(counts):
        if counts[size] >= BODY_SHARE * total:
            return size
    return max(counts, key=lambda size: (counts[size], -size)) if counts else 0.0


def _same_face(a: float, b: float) -> bool:
    return abs(a - b) <= SAME_FACE * max(a, b)


def _blocks(lines: list[TextLine]) -> list[_Block]:
    """Group consecutive lines into column blocks: same face, stepping down, same left edge."""
    blocks: list[_Block] = []
    for line in lines:
        if blocks and _fits_block(blocks[-1], line):
            blocks[-1].lines.append(line)
        else:
            blocks.append(_Block([line]))
    return blocks


def _fits_block(block: _Block, line: TextLine) -> bool:
    last, em = block.lines[-1], line.size
    step, slack = last.y - line.y, (INDENT_EMS + 2) * em
    same_column = abs(line.x0 - block.left) <= slack
    return _same_face(last.size, line.size) and 0 < step <= MAX_LEADING * em and same_column


@dataclass
class _Piece:
    """A heading or a paragraph: its text, whether it is a display line, and how many lines."""

    text: str
    display: bool
    lines: int = 1


def _joined(lines: Iterable[str]) -> str:
    """Wrapped lines as one: nothing between Chinese lines, a space between Latin words."""
    text = ""
    for line in lines:
        text += glue(text, line) if text else line
    return text


def _paragraphs(blocks: list[_Block]) -> list[_Piece]:
    """The page's headings and paragraphs in order."""
    pieces: list[_Piece] = []
    open_paragraph = False
    for block in blocks:
        if block.lines[0].display:
            pieces.append(_Piece(_joined(line.text for line in block.lines), True, len(block.lines)))
            open_paragraph = False
            continue
        left, right, leading = block.left, block.right, block.leading
        multi = len(block.lines) > 1
        for index, line in enumerate(block.lines):
            indented = multi and line.x0 >= left + INDENT_EMS * line.size
            spaced = index > 0 and block.lines[index - 1].y - line.y > leading + EXTRA_SPACE_EMS * line.size
            if indented or spaced or not open_paragraph:
                pieces.append(_Piece(line.text, False))
            else:  # Chinese type breaks a line anywhere, inside a number or a web address too:
                pieces[-1].text += glue(pieces[-1].text, line.text)  # no space, but between Latin words
                pieces[-1].lines += 1
            if multi:
                open_paragraph = line.x1 > right - SHORT_EMS * line.size
            else:  # a lone line has no column edges to measure: its punctuation decides
                open_paragraph = not ends_sentence(line.text)
    return pieces

