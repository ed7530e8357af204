"""The loaders' intermediate record: one article as read, before dates and places resolve."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analysis.loading.filenames import FileNameInfo
    from analysis.loading.page import PageArticle


@dataclass(frozen=True)
class DateCell:
    """A record's date cell as written, so that a reason can name it.

    Attributes:
        column: the date column's name (``发布时间``).
        value: the cell as written, cut to 40 characters (a longer one is a text column
            mapped as the date), or its formula when ``formula``.
        formula: the cell holds a formula no spreadsheet program calculated (no value).
    """

    column: str
    value: str
    formula: bool = False


@dataclass
class RawArticle:
    """An article as a reader found it.

    Attributes:
        text: the cleaned body.
        source: the file, plus ``#N`` (record N) or ``#LN`` (starting on line N; ``#LNCc``
            at column c of a line holding a page pasted with no line breaks).
        title, kicker, author, page, outlet, url: as read; None when absent.
        dateline_place, dateline_date: from ``本报X讯`` / ``本报北京7月4日电``.
        dateline_agency: who filed the dateline (``本报``, ``新华社``), None without one.
        continued_from: the page a continuation mark points to.
        continued_to: the page a closing ``（下转第2版）`` mark sends the reader to.
        edition_date: the issue date (from ``--edition-date`` or the file name).
        metadata_date: a full date from the record's own metadata (a date column).
        metadata_year: the year from the record's metadata when it gives no full date (a
            year column): the text's date in that year is used, else 1 January.
        date_cell: the record's date cell as written, for the report (a value that is no
            date, ``not-a-date``, or one no news item has, ``1900-01-01``); None when the
            record has no date column or it is empty.
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
    dateline_agency: str | None = None
    dateline_date: str | None = None
    continued_from: str | None = None
    continued_to: str | None = None
    edition_date: dt.date | None = None
    metadata_date: dt.date | None = None
    metadata_year: int | None = None
    date_cell: DateCell | None = None
    doc_id: str | None = None
    province: str | None = None
    prefecture: str | None = None
    county: str | None = None
    line: int | None = None


def raw_articles_of_page(
    found: list[PageArticle], *, source: str, line_mark: str, info: FileNameInfo, outlet: str | None
) -> list[RawArticle]:
    """The articles the splitter found on one page, as raw articles.

    Args:
        found: the page's articles (:func:`analysis.loading.page.split_page`).
        source: what they were read from (``page.txt``, ``edition.pdf#p3``).
        line_mark: put between ``source`` and an article's first line when the page holds
            several (``#L``: ``page.txt#L12``; ``L``: ``edition.pdf#p3L12``).
        info: the page's edition date and page number.
        outlet: the outlet the analyst named, if any.
    """
    many = len(found) > 1
    return [
        RawArticle(
            text=a.text, source=f"{source}{line_mark}{_place(a)}" if many else source, title=a.title,
            kicker=a.kicker, author=a.author, page=info.page, outlet=outlet,
            dateline_place=a.dateline_place, dateline_agency=a.dateline_agency, dateline_date=a.dateline_date,
            continued_from=a.continued_from, continued_to=a.continued_to, edition_date=info.edition_date,
            line=a.first_line,
        )
        for a in found
    ]


def _place(article: PageArticle) -> str:
    """Where on its page an article starts: its line (``12``), and column on a run-on line (``1C245``)."""
    line = str(article.first_line)
    return f"{line}C{article.first_column}" if article.first_column > 1 else line


def as_text(value: Any) -> str | None:
    """A cell value as stripped text, or None for empty cells, NaN and nulls."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    text = str(value).strip()
    return text or None
