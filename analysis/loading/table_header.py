"""A table's header row: which row it is, the column names it gives, and what it leaves out.

CSV files and worksheets alike often carry a title row (``2024年政协新闻汇总``) or a note
above the header, a header cell merged over two rows, a column name given twice, or the
header repeated further down (exports joined one after another). Both readers find the
header here and report each of these by line, so nothing is read as a record by mistake
and nothing is dropped without a word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from analysis.loading.record_batch import RecordBatch
from analysis.report import Problem

HEADER_SEARCH_ROWS = 10
"""Non-empty rows of a table looked at for its header (below a title or a note)."""


@dataclass(frozen=True)
class Header:
    """The header row found among a table's first rows.

    Attributes:
        at: its position among the rows looked at.
        line: its line (CSV) or row (sheet) number.
        row: its cells as written.
        names: the column names it gives (empty cells named from above or by position).
    """

    at: int
    line: int
    row: Sequence[Any]
    names: list[str]

    def repeated_by(self, row: Sequence[Any]) -> bool:
        """Whether ``row`` repeats this header (exports joined one after another), empty cells aside."""
        return _cells(row) == _cells(self.row)


def take_header(batch: RecordBatch, rows: list[tuple[int, Sequence[Any]]],
                columns: Mapping[str, str] | None) -> Header:
    """Find the header among a table's first non-empty ``(line, row)``s; report the rows above it.

    The rows above the header are reported as left out (``rows_above_header``), names
    taken from the row above as warnings, and a name given twice as left out
    (``duplicate_column``), all in ``batch``.
    """
    at = find_header([row for _, row in rows], columns)
    line, row = rows[at]
    named, problems = _named_from_above(row, rows[at - 1] if at else None, line)
    batch.warnings += problems
    for above_line, above in rows[:at]:
        batch.skipped.append(Problem.of("rows_above_header", line=above_line, header_line=line,
                                        text=_row_text(above)))
    batch.skipped += _repeated_columns(row, line)
    return Header(at, line, row, header_names(named))


def find_header(rows: list[list[Any]], columns: Mapping[str, str] | None) -> int:
    """Which of a table's first non-empty rows is its header: the first naming a text column.

    An export often puts a title row (``2024年政协新闻汇总``) or a note above the header;
    the first row that names a text column (:func:`~analysis.loading.columns.recognise_columns`,
    with the explicit ``--columns`` mapping) is the header, else the first row is.
    """
    from analysis.loading.columns import recognise_columns

    return next((i for i, row in enumerate(rows)
                 if recognise_columns(header_names(row), columns).get("text") is not None), 0)


def _row_text(row: Sequence[Any]) -> str:
    """A row's non-empty cells joined, cut to 60 characters, to name it in a report."""
    return " ".join(str(cell).strip() for cell in row if cell not in (None, ""))[:60]


def _named_from_above(row: Sequence[Any], above: tuple[int, Sequence[Any]] | None,
                      line: int) -> tuple[list[Any], list[Problem]]:
    """The header row, each empty cell named by the cell above it when that row is just above.

    A header cell merged over two rows (``日期`` beside ``标题 | 正文`` under a merged
    ``新闻``) holds its name in the upper row only; without it, the column would be
    ``column_3`` and its dates unread. Each name taken so is a warning naming the column.
    """
    if above is None or above[0] != line - 1:
        return list(row), []
    cells, problems = list(row) + [None] * (len(above[1]) - len(row)), []
    for index, value in enumerate(cells):
        upper = above[1][index] if index < len(above[1]) else None
        if (value is None or not str(value).strip()) and upper is not None and str(upper).strip():
            cells[index] = str(upper).strip()
            problems.append(Problem.of("header_name_from_above", line=line, column=index + 1,
                                       name=cells[index]))
    return cells, problems


def _cells(values: Sequence[Any]) -> list[str]:
    """A row's cells as text, trailing empty cells dropped."""
    texts = ["" if value is None else str(value).strip() for value in values]
    while texts and not texts[-1]:
        texts.pop()
    return texts


def header_names(row: Sequence[Any]) -> list[str]:
    """A row read as column names: empty cells named by position (``column_3``).

    A name the row repeats is numbered from its second time (``text (2)``): as keys of one
    record, the later column would otherwise replace the first without a word.
    """
    seen: Counter[str] = Counter()
    names = []
    for name in _cell_names(row):
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


def _cell_names(row: Sequence[Any]) -> list[str]:
    return [("" if cell is None else str(cell).strip()) or f"column_{i + 1}" for i, cell in enumerate(row)]


def _repeated_columns(row: Sequence[Any], line: int) -> list[Problem]:
    """One reason for each column whose name the header row repeats (read as ``text (2)``)."""
    return [Problem.of("duplicate_column", line=line, column=name, renamed=numbered)
            for name, numbered in zip(_cell_names(row), header_names(row), strict=True) if name != numbered]
