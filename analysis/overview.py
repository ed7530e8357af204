"""Counting helpers behind the overview charts: articles per group and period, key figures.

Pure functions over the articles table (see :mod:`analysis.schema`); they return new long
tables and never modify their argument.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import pandas as pd

from analysis.geo import match_region_codes
from analysis.periods import period_starts_between

GroupBy = Literal["province", "prefecture", "county", "outlet"]
Period = Literal["day", "week", "month", "quarter", "year"]

_PERIOD_FREQ = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
CODE_COLUMNS = ("adcode", "county_code", "prefecture_code", "province_code")
"""Columns tried, most specific first, to place an article on a map."""


def count_articles(
    articles: pd.DataFrame,
    *,
    by: GroupBy | None = None,
    period: Period | None = None,
) -> pd.DataFrame:
    """Count articles per group and per period.

    Articles with no value in the ``by`` column are counted under NA (shown as "unknown"
    by the charts), and articles with no date are left out of per-period counts. Periods
    with no articles between the first and last one are included with 0, so a line
    chart shows the gap.

    Args:
        articles: the articles table.
        by: column to group by, or ``None`` for the whole corpus (``group`` is NA).
        period: ``day``, ``week`` (starting Monday), ``month``, ``quarter`` or ``year``;
            ``None`` for no time split (``period`` is NA).

    Returns:
        Columns ``group`` (string), ``period`` (timestamp of the period's first day, or
        NA) and ``n_articles`` (int), sorted by group then period.

    Raises:
        ValueError: for an unknown ``by`` or ``period``.
    """
    if by is not None and by not in GroupBy.__args__:
        raise ValueError(f"by must be one of {GroupBy.__args__} or None, got {by!r}")
    if period is not None and period not in _PERIOD_FREQ:
        raise ValueError(f"period must be one of {tuple(_PERIOD_FREQ)} or None, got {period!r}")
    frame = pd.DataFrame({
        "group": articles[by].astype("string") if by else pd.Series(
            pd.NA, index=articles.index, dtype="string"),
        "period": _period_start(articles["date"], period),
    })
    if period is not None:
        frame = frame[frame["period"].notna()]
    counts = (frame.groupby(["group", "period"], dropna=False).size()
              .rename("n_articles").reset_index())
    if period is not None and not counts.empty:
        counts = _fill_periods(counts, period)
    counts["n_articles"] = counts["n_articles"].astype("int64")
    counts["group"] = counts["group"].astype("string")
    return counts.sort_values(["group", "period"], na_position="last").reset_index(drop=True)


def _period_start(dates: pd.Series, period: Period | None) -> pd.Series:
    if period is None:
        return pd.Series(pd.NaT, index=dates.index, dtype="datetime64[us]")
    return pd.to_datetime(dates).dt.to_period(_PERIOD_FREQ[period]).dt.start_time


def _fill_periods(counts: pd.DataFrame, period: Period) -> pd.DataFrame:
    full = period_starts_between(counts["period"].min(), counts["period"].max(), period)
    index = pd.MultiIndex.from_product([counts["group"].unique(), full],
                                       names=["group", "period"])
    return (counts.set_index(["group", "period"])["n_articles"]
            .reindex(index, fill_value=0).reset_index())


def count_articles_by_region(
    articles: pd.DataFrame, *, regions: Mapping[str, str],
) -> pd.DataFrame:
    """Count articles per map region, with 0 for regions no article is about.

    Each article is placed by its most specific code (``adcode``, then ``county_code``,
    ``prefecture_code``, ``province_code``) climbing to the region level through
    :func:`analysis.geo.match_region_codes`; articles that match no region (another
    province, or above the map's level) are not counted.

    Args:
        articles: the articles table.
        regions: ``{adcode: name}`` of the map, e.g. :func:`analysis.geo.region_names`.

    Returns:
        Columns ``adcode``, ``name``, ``n_articles``; one row per region, in
        ``regions`` order.
    """
    codes = pd.Series(pd.NA, index=articles.index, dtype="string")
    for column in CODE_COLUMNS:
        if column in articles.columns:
            codes = codes.fillna(articles[column].astype("string").str.slice(0, 6))
    matched = match_region_codes(codes.tolist(), regions.keys())
    counts = matched.value_counts()
    return pd.DataFrame({
        "adcode": pd.Series(list(regions), dtype="string"),
        "name": pd.Series(list(regions.values()), dtype="string"),
        "n_articles": [int(counts.get(code, 0)) for code in regions],
    })


def summarize_corpus(articles: pd.DataFrame) -> dict:
    """Return the key figures shown at the top of the overview.

    Args:
        articles: the articles table.

    Returns:
        ``articles`` (count), ``first_date`` / ``last_date`` (Timestamp or None),
        ``days`` (span in days, inclusive, or 0), ``provinces``, ``prefectures``,
        ``counties`` (distinct non-empty names), ``localities`` (distinct most specific
        places, ``locality`` column), ``outlets`` (distinct outlets) and ``characters``
        (total length of ``text``).
    """
    dates = pd.to_datetime(articles["date"]).dropna()
    first = dates.min() if not dates.empty else None
    last = dates.max() if not dates.empty else None

    def distinct(column: str) -> int:
        return int(articles[column].dropna().nunique()) if column in articles else 0

    return {
        "articles": len(articles),
        "first_date": first,
        "last_date": last,
        "days": (last - first).days + 1 if first is not None else 0,
        "provinces": distinct("province"),
        "prefectures": distinct("prefecture"),
        "counties": distinct("county"),
        "localities": distinct("locality"),
        "outlets": distinct("outlet"),
        "characters": int(articles["text"].fillna("").str.len().sum()),
    }
