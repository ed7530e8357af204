"""Text cells holding a formula that no spreadsheet program ever calculated.

A workbook written by a script (openpyxl, pandas, a web export) keeps a formula such as
``=C2&D2`` without the value it gives: only Excel or LibreOffice calculates it, and saves
the value beside the formula. Read for its values, such a cell is as empty as a blank one,
so the record would be reported as having no text. The cells the text column leaves empty
are looked at again, for their formulas, and such a record is reported with the formula
and what to do (open and save the workbook), not as empty text. Only a workbook that has
empty text cells is opened a second time.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis.report import Problem

if TYPE_CHECKING:
    from analysis.loading.tables import Sheet

FORMULA_SHOWN = 60
"""Characters of a formula a reason shows; a longer one is cut with an ellipsis."""


def refuse_uncalculated_formulas(data: bytes, sheets: list[Sheet], columns: Mapping[str, str] | None) -> None:
    """Move each record whose text cell is an uncalculated formula from the records to the errors.

    The record keeps its number and still counts among the sheet's records (``total``), so
    records = articles + reasons holds; its reason is ``formula_without_value``.

    Args:
        data: the workbook's bytes.
        sheets: its sheets as read for their values (changed in place).
        columns: the explicit column mapping (``--columns``), to find each sheet's text column.
    """
    from analysis.loading.columns import recognise_columns

    wanted: dict[str, tuple[int, set[int]]] = {}
    for sheet in sheets:
        column = recognise_columns(sheet.header, columns).get("text")
        empty = {number for number, record in sheet.batch.records if column and record.get(column) is None}
        if column is not None and empty:
            wanted[sheet.title] = (sheet.header.index(column), empty)
    found = _formulas(data, wanted) if wanted else {}
    for sheet in sheets:
        if formulas := found.get(sheet.title):
            column = sheet.header[wanted[sheet.title][0]]
            sheet.batch.records = [(n, r) for n, r in sheet.batch.records if n not in formulas]
            sheet.batch.errors += [
                Problem.of("formula_without_value", line=number, column=column, formula=formula)
                for number, formula in sorted(formulas.items())]


def _formulas(data: bytes, wanted: dict[str, tuple[int, set[int]]]) -> dict[str, dict[int, str]]:
    """``{sheet: {row: formula}}`` of the cells asked for (column index, rows) that hold a formula."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}
    found: dict[str, dict[int, str]] = {}
    for title, (index, rows) in wanted.items():
        last, worksheet = max(rows), workbook[title]
        worksheet.reset_dimensions()  # as when read for values: rows numbered alike, no padding
        for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if number > last:
                break
            formula = _formula_text(row[index]) if number in rows and index < len(row) else None
            if formula is not None:
                found.setdefault(title, {})[number] = formula
    workbook.close()
    return found


def _formula_text(value: Any) -> str | None:
    """A cell's formula as written (``=C2&D2``), cut for a reason, or None when it holds none."""
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    if isinstance(value, DataTableFormula):
        return "=TABLE()"
    text = value.text if isinstance(value, ArrayFormula) else value
    if not isinstance(text, str) or not text.startswith("="):
        return None
    return text if len(text) <= FORMULA_SHOWN else text[:FORMULA_SHOWN] + "…"
