"""Expand what the analyst gave (files, folders, zip archives) into input files.

Folders are read recursively in a stable order; zip archives are opened in memory and
their members read one by one. Each input is either a file to read or, when it cannot be
read at all, a failed :class:`FileReport` saying why: missing, too large, an archive
member whose path escapes its folder (zip slip), or an exact duplicate of a file already
read (its articles are loaded once).
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from analysis.loading.utf8_lookalike import judge_utf8
from analysis.report import FileReport, Problem

DOC_FILE_PREFIXES = ("readme", "provenance", "license", "licence", "changelog")
OFFICE_SUFFIXES = {".xlsx", ".xlsm", ".docx", ".parquet"}
"""Formats that are zip files inside but are read as themselves, not as archives."""
MAX_ZIP_DEPTH = 8
"""Archives inside archives are opened this many levels deep; one deeper is reported, not opened."""
MAX_ZIP_RATIO = 200
"""Members that expand more than this many times their compressed size are refused, and an
archive's members (with those of the archives inside it) are read until they have expanded
to this many times the archive's size."""
ZIP_BOMB_FLOOR = 10 * 2**20
"""Expanding this much is never refused as a zip bomb, whatever the ratio."""


@dataclass
class _Budget:
    """Bytes an archive's members, and those of the archives inside it, may still expand to."""

    limit: int
    left: int


@dataclass(frozen=True)
class InputFile:
    """A file to read: its display name, a function returning its bytes, and its Office kind.

    ``office`` is what :func:`office_suffix` found (``.xlsx``, ``.docx`` or None), once
    :func:`iter_inputs` or :func:`iter_uploaded` has looked; ``"unknown"`` before that.
    """

    name: str
    size: int
    read: Callable[[], bytes]
    office: str | None = "unknown"


def iter_inputs(
    paths: Iterable[str | Path], *, max_file_bytes: int, root: Path | None = None
) -> Iterator[InputFile | FileReport]:
    """Yield every input file, or a failed report for each one that cannot be read.

    Args:
        paths: files, folders and .zip archives.
        max_file_bytes: the per-file size limit.
        root: when given (the dashboard's data root), a file in a folder that is a link
            to a file outside it is refused, not read.

    Yields:
        :class:`InputFile` for each readable file, :class:`FileReport` (failed) otherwise.
        A file named twice (the same path again, or a file inside a folder also given) is
        one input and gets one report.
    """
    seen: dict[str, str] = {}
    given: set[Path] = set()
    inside = root.resolve() if root is not None else None
    for path in map(Path, paths):
        for file in _entries(path):
            # a link's own report is about the link, not where it leads (two links, two reports)
            where = Path(file.source).absolute() if isinstance(file, FileReport) else file.resolve()
            if where in given:
                continue
            given.add(where)
            if isinstance(file, FileReport):
                yield file
                continue
            if inside is not None and not where.is_relative_to(inside):
                yield FileReport(source=path_name(file)).fail("link_outside_root", root=str(root))
                continue
            yield from _check(_open_path(file, max_file_bytes), seen, max_file_bytes)


def _entries(path: Path) -> list[Path | FileReport]:
    """What one path given stands for: itself, the files of a folder, or why it is neither."""
    if not path.exists():
        return [FileReport(source=path_name(path)).fail("no_such_path")]
    if path.is_file():
        return [path]
    if path.is_dir():
        return _walk(path)
    return [FileReport(source=path_name(path)).fail("not_a_file")]


def iter_uploaded(name: str, data: bytes, *, max_file_bytes: int,
                  seen: dict[str, str] | None = None) -> Iterator[InputFile | FileReport]:
    """Like :func:`iter_inputs` for one uploaded file held in memory (zip or not).

    ``seen`` (content hash → name), shared by the files of one upload, makes a file
    uploaded twice (or also inside an uploaded zip) a duplicate of the first, as in a folder.
    """
    seen = {} if seen is None else seen
    item = InputFile(visible_name(name), len(data), lambda: data)
    yield from _check(item, seen, max_file_bytes)


