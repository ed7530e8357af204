"""Split a Markdown dump of several articles (``### title`` + body) into articles.

新闻联播 transcripts and many crawler exports are one Markdown file per day: a ``#``
heading, a rundown section (``## 新闻摘要``, a numbered list of the day's items), and the
stories, each under its own heading with its body (often inline HTML). Every heading that
has body text becomes an article; a rundown or table of contents is reported as skipped,
not loaded as an article of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.report import Problem

_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<title>.+?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:\d+[.、．]|[（(]\d+[）)]|[-*+]\s)")
RUNDOWN_TITLES = ("新闻摘要", "本期节目主要内容", "目录", "内容提要", "本期导读", "要闻提要")


@dataclass(frozen=True)
class MarkdownSection:
    """One heading and the text under it (up to the next heading)."""

    title: str
    level: int
    body: str
    line: int


def split_markdown(text: str) -> list[MarkdownSection]:
    """Split Markdown into sections at every heading (text before the first is level 0)."""
    sections: list[MarkdownSection] = []
    title, level, start, body_lines = "", 0, 1, []
    in_code = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith("```"):
            in_code = not in_code
        match = None if in_code else _HEADING.match(line)
        if match is None:
            body_lines.append(line)
            continue
        sections.append(MarkdownSection(title, level, "\n".join(body_lines).strip(), start))
        title, level, start = match["title"].strip(), len(match["marks"]), number
        body_lines = []
    sections.append(MarkdownSection(title, level, "\n".join(body_lines).strip(), start))
    return [s for s in sections if s.title or s.body]


def is_rundown(section: MarkdownSection) -> bool:
    """True for a rundown/table of contents: a known title, or mostly a numbered list."""
    if any(word in section.title for word in RUNDOWN_TITLES):
        return True
    lines = [ln for ln in section.body.splitlines() if ln.strip()]
    if len(lines) < 3:
        return False
    return sum(bool(_LIST_ITEM.match(ln)) for ln in lines) / len(lines) >= 0.6


def markdown_articles(text: str) -> tuple[list[MarkdownSection], list[Problem]]:
    """Return the sections that are articles, and the ones skipped with the reason.

    Returns:
        ``(articles, skipped)``; an article keeps its heading as title and its body as
        text (still possibly HTML).
    """
    articles: list[MarkdownSection] = []
    skipped: list[Problem] = []
    sections = split_markdown(text)
    has_subheadings = any(s.level > 1 for s in sections)
    for section in sections:
        if not section.body:
            continue
        if is_rundown(section):
            skipped.append(Problem.of("rundown", line=section.line, title=section.title))
            continue
        if section.level <= 1 and has_subheadings:
            skipped.append(Problem.of("text_before_first_story", line=section.line,
                                      excerpt=section.body[:40]))
            continue
        articles.append(section)
    return articles, skipped
