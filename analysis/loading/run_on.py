"""Pages pasted with no line breaks: cut a run-on line into headline and body lines at its datelines.

A page copied from some viewers, or saved by a tool that drops line breaks, arrives as one
line (or a few very long ones). The page splitter finds articles by their lines (headline
lines above a dateline line), so such a page would be one article. Here a line is cut
before each dateline (``本报白银讯``, ``新华社北京7月4日电``) or continuation mark
(``(接一版)``) inside it that follows the end of a sentence, or the start of the line, and
a headline: the text between the two, with no sentence punctuation, itself cut at its
spaces (kicker and title, or a page header above the first headline). Each line cut is
reported, since paragraphs inside an article can no longer be told apart; so is a very
long line with nothing to cut at, whose articles, if it holds several, could not be
separated. Photo items, known by the credit that closes them, stay inside the article above.
"""

from __future__ import annotations

import re

from analysis.loading import layout
from analysis.loading.headlines import FIRST_TITLE_MAX
from analysis.loading.paragraphs import Line
from analysis.report import Problem

RUN_ON_LINE_CHARS = 4000
"""A line this long with no dateline inside is reported: the longest paragraphs of the
corpora (government work reports) run to about 3,200 characters; a pasted page is longer."""
MAX_HEADING_CHARS = 2 * layout.HEADLINE_MAX
"""Text between a sentence's end and a dateline read as a headline: a kicker and title at most."""
_CREDIT_END = re.compile(r"(?:摄影报道|摄影|摄)(?:[(（][^)）]{0,12}[)）])?")
_SENTENCE_END = re.compile(rf"[{re.escape(''.join(layout.TERMINAL))}][{re.escape(''.join(layout.CLOSERS))}]*")


def break_run_on_lines(lines: list[Line]) -> tuple[list[Line], list[Problem]]:
    """Cut each line holding datelines after its start into headline and body lines.

    Args:
        lines: the page's non-blank lines.

    Returns:
        The lines, run-on ones cut into pieces (each keeps its line's number and gives the
        column it starts at), and one warning per line cut or too long to be one paragraph.
    """
    kept: list[Line] = []
    warnings: list[Problem] = []
    for line in lines:
        cuts = _cuts(line.text)
        if cuts:
            kept += _pieces(line, cuts)
            warnings.append(Problem.of("page_without_line_breaks", line=line.number,
                                       n_chars=len(line.text), n_datelines=len(cuts)))
            continue
        kept.append(line)
        if len(line.text) >= RUN_ON_LINE_CHARS:
            warnings.append(Problem.of("long_line_not_split", line=line.number, n_chars=len(line.text)))
    return kept, warnings


def _cuts(text: str) -> list[tuple[int, int]]:
    """``(headline start, mark start)`` for each dateline or continuation mark opening an article.

    The headline runs from the end of the last sentence before the dateline (or from the
    start of the line) and must read as one (:func:`_reads_as_heading`); it may be empty
    after a sentence's end. ``据新华社…电`` or ``（新华社…电）`` inside a
    sentence has no such headline before it.
    """
    cuts: list[tuple[int, int]] = []
    floor = 0
    for match in _anchors(text):
        at = match.start()
        if at <= floor:
            continue
        ends = list(_SENTENCE_END.finditer(text, floor, at))
        start = ends[-1].end() if ends else floor
        heading = text[start:at].strip()
        limit = MAX_HEADING_CHARS if ends or cuts else 2 * FIRST_TITLE_MAX
        if not (_reads_as_heading(heading, limit) if heading else ends):
            continue
        cuts.append((start, at))
        floor = match.end()
    return cuts


def _anchors(text: str) -> list[re.Match[str]]:
    """The datelines and continuation marks inside ``text``, in order (:func:`_is_dateline`)."""
    datelines = [m for m in layout.DATELINE_ANYWHERE.finditer(text) if _is_dateline(m, text)]
    return sorted([*datelines, *layout.CONTINUATION_ANYWHERE.finditer(text)], key=lambda m: m.start())


def _is_dateline(match: re.Match[str], text: str) -> bool:
    """Whether a dateline match inside a line is one.

    Not words of a sentence (:func:`~analysis.loading.layout.is_sentence_words`), nor a
    one-character place (``新华社通讯``, a headline's word).
    """
    return len(match["place"] or "") != 1 and not layout.is_sentence_words(match, text)


def _heading_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of the headline ``text[start:end]``, cut at its spaces and after a photo credit.

    ``李华 摄影报道 委员工作室架起连心桥`` (or with no spaces): the credit closing the photo
    item above stays whole, then the headline.
    """
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    credit_ends = [m.end() for m in _CREDIT_END.finditer(text, start, end)]
    credit = max((at for at in credit_ends if layout.parse_photo_credit(text[start:at])), default=None)
    first = [(start + lead, credit)] if credit is not None else []
    rest = credit if credit is not None else start
    return first + [(rest + m.start(), rest + m.end()) for m in re.finditer(r"\S+", text[rest:end])]


def _reads_as_heading(text: str, limit: int) -> bool:
    """Whether ``text`` is a headline, its kicker and any page header above: its last part is one.

    The parts are what spaces separate (``甘肃日报 2024年5月22日 第3版 市政协开展…``); none
    may hold sentence punctuation, and together they are at most ``limit`` characters.
    """
    if len(text) > limit or any(ch in layout.TERMINAL for ch in text):
        return False
    return layout.looks_like_heading(text.split()[-1], max_chars=limit)


def _pieces(line: Line, cuts: list[tuple[int, int]]) -> list[Line]:
    """The body, headline and dateline pieces of ``line`` at ``cuts``, each with its column.

    The column counts the line's indent; only a body piece opening the line keeps the
    indent (a headline at its start stays a headline, not an indented paragraph).
    """
    indent = line.raw[: len(line.raw) - len(line.raw.lstrip())]
    spans: list[tuple[int, int]] = []
    position = 0
    for start, at in cuts:
        spans += [(position, start), *_heading_spans(line.text, start, at)]
        position = at
    spans.append((position, len(line.text)))
    opening_body = cuts[0][0] > 0
    pieces = []
    for begin, end in spans:
        text = line.text[begin:end].strip()
        if text:
            lead = len(line.text[begin:end]) - len(line.text[begin:end].lstrip())
            raw = indent + text if begin == 0 and opening_body else text
            pieces.append(Line(line.number, raw, text, column=line.column + len(indent) + begin + lead))
    return pieces
