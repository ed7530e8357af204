"""Read one input file of any supported format into raw articles and its load report.

The format is chosen by the file's extension (and, for text of unknown extension, by its
content). Every record the file holds ends either as a :class:`RawArticle` or as an
error in the :class:`FileReport`, so ``records == articles + record errors``; a record
bundling several stories (:mod:`analysis.loading.bundles`) gives one article per story and
is named (``bundle_split``), so ``records + Σ(stories − 1) == articles + record errors``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import PurePath

from analysis.loading.bundles import split_bundle
from analysis.loading.cleaning import clean_record_text, clean_web_page
from analysis.loading.columns import (
    ColumnMap,
    missing_text_column,
    recognise_columns,
    text_elsewhere,
)
from analysis.loading.date_cells import parse_metadata_date, record_date
from analysis.loading.docx_text import DocxError, docx_text
from analysis.loading.encoding import DecodingError, decode_bytes
from analysis.loading.filenames import FileNameInfo, parse_file_name, parse_page_header
from analysis.loading.html_text import html_to_text, is_web_page
from analysis.loading.inputs import encrypted_office, office_suffix
from analysis.loading.json_tables import json_kind, read_json, read_json_lines
from analysis.loading.markdown import markdown_articles, split_footer, split_front_matter, split_markdown
from analysis.loading.options import LoadOptions
from analysis.loading.page import split_page
from analysis.loading.parquet_table import is_parquet, read_parquet
from analysis.loading.pdf_articles import pdf_articles
from analysis.loading.plausible_dates import is_plausible
from analysis.loading.raw import RawArticle, as_text, raw_articles_of_page
from analysis.loading.tables import RecordBatch, Sheet, read_delimited, read_excel
from analysis.loading.traditional import TRADITIONAL_SHARE, to_simplified, traditional_share
from analysis.report import FileReport, Problem

JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
"""JSON is written in UTF-8 (RFC 8259): bytes as plausible in GBK are read so, with a warning."""
TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xlsm", ".json", ".jsonl", ".ndjson", ".parquet"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ""}
OFFICE_KINDS = {".xlsx": ".xlsx", ".xlsm": ".xlsx", ".docx": ".docx"}
"""The Office kind (:func:`~analysis.loading.inputs.office_suffix`) each Office extension names."""
SUPPORTED = sorted(TABLE_SUFFIXES | TEXT_SUFFIXES - {""} | {".pdf", ".docx"})
_NUMBER = re.compile(r"[+-]?[\d,，]*\.?\d+%?")
_TITLE_TAG = re.compile(r"^\s*[\[【](?:视频|图文|组图|图片|音频|直播)[\]】]\s*")


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
        return _from_records(read_parquet(data), name, options, report)
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return pdf_articles(data, name, options, report, _file_info(name, options))
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
        return _from_records(readers[suffix](text), name, options, report)
    if _written_in_traditional(text, report):
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


def _file_info(name: str, options: LoadOptions) -> FileNameInfo:
    info = parse_file_name(name)
    if options.edition_date is not None:
        return FileNameInfo(options.edition_date, info.page, info.sequence)
    return info


def _from_page(
    text: str, name: str, options: LoadOptions, report: FileReport, *,
    fallback: FileNameInfo | None = None,
) -> tuple[list[RawArticle], FileReport]:
    """Split page text into articles (``fallback``: the edition date when nothing else gives one)."""
    split = split_page(text)
    info = _file_info(name, options).filled_from(parse_page_header(split.header))
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
    info = _file_info(name, options)
    front, text = split_front_matter(text)
    if front is not None:
        report.skipped.append(front.problem())
        date = _document_date(front.fields.get("date"), report)
        if info.edition_date is None and date is not None:
            info = FileNameInfo(date, info.page, info.sequence)
    footer, text = split_footer(text)
    report.skipped += [footer] if footer is not None else []
    sections, skipped = markdown_articles(text)
    report.skipped.extend(skipped)
    if not sections:
        headings = [section for section in split_markdown(text) if section.level]
        if headings and not any(section.body for section in headings):
            return [], report.fail("markdown_headings_only", n_headings=len(headings),
                                   sample=headings[0].title[:30])
        return _from_page(text, name, options, report)
    articles = []
    report.records = len(sections)
    for section in sections:
        title = _clean_title(section.title)
        cleaned = clean_record_text(section.body, title=title)
        if not cleaned.text:
            report.fail("story_without_text", line=section.line)
            continue
        articles += split_bundle(RawArticle(
            text=cleaned.text, source=f"{name}#L{section.line}", title=title,
            author=cleaned.author, page=info.page, outlet=options.outlet or cleaned.outlet,
            dateline_place=cleaned.dateline_place, dateline_date=cleaned.dateline_date,
            edition_date=info.edition_date, line=section.line,
        ), section.body, report)
    report.articles = len(articles)
    return articles, report


def _clean_title(value: object) -> str | None:
    """A title without tags such as ``[视频]``, its spaces (a no-break or full-width one) one plain space.

    The same headline exported twice, once with ``&nbsp;`` between its halves, is then the
    same title, and the two copies count once.
    """
    text = as_text(value)
    if text is None:
        return None
    return re.sub(r"\s+", " ", _TITLE_TAG.sub("", text)) or None


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
        return _from_records(sheets[0].batch, name, options, report)
    articles: list[RawArticle] = []
    for sheet in sheets:
        if sheet.batch.total or sheet.batch.errors:
            articles += _from_records(sheet.batch, name, options, report, sheet=sheet.title)[0]
    if not report.records and not report.errors:
        report.fail("no_records")
    return articles, report


def _from_records(
    batch: RecordBatch, name: str, options: LoadOptions, report: FileReport, *,
    sheet: str | None = None,
) -> tuple[list[RawArticle], FileReport]:
    """Turn table records into raw articles, reporting each record that cannot be one.

    Adds to ``report`` (records, articles, reasons), so the sheets of one workbook can
    report into it in turn; ``sheet`` names the sheet in sources and reasons.
    """
    where = {} if sheet is None else {"sheet": sheet}
    record_mark = "#" if sheet is None else f"#{sheet}!"

    def fail(code: str, line: int | None = None, **params: object) -> None:
        report.fail(code, line, **params, **where)

    report.errors.extend(Problem(p.line, p.code, {**p.params, **where}) for p in batch.errors)
    report.skipped.extend(Problem(p.line, p.code, {**p.params, **where}) for p in batch.skipped)
    report.warnings.extend(Problem(p.line, p.code, {**p.params, **where}) for p in batch.warnings)
    report.records += batch.total
    if not batch.records:
        if not batch.errors:
            fail("no_records")
        return [], report
    unknown = [c for c in options.columns if c not in batch.columns]
    if unknown:
        report.skipped.append(Problem.of("unknown_columns", columns=", ".join(map(repr, unknown)), **where))
    colmap = recognise_columns(batch.columns, options.columns)
    if colmap.get("text") is None:
        why = missing_text_column(batch.records, batch.columns)
        fail(why.code, **why.params)
        return [], report
    articles = _records_to_articles(batch, colmap, f"{name}{record_mark}", _file_info(name, options), options,
                                    report, where)
    report.articles += len(articles)
    hint = None if articles else text_elsewhere(batch.records, colmap)
    report.warnings += [Problem(None, hint.code, {**hint.params, **where})] if hint else []
    return articles, report


def _records_to_articles(
    batch: RecordBatch, colmap: ColumnMap, mark: str, info: FileNameInfo, options: LoadOptions,
    report: FileReport, where: dict[str, str],
) -> list[RawArticle]:
    """The raw articles of ``batch``'s records (bundles split), each record that is none failed in ``report``.

    ``mark`` is the source's prefix before the record number (``file.csv#``, ``book.xlsx#Sheet1!``);
    ``where`` names the sheet in the reasons.
    """
    articles: list[RawArticle] = []
    for number, record in batch.records:
        text = record.get(colmap.get("text") or "")
        if isinstance(text, str) and _written_in_traditional(text, report, number):
            record = {k: to_simplified(v) if isinstance(v, str) else v for k, v in record.items()}
        formulas = batch.formulas.get(number, {})
        record, unusable = _unusable_cells(record, colmap, formulas)
        article = _record_article(record, colmap, f"{mark}{number}", info, options, formulas)
        if isinstance(article, Problem):
            report.fail(article.code, number, **article.params, **where)
        else:
            article.line = number
            articles += split_bundle(article, as_text(record.get(colmap.get("text") or "")) or "", report)
            report.warnings += [Problem(number, p.code, {**p.params, **where}) for p in unusable]
    return articles


def _not_words(value: object, text: str) -> str | None:
    """What a text cell holds instead of words (``number``, ``array``… or ``symbols``), or None.

    A JSON number, boolean or list (12345, true, [{…}]) is no text; nor is a CSV cell of
    digits or signs alone ("3.14", "——"), as a column shifted by one gives.
    """
    if isinstance(value, bool | int | float | list | dict | bytes):
        return json_kind(value)
    if any(ch.isalpha() for ch in text):
        return None
    return "number" if _NUMBER.fullmatch(text) else "symbols"


def _written_in_traditional(text: str, report: FileReport, line: int | None = None) -> bool:
    """True when ``text`` is in traditional characters; the report is warned it gets converted.

    Themes, dictionary and stopwords are simplified: the articles table holds the
    converted text, and the warning says so.
    """
    share = traditional_share(text)
    if share < TRADITIONAL_SHARE:
        return False
    report.warnings.append(Problem.of("traditional_converted", line=line, share=share))
    return True


EXCEL_ERRORS = frozenset({"#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!",
                          "#CALC!"})
"""What Excel writes in a cell whose formula failed, in the sheet and in the CSV it exports."""


def _unusable_cells(
    record: dict[str, object], colmap: ColumnMap, formulas: Mapping[str, str]
) -> tuple[dict[str, object], list[Problem]]:
    """The record without the Excel error values (``#REF!``) of its used columns, and what to say.

    The text and date columns have reasons of their own; any other used column (title,
    author…) holding an error value, or a formula never calculated, loads without it, and
    each such cell gets a warning (its line added by the caller).
    """
    skip = {colmap.get("text"), colmap.get("date")}
    failed = {column: value for column in colmap.columns.values() if column not in skip
              and isinstance(value := record.get(column), str) and value.strip() in EXCEL_ERRORS}
    problems = [Problem.of("excel_error_in_column", column=column, value=value.strip())
                for column, value in failed.items()]
    problems += [Problem.of("formula_cell_without_value", column=column, formula=formula)
                 for column, formula in formulas.items() if column not in skip]
    return ({k: None if k in failed else v for k, v in record.items()} if failed else record), problems


def _record_article(
    record: dict[str, object], colmap: ColumnMap, source: str, info: FileNameInfo,
    options: LoadOptions, formulas: Mapping[str, str],
) -> RawArticle | Problem:
    """One record as a raw article, or the reason it is not one.

    ``formulas`` are the record's cells (by column) holding a formula never calculated.
    """
    def cell(field: str) -> str | None:
        column = colmap.get(field)
        return as_text(record.get(column)) if column else None

    text_column = colmap.get("text")
    value = record.get(text_column) if text_column else None
    raw_text = as_text(value)
    if raw_text is None:
        return Problem.of("empty_text_cell", column=text_column)
    if raw_text in EXCEL_ERRORS:
        return Problem.of("excel_error_cell", column=text_column, value=raw_text)
    if (found := _not_words(value, raw_text)) is not None:
        return Problem.of("text_cell_not_text", column=text_column, found=found)
    title = _clean_title(cell("title"))
    cleaned = clean_record_text(raw_text, title=title)
    if not cleaned.text:
        return Problem.of("only_page_chrome", column=text_column)
    metadata_date, date_cell = record_date(record, colmap, formulas)
    year = cell("year")
    metadata_year = int(year) if metadata_date is None and year and re.fullmatch(r"\d{4}", year) else None
    page = cell("page")
    return RawArticle(
        text=cleaned.text, source=source, title=title, kicker=cell("kicker"),
        author=cell("author") or cleaned.author,
        page=str(int(page)) if page and page.isdigit() else page or cleaned.page or info.page,
        outlet=options.outlet or cell("outlet") or cleaned.outlet, url=cell("url"),
        dateline_place=cleaned.dateline_place, dateline_date=cleaned.dateline_date,
        continued_from=cleaned.continued_from, edition_date=info.edition_date,
        metadata_date=metadata_date, metadata_year=metadata_year, date_cell=date_cell,
        doc_id=cell("id"),
        province=cell("province"), prefecture=cell("prefecture"), county=cell("county"),
    )
