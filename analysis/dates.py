"""Event dates: the day an article is about, read from its lead and the edition date.

Local news dates its events loosely: ``6月13日``, ``13日``, ``二〇二四年六月十三日``, or just
``近日``. The missing year and month come from the edition the article was printed in
(:func:`analysis.date_mentions.complete_mention`). ``近日``, ``日前``, ``今天`` or no date at
all mean the edition date.

Which date is the event, in order:

1. A dateline's date (``本报北京7月4日电``) is the event date, unless the lead opens with
   an earlier date of its own (``本报北京7月4日电 3日，…开幕``): the event was filed a day
   or more after it happened.
2. A report's delivery line (``——2024年3月5日在第十四届全国人民代表大会第二次会议上``)
   is its date.
3. Otherwise the first date of the lead (the first sentences; later dates are usually
   background) that is not passed over. Passed over are: a date after the edition (or
   the metadata date, when there is no edition), which is announced, not reported; a
   date the lead announces (``将于…``) or sets as a deadline or start (``…日前完成``,
   ``8月1日起``); the start of a period in force (``从2026年1月1日至2027年12月31日``
   in a January paper) or reported up to a later day (``自5月27日展开，截至今天``); a
   date the event follows (``继2月3日…后``, ``自…以来``); a web page's
   timestamp (``发布时间: 2018-03-28 13:37:06``); the rest of a range or list whose first
   date was passed over; and a date more than a quarter before the edition
   (``1940年8月19日``, an anniversary, a reprinted speech).

A month later than the edition's (``9月4日`` in an August paper) is last year only when
the sentence reports it as past (no 将, 即将, 计划, 预计…) and that is within a quarter of
the edition; otherwise it is an announcement and passed over, since the edition date is a
better answer than a guess a year off. The same holds for a day later than the edition's
day with no month (last month). Holiday names (五一, 国庆, 春节) are never read as dates.

When the metadata gives only a year (a table's ``year`` column), a full date in that year
written in the lead is the date; otherwise the record is dated 1 January of that year and
the loader says so in its report.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from analysis.date_mentions import (
    CLOCK_AFTER,
    RELATIVE_OFFSETS,
    STAMP_LABEL,
    DateMention,
    complete_mention,
    find_date_mentions,
    is_rolled_back,
)

__all__ = ["LEAD_CHARS", "DateMention", "DateSource", "complete_mention", "find_date_mentions",
           "resolve_event_date"]

DateSource = Literal["text", "edition", "metadata"]

LEAD_CHARS = 160
"""How much of the text (after any dateline) is searched for the event date."""
MAX_BACKGROUND_DAYS = 92
"""A date more than this many days (a quarter) before the edition is background (an
anniversary, a reprinted speech), not the event; nor is a partial date that would have to
be pushed back this far."""

_ANNOUNCED = re.compile(r"(?:将于|将在|将分别于|定于|拟于|计划于|预计|将|明天[（(]?|明日[（(]?)\s*$")
"""Words just before a date that announce it (``将于8月22日开幕``, ``明天（16日）出版``)."""
_RANGE_WORDS = "至|到|～|~|—|－|-"
_JOINED = re.compile(rf"^[\s）)]*(?:{_RANGE_WORDS}|和|及|、)[\s（(]*$")
"""What joins a date to the one before it in a range or a list (``2月28日至3月2日``)."""
_RANGE = re.compile(rf"^[\s）)]*(?:{_RANGE_WORDS})[\s（(]*$")
"""What joins the start of a range to its end (``从2026年1月1日至2027年12月31日``): not a list's 和 or 、."""
_DEADLINE = re.compile(r"^\s*(?:之前|以前|前(?!往)|起|以来)")
"""Words just after a date that make it a deadline, a start or a beginning (``6月30日前完成``,
``8月1日起施行``, ``6月1日以来``), not the event; 前往 is not."""
_FOLLOWS = re.compile(r"继\s*$")
"""A word just before a date the event follows (``继2月3日发生脱轨事故后``)."""
_SINCE = re.compile(r"(?:自|自从|从)\s*$")
_SINCE_END = re.compile(r"^[^，,。；;！？\n]*?以来|^(?:(?!获悉|了解到|得知)[^。；;！？\n])*?(?:截至|截止)")
"""``自4月26日进驻空间站以来``: a date that begins a state of affairs, background to the news;
so is one that begins a period the sentence reports up to a later day (``机收自5月27日全面展开，
截至今天``); ``从13日开始`` (the event's own start) is not, nor is the day of the source
the news was learned from (``记者从5月20日召开的发布会上获悉，截至目前``)."""
PERIOD_MIN_DAYS = 31
"""A range that ends this many days or more after the edition, with its year written
(``从2026年1月1日至2027年12月31日``), is a period in force (a policy's term): its start is no event."""
_DELIVERY = re.compile(r"^\s*[）)]?\s*在[^。；;\n]{0,40}?会议上")
"""What follows the date of a report's delivery line (``2024年3月5日在…会议上``)."""
_DELIVERY_OPENS = re.compile(r"(?:\A|\n|——|―|—|（|\()[ \t\u3000]*\Z")
"""What precedes it: the line's start, a dash or a bracket (``——2024年3月5日``); a speech a
sentence mentions (``习近平2022年12月15日在中央经济工作会议上的讲话``) is not one."""
_OPENS = re.compile(r"\s*(?:当地时间|北京时间)?\s*\Z")
"""What may come before the date a lead opens with."""
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_FUTURE = re.compile(r"将|拟|定于|计划|预计|预报|届时")
"""Words that make a sentence an announcement (``9月4日至5日，习近平主席将出席…``)."""


