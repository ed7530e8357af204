"""Write tables as JSON Lines or CSV, and load reports as JSON.

JSON Lines output follows the articles contract: one object per row, dates as
``YYYY-MM-DD``, missing values as ``null``, lists (``themes``) as JSON arrays.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, TextIO

import numpy as np
import pandas as pd

from analysis.report import FileReport

OutputFormat = Literal["jsonl", "csv"]


def _json_value(value: Any) -> Any:
    """A cell as a JSON value: dates as ``YYYY-MM-DD``, NA/NaN/NaT as null."""
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, np.ndarray):
        return [_json_value(v) for v in value.tolist()]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def write_table(table: pd.DataFrame, stream: TextIO, *, fmt: OutputFormat = "jsonl") -> int:
    """Write a table to a text stream; return the number of rows written.

    Args:
        table: any DataFrame (the articles table, keyword or theme tables).
        stream: where to write (a file or stdout).
        fmt: ``jsonl`` (one JSON object per line) or ``csv`` (UTF-8, header row).
    """
    if fmt == "csv":
        frame = table.copy()
        for column in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[column]):
                frame[column] = frame[column].dt.strftime("%Y-%m-%d")
            elif frame[column].map(lambda v: isinstance(v, (list, np.ndarray))).any():
                frame[column] = frame[column].map(
                    lambda v: ";".join(map(str, v)) if isinstance(v, (list, np.ndarray)) else v)
        frame.to_csv(stream, index=False, lineterminator="\n")
        return len(frame)
    columns = list(table.columns)
    for row in table.itertuples(index=False, name=None):
        record = {c: _json_value(v) for c, v in zip(columns, row, strict=True)}
        stream.write(json.dumps(record, ensure_ascii=False))
        stream.write("\n")
    return len(table)


def write_reports(reports: Iterable[FileReport], path: str | Path) -> None:
    """Write load reports as a JSON list, one object per input file."""
    payload = [report.to_dict() for report in reports]
    Path(path).write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
