"""Read tabular inputs into numbered flat records, reporting every record that fails.

JSON and JSON Lines are read by :mod:`analysis.loading.json_tables` into the same records.

CSV/TSV (with multi-line quoted fields), Excel (.xlsx), JSON (a list of objects, or an
object holding one, such as 新闻联播's ``videoList``), JSON Lines and Parquet all become
``(number, {column: value})`` pairs, where the number is what an analyst can find the
record by: the line in a CSV or JSON Lines file, the row in a sheet (each sheet of a
workbook is read as its own table), the position in a JSON list. Nested objects are
flattened to dotted column names (``video_detail.content``).
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

from analysis.report import Problem

Record = tuple[int, dict[str, Any]]


@dataclass
class RecordBatch:
    """What a table reader found in one file.

    Attributes:
        records: ``(number, flat record)`` for every record that could be read.
        errors: records (or the whole file) that could not be read, with the reason.
        skipped: rows deliberately not read as records (a title row above a header).
        total: records found, read or not (so ``total == len(records) + record errors``).
        columns: the column names, in order of first appearance.
        warnings: what was read but should be checked (a header name taken from the row above).
        formulas: ``{number: {column: formula}}``: cells of a record that hold a formula
            no spreadsheet program calculated, read as empty (:mod:`analysis.loading.formulas`).
    """

    records: list[Record] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    total: int = 0
    columns: list[str] = field(default_factory=list)
    formulas: dict[int, dict[str, str]] = field(default_factory=dict)

    def add(self, number: int, record: dict[str, Any]) -> None:
        """Add one record, remembering any new column names."""
        flat = flatten_record(record)
        for key in flat:
            if key not in self._seen:
                self._seen.add(key)
                self.columns.append(key)
        self.records.append((number, flat))
        self.total += 1

    def fail(self, code: str, line: int | None = None, **params: Any) -> None:
        """Report one record that could not be read (a message code, its line, its values)."""
        self.errors.append(Problem(line, code, params))
        self.total += 1

    def __post_init__(self) -> None:
        self._seen: set[str] = set(self.columns)


def flatten_record(record: dict[str, Any], prefix: str = "", depth: int = 0) -> dict[str, Any]:
    """Flatten nested objects into dotted keys (two levels deep); lists of strings are joined."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and depth < 2:
            flat.update(flatten_record(value, f"{name}.", depth + 1))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            flat[name] = "\n".join(value)
        else:
            flat[name] = value
    return flat


HEADER_SEARCH_ROWS = 10
"""Non-empty rows of a table looked at for its header (below a title or a note)."""


