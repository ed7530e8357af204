"""Folder paths typed into the dashboard may only read under a configured data root.

A dashboard served to several analysts must not become a way to read any file on the
server. The root is ``$GOVTHEMES_DATA_ROOT`` (default: the home directory of the user
running the app); a typed path is resolved (symlinks and ``..`` included) and refused
unless it lies inside the root.
"""

from __future__ import annotations

import os
from pathlib import Path

from analysis.messages import CodedError


class UnsafePathError(CodedError, ValueError):
    """A typed path is outside the data root, or does not exist (``render(lang)`` says which)."""


def data_root() -> Path:
    """The folder typed paths must stay under."""
    return Path(os.environ.get("GOVTHEMES_DATA_ROOT") or Path.home()).resolve()


def resolve_under_root(typed: str, *, root: Path | None = None) -> Path:
    """Resolve a typed path against the data root and check that it stays inside.

    Args:
        typed: what the analyst typed: absolute, or relative to the root.
        root: the data root (default :func:`data_root`).

    Returns:
        The resolved path.

    Raises:
        UnsafePathError: with a message saying which root applies, if the path escapes
            it or does not exist.
    """
    root = (root or data_root()).resolve()
    candidate = Path(typed.strip()).expanduser()
    if not typed.strip():
        raise UnsafePathError("path_empty")
    resolved = (candidate if candidate.is_absolute() else root / candidate).resolve()
    if not resolved.is_relative_to(root):
        raise UnsafePathError("path_outside_root", typed=typed, root=str(root))
    if not resolved.exists():
        raise UnsafePathError("path_missing", typed=typed, root=str(root))
    return resolved
