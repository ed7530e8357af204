"""Table records (CSV, Excel, JSON, Parquet) as raw articles, and why a record is none.

Every record is one article, or a reason naming its row and column: an empty text cell,
an Excel error value, a number or symbols where words belong, a cell of page chrome only.
A table with no text column says which column holds running text, when one does
(:mod:`analysis.loading.columns`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analysis.loading.bundles import split_bundle
from analysis.loading.cleaning import clean_record_text
from analysis.loading.columns import ColumnMap, missing_text_column, recognise_columns, text_elsewhere
from analysis.loading.date_cells import record_date
from analysis.loading.decoded import TRADITIONAL_ENCODINGS
from analysis.loading.filenames import FileNameInfo, parse_file_name
from analysis.loading.json_tables import json_kind
from analysis.loading.options import LoadOptions
from analysis.loading.raw import RawArticle, as_text
from analysis.loading.record_batch import RecordBatch
from analysis.loading.traditional import (
    MIN_TRADITIONAL_CHARS,
    TRADITIONAL_SHARE,
    to_simplified,
    traditional_share,
)
from analysis.report import FileReport, Problem

_NUMBER = re.compile(r"[+-]?[\d,，]*\.?\d+%?")
_TITLE_TAG = re.compile(r"^\s*[\[【](?:视频|图文|组图|图片|音频|直播)[\]】]\s*")


def file_info(name: str, options: LoadOptions) -> FileNameInfo:
    """The edition date, page and sequence a file's name gives; an edition date in ``options`` wins."""
    info = parse_file_name(name)
    if options.edition_date is not None:
        return FileNameInfo(options.edition_date, info.page, info.sequence)
    return info


def clean_title(value: object) -> str | None:
    """A title without tags such as ``[视频]``, its spaces (a no-break or full-width one) one plain space.

    The same headline exported twice, once with ``&nbsp;`` between its halves, is then the
    same title, and the two copies count once.
    """
    text = as_text(value)
    if text is None:
        return None
    return re.sub(r"\s+", " ", _TITLE_TAG.sub("", text)) or None


def from_records(
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
    articles = _records_to_articles(batch, colmap, f"{name}{record_mark}", file_info(name, options), options,
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
        if isinstance(text, str) and written_in_traditional(text, report, number):
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


def written_in_traditional(text: str, report: FileReport, line: int | None = None) -> bool:
    """True when ``text`` is in traditional characters; the report is warned it gets converted.

    Themes, dictionary and stopwords are simplified: the articles table holds the
    converted text, and the warning says so. A file read as Big5, or as traditional text in
    GBK, is traditional by its encoding (wholly, or in the lines not UTF-8): one traditional
    character is enough there (a short record, 委員們認為).
    """
    by_encoding = (report.encoding or "").endswith(TRADITIONAL_ENCODINGS)  # "big5", "mixed utf-8/big5"…
    share = traditional_share(text, min_chars=1 if by_encoding else MIN_TRADITIONAL_CHARS)
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
    title = clean_title(cell("title"))
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
        dateline_place=cleaned.dateline_place, dateline_agency=cleaned.dateline_agency,
        dateline_date=cleaned.dateline_date,
        continued_from=cleaned.continued_from, edition_date=info.edition_date,
        metadata_date=metadata_date, metadata_year=metadata_year, date_cell=date_cell,
        doc_id=cell("id"),
        province=cell("province"), prefecture=cell("prefecture"), county=cell("county"),
    )
