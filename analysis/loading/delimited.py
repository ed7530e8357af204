"""Read CSV and TSV text into numbered records, reporting every row that cannot be one.

Quoted fields may span lines; a record is numbered by its first line. The header is found
as in a sheet (:mod:`analysis.loading.table_header`); a row of the wrong width, a malformed
row, the header repeated, and a quote never closed are each named by line.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain

from analysis.loading.record_batch import RecordBatch
from analysis.loading.table_header import HEADER_SEARCH_ROWS, Header, take_header
from analysis.report import Problem

CsvRow = tuple[int, list[str] | csv.Error]
"""``(first line, cells)`` of a row, or ``(line, error)`` for a malformed one."""


def read_delimited(
    text: str, *, delimiter: str | None = None, columns: Mapping[str, str] | None = None
) -> RecordBatch:
    """Read CSV or TSV text with a header row; a row of the wrong width is reported by line.

    The header is found as in a sheet (:func:`~analysis.loading.table_header.find_header`):
    a title row an export put above it is reported as left out, not read as the header.
    """
    batch = RecordBatch()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or _sniff_delimiter(text))
    rows = _csv_rows(reader)
    first: list[CsvRow] = []
    for item in rows:
        first.append(item)
        if len(first) >= HEADER_SEARCH_ROWS or isinstance(item[1], csv.Error):
            break
    candidates = [(line, row) for line, row in first if not isinstance(row, csv.Error)]
    if not candidates:  # no row, or the first row is already malformed
        batch.errors.append(Problem.of("bad_header", line=first[0][0], detail=str(first[0][1])) if first
                            else Problem.of("no_header"))
        return batch
    header = take_header(batch, candidates, columns)
    _add_rows(batch, chain(first[first.index(candidates[header.at]) + 1:], rows), header)
    _refuse_unclosed_quote(batch, text)
    return batch


def _add_rows(batch: RecordBatch, rows: Iterable[CsvRow], header: Header) -> None:
    """Each row below the header as a record, or its reason: malformed, the header again, a wrong width."""
    for line, row in rows:
        if isinstance(row, csv.Error):
            batch.fail("malformed_csv", line=line, detail=str(row))
        elif header.repeated_by(row):
            batch.skipped.append(Problem.of("header_repeated", line=line, header_line=header.line))
        elif len(row) != len(header.names):
            batch.fail("wrong_field_count", line=line, found=len(row), expected=len(header.names))
        else:
            batch.add(line, dict(zip(header.names, row, strict=True)))


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


def _csv_rows(reader) -> Iterator[CsvRow]:
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


def _sniff_delimiter(text: str) -> str:
    """Pick the delimiter of the header line among comma, tab, semicolon and bar."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
