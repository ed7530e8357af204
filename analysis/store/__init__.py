"""The store: segment once, keep everything in DuckDB, answer every dashboard query from it.

Typical use::

    store = open_store("stores/gansu")              # a folder; None for in memory
    summary, reports = ingest_paths(store, ["pages/"], LoadOptions(province="甘肃省"))
    store.count_articles(Filters(level="prefecture", places=("622900",)))

Modules: :mod:`.schema` (tables, content hash, versions), :mod:`.analyze` (what workers
do), :mod:`.parallel` (process pool, Dask), :mod:`.planner` (what to do with each incoming
article), :mod:`.ingest` and :mod:`.writer` (incremental, transactional ingest),
:mod:`.aggregates` (term pre-aggregations); the query side:
:mod:`.store` (the :class:`Store`), :mod:`.reader` (its query methods), :mod:`.database`
(connection, search cache), :mod:`.filters` (filters as SQL), :mod:`.index` and
:mod:`.counts` (in-memory column index: article and theme counts), :mod:`.terms` (terms,
keyness, co-occurrence), :mod:`.theme_queries` (slogans, theme evidence), :mod:`.queries`
(articles, KWIC), :mod:`.tokens` (the tokens table), :mod:`.files` (files in, tables out).

The names below are imported on first use (PEP 562): the worker processes import
:mod:`.analyze` without paying for DuckDB, the loaders and the query side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.lazy_names import lazy_attributes

if TYPE_CHECKING:
    from analysis.store.files import (
        IngestResult,
        ingest_paths,
        load_articles_from_store,
        load_tokens_from_store,
    )
    from analysis.store.filters import Filters
    from analysis.store.ingest import IngestSummary
    from analysis.store.schema import StoreError, content_hash
    from analysis.store.store import Store, open_store

_WHERE = {
    "Filters": "filters",
    "IngestResult": "files",
    "IngestSummary": "ingest",
    "Store": "store",
    "StoreError": "schema",
    "content_hash": "schema",
    "ingest_paths": "files",
    "load_articles_from_store": "files",
    "load_tokens_from_store": "files",
    "open_store": "store",
}

__all__ = [
    "Filters",
    "IngestResult",
    "IngestSummary",
    "Store",
    "StoreError",
    "content_hash",
    "ingest_paths",
    "load_articles_from_store",
    "load_tokens_from_store",
    "open_store",
]


__getattr__ = lazy_attributes(__name__, _WHERE)
