"""Options shared by every loader (the CLI flags and the dashboard's load form)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_MAX_FILE_MB = 200
DEFAULT_MAX_PDF_SECONDS = 120.0
"""How long one PDF may take to read; an e-paper page takes well under a second."""


@dataclass(frozen=True)
class LoadOptions:
    """How to read the inputs.

    Attributes:
        edition_date: the issue date of every input, overriding file names and date
            columns (``--edition-date``).
        province: the province the corpus comes from, e.g. ``甘肃省`` for a Gansu paper;
            decides ambiguous place names and what ``省政协`` means (``--province``).
        columns: explicit ``{input column: field}`` mapping (``--columns``).
        outlet: the newspaper or site, when the inputs do not say (``--outlet``).
        max_file_mb: files (and archive members) larger than this are refused.
        max_pdf_seconds: a PDF stops being read, at a page boundary, once this much time
            is spent on it; the pages left are reported (``--max-pdf-seconds``).
    """

    edition_date: dt.date | None = None
    province: str | None = None
    columns: Mapping[str, str] = field(default_factory=dict)
    outlet: str | None = None
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    max_pdf_seconds: float = DEFAULT_MAX_PDF_SECONDS

    @property
    def max_file_bytes(self) -> int:
        """The size limit in bytes."""
        return int(self.max_file_mb * 1024 * 1024)
