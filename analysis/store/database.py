"""The DuckDB connection behind a store: one connection, one lock, cached search results.

Every query goes through :class:`Database`, which serialises access (a Streamlit app
shares one store between sessions) and keeps, per search string, a temporary table of
the articles whose title or text contains it: a search scans all the text once, and the
later filter changes that keep the same search word join with that table instead.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import duckdb
import pandas as pd

from analysis.store.filters import Clause, Filters, all_of, cell_clause, date_clause, per_article_clause
from analysis.store.schema import get_meta

SEARCH_CACHE_SIZE = 8
"""How many search strings keep their table of matching articles."""


class Database:
    """A DuckDB connection with a lock, the aggregate state and the search cache."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, read_only: bool) -> None:
        self.con = con
        self.read_only = read_only
        self.lock = threading.RLock()
        self._searches: OrderedDict[str, str] = OrderedDict()
        self._serial = 0

    def frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Run a query and return its result as a DataFrame."""
        with self.lock:
            return self.con.execute(sql, list(params)).df()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run a query and return its rows as tuples."""
        with self.lock:
            return self.con.execute(sql, list(params)).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run a query and return the first column of its first row (None if no row)."""
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None

    @property
    def aggregates_fresh(self) -> bool:
        """True when the pre-aggregations match the articles (see :mod:`.aggregates`)."""
        with self.lock:
            return get_meta(self.con, "aggregates") == "fresh"

    def article_clause(self, f: Filters, *, alias: str = "") -> Clause:
        """Every filter of ``f`` as one condition on the ``articles`` table."""
        search = self.search_table(f.search) if f.search is not None else None
        return all_of([date_clause(f, alias=alias), cell_clause(f, alias=alias),
                       per_article_clause(f, alias=alias, search_table=search)])

    def search_table(self, text: str) -> str:
        """The name of a temporary table of ``doc_key`` whose title or text contains ``text``."""
        with self.lock:
            name = self._searches.get(text)
            if name is not None:
                self._searches.move_to_end(text)
                return name
            self._serial += 1
            name = f"search_{self._serial}"
            self.con.execute(
                f"CREATE TEMP TABLE {name} AS SELECT doc_key FROM articles "
                "WHERE contains(title, ?) OR contains(text, ?)", [text, text])
            self._searches[text] = name
            while len(self._searches) > SEARCH_CACHE_SIZE:
                _, old = self._searches.popitem(last=False)
                self.con.execute(f"DROP TABLE IF EXISTS {old}")
            return name

    def forget_searches(self) -> None:
        """Drop the cached search tables (after the articles changed)."""
        with self.lock:
            for name in self._searches.values():
                self.con.execute(f"DROP TABLE IF EXISTS {name}")
            self._searches.clear()

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.con.close()
