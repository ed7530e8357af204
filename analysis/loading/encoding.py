"""Decode text files without ever mis-decoding them silently.

Chinese text arrives in UTF-8 (with or without a BOM), UTF-16 (Windows "Unicode" exports),
GB18030/GBK (older Windows tools, many e-paper exports) and now and then Big5 (traditional
characters, Hong Kong and Taiwan tools). The order of trials matters: UTF-8 is strict
enough that a successful decode is trustworthy; GB18030 and Big5 accept many byte
sequences, so their result is only accepted when it reads as Chinese text (ordinary
characters, common ones, forming words: :func:`_reads_as`). Anything else is refused with
a message that says what to do, never guessed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from analysis.loading.encoding_repairs import gbk_with_windows_punctuation, without_nul_bytes
from analysis.messages import CodedError
from analysis.report import Problem

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_READABLE = re.compile(
    r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u206f\x20-\x7e\s"
    r"\u00b0-\u00b7\u00d7\u00e0-\u00fc\u0391-\u03c9\u2100-\u21ff\u2200-\u22ff"
    r"\u2460-\u24ff\u2500-\u25ff\u2600-\u26ff\u3400-\u4dbf\ufe30-\ufe6f\u02c7-\u02c9]"
)
MIN_READABLE_SHARE = 0.97
"""Share of characters that must be ordinary Chinese/ASCII text for a GB18030 or Big5 decode;
for those two it is measured on the characters outside ASCII, the ones the decoding decided."""
MIN_WORD_PAIR_SHARE = 0.15
"""Share of neighbouring Chinese characters that must form a common word of jieba's
dictionary for a GB18030 or Big5 reading (judged once there are :data:`MIN_PAIRS_JUDGED`
pairs). Real news text has 0.44-0.51 (the seed page, 政协 pages); Korean EUC-KR read as
GB18030, whose bytes are GB2312's, gives real characters in no order: 0.0."""
MIN_PAIRS_JUDGED = 20
MIN_GB2312_SHARE = 0.8
"""Share of the Chinese characters of a GB18030 decode that must be common simplified ones
(in GB2312). Simplified news text is almost all GB2312; Big5 bytes read as GB18030 give
rare ideographs for about half their characters (those with a trail byte below 0x7F)."""


FILE_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image", "PNG"),
    (b"\xff\xd8\xff", "image", "JPEG"),
    (b"GIF87a", "image", "GIF"),
    (b"GIF89a", "image", "GIF"),
    (b"II*\x00", "image", "TIFF"),
    (b"MM\x00*", "image", "TIFF"),
    (b"BM", "image", "BMP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "office", "Word .doc / Excel .xls / PowerPoint .ppt"),
    (b"{\\rtf", "office", "RTF"),
    (b"Rar!\x1a\x07", "archive", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "archive", "7z"),
    (b"\x1f\x8b", "archive", "gzip"),
    (b"SQLite format 3\x00", "database", "SQLite"),
)
"""Leading bytes of files people drop in by mistake: ``(signature, family, kind)``."""


def known_binary(data: bytes) -> tuple[str, str] | None:
    """``(family, kind)`` for an image, old Office file, archive or database, else None.

    Named so the message can say what the file is and what to do (OCR an image, save a
    .doc as .docx or text, unpack an archive, open a store with ``--store``), not just that
    it is not text. RTF is text but all markup; BMP's two letters are trusted only with its
    header's size field; a DuckDB file (a govthemes store's ``store.duckdb``, met when a
    store is kept inside the folder ingested) says ``DUCK`` after an 8-byte checksum.
    """
    for signature, code, kind in FILE_SIGNATURES:
        if data.startswith(signature):
            if kind == "BMP" and (len(data) < 14 or int.from_bytes(data[2:6], "little") != len(data)):
                continue
            return code, kind
    if data[8:12] == b"DUCK":
        return "database", "DuckDB"
    webp = data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    return ("image", "WebP") if webp else None


class DecodingError(CodedError, ValueError):
    """The bytes are not text in any encoding we can trust (``code`` says why)."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read in, and any warning about the decoding."""

    text: str
    encoding: str
    warning: Problem | None = None
    repaired: Problem | None = None
    """What was taken out to read the bytes (a few NUL bytes), for the report."""


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


