"""Run :func:`~analysis.store.analyze.analyse_chunk` over many chunks: here, on all cores, or on Dask.

All three ways return results in the order the chunks were given, with a bounded number
of chunks in flight, so the parent can write them in order (deterministic term ids) while
the workers go on, and memory stays flat however long the input is.

* ``workers=1``: in this process, with the analyzer the store already built.
* ``workers=N``: a :class:`concurrent.futures.ProcessPoolExecutor` of ``N`` processes,
  forked from a server process that imported the analysis modules once (spawned where
  there is no fork server); each builds the tokenizer once (pool initializer).
* ``scheduler="tcp://host:8786"``: an existing Dask distributed cluster
  (:class:`distributed.Client`); each Dask worker builds the tokenizer on its first chunk.
  Workers need govthemes installed and the same data files at the same paths; the parent
  checks that every result was made with its own dictionary versions.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

from analysis.store.analyze import Analyzer, AnalyzerConfig, ChunkResult, analyse_chunk, worker_analyzer

__all__ = ["default_workers", "map_chunks"]


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_chunks(
    chunks: Iterable[pd.DataFrame],
    *,
    config: AnalyzerConfig,
    workers: int,
    scheduler: str | None = None,
    local: Analyzer | None = None,
    pool_after: int = 0,
) -> Iterator[ChunkResult]:
    """Analyse each chunk and yield the results in chunk order.

    Args:
        chunks: tables with ``doc_key``, ``title`` and ``text``; consumed lazily.
        config: the files workers build their analyzer from.
        workers: processes to use (1: this process).
        scheduler: address of a Dask scheduler; overrides ``workers``.
        local: the analyzer to use in this process.
        pool_after: analyse this many articles in this process before starting the
            pool, so that a small input never pays the pool's start-up (a few seconds).

    Yields:
        One :class:`~analysis.store.analyze.ChunkResult` per chunk, in order.
    """
    if scheduler:
        yield from _map_dask(chunks, config=config, scheduler=scheduler)
        return
    remaining = iter(chunks)
    done = 0
    if workers <= 1 or pool_after > 0:
        for chunk in remaining:
            yield analyse_chunk(config, chunk, analyzer=local)
            done += len(chunk)
            if workers > 1 and done >= pool_after:
                break
        else:
            return
    yield from _map_pool(remaining, config=config, workers=workers)


def start_worker(config: AnalyzerConfig, parent: int) -> None:
    """Pool initializer: build the analyzer, and leave when the ingesting process is gone.

    A killed ingest (SIGKILL) cannot shut its pool down; without this its workers, and the
    fork server waiting for them, would wait for work forever.
    """
    worker_analyzer(config)

    def watch() -> None:
        while True:
            time.sleep(1)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # alive, under another user: not ours to signal
                continue

    threading.Thread(target=watch, name="govthemes-parent-watch", daemon=True).start()


def _pool_context() -> multiprocessing.context.BaseContext:
    """The way to start workers: a fork server where there is one, else spawn.

    Workers fork from a clean server process that imported the analysis modules once
    (about a second saved per worker); this process, which holds DuckDB's threads, is
    never forked itself.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["analysis.store.analyze"])
    return context


def _map_pool(
    chunks: Iterable[pd.DataFrame], *, config: AnalyzerConfig, workers: int
) -> Iterator[ChunkResult]:
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(),
                               initializer=start_worker, initargs=(config, os.getpid()))
    try:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(analyse_chunk, config, chunk))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _map_dask(
    chunks: Iterable[pd.DataFrame], *, config: AnalyzerConfig, scheduler: str
) -> Iterator[ChunkResult]:
    from distributed import Client  # imported only when a cluster is asked for

    client = Client(scheduler, set_as_default=False)
    try:
        limit = 2 * max(sum(client.nthreads().values()), 1)
        pending: deque = deque()
        for chunk in chunks:
            pending.append(client.submit(analyse_chunk, config, chunk, pure=False))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
