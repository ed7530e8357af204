"""Safe HTML for article text: everything escaped, matched terms highlighted.

Article text comes from outside (web pages, exports) and may contain HTML or Markdown.
It is escaped completely before the only markup we add, ``<mark>``, goes around the
highlighted terms, so nothing in an article can inject markup or scripts into the page.
The result is shown with ``st.html`` (which also sanitises) and never through Markdown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping

MARK_STYLE = "background:#ffe08a;padding:0 1px;border-radius:2px"
"""Highlight colour for matched terms (a theme's terms)."""

FOCUS_STYLE = "background:#ffd8a8;outline:2px solid #e8590c;padding:0 1px;border-radius:2px"
"""Marks the term the reader came for (a KWIC search term): boxed, so it stands out from theme terms."""


def highlight_html(
    text: str, terms: Iterable[str], *, titles: Mapping[str, str] | None = None, focus: str | None = None
) -> str:
    """Escape ``text`` and wrap every occurrence of ``terms`` in ``<mark>``.

    Args:
        text: plain text (any characters).
        terms: the strings to highlight; longer terms win where they overlap.
        titles: optional tooltip per term (e.g. the theme it belongs to).
        focus: a term marked first and differently (:data:`FOCUS_STYLE`), at every
            occurrence KWIC lists, even inside a longer highlighted term.

    Returns:
        HTML with paragraphs as ``<p>`` and terms marked; safe to insert into a page.
    """
    unique = sorted({t for t in terms if t}, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, unique))) if unique else None
    paragraphs = []
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            continue
        paragraphs.append(f"<p>{_focus(paragraph, focus, pattern, titles or {})}</p>")
    return "\n".join(paragraphs)


def _focus(
    paragraph: str, focus: str | None, pattern: re.Pattern[str] | None, titles: Mapping[str, str]
) -> str:
    if not focus:
        return _mark(paragraph, pattern, titles)
    marked = f'<mark style="{FOCUS_STYLE}">{html.escape(focus)}</mark>'
    return marked.join(_mark(piece, pattern, titles) for piece in paragraph.split(focus))


def _mark(paragraph: str, pattern: re.Pattern[str] | None, titles: Mapping[str, str]) -> str:
    if pattern is None:
        return html.escape(paragraph)
    pieces, last = [], 0
    for match in pattern.finditer(paragraph):
        pieces.append(html.escape(paragraph[last : match.start()]))
        title = titles.get(match.group(0))
        attr = f' title="{html.escape(title, quote=True)}"' if title else ""
        pieces.append(f'<mark style="{MARK_STYLE}"{attr}>{html.escape(match.group(0))}</mark>')
        last = match.end()
    pieces.append(html.escape(paragraph[last:]))
    return "".join(pieces)


def escape_text(text: object) -> str:
    """Escape any value for insertion into HTML."""
    return html.escape("" if text is None else str(text), quote=True)


MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<~$:&.])")
"""The characters Streamlit's Markdown acts on inside a line: links and bare URLs, emphasis,
``:red[…]``, ``$math$``, HTML (``-``, ``#``, ``|`` act only at the start of a line)."""


def code_span(text: str) -> str:
    """``text`` as a Markdown code span, shown as typed (a command to copy, with a path in it).

    The fence is one backtick longer than the longest run of backticks in ``text``, so a
    path holding one cannot end the span early.
    """
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def escape_markdown(text: object) -> str:
    """Text shown literally inside a Streamlit Markdown string (``st.info``, ``st.error``…).

    For values that come from outside the app: a shared link's parameters, a typed path.
    ``[登录](https://…)`` then shows as typed instead of becoming a link.
    """
    return MARKDOWN_SPECIAL.sub(r"\\\1", "" if text is None else str(text))
