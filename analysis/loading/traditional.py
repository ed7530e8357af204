"""Traditional characters (繁体) to simplified (简体), only for text written in traditional.

Themes, the user dictionary and stopwords are written in simplified characters, so a
report typed in traditional characters (the 1954 government work report on Wikisource)
matches nothing and its keywords are 們, 國家, 必須. Such text is converted with OpenCC's
``t2s`` tables (``opencc-python-reimplemented``: pure Python, Apache-2.0, its dictionaries
ship in the package, no network). Detection is cheap and conservative: a text is
traditional when at least :data:`TRADITIONAL_SHARE` of its Chinese characters exist only
in traditional writing; simplified text (a stray 於 or 乾 in a name) is left untouched
and costs one set intersection. Nothing is loaded at import time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

TRADITIONAL_SHARE = 0.05
"""Share of traditional-only characters from which a text counts as written in traditional.

Traditional text scores about 0.3; simplified text with a quoted traditional name or two
stays under 0.01 (the national reports of 1955 and 1957 score 0.0001 and 0.007)."""
MIN_TRADITIONAL_CHARS = 5
"""Fewer traditional-only characters than this never make a text traditional."""
TRADITIONAL_PER_SIMPLIFIED = 10
"""Traditional-only characters a text in traditional needs for each simplified-only one it holds."""
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def traditional_only_characters() -> frozenset[str]:
    """Characters that OpenCC converts to simplified and that simplified text does not use."""
    folder = resources.files("opencc") / "dictionary"
    simplified = set()
    for line in (folder / "STCharacters.txt").read_text(encoding="utf-8").splitlines():
        simplified.add(line.split("\t", 1)[0])
    only: set[str] = set()
    for line in (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        char, _, targets = line.partition("\t")
        if len(char) == 1 and char not in simplified and targets.split()[:1] != [char]:
            only.add(char)
    return frozenset(only)


@lru_cache(maxsize=1)
def simplified_only_characters() -> frozenset[str]:
    """Characters that OpenCC converts to traditional and that traditional text does not use (发, 区, 们)."""
    folder = resources.files("opencc") / "dictionary"
    traditional = {line.split("\t", 1)[0]
                   for line in (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines()}
    only: set[str] = set()
    for line in (folder / "STCharacters.txt").read_text(encoding="utf-8").splitlines():
        char, _, targets = line.partition("\t")
        if len(char) == 1 and char not in traditional and char not in targets.split():
            only.add(char)
    return frozenset(only)


def traditional_throughout(text: str) -> bool:
    """Whether ``text`` writes in traditional form the characters whose two forms differ.

    It holds traditional-only characters, and at most one simplified-only character
    (:func:`simplified_only_characters`) for every :data:`TRADITIONAL_PER_SIMPLIFIED` of them:
    a reading of simplified text that a stray byte turned traditional in one place
    (``，发展。棗``) is not traditional text.
    """
    n_traditional = sum(char in traditional_only_characters() for char in text)
    n_simplified = sum(char in simplified_only_characters() for char in text)
    return n_traditional > 0 and n_simplified * TRADITIONAL_PER_SIMPLIFIED <= n_traditional


def traditional_share(text: str, *, min_chars: int = MIN_TRADITIONAL_CHARS) -> float:
    """Share of the Chinese characters of ``text`` that exist only in traditional writing.

    0 when fewer than ``min_chars`` of them do (a stray 於 in a name; a file read as Big5,
    traditional by its encoding, asks for 1).
    """
    if not traditional_only_characters().intersection(text):
        return 0.0
    only = traditional_only_characters()
    n_traditional = sum(char in only for char in text)
    if n_traditional < min_chars:
        return 0.0
    return n_traditional / max(1, len(_CJK.findall(text)))


def is_traditional(text: str) -> bool:
    """True when ``text`` is written in traditional characters (see the module docstring)."""
    return traditional_share(text) >= TRADITIONAL_SHARE


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional characters and phrases to simplified (OpenCC ``t2s``)."""
    return _converter().convert(text)
