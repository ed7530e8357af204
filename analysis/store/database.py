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
import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.search_query import parse_search
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
        self._fresh: bool | None = None
        self._index = None
        self._search_keys: dict[str, np.ndarray] = {}
        self._tables: dict[str, bool] = {}

    def frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Run a query and return its result as a DataFrame (through Arrow: strings stay Arrow strings)."""
        return self.arrow(sql, params).to_pandas(date_as_object=False)

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        """Run a query and return its result as an Arrow table."""
        with self.lock:
            self.con.complete()  # finish any statement run with execute(), or sql() refuses
            return self.con.sql(sql, params=list(params)).to_arrow_table()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run a query and return its rows as tuples."""
        with self.lock:
            return self.con.execute(sql, list(params)).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run a query and return the first column of its first row (None if no row)."""
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None

    def has_table(self, name: str) -> bool:
        """Whether the store has table ``name`` (a store written by an older version may lack one).

        Asked once per table and kept: only this connection can add one (:meth:`forget_state`).
        """
        with self.lock:
            found = self._tables.get(name)
            if found is None:
                found = self._tables[name] = bool(
                    self.scalar("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]))
            return found

    @property
    def aggregates_fresh(self) -> bool:
        """True when the pre-aggregations match the articles (see :mod:`.aggregates`).

        Read once and kept: only this connection can change the store (DuckDB lets one
        process write), and it calls :meth:`forget_state` when it does.
        """
        with self.lock:
            if self._fresh is None:
                self._fresh = get_meta(self.con, "aggregates") == "fresh"
            return self._fresh

    def forget_state(self) -> None:
        """Drop what is cached about the store (after writing to it)."""
        with self.lock:
            self._fresh = None
            self._index = None
            self._tables.clear()
            self.forget_searches()

    def doc_index(self):
        """The in-memory :class:`~analysis.store.index.DocIndex` (read on first use)."""
        with self.lock:
            if self._index is None:
                from analysis.store.index import DocIndex

                self._index = DocIndex.load(self)
            return self._index

    def search_keys(self, text: str) -> np.ndarray:
        """The sorted ``doc_key`` of the articles that match the search ``text`` (:meth:`search_table`)."""
        with self.lock:
            table = self.search_table(text)
            keys = self._search_keys.get(table)
            if keys is None:
                keys = self._search_keys[table] = np.sort(
                    self.arrow(f"SELECT doc_key FROM {table}").column("doc_key").to_numpy())
            return keys

    def article_clause(self, f: Filters, *, alias: str = "") -> Clause:
        """Every filter of ``f`` as one condition on the ``articles`` table."""
        search = self.search_table(f.search) if f.search is not None else None
        return all_of([date_clause(f, alias=alias), cell_clause(f, alias=alias),
                       per_article_clause(f, alias=alias, search_table=search)])

    def search_table(self, text: str) -> str:
        """The name of a temporary table of the ``doc_key`` of the articles that match the search ``text``.

        ``text`` is what was typed in the search box (:func:`analysis.search_query.parse_search`:
        words that must all appear, ``a|b`` alternatives, ``-word`` exclusions).
        """
        with self.lock:
            name = self._searches.get(text)
            if name is not None:
                self._searches.move_to_end(text)
                return name
            self._serial += 1
            name = f"search_{self._serial}"
            condition, params = parse_search(text).sql()
            self.con.execute(f"CREATE TEMP TABLE {name} AS SELECT doc_key FROM articles WHERE {condition}",
                             list(params))
            self._searches[text] = name
            while len(self._searches) > SEARCH_CACHE_SIZE:
                _, old = self._searches.popitem(last=False)
                self.con.execute(f"DROP TABLE IF EXISTS {old}")
                self._search_keys.pop(old, None)
            return name

    def forget_searches(self) -> None:
        """Drop the cached search tables (after the articles changed)."""
        with self.lock:
            for name in self._searches.values():
                self.con.execute(f"DROP TABLE IF EXISTS {name}")
            self._searches.clear()
            self._search_keys.clear()

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.con.close()