def _sentence(lead: str, mention: DateMention) -> str:
    """The sentence of the lead the mention is in."""
    starts = [m.end() for m in _SENTENCE_END.finditer(lead, 0, mention.start)]
    end = _SENTENCE_END.search(lead, mention.end)
    return lead[(starts[-1] if starts else 0) : end.start() if end else len(lead)]


def _is_passed_over(mention: DateMention, lead: str) -> bool:
    """True for a date the words around it make announced, a deadline, background or a stamp."""
    before = lead[max(0, mention.start - 6) : mention.start]
    after = lead[mention.end : mention.end + 8]
    since = _SINCE.search(before) and _SINCE_END.match(lead[mention.end :])
    stamp = STAMP_LABEL.search(before) or (mention.year is not None and CLOCK_AFTER.match(after))
    return bool(_ANNOUNCED.search(before) or _FOLLOWS.search(before) or since or stamp
                or _DEADLINE.match(after))


def _event_candidate(mention: DateMention, lead: str, reference: dt.date | None) -> dt.date | None:
    """The date a mention stands for if it can be the event, else None (see the module rules)."""
    if mention.relative is not None:
        return complete_mention(mention, reference)
    if reference is None and mention.year is None:
        return None
    resolved = complete_mention(mention, reference)
    if resolved is None or _is_passed_over(mention, lead):
        return None
    if reference is None:
        return resolved
    if resolved > reference or (reference - resolved).days > MAX_BACKGROUND_DAYS:
        return None
    if is_rolled_back(mention, reference) and _FUTURE.search(_sentence(lead, mention)):
        return None
    return resolved


def _delivery_date(mentions: list[DateMention], lead: str, reference: dt.date | None) -> dt.date | None:
    """The date of a report's delivery line in the lead, if it has one."""
    for mention in mentions:
        opens = _DELIVERY_OPENS.search(lead[: mention.start])
        if mention.year is not None and opens and _DELIVERY.match(lead[mention.end :]):
            resolved = complete_mention(mention, None)
            if resolved is not None and (reference is None or resolved <= reference):
                return resolved
    return None


