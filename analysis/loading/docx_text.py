"""The text of a Word (.docx) document, one line per paragraph, read with the standard library.

Analysts keep articles in Word as often as in text files: a page typed out, a 政协 news
round-up pasted from a site. A .docx is a zip holding ``word/document.xml``; its
paragraphs (``w:p``) are read in order, table cells included, each becoming one line
of a page the page splitter then cuts into articles like a typed-out page. Line breaks
inside a paragraph (``w:br``) and tabs are kept as such.
"""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT_PART = "word/document.xml"


class DocxError(ValueError):
    """The file is not a readable Word document; ``detail`` says why."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def docx_text(data: bytes) -> str:
    """The paragraphs of a .docx file, one per line.

    Args:
        data: the file's bytes.

    Returns:
        The document's text; empty paragraphs give empty lines, as a typed page would.

    Raises:
        DocxError: when the bytes are not a zip, hold no ``word/document.xml`` or that
            part is not well-formed XML.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            document = archive.read(DOCUMENT_PART)
    except zipfile.BadZipFile as exc:
        raise DocxError(f"not a zip archive ({exc})") from exc
    except KeyError as exc:
        raise DocxError(f"no {DOCUMENT_PART} inside") from exc
    try:
        root = ElementTree.fromstring(document)
    except ElementTree.ParseError as exc:
        raise DocxError(f"{DOCUMENT_PART} is not well-formed XML ({exc})") from exc
    lines: list[str] = []
    _collect_paragraphs(root, lines)
    return "\n".join(lines)


def _collect_paragraphs(node: ElementTree.Element, lines: list[str]) -> None:
    """Append the text of every ``w:p`` under ``node``, in document order, each once.

    A paragraph can hold a text box with paragraphs of its own; those come after it as
    lines of their own rather than inside its text.
    """
    for child in node:
        if child.tag == f"{_WORD}p":
            parts: list[str] = []
            nested: list[ElementTree.Element] = []
            _runs_text(child, parts, nested)
            lines.append("".join(parts))
            for inner in nested:
                _collect_paragraphs(inner, lines)
        else:
            _collect_paragraphs(child, lines)


def _runs_text(node: ElementTree.Element, parts: list[str], nested: list[ElementTree.Element]) -> None:
    """The text of a paragraph's runs (``w:t``, ``w:tab``, ``w:br``), setting text boxes aside."""
    for child in node:
        if child.tag == f"{_WORD}txbxContent":
            nested.append(child)
        elif child.tag == f"{_WORD}t" and child.text:
            parts.append(child.text)
        elif child.tag == f"{_WORD}tab":
            parts.append("\t")
        elif child.tag in (f"{_WORD}br", f"{_WORD}cr"):
            parts.append("\n")
        else:
            _runs_text(child, parts, nested)
