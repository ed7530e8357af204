"""Furniture of web pages that single-line patterns cannot catch: links, breadcrumbs, lists.

:mod:`analysis.loading.cleaning` removes whole lines that match ``data/page_chrome.txt``.
Some furniture is not a line of its own, or is only recognisable from its neighbours:

* Markdown links keep their text when it is content and disappear when the text is
  navigation (``[查看原文](https://…)`` matches a chrome pattern); images and bare URLs
  never reach the text.
* Editors' credits inside brackets (``(视频编辑：张三 文字编辑：李四)``, ``（责编：王五）``).
* Breadcrumbs printed one crumb a line (``首页`` / ``>`` / ``云南要闻``), and a column name
  printed again under them.
* The headlines of other articles listed under ``此前报道`` / ``相关阅读``.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\((?P<url>(?:https?://|www\.|/|\.\.?/)[^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
_URL = re.compile(r"<?(?:https?://|www\.)[A-Za-z0-9\-._~:/?#@$&+=%]+>?")
EDITOR_CREDIT = re.compile(
    r"[(（]\s*(?:(?:(?:视频|文字|责任|图片|网络|美术|本版)?编辑|责编|摄像|校对|审校|审核)\s*[:：]"
    r"[^()（）\n]{1,20}?\s*){1,4}[)）]"
)
"""``(视频编辑：张双玲 文字编辑：温凤浩)``, ``（责编：王五）``: who edited, not what happened."""
_CRUMB_SEPARATOR = re.compile(r"(?:>>?|»|＞|›|→|/)")
CRUMB_MAX = 20
"""A breadcrumb item (a column name) is at most this many characters."""
RELATED_LIST = re.compile(
    r"(?:此前报道|相关阅读|相关新闻|相关报道|延伸阅读|相关链接|往期回顾|推荐阅读|更多阅读)"
    r"[\s:：⬇↓▼]*"
)
"""A heading introducing a list of links to other articles."""
LINKED_HEADLINE = (10, 50)
"""Length range of a linked headline under :data:`RELATED_LIST` (subheads are shorter)."""


def strip_links(text: str, chrome: re.Pattern[str]) -> tuple[str, list[str]]:
    """Replace Markdown links by their text, or drop them when the text is chrome; drop URLs.

    Args:
        text: the record's text.
        chrome: the compiled page-chrome patterns; a link whose text matches one whole
            (``查看原文``, ``阅读原文``) is navigation.

    Returns:
        The text, and what was taken out (link texts dropped, URLs) for the report.
    """
    removed: list[str] = []

    def link(match: re.Match[str]) -> str:
        label = match["text"].strip()
        removed.append(match["url"])
        if not label or chrome.fullmatch(label):
            removed.append(label)
            return ""
        return label

    def drop(match: re.Match[str]) -> str:
        removed.append(match.group())
        return ""

    if "](" in text:
        text = _LINK.sub(link, _IMAGE.sub(drop, text))
    if "www." in text or "://" in text:
        text = _URL.sub(drop, text)
    if "编" in text or "校" in text or "审" in text or "摄像" in text:
        text = EDITOR_CREDIT.sub(drop, text)
    return text, removed


def _is_crumb(line: str) -> bool:
    """A breadcrumb item: short, no sentence punctuation."""
    return 0 < len(line) <= CRUMB_MAX and not re.search(r"[，,。；;！!？?：:]", line)


def drop_breadcrumbs(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop breadcrumbs printed one item a line: ``首页`` / ``>`` / ``政务信息`` / ``>`` / ``要闻``.

    A line holding only a separator takes the crumbs on either side with it; a line that
    repeats the last crumb straight after it (the column's name as a heading) goes too.

    Returns:
        ``(lines, removed lines)``: a removed line is left blank, so lines keep their numbers.
    """
    stripped = [line.strip() for line in lines]
    drop: set[int] = set()
    for index, line in enumerate(stripped):
        if not _CRUMB_SEPARATOR.fullmatch(line):
            continue
        drop.add(index)
        before = _neighbour(stripped, index, -1)
        after = _neighbour(stripped, index, +1)
        if before is not None and _is_crumb(stripped[before]):
            drop.add(before)
        if after is not None and _is_crumb(stripped[after]):
            drop.add(after)
            again = _neighbour(stripped, after, +1)
            if again is not None and stripped[again] == stripped[after]:
                drop.add(again)
    kept = ["" if i in drop else line for i, line in enumerate(lines)]
    return kept, [stripped[i] for i in sorted(drop)]


def _neighbour(lines: list[str], index: int, step: int) -> int | None:
    """The index of the nearest non-blank line before (-1) or after (+1) ``index``."""
    index += step
    while 0 <= index < len(lines):
        if lines[index]:
            return index
        index += step
    return None


def drop_related_links(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop the headlines listed under ``此前报道`` / ``相关阅读`` (links to other articles).

    Headline-length lines (:data:`LINKED_HEADLINE`) that do not end a sentence go, up to
    the first line that is body text or a short subhead; the list's heading itself is
    page chrome.

    Returns:
        ``(lines, removed lines)``: a removed line is left blank, so lines keep their numbers.
    """
    kept: list[str] = []
    removed: list[str] = []
    in_list = False
    for line in lines:
        text = line.strip()
        if not text:
            kept.append(line)
            continue
        if RELATED_LIST.fullmatch(text):
            in_list = True
            removed.append(text)
            kept.append("")
            continue
        low, high = LINKED_HEADLINE
        if in_list and low <= len(text) <= high and text[-1] not in "。！？!?;；":
            removed.append(text)
            kept.append("")
            continue
        in_list = False
        kept.append(line)
    return kept, removed
