"""Recognising the furniture of a printed Chinese newspaper page, one line at a time.

A headline is known by what follows it: a dateline (``本报嘉峪关讯(通讯员苏天泰)``), a
continuation mark (``(接一版)``) or, for photo news, a photo credit (``苏媛媛 摄影报道``).
This module only recognises such lines and pulls out what they carry (place, byline,
page); :mod:`analysis.loading.headlines` decides where articles begin, and
:mod:`analysis.loading.page` where they end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_PAGE_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                   "九": 9, "〇": 0, "零": 0}

_OPEN = "(（"
_CLOSE = ")）"

_DATELINE_BODY = (
    r"(?P<agency>本报|新华社|中新社|中新网|人民网|人民政协网|人民政协报|央广网|新华网|"
    r"中国网|光明网|新甘肃|每日甘肃网|甘肃日报|民主协商报)"
    r"(?P<place>[\u4e00-\u9fff]{0,12}?)"
    r"(?P<date>\d{1,2}月\d{1,2}日)?(?:讯|电)"
    r"\s*(?:[(（](?P<byline>[^)）]{0,60})[)）])?\s*"
)
DATELINE = re.compile(r"^\s*" + _DATELINE_BODY)
"""``本报嘉峪关讯(通讯员苏天泰)``, ``本报北京7月4日电  （记者李晓晴）``, ``新华社北京7月4日电``."""
DATELINE_ANYWHERE = re.compile(_DATELINE_BODY)
"""A dateline inside a line: where a page pasted without line breaks holds its next article."""

SOURCE_LEAD = re.compile(
    r"^\s*[\u4e00-\u9fff]{1,12}?(?:网|台|社|报)\s*(?:[(（][^)）]{1,12}[)）])?\s*消息\s*"
    r"(?:[(（][^)）]{1,12}[)）])?\s*[:：]\s*"
)
"""A broadcaster's or site's lead: ``央视网消息（新闻联播）：``, ``中国网络电视台消息(新闻联播)：``."""


def strip_source_lead(line: str) -> str | None:
    """Return ``line`` without a leading ``央视网消息（新闻联播）：``, or None when it has none."""
    match = SOURCE_LEAD.match(line)
    return None if match is None else line[match.end():].strip()


_PAGE = r"(?:第\s*)?[A-D]?[0-9０-９一二三四五六七八九十〇]{1,3}\s*版"
"""A page mark: ``第3版``, ``一版``, ``A3版`` (section letters are dropped from the number)."""
PAGE_MARK = re.compile(rf"(?<![0-9A-Za-z]){_PAGE}")
_CONTINUATION_BODY = (
    rf"(?:[(（]\s*(?:上接|接|紧接|续)\s*(?P<page>{_PAGE})[^)）\n]{{0,6}}[)）]"
    rf"|(?:上接|紧接)\s*(?P<bare>{_PAGE}))\s*"
)
CONTINUATION = re.compile(r"^\s*" + _CONTINUATION_BODY)
"""``(接一版)``, ``（上接第一版）``, ``紧接01版``."""
CONTINUATION_ANYWHERE = re.compile(_CONTINUATION_BODY)
"""A continuation mark inside a line (a page pasted without line breaks)."""


PHOTO_CREDIT = re.compile(
    r"^\s*(?P<names>(?:(?:本报|新华社)?(?:记者|通讯员|特约摄影)?\s*)?[\u4e00-\u9fff·\s]{2,24}?)\s*"
    r"(?:摄影报道|摄影|摄)\s*(?:[(（][^)）]{0,12}[)）])?\s*$"
)
"""``苏媛媛 摄影报道``, ``唐  克摄（影像中国）``, ``新华社记者  白雪飞摄``."""

BYLINE_ROLES = re.compile(
    r"(?:本报|新华社|中新社)?(?:见习记者|特约记者|实习生|通讯员|记者|摄影|文/图|文|图)[:：]?"
)

_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10}")
"""A person's name: two to four characters, or a transliterated name with ``·``."""

TERMINAL = set("。！？!?…；;")
CLOSERS = set("”’」』)）】")
HEADLINE_MAX = 40
SUBHEAD_MAX = 30


