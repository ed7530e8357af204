"""Split the text of a printed newspaper page into articles.

A copied or OCR'd page is a run of short headline lines and long body paragraphs. This
module cuts the page where each article begins (found by :mod:`analysis.loading.headlines`:
a headline is known by the dateline, continuation mark or photo credit that follows it),
keeps the line above a headline as its kicker (引题), keeps subheads inside their article,
rejoins paragraphs the column layout broke mid-sentence, and keeps a paragraph the layout
printed again only the first time. Nothing is lost silently: every line ends in an article
or in ``PageSplit.skipped`` with the reason it was left out. The headline limits
(``MAX_HEADING_LINES``…) are importable from here as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analysis.loading import layout
from analysis.loading.headlines import (
    FIRST_TITLE_MAX,
    MAX_CAPTION_LINES,
    MAX_HEADING_LINES,
    Headings,
    anchor_kind,
    article_starts,
)
from analysis.loading.paragraphs import (
    Line,
    dedupe_paragraphs,
    join_paragraphs,
    split_heading,
    whole_paragraphs,
)
from analysis.loading.run_on import break_run_on_lines
from analysis.report import Problem

__all__ = [
    "COLON_KICKER_MAX",
    "EDITOR_LINE",
    "FIRST_TITLE_MAX",
    "LINE_BREAK",
    "MAX_CAPTION_LINES",
    "MAX_HEADING_LINES",
    "PageArticle",
    "PageSplit",
    "split_page",
]

LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""Line breaks as editors count them (not Python's splitlines, which also breaks on U+0085)."""
EDITOR_LINE = re.compile(
    r"^[(（]?\s*(?:本版|[一二三四五六七八九十\d]{1,3}版)?"
    r"(?:责编|责任编辑|编辑|校对|审核|版式设计|制图|电子信箱|邮箱|策划)\s*[:：].*$"
)


