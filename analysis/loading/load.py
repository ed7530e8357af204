"""Load inputs into the articles table: :func:`load_articles` and :func:`load_uploads`.

Files are read in order (on all cores when there are many, :mod:`.parallel_files`),
continued articles joined across them, then places, dates and ids resolved for the table.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.loading.continuations import join_continuations
from analysis.loading.enrich import build_articles_table
from analysis.loading.inputs import InputFile, iter_inputs, iter_uploaded
from analysis.loading.locality_batches import LocalityBatches
from analysis.loading.options import LoadOptions
from analysis.loading.outlets import name_outlets, outlet_names
from analysis.loading.parallel_files import FileReading
from analysis.loading.plausible_dates import is_plausible
from analysis.loading.raw import RawArticle
from analysis.report import FileReport, Problem
from analysis.store.parallel import default_workers

__all__ = ["LoadOptions", "LoadResult", "load_articles", "load_uploads"]

ProgressCallback = Callable[[int, str], None]
"""Called with (number of files done, name of the file just read)."""


@dataclass
class LoadResult:
    """The articles table and what became of every input file."""

    articles: pd.DataFrame
    reports: list[FileReport]


def _load(
    inputs: Iterator[InputFile | FileReport], options: LoadOptions,
    progress: ProgressCallback | None, workers: int | None,
) -> LoadResult:
    """Read every input, build the table, and note undated articles in their file's report.

    The alias file (:func:`~analysis.places.gazetteer.check_town_entries`) and the outlet
    list (:mod:`~analysis.loading.outlets`) are read first: their mistakes are said before
    any file is read. Files are read on ``workers`` processes
    (:class:`~analysis.loading.parallel_files.FileReading`, all cores when None; its pool
    starts while the alias file is checked), their articles' places resolved here
    meanwhile (:class:`LocalityBatches`). Every outlet takes its listed name as its file
    comes in, before continued articles are joined, which match by outlet.
    """
    from analysis.places.gazetteer import check_town_entries

    inputs, notes = _keep_notes(inputs)
    files = FileReading(inputs, options, workers=default_workers() if workers is None else workers)
    try:
        check_town_entries()
        outlets = outlet_names()
    except BaseException:
        files.close()
        raise
    raws: list[RawArticle] = []
    owners: list[FileReport] = []
    reports: list[FileReport] = []
    places = LocalityBatches(province=options.province)
    # closed when this loop stops early too (a progress callback raising, Ctrl-C): the
    # reading's own ``finally`` then shuts its pool down now, not when it is collected
    with contextlib.closing(iter(files)) as reads:
        for done, (articles, report) in enumerate(reads, start=1):
            articles = name_outlets(articles, outlets)
            report.warnings[:0] = notes.popleft()
            raws.extend(articles)
            owners.extend([report] * len(articles))
            reports.append(report)
            places.add(articles)
            if progress is not None:
                progress(done, report.source)
    raws, owners = join_continuations(raws, owners)
    table = build_articles_table(raws, province=options.province, places=places.table(raws))
    _report_dates(table, raws, owners)
    _report_year_only_dates(table, raws, owners)
    return LoadResult(table, reports)


def _keep_notes(
    inputs: Iterator[InputFile | FileReport],
) -> tuple[Iterator[InputFile | FileReport], deque[tuple[Problem, ...]]]:
    """The inputs, and the notes of each (an archive's warnings) queued as it is taken, in order.

    A refused input's report carries its notes already: it queues none of its own.
    """
    notes: deque[tuple[Problem, ...]] = deque()

    def noted() -> Iterator[InputFile | FileReport]:
        for item in inputs:
            notes.append(() if isinstance(item, FileReport) else item.notes)
            yield item

    return noted(), notes


DATE_FALLBACK = {"text": "the date in its text", "edition": "the edition date", "metadata": "its year column"}
"""Where the date of an article whose date cell could not be read came from, as its warning says it."""


def _report_dates(table: pd.DataFrame, raws: list[RawArticle], owners: list[FileReport]) -> None:
    """Warn of each article with no date, and of each date cell that gives no plausible date.

    A row whose date column holds ``not-a-date``, ``2024-13-01``, a formula never
    calculated or a date no news item has (``1900-01-01``) is named with the column and
    the value, and with what dated the article instead (its text, the edition date), or
    that nothing did: the analyst corrects the cell rather than looking for a column.
    """
    sources = table["date_source"].astype(object).to_numpy()
    for index, raw in enumerate(raws):
        problem = _date_problem(raw, undated=pd.isna(table["date"].iat[index]), source=sources[index])
        if problem is not None:
            owners[index].warnings.append(problem)


def _date_problem(raw: RawArticle, *, undated: bool, source: object) -> Problem | None:
    """What a record's date needs said (see :func:`_report_dates`), or None."""
    cell = raw.date_cell
    if raw.metadata_date is not None:
        if is_plausible(raw.metadata_date) or cell is None:
            return None
        return Problem.of("date_cell_implausible", line=raw.line, column=cell.column, value=cell.value,
                          date=raw.metadata_date.isoformat())
    if cell is None:
        return Problem.of("no_date", line=raw.line) if undated else None
    fallback = DATE_FALLBACK.get(str(source), source)
    if cell.formula and undated:
        return Problem.of("date_formula_without_value_no_date", line=raw.line, column=cell.column,
                          formula=cell.value)
    if cell.formula:
        return Problem.of("date_formula_without_value", line=raw.line, column=cell.column, formula=cell.value,
                          fallback=fallback)
    if undated:
        return Problem.of("date_cell_unreadable_no_date", line=raw.line, column=cell.column, value=cell.value)
    return Problem.of("date_cell_unreadable", line=raw.line, column=cell.column, value=cell.value,
                      fallback=fallback)


def _report_year_only_dates(table: pd.DataFrame, raws: list[RawArticle], owners: list[FileReport]) -> None:
    """Warn, once per file, how many records are dated 1 January because only a year was known.

    A ``year`` column with no date in the text in that year gives ``YYYY-01-01``; grouped by
    month, such records would all fall in January, so the analyst is told how many there are.
    """
    counts: dict[int, int] = {}
    by_id: dict[int, FileReport] = {}
    from_metadata = (table["date_source"] == "metadata").fillna(False).to_numpy()
    for index, raw in enumerate(raws):
        if raw.metadata_year is not None and from_metadata[index]:
            counts[id(owners[index])] = counts.get(id(owners[index]), 0) + 1
            by_id[id(owners[index])] = owners[index]
    for key, count in counts.items():
        by_id[key].warnings.append(Problem.of("year_only_dates", count=count))


def load_articles(
    paths: Iterable[str | Path], options: LoadOptions | None = None, *,
    progress: ProgressCallback | None = None, root: Path | None = None, workers: int | None = None,
) -> LoadResult:
    """Load articles from files, folders and zip archives.

    Args:
        paths: the inputs.
        options: edition date, province, column mapping, outlet, size limit.
        progress: optional callback after each file.
        root: read nothing outside this folder: a file in a folder that links outside it
            is reported (``link_outside_root``), not read (the dashboard's data root).
        workers: processes to read the files with (default: all cores; 1: this process).
            A few files are read here whatever this says; the result is the same either way.

    Returns:
        The articles table and one report per input file.
    """
    options = options or LoadOptions()
    return _load(iter_inputs(paths, max_file_bytes=options.max_file_bytes, root=root), options, progress,
                 workers)


def load_uploads(
    files: Iterable[tuple[str, bytes]], options: LoadOptions | None = None, *,
    progress: ProgressCallback | None = None, workers: int | None = None,
) -> LoadResult:
    """Load articles from uploaded files held in memory (``(name, bytes)`` pairs).

    ``workers`` as for :func:`load_articles`.
    """
    options = options or LoadOptions()

    def inputs() -> Iterator[InputFile | FileReport]:
        seen: dict[str, str] = {}
        for name, data in files:
            yield from iter_uploaded(name, data, max_file_bytes=options.max_file_bytes, seen=seen)

    return _load(inputs(), options, progress, workers)
