"""Cells holding a formula that no spreadsheet program ever calculated.

A workbook written by a script (openpyxl, pandas, a web export) keeps a formula such as
``=C2&D2`` without the value it gives: only Excel or LibreOffice calculates it, and saves
the value beside the formula. Read for its values, such a cell is as empty as a blank one.
The cells of the columns the loader uses (text, title, date, author…) that read empty are
looked at again, for their formulas:

* a text cell's formula refuses the record (``formula_without_value``), with the formula
  and what to do (open and save the workbook), not as empty text;
* any other column's formula is kept beside the record (:attr:`RecordBatch.formulas`), which
  loads without that cell and names it (its date cell, in place of "no date").

The workbook is opened a second time only when a used column has an empty cell and one of
its sheets holds a formula saved without a value (a quick look at the sheets' XML). Once
is not enough: openpyxl gives either the values saved or the formulas, never both.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from analysis.report import Problem

if TYPE_CHECKING:
    from analysis.loading.workbook import Sheet

FORMULA_SHOWN = 60
"""Characters of a formula a reason shows; a longer one is cut with an ellipsis."""
_UNCALCULATED = re.compile(rb"(?:</f>|<f\b[^>]*/>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>")
"""A cell's formula followed by no value, or an empty one (``<f>C2&amp;D2</f><v /></c>``)."""

Wanted = dict[str, dict[int, set[int]]]
"""``{sheet: {row: column indices}}``: the empty cells of used columns to look at again."""


def refuse_uncalculated_formulas(data: bytes, sheets: list[Sheet], columns: Mapping[str, str] | None) -> None:
    """Name each used cell that holds an uncalculated formula, refusing records whose text is one.

    A refused record keeps its number and still counts among the sheet's records
    (``total``), so records = articles + reasons holds; its reason is ``formula_without_value``.
    The formulas of a loaded record's other cells go to its batch's ``formulas``.

    Args:
        data: the workbook's bytes.
        sheets: its sheets as read for their values (changed in place).
        columns: the explicit column mapping (``--columns``), to find each sheet's columns.
    """
    from analysis.loading.columns import recognise_columns

    used = {sheet.title: recognise_columns(sheet.header, columns).columns for sheet in sheets}
    wanted = _empty_cells(sheets, used)
    if not wanted or not _has_uncalculated(data):
        return
    found = _formulas(data, wanted)
    for sheet in sheets:
        text = used[sheet.title].get("text")
        by_row = {number: {sheet.header[index]: formula for index, formula in cells.items()}
                  for number, cells in found.get(sheet.title, {}).items()}
        refused = {number: cells[text] for number, cells in by_row.items() if text in cells}
        sheet.batch.records = [(n, r) for n, r in sheet.batch.records if n not in refused]
        sheet.batch.errors += [
            Problem.of("formula_without_value", line=number, column=text, formula=formula)
            for number, formula in sorted(refused.items())]
        sheet.batch.formulas = {number: cells for number, cells in by_row.items() if number not in refused}


def _has_uncalculated(data: bytes) -> bool:
    """Whether any worksheet of the workbook saves a formula without its value."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(_UNCALCULATED.search(archive.read(name)) for name in archive.namelist()
                       if name.startswith("xl/worksheets/") and name.endswith(".xml"))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError, NotImplementedError):
        return True  # let the workbook reader decide


def _empty_cells(sheets: list[Sheet], used: Mapping[str, Mapping[str, str]]) -> Wanted:
    """The cells of each sheet's used columns that read empty, by row."""
    wanted: Wanted = {}
    for sheet in sheets:
        columns = {sheet.header.index(c): c for c in used[sheet.title].values() if c in sheet.header}
        for number, record in sheet.batch.records:
            empty = {index for index, column in columns.items() if record.get(column) is None}
            if empty:
                wanted.setdefault(sheet.title, {})[number] = empty
    return wanted


def _formulas(data: bytes, wanted: Wanted) -> dict[str, dict[int, dict[int, str]]]:
    """``{sheet: {row: {column index: formula}}}`` of the cells asked for that hold a formula."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}
    found: dict[str, dict[int, dict[int, str]]] = {}
    for title, rows in wanted.items():
        last, worksheet = max(rows), workbook[title]
        worksheet.reset_dimensions()  # as when read for values: rows numbered alike, no padding
        for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if number > last:
                break
            cells = {i: f for i in rows.get(number, ()) if i < len(row) and (f := _formula_text(row[i]))}
            if cells:
                found.setdefault(title, {})[number] = cells
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
