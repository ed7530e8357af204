"""Decode text files without ever mis-decoding them silently.

Chinese text arrives in UTF-8 (with or without a BOM), UTF-16 (Windows "Unicode" exports),
GB18030/GBK (older Windows tools, many e-paper exports) and now and then Big5 (traditional
characters, Hong Kong and Taiwan tools). The order of trials matters: UTF-8 is strict
enough that a successful decode is trustworthy; GB18030 and Big5 accept many byte
sequences, so their result is only accepted when it reads as Chinese text (ordinary
characters, common ones, forming words: :func:`~analysis.loading.chinese_reading.reads_as`).
Anything else is refused with a message that says what to do, never guessed. Two faults of
files that are almost right are read through (:mod:`analysis.loading.encoding_repairs`): a
few NUL bytes, and Windows-1252 quotes and dashes inside GBK text.
"""

from __future__ import annotations

import codecs

from analysis.loading.chinese_reading import (
    MIN_READABLE_SHARE,
    outside_ascii,
    readable_share,
)
from analysis.loading.decoded import Decoded, DecodingError
from analysis.loading.encoding_repairs import (
    gbk_with_windows_punctuation,
    windows_encoding,
    windows_or_plain,
    without_nul_bytes,
)
from analysis.loading.file_signatures import known_binary
from analysis.loading.gb_or_big5 import big5_alone, gb_or_big5_of_reading, gbk_reading, read_gb_or_big5
from analysis.loading.utf8_lookalike import excerpt, judge_utf8
from analysis.report import Problem

