"""Put the lines of a PDF page drawn row by row across its columns back into column order.

A newspaper's layout program draws each column's lines one after another, which is the
order :mod:`analysis.loading.pdf_layout` reads. Some converters (print-to-PDF of a web
e-paper, some OCR tools) draw instead row by row across the page: the first line of every
column, then the second line of every column… Read in that order, the columns interleave.

Such a page is recognised by its many steps sideways along one baseline. Its lines are then
re-ordered within each band between headlines: the body lines are grouped into columns
by their left edge, the columns read left to right, each from top to bottom. A page whose
articles sit side by side under different headlines in one band cannot be untangled this
way; the loader warns that the page was re-ordered so the analyst can check it.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.loading.pdf_layout import TextLine

ROW_ORDER_SHARE = 0.3
"""A page is drawn row by row when at least this share of its body lines are followed by a
line on the same baseline further right."""
COLUMN_SLACK_EMS = 3.0
"""Lines whose left edges are within this many ems of a column's left edge belong to it
(room for a paragraph indent)."""


def drawn_row_by_row(lines: list[TextLine]) -> bool:
    """True when the page's lines were drawn across its columns rather than down them."""
    body = [line for line in lines if not line.display]
    if len(body) < 4:
        return False
    sideways = sum(
        1 for a, b in itertools.pairwise(body)
        if abs(a.y - b.y) <= 0.3 * a.size and b.x0 > a.x1
    )
    return sideways >= ROW_ORDER_SHARE * len(body)


def in_column_order(lines: list[TextLine]) -> list[TextLine]:
    """The lines re-ordered column by column within each band between display lines.

    Args:
        lines: the page's lines in drawing order (row by row).

    Returns:
        The same lines: each run of display lines where it was drawn, and the body lines
        after it in column order (columns left to right, lines top to bottom).
    """
    ordered: list[TextLine] = []
    band: list[TextLine] = []
    for line in lines:
        if line.display:
            ordered += _columns(band)
            band = []
            ordered.append(line)
        else:
            band.append(line)
    return ordered + _columns(band)


def _columns(band: list[TextLine]) -> list[TextLine]:
    """The body lines of one band, column after column, each column top to bottom."""
    columns: list[list[TextLine]] = []
    for line in sorted(band, key=lambda item: item.x0):
        if columns and line.x0 <= columns[-1][0].x0 + COLUMN_SLACK_EMS * line.size:
            columns[-1].append(line)
        else:
            columns.append([line])
    return [line for column in columns for line in sorted(column, key=lambda item: -item.y)]
