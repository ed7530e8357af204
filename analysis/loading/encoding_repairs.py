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
from typing import Literal

from analysis.loading.chinese_reading import rare_ideographs, reads_better
from analysis.loading.decoded import TRADITIONAL_GBK
from analysis.loading.gb_or_big5 import gbk_reading
from analysis.loading.traditional import to_simplified, traditional_only_characters
from analysis.report import Problem

MAX_NUL_SHARE = 0.01
"""NUL bytes up to this share of a file's bytes (or :data:`MAX_NUL_BYTES`) are removed; more
make it a binary file, as do NUL bytes whose removal leaves no text that can be read."""
MAX_NUL_BYTES = 8
WINDOWS_PUNCTUATION = {0x85: "…", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—"}
"""The Windows-1252 bytes for punctuation that Chinese text uses, and the mark each stands for."""
_WINDOWS_BYTES = frozenset(WINDOWS_PUNCTUATION)
_LONE_ASCII = re.compile(r"(?<=[^\x00-\x7f\u2010-\u206f\u3000-\u303f\uff00-\uffef])[@-~]"
                         r"(?=[^\x00-\x7f\u2010-\u206f\u3000-\u303f\uff00-\uffef])")
"""An ASCII sign standing alone between characters other than punctuation, of those a GBK
character's second byte may be."""
OUT_OF_STEP_CHARS = 3
"""Characters after a Windows mark byte read as the start of a character within which the
reading, put out of step, meets a second byte it reads as an ASCII sign (撫t, 搶徸h)."""
WindowsChoice = Literal["windows", "plain", "ambiguous", "neither"]
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
    marks = _mark_positions(data)
    if not marks:
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


def _mark_positions(data: bytes) -> list[int]:
    """Where ``data`` read as GB18030 with Windows marks (:data:`_GB_TOKEN`) holds them; [] when nowhere."""
    if not _WINDOWS_BYTE.search(data):
        return []
    marks, at = [], 0
    for match in _GB_TOKEN.finditer(data):
        if match.start() != at:
            return []
        at = match.end()
        if match["mark"] is not None:
            marks.append(match.start())
    return marks if at == len(data) else []


def windows_or_plain(
    data: bytes, windows: str | None, text: str, *, reading: str | None, windows_named: str | None
) -> WindowsChoice:
    """Which reading of GBK bytes holding Windows-1252 mark bytes is the text.

    Args:
        data: the bytes.
        windows: the reading that takes those bytes for marks (:func:`gbk_with_windows_punctuation`),
            None when there is none.
        text: the plain GB18030 reading.
        reading: what ``text`` reads as (:func:`~analysis.loading.gb_or_big5.gbk_reading`),
            judged once by the caller, which needs it again for a plain reading.
        windows_named: what ``windows`` reads as (:func:`windows_encoding`), None when it is
            no reading or there is none; judged once by the caller, which names a Windows
            reading by it.

    Returns:
        ``windows`` when the plain reading does not read as Chinese, or reads worse
        (:func:`~analysis.loading.chinese_reading.reads_better`), and the other reads
        (:func:`windows_encoding`); ``plain`` to go on with the plain reading
        (:func:`~analysis.loading.gb_or_big5.read_gb_or_big5`); ``ambiguous`` when nothing
        tells; ``neither`` when the plain reading is traditional text put out of step by
        those bytes and there is no other. Traditional characters in GBK often hold those
        bytes (區 is ``85 5E``, 撥 ``93 A5``): a plain reading in traditional characters is
        the text when it accounts for them (:func:`_traditional_accounts_for_marks`) and,
        if the other reads too, another of its characters is traditional or one of those
        forms a word (凌厲); else the one that reads better. Against such a
        reading the other is none where a mark byte and an ASCII sign after it make a
        traditional character (區, ``85 5E``, is no ``…^``).
    """
    if not _WINDOWS_BYTE.search(data):
        return "plain"
    windows_reads = windows is not None and windows_named is not None
    if reading != TRADITIONAL_GBK:
        return "windows" if windows_reads and (reading is None or reads_better(windows, text)) else "plain"
    windows_reads = windows_reads and all(after >= 0x80 for after in _traditional_after_marks(data))
    encoded = {at: char.encode("gb18030") for at, char in enumerate(text) if not char.isascii()}
    marked = [at for at, raw in encoded.items() if _WINDOWS_BYTES.intersection(raw)]
    led = [at for at in marked if encoded[at][0] in _WINDOWS_BYTES]
    if not _traditional_accounts_for_marks(text, windows, led):
        return "windows" if windows_reads else "neither" if windows is None else "ambiguous"
    independent = (traditional_only_characters() - {text[at] for at in marked}).intersection(text)
    if windows_reads and not independent and not any(_in_a_word(text, at) for at in led):
        return _better_of(windows, to_simplified(text))
    return "plain"


def _better_of(windows: str, simplified: str) -> WindowsChoice:
    """The reading that reads better (:func:`~analysis.loading.chinese_reading.reads_better`), if one does."""
    if reads_better(windows, simplified):
        return "windows"
    return "plain" if reads_better(simplified, windows) else "ambiguous"


def _traditional_accounts_for_marks(text: str, windows: str | None, led: list[int]) -> bool:
    """Whether ``text``, a plain reading in traditional characters, reads the Windows mark bytes as meant.

    Its characters whose first byte is such a byte (at the positions ``led``) are
    traditional ones (社區, not 社…^), those made of two such bytes form a word with a
    neighbour (憲法, 嚴厲; not 審議棗, which is 審議——), none of the next
    :data:`OUT_OF_STEP_CHARS` characters is a lone ASCII sign (:data:`_LONE_ASCII`), and it
    has no more rare characters (once converted to simplified) than ``windows``: a mark read
    as the start of a character puts the rest out of step (``“醫`` as 撫t, ``”這`` as 斶@,
    ``“審議`` as 搶徸h). A mark byte as a second byte starts nothing: 視 is ``D2 95``.
    """
    chars = {text[at] for at in led}
    if any(char not in traditional_only_characters() and to_simplified(char) == char for char in chars):
        return False
    doubled = [at for at in led if set(text[at].encode("gb18030")) <= _WINDOWS_BYTES]
    if not all(_in_a_word(text, at) for at in doubled):
        return False
    lone = {match.start() for match in _LONE_ASCII.finditer(text)}
    if any(after in lone for at in led for after in range(at + 1, at + 1 + OUT_OF_STEP_CHARS)):
        return False
    return windows is None or rare_ideographs(to_simplified(text)) <= rare_ideographs(to_simplified(windows))


def _in_a_word(text: str, at: int) -> bool:
    """Whether ``text[at]`` is in a word of jieba's dictionary (names included) of up to four characters.

    Judged converted to simplified, as the dictionary is written: 憲法 as 宪法, 再接再厲, 棗莊.
    """
    from analysis.common_words import frequent_word_set

    start = max(at - 3, 0)
    window, here = to_simplified(text[start:at + 4]), at - start
    return any(window[begin:begin + size] in frequent_word_set()
               for size in range(2, 5) for begin in range(here - size + 1, here + 1) if begin >= 0)


def windows_encoding(data: bytes, windows: str) -> str | None:
    """The encoding to name ``windows``, ``data`` read with Windows marks, by; None if it is no reading.

    As :func:`~analysis.loading.gb_or_big5.gbk_reading` names it; but a reading holding
    traditional characters is none where a mark byte and the next make a traditional
    character in GBK: it may have broken that character in two.
    """
    if traditional_only_characters().intersection(windows) and _traditional_after_marks(data):
        return None
    return gbk_reading(windows)


def _traditional_after_marks(data: bytes) -> list[int]:
    """The bytes after the Windows mark bytes of ``data`` that make a traditional character with them."""
    found = []
    for position in _mark_positions(data):
        try:
            char = data[position:position + 2].decode("gbk")
        except UnicodeDecodeError:
            continue
        if char in traditional_only_characters():
            found.append(data[position + 1])
    return found


def _lines_of(data: bytes, positions: list[int]) -> str:
    """The lines the byte ``positions`` fall on, the first :data:`LINES_SHOWN` of them, as text."""
    lines, line, previous = [], 1, 0
    for position in sorted(positions):
        line += data.count(b"\n", previous, position)
        previous = position
        if not lines or lines[-1] != line:
            lines.append(line)
    return ", ".join(map(str, lines[:LINES_SHOWN])) + (" …" if len(lines) > LINES_SHOWN else "")
