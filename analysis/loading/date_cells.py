"""A record's date cell: what it holds as a date, and how it was written, for the report.

Date columns hold dates in every form exports use: ``2024-06-14 19:24:07``, ``2024/6/14``,
``2024年6月14日``, a spreadsheet's date, a Unix time, an Excel serial day, ``20240614``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from analysis.loading.columns import ColumnMap
from analysis.loading.filenames import date_of_match
from analysis.loading.raw import DateCell, as_text

_DATE_VALUE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")


def parse_metadata_date(value: object) -> dt.date | None:
    """Read a date cell (``2024-06-14 19:24:07``, ``2024/6/14``, ``2024年6月14日``, a datetime).

    Numbers are read as what exports hold in date columns: a Unix time in seconds
    (``1718361847``, 10 digits) or milliseconds (13 digits), as web APIs give it, dated
    in China's time zone; or, for a number cell, an Excel serial day (``45457``, a date
    cell saved without its date format); ``20240614`` is a date written as digits.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = as_text(value)
    if text is None:
        return None
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if numeric or (text.isdigit() and len(text) in (10, 13)):
        from_number = _date_of_number(float(value) if numeric else int(text), serial=numeric)
        if from_number is not None:
            return from_number
    return date_of_match(_DATE_VALUE.search(text) or re.fullmatch(
        r"(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})", text))


_CHINA_TIME = dt.timezone(dt.timedelta(hours=8))
_UNIX_SECONDS = (946_684_800, 4_102_444_800)
"""2000-01-01 to 2100-01-01 as Unix seconds: the range read as a Unix time."""
_EXCEL_DAYS = (32_874, 73_051)
"""1990-01-01 to 2100-01-01 as Excel serial days."""


def _date_of_number(number: float, *, serial: bool) -> dt.date | None:
    """The date a number in a date column stands for, or None (see :func:`parse_metadata_date`)."""
    low, high = _UNIX_SECONDS
    for scale in (1, 1000):
        if low * scale <= number < high * scale:
            return dt.datetime.fromtimestamp(number / scale, tz=_CHINA_TIME).date()
    if serial and _EXCEL_DAYS[0] <= number < _EXCEL_DAYS[1]:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(number))
    return None


def record_date(
    record: dict[str, object], colmap: ColumnMap, formulas: Mapping[str, str]
) -> tuple[dt.date | None, DateCell | None]:
    """The record's date from its date column, and the cell as written for the report.

    The value is cut to 40 characters: a long one is a text column mapped as the date. A
    cell holding a formula that was never calculated is named by its formula.
    """
    column = colmap.get("date")
    if not column:
        return None, None
    if column in formulas:
        return None, DateCell(column, formulas[column], formula=True)
    value = as_text(record.get(column))
    if not value:
        return None, None
    shown = value if len(value) <= 40 else value[:40] + "…"
    return parse_metadata_date(record.get(column)), DateCell(column, shown)
