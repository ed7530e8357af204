"""Article and theme counts for any filter, from the in-memory column index (:mod:`.index`).

Same tables as the pure functions: :func:`analysis.overview.summarize_corpus` keys for
:func:`summary`, :func:`analysis.themes.count_themes` semantics for :func:`theme_counts`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.schema import STRING_DTYPE
from analysis.store.database import Database
from analysis.store.filters import LEVELS, Filters, Level
from analysis.store.index import NO_DAY, CellPairs, DocIndex, Selection
from analysis.themes import ALL_LABEL, UNKNOWN_LABEL

Period = Literal["day", "week", "month", "quarter", "year"]
ThemeGroup = Literal["province", "prefecture", "county", "outlet"]
ThemePeriod = Literal["month", "quarter", "year"]
PERIODS = ("day", "week", "month", "quarter", "year")
THEME_COUNT_COLUMNS = ("group", "period", "theme", "n_articles", "share", "n_hits", "group_articles",
                       "group_code")


def select(db: Database, f: Filters) -> tuple[DocIndex, Selection]:
    """The index and the selection of the articles that pass ``f``."""
    with db.lock:  # the index's caches are shared by the threads of a dashboard
        index = db.doc_index()
        search = db.search_keys(f.search) if f.search is not None else None
        return index, index.select(f, search=search)


def select_mask(db: Database, f: Filters, *, level: Level | None = None,
                code: str | None = None) -> tuple[DocIndex, np.ndarray]:
    """The index and the mask of the articles that pass ``f`` (and whose ``{level}_code`` is ``code``)."""
    index, chosen = select(db, f)
    keep = chosen.keep
    if level is not None:
        keep = keep & (index.cell_values(f"{level}_code") == code)[index.cell]
    return index, keep


def options(db: Database, *, themes: tuple[str, ...]) -> dict[str, Any]:
    """What the sidebar offers: date range, outlets, places per level, theme ids.

    Returns:
        ``date_min``, ``date_max`` (Timestamp or None), ``outlets`` (sorted list),
        ``places`` (``{level: DataFrame[adcode, name, parent]}``, by code), ``located``
        (``{level: articles placed at that level or below}``) and ``themes`` (``themes``
        in order, then any other theme found in the store, sorted).
    """
    index = db.doc_index()
    days = index.day[index.day != NO_DAY]
    places = index.places.rename(columns={"code": "adcode", "parent_code": "parent"}).sort_values("adcode")
    return {
        "date_min": pd.Timestamp(int(days.min()), unit="D") if len(days) else None,
        "date_max": pd.Timestamp(int(days.max()), unit="D") if len(days) else None,
        "outlets": sorted(str(outlet) for outlet in index.cells["outlet"].dropna().unique()),
        "places": {level: places.loc[places["level"] == level, ["adcode", "name", "parent"]]
                   .reset_index(drop=True).astype(STRING_DTYPE) for level in LEVELS},
        "located": {level: int(index.cell_docs[index.cells[f"{level}_code"].notna().to_numpy()].sum())
                    for level in LEVELS},
        "themes": [*themes, *sorted(set(index.theme_names) - set(themes))],
    }


def count_articles(db: Database, f: Filters) -> int:
    """The number of articles that pass ``f``."""
    return int(select(db, f)[1].per_cell.sum())


def summary(db: Database, f: Filters) -> dict[str, Any]:
    """Key figures of the filtered articles (the keys of :func:`analysis.overview.summarize_corpus`).

    Returns:
        ``articles``, ``first_date``, ``last_date`` (Timestamp or None), ``days``,
        ``provinces``, ``prefectures``, ``counties``, ``localities`` (distinct places),
        ``outlets``, ``characters`` (of the texts) and ``tokens`` (word tokens).
    """
    index, chosen = select(db, f)
    keep = chosen.keep
    days = index.day[keep]
    days = days[days != NO_DAY]
    first = pd.Timestamp(int(days.min()), unit="D") if len(days) else None
    last = pd.Timestamp(int(days.max()), unit="D") if len(days) else None
    present = chosen.per_cell > 0
    distinct = {key: _distinct(index, column, present) for key, column in (
        ("provinces", "province_code"), ("prefectures", "prefecture_code"), ("counties", "county_code"),
        ("localities", "adcode"), ("outlets", "outlet"))}
    return {"articles": int(chosen.per_cell.sum()), "first_date": first, "last_date": last,
            "days": (last - first).days + 1 if first is not None else 0, **distinct,
            "characters": int(index.n_chars[keep].sum()), "tokens": int(index.n_tokens[keep].sum())}


def _distinct(index: DocIndex, column: str, present: np.ndarray) -> int:
    """How many distinct non-missing values ``column`` has among the present cells."""
    numbers, _ = index.codes(column)
    chosen = numbers[present]
    return int(np.unique(chosen[chosen >= 0]).size)


def articles_over_time(db: Database, f: Filters, *, period: Period = "month") -> pd.DataFrame:
    """Articles per period, with 0 for empty periods between the first and the last.

    Returns:
        Columns ``period`` (datetime, the period's first day; weeks start on Monday) and
        ``n_articles`` (int), in time order. Undated articles are not counted.
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    index, chosen = select(db, f)
    if period in ("day", "week"):
        days = index.day[chosen.keep]
        units, weights = _period_units(days[days != NO_DAY], period), None
    else:  # a cell lies within one month: count cells, not articles
        months = index.cells["month"].to_numpy(dtype="datetime64[M]")
        dated = ~np.isnat(months) & (chosen.per_cell > 0)
        units = {"month": 1, "quarter": 3, "year": 12}[period]
        units, weights = months[dated].astype(np.int64) // units, chosen.per_cell[dated]
    if not len(units):
        return pd.DataFrame({"period": pd.Series([], dtype="datetime64[us]"),
                             "n_articles": pd.Series([], dtype="int64")})
    low = int(units.min())
    counts = np.bincount(units - low, weights=weights).astype(np.int64)
    starts = _period_starts(np.arange(low, low + len(counts)), period)
    return pd.DataFrame({"period": starts.astype("datetime64[us]"), "n_articles": counts.astype(np.int64)})


def _period_units(days: np.ndarray, period: str) -> np.ndarray:
    """Each day's day or Monday week as an integer (since 1970)."""
    if period == "day":
        return days.astype(np.int64)
    return (days.astype(np.int64) + 3) // 7  # 1970-01-05 was a Monday


def _period_starts(units: np.ndarray, period: str) -> np.ndarray:
    """The first day of each period unit of :func:`_period_units`."""
    if period == "day":
        return units.astype("datetime64[D]")
    if period == "week":
        return (units * 7 - 3).astype("datetime64[D]")
    months = {"month": units, "quarter": units * 3, "year": units * 12}[period]
    return months.astype("datetime64[M]").astype("datetime64[D]")


def articles_by_place(db: Database, f: Filters, *, level: Level) -> pd.DataFrame:
    """Articles per place of ``level``, every place of that level in the store listed (0 if none).

    Returns:
        Columns ``adcode``, ``name`` (str) and ``n_articles`` (int), by ``adcode``.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    index, chosen = select(db, f)
    numbers, codes = index.codes(f"{level}_code")
    known = numbers >= 0
    per_code = np.bincount(numbers[known], weights=chosen.per_cell[known], minlength=len(codes))
    places = index.places[index.places["level"] == level].sort_values("code")
    position = pd.Index(codes).get_indexer(places["code"])
    return pd.DataFrame({
        "adcode": pd.Series(places["code"].to_numpy(), dtype=STRING_DTYPE),
        "name": pd.Series(places["name"].to_numpy(), dtype=STRING_DTYPE),
        "n_articles": np.where(position >= 0, per_code[np.maximum(position, 0)], 0).astype(np.int64)
        if len(codes) else np.zeros(len(places), dtype=np.int64),
    })


def theme_counts(
    db: Database, f: Filters, *, themes: tuple[str, ...], by: ThemeGroup | None = None,
    period: ThemePeriod | None = None,
) -> pd.DataFrame:
    """Articles per theme by place (or outlet) and period, with the denominator.

    The theme filter (``f.themes``) is not applied: a theme's share is always the
    articles with the theme over *all* the articles of the group and period that pass
    the other filters (dates, places, outlets, search). Applied, it would leave only
    articles with the chosen theme and make its share 100% everywhere; the caller uses
    ``f.themes`` to choose which themes to show instead.

    Args:
        db: the store's database.
        f: the filters (``f.themes`` is ignored, see above).
        themes: theme ids to list, in order (other themes found are added, sorted).
        by: ``province``, ``prefecture``, ``county``, ``outlet`` or None (one group, ``全部``).
        period: ``month``, ``quarter``, ``year`` or None (one period, ``全部``).

    Returns:
        Columns ``group`` (place name; ``未知`` without one), ``period``, ``theme``,
        ``n_articles``, ``share``, ``n_hits``, ``group_articles`` and ``group_code`` (the
        place's code or the outlet; NA for ``未知`` and ``全部``), as
        :func:`analysis.themes.count_themes`: every (group, period) with articles times
        every theme, sorted by group, period (``未知`` last) and theme order.
    """
    if by is not None and by not in (*LEVELS, "outlet"):
        raise ValueError(f"by must be province, prefecture, county, outlet or None, not {by!r}")
    if period not in (None, "month", "quarter", "year"):
        raise ValueError(f"period must be month, quarter, year or None, not {period!r}")
    index, chosen = select(db, replace(f, themes=()))
    pairs = index.pairs(by, period, _cell_pairs)
    group_articles = np.bincount(pairs.of_cell, weights=chosen.per_cell, minlength=pairs.size)
    group_articles = group_articles.astype(np.int64)
    assigned, hits = _theme_sums(index, chosen, pairs.of_cell, pairs.size)
    seen = [name for name, total in zip(index.theme_names, hits.sum(axis=0), strict=True) if total > 0]
    universe = [*themes, *sorted(set(seen) - set(themes))]
    position = pd.Index(index.theme_names).get_indexer(universe)
    known = position >= 0
    order = pairs.order[group_articles[pairs.order] > 0]
    n_themes = len(universe)

    def grid(matrix: np.ndarray) -> np.ndarray:
        out = np.zeros((len(order), n_themes), dtype=np.int64)
        out[:, known] = matrix[order][:, position[known]]
        return out.ravel()

    def strings(values: pa.Array, positions: np.ndarray) -> pd.Series:
        return values.take(pa.array(positions)).to_pandas().astype(STRING_DTYPE)

    repeated = np.repeat(order, n_themes)
    counts = np.repeat(group_articles[order], n_themes)
    n_articles = grid(assigned)
    return pd.DataFrame({
        "group": strings(pairs.groups, repeated),
        "period": strings(pairs.periods, repeated),
        "theme": strings(pa.array(universe, pa.string()), np.tile(np.arange(n_themes), len(order))),
        "n_articles": n_articles,
        "share": n_articles / np.maximum(counts, 1),
        "n_hits": grid(hits),
        "group_articles": counts,
        "group_code": strings(pairs.codes, repeated),
    })


def _theme_sums(
    index: DocIndex, chosen: Selection, pair_of_cell: np.ndarray, n_pairs: int
) -> tuple[np.ndarray, np.ndarray]:
    """Assigned articles and hits per (pair, theme).

    Cells whose articles are all selected come from the cell matrices; the articles of
    partly selected cells (partial months, theme or search filters) are added one by one.
    """
    whole = (chosen.per_cell == index.cell_docs) & (chosen.per_cell > 0)
    n_themes = len(index.theme_names)
    assigned = np.zeros((n_pairs, n_themes), dtype=np.int64)
    hits = np.zeros((n_pairs, n_themes), dtype=np.int64)
    np.add.at(assigned, pair_of_cell[whole], index.cell_theme_assigned[whole])
    np.add.at(hits, pair_of_cell[whole], index.cell_theme_hits[whole])
    docs = np.flatnonzero(chosen.keep & ~whole[index.cell])
    rows = index.theme_rows(docs)
    key = pair_of_cell[index.cell[index.theme_row[rows]]] * n_themes + index.theme_id[rows]
    size = n_pairs * n_themes
    assigned += np.bincount(key, weights=index.theme_assigned[rows], minlength=size).astype(np.int64).reshape(
        n_pairs, n_themes)
    hits += np.bincount(key, weights=index.theme_hits[rows], minlength=size).astype(np.int64).reshape(
        n_pairs, n_themes)
    return assigned, hits


def _cell_pairs(index: DocIndex, by: str | None, period: str | None) -> CellPairs:
    """The distinct (group, period) pairs of the cells, named and in display order."""
    n = len(index.cells)
    codes = np.full(n, "", dtype=object) if by is None else index.cell_values(
        "outlet" if by == "outlet" else f"{by}_code")
    labels = np.full(n, ALL_LABEL, dtype=object) if period is None else index.cell_values(f"{period}_label")
    codes = np.array(["" if c is None else c for c in codes], dtype=object)
    labels = np.array(["" if p is None else p for p in labels], dtype=object)
    of_cell, uniques = pd.factorize(np.char.add(np.char.add(codes.astype(str), "\x1f"), labels.astype(str)))
    code, label = zip(*(u.split("\x1f") for u in uniques), strict=True) if len(uniques) else ((), ())
    names = {}
    if by not in (None, "outlet"):
        names = dict(index.places.loc[index.places["level"] == by, ["code", "name"]].to_numpy())
    group = [ALL_LABEL if by is None else (names.get(c, c) if c else UNKNOWN_LABEL) for c in code]
    period_labels = [p or UNKNOWN_LABEL for p in label]
    order = sorted(range(len(group)), key=lambda i: (group[i] == UNKNOWN_LABEL, group[i],
                                                     period_labels[i] == UNKNOWN_LABEL, period_labels[i]))
    return CellPairs(
        of_cell=np.asarray(of_cell, dtype=np.int64), size=len(group), order=np.asarray(order, dtype=np.int64),
        groups=pa.array(group, pa.string()), periods=pa.array(period_labels, pa.string()),
        codes=pa.array([c or None for c in code], pa.string()))
