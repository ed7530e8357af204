"""How running text joins things in each language: colons, list separators, date spans.

Chinese takes full-width marks with no space (``占比：``, ``甲、乙``) where English takes a
space after ASCII ones (``Share: ``, ``a, b``); a span of one day is said as that day.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # labels imports this module: the type only, to avoid an import cycle
    from analysis.charts.labels import Lang


def colon(lang: Lang = "zh") -> str:
    """What follows the name of a value: Chinese takes the full-width colon, with no space."""
    return "：" if lang == "zh" else ": "


def list_separator(lang: Lang = "zh") -> str:
    """What stands between the items of a list in running text: Chinese takes 、, English a comma."""
    return "、" if lang == "zh" else ", "


def date_span(first: dt.date | None, last: dt.date | None, lang: Lang = "zh", *, year: bool = True) -> str:
    """Two days as a span, the one way the program says a date range, in either language.

    ``2024-06-01 至 2024-06-14`` / ``2024-06-01 to 2024-06-14``. A span of one day is that
    day (``2024-06-14 当天``, ``2024-06-14 only``): "2024-06-14 至 2024-06-14" reads like a
    typing slip. An open end (None) is ``…``. Chart titles, hover text, the filter summary
    and the overview's key figures all say spans through here, so they cannot drift apart.

    Args:
        first: the first day (a date or timestamp), or None when the span has no start.
        last: the last day, or None when it has no end.
        lang: language of the joining words.
        year: False names days without their year (``1月1日至6月26日``, ``Jan 1 to Jun 26``),
            for a span inside a period whose name already gives the year. Chinese puts a
            space between the words and an ISO date's digits only, as it is usually set.
    """
    start, end = (_day(day, lang, year=year) for day in (first, last))
    gap = " " if year else ""
    if first is not None and last is not None and _date_of(first) == _date_of(last):  # days, not their names
        return f"{start}{gap}当天" if lang == "zh" else f"{start} only"
    return f"{start}{gap}至{gap}{end}" if lang == "zh" else f"{start} to {end}"


def _date_of(day: dt.date) -> dt.date:
    """The calendar day of a date, datetime or timestamp."""
    return day.date() if isinstance(day, dt.datetime) else day


def _day(day: dt.date | None, lang: Lang, *, year: bool) -> str:
    """One end of a span: ``2024-06-14``, or without the year ``6月14日`` / ``Jun 14``; None is ``…``."""
    if day is None:
        return "…"
    if year:
        return f"{day:%Y-%m-%d}"
    return f"{day.month}月{day.day}日" if lang == "zh" else f"{day:%b} {day.day}"
