"""The load summary shown after an upload or a folder load: files, reasons and repeats.

Problems come first: failed and partial files head the file table, and a reason that
repeats on many files (a broadcast's 新闻摘要 rundown, left out of every day) is one row
with its count, so a file that really failed is not buried under routine notes. Nothing
is only a count: every reason stays one tick away and in the CSV download, with the full
path of its file. The tables are built by pure functions (tested without Streamlit).
"""

from __future__ import annotations

import posixpath

import pandas as pd
import streamlit as st

from analysis.charts.phrasing import list_separator
from analysis.report import FileReport, problems_table, summarize_reports
from ui.common import download_table, show_table
from ui.html_view import escape_markdown
from ui.i18n import t
from ui.sources import Source
from ui.state import Lang
from ui.table_layout import fitted_widths, wrapped_column

STATUS_ORDER = {"failed": 0, "partial": 1, "loaded": 2}
"""Files in the summary: those that failed first, then partial ones, then the rest."""
KIND_ORDER = {"error": 0, "warning": 1, "left_out": 2}
"""Reasons in the summary: records not loaded first, then warnings, then text left out."""
REASON_PX = 360
"""A reason's column (pixels): with the file's name and status before it, the reason is read
whole on a laptop's page; the counts after it are the ones a narrow page scrolls to."""
NAME_WIDTHS = {"file": 180}
"""The widest a file's column grows to fit its longest name (pixels); a longer name wraps.
The other short columns are as wide as their header or longest cell."""
ON_PAGE_ONLY = ("doc_id", "path", "code")
"""Columns left off the page: the full path (the names are from the folder the caption
names) and the reason's code; the downloads keep them."""
ROUTINE_FAILURES = frozenset({"documentation_file", "duplicate_file"})
"""Files not loaded by design: a corpus folder's PROVENANCE.md or README, or a copy of a
file read once as that file, is no reason to open the summary above every tab (the summary
line still counts it, one tick away)."""


def show_load_summary(source: Source, lang: Lang) -> None:
    """Files loaded, partial or failed, with the reasons, after an upload or folder load."""
    if not source.reports:
        return
    summary = summarize_reports(source.reports)
    n_repeated = 0 if source.repeated is None else len(source.repeated)
    repeats = f" {t('repeated_short', lang, n=n_repeated)}" if n_repeated else ""
    with st.expander(
        t("load_summary_label", lang, line=t("summary_line", lang, **summary)) + repeats,
        expanded=needs_attention(source.reports),
    ):
        table, reasons = summary_tables(source.label, lang, source.reports)
        folder = shared_folder([report.source for report in source.reports])
        if folder:
            st.caption(t("load_folder_note", lang, folder=escape_markdown(folder)))
        show_reason_table(table, "reasons", key="load_summary_table", lang=lang)
        download_table(table, name="load_summary", key="dl_load_summary", lang=lang,
                       label=t("csv_load_summary", lang))
        show_reasons(reasons, lang)
        show_repeated_articles(source.repeated, lang, folder=folder)


