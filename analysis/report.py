"""Load reports: every input file and record is accounted for.

A loader never drops anything silently. Each input file gets one :class:`FileReport` that
says how many articles it gave, which records or lines failed and why (``errors``), and
which pieces of text were deliberately left out, such as a paragraph the layout printed
twice (``skipped``). The CLI writes these as JSON (``--report FILE``) and the dashboard
shows them as its load summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["loaded", "partial", "failed"]


@dataclass(frozen=True)
class Problem:
    """One record, line or paragraph that did not become (part of) an article.

    Attributes:
        line: 1-based line (text, CSV, JSON Lines) or record number (JSON, Excel), or None
            when the problem concerns the whole file.
        message: what went wrong and what was expected, in words an analyst can act on.
    """

    line: int | None
    message: str

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form ``{"line", "message"}``."""
        return {"line": self.line, "message": self.message}


@dataclass
class FileReport:
    """What became of one input file.

    Attributes:
        source: the file path (or ``archive.zip!member`` for a member of an upload).
        articles: number of articles loaded from it.
        records: number of records or articles found in it, loaded or not; for tables and
            JSON this is the row count, for pages the number of articles the splitter found.
        errors: records or lines that could not be loaded, or a file-level failure.
        skipped: text deliberately left out (layout repeats, page chrome), with the reason.
        warnings: articles loaded with a caveat the analyst should know (no date found).
        encoding: the text encoding detected, when the file is text.
    """

    source: str
    articles: int = 0
    records: int = 0
    errors: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    encoding: str | None = None

    @property
    def status(self) -> Status:
        """``loaded`` with no errors, ``failed`` with no articles, else ``partial``."""
        if self.articles == 0 and (self.errors or self.records == 0):
            return "failed"
        return "partial" if self.errors else "loaded"

    def fail(self, message: str, line: int | None = None) -> FileReport:
        """Record an error and return self, for one-line early exits."""
        self.errors.append(Problem(line, message))
        return self

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form written by ``--report``."""
        return {
            "source": self.source,
            "status": self.status,
            "articles": self.articles,
            "records": self.records,
            "encoding": self.encoding,
            "errors": [p.to_dict() for p in self.errors],
            "skipped": [p.to_dict() for p in self.skipped],
            "warnings": [p.to_dict() for p in self.warnings],
        }


def summarize_reports(reports: list[FileReport]) -> dict[str, int]:
    """Count files by status and articles in total, for a one-line load summary.

    Returns:
        ``{"files", "loaded", "partial", "failed", "articles", "errors", "skipped", "warnings"}``.
    """
    summary = {"files": len(reports), "loaded": 0, "partial": 0, "failed": 0}
    for report in reports:
        summary[report.status] += 1
    summary["articles"] = sum(r.articles for r in reports)
    summary["errors"] = sum(len(r.errors) for r in reports)
    summary["skipped"] = sum(len(r.skipped) for r in reports)
    summary["warnings"] = sum(len(r.warnings) for r in reports)
    return summary
