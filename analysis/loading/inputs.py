"""Expand what the analyst gave (files, folders, zip archives) into input files.

Folders are read recursively in a stable order; zip archives are opened in memory and
their members read one by one. Each input is either a file to read or, when it cannot be
read at all, a failed :class:`FileReport` saying why: missing, too large, an archive
member whose path escapes its folder (zip slip), or an exact duplicate of a file already
read (its articles are loaded once).
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from analysis.loading.archives import (
    MAX_ZIP_RATIO,
    ZIP_BOMB_FLOOR,
    is_hidden,
    is_zip,
    limit_sizes,
    member_problem,
    office_kind,
    open_zip,
    package_kind,
    size_text,
)
from analysis.loading.file_names import member_name, path_name, visible_name
from analysis.report import FileReport, Problem

DOC_FILE_PREFIXES = ("readme", "provenance", "license", "licence", "changelog")
OFFICE_SUFFIXES = {".xlsx", ".xlsm", ".docx", ".parquet"}
"""Formats that are zip files inside but are read as themselves, not as archives."""
MAX_ZIP_DEPTH = 8
"""Archives inside archives are opened this many levels deep; one deeper is reported, not opened."""


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
    ``notes`` are warnings about where it came from, for its report (a zip archive under
    another name, said with the archive's first member).
    """

    name: str
    size: int
    read: Callable[[], bytes]
    office: str | None = "unknown"
    notes: tuple[Problem, ...] = ()


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


def _too_large(name: str, size: int, limit: int) -> FileReport:
    return FileReport(source=name).fail("too_large", **limit_sizes(size, limit))


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
    archive = open_zip(data) if suffix == ".zip" or is_zip(data) else None
    office = office_kind(archive) if isinstance(archive, zipfile.ZipFile) else None
    package = package_kind(archive) if isinstance(archive, zipfile.ZipFile) and office is None else None
    if package is not None:
        archive.close()
        yield FileReport(source=item.name).fail("office_binary_file", kind=package)
        return
    if office is None and archive is not None and (suffix == ".zip" or suffix not in OFFICE_SUFFIXES):
        if depth >= MAX_ZIP_DEPTH:
            members: Iterator[InputFile | FileReport] = iter(
                [FileReport(source=item.name).fail("zip_too_deep", limit=MAX_ZIP_DEPTH)])
        else:
            limit = max(ZIP_BOMB_FLOOR, MAX_ZIP_RATIO * len(data))
            budget = budget or _Budget(limit, limit)
            members = _zip_members(item.name, archive, seen, max_file_bytes, depth, budget)
        shown = suffix or "(no extension)"
        misnamed = () if suffix == ".zip" else (Problem.of("zip_misnamed", archive=item.name, suffix=shown),)
        yield from _with_notes(members, item.notes + misnamed)
        return
    if isinstance(archive, zipfile.ZipFile):
        archive.close()
    digest = hashlib.sha256(data).hexdigest()
    if data and digest in seen:
        yield FileReport(source=item.name).fail("duplicate_file", original=seen[digest])
        return
    seen[digest] = item.name
    yield InputFile(item.name, len(data), lambda: data, office, item.notes)


def _with_notes(items: Iterator[InputFile | FileReport],
                notes: tuple[Problem, ...]) -> Iterator[InputFile | FileReport]:
    """``items``, the first carrying ``notes``: an archive's warnings, said once, with its first member."""
    first = next(items, None)
    if first is None:
        return
    if isinstance(first, FileReport):
        first.warnings[:0] = notes
        yield first
    else:
        yield replace(first, notes=notes + first.notes)
    yield from items


def _zip_members(name: str, archive: zipfile.ZipFile | zipfile.BadZipFile, seen: dict[str, str],
                 max_file_bytes: int, depth: int, budget: _Budget) -> Iterator[InputFile | FileReport]:
    """Yield the members of a zip archive, refusing unsafe paths and oversized members.

    Members are read while the ``budget`` lasts: each after it would expand past it is
    refused by name, unread (many small members of a zip bomb, or archives nested in it).
    """
    if isinstance(archive, zipfile.BadZipFile):
        yield FileReport(source=name).fail("bad_zip", detail=str(archive))
        return
    if not any(not info.is_dir() and not is_hidden(info.filename) for info in archive.infolist()):
        yield FileReport(source=name).fail("empty_archive")
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            member = f"{name}!{member_name(info)}"
            problem = member_problem(info, max_file_bytes)
            if problem:
                yield FileReport(source=member, errors=[problem])
                continue
            if is_hidden(info.filename):
                continue
            if info.file_size > budget.left:
                yield FileReport(source=member).fail("zip_bomb_total", ratio=MAX_ZIP_RATIO,
                                                     limit=size_text(budget.limit))
                continue
            budget.left -= info.file_size
            try:
                content = archive.read(info)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
                yield FileReport(source=member).fail("zip_member_unreadable", detail=str(exc))
                continue
            yield from _check(InputFile(member, len(content), lambda c=content: c), seen,
                              max_file_bytes, depth + 1, budget)


