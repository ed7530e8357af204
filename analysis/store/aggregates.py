"""Pre-aggregations: the counts a dashboard view needs, summed once per place, outlet and period.

A cell is a ``(month, adcode, outlet)`` triple (with the place codes of every level that
``adcode`` rolls up to). Every article is in exactly one cell, so sums over cells are
exact, document frequencies included; and the filters on dates (whole months), places and
outlets select whole cells. Terms and themes are keyed by an integer ``cell`` (grouping by
an integer is four times faster than by the six text columns); ``cells`` maps it back.

====================  ========================================================================
table                 columns
====================  ========================================================================
``agg_articles``      ``date, month, adcode, province_code, prefecture_code, county_code,
                      outlet, n_articles, n_chars, n_tokens`` (per day: exact for any dates)
``cells``             ``cell, month, adcode, province_code, prefecture_code, county_code, outlet``
``agg_themes``        ``cell, theme, n_articles`` (assigned), ``n_hits`` (all hits)
``agg_terms``         ``cell, term_id, frequency, docfreq``
====================  ========================================================================

Crash safety. An ingest marks the aggregates ``stale`` in ``meta`` in the same
transaction as its first batch, and :func:`rebuild_aggregates` replaces them and marks
them ``fresh`` in one transaction at the end. A store left stale by a killed ingest is
rebuilt when it is next opened for writing; until then queries read the per-article
tables (same numbers, slower).
"""

from __future__ import annotations

import duckdb

from analysis.store.schema import set_meta

PLACE = "adcode, province_code, prefecture_code, county_code"

AGGREGATES_SQL = {
    "_doc_cells": f"""
        SELECT doc_key, dense_rank() OVER (ORDER BY month, {PLACE}, outlet)::INTEGER AS cell,
               month, {PLACE}, outlet FROM articles""",
    "cells": f"SELECT DISTINCT cell, month, {PLACE}, outlet FROM _doc_cells ORDER BY cell",
    "agg_articles": f"""
        SELECT date, month, {PLACE}, outlet, count(*)::BIGINT AS n_articles,
               sum(n_chars)::BIGINT AS n_chars, sum(n_tokens)::BIGINT AS n_tokens
        FROM articles GROUP BY ALL ORDER BY month, adcode""",
    "agg_themes": """
        SELECT c.cell, t.theme, (count(*) FILTER (WHERE t.assigned))::BIGINT AS n_articles,
               sum(t.n_hits)::BIGINT AS n_hits
        FROM doc_themes t JOIN _doc_cells c USING (doc_key) GROUP BY ALL ORDER BY 1""",
    "agg_terms": """
        SELECT c.cell, d.term_id, sum(d.count)::BIGINT AS frequency, count(*)::BIGINT AS docfreq
        FROM doc_terms d JOIN _doc_cells c USING (doc_key) GROUP BY ALL ORDER BY 1""",
}

PLACES_SELECT = """
    SELECT level, code, min(name) AS name, min(parent_code) AS parent_code FROM (
        SELECT 'province' AS level, province_code AS code, province AS name, NULL AS parent_code
        FROM articles WHERE province_code IS NOT NULL
        UNION ALL
        SELECT 'prefecture', prefecture_code, prefecture, province_code
        FROM articles WHERE prefecture_code IS NOT NULL
        UNION ALL
        SELECT 'county', county_code, county, coalesce(prefecture_code, province_code)
        FROM articles WHERE county_code IS NOT NULL
    ) GROUP BY level, code ORDER BY level, code"""


def rebuild_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every pre-aggregation and the places table, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for name, query in AGGREGATES_SQL.items():
            kind = "TEMP TABLE" if name.startswith("_") else "TABLE"
            con.execute(f"CREATE OR REPLACE {kind} {name} AS {query}")
        con.execute("DROP TABLE _doc_cells")
        con.execute(f"CREATE OR REPLACE TABLE places AS {PLACES_SELECT}")
        set_meta(con, aggregates="fresh")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def places_source(fresh: bool) -> str:
    """The places table when the aggregates are fresh, else the query that makes it."""
    return "places" if fresh else f"({PLACES_SELECT})"


def mark_stale(con: duckdb.DuckDBPyConnection) -> None:
    """Say, inside the caller's transaction, that the pre-aggregations are out of date."""
    set_meta(con, aggregates="stale")
