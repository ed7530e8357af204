"""The articles table: the one contract between loaders and everything downstream.

Every loader hands back rows with these columns; every analysis function may rely on
them. The columns are defined here once, and :func:`validate_articles` names whatever is
missing or mistyped so that a broken loader fails loudly instead of drawing wrong charts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

DATE_SOURCES = ("text", "edition", "metadata")
"""Where an article's ``date`` came from: a date in its text, the edition, or a metadata column."""

LOCALITY_COLUMNS = (
    "adcode",
    "locality",
    "province",
    "prefecture",
    "county",
    "province_code",
    "prefecture_code",
    "county_code",
)
"""The place columns: the most specific place and its chain up the hierarchy."""

ARTICLE_COLUMNS = (
    "doc_id",
    "title",
    "kicker",
    "text",
    "date",
    "date_source",
    "edition_date",
    "page",
    "outlet",
    "source",
    "author",
    *LOCALITY_COLUMNS,
    "continued_from",
)
"""Column order of the articles table (see ../shared/STYLE.md)."""

DATE_COLUMNS = ("date", "edition_date")
STRING_COLUMNS = tuple(c for c in ARTICLE_COLUMNS if c not in DATE_COLUMNS and c != "date_source")
"""Every column but the dates and ``date_source`` holds strings."""

REQUIRED_NON_NULL = ("doc_id", "text", "source")

LOADER_VERSION = "2"
"""The version of the loaders (:mod:`analysis.loading`) that make the articles table.

A store records it (:mod:`analysis.store.loader_version`). Raise it when the same input
file gives other articles than before (other splits, other ids), and teach that module
which stored articles the change touches. ``1`` (stores recording none): news bundles
(联播快讯, 简讯) loaded whole; ``2``: one article per story (:mod:`analysis.loading.bundles`).
"""

STRING_DTYPE = pd.StringDtype(na_value=np.nan)
DATETIME_DTYPE = "datetime64[us]"
DATE_SOURCE_DTYPE = pd.CategoricalDtype(list(DATE_SOURCES))


class ArticlesSchemaError(ValueError):
    """Raised when a table does not satisfy the articles contract."""


def empty_articles() -> pd.DataFrame:
    """Return an articles table with no rows and every contract column typed."""
    return build_articles([])


def build_articles(records: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Build a typed articles table from dict records.

    Keys missing from a record become NA; keys outside the contract are kept as extra
    columns after the contract's columns (the loaders add none, the analysis adds
    ``themes``).

    Args:
        records: one mapping per article.

    Returns:
        The articles table, columns in :data:`ARTICLE_COLUMNS` order.
    """
    frame = pd.DataFrame.from_records(list(records))
    for column in ARTICLE_COLUMNS:
        if column not in frame.columns:
            frame[column] = pd.NA
    extra = [c for c in frame.columns if c not in ARTICLE_COLUMNS]
    frame = frame[list(ARTICLE_COLUMNS) + extra]
    return coerce_articles(frame)


def coerce_articles(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` with the contract's dtypes applied."""
    out = frame.copy()
    for column in STRING_COLUMNS:
        if column in out.columns:
            out[column] = out[column].astype(STRING_DTYPE)
    for column in DATE_COLUMNS:
        if column in out.columns:
            out[column] = pd.to_datetime(out[column], errors="coerce").astype(DATETIME_DTYPE)
    if "date_source" in out.columns:
        out["date_source"] = out["date_source"].astype(DATE_SOURCE_DTYPE)
    return out.reset_index(drop=True)


def validate_articles(frame: pd.DataFrame) -> pd.DataFrame:
    """Check that ``frame`` satisfies the articles contract and return it unchanged.

    Raises:
        ArticlesSchemaError: naming every missing column, wrongly typed column,
            empty required value and duplicated ``doc_id``.
    """
    problems: list[str] = []
    missing = [c for c in ARTICLE_COLUMNS if c not in frame.columns]
    if missing:
        problems.append(f"missing columns: {', '.join(missing)}")
    for column in STRING_COLUMNS:
        if column in frame.columns and not pd.api.types.is_string_dtype(frame[column]):
            problems.append(f"column {column!r} should hold strings, has {frame[column].dtype}")
    for column in DATE_COLUMNS:
        if column in frame.columns and not pd.api.types.is_datetime64_dtype(frame[column]):
            problems.append(f"column {column!r} should hold dates, has {frame[column].dtype}")
    if "date_source" in frame.columns:
        unknown = set(frame["date_source"].dropna().astype(str)) - set(DATE_SOURCES)
        if unknown:
            problems.append(f"date_source has unknown values: {sorted(unknown)}")
    for column in REQUIRED_NON_NULL:
        if column in frame.columns and frame[column].isna().any():
            count = int(frame[column].isna().sum())
            problems.append(f"column {column!r} is empty in {count} rows")
    if "doc_id" in frame.columns and frame["doc_id"].duplicated().any():
        dupes = frame.loc[frame["doc_id"].duplicated(), "doc_id"].head(3).tolist()
        problems.append(f"doc_id is not unique, e.g. {dupes}")
    if problems:
        raise ArticlesSchemaError("articles table is invalid: " + "; ".join(problems))
    return frame
