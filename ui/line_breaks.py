"""Line breaks for wrapped table cells that keep Chinese punctuation off the start of a line.

Streamlit's table wraps a cell's text at whatever character reaches the column's edge,
so a wrapped line could begin with 。 or ，, as a typesetter never lets it (kinsoku: no
break before closing punctuation, none after opening punctuation). The table breaks a
line at its last space before the edge, if it has one, and shows a line break in a cell
as a space. So a cell broken here, by the widths the table draws (:mod:`ui.glyph_widths`)
and with those rules, each line filled as far as it goes, is broken by the table at the
same places; a space at a break is not drawn. Pure: no Streamlit here.
"""

from __future__ import annotations

from ui.glyph_widths import char_px, text_px

NO_LINE_START = frozenset("。，、；：？！）」』】》〉〕］｝”’…—～·%.,;:?!)]}")
"""Closing marks a line may not begin with: they stay with the character before them
(``……`` and ``——`` are never split, their second half being one of these)."""
NO_LINE_END = frozenset("（「『【《〈〔［｛“‘([{")
"""Opening marks a line may not end with: they go with the character after them."""


def break_lines(text: str, *, width: float) -> list[str]:
    """``text`` as lines at most ``width`` pixels wide, with no line opening on 。，、；： etc.

    A break the width asks for moves back over closing punctuation (and over an opening
    mark before it), so the mark ends the line above; Latin words (and runs such as
    ``.txt``) are not split when a space allows. The text's own line breaks are kept. A
    line that cannot be broken by these rules (punctuation throughout, one long word) is
    broken where the width asks.

    Args:
        text: the cell's text.
        width: the room a line of the column has, in pixels.

    Returns:
        The lines; each paragraph's lines joined are that paragraph again (a space at a
        break ends its line, and the table does not draw it).
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _paragraph_lines(paragraph, width)
    return lines


def _paragraph_lines(text: str, width: float) -> list[str]:
    """One paragraph's lines: filled up to ``width``, each break moved to a place allowed."""
    lines, start, used = [], 0, 0.0
    for at, char in enumerate(text):
        px = char_px(char)
        if used + px > width and at > start:
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
    """Whether a line may not break before ``text[at]``."""
    before, after = text[at - 1], text[at]
    in_word = before.isascii() and after.isascii() and not before.isspace() and not after.isspace()
    return after in NO_LINE_START or before in NO_LINE_END or in_word


def broken_text(value: object, *, width: float) -> object:
    """A cell's text broken into lines (:func:`break_lines`), one per line; not text: as it is."""
    if not isinstance(value, str) or (text_px(value) <= width and "\n" not in value):
        return value
    return "\n".join(break_lines(value, width=width))
