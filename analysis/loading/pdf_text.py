"""Read the text layer of an e-paper PDF, page by page, as glyphs with their geometry.

Uses pdfminer.six's interpreter without its layout analysis: its boxes are sorted for
ordinary documents and shuffle a newspaper's columns, whereas the order in which a
newspaper's layout program draws the glyphs follows its articles. The geometry is
interpreted by :mod:`analysis.loading.pdf_layout`.

A PDF that cannot be read (damaged, locked with a password) raises :class:`PdfReadError`
with a catalog code. A page with no text layer (a scanned image) or whose fonts carry no
Unicode map comes back with its reason, so the loader can report it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from analysis.loading.pdf_layout import Glyph
from analysis.messages import CodedError
from analysis.report import Problem

UNMAPPED = re.compile(r"^\(cid:\d+\)$")
"""How pdfminer writes a glyph whose font has no Unicode map."""
MAX_UNMAPPED_SHARE = 0.2
"""A page with more glyphs than this share unmapped has an unreadable text layer."""


class PdfReadError(CodedError, ValueError):
    """The PDF cannot be opened (``code`` says why: ``pdf_locked``, ``pdf_damaged``)."""


@dataclass(frozen=True)
class PdfPage:
    """One page: its 1-based number, its glyphs, and why it has no usable text (or None)."""

    number: int
    glyphs: list[Glyph]
    problem: Problem | None = None


def read_pdf_pages(data: bytes) -> list[PdfPage]:
    """Return every page of the PDF with its glyphs in drawing order.

    Args:
        data: the PDF file's bytes.

    Returns:
        The pages in order. A page's ``problem`` is ``pdf_page_no_text`` when it has no
        text (a scan) and ``pdf_page_unmapped`` when its glyphs cannot be read as text.

    Raises:
        PdfReadError: the file is locked with a password or cannot be parsed.
    """
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTPage
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager(caching=True)
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    pages: list[PdfPage] = []
    try:
        for number, page in enumerate(PDFPage.get_pages(io.BytesIO(data), check_extractable=False), start=1):
            interpreter.process_page(page)
            layout: LTPage = device.get_result()
            pages.append(_page(number, list(_glyphs(layout))))
    except PDFPasswordIncorrect as exc:
        raise PdfReadError("pdf_locked") from exc
    except Exception as exc:  # a parser of untrusted bytes fails in many ways; each means "damaged"
        raise PdfReadError("pdf_damaged", error=_short(exc), pages_read=len(pages)) from exc
    if not pages:
        raise PdfReadError("pdf_damaged", error="no pages", pages_read=0)
    return pages


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
