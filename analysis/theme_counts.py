"""Theme counts per group and period: the numbers behind theme heatmaps and trend lines.

Step 3 of :mod:`analysis.themes`: :func:`count_themes` counts the articles that have each
theme (the ``themes`` lists of :func:`analysis.themes.assign_themes`) by place and
period, with the denominator, on a full grid; :func:`overall_theme_shares` is the
yardstick of a relative share.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from analysis.theme_dictionary import ThemeDictionary

COUNT_COLUMNS = ("group", "period", "theme", "n_articles", "share", "n_hits", "group_articles")
ALL_LABEL = "全部"
"""Group label when ``by`` is None, and period label when ``period`` is None."""
UNKNOWN_LABEL = "未知"
"""Group or period of articles whose place or date is not known."""

Grouping = Literal["province", "prefecture", "county", "outlet"]
Period = Literal["month", "quarter", "year"]


def count_themes(
    articles: pd.DataFrame,
    *,
    by: Grouping | None = None,
    period: Period | None = None,
    scores: pd.DataFrame | None = None,
    themes: ThemeDictionary | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Count articles per theme by group and period, with the denominator.

    Every (group, period) that has articles gets a row for every theme, with zeros where
    no article has the theme, so heatmaps get full grids. Articles whose group or date is
    unknown are counted under ``未知`` rather than dropped.

    Args:
        articles: articles with a ``themes`` column of lists
            (:func:`analysis.themes.assign_themes`), and ``doc_id``, ``date`` and the
            ``by`` column as needed.
        by: the column to group by; ``None`` puts all articles in one group, ``全部``.
        period: ``month`` (``2024-06``), ``quarter`` (``2024Q2``) or ``year`` (``2024``)
            of ``date``; ``None`` gives one period, ``全部``.
        scores: the output of :func:`analysis.themes.score_themes` for these articles, to sum ``n_hits``;
            without it ``n_hits`` is NA.
        themes: the dictionary (or theme ids) listing every theme to report, in order;
            by default the themes that occur in ``articles`` (and ``scores``), sorted.

    Returns:
        Columns ``group``, ``period``, ``theme``, ``n_articles`` (articles of the group
        and period that have the theme), ``share`` (``n_articles / group_articles``),
        ``n_hits`` (hits of the theme in all articles of the group and period, assigned
        or not) and ``group_articles`` (all articles of the group and period), sorted by
        group, period (``未知`` last) and theme order.
    """
    if "themes" not in articles.columns:
        raise ValueError(
            "articles has no 'themes' column; add it with "
            "articles.assign(themes=assign_themes(articles, themes=...))"
        )
    keys = pd.DataFrame(
        {"group": _group_labels(articles, by), "period": _period_labels(articles, period)}, dtype=object
    )
    cells = keys.value_counts(sort=False).rename("group_articles").reset_index()
    listed = keys.assign(theme=[sorted(set(_as_list(t))) for t in articles["themes"]])
    counted = listed.explode("theme").dropna(subset="theme").value_counts(sort=False).rename("n_articles")
    hit_sums = _hit_sums(articles, keys, scores)
    universe = _theme_universe(themes, counted, hit_sums)
    grid = cells.merge(pd.DataFrame({"theme": universe}, dtype=object), how="cross")
    grid = _fill(grid, counted, "n_articles")
    grid["share"] = grid["n_articles"] / grid["group_articles"]
    if hit_sums is None:
        grid["n_hits"] = pd.array([pd.NA] * len(grid), dtype="Int64")
    else:
        grid = _fill(grid, hit_sums, "n_hits")
    rank = {theme: i for i, theme in enumerate(universe)}
    grid = grid.sort_values(
        ["group", "period", "theme"],
        key=lambda c: c.map(rank) if c.name == "theme" else c.map(lambda v: (v == UNKNOWN_LABEL, v)),
    )
    out = grid[list(COUNT_COLUMNS)].reset_index(drop=True)
    return out.astype({"group": "str", "period": "str", "theme": "str", "group_articles": "int64"})


def overall_theme_shares(counts: pd.DataFrame) -> pd.Series:
    """Each theme's share of the articles of all groups together, from :func:`count_themes` rows.

    The yardstick of a "relative" share (a place's share ÷ this): the sum of the theme's
    ``n_articles`` over groups, divided by the sum of each group's ``group_articles``.
    Give rows of one period only (or not split by period).

    Returns:
        A Series indexed by theme.
    """
    articles = counts.groupby("group")["group_articles"].max().sum()
    return counts.groupby("theme")["n_articles"].sum() / articles


def _as_list(value: object) -> list[str]:
    """A ``themes`` cell as a list: lists, tuples and arrays (as read back from Parquet)."""
    if isinstance(value, list | tuple | set | np.ndarray | pd.Series):
        return [str(v) for v in value]
    return []


def _fill(grid: pd.DataFrame, values: pd.Series, name: str) -> pd.DataFrame:
    """Join ``values`` (indexed by group, period, theme) onto the grid, zero where absent."""
    keys = {"group": object, "period": object, "theme": object}
    grid = grid.merge(values.rename(name).reset_index().astype(keys), how="left", on=list(keys))
    grid[name] = grid[name].fillna(0).astype("int64")
    return grid


def _group_labels(articles: pd.DataFrame, by: Grouping | None) -> list[str]:
    if by is None:
        return [ALL_LABEL] * len(articles)
    if by not in ("province", "prefecture", "county", "outlet") or by not in articles.columns:
        raise ValueError(
            f"cannot group by {by!r}: expected a column among province, prefecture, county, outlet"
        )
    return [v if isinstance(v, str) and v else UNKNOWN_LABEL for v in articles[by].to_numpy(dtype=object)]


def _period_labels(articles: pd.DataFrame, period: Period | None) -> list[str]:
    if period is None:
        return [ALL_LABEL] * len(articles)
    if period not in ("month", "quarter", "year"):
        raise ValueError(f"period must be month, quarter or year, got {period!r}")
    dates = pd.to_datetime(articles["date"])
    labels = {
        "month": dates.dt.strftime("%Y-%m"),
        "quarter": dates.dt.year.astype("Int64").astype("str")
        + "Q"
        + dates.dt.quarter.astype("Int64").astype("str"),
        "year": dates.dt.year.astype("Int64").astype("str"),
    }[period]
    return [UNKNOWN_LABEL if pd.isna(d) else v for d, v in zip(dates, labels, strict=True)]


def _hit_sums(articles: pd.DataFrame, keys: pd.DataFrame, scores: pd.DataFrame | None) -> pd.Series | None:
    if scores is None:
        return None
    position = pd.Index(articles["doc_id"].astype("str")).get_indexer(scores["doc_id"])
    if (position < 0).any():
        strays = sorted(set(scores["doc_id"][position < 0]))
        raise ValueError(f"scores name articles that are not in the table, e.g. {strays[:3]}")
    located = keys.iloc[position].reset_index(drop=True)
    located["theme"] = scores["theme"].to_numpy(dtype=object)
    located["n_hits"] = scores["n_hits"].to_numpy()
    return located.groupby(["group", "period", "theme"], sort=False)["n_hits"].sum()


def _theme_universe(
    themes: ThemeDictionary | Sequence[str] | None, counted: pd.Series, hit_sums: pd.Series | None
) -> list[str]:
    seen = set(counted.index.get_level_values("theme"))
    if hit_sums is not None:
        seen |= set(hit_sums.index.get_level_values("theme"))
    if themes is None:
        return sorted(seen)
    listed = list(themes.ids if isinstance(themes, ThemeDictionary) else themes)
    return listed + sorted(seen - set(listed))
