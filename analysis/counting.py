"""Counting distinct values with numpy alone (ingest workers do not import pandas)."""

from __future__ import annotations

import numpy as np

__all__ = ["count_unique"]


def count_unique(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the distinct values of ``keys`` and their counts (faster than np.unique)."""
    ordered = np.sort(keys)
    if not len(ordered):
        return ordered, np.zeros(0, dtype=np.int64)
    first = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    return ordered[first], np.diff(np.append(first, len(ordered)))
