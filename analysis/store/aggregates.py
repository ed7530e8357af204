"""Pre-aggregations of term counts: summed once per cell, and per month.

A cell is a ``(month, adcode, outlet)`` triple (with the place codes of every level that
``adcode`` rolls up to). Every article is in exactly one cell, so sums over cells are
exact, document frequencies included, and filters on whole months, places and outlets
select whole cells; the days of partial months at the ends of a date range are added
from ``doc_terms`` (:func:`analysis.store.filters.split_dates`). Terms are keyed by an
integer ``cell`` (grouping by an integer is four times faster than by six text columns).

====================  ========================================================================
table                 columns
====================  ========================================================================
``cells``             ``cell, month,`` the period labels, the place codes, ``outlet``
``agg_terms``         ``cell, term_id, frequency, docfreq``
``agg_terms_month``   ``month, term_id, frequency, docfreq``: the same summed over places and
                      outlets, for the filters that name neither (a fortieth of the rows)
``places``            ``level, code, name, parent_code`` of every place the articles name
====================  ========================================================================

Article and theme counts need no pre-aggregation: the in-memory column index
(:mod:`.index`) sums them faster than DuckDB reads a pre-aggregated table.

A store of fewer than :data:`MIN_ARTICLES` articles keeps none (``unbuilt`` in ``meta``):
at that size the per-article tables answer every query about as fast (top terms of 10k
articles: 9–19 ms instead of 4–10), and building the roll-ups would be a tenth of the
ingest. The ingest that takes a store past that size builds them.

Crash safety. An ingest marks the aggregates ``stale`` in ``meta`` in the same
transaction as its first batch, and :func:`rebuild_aggregates` (or, when the run only
added a small share of new articles, :func:`extend_aggregates`) brings them up to date
and marks them ``fresh`` in one transaction at the end (or, for a small store, marks them
``unbuilt``). A store left stale by a killed ingest is rebuilt when it is next opened for
writing; until then queries read the per-article tables (same numbers, slower).
"""

from __future__ import annotations

import duckdb

from analysis.store.schema import get_meta, set_meta

PLACE = "adcode, province_code, prefecture_code, county_code"
PERIODS = "month_label, quarter_label, year_label"

AGGREGATES_SQL = {
    "_doc_cells": f"""
        SELECT doc_key, dense_rank() OVER (ORDER BY month, {PLACE}, outlet)::INTEGER AS cell,
               month, {PERIODS}, {PLACE}, outlet FROM articles""",
    "cells": f"SELECT DISTINCT cell, month, {PERIODS}, {PLACE}, outlet FROM _doc_cells ORDER BY cell",
    "agg_terms": """
        SELECT cell, term_id, sum(n)::BIGINT AS frequency, count(*)::BIGINT AS docfreq FROM (
            SELECT c.cell, unnest(d.term_ids) AS term_id, unnest(d.counts) AS n
            FROM doc_terms d JOIN _doc_cells c USING (doc_key)
        ) GROUP BY ALL ORDER BY 1""",
    "agg_terms_month": """
        SELECT c.month, t.term_id, sum(t.frequency)::BIGINT AS frequency, sum(t.docfreq)::BIGINT AS docfreq
        FROM agg_terms t JOIN cells c USING (cell) GROUP BY ALL ORDER BY 1""",
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


CELL_KEY = f"month, {PERIODS}, {PLACE}, outlet"
_SAME_CELL = " AND ".join(f"n.{key} IS NOT DISTINCT FROM c.{key}" for key in CELL_KEY.split(", "))

EXTEND_SQL = (
    f"CREATE OR REPLACE TEMP TABLE _new AS SELECT doc_key, {CELL_KEY} FROM articles WHERE run_id = ?",
    f"""INSERT INTO cells SELECT (SELECT coalesce(max(cell), 0) FROM cells) + row_number() OVER (), *
        FROM (SELECT DISTINCT {CELL_KEY} FROM _new EXCEPT SELECT {CELL_KEY} FROM cells)""",
    "CREATE OR REPLACE TEMP TABLE _doc_cells AS "
    f"SELECT n.doc_key, c.cell, c.month FROM _new n JOIN cells c ON {_SAME_CELL}",
    """CREATE OR REPLACE TEMP TABLE _new_terms AS
        SELECT c.cell, c.month, unnest(d.term_ids) AS term_id, unnest(d.counts) AS n
        FROM doc_terms d JOIN _doc_cells c USING (doc_key)""",
    """INSERT INTO agg_terms SELECT cell, term_id, sum(n)::BIGINT, count(*)::BIGINT
        FROM _new_terms GROUP BY ALL""",
    """INSERT INTO agg_terms_month SELECT month, term_id, sum(n)::BIGINT, count(*)::BIGINT
        FROM _new_terms GROUP BY ALL""",
    f"CREATE OR REPLACE TABLE places AS {PLACES_SELECT}",
    "DROP TABLE _new", "DROP TABLE _doc_cells", "DROP TABLE _new_terms",
)
"""Add one run's articles: new cells get new numbers; their term sums are appended as extra
rows (every query sums over rows, so a (cell, term) pair may have several)."""

MIN_ARTICLES = 20_000
"""Stores with fewer articles keep no pre-aggregations (see the module docstring)."""

EXTENSIONS_BEFORE_REBUILD = 50
"""After this many extensions, the next ingest rebuilds (and so compacts) the roll-ups."""


def rebuild_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every pre-aggregation and the places table, in one transaction."""
    statements = [f"CREATE OR REPLACE {'TEMP TABLE' if name.startswith('_') else 'TABLE'} {name} AS {query}"
                  for name, query in AGGREGATES_SQL.items()]
    statements += ["DROP TABLE _doc_cells", f"CREATE OR REPLACE TABLE places AS {PLACES_SELECT}"]
    _transaction(con, statements, (), extensions="0")


def settle_aggregates(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the pre-aggregations, or mark them ``unbuilt`` in a store too small for them."""
    if con.execute("SELECT count(*) FROM articles").fetchone()[0] >= MIN_ARTICLES:
        rebuild_aggregates(con)
    else:
        set_meta(con, aggregates="unbuilt", extensions="0")


def extend_aggregates(con: duckdb.DuckDBPyConnection, run_id: int) -> None:
    """Add the articles of one ingest run that only added articles, in one transaction.

    For a day's pages added to a million articles this takes a fraction of a second where
    a rebuild takes five. Use it only when the aggregates were fresh before the run and
    the run neither replaced nor re-analysed an article.
    """
    extensions = int(get_meta(con, "extensions") or 0) + 1
    _transaction(con, list(EXTEND_SQL), (run_id,), extensions=str(extensions))


def _transaction(con: duckdb.DuckDBPyConnection, statements: list[str], first_params: tuple, *,
                 extensions: str) -> None:
    """Run the statements (the first with ``first_params``) and mark the aggregates fresh, atomically."""
    con.execute("BEGIN TRANSACTION")
    try:
        for number, statement in enumerate(statements):
            con.execute(statement, list(first_params) if number == 0 else [])
        set_meta(con, aggregates="fresh", extensions=extensions)
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
