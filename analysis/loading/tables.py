"""Read tabular inputs into numbered flat records, reporting every record that fails.

CSV/TSV (with multi-line quoted fields), Excel (.xlsx), JSON (a list of objects, or an
object holding one, such as 新闻联播's ``videoList``), JSON Lines and Parquet all become
``(number, {column: value})`` pairs, where the number is what an analyst can find the
record by: the line in a CSV or JSON Lines file, the row in a sheet (each sheet of a
workbook is read as its own table), the position in a JSON list. Nested objects are
flattened to dotted column names (``video_detail.content``).

This module gathers the table readers' public names in one place; each job has its own
module: the records found (:mod:`~analysis.loading.record_batch`), the header row
(:mod:`~analysis.loading.table_header`), CSV/TSV (:mod:`~analysis.loading.delimited`),
workbooks (:mod:`~analysis.loading.workbook`), JSON (:mod:`~analysis.loading.json_tables`)
and Parquet (:mod:`~analysis.loading.parquet_table`).
"""

from __future__ import annotations

from analysis.loading.delimited import read_delimited
from analysis.loading.record_batch import Record, RecordBatch, flatten_record
from analysis.loading.table_header import HEADER_SEARCH_ROWS, find_header
from analysis.loading.workbook import Sheet, read_excel

__all__ = ["HEADER_SEARCH_ROWS", "Record", "RecordBatch", "Sheet", "find_header", "flatten_record",
           "read_delimited", "read_excel"]
