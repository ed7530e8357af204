"""Files into a store and tables out of it: what the CLI and the dashboard call."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analysis.loading import LoadOptions, load_articles
from analysis.loading.sections import split_into_paragraphs
from analysis.report import FileReport
from analysis.store.filters import Filters
from analysis.store.ingest import IngestSummary, ProgressCallback
from analysis.store.store import Store, open_store

__all__ = ["IngestResult", "ingest_paths", "load_articles_from_store", "load_tokens_from_store"]


class IngestResult(NamedTuple):
    """What :func:`ingest_paths` did: the ingest summary and one report per input file."""

    summary: IngestSummary
    reports: list[FileReport]


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    options: LoadOptions | None = None,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: ProgressCallback | None = None,
    resegment: bool = False,
    batch_size: int | None = None,
    split_paragraphs: bool = False,
) -> IngestResult:
    """Load files with :func:`analysis.loading.load_articles` and ingest them.

    Each PATH is loaded on its own while the workers analyse the previous one, so memory
    is bounded by the largest PATH: give a large collection as several folders or files.

    Args:
        store: an open, writable store.
        paths: files, folders and zip archives.
        options: how to read them (edition date, province, columns, outlet).
        workers: processes to read the files and to analyse with (see :meth:`Store.ingest`).
        scheduler: a Dask scheduler address to analyse on instead.
        progress: called with (articles done, None) as work advances.
        resegment: also analyse again stored articles made with other data files.
        batch_size: articles per transaction (default :data:`~analysis.store.ingest.BATCH_SIZE`).
        split_paragraphs: store each paragraph of long documents as its own article
            (:func:`analysis.loading.sections.split_into_paragraphs`, ``--split paragraphs``).

    Returns:
        The summary and the load reports, one per input file.
    """
    reports: list[FileReport] = []

    def frames() -> Iterator[pd.DataFrame]:
        for path in paths:
            result = load_articles([path], options or LoadOptions(), workers=workers)
            reports.extend(result.reports)
            yield split_into_paragraphs(result.articles) if split_paragraphs else result.articles

    extra = {} if batch_size is None else {"batch_size": batch_size}
    summary = store.ingest(frames(), workers=workers, scheduler=scheduler, progress=progress,
                           resegment=resegment, **extra)
    return IngestResult(summary, reports)


def load_articles_from_store(path: str | Path, filters: Filters | None = None) -> pd.DataFrame:
    """The articles table of a store (contract columns and ``themes``), for the CLI's ``--store``."""
    with open_store(path, read_only=True) as store:
        return store.articles_table(filters)


def load_tokens_from_store(path: str | Path, filters: Filters | None = None) -> pd.DataFrame:
    """The tokens table ``[doc_id, terms, n_tokens, dict_version]`` of a store, without segmenting."""
    with open_store(path, read_only=True) as store:
        return store.tokens_table(filters)
