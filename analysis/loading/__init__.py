"""Loaders: files, folders, archives and tables of any common format → the articles table.

The one entry point is :func:`load_articles`: give it paths (or uploaded bytes) and it
returns the articles table and one :class:`~analysis.report.FileReport` per input file.

The names below are imported on first use (PEP 562): the worker processes that read files
(:mod:`.parallel_files`) import :mod:`.readers` without paying for pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analysis.lazy_names import lazy_attributes

if TYPE_CHECKING:
    from analysis.loading.load import LoadResult, load_articles, load_uploads
    from analysis.loading.options import LoadOptions

_WHERE = {"LoadOptions": "options", "LoadResult": "load", "load_articles": "load", "load_uploads": "load"}

__all__ = ["LoadOptions", "LoadResult", "load_articles", "load_uploads"]


__getattr__ = lazy_attributes(__name__, _WHERE)
