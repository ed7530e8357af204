"""Read the input files on every core, and hand their articles back in input order.

Reading a file (decoding, splitting pages, cleaning records) needs nothing from the other
files, so it runs in a pool of worker processes (:class:`~analysis.store.parallel.PoolStart`,
forked from the fork server the ingest uses, which imports the readers, not pandas). What
needs the whole corpus (joining continued articles, counting repeats, places and ids)
stays with the caller, which gets each file's articles and report in the order given, as
if it had read them itself: the same table, ids and reports.

A few files are read in this process, and no pool is started for them. For more, the pool
starts in the background while the caller prepares (the load builds its gazetteer), and
takes every file, a bounded number in flight so memory stays flat. (Reading the first
files here until the pool is up was tried: a long file read here held up the whole load.) A worker
that dies (killed, or crashed by a file) loses no file: the files it may have been reading
are read again, each alone in a fresh worker, and one that kills that worker too is
reported failed (``reader_crashed``), not raised.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from analysis.loading.inputs import InputFile
from analysis.loading.options import LoadOptions
from analysis.loading.raw import RawArticle
from analysis.loading.readers import read_input
from analysis.report import FileReport
from analysis.store.parallel import PoolStart, watch_parent, worker_pool

SMALL_INPUT_FILES = 8
"""Inputs of fewer files than this are read in this process: a pool would not pay."""
IN_FLIGHT_PER_WORKER = 16
"""Files queued or being read per worker: enough to keep the workers busy while this
process resolves the places of a batch of articles (:mod:`.locality_batches`)."""
IN_FLIGHT_BYTES = 64 * 2**20
"""At most this many bytes of files queued or being read (but always one file): what the
pool holds beyond what a sequential load would stays small however large the files."""
READER_MODULES = ("analysis.loading.readers",)
"""What a reading worker needs, imported once by the fork server when this pool starts it."""

FileRead = tuple[list[RawArticle], FileReport]
"""One input's articles and report (a failed input's report with no articles)."""


class FileReading:
    """Every input read, its articles and report yielded in the order given.

    Made before the caller's own preparation (the load builds its gazetteer), so that the
    pool, when there is one, starts on other cores meanwhile; iterate it once, or
    :meth:`close` it.

    Args:
        items: the inputs (:func:`~analysis.loading.inputs.iter_inputs`); a
            :class:`FileReport` (an input refused before reading) is passed on as it is.
            The first few are taken at once, to tell a small input from a large one.
        options: the load options, the same for every file.
        workers: processes to read with (1: this process).

    Iterating gives ``(articles, report)`` per input, in input order. The input's ``notes``
    are not added to the report here: the caller does, as for a file it reads itself.
    """

    def __init__(
        self, items: Iterable[InputFile | FileReport], options: LoadOptions, *, workers: int
    ) -> None:
        remaining = iter(items)
        head = list(islice(remaining, SMALL_INPUT_FILES))
        self._items, self._options, self._workers = chain(head, remaining), options, workers
        self._start = None
        if workers > 1 and len(head) >= SMALL_INPUT_FILES:
            self._start = PoolStart(workers, watch_parent, (os.getpid(),), READER_MODULES)

    def __iter__(self) -> Iterator[FileRead]:
        """Read here, or hand every input to the pool (queued there while its workers start)."""
        try:
            if self._start is None:
                for item in self._items:
                    yield _read_here(item, self._options)
                return
            reader = _PoolReader(self._start.pool, self._options, self._workers)
            self._start = None
            yield from reader.read(self._items)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the pool if it was never used (it may still be starting)."""
        if self._start is not None:
            self._start.discard()
            self._start = None


def _read_here(item: InputFile | FileReport, options: LoadOptions) -> FileRead:
    """Read one input in this process (a refused one is passed on)."""
    if isinstance(item, FileReport):
        return [], item
    return read_input(item.name, item.read(), options, office=item.office)


class _PoolReader:
    """Inputs read in a pool, yielded in order; a broken pool is replaced, no file lost."""

    def __init__(self, pool: ProcessPoolExecutor, options: LoadOptions, workers: int) -> None:
        self.pool, self.options, self.workers = pool, options, workers

    def read(self, items: Iterator[InputFile | FileReport]) -> Iterator[FileRead]:
        """Submit the inputs, a bounded number ahead, and yield each one's result in order."""
        pending: deque[tuple[InputFile | FileReport, Future]] = deque()
        try:
            held = 0
            for item in items:
                pending.append((item, self._submit(item)))
                held += _size(item)
                while len(pending) >= IN_FLIGHT_PER_WORKER * self.workers or held > IN_FLIGHT_BYTES:
                    held -= _size(pending[0][0])
                    yield self._result(pending)
            while pending:
                yield self._result(pending)
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, item: InputFile | FileReport) -> Future:
        """The input's future; one the broken pool refused fails as those it lost, to be read again."""
        if isinstance(item, FileReport):
            return _done(([], item))
        try:
            return self.pool.submit(read_input, item.name, item.read(), self.options, office=item.office)
        except BrokenProcessPool as broken:
            refused: Future = Future()
            refused.set_exception(broken)
            return refused

    def _result(self, pending: deque[tuple[InputFile | FileReport, Future]]) -> FileRead:
        """The first pending input's result; if the pool broke, every lost input read again first."""
        try:
            result = pending[0][1].result()
        except BrokenProcessPool:
            self._recover(pending)
            result = pending[0][1].result()
        pending.popleft()
        return result

    def _recover(self, pending: deque[tuple[InputFile | FileReport, Future]]) -> None:
        """Read each input the broken pool lost alone in a fresh worker, then start a new pool.

        Which file killed the worker cannot be told (every input in flight fails alike),
        so each is read again on its own: the one that kills its worker again is reported.
        """
        self.pool.shutdown(wait=True, cancel_futures=True)
        for index, (item, future) in enumerate(pending):
            if future.cancelled() or not future.done() or isinstance(future.exception(), BrokenProcessPool):
                pending[index] = (item, _done(_read_alone(item, self.options)))
        self.pool = _reading_pool(self.workers)


def _read_alone(item: InputFile | FileReport, options: LoadOptions) -> FileRead:
    """Read one input in a worker of its own; a worker that dies makes it a failed input."""
    if isinstance(item, FileReport):
        return [], item
    with _reading_pool(1) as pool:
        try:
            pool.submit(os.getpid).result()
        except (BrokenProcessPool, OSError):  # no worker starts at all (not this file's doing)
            return _read_here(item, options)
        try:
            return pool.submit(read_input, item.name, item.read(), options, office=item.office).result()
        except BrokenProcessPool:
            return [], FileReport(source=item.name).fail("reader_crashed")


def _size(item: InputFile | FileReport) -> int:
    return 0 if isinstance(item, FileReport) else item.size


def _reading_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of reading workers, forked from the fork server (running by now)."""
    return worker_pool(workers, watch_parent, (os.getpid(),), READER_MODULES)


def _done(result: FileRead) -> Future:
    """A future already holding ``result``."""
    future: Future = Future()
    future.set_result(result)
    return future
