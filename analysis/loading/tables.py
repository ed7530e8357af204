"""Read tabular inputs into numbered flat records, reporting every record that fails.

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
import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from analysis.report import Problem

Record = tuple[int, dict[str, Any]]


@dataclass
class RecordBatch:
    """What a table reader found in one file.

    Attributes:
        records: ``(number, flat record)`` for every record that could be read.
        errors: records (or the whole file) that could not be read, with the reason.
        total: records found, read or not (so ``total == len(records) + record errors``).
        columns: the column names, in order of first appearance.
    """

    records: list[Record] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    total: int = 0
    columns: list[str] = field(default_factory=list)

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


def read_delimited(text: str, *, delimiter: str | None = None) -> RecordBatch:
    """Read CSV or TSV text with a header row; a row of the wrong width is reported by line."""
    batch = RecordBatch()
    if delimiter is None:
        delimiter = _sniff_delimiter(text)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        batch.errors.append(Problem.of("no_header"))
        return batch
    except csv.Error as exc:
        batch.errors.append(Problem.of("bad_header", line=1, detail=str(exc)))
        return batch
    header = [h.strip() or f"column_{i + 1}" for i, h in enumerate(header)]
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            batch.fail("malformed_csv", line=start, detail=str(exc))
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            batch.fail("wrong_field_count", line=start, found=len(row), expected=len(header))
            continue
        batch.add(start, dict(zip(header, row, strict=True)))
    return batch


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
    """

    title: str
    batch: RecordBatch


def read_excel(data: bytes) -> list[Sheet]:
    """Read every sheet of an .xlsx workbook that holds rows (header in its first non-empty row).

    Each sheet is its own table, with its own header, so a workbook of one sheet per month
    or per outlet loads whole. Sheets with nothing in them are passed over (there is
    nothing to lose); a workbook with no rows at all, or one that cannot be opened, gives
    one sheet whose batch holds the error.
    """
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return [Sheet("", RecordBatch(errors=[Problem.of("bad_xlsx", detail=str(exc))]))]
    sheets = []
    for worksheet in workbook.worksheets:
        batch = _read_sheet(worksheet)
        if batch is not None:
            sheets.append(Sheet(worksheet.title, batch))
    workbook.close()
    return sheets or [Sheet("", RecordBatch(errors=[Problem.of("empty_sheet")]))]


def _read_sheet(worksheet) -> RecordBatch | None:
    """The rows of one worksheet below its header, or None when it holds no cell at all."""
    batch = RecordBatch()
    header: list[str] | None = None
    for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if not any(cell not in (None, "") for cell in row):
            continue
        if header is None:
            header = [str(c).strip() if c not in (None, "") else f"column_{i + 1}"
                      for i, c in enumerate(row)]
            continue
        batch.add(number, dict(zip(header, row, strict=False)))
    return None if header is None else batch


def read_parquet(data: bytes) -> RecordBatch:
    """Read a Parquet file; record numbers are 1-based row positions."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    batch = RecordBatch()
    try:
        table = pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError) as exc:
        batch.errors.append(Problem.of("bad_parquet", detail=str(exc)))
        return batch
    for number, row in enumerate(table.to_pylist(), start=1):
        batch.add(number, row)
    return batch


def read_json_lines(text: str) -> RecordBatch:
    """Read JSON Lines; a bad line is reported by number and the other lines still load."""
    batch = RecordBatch()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            batch.fail("invalid_json_line", line=number, json_error=exc.msg, column=exc.colno)
            continue
        if not isinstance(value, dict):
            batch.fail("not_a_json_object", line=number, found=json_kind(value))
            continue
        batch.add(number, value)
    return batch


LIST_KEYS = ("videoList", "articles", "items", "data", "records", "list", "results", "docs",
             "news", "rows")
"""Keys under which JSON exports keep their list of articles."""


def read_json(text: str) -> RecordBatch:
    """Read a JSON document: a list of objects, an object holding one, or one object.

    A truncated list (a download cut off) still yields the objects before the cut, and
    the cut is reported with its line and column.
    """
    batch = RecordBatch()
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return _salvage_json_list(text, exc)
    items = _find_record_list(document)
    if items is None:
        batch.errors.append(Problem.of("no_record_list", keys=", ".join(LIST_KEYS[:3])))
        return batch
    for number, item in enumerate(items, start=1):
        if isinstance(item, dict):
            batch.add(number, item)
        else:
            batch.fail("not_a_json_object", line=number, found=json_kind(item))
    return batch


def json_kind(value: Any) -> str:
    """What a parsed JSON value is, in JSON's words (``array``, ``string``, ``number``…)."""
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    return "number" if isinstance(value, int | float) else "object"


def _find_record_list(document: Any) -> list[Any] | None:
    """Locate the list of records in a parsed JSON document."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        return None
    for key in LIST_KEYS:
        if isinstance(document.get(key), list):
            return document[key]
    lists = [v for v in document.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
    if len(lists) == 1:
        return lists[0]
    return [document]


def _salvage_json_list(text: str, error: json.JSONDecodeError) -> RecordBatch:
    """Keep the complete objects of a JSON list that is truncated or broken part-way."""
    batch = RecordBatch()
    start = _record_list_start(text)
    if start is None:
        batch.errors.append(Problem.of("invalid_json", line=error.lineno, at_line=error.lineno,
                                       at_column=error.colno, json_error=error.msg))
        return batch
    decoder = json.JSONDecoder()
    position, number = start + 1, 0
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            break
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            break
        number += 1
        if isinstance(value, dict):
            batch.add(number, value)
        else:
            batch.fail("not_a_json_object", line=number, found=json_kind(value))
    batch.fail("truncated_json", line=error.lineno, at_line=error.lineno, at_column=error.colno,
               json_error=error.msg, n_loaded=len(batch.records))
    return batch


def _record_list_start(text: str) -> int | None:
    """Offset of the ``[`` opening the record list: a top-level list or a known key's list."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        return len(text) - len(stripped)
    if not stripped.startswith("{"):
        return None
    for key in LIST_KEYS:
        match = re.search(rf'"{key}"\s*:\s*\[', text)
        if match:
            return match.end() - 1
    return None
