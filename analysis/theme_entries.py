"""Validation of the theme file's entries: each ``[[themes]]`` table, the ``[abroad]`` table, their terms.

Every check adds what it finds to a list of problems rather than stopping at the first,
so :func:`analysis.theme_dictionary.parse_themes` can name every bad entry of a file at
once, each with its theme's number, id and line. Kept apart from the file handling so
that the rules an entry must follow read in one place.
"""

from __future__ import annotations

import re
from typing import Any

from analysis.report import Problem
from analysis.theme_model import Theme

ABROAD_KEYS = frozenset({"description", "source", "terms", "home_terms", "ignore"})
THEME_KEYS = frozenset(
    {"id", "label", "label_en", "description", "description_zh", "source", "terms", "core_terms", "patterns",
     "weights", "counter_terms", "home_only"}
)
REQUIRED_THEME_KEYS = ("id", "label", "label_en", "description", "terms")
FORBIDDEN_IN_TERMS = re.compile(r"[\s。！？!?；;]")
"""A term holding a space or a sentence end can never match: texts are matched sentence by sentence."""
THEME_ID = re.compile(r"[a-z][a-z0-9_]*")


def parse_abroad(table: object, problems: list[Problem]) -> tuple[tuple[str, ...], ...]:
    """The ``[abroad]`` terms, home terms and ignore phrases (empty without the table), its problems added."""
    if not isinstance(table, dict):
        problems.append(Problem.of("themes_bad_abroad", found=type(table).__name__))
        return (), (), ()
    problems += [Problem.of("themes_abroad_unknown_key", key=repr(k), expected=", ".join(sorted(ABROAD_KEYS)))
                 for k in table if k not in ABROAD_KEYS]
    lists = []
    for key in ("terms", "home_terms", "ignore"):
        words = table.get(key, [])
        if not is_str_list(words, allow_empty=True):
            problems.append(Problem.of("themes_abroad_bad_list", key=key))
            words = []
        for word in words:
            problems += term_problems(word, Problem.of("themes_abroad_where", key=key))
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


def is_str_list(value: object, *, allow_empty: bool = False) -> bool:
    """Whether ``value`` is a list of non-blank strings (and not empty, unless ``allow_empty``)."""
    return (
        isinstance(value, list)
        and (allow_empty or bool(value))
        and all(isinstance(v, str) and v.strip() for v in value)
    )


def parse_theme(entry: object, number: int, raw: str, problems: list[Problem]) -> Theme | None:
    """The ``number``-th ``[[themes]]`` table as a :class:`Theme`, or None with its problems added."""
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
    if "terms" in entry and not is_str_list(entry["terms"]):
        problems.append(Problem.of("theme_bad_terms", where=where))
        return
    core = entry.get("core_terms", [])
    if not is_str_list(core, allow_empty=True):
        problems.append(Problem.of("theme_bad_core_terms", where=where))
        return
    seen: set[str] = set()
    for term in [*core, *entry.get("terms", [])]:
        if term in seen:
            problems.append(Problem.of("theme_term_twice", where=where, term=repr(term)))
        seen.add(term)
        problems += term_problems(term, where)
    counters = entry.get("counter_terms", [])
    if not is_str_list(counters, allow_empty=True):
        problems.append(Problem.of("theme_bad_counter_terms", where=where))
        return
    for term in counters:
        if term in seen:
            problems.append(Problem.of("theme_counter_term_listed", where=where, term=repr(term)))
        problems += term_problems(term, where)


def term_problems(term: str, where: Problem) -> list[Problem]:
    """Why a term can never match (a space or sentence end in it, a single character), if it cannot."""
    if FORBIDDEN_IN_TERMS.search(term):
        return [Problem.of("theme_term_never_matches", where=where, term=repr(term))]
    if len(term) < 2:
        return [Problem.of("theme_term_single_character", where=where, term=repr(term))]
    return []


def _check_patterns(patterns: object, where: Problem, problems: list[Problem]) -> None:
    if not is_str_list(patterns, allow_empty=True):
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


def check_across(themes: list[Theme | None], ignore: set[str], raw: str, problems: list[Problem]) -> None:
    """Add the problems between themes: an id used twice, a term the dictionary's ``ignore`` discards."""
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
