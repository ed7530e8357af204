"""Theme counts, slogans and the theme evidence of one article, from the store.

:func:`theme_counts` has the semantics of :func:`analysis.themes.count_themes`: a full
grid of (group, period) cells that have articles times every theme, ``n_articles`` the
articles assigned the theme, ``n_hits`` the hits in all articles of the cell, and
``group_articles`` the denominator. Groups are places (by code, named) or outlets.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from analysis.schema import STRING_DTYPE
from analysis.store.aggregates import places_source
from analysis.store.database import Database
from analysis.store.filters import LEVELS, Filters, Level, cell_clause, split_dates
from analysis.store.queries import count_source
from analysis.theme_dictionary import ThemeDictionary
from analysis.themes import ALL_LABEL, COUNT_COLUMNS, UNKNOWN_LABEL, match_themes

ThemeGroup = Literal["province", "prefecture", "county", "outlet"]
ThemePeriod = Literal["month", "quarter", "year"]
THEME_COUNT_COLUMNS = (*COUNT_COLUMNS, "group_code")
SLOGAN_COLUMNS = ("slogan", "n_mentions", "n_articles", "first_date", "last_date", "n_groups", "groups")
HIT_COLUMNS = ("theme", "term", "sentence_index", "sentence", "start")

_PERIOD_SQL = {
    None: f"'{ALL_LABEL}'",
    "month": "strftime(month, '%Y-%m')",
    "quarter": "year(month)::VARCHAR || 'Q' || quarter(month)::VARCHAR",
    "year": "year(month)::VARCHAR",
}


def theme_counts(
    db: Database, f: Filters, *, themes: tuple[str, ...], by: ThemeGroup | None = None,
    period: ThemePeriod | None = None,
) -> pd.DataFrame:
    """Articles per theme by place (or outlet) and period, with the denominator.

    Args:
        db: the store's database.
        f: the filters.
        themes: theme ids to list, in order (themes found in the store are added).
        by: ``province``, ``prefecture``, ``county``, ``outlet`` or None (one group, ``全部``).
        period: ``month``, ``quarter``, ``year`` or None (one period, ``全部``).

    Returns:
        Columns ``group`` (place name; ``未知`` for articles without one), ``period``,
        ``theme``, ``n_articles``, ``share``, ``n_hits``, ``group_articles`` and
        ``group_code`` (the place's code or the outlet; NA for ``未知`` and ``全部``).
    """
    if by is not None and by not in (*LEVELS, "outlet"):
        raise ValueError(f"by must be province, prefecture, county, outlet or None, not {by!r}")
    if period not in _PERIOD_SQL:
        raise ValueError(f"period must be month, quarter, year or None, not {period!r}")
    code = "NULL" if by is None else ("outlet" if by == "outlet" else f"{by}_code")
    label = _PERIOD_SQL[period]
    table, where, n = count_source(db, f)
    cells = db.frame(f"SELECT {code} AS group_code, {label} AS period, {n}::BIGINT AS group_articles "
                     f"FROM {table} WHERE {where.sql} GROUP BY ALL HAVING count(*) > 0", where.params)
    counted = _theme_sums(db, f, code=code, label=label)
    universe = [*themes, *sorted(set(counted["theme"]) - set(themes))]
    grid = cells.merge(pd.DataFrame({"theme": universe}, dtype=object), how="cross")
    grid = grid.merge(counted, how="left", on=["group_code", "period", "theme"])
    grid[["n_articles", "n_hits"]] = grid[["n_articles", "n_hits"]].fillna(0).astype("int64")
    grid["share"] = grid["n_articles"] / grid["group_articles"]
    grid["group"] = _group_names(db, grid["group_code"], by)
    grid["period"] = grid["period"].fillna(UNKNOWN_LABEL)
    rank = {theme: i for i, theme in enumerate(universe)}
    grid = grid.sort_values(
        ["group", "period", "theme"],
        key=lambda c: c.map(rank) if c.name == "theme" else c.map(lambda v: (v == UNKNOWN_LABEL, v)))
    out = grid[list(THEME_COUNT_COLUMNS)].reset_index(drop=True)
    return out.astype({"group": STRING_DTYPE, "period": STRING_DTYPE, "theme": STRING_DTYPE,
                       "group_articles": "int64", "group_code": STRING_DTYPE})


def _theme_sums(db: Database, f: Filters, *, code: str, label: str) -> pd.DataFrame:
    """Assigned articles and hits per (group code, period label, theme)."""
    if db.aggregates_fresh and not f.per_article:
        months, days = split_dates(f)
    else:
        months, days = None, db.article_clause(f)
    parts, params = [], ()
    if months is not None:
        where = months & cell_clause(f)
        parts.append(f"SELECT {code} AS group_code, {label} AS period, theme, n_articles, n_hits "
                     f"FROM agg_themes JOIN cells USING (cell) WHERE {where.sql}")
        params += where.params
    if days is not None:
        where = days & cell_clause(f)
        parts.append(f"""SELECT {code} AS group_code, {label} AS period, t.theme,
                         t.assigned::BIGINT AS n_articles, t.n_hits
                         FROM doc_themes t JOIN articles USING (doc_key) WHERE {where.sql}""")
        params += where.params
    union = " UNION ALL ".join(parts)
    return db.frame(f"""SELECT group_code, period, theme, sum(n_articles)::BIGINT AS n_articles,
                        sum(n_hits)::BIGINT AS n_hits FROM ({union}) GROUP BY ALL""", params)


def _group_names(db: Database, codes: pd.Series, by: str | None) -> pd.Series:
    """The display name of each group code (``全部`` without groups, ``未知`` for NULL)."""
    if by is None:
        return pd.Series(ALL_LABEL, index=codes.index, dtype=object)
    names = {}
    if by != "outlet":
        rows = db.rows(f"SELECT code, name FROM {places_source(db.aggregates_fresh)} WHERE level = ?", [by])
        names = dict(rows)
    return codes.map(lambda c: UNKNOWN_LABEL if not isinstance(c, str) else names.get(c, c)).astype(object)


def slogans(db: Database, f: Filters, *, by: Level = "prefecture") -> pd.DataFrame:
    """Slogan mentions in the filtered articles: how often, how widely, and when.

    Returns:
        Columns ``slogan``, ``n_mentions``, ``n_articles``, ``first_date``, ``last_date``,
        ``n_groups`` and ``groups`` (sorted names of the ``by`` places), as
        :func:`analysis.slogans.summarize_slogans`, by ``n_mentions`` descending then slogan.
    """
    if by not in LEVELS:
        raise ValueError(f"by must be one of {', '.join(LEVELS)}, not {by!r}")
    where = db.article_clause(f)
    out = db.frame(
        f"""SELECT s.slogan, count(*)::BIGINT AS n_mentions, count(DISTINCT s.doc_key)::BIGINT AS n_articles,
                   min(date) AS first_date, max(date) AS last_date,
                   list_sort(list(DISTINCT {by}) FILTER (WHERE {by} IS NOT NULL)) AS groups
            FROM doc_slogans s JOIN articles USING (doc_key) WHERE {where.sql}
            GROUP BY s.slogan ORDER BY n_mentions DESC, s.slogan""", where.params)
    out["groups"] = [[str(g) for g in v] if isinstance(v, list | np.ndarray) else [] for v in out["groups"]]
    out["n_groups"] = out["groups"].map(len).astype("int64")
    for column in ("first_date", "last_date"):
        out[column] = pd.to_datetime(out[column]).astype("datetime64[us]")
    return out.astype({"slogan": STRING_DTYPE})[list(SLOGAN_COLUMNS)]


def theme_hits(article: dict, *, themes: ThemeDictionary) -> pd.DataFrame:
    """Every theme hit of one article, with its sentence, recomputed from its text.

    Returns:
        Columns ``theme``, ``term``, ``sentence_index`` (0 is the title), ``sentence`` and
        ``start`` (offset of the hit in the sentence), as :func:`analysis.themes.match_themes`.
    """
    frame = pd.DataFrame({"doc_id": [article["doc_id"]], "title": [article.get("title") or ""],
                          "text": [article.get("text") or ""]})
    return match_themes(frame, themes=themes)[list(HIT_COLUMNS)].reset_index(drop=True)
