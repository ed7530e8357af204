"""Read every sheet of an .xlsx workbook that holds rows, each as its own table.

A workbook of one sheet per month or per outlet loads whole; each sheet's header is found
as in a CSV file (:mod:`analysis.loading.table_header`), its rows numbered as the sheet
shows them. A used cell holding a formula never calculated is named
(:mod:`analysis.loading.formulas`).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import chain, islice

from analysis.loading.record_batch import RecordBatch
from analysis.loading.table_header import HEADER_SEARCH_ROWS, take_header
from analysis.report import Problem


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
    :data:`~analysis.loading.table_header.HEADER_SEARCH_ROWS` non-empty rows that names a
    text column (``columns`` is the explicit mapping of ``--columns``), else the first
    non-empty row; the rows above it are reported as left out (``rows_above_header``).
    Sheets with nothing in them are passed over (there is nothing to lose); a workbook with
    no rows at all, or one that cannot be opened, gives one sheet whose batch holds the
    error. A used cell (text, title, date…) holding a formula that was never calculated is
    named as such (:mod:`analysis.loading.formulas`).
    """
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from analysis.loading.formulas import refuse_uncalculated_formulas

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return [Sheet("", RecordBatch(errors=[Problem.of("bad_xlsx", detail=str(exc))]))]
    sheets = [sheet for worksheet in workbook.worksheets if (sheet := _read_sheet(worksheet, columns))]
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
    header = take_header(batch, first, columns)
    names = list(header.names)
    for number, row in chain(first[header.at + 1:], rows):
        if header.repeated_by(row):
            batch.skipped.append(Problem.of("header_repeated", line=number, header_line=header.line))
            continue
        if len(row) > len(names):
            names += [f"column_{i + 1}" for i in range(len(names), len(row))]
        batch.add(number, dict(zip(names, row, strict=False)))
    return Sheet(worksheet.title, batch, names)
