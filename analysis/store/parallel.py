"""Run :func:`~analysis.store.analyze.analyse_chunk` over many chunks: here, on all cores, or on Dask.

All three ways return results in the order the chunks were given, with a bounded number
of chunks in flight, so the parent can write them in order (deterministic term ids) while
the workers go on, and memory stays flat however long the input is.

* ``workers=1``: in this process, with the analyzer the store already built.
* ``workers=N``: a :class:`concurrent.futures.ProcessPoolExecutor` of ``N`` processes,
  forked from a server process that imported the analysis modules and built the default
  analyzer once (spawned where there is no fork server); a worker builds its own
  analyzer (pool initializer) only for other data files. With ``pool_after`` the pool
  starts in the background while this process analyses the first chunks itself.
* ``scheduler="tcp://host:8786"``: an existing Dask distributed cluster
  (:class:`distributed.Client`); each Dask worker builds the tokenizer on its first chunk.
  Workers need govthemes installed and the same data files at the same paths; the parent
  checks that every result was made with its own dictionary versions.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import chain

from analysis.store.analyze import ArticleChunk, ChunkResult, analyse_chunk
from analysis.store.analyzer import Analyzer, AnalyzerConfig, worker_analyzer

__all__ = ["PoolStart", "default_workers", "map_chunks", "start_fork_server", "watch_parent",
           "worker_pool"]


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def map_chunks(
    chunks: Iterable[ArticleChunk],
    *,
    config: AnalyzerConfig,
    workers: int,
    scheduler: str | None = None,
    local: Analyzer | None = None,
    pool_after: int | None = None,
    receiver: str | None = None,
) -> Iterator[ChunkResult]:
    """Analyse each chunk and yield the results in chunk order.

    Args:
        chunks: the articles of each task; consumed lazily.
        config: the files workers build their analyzer from.
        workers: processes to use (1: this process).
        scheduler: address of a Dask scheduler; overrides ``workers``.
        local: the analyzer to use in this process.
        pool_after: ``None``: use the pool from the first chunk; chunks queue on it
            while its workers start, and this process goes on reading and planning. A
            number: analyse chunks in this process until that many articles are done, then
            start the pool in the background and go on here until its workers are ready,
            so that an input that turns out small never waits for a pool.
        receiver: who takes every result in the order yielded (the ingest's
            :class:`~analysis.store.writer.Vocabulary`): here and in the pool each process
            then sends each term once (``receiver`` of
            :func:`~analysis.store.analyze.analyse_chunk`). Dask numbers terms per chunk
            whatever this says: a task may be retried on another worker.

    Yields:
        One :class:`~analysis.store.analyze.ChunkResult` per chunk, in order.
    """
    if scheduler:
        yield from _map_dask(chunks, config=config, scheduler=scheduler)
        return
    remaining = iter(chunks)
    if workers <= 1:
        for chunk in remaining:
            yield analyse_chunk(config, chunk, analyzer=local, receiver=receiver)
        return
    if pool_after is None:
        # Queued, not analysed here while the workers start: a chunk this process took
        # would keep the ready workers waiting until it is done (0.3 s at 10k articles).
        yield from _map_pool(_PoolStart(config, workers).pool, remaining, config=config, workers=workers,
                             receiver=receiver)
        return
    start, done = None, 0
    try:
        while True:
            if start is None and done >= pool_after:  # before the next chunk is read and planned
                start = _PoolStart(config, workers)
            chunk = next(remaining, None)
            if chunk is None:
                break
            if start is not None and start.ready():
                pool, start = start.pool, None
                yield from _map_pool(pool, chain([chunk], remaining), config=config, workers=workers,
                                     receiver=receiver)
                return
            yield analyse_chunk(config, chunk, analyzer=local, receiver=receiver)
            done += len(chunk)
    finally:
        if start is not None:
            start.discard()


class PoolStart:
    """A process pool whose workers start from a background thread.

    Starting takes about 0.4 s the first time (the fork server imports the analysis
    modules, without pandas, and builds the default analyzer, :mod:`.prebuilt`) and
    milliseconds after that; the thread that asks for the workers waits without holding
    the GIL, so this process goes on reading, planning (and queueing chunks on the pool,
    or analysing them itself) meanwhile.

    Args:
        workers: processes in the pool.
        initializer, initargs: run in each worker as it starts.
        modules: imported by the fork server too, if this pool is the one that starts it
            (the loaders' readers); a worker imports them itself otherwise.
    """

    def __init__(self, workers: int, initializer: Callable[..., None], initargs: tuple,
                 modules: tuple[str, ...] = ()) -> None:
        self.pool = worker_pool(workers, initializer, initargs, modules)
        self.error: BaseException | None = None
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._start, args=(workers,), name="govthemes-pool-start",
                                        daemon=True)
        self._thread.start()

    def _start(self, workers: int) -> None:
        try:
            for future in [self.pool.submit(os.getpid) for _ in range(workers)]:
                future.result()
        except BaseException as error:  # kept for wait() and ready()
            self.error = error
        finally:
            self._started.set()

    def ready(self) -> bool:
        """Whether the workers are up (a pool that failed to start never is)."""
        return self._started.is_set() and self.error is None

    def discard(self) -> None:
        """Stop the pool without waiting for it here (it may still be starting)."""

        def stop() -> None:
            self._thread.join()
            self.pool.shutdown(wait=True, cancel_futures=True)

        threading.Thread(target=stop, name="govthemes-pool-stop", daemon=True).start()


def worker_pool(workers: int, initializer: Callable[..., None], initargs: tuple,
                modules: tuple[str, ...] = ()) -> ProcessPoolExecutor:
    """A process pool forked from the fork server (:func:`_pool_context`); see :class:`PoolStart`."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=_pool_context(modules),
                               initializer=initializer, initargs=initargs)


