r"""Line breaks that keep Chinese punctuation off the start of a line, for any measure of width.

Text wrapped at whatever character reaches the edge can open a line with 。 or ，, as a
typesetter never lets it (kinsoku: no break before closing punctuation, none after
opening punctuation). :func:`break_lines` fills each line as far as it goes and moves a
break back to a place those rules allow. Where the text is shown decides how wide a
character is, so the measure is an argument: terminal columns for the command line's help
(:func:`terminal_columns`, the default), the dashboard table's glyph widths in pixels
(``ui.glyph_widths.char_px``) for its wrapped cells. The one mechanism serves both.

The text's own line breaks (``\r\n`` and ``\r`` taken as ``\n``) end a line too. Pure:
no Streamlit, no terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

NO_LINE_START = frozenset("。，、；：？！）」』】》〉〕］｝”’…—～·%.,;:?!)]}")
"""Closing marks a line may not begin with: they stay with the character before them
(``……`` and ``——`` are never split, their second half being one of these)."""
NO_LINE_END = frozenset("（「『【《〈〔［｛“‘([{")
"""Opening marks a line may not end with: they go with the character after them."""


def terminal_columns(char: str) -> int:
    """The terminal columns a character takes: two for wide (CJK) characters, else one."""
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def break_lines(text: str, *, width: float, measure: Callable[[str], float] = terminal_columns) -> list[str]:
    r"""``text`` as lines at most ``width`` wide, with no line opening on 。，、；： etc.

    A break the width asks for moves back over closing punctuation (and over an opening
    mark before it), so the mark ends the line above; words of letters or digits that are
    not wide (Latin, Cyrillic, ``résumé``, and runs such as ``.txt`` or ``--lang``) are not
    split when a space allows. A space (``\u3000`` too) where a line is full ends that line
    (it may hang past the edge: a table does not draw it, a terminal's caller strips it)
    and never starts the next. The text's own line breaks (``\r\n``, ``\r`` or ``\n``) end
    a line. A line that cannot be broken by these rules (punctuation throughout, one long
    word) is broken where the width asks.

    Args:
        text: the text to break.
        width: the room a line has, in the unit of ``measure``.
        measure: the width of one character (terminal columns by default).

    Returns:
        The lines; each paragraph's lines joined are that paragraph again.
    """
    lines: list[str] = []
    for paragraph in _own_lines(text):
        lines += _paragraph_lines(paragraph, width, measure)
    return lines


def _own_lines(text: str) -> list[str]:
    r"""The text's own lines, split at ``\r\n``, ``\r`` or ``\n`` (and only these)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _paragraph_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """One paragraph's lines: filled up to ``width``, each break moved to a place allowed.

    A space never overflows: it may hang past the edge, ending its line.
    """
    lines, start, used = [], 0, 0.0
    for at, char in enumerate(text):
        size = measure(char)
        if used + size > width and at > start and not char.isspace():
            cut = _allowed_break(text, start, at)
            lines.append(text[start:cut])
            start = cut
            used = sum(map(measure, text[start:at]))
        used += size
    lines.append(text[start:])
    return lines


def _allowed_break(text: str, start: int, cut: int) -> int:
    """The break at or before ``cut`` nearest it that starts no line on a closing mark.

    Falls back to ``cut`` when every place back to the line's first character is barred.
    """
    at = cut
    while at > start + 1 and _barred(text, at):
        at -= 1
    return cut if _barred(text, at) else at


def _barred(text: str, at: int) -> bool:
    """Whether a line may not break before ``text[at]``: a space, a closing mark, or mid-word."""
    before, after = text[at - 1], text[at]
    in_word = _in_word(before) and _in_word(after)
    return after.isspace() or after in NO_LINE_START or before in NO_LINE_END or in_word


def _in_word(char: str) -> bool:
    """Whether ``char`` belongs to a word that is not split.

    A letter or digit that is not East-Asian wide does, and so does any ASCII mark (so
    ``.txt`` and ``a-b`` hold together); a space or a wide character does not.
    """
    if char.isspace():
        return False
    if char.isascii():
        return True
    return char.isalnum() and unicodedata.east_asian_width(char) not in ("W", "F")
