"""How tall a table's rows are and how wide its columns: one-line rows, or wrapped ones.

Pure functions over DataFrames (no Streamlit) returning options for :func:`ui.common.show_table`:
column widths that fit the longest cell up to a limit, rows of one line that show many at
once, rows tall enough to wrap long text, and the cells of a wrapping table broken into
lines with no line starting on closing punctuation (:mod:`ui.line_breaks`).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping

import pandas as pd

from ui.glyph_widths import FONT_PX, text_px
from ui.line_breaks import break_lines, broken_text

CELL_PADDING = 20
"""A cell's padding, both sides, in pixels (17), and a little room to spare: a column fitted
to a cell shows it whole, and a line broken here is never broken again by the table."""
WRAP_ROW_HEIGHT = 78
"""Rows of three lines: Streamlit wraps a cell's text only in rows taller than 4rem (64 px)."""
LINE_PX, MOST_LINES = 20, 5
"""A wrapped line's height, and the most lines a row grows to for its longest text."""


def wrapped_column(texts: Iterable[object], *, width: int) -> dict[str, object]:
    """``show_table`` options that wrap a column ``width`` pixels wide onto the lines its longest text takes.

    Lines are counted as :func:`broken_cells` breaks them (3 to :data:`MOST_LINES`), so
    the row shows every line it is broken into; all texts on one line keep one-line rows.
    A load reason naming a file's columns runs to five lines; at three, its advice was cut
    off. The table is as tall as eight rows (or all).
    """
    texts = list(texts)
    lines = _lines(texts, width)
    if lines <= 1:
        return {}
    return _wrapped(len(texts), lines=min(MOST_LINES, max(3, lines)))


def _lines(texts: Iterable[object], width: object) -> int:
    """The most lines :func:`broken_cells` breaks one of ``texts`` into, in a column ``width`` wide."""
    room = line_px(width) or FONT_PX
    return max((len(break_lines(text, width=room)) for text in texts if isinstance(text, str)), default=1)


def _wrapped(n_rows: int, *, lines: int = 3) -> dict[str, object]:
    """Row and table heights for rows of ``lines`` wrapped lines: as tall as eight rows (or all)."""
    row = WRAP_ROW_HEIGHT + LINE_PX * (lines - 3)
    return {"row_height": row, "height": min(n_rows, 8) * row + 40}


def _cell_px(value: object) -> float:
    """The pixels a cell needs to show ``value`` on one line (glyph widths and padding)."""
    return text_px(value) + CELL_PADDING


def fitted_widths(table: pd.DataFrame, most: dict[str, int]) -> dict[str, dict[str, object]]:
    """Column widths in pixels that fit the longest cell of each column, up to ``most[column]``.

    A Chinese character takes 14 px, a Latin letter its own width. A column as wide as its
    longest cell shows it whole; a longer cell wraps (:func:`wrapped_cells`) or, in a
    table wider than the page, scrolls sideways rather than being cut short.
    """
    options: dict[str, dict[str, object]] = {}
    for column, limit in most.items():
        if column not in table:
            continue
        longest = max((_cell_px(value) for value in table[column]), default=0)
        options[column] = {"width": math.ceil(min(limit, max(80, longest)))}  # never a pixel short
    return options


def wrapped_cells(table: pd.DataFrame, widths: dict[str, dict[str, object]]) -> dict[str, object]:
    """``show_table`` options that wrap rows onto the lines the longest cell takes (3 to :data:`MOST_LINES`).

    ``widths`` are column options as :func:`fitted_widths` makes them (pixel widths; other
    columns are ignored). A title or a context cut at the column's edge is readable only on
    hover; wrapped, it is read in place, every line of it. A table whose cells all fit
    keeps one-line rows.
    """
    lines = max((_lines(table[column], option["width"]) for column, option in widths.items()
                 if column in table and isinstance(option.get("width"), int)), default=1)
    return _wrapped(len(table), lines=min(MOST_LINES, max(3, lines))) if lines > 1 else {}


