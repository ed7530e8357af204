"""Interface strings: Chinese first, English as a toggle, from a file a translator can edit.

Every label, caption, hint and notice of the page has a key (``load_button``) and its
words in ``data/ui_strings.toml``: one table per key with a ``zh`` and an ``en`` string,
so they can be improved without reading Python, as ``data/messages.toml`` holds the
loaders' and the command line's messages. The file is read and checked the first time
the page asks for a string, then kept for the process (restart the dashboard after
editing it). Rendering never raises: a key the file lacks, or words naming a value the
page does not give, fall back to the other language, then to the key itself.
"""

from __future__ import annotations

import tomllib
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from analysis.messages import placeholders, read_entries
from analysis.paths import ConfigFileError, data_path, read_config_text
from ui.state import Lang

STRINGS_FILE = "ui_strings.toml"
LANGS: tuple[Lang, ...] = ("zh", "en")
ENGLISH_ONLY = {"s"}
"""Placeholders only the English words may name: the plural ending (``place name{s}``)."""


@dataclass(frozen=True)
class InterfaceStrings:
    """The words of every key and what was wrong with the file.

    Attributes:
        texts: ``{key: {lang: text}}`` for every text that is well formed (an empty
            string is: a word one language does not need).
        problems: one line per entry or text left out or suspect, naming its key, or
            the file's read error; empty for a sound file.
    """

    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def read_strings(path: Path) -> InterfaceStrings:
    """Read and check a file of interface strings; never raises.

    Args:
        path: the TOML file: ``[key]`` tables with a ``zh`` and an ``en`` string.

    Returns:
        The strings; a text that is missing, not a string or does not parse is left out
        and named in ``problems``, as are placeholders the two languages do not share
        and a file that cannot be read.
    """
    try:
        document = tomllib.loads(read_config_text(path, "interface strings"))
    except tomllib.TOMLDecodeError as exc:
        return InterfaceStrings(problems=(f"{path}: cannot read the interface strings: {exc}",))
    except ConfigFileError as exc:  # missing, unreadable, not UTF-8
        return InterfaceStrings(problems=(f"cannot read the interface strings: {exc}",))
    problems: list[str] = []
    texts = read_entries(document, LANGS, problems, allow_empty=True)
    for key, entry in texts.items():
        problems.extend(_placeholder_mismatch(key, entry))
    return InterfaceStrings(texts=texts, problems=tuple(problems))


def _placeholder_mismatch(key: str, texts: Mapping[str, str]) -> list[str]:
    """A problem when the two languages name different values (English may add ``{s}``)."""
    if set(texts) != set(LANGS):
        return []
    zh, en = placeholders(texts["zh"]), placeholders(texts["en"]) - ENGLISH_ONLY
    if zh == en:
        return []
    return [f"[{key}]: zh names {sorted(zh)} but en names {sorted(en)}; both must name the same values"]


@lru_cache(maxsize=4)
def _cached_strings(path: Path) -> InterfaceStrings:
    strings = read_strings(path)
    for problem in strings.problems:
        warnings.warn(f"interface strings: {problem}", stacklevel=4)
    return strings


def default_strings() -> InterfaceStrings:
    """The strings in the configuration folder (``data/ui_strings.toml``), read once per path."""
    return _cached_strings(data_path(STRINGS_FILE))


def has_string(key: str) -> bool:
    """Whether the interface strings have ``key`` (an optional variant such as ``days_unit_one``)."""
    return key in default_strings().texts


def t(key: str, lang: Lang = "zh", **values: object) -> str:
    """The string for ``key`` in ``lang``, with ``{placeholders}`` filled in.

    Args:
        key: the key of ``data/ui_strings.toml``.
        lang: ``en`` for English; anything else is Chinese.
        **values: the values the words name; without any, the words are returned as
            they are (braces and all).

    Returns:
        The words; those of the other language when ``lang``'s are missing or name a
        value not given; the key itself when neither can be used.
    """
    texts = default_strings().texts.get(key, {})
    first: Lang = "en" if lang == "en" else "zh"
    for language in dict.fromkeys((first, *LANGS)):
        text = texts.get(language)
        if text is None:
            continue
        if not values:
            return text
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            continue
    return key


def strings_table() -> dict[str, tuple[str, str]]:
    """Every key with its ``(Chinese, English)`` words, as :func:`t` gives them unfilled."""
    return {key: (t(key, "zh"), t(key, "en")) for key in default_strings().texts}


def __getattr__(name: str) -> object:
    """``STRINGS``, the former constant, read from the file when first asked for."""
    if name == "STRINGS":
        return strings_table()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