@dataclass
class PageArticle:
    """One article found on a page, before dates and places are resolved.

    Attributes:
        title, kicker: the headline and the line above it (引题), if any.
        paragraphs: body paragraphs, rejoined and without layout repeats.
        author: names from the byline or photo credit, joined with ``、``.
        dateline_place: the place in ``本报X讯``, e.g. ``嘉峪关``.
        dateline_agency: who filed the dateline: ``本报``, ``新华社``…
        dateline_date: a date written in the dateline (``7月4日``).
        continued_from: the page a ``(接一版)`` mark points to, as a number string.
        continued_to: the page a closing ``（下转第2版）`` mark points to (``"2"``, ``"A3"``).
        first_line: the 1-based line where the article starts.
        first_column: the column it starts at on that line: above 1 only on a page pasted
            with no line breaks (:mod:`analysis.loading.run_on`).
        last_line: the 1-based line where it ends.
        paragraph_lines: the line each paragraph starts on, for reports.
    """

    title: str | None = None
    kicker: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    author: str | None = None
    dateline_place: str | None = None
    dateline_agency: str | None = None
    dateline_date: str | None = None
    continued_from: str | None = None
    continued_to: str | None = None
    first_line: int = 1
    first_column: int = 1
    last_line: int = 1
    paragraph_lines: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by newlines."""
        return "\n".join(self.paragraphs)


@dataclass
class PageSplit:
    """The articles of a page, the lines left out (with reasons), and the page's header.

    The header is the short lines above the first headline (masthead, date, page), which
    are also among the lines left out. ``warnings`` name what was read but should be
    checked: a page with no line breaks, cut at its datelines.
    """

    articles: list[PageArticle]
    skipped: list[Problem]
    header: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def split_page(
    text: str, *, display_lines: frozenset[int] | None = None, first_line: int = 1
) -> PageSplit:
    """Split the text of one newspaper page (or one article file) into articles.

    Args:
        text: the page as plain text, any line endings.
        display_lines: for text rebuilt from a PDF's geometry, the numbers of the lines set
            in a display face. Then each line is a whole paragraph (nothing is rejoined), the
            display lines are the headlines and kickers (if the page has any), and each run
            of them followed by body text starts an article, dateline or not.
        first_line: the number of the text's first line (the pages of one PDF are numbered
            on from one another, so each line's number is unique in the file's report).

    Returns:
        The articles in page order, and the lines left out with the reason.
    """
    lines, warnings = _page_lines(text, first_line, run_on=display_lines is None)
    skipped: list[Problem] = []
    lines = _drop_editor_lines(lines, skipped)
    headings = Headings(display_lines)
    starts = article_starts(lines, headings)
    if not starts:
        starts = [0] if lines else []
    header: list[str] = []
    if starts and starts[0] > 0:
        preamble = lines[: starts[0]]
        if _is_body_text(preamble):
            starts.insert(0, 0)
        else:
            header = [ln.text for ln in preamble]
            skipped.extend(
                Problem.of("page_header_line", line=ln.number, excerpt=ln.text[:30]) for ln in preamble
            )
    articles = []
    for begin, end in zip(starts, [*starts[1:], len(lines)], strict=False):
        article = _build_article(lines[begin:end], skipped, lines[0].number, headings)
        if article is not None:
            articles.append(article)
    articles = dedupe_paragraphs(articles, skipped)
    skipped.sort(key=lambda p: (p.line or 0))
    return PageSplit(articles=articles, skipped=skipped, header=header, warnings=warnings)


def _page_lines(text: str, first_line: int, *, run_on: bool) -> tuple[list[Line], list[Problem]]:
    """The page's non-blank lines, a line holding several articles cut at their datelines when ``run_on``.

    Returns:
        The lines and a warning for each line cut (:func:`~analysis.loading.run_on.break_run_on_lines`).
    """
    lines = _nonblank_lines(text, first_line)
    return break_run_on_lines(lines) if run_on else (lines, [])


def _nonblank_lines(text: str, first_line: int = 1) -> list[Line]:
    """Number the lines of ``text`` (from ``first_line``) and keep those with visible characters."""
    text = text.replace("\ufeff", "").replace("\u200b", "").replace("\u200d", "")
    return [
        Line(number, raw.rstrip(), raw.strip())
        for number, raw in enumerate(LINE_BREAK.split(text), start=first_line)
        if raw.strip()
    ]


def _drop_editor_lines(lines: list[Line], skipped: list[Problem]) -> list[Line]:
    """Remove editor and layout credits (本版责编：…), reporting each one."""
    kept = []
    for line in lines:
        if EDITOR_LINE.match(line.text) and len(line.text) <= 160:
            skipped.append(Problem.of("editor_line", line=line.number, excerpt=line.text))
        else:
            kept.append(line)
    return kept


def _is_body_text(lines: list[Line]) -> bool:
    """True when lines read as body text (a sentence, or a substantial amount of text)."""
    total = sum(len(ln.text) for ln in lines)
    return total >= 50 or any(layout.ends_sentence(ln.text) and len(ln.text) > 15 for ln in lines)


def _build_article(
    lines: list[Line], skipped: list[Problem], first_number: int, heading_rule: Headings
) -> PageArticle | None:
    """Turn the lines of one article into a :class:`PageArticle` (None if no body).

    ``first_number`` is the number of the file's first non-blank line.
    """
    first = lines[0]
    article = PageArticle(first_line=first.number, first_column=first.column, last_line=lines[-1].number)
    headings: list[Line] = [lines[0]] if _opens_with_colon_kicker(lines, heading_rule) else []
    body_start = len(headings)
    while body_start < len(lines) and len(headings) < MAX_HEADING_LINES:
        line = lines[body_start]
        limit = FIRST_TITLE_MAX if line.number == first_number else layout.HEADLINE_MAX
        if anchor_kind(line) or not heading_rule.allows(line, limit):
            break
        if body_start + 1 >= len(lines):
            break
        headings.append(line)
        body_start += 1
    body = _read_anchor_lines(article, lines[body_start:])
    article.kicker, article.title, subtitle = split_heading([h.text for h in headings])
    paragraphs = whole_paragraphs(body) if heading_rule.whole_paragraphs else join_paragraphs(body)
    if subtitle:
        paragraphs.insert(0, (headings[-1].number, subtitle))
    paragraphs, article.continued_to = _without_continued_to(paragraphs, skipped)
    if not paragraphs or (not headings and _too_short(paragraphs)):
        skipped.extend(Problem.of("too_little_text", line=ln.number, excerpt=ln.text[:30]) for ln in lines)
        return None
    article.paragraphs = [text for _, text in paragraphs]
    article.paragraph_lines = [number for number, _ in paragraphs]
    return article


COLON_KICKER_MAX = 16
"""A kicker ending in a colon (``山东寿光市：``) is at most this long."""


def _opens_with_colon_kicker(lines: list[Line], heading_rule: Headings) -> bool:
    """True when an article opens with a short kicker ending in a colon, then its headline.

    ``山东寿光市：`` above ``选优配强乡村振兴“头雁方阵”``: a line ending in a colon is body
    text anywhere else (``会议强调：``), so only the article's first line, followed by a
    headline and then body, is read as a kicker.
    """
    if heading_rule.display or len(lines) < 3:
        return False
    first = lines[0]
    short = 2 <= len(first.text) <= COLON_KICKER_MAX and first.text.endswith(("：", ":"))
    plain = not layout.is_indented(first.raw) and not any(ch in layout.TERMINAL for ch in first.text)
    return short and plain and heading_rule.allows(lines[1]) and not heading_rule.allows(lines[2])


def _without_continued_to(
    paragraphs: list[tuple[int, str]], skipped: list[Problem]
) -> tuple[list[tuple[int, str]], str | None]:
    """Take a closing ``（下转第2版）`` off the article's last paragraph, report it, and return its page.

    The mark is layout, not text (left in, 下转 and 第2版 would be counted as words); the
    report says on which page the article goes on, so the analyst can load that page too
    (loaded in the same run, the two parts are joined: :mod:`analysis.loading.continuations`).
    """
    if not paragraphs or (found := layout.parse_continued_to(paragraphs[-1][1])) is None:
        return paragraphs, None
    to_page, rest = found
    number = paragraphs[-1][0]
    skipped.append(Problem.of("continued_on_page", line=number, to_page=to_page))
    return ([*paragraphs[:-1], (number, rest)] if rest else paragraphs[:-1]), to_page


def _too_short(paragraphs: list[tuple[int, str]]) -> bool:
    """True for a scrap with no headline: under 20 characters and no full sentence."""
    texts = [text for _, text in paragraphs]
    return sum(map(len, texts)) < 20 and not any(layout.ends_sentence(t) for t in texts)


def _read_anchor_lines(article: PageArticle, lines: list[Line]) -> list[Line]:
    """Take the dateline, continuation mark and photo credits out of the body lines."""
    body: list[Line] = []
    authors: list[str] = []
    for position, line in enumerate(lines):
        text = line.text
        if position == 0 and (dateline := layout.parse_dateline(text)):
            article.dateline_place, article.dateline_date = dateline.place, dateline.date
            article.dateline_agency = dateline.agency
            authors.extend(filter(None, [dateline.authors]))
            text = dateline.rest
        elif position == 0 and (page := layout.parse_continuation(text)) is not None:
            article.continued_from = page
            text = layout.strip_continuation(text)
            if (dateline := layout.parse_dateline(text)) is not None:
                article.dateline_place, article.dateline_agency = dateline.place, dateline.agency
                text = dateline.rest
        elif (names := layout.parse_photo_credit(text)) is not None:
            authors.append(names)
            continue
        if text:
            body.append(Line(line.number, line.raw if text == line.text else text, text))
    article.author = "、".join(dict.fromkeys(authors)) or None
    return body
