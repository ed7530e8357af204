"""Split a record that bundles several short stories into one article per story.

新闻联播's ``国内联播快讯`` and ``国际联播快讯`` (and a paper's ``简讯`` column) hold six or
eight unrelated stories in one record, each under a sub-headline of its own. Read as one
article, a UK doctors' strike makes the whole bundle a health story and its sub-headline
(罢工) never reaches the body's themes. Split, each story is an article: its sub-headline
is its ``title``, the bundle's title its ``kicker``; dates, outlet and page are the
record's, and its text is cleaned (and dated) as a record of its own.

The rule: a record is a bundle when its title is a bundle title (``data/bundle_titles.txt``)
and its text (links and editors' credits left out, as in any record), after an optional
source lead alone on its line (``央视网消息（新闻联播）：``),
is two or more stories, each a sub-headline line (a short line with no sentence punctuation,
:func:`~analysis.loading.layout.looks_like_heading`) followed by one or more lines of text.
A bundle title over text of any other shape (a story with no sub-headline, two headline
lines in a row) loads whole and the report says so: a wrong split is worse than none.

Accounting: the record is still one record of its file; it gives one article per story,
and the report names it (``bundle_split``, with its number of stories), so a file's
``records + Σ(stories − 1) == articles + errors``. Story ``k`` of a bundle has ``doc_id``
``<bundle id>#k`` and ``source`` ``<record source>#k``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from analysis.loading import layout
from analysis.loading.cleaning import clean_record_text, compile_pattern_file, load_chrome_patterns
from analysis.loading.html_text import html_to_text
from analysis.loading.raw import RawArticle
from analysis.loading.web_chrome import strip_links
from analysis.paths import data_path
from analysis.report import FileReport, Problem

SUBHEADLINE_MAX = layout.HEADLINE_MAX
"""A sub-headline is at most this long (新闻联播's run 5–34 characters)."""


def load_bundle_titles(path: Path | None = None) -> re.Pattern[str]:
    """Compile the bundle titles (one regex per line, ``#`` comments) into one pattern.

    Raises:
        ChromePatternError: naming the file and line of a pattern that does not compile.
    """
    return compile_pattern_file(Path(path or data_path("bundle_titles.txt")), "bundle title list")


@dataclass(frozen=True)
class Story:
    """One story of a bundle: its sub-headline and its text (plain lines)."""

    title: str
    text: str


def bundle_stories(title: str | None, text: str) -> list[Story] | None:
    """The stories of a bundle record (see the module docstring).

    Returns:
        None when the title is no bundle title; an empty list when it is but the text is
        not unambiguously a list of stories; else the stories, in order.
    """
    if not title or not load_bundle_titles().fullmatch(title.strip()):
        return None
    plain, _ = strip_links(html_to_text(text).replace("\r", "\n"), load_chrome_patterns())
    lines = [line.strip() for line in plain.split("\n") if line.strip()]
    if lines and (rest := layout.strip_source_lead(lines[0])) is not None:
        lines = [rest, *lines[1:]] if rest else lines[1:]
    heads = [layout.looks_like_heading(line, max_chars=SUBHEADLINE_MAX) for line in lines]
    if len(lines) < 4 or not heads[0] or heads[-1] or any(a and b for a, b in pairwise(heads)):
        return []
    stories: list[Story] = []
    for line, head in zip(lines, heads, strict=True):
        if head:
            stories.append(Story(line, ""))
        else:
            last = stories[-1]
            stories[-1] = Story(last.title, f"{last.text}\n{line}" if last.text else line)
    return stories


def split_bundle(article: RawArticle, raw_text: str, report: FileReport) -> list[RawArticle]:
    """The articles one record gives: one per story of a bundle, else the record itself.

    Args:
        article: the record as one article (title, dates, outlet already read).
        raw_text: the record's text as written (HTML or plain), where sub-headlines are
            still lines of their own.
        report: its file's report, told of a split (``bundle_split``) or of a bundle
            title over text that is no list of stories (``bundle_not_split``).
    """
    stories = bundle_stories(article.title, raw_text)
    if stories is None:
        return [article]
    from analysis.loading.enrich import make_doc_id

    base = article.doc_id or make_doc_id(article)
    pieces = [_story_article(article, story, number, base) for number, story in enumerate(stories, start=1)]
    if not pieces or not all(piece.text for piece in pieces):  # a story that was only a credit line is none
        report.warnings.append(Problem.of("bundle_not_split", line=article.line, title=article.title))
        return [article]
    report.warnings.append(Problem.of("bundle_split", line=article.line, title=article.title,
                                      stories=len(stories)))
    return pieces


def _story_article(bundle: RawArticle, story: Story, number: int, base: str) -> RawArticle:
    """Story ``number`` of ``bundle`` as an article of its own."""
    cleaned = clean_record_text(story.text, title=story.title)
    return replace(
        bundle, text=cleaned.text, title=story.title, kicker=bundle.title, doc_id=f"{base}#{number}",
        source=f"{bundle.source}#{number}", author=cleaned.author or bundle.author,
        dateline_place=cleaned.dateline_place or bundle.dateline_place,
        dateline_agency=cleaned.dateline_agency if cleaned.dateline_place else bundle.dateline_agency,
        dateline_date=cleaned.dateline_date or bundle.dateline_date,
        date_cell=bundle.date_cell if number == 1 else None,  # a bad date cell is named once
    )


def count_bundle_splits(reports: list[FileReport]) -> tuple[int, int]:
    """How many records were split as bundles, and into how many stories in all."""
    splits = [p for report in reports for p in report.warnings if p.code == "bundle_split"]
    return len(splits), sum(int(p.params["stories"]) for p in splits)
