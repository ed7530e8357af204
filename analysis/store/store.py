"""The :class:`Store`: the one data API of the dashboard and the CLI, over one DuckDB file.

Open one with :func:`open_store`: a folder (created if needed) for a lasting store, or
``None`` for an in-memory store (the demo corpus, uploads). Ingest articles with
:meth:`Store.ingest`; ask every number a view needs with the query methods
(:class:`~analysis.store.reader.StoreReader`), which all take a
:class:`~analysis.store.filters.Filters` and return DataFrames with fixed columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from analysis.name_lists import NameLists, load_name_lists
from analysis.store.aggregates import rebuild_aggregates, settle_aggregates
from analysis.store.analyzer import Analyzer, AnalyzerConfig
from analysis.store.database import Database
from analysis.store.ingest import (
    BATCH_SIZE,
    CHUNK_SIZE,
    PROGRESS_FILE,
    IngestOptions,
    IngestSummary,
    ProgressCallback,
    may_use_pool,
    run_ingest,
)
from analysis.store.loader_version import check_loader_version, loader_version_error, store_loader_version
from analysis.store.parallel import start_fork_server
from analysis.store.planner import STALE_SQL
from analysis.store.reader import StoreReader
from analysis.store.schema import StoreError, create_tables, get_meta
from analysis.theme_dictionary import ThemeDictionary, load_themes

DATABASE_FILE = "store.duckdb"
MEMORY_LIMIT = "2GB"
"""DuckDB's memory limit (it spills to the store folder beyond it): keeps a 1M-article store
well under 4 GB together with the worker processes."""


def open_store(
    path: str | Path | None = None,
    *,
    read_only: bool = False,
    create: bool = True,
    userdict: str | Path | None = None,
    stopwords: str | Path | None = None,
    themes: str | Path | None = None,
    names: str | Path | None = None,
    memory_limit: str = MEMORY_LIMIT,
) -> Store:
    """Open (or create) a store.

    Args:
        path: the store folder; ``None`` for a store in memory.
        read_only: open without writing (several processes may read one store; an
            ingest needs the store to itself).
        create: make the store when the folder holds none (a read-only open never does).
        userdict: the user dictionary ingest segments with (default: the data folder's,
            see :mod:`analysis.paths`).
        stopwords: the stopword folder or file (default: the data folder's).
        themes: the theme dictionary (default: the data folder's ``themes.toml``).
        names: the name lists (default: the data folder's ``names.toml``): ingest finds
            person-name contexts with them, the top terms leave their names out.
        memory_limit: DuckDB's memory limit, e.g. ``"2GB"``.

    Raises:
        StoreError: the folder is not a store, is used by another process, or has another
            schema version.
    """
    config = AnalyzerConfig.default(userdict=userdict, stopwords=stopwords, themes=themes, names=names)
    folder = Path(path) if path is not None else None
    con = _connect(folder, read_only=read_only, create=create, memory_limit=memory_limit)
    if not read_only:
        create_tables(con)
    elif get_meta(con, "schema_version") is None:
        raise StoreError("store_without_tables", folder=str(folder))
    store = Store(Database(con, read_only=read_only), path=folder, config=config)
    if not read_only:
        store.recover()
    return store


def _connect(
    folder: Path | None, *, read_only: bool, create: bool, memory_limit: str
) -> duckdb.DuckDBPyConnection:
    """Connect to the store's database in ``folder`` (in memory for None), with our settings.

    Raises:
        StoreError: the folder is a file, holds no store (and may not get one), or its
            database is damaged or used by another process.
    """
    if folder is not None and folder.exists() and not folder.is_dir():
        raise StoreError("store_not_folder", folder=str(folder))
    if folder is not None and (read_only or not create) and not (folder / DATABASE_FILE).is_file():
        raise StoreError("store_missing", folder=str(folder), database=DATABASE_FILE)
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(folder / DATABASE_FILE) if folder else ":memory:", read_only=read_only)
    except duckdb.IOException as exc:
        if folder is not None and not is_duckdb_file(folder / DATABASE_FILE):
            raise StoreError("store_damaged", file=str(folder / DATABASE_FILE)) from exc
        raise StoreError("store_locked", folder=str(folder), detail=str(exc)) from exc
    con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute("SET enable_progress_bar = false")  # DuckDB's own bar would interleave with ours
    if folder is not None:
        con.execute(f"SET temp_directory = '{(folder / 'tmp').as_posix()}'")
    return con


DUCKDB_MAGIC = (8, b"DUCK")
"""Where a DuckDB database file says what it is: the bytes ``DUCK`` after an 8-byte checksum."""


def is_duckdb_file(path: Path) -> bool:
    """True when ``path`` starts as a DuckDB database does (a file too short or without it is not one).

    DuckDB refuses a damaged file and a file another process holds with the same exception
    type; this tells the two apart without reading its English message.
    """
    offset, magic = DUCKDB_MAGIC
    try:
        with path.open("rb") as file:
            return file.read(offset + len(magic))[offset:] == magic
    except OSError:
        return True  # unreadable here: not known to be damaged


class Store(StoreReader):
    """Articles, term counts, theme scores and pre-aggregations in one DuckDB database."""

    def __init__(self, db: Database, *, path: Path | None, config: AnalyzerConfig) -> None:
        self._db = db
        self.path = path
        self.config = config
        self._analyzer: Analyzer | None = None
        self._themes: ThemeDictionary | None = None

    # ---- life cycle -------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database (the store stays on disk)."""
        self._db.close()

    def recover(self) -> None:
        """After an interrupted ingest: mark its run and settle stale pre-aggregations.

        Settling (:func:`~analysis.store.aggregates.settle_aggregates`) rebuilds them, or
        marks them unbuilt in a store too small for them.
        """
        with self._db.lock:
            self._db.con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
            if get_meta(self._db.con, "aggregates") == "stale":
                settle_aggregates(self._db.con)
                self._db.forget_state()

    @property
    def themes(self) -> ThemeDictionary:
        """The theme dictionary ingest uses (read on first use)."""
        if self._themes is None:
            self._themes = self.analyzer.themes if self._analyzer else load_themes(self.config.themes)
        return self._themes

    @property
    def name_lists(self) -> NameLists:
        """The name lists of ``names.toml`` (read at each use: an analyst may edit the file)."""
        return load_name_lists(self.config.names)

    @property
    def analyzer(self) -> Analyzer:
        """The tokenizer and themes of this process (built on first use; the segmenter at the first cut)."""
        if self._analyzer is None:
            self._analyzer = Analyzer.build(self.config)
        return self._analyzer

    # ---- ingest -----------------------------------------------------------------------

    def ingest(
        self,
        articles: pd.DataFrame | Iterable[pd.DataFrame],
        *,
        workers: int | None = None,
        scheduler: str | None = None,
        progress: ProgressCallback | None = None,
        resegment: bool = False,
        batch_size: int = BATCH_SIZE,
        chunk_size: int = CHUNK_SIZE,
        total: int | None = None,
    ) -> IngestSummary:
        """Add articles, analysing only those the store has not seen (see :mod:`.ingest`).

        Args:
            articles: an articles table, or an iterable of them (read lazily: bounded memory).
            workers: processes to analyse with; None: every core for inputs of 4,000
                articles or more, smaller inputs here (an input of unknown size: here
                until 4,000 are done, then on every core; see ``POOL_MIN_ARTICLES``).
            scheduler: a Dask scheduler address (``tcp://host:8786``) to analyse on instead.
            progress: called with (articles done, total or None) as work advances.
            resegment: also analyse again every stored article made with other versions
                of the dictionary, stopwords or themes.
            batch_size: articles per transaction.
            chunk_size: articles per worker task.
            total: the number of articles, when ``articles`` is an iterable (for progress).

        Returns:
            An :class:`~analysis.store.ingest.IngestSummary`.

        Raises:
            StoreError: ``store_loader_old`` for a store whose articles older loaders made
                otherwise (:mod:`.loader_version`), or another reason it cannot be written.
        """
        if isinstance(articles, pd.DataFrame):
            articles, total = [articles], len(articles)
        self._check_loader(adds_articles=not (resegment and isinstance(articles, list) and not articles))
        options = IngestOptions(
            workers=workers, scheduler=scheduler, progress=progress, batch_size=batch_size,
            chunk_size=chunk_size, total=total, resegment=resegment,
            progress_file=self.path / PROGRESS_FILE if self.path else None)
        if may_use_pool(options):
            start_fork_server()  # boots on another core while this process builds its analyzer
        return run_ingest(self._db, self.analyzer, self.config, articles, options)

    def _check_loader(self, *, adds_articles: bool) -> None:
        """On a writable store, refuse to add articles when older loaders made its articles otherwise.

        Raises ``store_loader_old`` (:mod:`.loader_version`). A resegment alone adds no
        article: any loader's are fine then.
        """
        if not self._db.read_only and adds_articles:
            with self._db.lock:
                check_loader_version(self._db.con, store=str(self.path or ""))

    def loader_error(self) -> StoreError | None:
        """Why today's loaders would make its articles otherwise, or None (:mod:`.loader_version`)."""
        with self._db.lock:
            return loader_version_error(self._db.con, store=str(self.path or ""))

    def resegment(self, *, workers: int | None = None, scheduler: str | None = None,
                  progress: ProgressCallback | None = None) -> IngestSummary:
        """Analyse again every stored article made with other data-file versions."""
        stale = self.stale_articles()
        return self.ingest([], workers=workers, scheduler=scheduler, progress=progress,
                           resegment=True, total=stale)

    def stale_articles(self) -> int:
        """How many stored articles were analysed with other versions than the current files'."""
        if not self._db.has_table("doc_names"):  # a store of an older version, opened read-only
            return int(self._db.scalar("SELECT count(*) FROM articles"))  # none has its name contexts
        versions = self.analyzer.versions
        return int(self._db.scalar(f"SELECT count(*) FROM articles WHERE {STALE_SQL}", versions))

    def info(self) -> dict[str, Any]:
        """Sizes, versions and state: articles, terms, runs, pre-aggregation state."""
        db = self._db
        # the name lists' version of each article's stored name contexts (None: none stored)
        stored = db.has_table("doc_names")
        join = "LEFT JOIN doc_names n USING (doc_key)" if stored else ""
        versions = db.frame(f"SELECT a.dict_version, a.theme_version, {'n.version' if stored else 'NULL'} "
                            f"AS names_version, count(*) AS n_articles FROM articles a {join} "
                            "GROUP BY ALL ORDER BY n_articles DESC")
        return {
            "path": str(self.path) if self.path else None,
            "articles": int(db.scalar("SELECT count(*) FROM articles")),
            "terms": int(db.scalar("SELECT count(*) FROM vocabulary")),
            "doc_terms": int(db.scalar("SELECT coalesce(sum(len(term_ids)), 0) FROM doc_terms")),
            "aggregates": get_meta(db.con, "aggregates"),
            "loader_version": store_loader_version(db.con),
            "versions": versions.to_dict("records"),
            "runs": db.frame("SELECT * FROM runs ORDER BY run_id").to_dict("records"),
        }

    def export_parquet(self, folder: str | Path) -> Path:
        """Write every table as Parquet (one file per table) with the SQL to load them back.

        Other tools read the files directly; ``IMPORT DATABASE 'folder'`` in DuckDB rebuilds
        the store.
        """
        folder = Path(folder)
        with self._db.lock:
            self._db.con.execute(f"EXPORT DATABASE '{folder.as_posix()}' (FORMAT parquet)")
        return folder

    def sql(self, query: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Run a read-only SQL query on the store's tables (see :mod:`.schema`) and return a table."""
        return self._db.frame(query, params)

    def rebuild_aggregates(self) -> None:
        """Recompute the pre-aggregations (ingest does it; this is for repairs and benchmarks)."""
        with self._db.lock:
            rebuild_aggregates(self._db.con)
            self._db.forget_state()
