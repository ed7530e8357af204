"""The theme dictionary file: analyst-editable themes in ``data/themes.toml``, validated on load.

A theme is a named list of governance terms (plain substrings), optional ``core_terms``
(unambiguous markers, weighted higher) and optional regex ``patterns`` for phrasings a
list cannot enumerate. The format, the weights and the threshold are explained at the top
of ``data/themes.toml``; :func:`load_themes` reads that file, checks every entry and names
the one that is wrong. Nothing is read at import time.

This module finds and reads the file and checks its top level; the rules each theme and
the ``[abroad]`` table must follow are in :mod:`analysis.theme_entries`; what it builds (:class:`Theme`,
:class:`ThemeDictionary`, the term weights) is defined in :mod:`analysis.theme_model` and
importable from here as well.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from analysis.paths import REPO_ROOT, ConfigFileError, MissingConfigFileError, data_path, read_config_text
from analysis.report import Problem
from analysis.theme_entries import (
    THEME_KEYS,
    check_across,
    is_str_list,
    parse_abroad,
    parse_theme,
    term_problems,
)
from analysis.theme_model import TermWeight, Theme, ThemeDictionary, term_weights, theme_terms

__all__ = [
    "SENTENCE_DELIMITERS",
    "SETTINGS",
    "THEME_KEYS",
    "TermWeight",
    "Theme",
    "ThemeDictionary",
    "ThemeDictionaryError",
    "default_themes_path",
    "load_themes",
    "parse_themes",
    "term_weights",
    "theme_terms",
]

SETTINGS: dict[str, tuple[type, float]] = {
    "threshold": (float, 0.0),
    "min_hits": (int, 1),
    "length_floor": (int, 1),
    "length_cap": (int, 1),
    "title_weight": (float, 0.0),
    "core_weight": (float, 0.0),
}
"""Top-level numeric settings: expected type and smallest allowed value."""

TOP_LEVEL_KEYS = frozenset({"version", "ignore", "abroad", "themes", *SETTINGS})
SENTENCE_DELIMITERS = "。！？!?；;\n"
"""Characters that end a sentence (ASCII ``;`` too: some sources normalise ``；``)."""


class ThemeDictionaryError(ConfigFileError):
    """Raised when the theme file is not valid; the message names every bad entry."""


def default_themes_path() -> Path:
    """Return the theme file: ``themes.toml`` in ``$GOVTHEMES_DATA`` if set, else in the repo's ``data/``.

    The repo's ``data/`` is found next to the package, so this works from a checkout and
    from an editable install whatever the working directory; ``./data/themes.toml`` is the
    last resort (a plain install, run from a checkout).

    Raises:
        MissingConfigFileError: naming the places looked in (a ``FileNotFoundError``).
    """
    candidates = [
        data_path("themes.toml"),
        REPO_ROOT / "data" / "themes.toml",
        Path.cwd() / "data" / "themes.toml",
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(dict.fromkeys(str(c) for c in candidates))
    raise MissingConfigFileError("themes.toml", [Problem.of("themes_not_found", tried=tried)])


def load_themes(path: str | os.PathLike[str] | None = None) -> ThemeDictionary:
    """Read and validate a theme file.

    Args:
        path: the TOML file; ``None`` means :func:`default_themes_path`.

    Returns:
        The validated dictionary.

    Raises:
        MissingConfigFileError: if the file does not exist (a ``FileNotFoundError``).
        ThemeDictionaryError: naming the file, and for each bad entry its theme id and
            line, with what was expected (also for a file that is not UTF-8).
    """
    file = Path(path) if path is not None else default_themes_path()
    raw = read_config_text(file, "theme dictionary")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ThemeDictionaryError(file, [Problem.of("config_not_toml", error=str(exc))]) from exc
    return parse_themes(data, source=str(file), raw=raw)


def parse_themes(data: Mapping[str, Any], *, source: str = "<themes>", raw: str = "") -> ThemeDictionary:
    """Validate an already-parsed theme mapping (the TOML document) and build the dictionary.

    Args:
        data: the parsed document.
        source: name of the file, used in messages.
        raw: the file's text, used to give line numbers in messages.

    Returns:
        The validated dictionary.

    Raises:
        ThemeDictionaryError: listing every problem found.
    """
    problems = [
        Problem.of("themes_unknown_key", key=repr(k), expected=", ".join(sorted(TOP_LEVEL_KEYS)))
        for k in data
        if k not in TOP_LEVEL_KEYS
    ]
    settings = _parse_settings(data, problems)
    ignore = data.get("ignore", [])
    if not is_str_list(ignore, allow_empty=True):
        problems.append(Problem.of("themes_bad_ignore"))
        ignore = []
    for phrase in ignore:
        problems += term_problems(phrase, Problem.of("themes_ignore_where"))
    abroad = parse_abroad(data.get("abroad", {}), problems)
    entries = data.get("themes")
    if not isinstance(entries, list) or not entries:
        problems.append(Problem.of("themes_no_themes"))
        entries = []
    themes = [parse_theme(e, i, raw, problems) for i, e in enumerate(entries, start=1)]
    check_across(themes, set(ignore), raw, problems)
    if problems:
        raise ThemeDictionaryError(source, problems)
    return ThemeDictionary(
        themes=tuple(t for t in themes if t is not None),
        ignore=tuple(ignore),
        abroad_terms=abroad[0],
        home_terms=abroad[1],
        abroad_ignore=abroad[2],
        version=str(data.get("version", "")),
        path=source,
        **settings,
    )


def _parse_settings(data: Mapping[str, Any], problems: list[Problem]) -> dict[str, int | float]:
    """The top-level numeric settings given (:data:`SETTINGS`) as their type; bad ones go to problems."""
    settings: dict[str, int | float] = {}
    for key, (kind, lowest) in SETTINGS.items():
        if key in data:
            value = data[key]
            ok_type = isinstance(value, int if kind is int else (int, float))
            if isinstance(value, bool) or not ok_type or value < lowest:
                problems.append(Problem.of("themes_bad_setting", key=key, kind=kind.__name__, lowest=lowest,
                                           value=repr(value)))
            else:
                settings[key] = kind(value)
    return settings
