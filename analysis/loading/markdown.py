"""Split a Markdown dump of several articles (``### title`` + body) into articles.

新闻联播 transcripts and many crawler exports are one Markdown file per day: a ``#``
heading, a rundown section (``## 新闻摘要``, a numbered list of the day's items), and the
stories, each under its own heading with its body (often inline HTML). Every heading that
has body text becomes an article; a rundown or table of contents is reported as skipped,
not loaded as an article of its own.

A note or blog post often opens with front matter (``---`` … ``---`` of ``key: value``
lines, or Hugo's ``+++`` … ``+++``): it is read as the document's details, never as text.
Its ``title`` heads a document that has no heading of its own, its ``date`` is the edition
date when nothing else gives one, and the report names the lines and the fields left out.

A dump's first heading may be its masthead, the outlet's name in 《》 with the day's date
(``# 《新闻联播》 (20240614)``): it names the outlet of every story under it. A 《》 title
without a date is a document's own (``# 《关于…的意见》``), not an outlet's.

A footer after the document's last rule (``---`` then ``(更新时间戳: 1718369611472)``, a
crawler's stamp; ``*本文首发于…*``) is the file's, not the last story's: left out, named.
Read as text, the stamp made each day's last story differ from the same story in another
export of the day, so the two counted twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.loading.layout import ends_sentence
from analysis.report import Problem

_HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<title>.+?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:\d+[.、．]|[（(]\d+[）)]|[-*+]\s)")
RUNDOWN_TITLES = ("新闻摘要", "本期节目主要内容", "目录", "内容提要", "本期导读", "要闻提要")
_FRONT_FIELD = re.compile(r"^\s*(?P<key>[\w.-]+)\s*[:=]\s*(?P<value>.*?)\s*$")
FRONT_MATTER_LINES = 60
"""Lines looked at for the end of front matter; a fence not closed by then opens no front matter."""
FRONT_MATTER_USED = ("title", "date")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
FOOTER_MAX_LINES = 3
"""A footer holds at most this many non-blank lines after the last rule, none a heading or a sentence."""
FOOTER_MAX_CHARS = 80
_MASTHEAD = re.compile(r"《(?P<outlet>[^《》\s]{2,20})》\s*[(（]?\s*"
                       r"(?:\d{8}|\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?)\s*[)）]?")
"""A masthead heading: the outlet in 《》 and the edition's date (``《新闻联播》 (20240614)``)."""


@dataclass(frozen=True)
class FrontMatter:
    """The ``key: value`` fields of a document's front matter, and its last line."""

    fields: dict[str, str]
    last_line: int

    def problem(self) -> Problem:
        """The report's line: front matter left out as text, and the fields not used."""
        others = [key for key in self.fields if key not in FRONT_MATTER_USED]
        return Problem.of("front_matter", line=1, last_line=self.last_line, fields=", ".join(others) or "-")


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """The front matter of ``text``, and the text with its lines blank (later lines keep their numbers).

    The document's ``title`` becomes a ``#`` heading in its place when the text has none.
    """
    lines = text.split("\n")
    fence = lines[0].strip()
    if fence not in ("---", "+++"):
        return None, text
    closing = {fence, "..."} if fence == "---" else {fence}
    end = next((i for i, line in enumerate(lines[1:FRONT_MATTER_LINES], start=1) if line.strip() in closing),
               None)
    matches = [_FRONT_FIELD.match(line) for line in lines[1:end]] if end else []
    fields = {m["key"].lower(): m["value"].strip("\"'") for m in matches if m and m["value"]}
    if end is None or not fields:
        return None, text
    rest = "\n".join(lines[end + 1:])
    title = fields.get("title")
    heading = f"# {title}" if title and not any(map(_HEADING.match, rest.splitlines())) else ""
    return FrontMatter(fields, end + 1), "\n" * end + heading + "\n" + rest


def split_footer(text: str) -> tuple[Problem | None, str]:
    """The footer after the last rule of ``text`` (see the module docstring), and the text without it.

    The footer's lines are blanked, so later reasons keep their line numbers.
    """
    lines = text.split("\n")
    rules = [number for number, line in enumerate(lines) if _RULE.match(line)]
    if not rules:
        return None, text
    after = [line.strip() for line in lines[rules[-1] + 1:] if line.strip()]
    if not after or len(after) > FOOTER_MAX_LINES or any(
            len(line) > FOOTER_MAX_CHARS or _HEADING.match(line) or ends_sentence(line) for line in after):
        return None, text
    problem = Problem.of("markdown_footer", line=rules[-1] + 1, excerpt=" ".join(after)[:40])
    return problem, "\n".join(lines[:rules[-1]] + [""] * (len(lines) - rules[-1]))


def masthead_outlet(text: str) -> str | None:
    """The outlet the document's first heading names as its masthead (see the module docstring), or None."""
    for line in text.splitlines():
        if (heading := _HEADING.match(line)) is not None:
            masthead = _MASTHEAD.fullmatch(heading["title"].strip()) if len(heading["marks"]) == 1 else None
            return None if masthead is None else masthead["outlet"]
    return None


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
