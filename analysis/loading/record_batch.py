"""The records a table reader found in one file, numbered as an analyst finds them, and what failed.

Every table format (CSV/TSV, Excel, JSON, JSON Lines, Parquet) becomes a
:class:`RecordBatch` of ``(number, {column: value})`` pairs, where the number is the line
in a CSV or JSON Lines file, the row in a sheet or the position in a JSON list, beside the
records that could not be read and why.
"""

from __future__ import annotations

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