def read_delimited(
    text: str, *, delimiter: str | None = None, columns: Mapping[str, str] | None = None
) -> RecordBatch:
    """Read CSV or TSV text with a header row; a row of the wrong width is reported by line.

    The header is found as in a sheet (:func:`find_header`): a title row an export put
    above it is reported as left out, not read as the header.
    """
    batch = RecordBatch()
    if delimiter is None:
        delimiter = _sniff_delimiter(text)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    rows = _csv_rows(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    first: list[tuple[int, list[str] | csv.Error]] = []
    for item in rows:
        first.append(item)
        if len(first) >= HEADER_SEARCH_ROWS or isinstance(item[1], csv.Error):
            break
    candidates = [(line, row) for line, row in first if not isinstance(row, csv.Error)]
    if not candidates:
        if first:  # the first row is already malformed
            batch.errors.append(Problem.of("bad_header", line=first[0][0], detail=str(first[0][1])))
        else:
            batch.errors.append(Problem.of("no_header"))
        return batch
    at = find_header([row for _, row in candidates], columns)
    header_line = candidates[at][0]
    named = _named_from_above(candidates[at][1], candidates[at - 1] if at else None, header_line)
    batch.warnings += named.problems
    header = _header_names(named.row)
    for line, row in candidates[:at]:
        batch.skipped.append(Problem.of("rows_above_header", line=line, header_line=header_line,
                                        text=_row_text(row)))
    batch.skipped += _repeated_columns(candidates[at][1], header_line)
    for line, row in chain(first[first.index(candidates[at]) + 1:], rows):
        if isinstance(row, csv.Error):
            batch.fail("malformed_csv", line=line, detail=str(row))
        elif _same_cells(row, candidates[at][1]):
            batch.skipped.append(Problem.of("header_repeated", line=line, header_line=header_line))
        elif len(row) != len(header):
            batch.fail("wrong_field_count", line=line, found=len(row), expected=len(header))
        else:
            batch.add(line, dict(zip(header, row, strict=True)))
    _refuse_unclosed_quote(batch, text)
    return batch


def _refuse_unclosed_quote(batch: RecordBatch, text: str) -> None:
    """Report, not load, a last record that a quote opened and never closed ran to the end of the file.

    The CSV reader takes every later line into that one field (``"…`` on line 2 of 3,000
    gives one record), so the records after it would pass unseen inside it.
    """
    if text.count('"') % 2 == 0 or not batch.records:
        return
    line, record = batch.records[-1]
    if any(isinstance(value, str) and "\n" in value for value in record.values()):
        batch.records.pop()
        batch.errors.append(Problem.of("unclosed_quote", line=line, first_line=line,
                                       last_line=text.rstrip().count("\n") + 1))


def _csv_rows(reader) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """``(first line, row)`` of every non-blank row, or ``(line, error)`` for a malformed one."""
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, exc
            continue
        if any(cell.strip() for cell in row):
            yield start, row


def find_header(rows: list[list[Any]], columns: Mapping[str, str] | None) -> int:
    """Which of a table's first non-empty rows is its header: the first naming a text column.

    An export often puts a title row (``2024年政协新闻汇总``) or a note above the header;
    the first row that names a text column (:func:`~analysis.loading.columns.recognise_columns`,
    with the explicit ``--columns`` mapping) is the header, else the first row is.
    """
    from analysis.loading.columns import recognise_columns

    return next((i for i, row in enumerate(rows)
                 if recognise_columns(_header_names(row), columns).get("text") is not None), 0)


def _row_text(row: Sequence[Any]) -> str:
    """A row's non-empty cells joined, cut to 60 characters, to name it in a report."""
    return " ".join(str(cell).strip() for cell in row if cell not in (None, ""))[:60]


def _sniff_delimiter(text: str) -> str:
    """Pick the delimiter of the header line among comma, tab, semicolon and bar."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


@dataclass
class Sheet:
    """The records of one worksheet of a workbook.

    Attributes:
        title: the sheet's name, as its tab shows it.
        batch: its records, numbered by row, and what could not be read.
        header: the column names its header row gives, in order (empty when it has none).
    """

    title: str
    batch: RecordBatch
    header: list[str] = field(default_factory=list)


def read_excel(data: bytes, *, columns: Mapping[str, str] | None = None) -> list[Sheet]:
    """Read every sheet of an .xlsx workbook that holds rows.

    Each sheet is its own table, with its own header, so a workbook of one sheet per month
    or per outlet loads whole. The header is the first of the first
    :data:`HEADER_SEARCH_ROWS` non-empty rows that names a text column (see
    :func:`~analysis.loading.columns.recognise_columns`; ``columns`` is the explicit
    mapping of ``--columns``), else the first non-empty row: an export often has a title
    row (``2024年政协新闻汇总``) or a note above its header; those rows are reported as
    left out (``rows_above_header``). Sheets with nothing in them are passed over (there
    is nothing to lose); a workbook with no rows at all, or one that cannot be opened,
    gives one sheet whose batch holds the error. A used cell (text, title, date…) holding a
    formula that was never calculated is named as such (:mod:`analysis.loading.formulas`).
    """
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from analysis.loading.formulas import refuse_uncalculated_formulas

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return [Sheet("", RecordBatch(errors=[Problem.of("bad_xlsx", detail=str(exc))]))]
    sheets = []
    for worksheet in workbook.worksheets:
        sheet = _read_sheet(worksheet, columns)
        if sheet is not None:
            sheets.append(sheet)
    workbook.close()
    refuse_uncalculated_formulas(data, sheets, columns)
    return sheets or [Sheet("", RecordBatch(errors=[_empty_workbook(data)]))]


def _empty_workbook(data: bytes) -> Problem:
    """Why a workbook gave no rows: its sheets are empty, or hold only pictures (``xl/media/``)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        pictures = sum(name.startswith("xl/media/") for name in archive.namelist())
    if pictures:
        return Problem.of("workbook_only_pictures", n_pictures=pictures)
    return Problem.of("empty_sheet")


def _read_sheet(worksheet, columns: Mapping[str, str] | None) -> Sheet | None:
    """The rows of one worksheet below its header, or None when it holds no cell at all.

    Only the rows looked at for the header are held; the rest stream into the batch. The
    size the sheet states is not trusted: a writer stating ``A1:XFD1048576`` would give
    every row 16,384 cells (gigabytes for a few thousand rows); a cell right of the
    header's last is named by position (``column_7``), as an empty header cell is.
    """
    worksheet.reset_dimensions()
    rows = ((number, row) for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1)
            if any(cell not in (None, "") for cell in row))
    first = list(islice(rows, HEADER_SEARCH_ROWS))
    if not first:
        return None
    batch = RecordBatch()
    at = find_header([row for _, row in first], columns)
    named = _named_from_above(first[at][1], first[at - 1] if at else None, first[at][0])
    batch.warnings += named.problems
    header = _header_names(named.row)
    for number, row in first[:at]:
        batch.skipped.append(Problem.of("rows_above_header", line=number, header_line=first[at][0],
                                        text=_row_text(row)))
    batch.skipped += _repeated_columns(first[at][1], first[at][0])
    for number, row in chain(first[at + 1:], rows):
        if _same_cells(row, first[at][1]):
            batch.skipped.append(Problem.of("header_repeated", line=number, header_line=first[at][0]))
            continue
        if len(row) > len(header):
            header += [f"column_{i + 1}" for i in range(len(header), len(row))]
        batch.add(number, dict(zip(header, row, strict=False)))
    return Sheet(worksheet.title, batch, header)