def readable_share(text: str) -> float:
    """Share of characters in ``text`` that are ordinary Chinese, ASCII or punctuation."""
    if not text:
        return 1.0
    sample = text[:20000]
    return len(_READABLE.findall(sample)) / len(sample)


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes.

    Args:
        data: the whole file.

    Returns:
        The text, without any BOM, and the encoding used.

    Raises:
        DecodingError: for empty data (or only blank space, with or without a BOM), binary data, or
            bytes that are not UTF-8, UTF-16/32 or GB18030 text; the message says what was
            found and what to do.
    """
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
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodingError("bom_mismatch", encoding=encoding, offset=exc.start) from exc
            if not text.strip():
                raise DecodingError("empty_after_bom", encoding=encoding)
            return Decoded(text, f"{encoding} (BOM)")
    if b"\x00" in data:
        decoded = _utf16_without_bom(data) if b"\x00" in data[:65536] else None
        return decoded or _without_nul_bytes(data)
    return _decode_8bit(data)


def _decode_8bit(data: bytes) -> Decoded:
    """UTF-8, else GB18030 or Big5 when it reads as Chinese (:func:`_decode_gb18030`)."""
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        return _decode_gb18030(data, utf8_error)


def _without_nul_bytes(data: bytes) -> Decoded:
    """Text holding a few NUL bytes, read without them (the report names their lines), else binary."""
    repaired = without_nul_bytes(data)
    if repaired is None:
        raise DecodingError("binary_file")
    try:
        decoded = _decode_8bit(repaired[0])
    except DecodingError as exc:
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
    if windows is not None and not _reads_as("gb18030", windows[0]):
        windows = None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        if windows is not None:
            return Decoded(windows[0], "gb18030", windows[1])
        big5 = _decode_big5(data)
        if big5 is not None:
            return big5
        raise DecodingError("not_utf8_or_gb18030", utf8_offset=utf8_error.start,
                            gb_offset=exc.start) from exc
    if windows is not None and (not _reads_as("gb18030", text)
                                or word_pair_share(windows[0])[0] > word_pair_share(text)[0]):
        return Decoded(windows[0], "gb18030", windows[1])
    if _reads_as("gb18030", text):
        return Decoded(text, "gb18030")
    big5 = _decode_big5(data)
    if big5 is not None:
        return big5
    raise DecodingError("unknown_encoding", utf8_offset=utf8_error.start,
                        share=readable_share(_outside_ascii(text)))


def _decode_big5(data: bytes) -> Decoded | None:
    """The Big5 (HKSCS) reading of ``data`` when it is strictly valid and reads as Chinese text."""
    try:
        text = data.decode("big5hkscs")
    except UnicodeDecodeError:
        return None
    if not _reads_as("big5hkscs", text):
        return None
    return Decoded(text, "big5", Problem.of("big5_decoded"))


def _outside_ascii(text: str) -> str:
    return "".join(ch for ch in text[:200_000] if ord(ch) > 0x7F)


def gb2312_share(text: str) -> float:
    """Share of the CJK ideographs of ``text`` (its first 20,000 of them) that GB2312 holds."""
    ideographs = [ch for ch in text[:200_000] if "\u3400" <= ch <= "\u9fff"][:20_000]
    if not ideographs:
        return 1.0
    common = 0
    for ch in ideographs:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            continue
    return common / len(ideographs)


def _decode_mixed_lines(data: bytes) -> Decoded | None:
    """Decode a file whose lines are partly UTF-8 and partly GB18030 (or Big5), line by line.

    Concatenated exports sometimes mix encodings. Decoding the whole file as GB18030
    would turn its UTF-8 lines into plausible-looking nonsense, so when some non-ASCII
    lines are valid UTF-8 and others are not, each line is decoded on its own: the others
    together as GB18030 when they read as simplified Chinese, else as Big5 when they read
    as Chinese at all (the rule of :func:`_decode_gb18030`).

    Returns:
        The decoded text with a warning naming the other encoding's lines, or None when the
        file is not mixed (or its other lines read as neither).
    """
    raws = data.split(b"\n")
    parts: list[str | None] = []
    utf8_lines: list[int] = []
    other: list[int] = []  # positions in ``raws`` of the lines that are not UTF-8
    for position, raw in enumerate(raws):
        try:
            parts.append(raw.decode("utf-8"))
            if not raw.isascii():
                utf8_lines.append(position + 1)
        except UnicodeDecodeError:
            parts.append(None)
            other.append(position)
    if not utf8_lines or not other:
        return None
    for codec, name in (("gb18030", "GB18030"), ("big5hkscs", "Big5")):
        try:
            texts = [raws[position].decode(codec) for position in other]
        except UnicodeDecodeError:
            continue
        if not _reads_as(codec, "\n".join(texts)):
            continue
        for position, text in zip(other, texts, strict=True):
            parts[position] = text
        numbers = [position + 1 for position in other]
        shown = ", ".join(map(str, numbers[:10])) + (" …" if len(numbers) > 10 else "")
        warning = Problem.of("mixed_encodings", n_utf8=len(utf8_lines), n_other=len(other), encoding=name,
                             lines=shown)
        return Decoded("\n".join(parts), f"mixed utf-8/{codec.removesuffix('hkscs')}", warning)
    return None


def _reads_as(codec: str, text: str) -> bool:
    """Whether ``text``, decoded with ``codec``, reads as Chinese text of that encoding.

    Its characters outside ASCII must be ordinary text; a GB18030 reading's ideographs
    must be mostly common simplified ones (GB2312); and its neighbouring ideographs must
    form words often enough (:func:`word_pair_share`; a Big5 reading is judged after
    conversion to simplified, the form the dictionary holds).
    """
    if readable_share(_outside_ascii(text)) < MIN_READABLE_SHARE:
        return False
    if codec == "gb18030" and gb2312_share(text) < MIN_GB2312_SHARE:
        return False
    sample = text[:50_000]
    if codec != "gb18030":
        from analysis.loading.traditional import to_simplified

        sample = to_simplified(sample)
    share, pairs = word_pair_share(sample)
    return pairs < MIN_PAIRS_JUDGED or share >= MIN_WORD_PAIR_SHARE


_IDEOGRAPH_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def word_pair_share(text: str) -> tuple[float, int]:
    """Share of the pairs of neighbouring ideographs in ``text`` that are common words, and the pairs.

    A word list, not a model: jieba's dictionary words of frequency 100 or more
    (:func:`analysis.common_words.common_word_set`), read once per process.
    """
    from analysis.common_words import common_word_set

    pairs = _IDEOGRAPH_PAIR.findall(text)
    if not pairs:
        return 1.0, 0
    words = common_word_set()
    return sum(pair in words for pair in pairs) / len(pairs), len(pairs)