ROW_PX = 35
"""Height of a one-line row (and of the header row), Streamlit's default."""
COMPACT_ROWS = 22
"""One-line rows a list shows before it scrolls: a screenful of a laptop's page."""


def compact_rows(n_rows: int, *, shown: int = COMPACT_ROWS) -> dict[str, object]:
    """``show_table`` options for one-line rows, the table as tall as ``shown`` rows (or all).

    Streamlit's own height shows ten rows; an analyst scanning a list of articles wants
    a screenful, reading the one ticked in full below.
    """
    return {"row_height": ROW_PX, "height": (min(n_rows, shown) + 1) * ROW_PX + 3}


WRAPS_ABOVE = 64
"""Streamlit wraps a cell's text only in rows taller than this (4rem, in pixels)."""
NAMED_WIDTHS = {"small": 75, "medium": 200, "large": 400}
"""Streamlit's named column widths, in pixels."""


def line_px(width: object) -> float | None:
    """The pixels of text a line of a column ``width`` (pixels or a name) holds; None: unknown."""
    pixels = NAMED_WIDTHS.get(width) if isinstance(width, str) else width
    if not isinstance(pixels, int | float) or isinstance(pixels, bool):
        return None
    return max(FONT_PX, pixels - CELL_PADDING)


def broken_cells(table: pd.DataFrame, config: Mapping[str, object]) -> pd.DataFrame:
    """``table`` with the text of each column of known width broken into lines (:mod:`ui.line_breaks`).

    Args:
        table: the table as shown.
        config: column settings as given to ``st.dataframe`` (``{column: {"width": …}}``);
            columns without a width in pixels or by name are left as they are.

    Returns:
        A new table; the argument is not changed.
    """
    broken = {}
    for column, settings in config.items():
        room = line_px(settings.get("width")) if isinstance(settings, Mapping) else None
        if room is not None and column in table and _holds_text(table[column]):
            broken[column] = table[column].map(lambda value, room=room: broken_text(value, width=room))
    return table.assign(**broken) if broken else table


def _holds_text(column: pd.Series) -> bool:
    return column.dtype == object or pd.api.types.is_string_dtype(column)


MARKER_PX, HEADER_ICON_PX = 40, 16
"""Room for the tick column of a selectable table, and for a header's sort arrow (pixels)."""


def fixed_widths(table: pd.DataFrame, config: Mapping[str, object], *, ticks: bool) -> tuple[dict, int]:
    """Every shown column's width in pixels, and the table's: a table no wider than its columns.

    A table as wide as the page spreads the room its columns leave over among them, so a
    column is wider than the lines :func:`broken_cells` broke for it, and the table joins
    two of them with a space between. Made as wide as its columns, it has no room over.
    A column without a width in pixels (or by name) is as wide as its longest cell or its
    header, whichever is wider.

    Args:
        table: the table as shown.
        config: column settings (``None`` for a hidden column).
        ticks: whether the table has a tick column (it can be selected).

    Returns:
        ``(config, width)``: the settings with a width in pixels for each shown column, and
        the table's width in pixels.
    """
    fixed: dict[str, object] = dict(config)
    total = MARKER_PX if ticks else 0
    for column, settings in config.items():
        if not isinstance(settings, Mapping):
            continue
        given = settings.get("width")
        width = NAMED_WIDTHS.get(given, given) if isinstance(given, str | int) else None
        if not isinstance(width, int):
            header = text_px(str(settings.get("label") or column)) + HEADER_ICON_PX
            values = table.get(column, [])
            cells = max((text_px(_as_shown(value)) for value in values), default=0)
            width = math.ceil(max(header, cells) + CELL_PADDING)  # never a pixel short
        fixed[column] = {**settings, "width": width}
        total += width
    return fixed, total + 2


def _as_shown(value: object) -> str:
    """A cell's value as the table writes it, near enough to measure: dates as YYYY-MM-DD.

    A missing value (``NaT``, itself a ``datetime``; a float ``NaN``) is an empty cell, as the table shows it.
    """
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, dt.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, int | float):
        return f"{value:,}"
    return str(value)
