"""The article list, one article, the articles table and keyword in context, in SQL."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analysis.kwic import kwic as kwic_table
from analysis.schema import ARTICLE_COLUMNS, STRING_DTYPE, coerce_articles
from analysis.store.database import Database
from analysis.store.filters import Filters

LIST_COLUMNS = ("doc_id", "date", "title", "lead", "locality", "outlet", "themes")
LEAD_CHARS = 30
"""Characters of an untitled article's text a list shows (``lead``), to tell it apart."""
_LIST_SELECT = ("doc_key, doc_id, date, COALESCE(title, kicker) AS title, title IS NULL AS untitled, "
                "locality, outlet, themes")
"""A list shows the kicker where an article has no title: a later paragraph of a split
document has its document's title there (:mod:`analysis.loading.sections`), and its lead
tells it from the document's other paragraphs."""
_LEAD_SQL = f"left(trim(regexp_replace(left(text, {4 * LEAD_CHARS}), '\\s+', ' ', 'g')), {LEAD_CHARS})"


def list_articles(db: Database, f: Filters, *, limit: int = 200, offset: int = 0) -> pd.DataFrame:
    """A page of the filtered articles, newest first (undated last), a day's in the order loaded.

    The order loaded is a page's reading order, and a split document's paragraphs in
    turn (its ids, ``…#p10`` before ``…#p2``, are not).

    Returns:
        Columns ``doc_id``, ``date``, ``title`` (the kicker where there is no title),
        ``lead`` (the first :data:`LEAD_CHARS` characters of the text where there is no
        title, else NA), ``locality``, ``outlet`` and ``themes`` (list of theme ids,
        best first).
    """
    where = db.article_clause(f)
    page = db.frame(
        f"""SELECT {_LIST_SELECT} FROM articles WHERE {where.sql}
            ORDER BY date DESC NULLS LAST, doc_key LIMIT ? OFFSET ?""",
        [*where.params, int(limit), int(offset)])
    return _listed(db, page)


def articles_by_id(db: Database, doc_ids: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """The list columns of the articles with these ids, in the order given (unknown ids left out).

    Used to name the articles a KWIC line or a link points at.

    Returns:
        Columns as :func:`list_articles`.
    """
    ids = list(dict.fromkeys(str(d) for d in doc_ids))
    page = db.frame(
        f"""SELECT {_LIST_SELECT} FROM articles WHERE list_contains(?, doc_id)
            ORDER BY list_position(?, doc_id)""", [ids, ids])
    return _listed(db, page)


def _listed(db: Database, page: pd.DataFrame) -> pd.DataFrame:
    """A page of list rows with the leads of its untitled articles, typed.

    The leads are read for the page's untitled rows only, after the page is cut: asked
    in the page's own query, DuckDB would read and cut every filtered text first (470
    against 40 ms for a page of 2,000 of 100,000 articles).
    """
    untitled = page["doc_key"][page["untitled"].astype(bool)].astype("int64").tolist()
    leads: dict[int, str] = {}
    if untitled:
        found = db.frame(f"SELECT doc_key, {_LEAD_SQL} AS lead FROM articles "
                         "WHERE doc_key IN (SELECT UNNEST(?::BIGINT[]))", [untitled])
        leads = dict(zip(found["doc_key"].astype("int64"), found["lead"], strict=True))
    out = page.assign(lead=page["doc_key"].astype("int64").map(leads))[list(LIST_COLUMNS)]
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[us]")
    out["themes"] = [as_list(v) for v in out["themes"]]
    return out.astype({c: STRING_DTYPE for c in ("doc_id", "title", "lead", "locality", "outlet")})


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


def as_list(value: object) -> list:
    """A list cell from DuckDB (list, array or NULL) as a Python list."""
    if isinstance(value, list | tuple | np.ndarray):
        return [str(v) for v in value]
    return []


def _missing(value: object) -> bool:
    if isinstance(value, float):
        return bool(np.isnan(value))
    return value is None or value is pd.NaT or value is pd.NA


def kwic(db: Database, f: Filters, term: str, *, window: int, limit: int | None) -> pd.DataFrame:
    """Keyword in context over the filtered headlines and texts holding ``term`` (:mod:`analysis.kwic`)."""
    if not term:
        raise ValueError("kwic needs a non-empty term")
    where = db.article_clause(f)
    found = db.search_table(term)
    rows = db.frame(
        f"""SELECT doc_id, title, text FROM articles WHERE doc_key IN (SELECT doc_key FROM {found})
            AND (contains(title, ?) OR contains(text, ?)) AND {where.sql} ORDER BY date NULLS LAST, doc_key
            {'' if limit is None else f'LIMIT {int(limit)}'}""", [term, term, *where.params])
    return kwic_table(rows, term, window=window, limit=limit)

