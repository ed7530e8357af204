"""Which dates a news item can plausibly carry: from the People's Republic's founding to tomorrow.

An edition date typed on the command line (``--edition-date 1850-01-01``), a date column's
placeholder (Excel's ``1900-01-01``) or a number in a file name that only looks like a date
(``20991231.txt``) would put an article decades away from the rest, where every chart over
time would stretch to reach it. One range decides them all: the command line refuses a date
outside it, a date column's is kept with a warning naming the cell, and a file name's is not
taken as the edition date (the report says so).
"""

from __future__ import annotations

import datetime as dt

EARLIEST_DATE = dt.date(1949, 10, 1)
"""The earliest plausible date: before it, a date is a placeholder or a typing slip."""


def latest_date(today: dt.date | None = None) -> dt.date:
    """The latest plausible date: tomorrow (an edition dated ahead, or China's clock ahead of UTC)."""
    return (today or dt.date.today()) + dt.timedelta(days=1)


def is_plausible(date: dt.date) -> bool:
    """Whether ``date`` can be when a news item appeared: from :data:`EARLIEST_DATE` to tomorrow."""
    return EARLIEST_DATE <= date <= latest_date()
