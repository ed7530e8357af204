"""Counting distinct values with numpy alone (ingest workers do not import pandas)."""

from __future__ import annotations

import numpy as np

__all__ = ["count_unique", "first_seen_codes"]


def count_unique(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the distinct values of ``keys`` and their counts (faster than np.unique)."""
    ordered = np.sort(keys)
    if not len(ordered):
        return ordered, np.zeros(0, dtype=np.int64)
    first = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    return ordered[first], np.diff(np.append(first, len(ordered)))


def first_seen_codes(values: list[str]) -> tuple[np.ndarray, list[str]]:
    """Number the distinct values in order of first appearance, like ``pandas.factorize``.

    Returns:
        The code of each value (int32) and the distinct values, so that
        ``uniques[codes[i]] == values[i]``.
    """
    uniques = list(dict.fromkeys(values))
    index = {value: code for code, value in enumerate(uniques)}
    return np.fromiter(map(index.__getitem__, values), dtype=np.int32, count=len(values)), uniques
