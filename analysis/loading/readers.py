"""Read one input file of any supported format into raw articles and its load report.

The format is chosen by the file's extension (and, for text of unknown extension, by its
content). Every record the file holds ends either as a :class:`RawArticle` or as an
error in the :class:`FileReport`, so ``records == articles + record errors``; a record
bundling several stories (:mod:`analysis.loading.bundles`) gives one article per story and
is named (``bundle_split``), so ``records + Σ(stories − 1) == articles + record errors``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath

from analysis.loading.archives import encrypted_office, office_suffix
from analysis.loading.bundles import split_bundle
from analysis.loading.cleaning import clean_record_text, clean_web_page
from analysis.loading.date_cells import parse_metadata_date
from analysis.loading.delimited import read_delimited
from analysis.loading.docx_text import DocxError, docx_text
from analysis.loading.encoding import DecodingError, decode_bytes
from analysis.loading.filenames import FileNameInfo, parse_file_name, parse_page_header
from analysis.loading.html_text import html_to_text, is_web_page
from analysis.loading.json_tables import read_json, read_json_lines
from analysis.loading.markdown import (
    markdown_articles,
    masthead_outlet,
    split_footer,
    split_front_matter,
    split_markdown,
)
from analysis.loading.options import LoadOptions
from analysis.loading.page import split_page
from analysis.loading.parquet_table import is_parquet, read_parquet
from analysis.loading.pdf_articles import pdf_articles
from analysis.loading.plausible_dates import is_plausible
from analysis.loading.raw import RawArticle, raw_articles_of_page
from analysis.loading.record_articles import clean_title, file_info, from_records, written_in_traditional
from analysis.loading.record_batch import RecordBatch
from analysis.loading.traditional import to_simplified
from analysis.loading.workbook import Sheet, read_excel
from analysis.report import FileReport, Problem

JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
"""JSON is written in UTF-8 (RFC 8259): bytes as plausible in GBK are read so, with a warning."""
TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xlsm", ".json", ".jsonl", ".ndjson", ".parquet"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ""}
OFFICE_KINDS = {".xlsx": ".xlsx", ".xlsm": ".xlsx", ".docx": ".docx"}
"""The Office kind (:func:`~analysis.loading.archives.office_suffix`) each Office extension names."""
SUPPORTED = sorted(TABLE_SUFFIXES | TEXT_SUFFIXES - {""} | {".pdf", ".docx"})



def read_input(
    name: str, data: bytes, options: LoadOptions, *, office: str | None = "unknown"
) -> tuple[list[RawArticle], FileReport]:
    """Read one file (or archive member) from its bytes.

    Args:
        name: the path shown in reports and used for file-name dates.
        data: the file's content.
        options: the load options.
        office: the Office kind of ``data`` (``.xlsx``, ``.docx`` or None) when the caller
            has looked already (:class:`~analysis.loading.inputs.InputFile`); ``"unknown"``
            to look here. A workbook or Word document under another name, even the other's
            (``.xlsx`` holding a Word document), is read as what it is, with a warning.

    Returns:
        The raw articles and the file's report.
    """
    report = FileReport(source=name)
    suffix = PurePath(name).suffix.lower()
    if not data:
        return [], report.fail("empty_file")
    if encrypted_office(data):
        return [], report.fail("office_encrypted")
    if options.edition_date is None and (passed_over := parse_file_name(name).passed_over) is not None:
        report.warnings.append(Problem.of("file_name_date_implausible", date=passed_over.isoformat()))
    suffix = _actual_suffix(data, suffix, office, report)
    if suffix in {".xlsx", ".xlsm"} and not data.startswith(b"PK"):
        return [], report.fail("xlsx_not_a_workbook")
    if suffix == ".xls":
        return [], report.fail("xls_format")
    if suffix in {".xlsx", ".xlsm"}:
        return _from_workbook(read_excel(data, columns=options.columns), name, options, report)
    if suffix == ".parquet":
        return from_records(read_parquet(data), name, options, report)
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return pdf_articles(data, name, options, report, file_info(name, options))
    if suffix == ".docx":
        try:
            return _from_page(docx_text(data), name, options, report)
        except DocxError as exc:
            return [], report.fail("docx_unreadable", detail=exc.detail)
    try:
        decoded = decode_bytes(data, utf8_when_ambiguous=suffix in JSON_SUFFIXES)
    except DecodingError as exc:
        return [], report.fail(exc.code, **exc.params)
    report.encoding = decoded.encoding
    report.warnings += [problem for problem in (decoded.warning, decoded.repaired) if problem]
    return _read_text_format(name, suffix, decoded.text, options, report)


def _actual_suffix(data: bytes, suffix: str, office: str | None, report: FileReport) -> str:
    """The format ``data`` is in: an Office file or Parquet table under another name is read as such."""
    actual = office_suffix(data) if office == "unknown" else office
    if actual is not None and OFFICE_KINDS.get(suffix) != actual:
        report.warnings.append(Problem.of("office_misnamed", suffix=actual))
        return actual
    if suffix != ".parquet" and is_parquet(data):
        report.warnings.append(Problem.of("parquet_misnamed", suffix=suffix or "(no extension)"))
        return ".parquet"
    return suffix


def _read_text_format(
    name: str, suffix: str, text: str, options: LoadOptions, report: FileReport
) -> tuple[list[RawArticle], FileReport]:
    """Dispatch decoded text by format; a web page under another name is read as one, with a warning."""
    if suffix not in {".html", ".htm"} and is_web_page(text):
        report.warnings.append(Problem.of("web_page_misnamed", suffix=suffix or "(no extension)"))
        suffix = ".html"
    readers: dict[str, Callable[[str], RecordBatch]] = {
        ".csv": lambda t: read_delimited(t, columns=options.columns),
        ".tsv": lambda t: read_delimited(t, delimiter="\t", columns=options.columns),
        ".json": read_json,
        ".jsonl": read_json_lines,
        ".ndjson": read_json_lines,
    }
    if suffix not in readers and suffix not in {".md", ".markdown"}:
        stripped = text.lstrip()[:1]
        if stripped in {"{", "["}:
            suffix = ".json" if _is_single_json(text) else ".jsonl"
    if suffix in readers:
        return from_records(readers[suffix](text), name, options, report)
    if written_in_traditional(text, report):
        text = to_simplified(text)
    if suffix in {".md", ".markdown"}:
        return _from_markdown(text, name, options, report)
    if suffix in {".html", ".htm"}:
        return _from_web_page(text, name, options, report)
    return _from_page(text, name, options, report)


def _from_web_page(
    html: str, name: str, options: LoadOptions, report: FileReport
) -> tuple[list[RawArticle], FileReport]:
    """Split a saved web page's text into articles, its furniture left out and named.

    The page's ``来源：`` is the outlet and its ``发布时间：`` the edition date when the
    options and the file name give none.
    """
    page = clean_web_page(html_to_text(html))
    report.skipped += page.left_out
    published = _document_date(page.published, report)
    dated = FileNameInfo(published) if published is not None else FileNameInfo()
    outlet = options.outlet or page.outlet
    return _from_page(page.text, name, replace(options, outlet=outlet), report, fallback=dated)


def _is_single_json(text: str) -> bool:
    """True when the text is one JSON document rather than JSON Lines."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return len(lines) <= 1 or not lines[0].rstrip().endswith("}")