@dataclass(frozen=True)
class Dateline:
    """What a dateline carries.

    Attributes:
        agency: who filed it: ``本报`` (the paper's own reporters) or a news agency or
            site (``新华社``, ``中新社``…), whose bare place names are cities, never
            townships (:mod:`analysis.places.dateline`).
        place: the place named (``嘉峪关``), or None for ``本报讯``.
        authors: the names in the byline, joined with ``、``, or None.
        date: the date written into the dateline (``7月4日``), or None.
        rest: the text of the line after the dateline (the lead paragraph starts here).
    """

    agency: str
    place: str | None
    authors: str | None
    date: str | None
    rest: str


_REPORTER_THEN = re.compile(r"(?:记者|通讯员).")
_WORD_AFTER = re.compile(r"电[话视力子网商影脑器台报池梯动源厂站缆线路费量价流压气车竞邮]|讯[息号问]")


def is_sentence_words(match: re.Match[str], text: str) -> bool:
    """Whether a :data:`DATELINE` match in ``text`` is words of a sentence, not a dateline.

    So is one whose place goes on after a reporter (``本报记者近日电话采访``, ``本报记者致电``;
    ``本报特约记者讯`` is a dateline) or whose 电 or 讯 begins a word (``本报记者从省电力公司``,
    ``中国网络电视台``, ``讯息``).
    """
    if _REPORTER_THEN.search(match["place"] or ""):
        return True
    return _WORD_AFTER.match(text, match.end("date") if match["date"] else match.end("place")) is not None


def parse_dateline(line: str) -> Dateline | None:
    """Return the dateline at the start of ``line``, or None (:func:`is_sentence_words`)."""
    match = DATELINE.match(line)
    if match is None or is_sentence_words(match, line):
        return None
    place = match.group("place") or None
    if place is not None and len(place) < 2:
        place = None
    return Dateline(
        agency=match.group("agency"),
        place=place,
        authors=names_from_byline(match.group("byline") or ""),
        date=match.group("date"),
        rest=line[match.end():].strip(),
    )


LEAD_BYLINE = re.compile(
    r"^\s*(?:本报|全媒体|融媒体|新甘肃)?(?:记者|通讯员)\s*(?P<names>[\u4e00-\u9fff\s、]{2,24}?)\s*报道\s*"
)
"""``全媒体记者雷宇报道 9月13日上午…``: a byline opening the lead instead of a dateline."""


def parse_lead_byline(line: str) -> tuple[str | None, str] | None:
    """Return ``(names, rest of line)`` for a lead that opens with ``记者X报道``, or None."""
    match = LEAD_BYLINE.match(line)
    if match is None:
        return None
    return names_from_byline(match["names"]), line[match.end():].strip()


def parse_continuation(line: str) -> str | None:
    """Return the page a continuation mark points to (``(接一版)`` → ``"1"``), or None."""
    match = CONTINUATION.match(line)
    if match is None:
        return None
    return str(page_number(_page_token(match["page"] or match["bare"])))


CONTINUED_TO = re.compile(rf"\s*[(（]\s*(?:下转|转至|转)\s*(?P<page>{_PAGE})[^)）\n]{{0,6}}[)）]\s*$")
"""``（下转第2版）``, ``(转A3版)`` closing the part of an article printed on this page."""


def parse_continued_to(text: str) -> tuple[str, str] | None:
    """Return ``(page, text without the mark)`` when ``text`` ends with ``（下转第2版）``, else None."""
    match = CONTINUED_TO.search(text)
    if match is None:
        return None
    section = re.search(r"[A-D]", match["page"])  # the message names A3 as A3
    page = str(page_number(_page_token(match["page"])))
    return (section.group() + page if section else page), text[: match.start()].rstrip()


def page_of_mark(text: str) -> str | None:
    """The page number of the first page mark in ``text`` (``第3版``, ``A3版`` → ``"3"``), or None."""
    match = PAGE_MARK.search(text)
    return str(page_number(_page_token(match.group()))) if match else None


def _page_token(mark: str) -> str:
    """The number of a page mark, without 第, 版, spaces or a section letter (``A3版`` → ``3``)."""
    return re.sub(r"[第版\sA-D]", "", mark)


def strip_continuation(line: str) -> str:
    """Return ``line`` without a leading continuation mark."""
    return CONTINUATION.sub("", line, count=1).strip()


