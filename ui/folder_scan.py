"""A bounded look at a folder before the dashboard reads it: a fingerprint, its files and bytes.

The fingerprint is the cache key of a loaded folder (it changes when any file does); the
counts decide whether the page reads the folder at once, asks first, or refuses and
points to ``govthemes ingest``. No Streamlit here.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FolderScan:
    """What a folder holds, found before reading it: a fingerprint, its files and bytes.

    Attributes:
        signature: changes when any file is added, removed or changed (the cache key).
        n_files: how many files (counted up to ``MAX_FOLDER_FILES`` + 1).
        n_bytes: their total size.
        too_many: the walk stopped at ``MAX_FOLDER_FILES``: the folder is not read.
    """

    signature: str
    n_files: int
    n_bytes: int
    too_many: bool = False


MAX_FOLDER_FILES = 20_000
"""A folder with more files is not read in the page: build a store with ``govthemes ingest``."""
CONFIRM_FOLDER_FILES = 2_000
CONFIRM_FOLDER_MB = 300
"""A folder with more files or megabytes than these is read only after the user confirms."""


def scan_folder(path: Path, *, max_files: int | None = None) -> FolderScan:
    """Fingerprint a folder's files (names, sizes, times), stopping after ``max_files``.

    A path typed by mistake (the data root itself, a home folder of 200,000 files) is
    found to be too large in a bounded walk instead of being read for minutes.
    ``max_files`` defaults to :data:`MAX_FOLDER_FILES`.
    """
    max_files = MAX_FOLDER_FILES if max_files is None else max_files
    files = [path] if path.is_file() else []
    if path.is_dir():
        for folder, _, names in os.walk(path):
            files.extend(Path(folder) / name for name in names)
            if len(files) > max_files:
                return FolderScan("", len(files), 0, too_many=True)
    digest = hashlib.sha256()
    total = 0
    for file in sorted(files):
        try:
            stat = file.stat()
        except OSError:  # vanished or unreadable: the load reports it
            continue
        total += stat.st_size
        digest.update(f"{file}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return FolderScan(digest.hexdigest(), len(files), total)
