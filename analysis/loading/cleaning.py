"""Clean the text of one article record: markup, page chrome, dateline, broken lines.

Records exported from web pages carry navigation (``网站首页``, ``【字号：``, ``版次:01``), the
headline again, a dateline with the byline, continuation marks (``紧接01版``) and photo
credits. This module takes those out of the text, keeps what they say (page, author,
place, continuation) and rejoins paragraphs broken mid-sentence. The chrome patterns are
data an analyst can edit: ``data/page_chrome.txt``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis.date_mentions import CLOCK, find_stamped_date, is_written_date
from analysis.loading import layout
from analysis.loading.html_text import html_to_text, looks_like_html
from analysis.loading.page import EDITOR_LINE
from analysis.loading.paragraphs import Line, join_paragraphs
from analysis.loading.web_chrome import drop_breadcrumbs, drop_related_links, strip_links
from analysis.paths import ConfigFileError, data_path, read_config_text
from analysis.report import Problem

_SOURCE_LINE = re.compile(r"^(?:来源|稿源|出处)[:：]\s*(?P<outlet>.{2,30})$")
_META_KEYS = (
    r"来源|稿源|发布时间|发布日期|发表时间|发表日期|更新时间|时间|作者|编辑|责任编辑|"
    r"浏览次数|浏览量|访问量|阅读量|阅读次数|点击数|点击量|阅读|【?字体|【?字号"
)
_META_TOKEN = re.compile(rf"^(?:{CLOCK.pattern}|(?:{_META_KEYS})[:：]?.{{0,30}}|[|｜]|】)$")
"""A token of a line of page details besides a date (:func:`_is_meta_token`)."""
_BARE_LABEL = re.compile(rf"((?:{_META_KEYS}))[:：]")
_FONT_SIZES = re.compile(r"(【?字[号体])[:：]?\s*[大中小](?:\s*[大中小]){0,2}\s*】?")
"""``【字号：大 中 小】`` inside a line of details: its sizes are spaced like separate tokens."""
META_VALUE_MAX = 30
"""A label alone on its line (``来源：``) takes a next line this short as its value."""
DATELINE_SEARCH_LINES = 4
"""A dateline may follow up to this many heading lines repeated at the top of a record."""
_PAGE_LINE = re.compile(r"^(?:版次|当前版)[:：]\s*(?P<page>[A-Z]?\d{1,3})版?$")
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)


class ChromePatternError(ConfigFileError):
    """A line of a pattern file (``data/page_chrome.txt``, ``data/bundle_titles.txt``) is no valid regex."""


def load_chrome_patterns(path: Path | None = None) -> re.Pattern[str]:
    """Compile the page-chrome patterns (one regex per line, ``#`` comments) into one regex.

    ``None`` is ``page_chrome.txt`` of the configuration folder as it is now (another
    ``GOVTHEMES_DATA`` is another file); each file is read once per process.

    Raises:
        ChromePatternError: naming the file and line of a pattern that does not compile.
    """
    return compile_pattern_file(Path(path or data_path("page_chrome.txt")), "page-chrome pattern list")


@lru_cache(maxsize=8)
def compile_pattern_file(path: Path, what: str) -> re.Pattern[str]:
    """One regex matching any line of a pattern file (one regex per line, ``#`` comments).

    Each file is read once per process.

    Raises:
        ChromePatternError: naming the file and line of a pattern that does not compile.
    """
    patterns = []
    for number, line in enumerate(read_config_text(path, what).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            re.compile(line)
        except re.error as exc:
            problem = Problem.of("chrome_pattern_invalid", at_line=number, pattern=repr(line), error=str(exc))
            raise ChromePatternError(path, [problem]) from exc
        patterns.append(f"(?:{line})")
    return re.compile("|".join(patterns) or r"(?!)")


@dataclass
class CleanedText:
    """A record's text after cleaning, and what the removed furniture said."""

    text: str
    author: str | None = None
    dateline_place: str | None = None
    dateline_agency: str | None = None
    dateline_date: str | None = None
    continued_from: str | None = None
    page: str | None = None
    outlet: str | None = None
    removed: list[str] = field(default_factory=list)


def clean_record_text(text: str, *, title: str | None = None) -> CleanedText:
    """Clean one record's text (see the module docstring).

    Args:
        text: the raw text field (plain text or HTML).
        title: the record's title; a line repeating it near the top is removed.

    Returns:
        The cleaned text and what was taken out of it.
    """
    if looks_like_html(text):
        text = html_to_text(text)
    text = text.translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
    cleaned = CleanedText(text="")
    text, cleaned.removed = strip_links(text, load_chrome_patterns())
    raw_lines, crumbs = drop_breadcrumbs(text.split("\n"))
    raw_lines, links = drop_related_links(raw_lines)
    cleaned.removed += crumbs + links
    lines = _strip_chrome(raw_lines, cleaned, title=title)
    heads, body = _take_anchor_lines(lines, cleaned)
    paragraphs = [h.text for h in heads] + [text for _, text in join_paragraphs(body)]
    cleaned.text = "\n".join(paragraphs)
    return cleaned


@dataclass
class WebPage:
    """A whole web page's text without its furniture, and what the furniture said.

    Attributes:
        text: the page's text, furniture lines blank (the others keep their numbers).
        left_out: one ``web_page_chrome`` reason per furniture line, by line.
        outlet: the ``来源：`` the page names, if any.
        published: the date of the page's ``发布时间：``, if any.
    """

    text: str
    left_out: list[Problem]
    outlet: str | None = None
    published: dt.date | None = None


def clean_web_page(text: str) -> WebPage:
    """Take a saved web page's furniture out of its text (:func:`~analysis.loading.html_text.html_to_text`).

    A page saved from the browser holds its site's navigation, breadcrumbs, the story's
    details (``发布时间：… 来源：… 【字号：大 中 小】``) and a footer around the story: read as
    a newspaper page, they would become its kicker and headline. The lines the record
    cleaner takes for furniture (``data/page_chrome.txt``, breadcrumbs, related links) are
    left out, each named, and what they say kept (the outlet, the date published).
    """
    lines = text.translate(_INVISIBLE).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rest, _ = drop_breadcrumbs(lines)
    rest, _ = drop_related_links(rest)
    found = CleanedText(text="")
    kept = {line.number for line in _strip_chrome(rest, found, title=None)}
    dropped = [(number, line.strip()) for number, line in enumerate(lines, start=1)
               if line.strip() and number not in kept]
    published = next((date for _, line in dropped if (date := find_stamped_date(line))), None)
    return WebPage(
        "\n".join(line if number in kept else "" for number, line in enumerate(lines, start=1)),
        [Problem.of("web_page_chrome", line=number, excerpt=line[:30]) for number, line in dropped],
        found.outlet, published)


def _strip_chrome(raw_lines: list[str], cleaned: CleanedText, *, title: str | None) -> list[Line]:
    """Drop chrome, editor lines and a repeated headline; keep what they tell.

    A metadata label alone on its line (``来源：``) takes the next short line as its value
    (``宁夏日报客户端``): pages that print label and value on two lines.
    """
    chrome = load_chrome_patterns()
    title_key = re.sub(r"\s+", "", title or "")
    kept: list[Line] = []
    label = None
    for number, raw in enumerate(raw_lines, start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        short = len(stripped) <= 100
        if label is not None and len(stripped) <= META_VALUE_MAX and not layout.ends_sentence(stripped):
            _read_metadata_line(f"{label}:{stripped}", cleaned)
        elif short and _read_metadata_line(stripped, cleaned):
            pass
        elif short and (match := _SOURCE_LINE.match(stripped)):
            cleaned.outlet = cleaned.outlet or match["outlet"].strip()
        elif short and (match := _PAGE_LINE.match(stripped)):
            cleaned.page = str(int(re.sub(r"\D", "", match["page"])))
        elif not (short and (chrome.fullmatch(stripped) or EDITOR_LINE.match(stripped))):
            label = None
            if title_key and not kept and re.sub(r"\s+", "", stripped) == title_key:
                cleaned.removed.append(stripped)
                continue
            kept.append(Line(number, raw.rstrip(), stripped))
            continue
        label = match[1] if (match := _BARE_LABEL.fullmatch(stripped)) and label is None else None
        cleaned.removed.append(stripped)
    return kept


def _read_metadata_line(line: str, cleaned: CleanedText) -> bool:
    """Recognise a line of page metadata (``发布时间: … | 来源: … | 作者: …``); keep what it says."""
    spaced = re.sub(rf"({_META_KEYS})", r" \1", _FONT_SIZES.sub(r"\1", line))
    tokens: list[str] = []
    for token in re.split(r"\s*[|｜]\s*|\s+", spaced):
        if tokens and _BARE_LABEL.fullmatch(tokens[-1]) and token and not _is_meta_token(token):
            tokens[-1] += token  # ``作者: 王双``: the value after a space
        elif token:
            tokens.append(token)
    if not tokens or not all(_is_meta_token(t) for t in tokens):
        return False
    if not any(re.match(rf"(?:{_META_KEYS})", t) for t in tokens):
        return False
    for token in tokens:
        key, _, value = token.replace("：", ":").partition(":")
        value = value.strip()
        if key.startswith(("来源", "稿源")) and value and not cleaned.outlet:
            cleaned.outlet = value
        elif key == "作者" and value and not cleaned.author:
            cleaned.author = layout.names_from_byline(value)
    return True


def _is_meta_token(token: str) -> bool:
    """A clock, a label and its value, a bar or a date (:func:`~analysis.date_mentions.is_written_date`)."""
    return bool(_META_TOKEN.match(token)) or is_written_date(token)


def _take_anchor_lines(lines: list[Line], cleaned: CleanedText) -> tuple[list[Line], list[Line]]:
    """Read a leading continuation mark, dateline or byline, and trailing photo credits.

    Heading lines repeated above a dateline (a subtitle) stay as their own paragraphs.
    """
    if not lines:
        return [], lines
    first = lines[0]
    if (page := layout.parse_continuation(first.text)) is not None:
        cleaned.continued_from = page
        rest = layout.strip_continuation(first.text)
        lines = ([Line(first.number, rest, rest)] if rest else []) + lines[1:]
    heads, body = _split_at_dateline(lines, cleaned)
    authors = [cleaned.author] if cleaned.author else []
    while body and (names := layout.parse_photo_credit(body[-1].text)) is not None:
        authors.append(names)
        cleaned.removed.append(body.pop().text)
    cleaned.author = "、".join(dict.fromkeys(authors)) or None
    return heads, body


def _split_at_dateline(lines: list[Line], cleaned: CleanedText) -> tuple[list[Line], list[Line]]:
    """Find a dateline, source lead or lead byline in the first lines; return (heading lines, body).

    A source lead (``央视网消息（新闻联播）：``) is read first: ``中国网络电视台消息`` must not
    be taken for the dateline ``中国网…电``. Heading lines are returned apart so that
    paragraph rejoining keeps them apart from the lead.
    """
    for index, line in enumerate(lines[:DATELINE_SEARCH_LINES]):
        rest = layout.strip_source_lead(line.text)
        if rest is None and (dateline := layout.parse_dateline(line.text)) is not None:
            cleaned.dateline_place, cleaned.dateline_date = dateline.place, dateline.date
            cleaned.dateline_agency = dateline.agency
            cleaned.author, rest = dateline.authors, dateline.rest
        elif rest is None and (byline := layout.parse_lead_byline(line.text)) is not None:
            cleaned.author, rest = byline
        if rest is None:
            continue
        heads = lines[:index]
        body = ([Line(line.number, rest, rest)] if rest else []) + lines[index + 1:]
        return heads, body
    return [], lines
