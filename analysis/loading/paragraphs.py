"""Paragraph repair for page text: rejoin layout breaks, split headings, drop repeats."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analysis.loading import layout
from analysis.report import Problem

if TYPE_CHECKING:
    from analysis.loading.page import PageArticle

MIN_REPEAT_CHARS = 20
"""Paragraphs shorter than this (subheads, 会议强调) may legitimately recur; never deduped."""


@dataclass(frozen=True)
class Line:
    """A non-blank line of input: its 1-based number, raw form and stripped text.

    ``column`` is where on its line it starts (1-based): above 1 for the pieces of a line
    holding a whole page (:mod:`analysis.loading.run_on`).
    """

    number: int
    raw: str
    text: str
    column: int = 1


def join_paragraphs(lines: list[Line]) -> list[tuple[int, str]]:
    """Rejoin paragraphs the column layout broke mid-sentence.

    A line that does not end a sentence is continued by the next line, unless it is a
    subhead (a short unindented line without sentence punctuation).

    Returns:
        ``(first line number, paragraph text)`` for each paragraph.
    """
    paragraphs: list[tuple[int, str]] = []
    number, buffer, is_subhead = 0, "", False
    for line in lines:
        if buffer and not is_subhead and not layout.ends_sentence(buffer):
            buffer += glue(buffer, line.text)
            continue
        if buffer:
            paragraphs.append((number, _tidy(buffer)))
        number, buffer = line.number, line.text
        is_subhead = (layout.looks_like_heading(line.raw, max_chars=layout.SUBHEAD_MAX)
                      or _is_label(line.text) or _is_delivery_line(line.text))
    if buffer:
        paragraphs.append((number, _tidy(buffer)))
    return paragraphs


_LATIN_END = re.compile(r"(?:[A-Za-z]|[A-Za-z0-9][,.;:!?)])$")
_LATIN_START = re.compile(r"^[A-Za-z(]")
_WEB_ADDRESS_END = re.compile(r"(?:https?://|www\.)[^\s\u4e00-\u9fff]*$")


def glue(left: str, right: str) -> str:
    """``right`` as it joins ``left``: after a space where two Latin words meet.

    Chinese lines join with nothing between them (``7名政协`` + ``常委``), and so do the
    halves of a number a narrow column broke (``增长1.`` + ``5%``); English words or a
    Latin sentence running on (``a PNG`` + ``of``, ``said,`` + ``the``) get their space back.
    """
    if _WEB_ADDRESS_END.search(left):  # a web address broken by the column: no space inside
        return right
    return " " + right if _LATIN_END.search(left) and _LATIN_START.match(right) else right


def whole_paragraphs(lines: list[Line]) -> list[tuple[int, str]]:
    """Take each line as a whole paragraph (text whose paragraphs were rebuilt from a PDF).

    Returns:
        ``(line number, paragraph text)`` for each line.
    """
    return [(line.number, _tidy(line.text)) for line in lines]


LABEL_MAX = 12
"""An indented line this short without punctuation (核心阅读) is a label, not a broken line."""


def _is_label(text: str) -> bool:
    """True for a short line with no punctuation at all: a label or subhead, even if indented."""
    return len(text) <= LABEL_MAX and not any(ch in "，,、。；;：:！？!?" for ch in text)


DELIVERY_LINE = re.compile(
    r"^(?:——|--|―{1,2}|─{1,2}|[(（])?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年.{2,50}?"
    r"(?:会议|大会)上(?:的(?:报告|讲话|工作报告))?[)）]?$"
)
"""``——2026年1月28日在云南省第十四届人民代表大会第四次会议上``: a report's own line."""


def _is_delivery_line(text: str) -> bool:
    """True for the line saying where a report was delivered: it stands alone, never joined."""
    return bool(DELIVERY_LINE.match(text))


def _tidy(paragraph: str) -> str:
    """Collapse runs of spaces inside a paragraph (full-width indents included)."""
    return re.sub(r"[ \t\u3000]{2,}", " ", paragraph).strip()


KICKER_ENDINGS = ("——", "—", "：", ":")
"""A heading line ending so leads into the title below it: it is the kicker (引题)."""


COLUMN_TAG = re.compile(r"（[^（）]{2,14}）$")
"""A column's name after a headline, in full-width brackets (（新知新觉）, （走进县城看发展）)."""


def split_heading(headings: list[str]) -> tuple[str | None, str | None, str | None]:
    """Decide which heading lines are kicker (引题), title and subtitle (副题).

    One line is the title. With two, the one ending in a column tag (``…（解码·文化数字化）``,
    ``…（新数据 新看点）``: the paper prints it after the main title) is the title, the
    other the kicker above it or the subtitle below it. Otherwise the first is the kicker,
    unless the second reads as a subtitle (it has a comma and the first has none) and the
    first does not lead into it (``——``, ``：``). With three: kicker, title, subtitle.

    Returns:
        ``(kicker, title, subtitle)``, each None when absent.
    """
    heads = [_tidy(h) for h in headings]
    if not heads:
        return None, None, None
    if len(heads) == 1:
        return None, heads[0], None
    if len(heads) == 2:
        first, second = heads
        tagged = [bool(COLUMN_TAG.search(line)) for line in heads]
        if tagged == [True, False]:
            return None, first, second
        if tagged == [False, True]:
            return first, second, None
        if first.endswith(KICKER_ENDINGS):  # 山东寿光市： / …孙家栋院士—— lead into the title
            return first, second, None
        if second.startswith("——") or (_has_comma(second) and not _has_comma(first)):
            return None, first, second
        return first, second, None
    return heads[0], heads[1], " ".join(heads[2:])


def _has_comma(text: str) -> bool:
    return any(ch in "，," for ch in text)


def _normalize(paragraph: str) -> str:
    return re.sub(r"\s+", "", paragraph)


def dedupe_paragraphs(articles: list[PageArticle], skipped: list[Problem]) -> list[PageArticle]:
    """Keep each paragraph the first time the page prints it; report the repeats.

    Layouts sometimes print a paragraph again, even inside another article. Repeats of
    paragraphs of at least :data:`MIN_REPEAT_CHARS` characters are removed and reported
    with the line of the first occurrence. An article left with no text is dropped and
    reported the same way.
    """
    seen: dict[str, int] = {}
    kept_articles = []
    for article in articles:
        kept, kept_lines = [], []
        for number, text in zip(article.paragraph_lines, article.paragraphs, strict=True):
            key = _normalize(text)
            if len(key) >= MIN_REPEAT_CHARS and key in seen:
                skipped.append(Problem.of("layout_repeat", line=number, first_line=seen[key]))
                continue
            seen.setdefault(key, number)
            kept.append(text)
            kept_lines.append(number)
        if kept:
            article.paragraphs, article.paragraph_lines = kept, kept_lines
            kept_articles.append(article)
        else:
            _report_dropped(article, skipped)
    return kept_articles


def _report_dropped(article: PageArticle, skipped: list[Problem]) -> None:
    """Report every line of an article left with no text because it only repeats others."""
    reported = {p.line for p in skipped}
    for number in range(article.first_line, article.last_line + 1):
        if number in reported:
            continue
        if article.title:
            skipped.append(Problem.of("repeat_only_article", line=number, title=article.title))
        else:
            skipped.append(Problem.of("repeat_only_untitled", line=number, first_line=article.first_line))
