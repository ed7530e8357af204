r"""Line breaks for wrapped table cells, measured as the table draws them.

Streamlit's table wraps a cell's text at whatever character reaches the column's edge,
so a wrapped line could begin with 。 or ，. The table breaks a line at its last space
before the edge, if it has one (a space there ends the line and is not drawn), and shows
a line break in a cell as a space. So a cell broken by the kinsoku rules of
:func:`analysis.line_breaks.break_lines`, with the widths the table draws
(:mod:`ui.glyph_widths`), each line filled as far as it goes, is broken by the table at
the same places.

The text's own line breaks end a line here too, but the table shows them as spaces, not
as breaks: there, what follows one goes on after a space on the same line, and from there
on it may be wrapped elsewhere than here. Pure: no Streamlit here.
"""

from __future__ import annotations

from analysis import line_breaks
from ui.glyph_widths import char_px, text_px


def break_lines(text: str, *, width: float) -> list[str]:
    """``text`` as the lines of a table cell ``width`` pixels wide (glyph widths, kinsoku rules).

    Returns:
        The lines; each paragraph's lines joined are that paragraph again (a space at a
        break ends its line, and the table does not draw it).
    """
    return line_breaks.break_lines(text, width=width, measure=char_px)


def broken_text(value: object, *, width: float) -> object:
    """A cell's text broken into lines (:func:`break_lines`), one per line; not text: as it is."""
    if not isinstance(value, str) or (text_px(value) <= width and not any(c in value for c in "\r\n")):
        return value
    return "\n".join(break_lines(value, width=width))
