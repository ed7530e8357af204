"""What can be told about a zip archive before reading it: Office file or archive, safe members.

An .xlsx or .docx is a zip inside and is read as itself, whatever its name; an encrypted one
is an old-style Office container. A member is refused, unread, when its path escapes its
folder (zip slip), it needs a password, it is too large, or it expands like a zip bomb.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

from analysis.loading.file_names import member_name
from analysis.report import Problem

MAX_ZIP_RATIO = 200
"""Members that expand more than this many times their compressed size are refused, and an
archive's members (with those of the archives inside it) are read until they have expanded
to this many times the archive's size."""
ZIP_BOMB_FLOOR = 10 * 2**20
"""Expanding this much is never refused as a zip bomb, whatever the ratio."""


def size_text(size: int) -> str:
    """A size for messages, never ``0 MB``: ``200 MB``, ``1.5 MB``; below 1 MB ``3.8 KB``, ``512 B``."""
    for unit, scale in (("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} B"


def limit_sizes(size: int, limit: int) -> dict[str, str]:
    """A size over a limit and the limit, as messages write them (in bytes when both round alike)."""
    shown, cap = size_text(size), size_text(limit)
    if shown == cap:  # just over the limit: rounded, both would read "1 MB"
        shown, cap = f"{size:,} B", f"{limit:,} B"
    return {"size": shown, "limit": cap}


ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
"""How a zip archive begins: its first member's header, an empty one's end record, a split one's mark."""


def is_zip(data: bytes) -> bool:
    """Whether ``data`` begins as a zip archive does, whatever its name (``pages.dat``, no extension)."""
    return data.startswith(ZIP_SIGNATURES)


def open_zip(data: bytes) -> zipfile.ZipFile | zipfile.BadZipFile:
    """The archive ``data`` is, opened once for both looks (Office file? members?), or why it is none."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        return exc
    except (OSError, ValueError) as exc:
        return zipfile.BadZipFile(str(exc))


ENCRYPTED_FLAG = 0x1
"""The zip flag bit saying a member is encrypted (needs a password)."""
OFFICE_PARTS = {"xl/workbook.xml": ".xlsx", "word/document.xml": ".docx"}
"""The part of an Office file (itself a zip) that says which kind it is."""


def office_suffix(data: bytes) -> str | None:
    """``.xlsx`` or ``.docx`` for a workbook or Word document, whatever its name, else None.

    Saved under another name (``export.csv``, no extension at all) such a file is still a
    zip inside, and would otherwise be unpacked into its XML parts, each read as an article.
    """
    if not data.startswith(b"PK\x03\x04"):
        return None
    archive = open_zip(data)
    if isinstance(archive, zipfile.BadZipFile):
        return None
    with archive:
        return office_kind(archive)


def office_kind(archive: zipfile.ZipFile) -> str | None:
    """``.xlsx`` or ``.docx`` when the archive holds a workbook's or Word document's main part."""
    names = set(archive.namelist())
    return next((suffix for part, suffix in OFFICE_PARTS.items() if part in names), None)


PACKAGE_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "LibreOffice/OpenDocument text (.odt)",
    "application/vnd.oasis.opendocument.spreadsheet": "LibreOffice/OpenDocument spreadsheet (.ods)",
    "application/vnd.oasis.opendocument.presentation": "LibreOffice/OpenDocument presentation (.odp)",
    "application/epub+zip": "digital book (EPUB)",
}
"""The ``mimetype`` member of the zip packages that are documents, not folders of files."""


def package_kind(archive: zipfile.ZipFile) -> str | None:
    """What a zip package is when it is a document (an .odt, an .ods, an EPUB), else None.

    Such a file is a zip, but its members are XML parts, not the author's files: unpacked,
    it would load its ``mimetype`` line and raw XML as articles. It is named instead, for
    the analyst to save it as .docx, .xlsx or text.
    """
    try:
        info = archive.getinfo("mimetype")
    except KeyError:
        return None
    if info.file_size > 200:
        return None
    try:
        mimetype = archive.read(info).decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, RuntimeError, OSError, NotImplementedError):
        return None
    return PACKAGE_MIMETYPES.get(mimetype) or next(
        (kind for prefix, kind in PACKAGE_MIMETYPES.items() if mimetype.startswith(prefix)), None)


OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
"""The stream a password-protected .xlsx or .docx keeps its encrypted zip in, as its directory names it."""


def encrypted_office(data: bytes) -> bool:
    """Whether the bytes are a password-protected .xlsx or .docx.

    Encrypted, such a file is no zip but an old-style Office container (as a .doc or .xls)
    holding the encrypted workbook or document: it would be named an old Office file, or
    a workbook that is no workbook, and the analyst told to save it again in vain.
    """
    return data.startswith(OLE_SIGNATURE) and ENCRYPTED_PACKAGE in data


def is_hidden(member: str) -> bool:
    """Whether a member is under a dot name or ``__MACOSX`` (not the author's file, skipped unread)."""
    parts = PurePosixPath(member).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def member_problem(info: zipfile.ZipInfo, max_file_bytes: int) -> Problem | None:
    """Why a zip member must not or cannot be read (zip slip, a password, size, zip bomb), or None."""
    raw = info.filename.replace("\\", "/")
    path = PurePosixPath(raw)
    if raw.startswith("/") or (len(raw) > 1 and raw[1] == ":") or ".." in path.parts:
        return Problem.of("zip_slip", member=member_name(info))
    if info.flag_bits & ENCRYPTED_FLAG:
        return Problem.of("zip_encrypted")
    if info.file_size > max_file_bytes:
        return Problem.of("too_large", **limit_sizes(info.file_size, max_file_bytes))
    if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO \
            and info.file_size > ZIP_BOMB_FLOOR:
        return Problem.of("zip_bomb", ratio=MAX_ZIP_RATIO)
    return None
