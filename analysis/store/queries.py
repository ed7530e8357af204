"""Article counts, the article list and the sidebar's options, straight from the store.

Counts come from the per-day pre-aggregation ``agg_articles`` when the filters allow
(no theme, no search) and from ``articles`` otherwise; both give the same numbers.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd

from analysis.schema import ARTICLE_COLUMNS, STRING_DTYPE, coerce_articles
from analysis.store.aggregates import places_source
from analysis.store.database import Database
from analysis.store.filters import LEVELS, Clause, Filters, Level, all_of, cell_clause, date_clause

Period = Literal["day", "week", "month", "quarter", "year"]
PERIOD_FREQ = {"day": "D", "week": "W-MON", "month": "MS", "quarter": "QS", "year": "YS"}
LIST_COLUMNS = ("doc_id", "date", "title", "locality", "outlet", "themes")


def count_source(db: Database, f: Filters) -> tuple[str, Clause, str]:
    """Where to count articles for ``f``: ``(table, condition, expression of the count)``."""
    if db.aggregates_fresh and not f.per_article:
        return "agg_articles", all_of([date_clause(f), cell_clause(f)]), "sum(n_articles)"
    return "articles", db.article_clause(f), "count(*)"


def count_articles(db: Database, f: Filters) -> int:
    """The number of articles that pass ``f``."""
    table, where, n = count_source(db, f)
    return int(db.scalar(f"SELECT coalesce({n}, 0) FROM {table} WHERE {where.sql}", where.params))


def summary(db: Database, f: Filters) -> dict[str, Any]:
    """Key figures of the filtered articles (the keys of :func:`analysis.overview.summarize_corpus`).

    Returns:
        ``articles``, ``first_date``, ``last_date`` (Timestamp or None), ``days``,
        ``provinces``, ``prefectures``, ``counties``, ``localities`` (distinct places),
        ``outlets``, ``characters`` (of the texts) and ``tokens`` (word tokens).
    """
    table, where, n = count_source(db, f)
    row = db.rows(
        f"""SELECT coalesce({n}, 0), min(date), max(date), count(DISTINCT province_code),
            count(DISTINCT prefecture_code), count(DISTINCT county_code), count(DISTINCT adcode),
            count(DISTINCT outlet), coalesce(sum(n_chars), 0), coalesce(sum(n_tokens), 0)
            FROM {table} WHERE {where.sql}""", where.params)[0]
    first = pd.Timestamp(row[1]) if row[1] is not None else None
    last = pd.Timestamp(row[2]) if row[2] is not None else None
    keys = ("provinces", "prefectures", "counties", "localities", "outlets", "characters", "tokens")
    return {"articles": int(row[0]), "first_date": first, "last_date": last,
            "days": (last - first).days + 1 if first is not None else 0,
            **{key: int(value) for key, value in zip(keys, row[3:], strict=True)}}


def articles_over_time(db: Database, f: Filters, *, period: Period = "month") -> pd.DataFrame:
    """Articles per period, with 0 for empty periods between the first and the last.

    Returns:
        Columns ``period`` (datetime, the period's first day; weeks start on Monday) and
        ``n_articles`` (int), in time order. Undated articles are not counted.
    """
    if period not in PERIOD_FREQ:
        raise ValueError(f"period must be one of {', '.join(PERIOD_FREQ)}, not {period!r}")
    table, where, n = count_source(db, f)
    counts = db.frame(
        f"""SELECT date_trunc('{period}', date)::DATE AS period, {n}::BIGINT AS n_articles FROM {table}
            WHERE date IS NOT NULL AND {where.sql} GROUP BY 1 ORDER BY 1""", where.params)
    counts["period"] = pd.to_datetime(counts["period"]).astype("datetime64[us]")
    if counts.empty:
        return counts.astype({"n_articles": "int64"})
    full = pd.date_range(counts["period"].min(), counts["period"].max(), freq=PERIOD_FREQ[period], unit="us")
    out = counts.set_index("period").reindex(full, fill_value=0).rename_axis("period").reset_index()
    return out.astype({"n_articles": "int64"})


def articles_by_place(db: Database, f: Filters, *, level: Level) -> pd.DataFrame:
    """Articles per place of ``level``, every place of that level in the store listed (0 if none).

    Returns:
        Columns ``adcode``, ``name`` (str) and ``n_articles`` (int), by ``adcode``.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    table, where, n = count_source(db, f)
    out = db.frame(
        f"""SELECT p.code AS adcode, p.name, coalesce(c.n, 0)::BIGINT AS n_articles
            FROM {places_source(db.aggregates_fresh)} p LEFT JOIN (
                SELECT {level}_code AS code, {n} AS n FROM {table} WHERE {where.sql} GROUP BY 1
            ) c USING (code) WHERE p.level = ? ORDER BY p.code""", [*where.params, level])
    return out.astype({"adcode": STRING_DTYPE, "name": STRING_DTYPE, "n_articles": "int64"})


def list_articles(db: Database, f: Filters, *, limit: int = 200, offset: int = 0) -> pd.DataFrame:
    """A page of the filtered articles, newest first (undated last, then by ``doc_id``).

    Returns:
        Columns ``doc_id``, ``date``, ``title``, ``locality``, ``outlet`` and ``themes``
        (list of theme ids, best first).
    """
    where = db.article_clause(f)
    out = db.frame(
        f"""SELECT {', '.join(LIST_COLUMNS)} FROM articles WHERE {where.sql}
            ORDER BY date DESC NULLS LAST, doc_id LIMIT ? OFFSET ?""",
        [*where.params, int(limit), int(offset)])
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[us]")
    out["themes"] = [as_list(v) for v in out["themes"]]
    return out.astype({c: STRING_DTYPE for c in ("doc_id", "title", "locality", "outlet")})


def articles_table(db: Database, f: Filters) -> pd.DataFrame:
    """The filtered articles as an articles table (contract columns and ``themes``), by key."""
    where = db.article_clause(f)
    columns = ", ".join(ARTICLE_COLUMNS)
    out = db.frame(f"SELECT {columns}, themes FROM articles WHERE {where.sql} ORDER BY doc_key", where.params)
    out = coerce_articles(out)
    out["themes"] = pd.Series([as_list(v) for v in out["themes"]], index=out.index, dtype=object)
    return out


def get_article(db: Database, doc_id: str) -> dict[str, Any]:
    """Every stored column of one article (text included).

    Raises:
        KeyError: no article has this ``doc_id``.
    """
    frame = db.frame("SELECT * EXCLUDE (run_id) FROM articles WHERE doc_id = ? LIMIT 1", [doc_id])
    if frame.empty:
        raise KeyError(f"no article with doc_id {doc_id!r} in the store")
    record = frame.iloc[0].to_dict()
    record["themes"] = as_list(record["themes"])
    return {key: (None if _missing(value) else value) for key, value in record.items()}


def options(db: Database, *, themes: tuple[str, ...]) -> dict[str, Any]:
    """What the sidebar offers: date range, outlets, places per level, theme ids.

    Returns:
        ``date_min``, ``date_max`` (Timestamp or None), ``outlets`` (sorted list),
        ``places`` (``{level: DataFrame[adcode, name, parent]}``) and ``themes`` (ids in
        dictionary order, then any other theme found in the store).
    """
    low, high = db.rows("SELECT min(date), max(date) FROM articles")[0]
    outlets = [row[0] for row in db.rows(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY 1")]
    places = db.frame(f"SELECT level, code AS adcode, name, parent_code AS parent "
                      f"FROM {places_source(db.aggregates_fresh)} ORDER BY level, code")
    found = {r[0] for r in db.rows("SELECT DISTINCT theme FROM doc_themes")}
    return {
        "date_min": pd.Timestamp(low) if low is not None else None,
        "date_max": pd.Timestamp(high) if high is not None else None,
        "outlets": outlets,
        "places": {level: places.loc[places["level"] == level, ["adcode", "name", "parent"]]
                   .reset_index(drop=True).astype(STRING_DTYPE) for level in LEVELS},
        "themes": [*themes, *sorted(found - set(themes))],
    }


def as_list(value: object) -> list:
    """A list cell from DuckDB (list, array or NULL) as a Python list."""
    if isinstance(value, list | tuple | np.ndarray):
        return [str(v) for v in value]
    return []


def _missing(value: object) -> bool:
    if isinstance(value, float):
        return bool(np.isnan(value))
    return value is None or value is pd.NaT or value is pd.NA
