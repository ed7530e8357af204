"""Files that are not text, known by their first bytes: images, old Office files, archives, databases.

People drop such files in with their text by mistake; naming what each is lets the message
say what to do with it instead of only that it is not text.
"""

from __future__ import annotations

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
