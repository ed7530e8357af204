"""Grouping helpers: which locality, period or theme each article belongs to.

Keyword, keyness and slogan tables can be split by a locality level of the articles table
(``province``, ``prefecture``, ``county``), by a period derived from ``date``, or by theme
(a ``themes`` list column added by the theme analysis). Period labels sort as strings in
time order:

========  ============  =====================================================
period    label         note
========  ============  =====================================================
year      ``2024``
quarter   ``2024Q2``
month     ``2024-06``
week      ``2024-W24``  ISO 8601 week and ISO year (2024-12-30 is ``2025-W01``)
========  ============  =====================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal, get_args

import numpy as np
import pandas as pd

from analysis.schema import STRING_DTYPE

LocalityLevel = Literal["province", "prefecture", "county"]
Period = Literal["week", "month", "quarter", "year"]
GroupBy = Literal["province", "prefecture", "county", "week", "month", "quarter", "year", "theme"]

LOCALITY_LEVELS: tuple[str, ...] = get_args(LocalityLevel)
PERIODS: tuple[str, ...] = get_args(Period)
GROUPINGS: tuple[str, ...] = get_args(GroupBy)


AVERAGE_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.31, "year": 365.25}
"""The average length of each period in days (for choosing a time step or a bar's width,
never for calendar dates)."""
MAX_TIME_STEPS = 60
"""A time chart's default step gives at most this many bars or points."""


PERIOD_START_FREQUENCY = {"day": "D", "week": "W-MON", "month": "MS", "quarter": "QS", "year": "YS"}
"""The pandas frequency whose dates are the starts of each period (weeks start on Monday)."""


def period_starts_between(first: pd.Timestamp, last: pd.Timestamp, period: str) -> pd.DatetimeIndex:
    """Every period start from ``first`` to ``last`` (both period starts), empty periods too."""
    return pd.date_range(first, last, freq=PERIOD_START_FREQUENCY[period])


def suggested_period(first: dt.date | None, last: dt.date | None, periods: Sequence[str] = PERIODS,
                     *, max_steps: int = MAX_TIME_STEPS) -> str:
    """The finest of ``periods`` that covers ``first``–``last`` in at most ``max_steps`` steps.

    A time chart opens at this step: weeks for a few months of pages, months for a few
    years, quarters or years for a long archive, so 15 years of an outlet are not 180
    hairline bars and a single month is not one bar. Without dates, ``month`` if offered.
    """
    if first is None or last is None:
        return "month" if "month" in periods else periods[0]
    days = (last - first).days + 1
    ordered = sorted(periods, key=AVERAGE_PERIOD_DAYS.__getitem__)
    return next((p for p in ordered if days / AVERAGE_PERIOD_DAYS[p] <= max_steps), ordered[-1])


def label_periods(dates: pd.Series, *, period: Period) -> pd.Series:
    """Label each date with the period it falls in.

    Labels are computed once per distinct date, so a million articles over a few years cost
    a few thousand label computations.

    Args:
        dates: dates (anything :func:`pandas.to_datetime` accepts); missing dates stay NA.
        period: ``"week"``, ``"month"``, ``"quarter"`` or ``"year"``.

    Returns:
        A string Series aligned with ``dates`` (same index), e.g. ``2024-06`` for months.
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    codes, uniques = pd.factorize(pd.to_datetime(pd.Series(dates), errors="coerce"))
    index = pd.DatetimeIndex(uniques)
    year = index.year.astype(str)
    if period == "year":
        labels = np.asarray(year, dtype=object)
    elif period == "quarter":
        labels = np.asarray(year + "Q" + index.quarter.astype(str), dtype=object)
    elif period == "month":
        labels = np.asarray(index.strftime("%Y-%m"), dtype=object)
    else:
        iso = index.isocalendar()
        labels = np.asarray(
            iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2), dtype=object
        )
    values = np.append(labels, pd.NA)[codes]  # code -1 (missing date) picks the NA
    return pd.Series(values, index=pd.Series(dates).index, dtype=STRING_DTYPE)


def assign_groups(articles: pd.DataFrame, *, by: GroupBy) -> pd.DataFrame:
    """Say which group each article belongs to.

    Args:
        articles: the articles table; ``by="theme"`` also needs a ``themes`` column holding
            a list of theme names per article.
        by: a locality level (``province``, ``prefecture``, ``county``), a period
            (``week``, ``month``, ``quarter``, ``year``, from ``date``) or ``theme``.

    Returns:
        Columns ``doc_id``, ``group`` (both strings): one row per article and group, in the
        order of ``articles``. An article with no value (unknown locality, no date, no
        theme) has one row with ``group`` NA; by theme, an article has one row per distinct
        theme.

    Raises:
        ValueError: an unknown ``by``, or ``articles`` lacks the column it needs.
    """
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}, not {by!r}")
    column = "date" if by in PERIODS else ("themes" if by == "theme" else by)
    if column not in articles.columns:
        hint = " (a list of theme names per article)" if by == "theme" else ""
        raise ValueError(f"grouping by {by!r} needs a {column!r} column{hint} in articles")
    doc_ids = articles["doc_id"].astype(STRING_DTYPE).reset_index(drop=True)
    if by in PERIODS:
        groups = label_periods(articles["date"].reset_index(drop=True), period=by)
    elif by == "theme":
        return _explode_themes(doc_ids, articles["themes"].reset_index(drop=True))
    else:
        groups = articles[by].reset_index(drop=True).astype(STRING_DTYPE)
    return pd.DataFrame({"doc_id": doc_ids, "group": groups.astype(STRING_DTYPE)})


def _explode_themes(doc_ids: pd.Series, themes: pd.Series) -> pd.DataFrame:
    lists = themes.map(_as_list).astype(object)
    frame = pd.DataFrame({"doc_id": doc_ids, "group": lists}).explode("group")
    frame["group"] = frame["group"].astype(STRING_DTYPE)
    frame = frame.drop_duplicates(["doc_id", "group"])
    return frame.reset_index(drop=True)


def _as_list(value: object) -> list:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple | np.ndarray):
        return list(value)
    return []