@dataclass(frozen=True)
class _NamedHeader:
    row: list[Any]
    problems: list[Problem]


def _named_from_above(row: Sequence[Any], above: tuple[int, Sequence[Any]] | None, line: int) -> _NamedHeader:
    """The header row, each empty cell named by the cell above it when that row is just above.

    A header cell merged over two rows (``日期`` beside ``标题 | 正文`` under a merged
    ``新闻``) holds its name in the upper row only; without it, the column would be
    ``column_3`` and its dates unread. Each name taken so is a warning naming the column.
    """
    if above is None or above[0] != line - 1:
        return _NamedHeader(list(row), [])
    cells, problems = list(row) + [None] * (len(above[1]) - len(row)), []
    for index, value in enumerate(cells):
        upper = above[1][index] if index < len(above[1]) else None
        if (value is None or not str(value).strip()) and upper is not None and str(upper).strip():
            cells[index] = str(upper).strip()
            problems.append(Problem.of("header_name_from_above", line=line, column=index + 1,
                                       name=cells[index]))
    return _NamedHeader(cells, problems)


def _same_cells(row: Sequence[Any], header: Sequence[Any]) -> bool:
    """Whether a row repeats the header (exports joined one after another), empty cells aside."""
    def cells(values: Sequence[Any]) -> list[str]:
        texts = ["" if value is None else str(value).strip() for value in values]
        while texts and not texts[-1]:
            texts.pop()
        return texts

    return cells(row) == cells(header)


def _header_names(row: Sequence[Any]) -> list[str]:
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
            for name, numbered in zip(_cell_names(row), _header_names(row), strict=True) if name != numbered]
