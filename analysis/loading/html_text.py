"""Reduce HTML found inside text fields (``<p>…</p>``, ``&nbsp;``) to plain paragraphs."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_TAG = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*"
    r"(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'<>=`]+))?)*\s*/?>"
)
_BLOCK_TAGS = {
    "p", "br", "div", "li", "ul", "ol", "tr", "table", "section", "article", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "hr", "pre", "dd", "dt",
}
_DROP_TAGS = {"script", "style", "noscript", "template", "head", "title"}


def looks_like_html(text: str) -> bool:
    """True when ``text`` contains at least one HTML tag or an HTML entity."""
    return bool(_TAG.search(text)) or bool(re.search(r"&(?:[a-z]+|#\d+);", text))


_WEB_PAGE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)


def is_web_page(text: str) -> bool:
    """True when ``text`` is a whole web page (``<!DOCTYPE html>``, ``<html>``), as a browser saves it."""
    return bool(_WEB_PAGE.match(text[:5000]))


class _TextExtractor(HTMLParser):
    """Collect text, turning block elements into line breaks and dropping scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in _DROP_TAGS:
            self._dropping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if tag in _DROP_TAGS:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """Return the plain text of an HTML fragment, one paragraph per line.

    Block elements (``<p>``, ``<br>``, ``<div>``…) become line breaks, entities are
    decoded, scripts and styles are dropped, and blank lines are collapsed. Text without
    any markup is returned with only its entities decoded.
    """
    if not looks_like_html(text):
        return text
    parser = _TextExtractor()
    parser.feed(text.replace("\r\n", "\n"))
    parser.close()
    plain = html.unescape("".join(parser.parts)).replace("\xa0", " ")
    lines = (line.strip() for line in plain.split("\n"))
    return "\n".join(line for line in lines if line)
