"""E-paper PDFs as raw articles: each page's text layer rebuilt, then split like a typed-out page."""

from __future__ import annotations

from analysis.loading.filenames import FileNameInfo, parse_page_header
from analysis.loading.options import LoadOptions
from analysis.loading.page import split_page
from analysis.loading.pdf_layout import page_text_from_glyphs
from analysis.loading.pdf_text import PdfReadError, read_pdf_pages
from analysis.loading.raw import RawArticle, raw_articles_of_page
from analysis.report import FileReport, Problem


def pdf_articles(
    data: bytes, name: str, options: LoadOptions, report: FileReport, info: FileNameInfo
) -> tuple[list[RawArticle], FileReport]:
    """Read an e-paper PDF's text layer page by page and split each page into articles.

    Args:
        data: the PDF's bytes.
        name: the file name shown in reports and sources.
        options: the load options (outlet).
        report: the file's report, filled in here.
        info: the edition date and page from the file name (or ``--edition-date``).

    Returns:
        The raw articles and the report. Line numbers in the report count the lines of
        the text rebuilt from the PDF (a heading or paragraph per line, pages one after
        another), and each reason found on a page names the page (``page``); pages left
        unread (a damaged or cut-short file, the time limit ``options.max_pdf_seconds``)
        are named, the pages before them loaded; an article's
        source names its page (``file.pdf#p3``, or ``file.pdf#p3L12`` when the page holds
        several). Edition date and page come from ``--edition-date`` and the file name,
        else from the page's header (``… 2024年6月14日 … 第3版``), as for a text page; a
        page of a longer PDF that prints no page number takes its place in the PDF.
    """
    try:
        reading = read_pdf_pages(data, max_seconds=options.max_pdf_seconds)
    except PdfReadError as exc:
        return [], report.fail(exc.code, **exc.params)
    report.encoding = "pdf"
    pages = reading.pages
    if reading.unread:
        report.errors.append(reading.unread)
    if reading.warning:
        report.warnings.append(reading.warning)
    unreadable = [page for page in pages if page.problem]
    if not reading.unread and all(page.problem and page.problem.code == "pdf_page_no_text" for page in pages):
        return [], report.fail("pdf_no_text", pages=len(pages))
    report.errors.extend(page.problem for page in unreadable if page.problem)
    articles: list[RawArticle] = []
    first_line, sample = 1, ""
    for page in pages:
        if page.problem:
            continue
        rebuilt = page_text_from_glyphs(page.glyphs)
        if rebuilt.reordered:
            report.warnings.append(Problem.of("pdf_page_reordered", page=page.number))
        sample = sample or " ".join(rebuilt.text.split())[:40]
        display = frozenset(number + first_line - 1 for number in rebuilt.display_lines)
        split = split_page(rebuilt.text, display_lines=display, first_line=first_line)
        first_line += rebuilt.text.count("\n") + 2
        report.skipped.extend(_on_page(problem, page.number) for problem in split.skipped)
        report.records += len(split.articles)
        page_info = _page_info(info, parse_page_header(split.header), page.number, len(pages))
        articles += raw_articles_of_page(split.articles, source=f"{name}#p{page.number}", line_mark="L",
                                         info=page_info, outlet=options.outlet)
    if not articles and len(unreadable) < len(pages):
        report.fail("no_article_text", n_left_out=len(report.skipped), sample=sample)
    report.articles = len(articles)
    return articles, report


def _page_info(info: FileNameInfo, header: FileNameInfo, number: int, n_pages: int) -> FileNameInfo:
    """A PDF page's edition date and page: the file's, else its header's (as for a text page).

    The file name's page is the page of a one-page PDF only; a page of a longer PDF that
    prints no page number takes its place in the PDF.
    """
    own = FileNameInfo(info.edition_date, info.page if n_pages == 1 else None)
    found = own.filled_from(header)
    return found if found.page else FileNameInfo(found.edition_date, str(number))


def _on_page(problem: Problem, page: int) -> Problem:
    """The same reason, also naming the PDF page it was found on."""
    return Problem(problem.line, problem.code, {**problem.params, "page": page})
