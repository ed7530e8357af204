"""Date mentions: the date expressions of Chinese news text, and how their missing parts fill in.

Local news writes dates loosely: ``2024年6月13日``, ``6月13日``, ``13日``,
``二〇二四年六月十三日``, ``2024-06-05``, or a relative word (``近日``, ``昨天``). This
module only reads them; which one is an article's event date is decided in
:mod:`analysis.dates`. It is the one place that knows how dates and a web page's
timestamps are written: the loaders ask it (:func:`is_written_date`,
:func:`find_stamped_date`) rather than match dates of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇○零一二三四五六七八九十"

_FULL_NUMERIC = r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"
_ISO = r"(?<!\d)(?P<iy>(?:19|20)\d{2})[-./](?P<im>\d{1,2})[-./](?P<id>\d{1,2})(?!\d)"
_FULL_CHINESE = (
    rf"(?P<cy>[{_CN_NUM}]{{4}})年(?P<cm>[{_CN_NUM}]{{1,2}})月(?P<cd>[{_CN_NUM}]{{1,3}})日"
)
_MONTH_DAY = r"(?<![\d年])(?P<mm>\d{1,2})\s*月\s*(?P<md>\d{1,2})\s*[日号]"
_MONTH_DAY_CN = rf"(?<![{_CN_NUM}年])(?P<cmm>[{_CN_NUM}]{{1,2}})月(?P<cmd>[{_CN_NUM}]{{1,3}})日"
_DAY = r"(?<![\d月年])(?P<dd>\d{1,2})\s*日(?!内|以内|之内|后|起|以来|前|至)"
_RELATIVE = r"(?P<rel>近日|日前|近期|今天|今日|当天|昨天|昨日|前天)"

_DATE_PATTERN = re.compile(
    "|".join([_FULL_NUMERIC, _ISO, _FULL_CHINESE, _MONTH_DAY, _MONTH_DAY_CN, _DAY, _RELATIVE])
)

STAMP_LABEL = re.compile(r"(?:(?:发布|发表|更新|发稿|录入)(?:时间|日期)\s*[:：]?|(?:时间|日期)\s*[:：])\s*$")
"""A label right before a date that makes it a web page's timestamp (``发布时间: 2018-03-28``);
``当地时间14日`` is not one."""
CLOCK_AFTER = re.compile(r"^(?:\s*\d{1,2}\s*[:：]\d{2}|\s+\d{1,2}\s*时\s*\d{1,2}\s*分)")
"""A clock time after a date with its year: a web page's timestamp (``2026-02-03 09:02:33``,
``2026年02月10日 07时41分``); an event's time (``12月14日21时11分``) is written without the gap."""
CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
"""A clock time standing alone (``13:37``, ``13:37:06``), as in a page's line of details."""


@dataclass(frozen=True)
class DateMention:
    """One date expression found in text.

    Attributes:
        text: the expression as written.
        start: its offset in the searched text.
        year, month, day: the parts written out (None where the text leaves them out).
        relative: a relative word such as 近日 or 昨天, when that is what was written.
    """

    text: str
    start: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative: str | None = None

    @property
    def end(self) -> int:
        """The offset just after the expression."""
        return self.start + len(self.text)


def _cn_number(token: str) -> int:
    """Convert 一 … 三十一 (and digit-by-digit years like 二〇二四) to an int."""
    if "十" not in token:
        value = 0
        for char in token:
            value = value * 10 + _CN_DIGITS[char]
        return value
    tens, _, ones = token.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _mention_from_match(match: re.Match[str]) -> DateMention:
    """Turn one regex match into a :class:`DateMention`."""
    g = match.groupdict()
    fields: dict[str, int | str | None] = {}
    if g["y"]:
        fields = {"year": int(g["y"]), "month": int(g["m"]), "day": int(g["d"])}
    elif g["iy"]:
        fields = {"year": int(g["iy"]), "month": int(g["im"]), "day": int(g["id"])}
    elif g["cy"]:
        fields = {"year": _cn_number(g["cy"]), "month": _cn_number(g["cm"]),
                  "day": _cn_number(g["cd"])}
    elif g["mm"]:
        fields = {"month": int(g["mm"]), "day": int(g["md"])}
    elif g["cmm"]:
        fields = {"month": _cn_number(g["cmm"]), "day": _cn_number(g["cmd"])}
    elif g["dd"]:
        fields = {"day": int(g["dd"])}
    else:
        fields = {"relative": g["rel"]}
    return DateMention(text=match.group(0), start=match.start(), **fields)  # type: ignore[arg-type]


def find_date_mentions(text: str) -> list[DateMention]:
    """Return every date expression in ``text``, in order of appearance."""
    return [_mention_from_match(m) for m in _DATE_PATTERN.finditer(text)]


def is_written_date(text: str) -> bool:
    """Whether ``text`` is one date with its year and nothing else (``2024-03-28``, ``2024年3月28日``).

    A line of a web page's details (``2024-03-28 13:37 | 来源：…``) is made of such tokens.
    """
    mentions = find_date_mentions(text)
    return len(mentions) == 1 and mentions[0].year is not None and mentions[0].text == text


def find_stamped_date(text: str) -> dt.date | None:
    """The date of the first timestamp in ``text`` (``发布时间：2018-03-28 13:37``), or None.

    A timestamp is a date with its year right after a :data:`STAMP_LABEL`; an impossible
    day (2月30日) is none.
    """
    for mention in find_date_mentions(text):
        if mention.year is not None and STAMP_LABEL.search(text, 0, mention.start):
            return safe_date(mention.year, mention.month or 1, mention.day or 1)
    return None


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """Return the date, or None when the parts do not form a real day (2月30日)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


RELATIVE_OFFSETS = {"昨天": -1, "昨日": -1, "前天": -2}
"""Relative words that name a day of their own; the others (近日, 今天…) mean the edition date."""


def complete_mention(mention: DateMention, edition: dt.date | None) -> dt.date | None:
    """Fill in the parts a mention leaves out from the edition date, reading it as past.

    A month later than the edition's month is read as last year (a January paper
    reporting ``12月28日``), a day later than the edition's day with no month as last
    month. Whether such a reading is trusted is decided in :mod:`analysis.dates`.

    Args:
        mention: a date expression found in the lead.
        edition: the edition (issue) date, or None when unknown.

    Returns:
        The calendar date, or None when the mention cannot be completed (no edition date
        for a partial date, or an impossible day).
    """
    if mention.relative is not None:
        if edition is None:
            return None
        return edition + dt.timedelta(days=RELATIVE_OFFSETS.get(mention.relative, 0))
    if mention.year is not None:
        return safe_date(mention.year, mention.month or 1, mention.day or 1)
    if edition is None or mention.day is None:
        return None
    if mention.month is not None:
        year = edition.year - 1 if mention.month > edition.month else edition.year
        return safe_date(year, mention.month, mention.day)
    year, month = edition.year, edition.month
    if mention.day > edition.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return safe_date(year, month, mention.day)


def is_rolled_back(mention: DateMention, edition: dt.date) -> bool:
    """True when completing the mention moved it to last year or last month.

    ``9月4日`` in an August paper is either last September or next month; the reading as
    past is a guess, and :mod:`analysis.dates` only accepts it for a reported past event.
    """
    if mention.year is not None or mention.relative is not None or mention.day is None:
        return False
    if mention.month is not None:
        return mention.month > edition.month
    return mention.day > edition.day