def empty_folders(paths: Iterable[str | Path]) -> bool:
    """Whether every path given is a folder with no file to read (so nothing would load at all).

    Stops at the first visible file: the load walks the folders again, in order.
    """
    folders = [Path(p) for p in paths]
    return bool(folders) and all(f.is_dir() and not any(_visible_entries(f)) for f in folders)


def _visible_entries(folder: Path) -> Iterator[Path]:
    """Everything under ``folder`` but its subfolders, unsorted, and but what is under a dot name.

    Files, and what the walk does not enter or cannot read: links to folders, pipes,
    devices, broken links.
    """
    for entry in folder.rglob("*"):
        if entry.is_dir() and not entry.is_symlink():
            continue
        if not any(part.startswith(".") for part in entry.relative_to(folder).parts):
            yield entry


def _walk(folder: Path) -> list[Path | FileReport]:
    """Files under a folder, sorted; documentation files and what is not a file are reported, not read."""
    found: list[Path | FileReport] = []
    for entry in sorted(_visible_entries(folder)):
        if entry.is_dir():
            found.append(FileReport(source=path_name(entry)).fail("linked_folder"))
        elif not entry.is_file():
            found.append(FileReport(source=path_name(entry)).fail("not_a_file"))
        elif entry.name.lower().startswith(DOC_FILE_PREFIXES):
            found.append(FileReport(source=path_name(entry)).fail("documentation_file"))
        else:
            found.append(entry)
    return found


def _open_path(file: Path, max_file_bytes: int) -> InputFile | FileReport:
    """The file read, or why it cannot be: too large, or refused by the system (no permission, gone)."""
    try:
        size = file.stat().st_size
        if size > max_file_bytes:
            return _too_large(path_name(file), size, max_file_bytes)
        data = file.read_bytes()
    except OSError as exc:
        return FileReport(source=path_name(file)).fail("unreadable_file", detail=exc.strerror or str(exc))
    return InputFile(path_name(file), size, lambda: data)


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


