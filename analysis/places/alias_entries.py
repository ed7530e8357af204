"""Reading one table of the alias file: its entries, their fields, and the errors naming them.

Shared by :mod:`analysis.places.alias_file` (aliases, ordinary words) and
:mod:`analysis.places.abbreviations` (abbreviations, shared short names), so that every
table's entry is checked alike and every error names the file, the table and the entry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from analysis.paths import ConfigFileError
from analysis.report import Problem

ADCODE = re.compile(r"\d{6}")


class AliasFileError(ConfigFileError):
    """Raised when the alias file is malformed; the message names the file and entry."""


def table_entries(raw: dict[str, Any], table: str, path: Path) -> list[dict[str, Any]]:
    """The entries of ``[[table]]`` (none when the file has no such table)."""
    entries = raw.get(table, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise AliasFileError(path, [Problem.of("alias_not_tables", table=table)])
    return entries


def where(table: str, index: int, name: object) -> Problem:
    """How an error names an entry: its table, its number and its name (``[[alias]] entry 2 ('巴州')``)."""
    return Problem.of("alias_where", table=table, index=index, name=repr(name))


def entry_fields(
    entry: dict[str, Any], *, required: tuple[str, ...], path: Path, where: Problem,
    lists: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The entry's fields, checked: ``required`` ones strings, ``lists`` ones lists of strings.

    Every string must be non-empty (it is stripped); a list becomes a tuple. No other key
    is allowed.

    Raises:
        AliasFileError: naming the entry and the key that is unknown, missing or empty.
    """
    expected = (*required, *lists)
    unknown = sorted(set(entry) - set(expected))
    if unknown:
        problem = Problem.of(
            "alias_unknown_keys", where=where, keys=", ".join(unknown), expected=", ".join(expected))
        raise AliasFileError(path, [problem])
    for key in expected:
        value = entry.get(key)
        values = (value if isinstance(value, list) else []) if key in lists else [value]
        if values and all(isinstance(v, str) and v.strip() for v in values):
            continue
        if key in lists:
            problem = Problem.of("alias_empty_list", where=where, key=key, value=repr(value))
        else:
            problem = Problem.of("alias_empty_field", where=where, key=key, value=repr(value))
        raise AliasFileError(path, [problem])
    fields: dict[str, Any] = {key: entry[key].strip() for key in required}
    return fields | {key: tuple(v.strip() for v in entry[key]) for key in lists}


def pop_flag(entry: dict[str, Any], key: str, *, path: Path, where: Problem) -> tuple[bool, dict[str, Any]]:
    """An optional true/false key (False when absent), and the entry without it.

    Raises:
        AliasFileError: naming the entry and the key when its value is no true or false.
    """
    rest = dict(entry)
    flag = rest.pop(key, False)
    if not isinstance(flag, bool):
        problem = Problem.of("alias_not_true_or_false", where=where, key=key, value=repr(flag))
        raise AliasFileError(path, [problem])
    return flag, rest


def check_adcode(adcode: str, *, where: Problem, path: Path, known_codes: Mapping[str, Any]) -> None:
    """Refuse a code that is no six digits, or that the gazetteer does not hold."""
    if not ADCODE.fullmatch(adcode):
        raise AliasFileError(path, [Problem.of("alias_bad_adcode", where=where, adcode=repr(adcode))])
    if adcode not in known_codes:
        raise AliasFileError(path, [Problem.of("alias_unknown_adcode", where=where, adcode=adcode)])


def reject_duplicates(values: list[str], *, table: str, path: Path) -> None:
    """Refuse a table that lists the same text twice."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise AliasFileError(path, [Problem.of("alias_twice", table=table, value=repr(value))])
        seen.add(value)