def _opening_date(mentions: list[DateMention], lead: str, reference: dt.date | None) -> dt.date | None:
    """The date the lead (or its first line after the headline) opens with, if it can be the event.

    ``3日，…开幕``, ``当地时间7月4日…``: the first date of the lead, at the start of its line.
    """
    if not mentions or mentions[0].relative is not None:
        return None
    line_start = lead.rfind("\n", 0, mentions[0].start) + 1
    if not _OPENS.match(lead[line_start : mentions[0].start]):
        return None
    return _event_candidate(mentions[0], lead, reference)


def _first_event_date(
    mentions: list[DateMention], lead: str, reference: dt.date | None
) -> tuple[dt.date, bool] | None:
    """The first mention that can be the event, and whether it is a date of its own."""
    passed_end = -1  # where the last mention passed over ends: a range or list joined to it goes too
    for index, mention in enumerate(mentions):
        joined = passed_end >= 0 and bool(_JOINED.match(lead[passed_end : mention.start]))
        in_force = _opens_a_period(mention, mentions[index + 1 : index + 2], lead, reference)
        resolved = None if joined or in_force else _event_candidate(mention, lead, reference)
        if resolved is None:
            passed_end = mention.end
            continue
        own = mention.relative is None or mention.relative in RELATIVE_OFFSETS
        return resolved, own
    return None


def _opens_a_period(
    mention: DateMention, following: list[DateMention], lead: str, reference: dt.date | None
) -> bool:
    """Whether ``mention`` starts a range that ends :data:`PERIOD_MIN_DAYS` or more after ``reference``.

    Only an end with its year counts: a partial one (``至7月5日``) is read as past.
    """
    if not following or reference is None or following[0].year is None:
        return False
    end = complete_mention(following[0], reference)
    joined = _RANGE.match(lead[mention.end : following[0].start])
    return bool(joined) and end is not None and (end - reference).days >= PERIOD_MIN_DAYS


def resolve_event_date(
    text: str,
    *,
    edition_date: dt.date | None,
    metadata_date: dt.date | None = None,
    metadata_year: int | None = None,
    dateline: str | None = None,
    lead_chars: int = LEAD_CHARS,
) -> tuple[dt.date | None, DateSource | None]:
    """Decide the date an article is about (the rules are in the module docstring).

    Args:
        text: the article body (after the dateline).
        edition_date: the date of the issue it was printed in, if known.
        metadata_date: a date from the input's metadata (a table's 发布时间), used in place
            of the edition date when there is none.
        metadata_year: a year from the metadata when it gives no full date.
        dateline: the date written into the article's dateline (``7月4日``), if any.
        lead_chars: how many leading characters to search.

    Returns:
        ``(date, source)`` with source ``"text"``, ``"edition"`` or ``"metadata"``, or
        ``(None, None)`` when nothing dates the article.
    """
    reference = edition_date or metadata_date
    fallback: DateSource = "edition" if edition_date is not None else "metadata"
    lead = text[:lead_chars]
    mentions = find_date_mentions(lead)
    in_dateline = find_date_mentions(dateline) if dateline else []
    if in_dateline and (filed := _event_candidate(in_dateline[0], dateline or "", reference)):
        opening = _opening_date(mentions, lead, reference)
        return (opening if opening is not None and opening <= filed else filed), "text"
    if reference is None and metadata_year is not None:
        return _date_in_year(mentions, lead, metadata_year)
    delivered = _delivery_date(mentions, lead, reference)
    if delivered is not None:
        return delivered, "text"
    found = _first_event_date(mentions, lead, reference)
    if found is not None:
        return found[0], "text" if found[1] else fallback
    return (reference, fallback) if reference is not None else (None, None)


def _date_in_year(mentions: list[DateMention], lead: str, year: int) -> tuple[dt.date, DateSource]:
    """A full date of ``year`` from the lead (a delivery line first), else 1 January of it."""
    delivered = _delivery_date(mentions, lead, None)
    if delivered is not None and delivered.year == year:
        return delivered, "text"
    written = [m for m in mentions if m.year == year]
    found = _first_event_date(written, lead, None)
    if found is not None:
        return found[0], "text"
    return dt.date(year, 1, 1), "metadata"