def parse_photo_credit(line: str) -> str | None:
    """Return the photographers' names of a photo credit line, or None."""
    stripped = line.strip()
    if len(stripped) > 40 or any(ch in TERMINAL or ch in "，,、：:" for ch in stripped):
        return None
    match = PHOTO_CREDIT.match(stripped)
    if match is None:
        return None
    names = names_from_byline(match.group("names"))
    if names is None or len(re.sub(r"\s", "", match.group("names"))) > 16:
        return None
    return names


def page_number(token: str) -> int:
    """Convert a page token (``01``, ``一``, ``十二``, ``０３``) to an int."""
    token = token.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if token.isdigit():
        return int(token)
    if "十" in token:
        tens, _, ones = token.partition("十")
        return (_CN_PAGE_DIGITS.get(tens, 1) if tens else 1) * 10 + _CN_PAGE_DIGITS.get(ones, 0)
    value = 0
    for char in token:
        value = value * 10 + _CN_PAGE_DIGITS.get(char, 0)
    return value


def names_from_byline(byline: str) -> str | None:
    """Extract person names from a byline (``通讯员苏天泰``, ``记者王 钊``, ``卓  敏  曹高林``).

    Role words are removed; names padded with spaces to three characters (``唐  克``) are
    joined back; several people are joined with ``、``.
    """
    cleaned = BYLINE_ROLES.sub(" ", byline)
    tokens = [t for t in re.split(r"[\s,，、;；]+", cleaned) if t]
    names: list[str] = []
    pending = ""
    for token in tokens:
        if len(token) == 1:
            pending += token
            if len(pending) == 2:
                names.append(pending)
                pending = ""
            continue
        if pending:
            names.append(pending)
            pending = ""
        names.append(token)
    if pending:
        names.append(pending)
    names = [n for n in names if _NAME.fullmatch(n)]
    return "、".join(names) or None


def ends_sentence(line: str) -> bool:
    """True when ``line`` ends a sentence (``。``, ``！``, ``。”``, ``：`` …)."""
    stripped = line.rstrip()
    if not stripped:
        return True
    last = stripped[-1]
    if last in TERMINAL or last in "：:":
        return True
    if last in CLOSERS and len(stripped) >= 2:
        before = stripped[-2]
        return before in TERMINAL or (before in CLOSERS and ends_sentence(stripped[:-1]))
    return False


def is_indented(raw_line: str) -> bool:
    """True when the raw line starts with a paragraph indent (full-width or 2+ spaces)."""
    return raw_line.startswith("\u3000") or raw_line.startswith("  ")


_FULL_DATE = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_WEEKDAY_OR_PAGE = rf"(?:星期|周[一二三四五六日天]|{_PAGE})"
PAGE_FURNITURE = re.compile(
    rf"{_FULL_DATE}.*{_WEEKDAY_OR_PAGE}|{_WEEKDAY_OR_PAGE}.*{_FULL_DATE}|^{_FULL_DATE}$"
    # a page mark alone, in digits only: a headline may begin with 一版 or 三版
    r"|^(?:第\s*)?[A-D]?\d{1,3}\s*版(?:\s*[\u4e00-\u9fff]{0,6})?$"
)
"""A page header line: a date with the weekday or page (``2024年6月14日 星期五``,
``第3版  2024年6月14日``), a date alone, or a page mark alone (``第3版 要闻``)."""


def is_page_furniture(line: str) -> bool:
    """True for a line of the page's header (date with weekday or page, or a page mark)."""
    return bool(PAGE_FURNITURE.search(line.strip()))


def looks_like_heading(raw_line: str, *, max_chars: int = HEADLINE_MAX) -> bool:
    """True for a short unindented line without sentence punctuation: a headline or subhead.

    Headlines, kickers and subheads are short, are not indented like body paragraphs, and
    carry no sentence-final punctuation; a body fragment broken by the layout usually does
    (or is long).
    """
    if is_indented(raw_line):
        return False
    line = raw_line.strip()
    if not 2 <= len(line) <= max_chars:
        return False
    if any(ch in TERMINAL for ch in line) or line[-1] in "，,、：:":
        return False
    if parse_dateline(line) or parse_continuation(line) or parse_photo_credit(line):
        return False
    if is_page_furniture(line):
        return False
    return bool(re.search(r"[\u4e00-\u9fff]", line))
