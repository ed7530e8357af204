"""Text files that are almost right: a few NUL bytes, Windows punctuation inside GBK text.

Two faults of real files would otherwise lose them whole or, worse, garble them silently:

* A few NUL bytes in the middle of text (a save interrupted, a tool padding a record):
  a file that is mostly text is read without them, and the report names their lines;
  a file with many is binary, as before.
* Quotes and dashes written in Windows-1252 (``“`` as byte 0x93, ``”`` as 0x94, as Word
  on a Western Windows pastes them) inside a GBK file: GBK takes 0x93 for the first byte
  of a rare character and swallows the next byte with it, so ``“要优化营商环境”`` reads as
  ``撘呕袒肪硵``. The reading that takes those bytes for the marks is kept when it reads
  as better Chinese than the plain one, with a warning naming the lines.
"""

from __future__ import annotations

import re

from analysis.report import Problem

MAX_NUL_SHARE = 0.01
"""NUL bytes up to this share of a file's bytes (or :data:`MAX_NUL_BYTES`) are removed; more
make it a binary file, as do NUL bytes whose removal leaves no text that can be read."""
MAX_NUL_BYTES = 8
WINDOWS_PUNCTUATION = {0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—"}
"""The Windows-1252 bytes for punctuation that Chinese text uses, and the mark each stands for."""
_WINDOWS_BYTE = re.compile(rb"[\x85\x91-\x94\x96\x97]")
_GB_TOKEN = re.compile(
    rb"[\x00-\x7f]+|(?:[\xa1-\xf7][\xa1-\xfe])+|[\x81-\xfe][\x30-\x39][\x81-\xfe][\x30-\x39]"
    rb"|(?P<mark>[\x85\x91-\x94\x96\x97])|[\x81-\xfe][\x40-\x7e\x80-\xfe]"
)
"""GB18030's pieces, a Windows mark preferred to a rare two-byte character it could start."""
LINES_SHOWN = 10


def without_nul_bytes(data: bytes) -> tuple[bytes, Problem] | None:
    """``data`` without its NUL bytes and a warning naming their lines, when they are few.

    Returns:
        None when there are none, or too many (:data:`MAX_NUL_SHARE`).
    """
    count = data.count(b"\x00")
    if not count or count > max(MAX_NUL_BYTES, len(data) * MAX_NUL_SHARE):
        return None
    positions = [match.start() for match in re.finditer(rb"\x00+", data)]
    return data.replace(b"\x00", b""), Problem.of("nul_bytes_removed", count=count,
                                                 lines=_lines_of(data, positions))


def gbk_with_windows_punctuation(data: bytes) -> tuple[str, Problem] | None:
    """GBK text read with its Windows-1252 quotes and dashes as those marks, and a warning.

    Returns:
        None when ``data`` holds no such byte, or does not read as GB18030 even so.
    """
    if not _WINDOWS_BYTE.search(data):
        return None
    marks, at = [], 0
    for match in _GB_TOKEN.finditer(data):
        if match.start() != at:
            return None
        at = match.end()
        if match["mark"] is not None:
            marks.append(match.start())
    if at != len(data) or not marks:
        return None
    parts, start = [], 0
    try:
        for position in marks:
            parts += [data[start:position].decode("gb18030"), WINDOWS_PUNCTUATION[data[position]]]
            start = position + 1
        parts.append(data[start:].decode("gb18030"))
    except UnicodeDecodeError:
        return None
    return "".join(parts), Problem.of("windows_punctuation", count=len(marks), lines=_lines_of(data, marks))


def _lines_of(data: bytes, positions: list[int]) -> str:
    """The lines the byte ``positions`` fall on, the first :data:`LINES_SHOWN` of them, as text."""
    lines, line, previous = [], 1, 0
    for position in sorted(positions):
        line += data.count(b"\n", previous, position)
        previous = position
        if not lines or lines[-1] != line:
            lines.append(line)
    return ", ".join(map(str, lines[:LINES_SHOWN])) + (" …" if len(lines) > LINES_SHOWN else "")
