"""The loaders' intermediate record: one article as read, before dates and places resolve."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass
class RawArticle:
    """An article as a reader found it.

    Attributes:
        text: the cleaned body.
        source: the file, plus ``#N`` (record N) or ``#LN`` (starting on line N).
        title, kicker, author, page, outlet, url: as read; None when absent.
        dateline_place, dateline_date: from ``本报X讯`` / ``本报北京7月4日电``.
        continued_from: the page a continuation mark points to.
        edition_date: the issue date (from ``--edition-date`` or the file name).
        metadata_date: a date from the record's own metadata (a date or year column).
        doc_id: an id the input supplied, if any.
        province, prefecture, county: place names from the record's own columns.
        line: the line or record number it starts at, for reports.
    """

    text: str
    source: str
    title: str | None = None
    kicker: str | None = None
    author: str | None = None
    page: str | None = None
    outlet: str | None = None
    url: str | None = None
    dateline_place: str | None = None
    dateline_date: str | None = None
    continued_from: str | None = None
    edition_date: dt.date | None = None
    metadata_date: dt.date | None = None
    doc_id: str | None = None
    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    line: int | None = None


def as_text(value: Any) -> str | None:
    """A cell value as stripped text, or None for empty cells, NaN and nulls."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    text = str(value).strip()
    return text or None