def _from_page(
    text: str, name: str, options: LoadOptions, report: FileReport, *,
    fallback: FileNameInfo | None = None,
) -> tuple[list[RawArticle], FileReport]:
    """Split page text into articles (``fallback``: the edition date when nothing else gives one)."""
    split = split_page(text)
    info = file_info(name, options).filled_from(parse_page_header(split.header))
    info = info.filled_from(fallback) if fallback is not None else info
    report.skipped.extend(split.skipped)
    report.warnings.extend(split.warnings)
    report.records = len(split.articles)
    articles = raw_articles_of_page(
        split.articles, source=name, line_mark="#L", info=info, outlet=options.outlet)
    if not articles:
        visible = " ".join(text.split())[:40]
        report.fail("no_article_text", n_left_out=len(split.skipped), sample=visible)
    report.articles = len(articles)
    return articles, report


def _document_date(value: str | dt.date | None, report: FileReport) -> dt.date | None:
    """A document's own date (front matter, ``发布时间：``); None, with a warning, if implausible."""
    date = parse_metadata_date(value)
    if date is None or is_plausible(date):
        return date
    report.warnings.append(Problem.of("document_date_implausible", date=date.isoformat()))
    return None


def _from_markdown(
    text: str, name: str, options: LoadOptions, report: FileReport
) -> tuple[list[RawArticle], FileReport]:
    """Read a Markdown dump: one article per heading with a body (front matter read as details)."""
    info = file_info(name, options)
    front, text = split_front_matter(text)
    if front is not None:
        report.skipped.append(front.problem())
        date = _document_date(front.fields.get("date"), report)
        if info.edition_date is None and date is not None:
            info = FileNameInfo(date, info.page, info.sequence)
    footer, text = split_footer(text)
    report.skipped += [footer] if footer is not None else []
    sections, skipped = markdown_articles(text)
    if not sections:  # read as a page, which says what it leaves out itself
        parts = split_markdown(text)
        headings = [section for section in parts if section.level]
        if headings and not any(section.body.strip() for section in parts):  # text above them is a page
            return [], report.fail("markdown_headings_only", n_headings=len(headings),
                                   sample=headings[0].title[:30])
        return _from_page(text, name, options, report)
    report.skipped.extend(skipped)
    articles = []
    report.records = len(sections)
    masthead = masthead_outlet(text)
    for section in sections:
        title = clean_title(section.title)
        cleaned = clean_record_text(section.body, title=title)
        if not cleaned.text:
            report.fail("story_without_text", line=section.line)
            continue
        articles += split_bundle(RawArticle(
            text=cleaned.text, source=f"{name}#L{section.line}", title=title,
            author=cleaned.author, page=info.page, outlet=options.outlet or cleaned.outlet or masthead,
            dateline_place=cleaned.dateline_place, dateline_agency=cleaned.dateline_agency,
            dateline_date=cleaned.dateline_date,
            edition_date=info.edition_date, line=section.line,
        ), section.body, report)
    report.articles = len(articles)
    return articles, report


def _from_workbook(
    sheets: list[Sheet], name: str, options: LoadOptions, report: FileReport
) -> tuple[list[RawArticle], FileReport]:
    """Every sheet of a workbook as its own table, all reported under the one file.

    With one sheet a record is named as in any table (``book.xlsx#5``, line 5); with
    more, by sheet and row (``book.xlsx#6月!5``), and every reason names its sheet. A
    sheet holding a header and no rows gives nothing and loses nothing, so it is passed
    over when other sheets hold rows.
    """
    if len(sheets) == 1:
        return from_records(sheets[0].batch, name, options, report)
    articles: list[RawArticle] = []
    for sheet in sheets:
        if sheet.batch.total or sheet.batch.errors:
            articles += from_records(sheet.batch, name, options, report, sheet=sheet.title)[0]
    if not report.records and not report.errors:
        report.fail("no_records")
    return articles, report
