"""Load reports: every input file and record is accounted for.

A loader never drops anything silently. Each input file gets one :class:`FileReport` that
says how many articles it gave, which records or lines failed and why (``errors``), and
which pieces of text were deliberately left out, such as a paragraph the layout printed
twice (``skipped``). The CLI writes these as JSON (``--report FILE``) and the dashboard
shows them as its load summary.

Each reason is a :class:`Problem` with a stable code and the values it names, worded in
English and Chinese by the message catalog (:mod:`analysis.messages`, ``data/messages.toml``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from analysis.messages import Lang, render

if TYPE_CHECKING:  # pandas only for the table: workers build Problems without importing it
    import pandas as pd

Status = Literal["loaded", "partial", "failed"]
PROBLEM_KINDS = {"error": "errors", "left_out": "skipped", "warning": "warnings"}
"""The kinds of reason in :func:`problems_table`, and the :class:`FileReport` list of each."""


@dataclass(frozen=True)
class Problem:
    """One record, line or paragraph that did not become (part of) an article.

    Attributes:
        line: 1-based line (text, CSV, JSON Lines) or record number (JSON, Excel), or None
            when the problem concerns the whole file.
        code: what went wrong, as a code of the message catalog (``invalid_json_line``).
        params: the values the message names (a column, the parser's error text); a
            ``sheet`` among them (a workbook of several sheets) is named before the message
            (:func:`analysis.messages.render`).
    """

    line: int | None
    code: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def of(cls, code: str, line: int | None = None, **params: Any) -> Problem:
        """``Problem.of("layout_repeat", line=34, first_line=32)``."""
        return cls(line, code, params)

    @property
    def message(self) -> str:
        """What went wrong and what was expected, in English, in words an analyst can act on."""
        return self.text("en")

    def text(self, lang: Lang) -> str:
        """The message in ``lang`` (``zh`` or ``en``)."""
        return render(self.code, self.params, lang)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form ``{"line", "code", "message", "message_zh"}``."""
        return {"line": self.line, "code": self.code, "message": self.message,
                "message_zh": self.text("zh")}


@dataclass
class FileReport:
    """What became of one input file.

    Attributes:
        source: the file path (or ``archive.zip!member`` for a member of an upload).
        articles: number of articles loaded from it (a record bundling several short
            stories gives one per story, and a ``bundle_split`` warning says how many).
        records: number of records or articles found in it, loaded or not; for tables and
            JSON this is the row count, for pages the number of articles the splitter found.
        errors: records or lines that could not be loaded, or a file-level failure.
        skipped: text deliberately left out (layout repeats, page chrome), with the reason.
        warnings: articles loaded with a caveat the analyst should know (no date found, lines
            decoded in another encoding than the rest of the file).
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

    def fail(self, code: str, line: int | None = None, **params: Any) -> FileReport:
        """Record an error and return self, for one-line early exits.

        ``report.fail("empty_file")``, ``report.fail("invalid_json_line", line=12, ...)``:
        the code of the message catalog, the line or record, the values the message names.
        """
        self.errors.append(Problem(line, code, params))
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


def problems_table(reports: list[FileReport], lang: Lang) -> pd.DataFrame:
    """Every reason of every file, one row each, worded in ``lang``: nothing is only a count.

    Args:
        reports: the load reports.
        lang: ``zh`` or ``en``.

    Returns:
        Columns ``file, line, page, kind, code, message``: ``kind`` is ``error`` (not
        loaded), ``left_out`` (text deliberately not counted) or ``warning`` (loaded with a
        caveat); ``line`` is the line or record number (NA for the whole file); ``page`` is
        the PDF page the reason concerns (NA for other files). Files in report order, and in
        each file its errors, then left-out text, then warnings.
    """
    rows = [
        (report.source, problem.line, problem.params.get("page"), kind, problem.code, problem.text(lang))
        for report in reports
        for kind, attribute in PROBLEM_KINDS.items()
        for problem in getattr(report, attribute)
    ]
    import pandas as pd

    table = pd.DataFrame(rows, columns=["file", "line", "page", "kind", "code", "message"])
    return table.astype({"line": "Int64", "page": "Int64"})
