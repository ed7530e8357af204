"""The theme dictionary file: analyst-editable themes in ``data/themes.toml``, validated on load.

A theme is a named list of governance terms (plain substrings), optional ``core_terms``
(unambiguous markers, weighted higher) and optional regex ``patterns`` for phrasings a
list cannot enumerate. The format, the weights and the threshold are explained at the top
of ``data/themes.toml``; :func:`load_themes` reads that file, checks every entry and names
the one that is wrong. Nothing is read at import time.

This module finds, reads and validates the file; what it builds (:class:`Theme`,
:class:`ThemeDictionary`, the term weights) is defined in :mod:`analysis.theme_model` and
importable from here as well.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from analysis.paths import REPO_ROOT, ConfigFileError, MissingConfigFileError, data_path, read_config_text
from analysis.report import Problem
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
ABROAD_KEYS = frozenset({"description", "source", "terms", "home_terms", "ignore"})
THEME_KEYS = frozenset(
    {"id", "label", "label_en", "description", "description_zh", "source", "terms", "core_terms", "patterns",
     "weights", "counter_terms", "home_only"}
)
REQUIRED_THEME_KEYS = ("id", "label", "label_en", "description", "terms")
SENTENCE_DELIMITERS = "。！？!?；;\n"
"""Characters that end a sentence (ASCII ``;`` too: some sources normalise ``；``)."""
FORBIDDEN_IN_TERMS = re.compile(r"[\s。！？!?；;]")
THEME_ID = re.compile(r"[a-z][a-z0-9_]*")


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
    settings = {}
    for key, (kind, lowest) in SETTINGS.items():
        if key in data:
            value = data[key]
            ok_type = isinstance(value, int if kind is int else (int, float))
            if isinstance(value, bool) or not ok_type or value < lowest:
                problems.append(Problem.of("themes_bad_setting", key=key, kind=kind.__name__, lowest=lowest,
                                           value=repr(value)))
            else:
                settings[key] = kind(value)
    ignore = data.get("ignore", [])
    if not _is_str_list(ignore, allow_empty=True):
        problems.append(Problem.of("themes_bad_ignore"))
        ignore = []
    for phrase in ignore:
        problems += _term_problems(phrase, Problem.of("themes_ignore_where"))
    abroad = _parse_abroad(data.get("abroad", {}), problems)
    entries = data.get("themes")
    if not isinstance(entries, list) or not entries:
        problems.append(Problem.of("themes_no_themes"))
        entries = []
    themes = [_parse_theme(e, i, raw, problems) for i, e in enumerate(entries, start=1)]
    _check_across(themes, set(ignore), raw, problems)
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


def _parse_abroad(table: object, problems: list[Problem]) -> tuple[tuple[str, ...], ...]:
    """The ``[abroad]`` terms, home terms and ignore phrases (empty without the table), its problems added."""
    if not isinstance(table, dict):
        problems.append(Problem.of("themes_bad_abroad", found=type(table).__name__))
        return (), (), ()
    problems += [Problem.of("themes_abroad_unknown_key", key=repr(k), expected=", ".join(sorted(ABROAD_KEYS)))
                 for k in table if k not in ABROAD_KEYS]
    lists = []
    for key in ("terms", "home_terms", "ignore"):
        words = table.get(key, [])
        if not _is_str_list(words, allow_empty=True):
            problems.append(Problem.of("themes_abroad_bad_list", key=key))
            words = []
        for word in words:
            problems += _term_problems(word, Problem.of("themes_abroad_where", key=key))
        lists.append(tuple(words))
    terms, home, ignore = map(set, lists)
    problems += [Problem.of("themes_abroad_both", term=repr(w)) for w in sorted(terms & home)]
    problems += [Problem.of("themes_abroad_ignored", term=repr(w)) for w in sorted(ignore & (terms | home))]
    return tuple(lists)


def _where(number: int, theme_id: object, raw: str) -> Problem:
    """Where a theme is: its number, its id and the line of its ``[[themes]]`` header."""
    headers = [m.start() for m in re.finditer(r"(?m)^[ \t]*\[\[themes\]\]", raw)]
    if len(headers) < number:
        return Problem.of("theme_where", number=number, theme_id=repr(theme_id))
    at_line = raw.count(chr(10), 0, headers[number - 1]) + 1
    return Problem.of("theme_where_line", number=number, theme_id=repr(theme_id), at_line=at_line)


def _is_str_list(value: object, *, allow_empty: bool = False) -> bool:
    return (
        isinstance(value, list)
        and (allow_empty or bool(value))
        and all(isinstance(v, str) and v.strip() for v in value)
    )


def _parse_theme(entry: object, number: int, raw: str, problems: list[Problem]) -> Theme | None:
    if not isinstance(entry, dict):
        problems.append(Problem.of("theme_not_table", number=number, found=type(entry).__name__))
        return None
    where = _where(number, entry.get("id"), raw)
    before = len(problems)
    problems += [
        Problem.of("theme_unknown_key", where=where, key=repr(k), expected=", ".join(sorted(THEME_KEYS)))
        for k in entry
        if k not in THEME_KEYS
    ]
    problems += [Problem.of("theme_missing_key", where=where, key=repr(k)) for k in REQUIRED_THEME_KEYS
                 if k not in entry]
    for key in ("id", "label", "label_en", "description", "description_zh", "source"):
        if key in entry and not (isinstance(entry[key], str) and entry[key].strip()):
            problems.append(Problem.of("theme_empty_string", where=where, key=key))
    if not isinstance(entry.get("home_only", False), bool):
        problems.append(Problem.of("theme_bad_home_only", where=where))
    if isinstance(entry.get("id"), str) and not THEME_ID.fullmatch(entry["id"]):
        problems.append(Problem.of("theme_bad_id", where=where))
    _check_terms(entry, where, problems)
    _check_patterns(entry.get("patterns", []), where, problems)
    _check_weights(entry, where, problems)
    if len(problems) > before:
        return None
    return Theme(
        id=entry["id"],
        label=entry["label"],
        label_en=entry["label_en"],
        description=entry["description"],
        terms=tuple(entry["terms"]),
        core_terms=tuple(entry.get("core_terms", [])),
        patterns=tuple(entry.get("patterns", [])),
        weights=dict(entry.get("weights", {})),
        source=entry.get("source", ""),
        description_zh=entry.get("description_zh", ""),
        counter_terms=tuple(entry.get("counter_terms", [])),
        home_only=entry.get("home_only", False),
    )


def _check_terms(entry: dict[str, Any], where: Problem, problems: list[Problem]) -> None:
    if "terms" in entry and not _is_str_list(entry["terms"]):
        problems.append(Problem.of("theme_bad_terms", where=where))
        return
    core = entry.get("core_terms", [])
    if not _is_str_list(core, allow_empty=True):
        problems.append(Problem.of("theme_bad_core_terms", where=where))
        return
    seen: set[str] = set()
    for term in [*core, *entry.get("terms", [])]:
        if term in seen:
            problems.append(Problem.of("theme_term_twice", where=where, term=repr(term)))
        seen.add(term)
        problems += _term_problems(term, where)
    counters = entry.get("counter_terms", [])
    if not _is_str_list(counters, allow_empty=True):
        problems.append(Problem.of("theme_bad_counter_terms", where=where))
        return
    for term in counters:
        if term in seen:
            problems.append(Problem.of("theme_counter_term_listed", where=where, term=repr(term)))
        problems += _term_problems(term, where)


def _term_problems(term: str, where: Problem) -> list[Problem]:
    if FORBIDDEN_IN_TERMS.search(term):
        return [Problem.of("theme_term_never_matches", where=where, term=repr(term))]
    if len(term) < 2:
        return [Problem.of("theme_term_single_character", where=where, term=repr(term))]
    return []


def _check_patterns(patterns: object, where: Problem, problems: list[Problem]) -> None:
    if not _is_str_list(patterns, allow_empty=True):
        problems.append(Problem.of("theme_bad_patterns", where=where))
        return
    for pattern in patterns:  # type: ignore[union-attr]
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            problems.append(
                Problem.of("theme_pattern_invalid", where=where, pattern=repr(pattern), error=str(exc)))
            continue
        if compiled.groupindex or re.search(r"\(\?P=|\\[1-9]|^\(\?[aiLmsux]+\)", pattern):
            problems.append(Problem.of("theme_pattern_groups", where=where, pattern=repr(pattern)))
        elif compiled.fullmatch(""):
            problems.append(Problem.of("theme_pattern_empty", where=where, pattern=repr(pattern)))


def _check_weights(entry: dict[str, Any], where: Problem, problems: list[Problem]) -> None:
    weights = entry.get("weights", {})
    if not isinstance(weights, dict):
        problems.append(Problem.of("theme_bad_weights", where=where))
        return
    listed = {*entry.get("terms", []), *entry.get("core_terms", []), *entry.get("patterns", [])}
    for term, value in weights.items():
        if term not in listed:
            problems.append(Problem.of("theme_weight_unlisted", where=where, term=repr(term)))
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            problems.append(Problem.of("theme_weight_not_positive", where=where, term=repr(term)))


def _check_across(themes: list[Theme | None], ignore: set[str], raw: str, problems: list[Problem]) -> None:
    first: dict[str, int] = {}
    for number, theme in enumerate(themes, start=1):
        if theme is None:
            continue
        if theme.id in first:
            problems.append(Problem.of("theme_duplicate_id", where=_where(number, theme.id, raw),
                                       theme_id=repr(theme.id), first=first[theme.id]))
        first.setdefault(theme.id, number)
        for term in ignore.intersection(theme.terms + theme.core_terms):
            where = _where(number, theme.id, raw)
            problems.append(Problem.of("theme_term_ignored", where=where, term=repr(term)))
