"""How charts read and name periods: a period's first day, its name, and "not split".

The analysis tables label periods as :mod:`analysis.periods` writes them (``2024Q2``,
``2024-06``…) or as timestamps, and use ``全部`` (or NA) for counts not split by time.
Charts turn those into the first day of each period for a time axis (:func:`period_start`),
a readable name for hover text (:func:`period_label`), and the axis tick format
(:data:`AXIS_DATE_FORMAT`). The words of the charts are in :mod:`analysis.charts.labels`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from analysis.charts.labels import Lang


def period_label(start: object, period: str, lang: Lang = "zh") -> str:
    """Return a readable name for the period starting at ``start``.

    A string (a label from :mod:`analysis.periods` such as ``2024Q2``) is returned as is.

    ``2024-01-01`` is "2024年1月" (month), "2024年第1季度" (quarter), "2024年第1周" (ISO
    week), "2024年" (year) or "2024-01-01" (day); English uses "Jan 2024", "2024 Q1",
    "2024-W01", "2024" and "2024-01-01".
    """
    if isinstance(start, str):
        return start
    stamp = pd.Timestamp(start)
    if pd.isna(stamp):
        return ""
    quarter = (stamp.month - 1) // 3 + 1
    iso = stamp.isocalendar()
    zh = {
        "day": stamp.strftime("%Y-%m-%d"),
        "week": f"{iso.year}年第{iso.week}周",
        "month": f"{stamp.year}年{stamp.month}月",
        "quarter": f"{stamp.year}年第{quarter}季度",
        "year": f"{stamp.year}年",
    }
    en = {
        "day": stamp.strftime("%Y-%m-%d"),
        "week": f"{iso.year}-W{iso.week:02d}",
        "month": stamp.strftime("%b %Y"),
        "quarter": f"{stamp.year} Q{quarter}",
        "year": str(stamp.year),
    }
    return (zh if lang == "zh" else en)[period]


AXIS_DATE_FORMAT = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "quarter": "%YQ%q", "year": "%Y"}
"""Tick format of time axes per period (numeric, so no English month names in zh); quarters
read ``2024Q2`` as in the tables (d3's ``%q``), in either language."""

WHOLE_PERIOD = "全部"
"""Period (and group) label the analysis tables use for "not split"."""

_PERIOD_PATTERNS = (
    (re.compile(r"^(\d{4})$"), lambda m: date(int(m[1]), 1, 1)),
    (re.compile(r"^(\d{4})Q([1-4])$"), lambda m: date(int(m[1]), 3 * int(m[2]) - 2, 1)),
    (re.compile(r"^(\d{4})-(\d{2})$"), lambda m: date(int(m[1]), int(m[2]), 1)),
    (re.compile(r"^(\d{4})-W(\d{2})$"), lambda m: date.fromisocalendar(int(m[1]), int(m[2]), 1)),
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), lambda m: date(int(m[1]), int(m[2]), int(m[3]))),
)


def period_start(values: pd.Series) -> pd.Series:
    """Return the first day of each period, for a time axis.

    Accepts timestamps (returned as they are) or the labels of :mod:`analysis.periods`
    (``2024``, ``2024Q2``, ``2024-06``, ``2024-W24``, ``2024-06-03``); anything else,
    including "全部", becomes NaT.
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        return values

    def parse(value: object) -> pd.Timestamp:
        if isinstance(value, (pd.Timestamp, date)):
            return pd.Timestamp(value)
        for pattern, build in _PERIOD_PATTERNS:
            match = pattern.match(str(value)) if isinstance(value, str) else None
            if match:
                return pd.Timestamp(build(match))
        return pd.NaT

    return pd.Series([parse(v) for v in values], index=values.index, dtype="datetime64[us]")


def is_whole_period(values: pd.Series) -> pd.Series:
    """Return True where a ``period`` value means "not split by time" (NA or "全部")."""
    return values.isna() | (values.astype("string") == WHOLE_PERIOD).fillna(False)
