"""Edition dates and page numbers written into file names, or into a page's header.

E-paper downloads and crawler output name files after the issue: ``20220705-05-03.txt``
(date, page 05, article 3), ``2024-06-14_3版.txt``, ``2024年6月14日第3版.txt``, or keep
the date in a folder (``2024/20240614.json``). A year alone (``2026_甘肃省_….csv``) is not
an edition date, nor is a date no news item has (``19000101``, ``20991231``: an id, a typing
slip; :mod:`analysis.loading.plausible_dates`), which is kept aside for the report. A page
that was copied or exported whole often starts with its header (``甘肃政协报  2024年6月14日
星期五  第3版``), which says the same.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath

from analysis.loading.layout import page_of_mark
from analysis.loading.plausible_dates import is_plausible

_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_.](?P<m>\d{1,2})[-_.](?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
)
_PAGE_AFTER_DATE = re.compile(r"^[-_](?P<page>\d{1,3})(?:[-_](?P<seq>\d{1,3}))?(?!\d)")
_PAGE_MARK = re.compile(r"第?(?P<page>\d{1,3})版|[_-](?:A|B|C|D)?(?P<page2>\d{1,2})(?:版|page)")


@dataclass(frozen=True)
class FileNameInfo:
    """What a file name says about its content.

    Attributes:
        edition_date: the issue date, or None.
        page: the page number as a string without leading zeros (``"5"``), or None.
        sequence: the article's number on the page, or None.
        passed_over: a date the name holds that no news item can have, not taken as the
            edition date (the report names it); None otherwise.
    """

    edition_date: dt.date | None = None
    page: str | None = None
    sequence: str | None = None
    passed_over: dt.date | None = None

    def filled_from(self, other: FileNameInfo) -> FileNameInfo:
        """The same information, with what it lacks taken from ``other`` (a page's header)."""
        return FileNameInfo(self.edition_date or other.edition_date, self.page or other.page, self.sequence,
                            self.passed_over)


def parse_file_name(path: str | PurePath) -> FileNameInfo:
    """Read the edition date and page from a file name, falling back to its folders.

    Args:
        path: the file's path (only the name and parent folder names are read).

    Returns:
        What the name says; fields are None where it says nothing.
    """
    pure = PurePath(path)
    passed_over = None
    for name in (pure.name, *(parent.name for parent in list(pure.parents)[:2])):
        info = _parse_name(name)
        if info.edition_date is not None:
            return info
        passed_over = passed_over or info.passed_over
    return FileNameInfo(passed_over=passed_over)


def _parse_name(name: str) -> FileNameInfo:
    """Parse one path component."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    passed_over = None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(stem)
        date = date_of_match(match)
        if match is None or date is None:
            continue
        if not is_plausible(date):
            passed_over = passed_over or date
            continue
        rest = stem[match.end():]
        after = _PAGE_AFTER_DATE.match(rest)
        if after:
            return FileNameInfo(date, str(int(after["page"])),
                                str(int(after["seq"])) if after["seq"] else None)
        mark = _PAGE_MARK.search(rest)
        if mark:
            return FileNameInfo(date, str(int(mark["page"] or mark["page2"])))
        return FileNameInfo(date)
    return FileNameInfo(passed_over=passed_over)


def parse_page_header(lines: list[str]) -> FileNameInfo:
    """Read the edition date and page from the header lines printed above a page's articles.

    Args:
        lines: the lines before the first headline (masthead, date, page, section).

    Returns:
        The date of the first line that holds a whole date a news item can have
        (``2024年6月14日``, ``2024-06-14``) and the page of the first that holds a page mark (``第3版``,
        ``A3版``); None where the header says nothing.
    """
    date = page = None
    for line in lines:
        for pattern in _DATE_PATTERNS[1:]:  # not bare digits (20240614): in a header, a phone or an id
            date = date or _date_in(pattern, line)
        page = page or page_of_mark(line)
    return FileNameInfo(date, page) if date or page else FileNameInfo()


def _date_in(pattern: re.Pattern[str], text: str) -> dt.date | None:
    date = date_of_match(pattern.search(text))
    return date if date is not None and is_plausible(date) else None


def date_of_match(match: re.Match[str] | None) -> dt.date | None:
    """The date a match's ``y``, ``m`` and ``d`` groups spell, or None (no match, 2月30日)."""
    if match is None:
        return None
    try:
        return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
