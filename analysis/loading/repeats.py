"""Count an article printed twice once, and name each repeat in its file's load report.

A page saved twice under two names, a GBK copy of a UTF-8 file, an article syndicated in
two exports: the same title and text read twice would count twice in
every keyword and theme table. The store counts them once at ingest; the command line
does the same to what it loads, with ingest's rule
(:func:`analysis.store.schema.repeated_articles`), so ``govthemes themes PATH`` and
``govthemes themes --store DIR`` give the same numbers. Each repeat stays accounted for:
its file's report counts one article fewer and names it under ``warnings``.
"""

from __future__ import annotations

from analysis.loading import LoadResult
from analysis.report import FileReport, Problem


def count_repeats_once(result: LoadResult) -> tuple[LoadResult, int]:
    """Drop the articles that repeat an earlier one, noting each in its file's report.

    Args:
        result: what a load gave.

    Returns:
        The result without the repeats (reports updated in place: ``articles`` one fewer,
        a ``repeat_article`` warning naming the article kept), and the number dropped. The
        loader already gives a repeated id a suffix (``a1~2``), so only the same title
        and text makes a repeat here.
    """
    from analysis.store.schema import repeated_articles  # imports DuckDB: only when asked

    repeats = repeated_articles(result.articles)
    repeats = repeats[repeats["reason"] == "text"]  # a load's ids are unique already (``a1~2``)
    if repeats.empty:
        return result, 0
    by_source = {report.source: report for report in result.reports}
    for repeat in repeats.itertuples(index=False):
        report = _report_of(str(repeat.source), by_source)
        if report is None:
            continue
        report.warnings.append(Problem.of("repeat_article", where=str(repeat.source),
                                          title=repeat.title or "", same_as=str(repeat.same_as_source)))
        report.articles -= 1
    kept = result.articles.drop(index=repeats.index).reset_index(drop=True)
    return LoadResult(kept, result.reports), len(repeats)


def _report_of(source: str, by_source: dict[str, FileReport]) -> FileReport | None:
    """The report of the file an article's ``source`` (``file``, ``file#L12``, ``file#3``) came from."""
    candidate = source
    while candidate not in by_source and "#" in candidate:
        candidate = candidate.rpartition("#")[0]
    return by_source.get(candidate)