class _PoolStart(PoolStart):
    """The ingest's pool: each worker builds the analyzer for ``config`` (:func:`start_worker`)."""

    def __init__(self, config: AnalyzerConfig, workers: int) -> None:
        super().__init__(workers, start_worker, (config, os.getpid()))


def start_worker(config: AnalyzerConfig, parent: int) -> None:
    """Pool initializer: build the analyzer, and leave when the ingesting process is gone.

    A killed ingest (SIGKILL) cannot shut its pool down; without this its workers, and the
    fork server waiting for them, would wait for work forever.
    """
    worker_analyzer(config)
    watch_parent(parent)


def watch_parent(parent: int) -> None:
    """Leave this worker process when ``parent`` is gone (a killed parent cannot stop its pool)."""

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


def _pool_context(modules: tuple[str, ...] = ()) -> multiprocessing.context.BaseContext:
    """The way to start workers: a fork server where there is one, else spawn.

    Workers fork from a clean server process that imported the analysis modules and built
    the default analyzer once (:mod:`.prebuilt`): each worker is then ready in
    milliseconds. This process, which holds DuckDB's threads, is never forked itself.
    ``modules`` are imported by the server too, if it is not running yet.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["analysis.store.analyze", "analysis.store.prebuilt", *modules])
    return context


def start_fork_server() -> None:
    """Start booting the workers' fork server, without waiting for it.

    Booting (imports and the default analyzer, :mod:`.prebuilt`) takes about 0.4 s of
    one core; started first thing in an ingest it overlaps this process's own start
    (building its analyzer, reading and hashing the input), and a pool started later
    gets ready workers in milliseconds. Nothing happens where there is no fork server,
    or when it is running already.
    """
    context = _pool_context()
    if not isinstance(context, multiprocessing.context.ForkServerContext):
        return
    try:
        multiprocessing.forkserver.ensure_running()
    except (OSError, RuntimeError):  # e.g. in a process still importing its main module
        return  # only a head start is lost: a pool, if one is needed, reports its own error


def _map_pool(
    pool: ProcessPoolExecutor, chunks: Iterable[ArticleChunk], *, config: AnalyzerConfig, workers: int,
    receiver: str | None,
) -> Iterator[ChunkResult]:
    """Analyse in the pool; yield in the order submitted.

    A worker takes its tasks in queue order, so the results of each worker reach the
    caller in the order that worker made them (as ``receiver`` needs).
    """
    try:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(analyse_chunk, config, chunk, None, receiver))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _map_dask(
    chunks: Iterable[ArticleChunk], *, config: AnalyzerConfig, scheduler: str
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
