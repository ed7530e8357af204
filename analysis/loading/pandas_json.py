"""Read the JSON shapes pandas writes a table in (``DataFrame.to_json(orient=…)``) by row.

Each ``orient`` gives a different shape, and read naively each loses something:

* ``"columns"`` (the default): ``{"标题": {"0": "甲"}, "正文": {"0": "…"}}``, one record per column;
* ``"split"``: ``{"columns": […], "index": […], "data": [[…]]}``, rows without names;
* ``"index"``: ``{"0": {"标题": "甲", …}}``, records keyed by the table's index;
* ``"values"``: ``[["甲", "…"]]``, rows with no column names at all;
* ``"records"`` and ``"table"`` are lists of objects and need nothing here.

The index of a table is kept when it is more than row numbers (titles, ids or dates set as
the index), as the column ``index``, with a warning that says how to use it. Rows of values
are read when their first row names the columns (a sheet exported as JSON), and otherwise
refused with a message saying what was found and how to write the table instead.
"""

from __future__ import annotations

from typing import Any

from analysis.loading.record_batch import RecordBatch
from analysis.report import Problem

INDEX_COLUMN = "index"
"""The column a table's index is kept in, the name ``DataFrame.reset_index()`` gives it."""


def pandas_table(document: Any) -> RecordBatch | None:
    """The records of a table pandas wrote as JSON, or None when ``document`` is not one.

    Args:
        document: the parsed JSON document.

    Returns:
        The records by row (numbered from 1, or from 2 under a row of column names), rows of
        the wrong width as errors, and a warning when the index was kept; a batch holding
        one file error for rows with no column names.
    """
    if isinstance(document, list):
        return rows_of_values(document)
    if not isinstance(document, dict) or not document:
        return None
    columns, rows = document.get("columns"), document.get("data")
    if isinstance(columns, list) and isinstance(rows, list) and all(isinstance(row, list) for row in rows):
        return _split(columns, rows, document.get("index"))
    if _by_column(document):
        keys = list(next(iter(document.values())))
        entries = [(number, key, {name: column[key] for name, column in document.items()})
                   for number, key in enumerate(keys, start=1)]
        return keyed_records(entries, all_keys=keys)
    return None


def _by_column(document: dict[str, Any]) -> bool:
    """Whether ``document`` is ``orient="columns"``: a text column among columns keyed alike."""
    from analysis.loading.columns import recognise_columns

    values = list(document.values())
    if not all(isinstance(value, dict) for value in values):
        return False
    if recognise_columns(document).get("text") is None:
        return False
    keys = list(values[0])
    return all(list(value) == keys for value in values) and recognise_columns(keys).get("text") is None


def _split(columns: list[Any], rows: list[list[Any]], index: Any) -> RecordBatch:
    """``orient="split"``: rows named by ``columns``; a row of the wrong width is an error naming both."""
    names = [str(name) for name in columns]
    keys = index if isinstance(index, list) and len(index) == len(rows) else list(range(len(rows)))
    numbered = enumerate(zip(keys, rows, strict=True), start=1)
    entries = [(number, key, dict(zip(names, row, strict=True)))
               for number, (key, row) in numbered if len(row) == len(names)]
    batch = keyed_records(entries, all_keys=keys)
    for number, row in enumerate(rows, start=1):
        if len(row) != len(names):
            batch.fail("json_row_width", line=number, n_values=len(row), n_columns=len(names))
    return batch


def keyed_records(entries: list[tuple[int, Any, dict[str, Any]]], *, all_keys: list[Any]) -> RecordBatch:
    """Records ``(number, key, record)``, each with its key as :data:`INDEX_COLUMN` unless keys say nothing.

    Keys say nothing when they are the row numbers 0, 1, 2… (pandas' default index, judged
    on ``all_keys``, the keys of every row) or each is the value of one of its record's
    fields (an id kept as a column too).
    """
    batch = RecordBatch()
    keep = not _row_numbers(all_keys) and any(
        not any(_same(key, value) for value in record.values()) for _, key, record in entries)
    for number, key, record in entries:
        batch.add(number, {INDEX_COLUMN: key, **record} if keep and INDEX_COLUMN not in record else record)
    if keep:
        example = str(entries[0][1])[:40]
        batch.warnings.append(Problem.of("json_index_kept", example=example, column=INDEX_COLUMN))
    return batch


def _row_numbers(keys: list[Any]) -> bool:
    """Whether ``keys`` are 0, 1, 2… (as numbers or as JSON object keys, which are strings)."""
    return [str(key) for key in keys] == [str(number) for number in range(len(keys))]


def _same(key: Any, value: Any) -> bool:
    return value is not None and not isinstance(value, dict | list) and str(value) == str(key)


def rows_of_values(rows: list[Any]) -> RecordBatch | None:
    """``orient="values"``: rows read under their first row when it names a text column, else an error."""
    from analysis.loading.columns import recognise_columns

    if not rows or not all(isinstance(row, list) for row in rows):
        return None
    header = rows[0]
    batch = RecordBatch()
    if all(isinstance(name, str) for name in header) and recognise_columns(header).get("text") is not None:
        for number, row in enumerate(rows[1:], start=2):
            if len(row) == len(header):
                batch.add(number, dict(zip(header, row, strict=True)))
            else:
                batch.fail("json_row_width", line=number, n_values=len(row), n_columns=len(header))
        return batch
    batch.errors.append(Problem.of("json_rows_without_names", n_rows=len(rows), n_values=len(header)))
    return batch
