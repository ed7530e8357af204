"""Read the text layer of an e-paper PDF, page by page, as glyphs with their geometry.

Uses pdfminer.six's interpreter without its layout analysis: its boxes are sorted for
ordinary documents and shuffle a newspaper's columns, whereas the order in which a
newspaper's layout program draws the glyphs follows its articles. The geometry is
interpreted by :mod:`analysis.loading.pdf_layout`.

A PDF that cannot be read (damaged, locked with a password) raises :class:`PdfReadError`
with a catalog code. A page with no text layer (a scanned image) or whose fonts carry no
Unicode map comes back with its reason, so the loader can report it.

Nothing readable is thrown away for a fault further on: a file cut short (an interrupted
download loses the cross-reference table at its end) is read again from the objects that
arrived, and a fault in the page tree keeps the pages before it; either way the pages not
read are named (``pdf_partly_read``). A hostile or enormous PDF cannot hold a load for
ever: reading stops at a page boundary once the time limit is spent, and the pages left
are named (``pdf_time_limit``). A single page is never interrupted, so the limit can be
overrun by the time one page takes.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from analysis.loading.options import DEFAULT_MAX_PDF_SECONDS
from analysis.loading.pdf_layout import Glyph
from analysis.messages import CodedError
from analysis.report import Problem

UNMAPPED = re.compile(r"^\(cid:\d+\)$")
"""How pdfminer writes a glyph whose font has no Unicode map."""
MAX_UNMAPPED_SHARE = 0.2
"""A page with more glyphs than this share unmapped has an unreadable text layer."""
CATALOG = re.compile(rb"(\d+)\s+(\d+)\s+obj\s*<<\s*/Type\s*/Catalog\b")
"""The document catalog's object, found by a scan when the file's trailer is lost."""


class PdfReadError(CodedError, ValueError):
    """The PDF cannot be opened (``code`` says why: ``pdf_locked``, ``pdf_damaged``)."""


@dataclass(frozen=True)
class PdfPage:
    """One page: its 1-based number, its glyphs, and why it has no usable text (or None)."""

    number: int
    glyphs: list[Glyph]
    problem: Problem | None = None


@dataclass(frozen=True)
class PdfReading:
    """What could be read of a PDF: its pages in order, and why any further pages were not."""

    pages: list[PdfPage]
    unread: Problem | None = None
    warning: Problem | None = None


def read_pdf_pages(
    data: bytes, *, max_seconds: float = DEFAULT_MAX_PDF_SECONDS, clock: Callable[[], float] = time.monotonic
) -> PdfReading:
    """Return every page of the PDF that can be read, with its glyphs in drawing order.

    Args:
        data: the PDF file's bytes.
        max_seconds: stop reading at the next page boundary once this much time is spent.
        clock: the time source (tests pass a fake one).

    Returns:
        The pages read, in order. A page's ``problem`` is ``pdf_page_no_text`` when it has
        no text (a scan) and ``pdf_page_unmapped`` when its glyphs cannot be read as text.
        ``unread`` says why the PDF's further pages were not read: ``pdf_time_limit`` or
        ``pdf_partly_read`` (damaged or cut short after the pages read); ``warning`` is
        ``pdf_recovered`` when the file's end was lost but every page it declares was read.

    Raises:
        PdfReadError: the file is locked with a password, or not one page can be read.
    """
    budget = _Budget(clock, clock() + max_seconds, max_seconds)  # one budget, recovery included
    try:
        return _read(data, budget)
    except PdfReadError as exc:
        rebuilt = _with_rebuilt_trailer(data) if exc.code == "pdf_damaged" else None
        if rebuilt is None:
            raise
        try:
            recovered = _read(rebuilt, budget)
        except PdfReadError:
            raise exc from None
        if recovered.unread:
            return recovered
        return PdfReading(recovered.pages, warning=Problem.of("pdf_recovered", pages=len(recovered.pages),
                                                              error=exc.params["error"]))


@dataclass(frozen=True)
class _Budget:
    """The time a PDF may take: ``clock`` past ``deadline`` stops reading (``seconds`` for the report)."""

    clock: Callable[[], float]
    deadline: float
    seconds: float

    @property
    def spent(self) -> bool:
        """True once the clock has passed the deadline."""
        return self.clock() > self.deadline


def _read(data: bytes, budget: _Budget) -> PdfReading:
    """Read pages until the end, a fault after the first page, or the end of the budget."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTPage
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    pages: list[PdfPage] = []
    declared = 0
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        declared = _declared_page_count(document)
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            if pages and budget.spent:
                limit = Problem.of("pdf_time_limit", seconds=f"{budget.seconds:g}", page=number,
                                   pages=max(declared, number))
                return PdfReading(pages, limit)
            interpreter.process_page(page)
            layout: LTPage = device.get_result()
            pages.append(_page(number, list(_glyphs(layout))))
    except PDFPasswordIncorrect as exc:
        raise PdfReadError("pdf_locked") from exc
    except Exception as exc:  # a parser of untrusted bytes fails in many ways; each means "damaged"
        if not pages:
            raise PdfReadError("pdf_damaged", error=_short(exc)) from exc
        return PdfReading(pages, Problem.of("pdf_partly_read", pages_read=len(pages),
                                            pages=max(declared, len(pages)), error=_short(exc)))
    if not pages:
        raise PdfReadError("pdf_damaged", error="no pages")
    if declared > len(pages):
        return PdfReading(pages, Problem.of("pdf_partly_read", pages_read=len(pages), pages=declared,
                                            error="the file ends before them"))
    return PdfReading(pages)


