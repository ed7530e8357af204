"""Read JSON and JSON Lines into numbered flat records (:class:`~analysis.loading.record_batch.RecordBatch`).

JSON arrives as a list of objects, an object holding one (新闻联播's ``videoList``, an API's
``{"code": 0, "data": {"list": […]}}``), objects keyed by id, or a table in one of the shapes
pandas writes (:mod:`analysis.loading.pandas_json`); JSON Lines as one object a line. A
record's number is its position in the list, or its line.
"""

from __future__ import annotations

import json
import re
from typing import Any

from analysis.loading.pandas_json import keyed_records, pandas_table, rows_of_values
from analysis.loading.record_batch import RecordBatch, flatten_record
from analysis.report import Problem


def read_json_lines(text: str) -> RecordBatch:
    r"""Read JSON Lines; a bad line is reported by number and the other lines still load.

    Lines end at ``\n``, ``\r\n`` or a lone ``\r`` (an old Mac's export), never at the line
    separators (U+2028) JSON text may hold inside its strings. One JSON document under a
    ``.jsonl`` name (a list, or an object over several lines) is read as JSON, with a warning.
    """
    document = _one_document(text)
    if document is not None:
        batch = _records_of(document)
        batch.warnings.append(Problem.of("json_document_misnamed", found=json_kind(document)))
        return batch
    batch = RecordBatch()
    for number, line in enumerate(_LINE_END.split(text), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            if line.lstrip().startswith(("#", "//")):  # no comment in JSON, but people write them
                batch.skipped.append(Problem.of("json_comment_line", line=number))
            else:
                batch.fail("invalid_json_line", line=number, json_error=exc.msg, column=exc.colno)
            continue
        except RecursionError:
            batch.fail("json_too_deep", line=number)
            continue
        if not isinstance(value, dict):
            batch.fail("not_a_json_object", line=number, found=json_kind(value))
            continue
        batch.add(number, value)
    return batch


_LINE_END = re.compile(r"\r\n?|\n")

LIST_KEYS = ("videoList", "articles", "items", "data", "records", "list", "results", "docs",
             "news", "rows")
"""Keys under which JSON exports keep their list of articles."""


def read_json(text: str) -> RecordBatch:
    """Read a JSON document: a list of objects, an object holding one, or one object.

    An object whose values are objects of the same fields holds one record under each key.

    A truncated list (a download cut off) still yields the objects before the cut, and
    the cut is reported with its line and column. JSON Lines saved as ``.json`` (a second
    object after the first one's line) is read line by line, with a warning.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = _as_json_lines(text, exc)
        return lines if lines is not None else _salvage_json_list(text, exc)
    except RecursionError:  # ``[[[[…`` thousands deep: Python's parser recurses once per level
        return RecordBatch(errors=[Problem.of("json_too_deep")])
    return _records_of(document)


def _records_of(document: Any) -> RecordBatch:
    """The records of a parsed JSON document (:func:`read_json`)."""
    table = pandas_table(document)
    if table is not None:
        return table
    if isinstance(document, dict) and _is_keyed_records(document):
        keys = list(document)
        return keyed_records([(number, key, document[key]) for number, key in enumerate(keys, start=1)],
                             all_keys=keys)
    items = _find_record_list(document)
    rows = rows_of_values(items) if items else None
    if rows is not None:
        return rows
    batch = RecordBatch()
    if items is None:
        keys = ", ".join(LIST_KEYS[:3])
        batch.errors.append(Problem.of("no_record_list", keys=keys, found=json_kind(document)))
        return batch
    for number, item in enumerate(items, start=1):
        if isinstance(item, dict):
            batch.add(number, item)
        else:
            batch.fail("not_a_json_object", line=number, found=json_kind(item))
    return batch


def _as_json_lines(text: str, error: json.JSONDecodeError) -> RecordBatch | None:
    """JSON Lines under a ``.json`` name, read line by line with a warning; None when the text is not that.

    Python's parser stops at ``Extra data`` where a second value follows the first: in
    JSON Lines, the second line. Taken as such when at least one line is an object.
    """
    if not error.msg.startswith("Extra data") or "\n" not in text[: error.pos]:
        return None
    batch = read_json_lines(text)
    if not batch.records:
        return None
    batch.warnings.append(Problem.of("json_lines_misnamed"))
    return batch


def _one_document(text: str) -> Any | None:
    """The JSON document ``text`` is, when JSON Lines cannot hold it: a list, or an object over lines."""
    if not text.lstrip().startswith(("[", "{")):
        return None
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    return document if isinstance(document, list) or len(text.strip().splitlines()) > 1 else None


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
    if isinstance(value, bytes):  # a binary Parquet cell, not JSON's
        return "binary"
    return "number" if isinstance(value, int | float) else "object"


def _find_record_list(document: Any, depth: int = 0) -> list[Any] | None:
    """Locate the list of records in a parsed JSON document.

    ``depth`` is how far inside an envelope the search is (:func:`_enveloped_list`); an
    object found there holding no list is None, where the document itself is one record.
    """
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        return None
    if not document:  # ``{}``: no record, rather than one record of no columns
        return [] if depth == 0 else None
    for key in LIST_KEYS:
        if isinstance(document.get(key), list):
            return document[key]
    lists = [v for v in document.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
    if len(lists) == 1:
        return lists[0]
    if _is_keyed_records(document):
        return list(document.values())
    enveloped = _enveloped_list(document, depth)
    if enveloped is not None:
        return enveloped
    return [document] if depth == 0 else None


def _enveloped_list(document: dict[str, Any], depth: int) -> list[Any] | None:
    """The record list an API's envelope holds deeper (``{"code": 0, "data": {"list": […]}}``).

    Looked for only in an object with no text column of its own (an article's nested
    parts, such as its list of images, are no records), two levels down at most, and
    taken only when one nested object holds one.
    """
    from analysis.loading.columns import recognise_columns

    if depth >= 2 or recognise_columns(flatten_record(document)).get("text") is not None:
        return None
    found = [_find_record_list(value, depth + 1) for value in document.values() if isinstance(value, dict)]
    found = [items for items in found if items is not None]
    return found[0] if len(found) == 1 else None


def _is_keyed_records(document: dict[str, Any]) -> bool:
    """Whether an object holds its records by key (``{"a1": {"title"…}, "a2": {"title"…}}``).

    Its values are two or more objects sharing a field name, where one article's nested
    parts (``{"meta": {…}, "content": {…}}``) name different fields.
    """
    values = list(document.values())
    if len(values) < 2 or not all(isinstance(v, dict) and v for v in values):
        return False
    return bool(set.intersection(*(set(v) for v in values)))


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
        except (json.JSONDecodeError, RecursionError):
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