__all__ = ["Decoded", "DecodingError", "decode_bytes"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """Decode UTF-16 text that has no byte-order mark, if that is what ``data`` is.

    Only tried when the data holds NUL bytes; accepted when one byte order gives
    ordinary Chinese/ASCII text.
    """
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if readable_share(text) >= MIN_READABLE_SHARE:
            return Decoded(text, encoding)
    return None


def decode_bytes(data: bytes, *, utf8_when_ambiguous: bool = False) -> Decoded:
    """Decode a text file's bytes.

    Args:
        data: the whole file.
        utf8_when_ambiguous: read bytes that are plausible as UTF-8 and as GBK alike as UTF-8,
            with a warning, rather than refuse them: for JSON, which is written in UTF-8.

    Returns:
        The text, without any BOM, and the encoding used.

    Raises:
        DecodingError: for empty data (or only blank space, with or without a BOM), binary data, or
            bytes that are not UTF-8, UTF-16/32 or GB18030 text; the message says what was
            found and what to do.
    """
    _refuse_non_text(data)
    with_bom = _decode_with_bom(data)
    if with_bom is not None:
        return with_bom
    if b"\x00" in data:
        decoded = _utf16_without_bom(data) if b"\x00" in data[:65536] else None
        return decoded or _without_nul_bytes(data, utf8_when_ambiguous)
    return _decode_8bit(data, utf8_when_ambiguous)


def _refuse_non_text(data: bytes) -> None:
    """Raise :class:`DecodingError` for empty or blank data, or a known binary file (image, Office…)."""
    if not data:
        raise DecodingError("empty_file")
    if not data.strip():
        raise DecodingError("blank_file", n_bytes=len(data))
    family, kind = known_binary(data) or ("", "")
    if family == "image":
        raise DecodingError("image_file", kind=kind)
    if family == "office":
        raise DecodingError("office_binary_file", kind=kind)
    if family == "archive":
        raise DecodingError("archive_file", kind=kind)
    if family == "database":
        raise DecodingError("database_file", kind=kind)


def _decode_with_bom(data: bytes) -> Decoded | None:
    """The text after a byte-order mark in the encoding it names; None without one.

    Raises:
        DecodingError: when the bytes after the mark are not that encoding, or are blank.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodingError("bom_mismatch", encoding=encoding, offset=exc.start) from exc
            if not text.strip():
                raise DecodingError("empty_after_bom", encoding=encoding)
            return Decoded(text, f"{encoding} (BOM)")
    return None


def _decode_8bit(data: bytes, utf8_when_ambiguous: bool = False) -> Decoded:
    """UTF-8, else GB18030 or Big5 when it reads as Chinese (:func:`_decode_gb18030`).

    Valid UTF-8 that is GBK's common characters too is judged by
    :func:`~analysis.loading.utf8_lookalike.judge_utf8`: read as GBK when its UTF-8 reading
    is nonsense, refused when nothing tells the two readings apart.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        return _decode_gb18030(data, utf8_error)
    verdict, gbk = judge_utf8(data, text)
    if verdict == "utf-8" or gbk is None:
        return Decoded(text, "utf-8")
    readings = {"utf8": excerpt(text), "gbk": excerpt(gbk)}
    if verdict == "ambiguous" and utf8_when_ambiguous:
        return Decoded(text, "utf-8", Problem.of("utf8_assumed", **readings))
    if verdict == "ambiguous":
        raise DecodingError("utf8_or_gbk", **readings)
    return Decoded(gbk, gbk_reading(gbk) or "gb18030", Problem.of("gbk_not_utf8", **readings))


def _without_nul_bytes(data: bytes, utf8_when_ambiguous: bool) -> Decoded:
    """Text holding a few NUL bytes, read without them (the report names their lines), else binary."""
    repaired = without_nul_bytes(data)
    if repaired is None:
        raise DecodingError("binary_file")
    try:
        decoded = _decode_8bit(repaired[0], utf8_when_ambiguous)
    except DecodingError as exc:
        if exc.code == "utf8_or_gbk":  # text, only too short to tell its encoding
            raise
        raise DecodingError("binary_file") from exc
    return Decoded(decoded.text, decoded.encoding, decoded.warning, repaired[1])


def _decode_gb18030(data: bytes, utf8_error: UnicodeDecodeError) -> Decoded:
    """Accept a GB18030 decode only when it reads as simplified Chinese, else a Big5 one as traditional.

    Both are judged on the characters outside ASCII, the only ones the choice decides: a
    mostly English table with a few Big5 words would otherwise pass as GB18030 with its
    Chinese turned to nonsense. A Big5 decode (``big5hkscs``) is tried only when GB18030
    fails; its text is then converted to simplified like any traditional text.
    """
    mixed = _decode_mixed_lines(data)
    if mixed is not None:
        return mixed
    windows = gbk_with_windows_punctuation(data)
    windows_named = None if windows is None else windows_encoding(data, windows[0])  # judged once
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        if windows is not None and windows_named is not None:
            return Decoded(windows[0], windows_named, windows[1])
        big5 = big5_alone(data)
        if big5 is not None:
            return big5
        raise DecodingError("not_utf8_or_gb18030", utf8_offset=utf8_error.start,
                            gb_offset=exc.start) from exc
    reading = gbk_reading(text)  # judged once: by the Windows-marks check and by GB18030 against Big5
    choice = windows_or_plain(data, None if windows is None else windows[0], text, reading=reading,
                              windows_named=windows_named)
    if windows is not None and choice == "windows":
        return Decoded(windows[0], windows_named or "gb18030", windows[1])
    if windows is not None and choice == "ambiguous":
        raise DecodingError("gbk_windows_or_traditional", windows=excerpt(windows[0]), gbk=excerpt(text))
    decoded = gb_or_big5_of_reading(data, text, reading) if choice == "plain" else None
    if decoded is not None:
        return decoded
    raise DecodingError("unknown_encoding", utf8_offset=utf8_error.start,
                        share=readable_share(outside_ascii(text)))


def _utf8_line(raw: bytes) -> str | None:
    """A line's UTF-8 reading, or None when it is not UTF-8 or may be GBK (a mixed file's other lines)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if judge_utf8(raw, text)[0] == "utf-8" else None


def _decode_mixed_lines(data: bytes) -> Decoded | None:
    """Decode a file whose lines are partly UTF-8 and partly GB18030 (or Big5), line by line.

    Concatenated exports sometimes mix encodings. Decoding the whole file as GB18030
    would turn its UTF-8 lines into plausible-looking nonsense, so when some non-ASCII
    lines are valid UTF-8 and others are not, each line is decoded on its own: the others
    together as a file of their own would be, in GB18030 or Big5 (:func:`_other_lines`).
    A short GBK line that is valid UTF-8 by chance (:func:`_utf8_line`) counts among the others.

    Returns:
        The decoded text with a warning naming the other encoding's lines, or None when the
        file is not mixed (or its other lines read as neither).
    """
    raws = data.split(b"\n")
    parts = [_utf8_line(raw) for raw in raws]
    other = [position for position, part in enumerate(parts) if part is None]  # the lines not UTF-8
    n_utf8 = sum(part is not None and not raw.isascii() for part, raw in zip(parts, raws, strict=True))
    if not n_utf8 or not other:
        return None
    decoded = _other_lines([raws[position] for position in other])
    if decoded is None:
        return None
    for position, text in zip(other, decoded.text.split("\n"), strict=True):
        parts[position] = text
    numbers = [position + 1 for position in other]
    shown = ", ".join(map(str, numbers[:10])) + (" …" if len(numbers) > 10 else "")
    name = "Big5" if decoded.encoding == "big5" else "GB18030"
    warning = Problem.of("mixed_encodings", n_utf8=n_utf8, n_other=len(other), encoding=name, lines=shown)
    return Decoded("\n".join(parts), f"mixed utf-8/{decoded.encoding}", warning)


def _other_lines(lines: list[bytes]) -> Decoded | None:
    """A mixed file's lines that are not UTF-8, read together as GB18030 or Big5, or None.

    Read as a file of their own would be (:func:`~analysis.loading.gb_or_big5.read_gb_or_big5`,
    which raises when nothing tells). No line break falls inside a character in either
    encoding, so the lines decoded together split back into the lines decoded one by one.
    """
    joined = b"\n".join(lines)
    try:
        text = joined.decode("gb18030")
    except UnicodeDecodeError:
        return big5_alone(joined)
    return read_gb_or_big5(joined, text)
