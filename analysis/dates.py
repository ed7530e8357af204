"""Event dates: the day an article is about, read from its lead and the edition date.

Local news dates its events loosely: ``6月13日``, ``13日``, ``二〇二四年六月十三日``, or just
``近日``. The missing year and month come from the edition the article was printed in; a
month later than the edition's month means the previous year (a January paper reporting
``12月28日``), and a day later than the edition's day, with no month given, means the
previous month. ``近日``, ``日前``, ``今天`` or no date at all mean the edition date.

Only the lead is read (the first sentences), because later dates in the body are usually
background (``自2023年12月挂牌成立以来``) rather than the event itself. A date after the
edition date is an announced future event (``将于6月17日举行``), not what the article
reports, so it is passed over; so are dates the lead announces (``将于…``) or sets as a
deadline (``…日前完成``), the rest of a range or list whose first date was passed over
(``将于2月28日至3月2日``), and dates written with a year more than a quarter before the
edition (an anniversary, a reprinted speech).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

DateSource = Literal["text", "edition", "metadata"]

LEAD_CHARS = 160
"""How much of the text (after any dateline) is searched for the event date."""

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

_RELATIVE_OFFSETS = {"昨天": -1, "昨日": -1, "前天": -2}

_ANNOUNCED = re.compile(r"(?:将于|将在|将分别于|定于|拟于|计划于|预计|将|明天[（(]?|明日[（(]?)\s*$")
"""Words just before a date that announce it (``将于8月22日开幕``, ``明天（16日）出版``)."""
_JOINED = re.compile(r"^[\s）)]*(?:至|到|和|及|、|～|~|—|－|-)[\s（(]*$")
"""What joins a date to the one before it in a range or a list (``2月28日至3月2日``)."""
_DEADLINE = re.compile(r"^\s*(?:之前|以前|前(?!往)|起)")
"""Words just after a date that make it a deadline or a start (``6月30日前完成``, ``8月1日起施行``),
not the event; 前往 is not."""
MAX_BACKGROUND_DAYS = 92
"""A date written with its year more than this many days (a quarter) before the edition is
background (``1940年8月19日``, an anniversary, a reprinted speech), not the event."""


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


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """Return the date, or None when the parts do not form a real day (2月30日)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def complete_mention(mention: DateMention, edition: dt.date | None) -> dt.date | None:
    """Fill in the parts a mention leaves out from the edition date.

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
        return edition + dt.timedelta(days=_RELATIVE_OFFSETS.get(mention.relative, 0))
    if mention.year is not None:
        return _safe_date(mention.year, mention.month or 1, mention.day or 1)
    if edition is None or mention.day is None:
        return None
    if mention.month is not None:
        year = edition.year - 1 if mention.month > edition.month else edition.year
        return _safe_date(year, mention.month, mention.day)
    year, month = edition.year, edition.month
    if mention.day > edition.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return _safe_date(year, month, mention.day)


def resolve_event_date(
    text: str,
    *,
    edition_date: dt.date | None,
    metadata_date: dt.date | None = None,
    lead_chars: int = LEAD_CHARS,
) -> tuple[dt.date | None, DateSource | None]:
    """Decide the date an article is about.

    The first date expression in the lead wins; its missing parts come from the edition
    date, or from the metadata date when there is no edition date. A relative word (近日,
    今天…) or no date at all falls back to the edition date, then to the metadata date (a
    table's 发布时间).

    Args:
        text: the article body (after the dateline).
        edition_date: the date of the issue it was printed in, if known.
        metadata_date: a date from the input's metadata (e.g. a publish-time column).
        lead_chars: how many leading characters to search.

    Returns:
        ``(date, source)`` with source ``"text"``, ``"edition"`` or ``"metadata"``, or
        ``(None, None)`` when nothing dates the article.
    """
    reference = edition_date or metadata_date
    fallback: DateSource = "edition" if edition_date is not None else "metadata"
    lead = text[:lead_chars]
    passed_end = -1  # where the last mention passed over ends: a range or list joined to it goes too
    for mention in find_date_mentions(lead):
        resolved = complete_mention(mention, reference)
        joined = passed_end >= 0 and bool(_JOINED.match(lead[passed_end : mention.start]))
        if (
            resolved is None
            or (edition_date is not None and resolved > edition_date)
            or joined
            or not _is_event(mention, resolved, lead, reference)
        ):
            passed_end = mention.start + len(mention.text)
            continue
        if mention.relative is not None and mention.relative not in _RELATIVE_OFFSETS:
            return resolved, fallback
        return resolved, "text"
    if edition_date is not None:
        return edition_date, "edition"
    if metadata_date is not None:
        return metadata_date, "metadata"
    return None, None


def _is_event(mention: DateMention, resolved: dt.date, lead: str, reference: dt.date | None) -> bool:
    """False for a date the lead announces, sets as a deadline, or recalls from long ago.

    A month later than the edition's month is read as last year, which turns an announced
    ``将于8月22日`` or a deadline ``6月30日前`` in an April paper into a date ten months
    back; such mentions, and dates with a year far before the edition, are passed over.
    """
    if mention.relative is not None:
        return True
    end = mention.start + len(mention.text)
    announced = _ANNOUNCED.search(lead[max(0, mention.start - 5) : mention.start])
    if announced or _DEADLINE.match(lead[end : end + 2]):
        return False
    too_old = reference is not None and (reference - resolved).days > MAX_BACKGROUND_DAYS
    return not (mention.year is not None and too_old)