def _declared_page_count(document: object) -> int:
    """The page count the PDF's page tree declares (``/Count``), or 0 when it says none."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(document.catalog["Pages"])["Count"])  # type: ignore[attr-defined]
    except Exception:  # a missing or malformed page tree: the pages themselves will tell
        return 0
    return count if isinstance(count, int) and 0 < count < 100_000 else 0


def _with_rebuilt_trailer(data: bytes) -> bytes | None:
    """The file up to its last whole object, with a trailer naming its catalog; None if none.

    A download cut short loses the end of the file: the cross-reference table and the
    trailer that says where the document starts. pdfminer finds the objects by scanning
    when the table is missing, but still needs the trailer; this gives it one.
    """
    catalog = CATALOG.search(data)
    end = data.rfind(b"endobj")
    if catalog is None or end < catalog.end():
        return None
    root = b"%s %s R" % (catalog.group(1), catalog.group(2))
    return data[: end + len(b"endobj")] + b"\ntrailer\n<< /Root " + root + b" >>\n"


def _page(number: int, glyphs: list[Glyph]) -> PdfPage:
    """A page with its glyphs, or with the reason its text cannot be used."""
    visible = [g for g in glyphs if not g.text.isspace()]
    if not visible:
        return PdfPage(number, [], Problem.of("pdf_page_no_text", page=number))
    unmapped = sum(1 for g in visible if UNMAPPED.match(g.text) or _private_use(g.text))
    if unmapped > MAX_UNMAPPED_SHARE * len(visible):
        return PdfPage(number, [], Problem.of("pdf_page_unmapped", page=number))
    return PdfPage(number, glyphs)


def _private_use(text: str) -> bool:
    return any(0xE000 <= ord(ch) <= 0xF8FF for ch in text)


def _glyphs(container: Iterable[object]) -> Iterable[Glyph]:
    """Every character on the page, inside figures too, in drawing order."""
    from pdfminer.layout import LTChar, LTContainer

    for item in container:
        if isinstance(item, LTChar):
            _, b, c, _, _, y = item.matrix
            if abs(b) > 1e-6 or abs(c) > 1e-6:
                y = item.y0  # rotated or sheared glyph: its box is the best baseline we have
            yield Glyph(item.get_text(), item.x0, item.x1, y, item.size)
        elif isinstance(item, LTContainer):
            yield from _glyphs(item)


def _short(exc: Exception) -> str:
    """The parser's complaint, on one line and short enough for a report."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]
