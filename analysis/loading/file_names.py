"""File and archive member names as the analyst wrote them, and shown so they cannot mislead.

A name copied from a Chinese Windows disk or zip archive can be GBK bytes, a zip can hold
UTF-8 names without saying so, and a name can hold control or right-to-left marks; each is
read again or escaped here so reports and tables show the file's real name.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from analysis.loading.utf8_lookalike import judge_utf8


def path_name(path: Path) -> str:
    """A path as the analyst would write it, even when a file name is not UTF-8.

    A name copied from a Chinese Windows disk or archive can be GBK bytes, which Python
    holds as unprintable stand-ins (surrogates) that no report or table can be written
    with. Each such part is read again as GB18030, else shown with its bytes escaped.
    """
    parts = str(path).split(os.sep)
    readable = (part if _is_utf8(part) else _decode_bytes(os.fsencode(part)) for part in parts)
    return visible_name(os.sep.join(readable))


_UNSEEN = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
"""Control characters, and the marks that are invisible or turn text right to left."""


def visible_name(name: str) -> str:
    r"""A file name with each character that would not show as itself written as an escape.

    A line break, a terminal's colour codes or a right-to-left mark in a name would break
    the lines of a report or show another name than the file's (``report\u202etxt.exe``
    shows as ``reportexe.txt``); each is written as Python writes it (``\n``, ``\x1b``).
    """
    return _UNSEEN.sub(lambda match: match[0].encode("unicode_escape").decode("ascii"), name)


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _decode_bytes(raw: bytes) -> str:
    """A file name's bytes as UTF-8, else GB18030, else UTF-8 with the odd bytes escaped."""
    return decode_name(raw) or raw.decode("utf-8", "backslashreplace")


def decode_name(raw: bytes) -> str | None:
    """A file name's bytes read as UTF-8, else as GB18030, or None when neither reads them.

    A short GBK name can be valid UTF-8 by chance (失业 as ``ʧҵ``); its GBK reading is
    taken when the UTF-8 one is nonsense (:func:`~analysis.loading.utf8_lookalike.judge_utf8`).
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            return None
    verdict, gbk = judge_utf8(raw, text)
    return gbk if verdict == "gbk" and gbk is not None else text


UTF8_NAME_FLAG = 0x800
"""The zip flag bit saying a member's name is UTF-8 (otherwise the format says CP437)."""


def member_name(info: zipfile.ZipInfo) -> str:
    """A zip member's name as its author wrote it.

    Zip tools on Linux write UTF-8 names and those of Chinese Windows write GBK, both
    often without the UTF-8 flag, so Python reads them as CP437 (``2026_τöÿΦéâτ£ü``) and the
    date and place a file name gives are lost. Such a name is read again as UTF-8, then
    as GB18030; a name neither reads as stays as Python read it.
    """
    if info.flag_bits & UTF8_NAME_FLAG:
        return visible_name(info.filename)
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return visible_name(info.filename)
    return visible_name(decode_name(raw) or info.filename)
