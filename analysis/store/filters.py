"""The dashboard's filters, and the SQL conditions that apply them to the store's tables.

A filter combines with AND across fields and with OR within one field: articles dated
between ``date_from`` and ``date_to`` (inclusive), about one of ``places`` (codes at
``level``), assigned one of ``themes``, from one of ``outlets``, whose title or text
matches ``search`` (:mod:`analysis.search_query`). An empty field does not filter. An
article with no date is left out as soon as either date bound is given; one with no place
as soon as places are given.

Dates against pre-aggregations. Term and theme pre-aggregations are kept per month, so a
date range is split: the whole months inside it are read from the pre-aggregation and the
days of the partial months at either end from the per-article tables
(:func:`split_dates`). The sum is exact for any range of days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, get_args

from analysis.search_query import parse_search

Level = Literal["province", "prefecture", "county"]
LEVELS: tuple[str, ...] = get_args(Level)


@dataclass(frozen=True)
class Filters:
    """What the analyst selected; hashable, so query results can be cached by it.

    Attributes:
        date_from: first day included (None: from the start).
        date_to: last day included (None: to the end).
        level: the level of ``places``: ``province``, ``prefecture`` or ``county``.
        places: GB/T 2260 codes at ``level``; articles about any of them (or below them).
        themes: theme ids; articles assigned any of them.
        outlets: outlet names; articles from any of them.
        search: what the title or text must contain: one substring (exact, case-sensitive),
            or a query of several (:func:`analysis.search_query.parse_search`: ``a b``
            both, ``a|b`` either, ``-a`` not).
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    level: Level | None = None
    places: tuple[str, ...] = field(default=())
    themes: tuple[str, ...] = field(default=())
    outlets: tuple[str, ...] = field(default=())
    search: str | None = None

    def __post_init__(self) -> None:
        for name in ("places", "themes", "outlets"):
            object.__setattr__(self, name, tuple(str(v) for v in getattr(self, name) or ()))
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if isinstance(value, dt.datetime):
                object.__setattr__(self, name, value.date())
        if self.search == "":
            object.__setattr__(self, "search", None)
        if self.level is not None and self.level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {self.level!r}")
        if self.places and self.level is None:
            raise ValueError("places need a level (province, prefecture or county) to say what the codes are")

    @property
    def per_article(self) -> bool:
        """True when a field can only be decided article by article (themes, search)."""
        return bool(self.themes) or self.search is not None


@dataclass(frozen=True)
class Clause:
    """A SQL condition with its ``?`` parameters, in order."""

    sql: str
    params: tuple = ()

    def __and__(self, other: Clause) -> Clause:
        if other.sql == "TRUE":
            return self
        if self.sql == "TRUE":
            return other
        return Clause(f"({self.sql}) AND ({other.sql})", self.params + other.params)


TRUE = Clause("TRUE")
FALSE = Clause("FALSE")


def all_of(clauses: list[Clause]) -> Clause:
    """The AND of ``clauses`` (TRUE when there are none)."""
    out = TRUE
    for clause in clauses:
        out = out & clause
    return out


def cell_clause(f: Filters, *, alias: str = "") -> Clause:
    """Places and outlets: columns that every table and pre-aggregation carries."""
    clauses = []
    if f.places:
        clauses.append(Clause(f"list_contains(?::VARCHAR[], {alias}{f.level}_code)", (list(f.places),)))
    if f.outlets:
        clauses.append(Clause(f"list_contains(?::VARCHAR[], {alias}outlet)", (list(f.outlets),)))
    return all_of(clauses)


def date_clause(f: Filters, *, alias: str = "") -> Clause:
    """``date`` between the bounds (articles and the per-day pre-aggregation)."""
    clauses = []
    if f.date_from is not None:
        clauses.append(Clause(f"{alias}date >= ?", (f.date_from,)))
    if f.date_to is not None:
        clauses.append(Clause(f"{alias}date <= ?", (f.date_to,)))
    return all_of(clauses)


def per_article_clause(f: Filters, *, alias: str = "", search_table: str | None = None) -> Clause:
    """Themes and search, as conditions on ``doc_key``.

    Args:
        f: the filters.
        alias: table alias prefix, e.g. ``"a."``.
        search_table: a table of the ``doc_key`` of articles containing ``f.search``;
            without it the text is scanned.
    """
    clauses = []
    if f.themes:
        clauses.append(Clause(
            f"{alias}doc_key IN (SELECT doc_key FROM doc_themes WHERE assigned "
            "AND list_contains(?::VARCHAR[], theme))", (list(f.themes),)))
    if f.search is not None:
        if search_table:
            clauses.append(Clause(f"{alias}doc_key IN (SELECT doc_key FROM {search_table})"))
        else:
            condition, params = parse_search(f.search).sql(title=f"{alias}title", text=f"{alias}text")
            clauses.append(Clause(f"({condition})", params))
    return all_of(clauses)


def split_dates(f: Filters, *, alias: str = "") -> tuple[Clause | None, Clause | None]:
    """Split the date range into whole months and the days of partial months.

    Returns:
        ``(months, days)``: a condition on ``month`` for the per-month pre-aggregation
        (None when no whole month is in range) and a condition on the articles'
        ``date`` and ``month`` for the rest (None when whole months cover the range).
    """
    if f.date_from is None and f.date_to is None:
        return TRUE, None
    if f.date_from is not None and f.date_to is not None and f.date_from > f.date_to:
        return FALSE, None
    first = _month_ceil(f.date_from) if f.date_from is not None else None
    end = _month_after(f.date_to) if f.date_to is not None else None
    if first is not None and end is not None and first >= end:
        return None, date_clause(f, alias=alias)
    bounds = [Clause(f"{alias}month IS NOT NULL")]
    if first is not None:
        bounds.append(Clause(f"{alias}month >= ?", (first,)))
    if end is not None:
        bounds.append(Clause(f"{alias}month < ?", (end,)))
    months = all_of(bounds)
    if _exact(f, first, end):
        return months, None
    days = date_clause(f, alias=alias) & Clause(f"NOT ({months.sql})", months.params)
    return months, days


def _exact(f: Filters, first: dt.date | None, end: dt.date | None) -> bool:
    """True when the whole months [first, end) are exactly the date range."""
    starts = f.date_from is None or first == f.date_from
    ends = f.date_to is None or (end is not None and end - dt.timedelta(days=1) == f.date_to)
    return starts and ends


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_ceil(day: dt.date) -> dt.date:
    """The first day of ``day``'s month if ``day`` is it, else of the next month."""
    return day if day.day == 1 else _next_month(day)


def _month_after(day: dt.date) -> dt.date:
    """The first day of the month after ``day``'s if ``day`` ends its month, else of its month."""
    return _next_month(day) if (day + dt.timedelta(days=1)).day == 1 else _month_start(day)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