@st.cache_data(ttl=3600, show_spinner=False, max_entries=8)
def summary_tables(label: str, lang: Lang, _reports: list[FileReport]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`file_rows` and :func:`reason_rows` of a load, built once per load and language.

    The page redraws on every click, and the 772 reports of a large folder took a fifth
    of a second to tabulate each time. ``label`` (:attr:`ui.sources.Source.label`) tells
    the loads apart, a folder's files' sizes and times included, so its ``_reports`` are
    always the same (hashing them instead took a third of the time saved).
    """
    return file_rows(_reports, lang), reason_rows(_reports, lang)


def show_reason_table(table: pd.DataFrame, reasons: str, *, key: str, lang: Lang) -> None:
    """A table of reasons that fits the page: the reason column wraps, the full path is left off.

    Args:
        table: :func:`file_rows`, :func:`reason_rows` or :func:`grouped_reasons`.
        reasons: the column of reasons (``reasons`` or ``message``).
        key: the table's widget key.
        lang: interface language.
    """
    layout = {**fitted_widths(table, NAME_WIDTHS), reasons: {"width": REASON_PX}}
    show_table(table, key=key, lang=lang, hide=ON_PAGE_ONLY, column_options=layout,
               **wrapped_column(table[reasons], width=REASON_PX))


def needs_attention(reports: list[FileReport]) -> bool:
    """Whether the summary opens by itself: a file failed or was partly loaded, not by design."""
    return any(report.status != "loaded" and any(problem.code not in ROUTINE_FAILURES
                                                 for problem in report.errors)
               for report in reports)


def short_names(sources: list[str]) -> list[str]:
    """Each source named from the folder all of them share: the part that tells files apart.

    ``/data/reports/2026_上海市.csv`` loaded with the rest of ``/data/reports`` is
    ``2026_上海市.csv``; a zip member keeps its archive (``a.zip!b.txt``); names that share
    no folder (uploads) stay as they are.
    """
    common = shared_folder(sources)
    if not common:
        return list(sources)
    return [source[len(common) + 1:] for source in sources]


def shared_folder(sources: list[str]) -> str:
    """The folder all ``sources`` lie in, or "" when they share none (uploads) but the root."""
    parents = [posixpath.dirname(source.split("!", 1)[0]) for source in sources]
    try:
        common = posixpath.commonpath(parents) if parents else ""
    except ValueError:  # absolute and relative names mixed
        return ""
    return "" if common in ("", "/") else common


def in_folder(text: str, folder: str) -> str:
    """``text`` with the files of ``folder`` it names (a repeated file's original) named as in the table."""
    return text.replace(f"{folder}/", "") if folder else text


def summarize_file(report: FileReport, lang: Lang, *, shown: int = 5, folder: str = "") -> dict[str, object]:
    """One file of the load summary: its status and its first reasons, in the interface language.

    A reason the file gives for several records is written once, after their numbers
    (``1、2、3 等 12 条：正文列…是空的``): written out each time, one file's reasons ran
    past the three lines its row shows. Files of ``folder`` (the folder loaded) that a
    reason names are named from it.
    """
    records: dict[str, list[int | None]] = {}
    for problem in report.errors:
        records.setdefault(in_folder(problem.text(lang), folder), []).append(problem.line)
    reasons = [_numbered(text, lines, lang) for text, lines in list(records.items())[:shown]]
    rest = sum(len(lines) for lines in list(records.values())[shown:])
    if rest:
        reasons.append(t("more_reasons", lang, n=rest))
    return {
        "file": report.source,
        "status": t(f"status_{report.status}", lang),
        "reasons": t("reason_separator", lang).join(reasons),
        "articles": report.articles,
        "left_out": len(report.skipped),
        "warnings": len(report.warnings),
        "path": report.source,
    }


def _numbered(text: str, lines: list[int | None], lang: Lang, *, most: int = 3) -> str:
    """``text`` after the record numbers it is given for: the first ``most``, and how many in all."""
    numbers = [str(line) for line in lines if line]
    if not numbers:
        return text
    named = list_separator(lang).join(numbers[:most])
    if len(numbers) > most:
        named = t("records_and_more", lang, records=named, n=len(numbers))
    return t("numbered_reason", lang, line=named, reason=text)


def file_rows(reports: list[FileReport], lang: Lang) -> pd.DataFrame:
    """The file table: failed files first, then partial, then loaded, each in load order.

    Returns:
        Columns ``file`` (named from the folder the files share), ``status``, ``reasons``,
        ``articles``, ``left_out``, ``warnings`` and ``path`` (the full path): the reason
        next to the file it is about, the counts after it.
    """
    sources = [report.source for report in reports]
    names, folder = short_names(sources), shared_folder(sources)
    order = sorted(range(len(reports)), key=lambda i: STATUS_ORDER[reports[i].status])
    rows = [{**summarize_file(reports[i], lang, folder=folder), "file": names[i]} for i in order]
    return pd.DataFrame(rows)


def reason_rows(reports: list[FileReport], lang: Lang) -> pd.DataFrame:
    """Every reason, one row each, records not loaded first, then warnings, then text left out.

    Returns:
        Columns ``file`` (short name), ``line`` (where), ``kind``, ``code``, ``message``, ``path``.
    """
    table = problems_table(reports, lang)
    sources = [r.source for r in reports]
    names, folder = dict(zip(sources, short_names(sources), strict=True)), shared_folder(sources)
    places = zip(table["line"], table["page"], strict=True)
    return table.assign(
        message=table["message"].map(lambda text: in_folder(text, folder)),
        kind=table["kind"].map(lambda kind: t(f"kind_{kind}", lang)),
        line=[_where(line, page, lang) for line, page in places],
        file=table["file"].map(lambda source: names.get(source, source)),
        path=table["file"],
        _order=table["kind"].map(KIND_ORDER),
    ).sort_values("_order", kind="stable").drop(columns=["page", "_order"]).reset_index(drop=True)


def grouped_reasons(reasons: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """One row per distinct reason (same kind and words), with how often and where it occurs.

    Args:
        reasons: :func:`reason_rows`.
        lang: interface language.

    Returns:
        Columns ``kind``, ``message``, ``count`` (occurrences), ``file`` (its file, or the
        first of them and how many files) and ``line`` (where, for a reason found once),
        in the order of ``reasons``.
    """
    rows = []
    for (kind, message), group in reasons.groupby(["kind", "message"], sort=False):
        files = list(dict.fromkeys(group["file"]))
        rows.append({
            "kind": kind,
            "message": message,
            "count": len(group),
            "file": files[0] if len(files) == 1 else t("reason_files", lang, file=files[0], n=len(files)),
            "line": group["line"].iloc[0] if len(group) == 1 else "",
        })
    return pd.DataFrame(rows, columns=["kind", "message", "count", "file", "line"])


def show_reasons(table: pd.DataFrame, lang: Lang) -> None:
    """Every error, left-out piece of text and warning with its file, line and reason.

    A reason found more than once is shown once with its count; the list of every one is
    a tick away, and the download always has every one.

    Args:
        table: :func:`reason_rows`.
        lang: interface language.
    """
    if table.empty:
        return
    grouped = grouped_reasons(table, lang)
    st.caption(t("reasons_title", lang, n=len(table)))
    if len(grouped) < len(table):
        st.caption(t("reasons_grouped", lang, n=len(grouped)))
        show_reason_table(grouped, "message", key="load_reasons_grouped", lang=lang)
        download_table(grouped, name="load_reasons_grouped", key="dl_load_reasons_grouped", lang=lang,
                       label=t("csv_load_reasons_grouped", lang))
        shown = st.toggle(t("reasons_every", lang, n=len(table)), key="load_reasons_every")
    else:
        shown = True
    if shown:
        show_reason_table(table, "message", key="load_reasons_table", lang=lang)
    download_table(table, name="load_reasons", key="dl_load_reasons", lang=lang,
                   label=t("csv_load_reasons", lang))


def _where(line: object, page: object, lang: Lang) -> str:
    """Where in the file a reason applies: a PDF page, a line or record, or the whole file."""
    if not pd.isna(page):
        return t("pdf_page", lang, page=page)
    return t("whole_file", lang) if pd.isna(line) else str(line)


def show_repeated_articles(repeated: pd.DataFrame | None, lang: Lang, *, folder: str = "") -> None:
    """Articles read but counted once: so that articles read = articles stored + these.

    Their sources are named from ``folder`` (the folder loaded) on the page, as in the
    file table; the download keeps the full paths.
    """
    if repeated is None or repeated.empty:
        return
    reasons = repeated["reason"].map({"text": t("repeat_text", lang), "doc_id": t("repeat_id", lang)})
    st.caption(t("repeated_note", lang, n=len(repeated)))
    columns = ["title", "reason", "source", "same_as_source", "doc_id", "same_as"]
    table = repeated.assign(reason=reasons)[columns]
    named = {column: table[column].map(lambda text: in_folder(str(text), folder))
             for column in ("source", "same_as_source")}
    show_table(table.assign(**named), key="repeated_table", lang=lang, hide=())
    download_table(table, name="repeated_articles", key="dl_repeated", lang=lang,
                   label=t("csv_repeated_articles", lang))