def _mb(size: int) -> str:
    """A size for messages, never ``0 MB``: ``200 MB``, ``1.5 MB``; below 1 MB ``3.8 KB``, ``512 B``."""
    for unit, scale in (("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} B"


def _too_large(name: str, size: int, limit: int) -> FileReport:
    return FileReport(source=name).fail("too_large", **_sizes(size, limit))


def _sizes(size: int, limit: int) -> dict[str, str]:
    """A size over a limit and the limit, as messages write them (in bytes when both round alike)."""
    shown, cap = _mb(size), _mb(limit)
    if shown == cap:  # just over the limit: rounded, both would read "1 MB"
        shown, cap = f"{size:,} B", f"{limit:,} B"
    return {"size": shown, "limit": cap}


def _check(item: InputFile | FileReport, seen: dict[str, str], max_file_bytes: int,
           depth: int = 0, budget: _Budget | None = None) -> Iterator[InputFile | FileReport]:
    """Expand archives and refuse duplicates; an empty file is no duplicate of another, each is empty.

    ``depth``: archives this one is inside already; ``budget``: the outermost one's expansion budget.
    """
    if isinstance(item, FileReport):
        yield item
        return
    data = item.read()
    suffix = PurePosixPath(item.name.replace("\\", "/")).suffix.lower()
    archive = _open_zip(data) if suffix == ".zip" or data.startswith(b"PK\x03\x04") else None
    office = _office_kind(archive) if isinstance(archive, zipfile.ZipFile) else None
    if office is None and archive is not None and (suffix == ".zip" or suffix not in OFFICE_SUFFIXES):
        if depth >= MAX_ZIP_DEPTH:
            yield FileReport(source=item.name).fail("zip_too_deep", limit=MAX_ZIP_DEPTH)
        else:
            limit = max(ZIP_BOMB_FLOOR, MAX_ZIP_RATIO * len(data))
            budget = budget or _Budget(limit, limit)
            yield from _zip_members(item.name, archive, seen, max_file_bytes, depth, budget)
        return
    if isinstance(archive, zipfile.ZipFile):
        archive.close()
    digest = hashlib.sha256(data).hexdigest()
    if data and digest in seen:
        yield FileReport(source=item.name).fail("duplicate_file", original=seen[digest])
        return
    seen[digest] = item.name
    yield InputFile(item.name, len(data), lambda: data, office)


def _open_zip(data: bytes) -> zipfile.ZipFile | zipfile.BadZipFile:
    """The archive ``data`` is, opened once for both looks (Office file? members?), or why it is none."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        return exc
    except (OSError, ValueError) as exc:
        return zipfile.BadZipFile(str(exc))


def _zip_members(name: str, archive: zipfile.ZipFile | zipfile.BadZipFile, seen: dict[str, str],
                 max_file_bytes: int, depth: int, budget: _Budget) -> Iterator[InputFile | FileReport]:
    """Yield the members of a zip archive, refusing unsafe paths and oversized members.

    Members are read while the ``budget`` lasts: each after it would expand past it is
    refused by name, unread (many small members of a zip bomb, or archives nested in it).
    """
    if isinstance(archive, zipfile.BadZipFile):
        yield FileReport(source=name).fail("bad_zip", detail=str(archive))
        return
    if not any(not info.is_dir() and not _is_hidden(info.filename) for info in archive.infolist()):
        yield FileReport(source=name).fail("empty_archive")
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            member = f"{name}!{member_name(info)}"
            problem = _member_problem(info, max_file_bytes)
            if problem:
                yield FileReport(source=member, errors=[problem])
                continue
            if _is_hidden(info.filename):
                continue
            if info.file_size > budget.left:
                yield FileReport(source=member).fail("zip_bomb_total", ratio=MAX_ZIP_RATIO,
                                                     limit=_mb(budget.limit))
                continue
            budget.left -= info.file_size
            try:
                content = archive.read(info)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
                yield FileReport(source=member).fail("zip_member_unreadable", detail=str(exc))
                continue
            yield from _check(InputFile(member, len(content), lambda c=content: c), seen,
                              max_file_bytes, depth + 1, budget)


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
    archive = _open_zip(data)
    if isinstance(archive, zipfile.BadZipFile):
        return None
    with archive:
        return _office_kind(archive)


def _office_kind(archive: zipfile.ZipFile) -> str | None:
    """``.xlsx`` or ``.docx`` when the archive holds a workbook's or Word document's main part."""
    names = set(archive.namelist())
    return next((suffix for part, suffix in OFFICE_PARTS.items() if part in names), None)


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


def _is_hidden(member: str) -> bool:
    parts = PurePosixPath(member).parts
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def _member_problem(info: zipfile.ZipInfo, max_file_bytes: int) -> Problem | None:
    """Why a zip member must not or cannot be read (zip slip, a password, size, zip bomb), or None."""
    raw = info.filename.replace("\\", "/")
    path = PurePosixPath(raw)
    if raw.startswith("/") or (len(raw) > 1 and raw[1] == ":") or ".." in path.parts:
        return Problem.of("zip_slip", member=member_name(info))
    if info.flag_bits & ENCRYPTED_FLAG:
        return Problem.of("zip_encrypted")
    if info.file_size > max_file_bytes:
        return Problem.of("too_large", **_sizes(info.file_size, max_file_bytes))
    if info.compress_size and info.file_size / info.compress_size > MAX_ZIP_RATIO \
            and info.file_size > ZIP_BOMB_FLOOR:
        return Problem.of("zip_bomb", ratio=MAX_ZIP_RATIO)
    return None
