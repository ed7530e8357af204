r"""Line breaks for wrapped table cells that keep Chinese punctuation off the start of a line.

Streamlit's table wraps a cell's text at whatever character reaches the column's edge,
so a wrapped line could begin with 。 or ，, as a typesetter never lets it (kinsoku: no
break before closing punctuation, none after opening punctuation). The table breaks a
line at its last space before the edge, if it has one (a space there ends the line and
is not drawn), and shows a line break in a cell as a space. So a cell broken here, by the
widths the table draws (:mod:`ui.glyph_widths`) and with those rules, each line filled as
far as it goes, is broken by the table at the same places.

The text's own line breaks (``\r\n`` and ``\r`` taken as ``\n``) end a line here too, but
the table shows them as spaces, not as breaks: there, what follows one goes on after a
space on the same line, and from there on it may be wrapped elsewhere than here. Pure: no
Streamlit here.
"""

from __future__ import annotations

import unicodedata

from ui.glyph_widths import char_px, text_px

NO_LINE_START = frozenset("。，、；：？！）」』】》〉〕］｝”’…—～·%.,;:?!)]}")
"""Closing marks a line may not begin with: they stay with the character before them
(``……`` and ``——`` are never split, their second half being one of these)."""
NO_LINE_END = frozenset("（「『【《〈〔［｛“‘([{")
"""Opening marks a line may not end with: they go with the character after them."""


def break_lines(text: str, *, width: float) -> list[str]:
    r"""``text`` as lines at most ``width`` pixels wide, with no line opening on 。，、；： etc.

    A break the width asks for moves back over closing punctuation (and over an opening
    mark before it), so the mark ends the line above; words of letters or digits that are
    not wide (Latin, Cyrillic, ``résumé``, and runs such as ``.txt``) are not split when a
    space allows. A space (``\u3000`` too) where a line is full ends that line, as the
    table lets it, and never starts the next. The text's own line breaks (``\r\n``,
    ``\r`` or ``\n``) end a line. A line that cannot be broken by these rules
    (punctuation throughout, one long word) is broken where the width asks.

    Args:
        text: the cell's text.
        width: the room a line of the column has, in pixels.

    Returns:
        The lines; each paragraph's lines joined are that paragraph again (a space at a
        break ends its line, and the table does not draw it).
    """
    lines: list[str] = []
    for paragraph in _own_lines(text):
        lines += _paragraph_lines(paragraph, width)
    return lines


def _own_lines(text: str) -> list[str]:
    r"""The text's own lines, split at ``\r\n``, ``\r`` or ``\n`` (and only these)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _paragraph_lines(text: str, width: float) -> list[str]:
    """One paragraph's lines: filled up to ``width``, each break moved to a place allowed.

    A space never overflows: the table lets it hang past the edge, undrawn, ending its line.
    """
    lines, start, used = [], 0, 0.0
    for at, char in enumerate(text):
        px = char_px(char)
        if used + px > width and at > start and not char.isspace():
            cut = _allowed_break(text, start, at)
            lines.append(text[start:cut])
            start = cut
            used = text_px(text[start:at])
        used += px
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
    """Whether ``char`` belongs to a word the table does not split.

    A letter or digit that is not East-Asian wide does, and so does any ASCII mark (so
    ``.txt`` and ``a-b`` hold together, as before); a space or a wide character does not.
    """
    if char.isspace():
        return False
    if char.isascii():
        return True
    return char.isalnum() and unicodedata.east_asian_width(char) not in ("W", "F")


def broken_text(value: object, *, width: float) -> object:
    """A cell's text broken into lines (:func:`break_lines`), one per line; not text: as it is."""
    if not isinstance(value, str) or (text_px(value) <= width and not any(c in value for c in "\r\n")):
        return value
    return "\n".join(break_lines(value, width=width))
