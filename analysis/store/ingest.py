"""Incremental ingest: segment only what the store has not seen, in parallel, batch by batch.

The :class:`~analysis.store.planner.Planner` decides what to do with each incoming article
(skip, analyse as new, replace, analyse again) from its content hash and what the store
holds. The articles to analyse go to the workers in chunks (:mod:`.parallel`); the parent writes
the results in order, one transaction per batch (:mod:`.writer`; once every chunk is
out to the workers, one per result), then brings the pre-aggregations up to date
(:mod:`.aggregates`). After each committed batch the progress file
``ingest-progress.json`` of the store folder says how many articles are safely in.
Re-running an interrupted ingest skips what was committed and goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.store.aggregates import EXTENSIONS_BEFORE_REBUILD, extend_aggregates, settle_aggregates
from analysis.store.analyze import ArticleChunk
from analysis.store.analyzer import Analyzer, AnalyzerConfig
from analysis.store.database import Database
from analysis.store.parallel import default_workers, map_chunks
from analysis.store.planner import Planner
from analysis.store.schema import REPEAT_COLUMNS, StoreError, get_meta
from analysis.store.writer import Vocabulary, write_batch

ProgressCallback = Callable[[int, int | None], None]
"""Called with (articles done, articles in all, or None when not known in advance)."""

BATCH_SIZE = 5_000
"""Articles per transaction (fewer at the end of an input, see the module docstring)."""
CHUNK_SIZE = 1_000
"""Articles per worker task."""
POOL_MIN_ARTICLES = 4_000
"""With ``workers=None``, an input known (``total``) to hold this many articles or more
goes to a pool of every core from the first chunk, its chunks queued while the workers
start; a smaller input is analysed in this process, and one of unknown size is analysed
here until this many are done, then by the pool, this process going on until the pool's
workers are ready."""
PROGRESS_FILE = "ingest-progress.json"
EXTEND_MAX_SHARE = 0.1
"""A run that adds at most this share of the store's articles extends the pre-aggregations
instead of rebuilding them."""
WRITE_THREADS = 1
"""DuckDB threads while the analysed batches stream in: the workers have every core, and
a batch's inserts are small; one thread instead of one per core saves a tenth of the
ingesting process's CPU (5.8-6.4 against 5.2-5.4 CPU-s for 100k demo articles) and 4% of
the wall time. The pre-aggregations and the final checkpoint, after the workers are
done, run with every thread again."""
CHECKPOINT_THRESHOLD = "1GB"
"""Write-ahead log size that triggers a checkpoint during ingest: checkpointing once per
gigabyte instead of every 16 MB (DuckDB's default) saves a third of the parent's work."""


@dataclass(frozen=True)
class IngestSummary:
    """What an ingest did.

    Attributes:
        new: articles added (corrected articles included).
        skipped_existing: articles already in the store with current versions: not analysed.
        seconds: wall time of the whole ingest.
        resegmented: stored articles analysed again (their versions were out of date).
        replaced: of ``new``, articles that replaced a stored one with the same ``doc_id``.
        duplicates: repeats within the input, counted once.
        megabytes: UTF-8 size of the titles and texts analysed.
        batches: transactions committed.
        repeats: the ``duplicates``, named (:func:`~analysis.store.schema.repeated_articles`;
            ``same_as`` is NA for a repeat of an article of an earlier input table that
            was still being analysed).
    """

    new: int
    skipped_existing: int
    seconds: float
    resegmented: int = 0
    replaced: int = 0
    duplicates: int = 0
    megabytes: float = 0.0
    batches: int = 0
    repeats: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(REPEAT_COLUMNS)),
                                  repr=False, compare=False)


@dataclass(frozen=True)
class IngestOptions:
    """How to run an ingest (see :meth:`analysis.store.Store.ingest`)."""

    workers: int | None = None
    scheduler: str | None = None
    progress: ProgressCallback | None = None
    batch_size: int = BATCH_SIZE
    chunk_size: int = CHUNK_SIZE
    total: int | None = None
    resegment: bool = False
    progress_file: Path | None = None


def run_ingest(
    db: Database, analyzer: Analyzer, config: AnalyzerConfig, frames: Iterable[pd.DataFrame],
    options: IngestOptions,
) -> IngestSummary:
    """Ingest tables of articles into the store; see the module docstring."""
    if db.read_only:
        raise StoreError("store_read_only")
    with db.lock:
        threads = int(db.scalar("SELECT current_setting('threads')"))  # given back as it was
        db.con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")
        try:
            run = _Run(db, analyzer, options)
            try:
                run.execute(frames, config)
                db.con.execute(f"SET threads = {threads}")
                run.refresh_aggregates()
                db.con.execute("CHECKPOINT")
            except BaseException:
                run.finish("failed")
                raise
        finally:
            db.con.execute(f"SET threads = {threads}")
            db.con.execute("RESET checkpoint_threshold")
            db.forget_state()
        return run.finish("done")


class _Run:
    """The state of one ingest: its planner, counters of what was written, vocabulary."""

    def __init__(self, db: Database, analyzer: Analyzer, options: IngestOptions) -> None:
        self.db, self.con, self.options = db, db.con, options
        self.analyzer = analyzer
        self.versions = analyzer.versions
        self.started = time.perf_counter()
        self.run_id = int(self.db.scalar("SELECT coalesce(max(run_id), 0) + 1 FROM runs"))
        self.planner = Planner(db, self.versions, batch_size=options.batch_size, advance=self._advance)
        self.vocabulary = Vocabulary.load(self.con)
        self.fresh_before = db.aggregates_fresh
        self.counts = dict.fromkeys(("new", "replaced", "resegmented", "batches"), 0)
        self.done = 0
        self.con.execute("INSERT INTO runs VALUES (?, ?, NULL, ?, ?, 0, 0, 0, 'running')",
                         [self.run_id, _now(), *self.versions[:2]])  # dictionary and theme

    def execute(self, frames: Iterable[pd.DataFrame], config: AnalyzerConfig) -> None:
        """Plan, analyse and write everything (:data:`WRITE_THREADS` DuckDB threads meanwhile)."""
        self.con.execute(f"SET threads = {WRITE_THREADS}")
        inflight: deque[pd.DataFrame] = deque()
        size = max(min(self.options.chunk_size, self.options.batch_size), 1)
        read_all = False

        def chunks() -> Iterator[pd.DataFrame]:
            nonlocal read_all
            sources = (self.planner.plan(frame) for frame in frames)
            if self.options.resegment:
                sources = _chain(sources, self.planner.stale())
            for planned in sources:
                for start in range(0, len(planned), size):
                    inflight.append(planned.iloc[start : start + size])
                    yield ArticleChunk.from_frame(inflight[-1])
            read_all = True

        workers, pool_after = pool_plan(self.options)
        batch: list = []
        results = map_chunks(chunks(), config=config, workers=workers, scheduler=self.options.scheduler,
                             local=self.analyzer, pool_after=pool_after, receiver=self.vocabulary.receiver)
        for result in results:
            if result.versions != self.versions:
                raise StoreError("worker_versions", worker="/".join(result.versions),
                                 local="/".join(self.versions))
            batch.append((inflight.popleft(), result))
            self._advance(len(result.doc_keys))
            # Once every chunk is out to the workers, each result is written as it comes,
            # while the others are still being analysed: the write after the last result,
            # which nothing overlaps, is then one chunk's, not a whole batch's.
            if read_all or sum(len(rows) for rows, _ in batch) >= self.options.batch_size:
                self.write(batch)
                batch = []
        if batch:
            self.write(batch)

    def refresh_aggregates(self) -> None:
        """Extend the pre-aggregations with a small run of new articles; else rebuild them (if they pay)."""
        if not self.counts["batches"] and self.fresh_before:
            return
        appended = not (self.counts["replaced"] or self.counts["resegmented"])
        small = self.counts["new"] <= EXTEND_MAX_SHARE * self.planner.next_key
        extensions = int(get_meta(self.con, "extensions") or 0)
        if self.fresh_before and appended and small and extensions < EXTENSIONS_BEFORE_REBUILD:
            extend_aggregates(self.con, self.run_id)
        else:
            settle_aggregates(self.con)

    def write(self, batch: list) -> None:
        """Commit one batch and record it in the progress file."""
        for rows, _ in batch:
            modes = rows["mode"].value_counts()
            self.counts["new"] += int(modes.get("new", 0))
            self.counts["replaced"] += int(modes.get("replace", 0))
            self.counts["resegmented"] += int(modes.get("reseg", 0))
        write_batch(self.con, batch, vocabulary=self.vocabulary, run_id=self.run_id,
                    counts={**self.counts, "skipped": self.planner.skipped})
        self.counts["batches"] += 1
        for rows, _ in batch:
            self.planner.release(rows)
        self._record("running")

    def _advance(self, n: int) -> None:
        self.done += n
        if self.options.progress is not None and n:
            self.options.progress(self.done, self.options.total)

    def _record(self, status: str) -> None:
        path = self.options.progress_file
        if path is None:
            return
        payload = {"run_id": self.run_id, "status": status, "batches": self.counts["batches"],
                   "committed": self.counts["new"] + self.counts["replaced"] + self.counts["resegmented"]}
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(payload), encoding="utf-8")
        os.replace(temporary, path)

    def finish(self, status: str) -> IngestSummary:
        """Close the run's record and return the summary."""
        self.con.execute("UPDATE runs SET finished = ?, status = ? WHERE run_id = ?",
                         [_now(), status, self.run_id])
        self._record(status)
        c, planner = self.counts, self.planner
        return IngestSummary(
            new=c["new"] + c["replaced"], skipped_existing=planner.skipped,
            seconds=time.perf_counter() - self.started, resegmented=c["resegmented"], replaced=c["replaced"],
            duplicates=planner.duplicates, megabytes=planner.bytes / 1e6, batches=c["batches"],
            **({"repeats": pd.concat(planner.repeats, ignore_index=True)} if planner.repeats else {}))


def pool_plan(options: IngestOptions) -> tuple[int, int | None]:
    """The processes to analyse with, and when to start their pool.

    The second value is ``pool_after`` of :func:`~analysis.store.parallel.map_chunks`:
    ``workers=None`` means every core, once the input turns out large enough to pay.
    """
    if options.workers is not None:
        return options.workers, None
    total = options.total
    return default_workers(), POOL_MIN_ARTICLES if total is None or total < POOL_MIN_ARTICLES else None


def may_use_pool(options: IngestOptions) -> bool:
    """Whether an ingest with these options may start a local process pool (see :func:`pool_plan`)."""
    if options.scheduler is not None:
        return False
    if options.workers is not None:
        return options.workers > 1
    return default_workers() > 1 and (options.total is None or options.total >= POOL_MIN_ARTICLES)


def _chain(first: Iterable[pd.DataFrame], second: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    yield from first
    yield from second


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
