"""How wide text is drawn in a Streamlit table cell, in pixels, to break lines as the table would.

Streamlit's tables draw text in its own web font, Source Sans at 14 px, so a character's
width is the same in every browser: Chinese, Japanese and Korean characters take the full
14 px (any system's CJK font draws them one em wide), Latin letters their own widths,
measured once in Chromium with the font Streamlit ships (``canvas.measureText``). A
character not listed takes :data:`OTHER_PX`.
"""

from __future__ import annotations

import unicodedata

FONT_PX = 14.0
"""The table's font size: a wide (CJK) character's width."""
OTHER_PX = 7.0
"""A character neither wide nor listed in :data:`LISTED_PX` (accented Latin, Cyrillic…)."""
_MEASURED: tuple[tuple[float, str], ...] = (
    (2.8, ' '),
    (3.4, 'i|'),
    (3.5, "',.:;j‘’·"),
    (3.6, 'l'),
    (3.7, 'I'),
    (4.0, '!'),
    (4.1, 'f'),
    (4.2, '()[]{}'),
    (4.4, '-'),
    (4.6, '°'),
    (4.7, 't'),
    (4.9, '/\\r'),
    (5.9, '*?sz'),
    (6.0, '"“”'),
    (6.2, 'x'),
    (6.4, 'c'),
    (6.5, 'vy'),
    (6.7, 'JY–'),
    (6.8, 'L'),
    (6.9, 'Fek'),
    (7.0, '#$+0123456789<=>^_~×'),
    (7.1, 'ag'),
    (7.2, 'VX'),
    (7.4, 'E'),
    (7.5, 'STZ'),
    (7.6, 'A`hou'),
    (7.7, 'bn'),
    (7.8, 'dpq¶'),
    (7.9, 'P'),
    (8.0, 'CR'),
    (8.1, 'K'),
    (8.2, 'B'),
    (8.5, '&'),
    (8.6, 'DG'),
    (9.0, 'U'),
    (9.1, 'HN'),
    (9.3, 'OQ'),
    (10.1, 'w'),
    (10.2, 'M'),
    (11.0, 'W'),
    (11.2, '—'),
    (11.5, '%'),
    (11.6, 'm'),
    (11.9, '@'),
    (13.3, '…'),
)
LISTED_PX: dict[str, float] = {char: px for px, chars in _MEASURED for char in chars}
"""Widths of printable ASCII, the common Western marks Chinese text uses (“ ” … —), and ¶ (the
KWIC contexts' paragraph mark)."""


def char_px(char: str) -> float:
    """The width of one character in a table cell, in pixels."""
    listed = LISTED_PX.get(char)
    if listed is not None:
        return listed
    return FONT_PX if unicodedata.east_asian_width(char) in "WF" else OTHER_PX


def text_px(value: object) -> float:
    """The width of ``value`` on one line of a table cell, in pixels; not text (a number, NA): 0."""
    return sum(map(char_px, value)) if isinstance(value, str) else 0.0
