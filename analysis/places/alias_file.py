"""The analyst-edited alias file, ``data/locality_aliases.toml``.

It holds what the gazetteer cannot derive from official names: the ethnic group names
that the naming rules strip (肃南裕固族自治县 → 肃南), extra aliases (兰州新区), and text
that looks like a place name in running text but is not (白银 "silver", 示范县 "model
county"). Every entry is validated on load; an error names the file and the entry.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.paths import read_config_text
from analysis.places.abbreviations import Abbreviations, parse_abbreviations
from analysis.places.alias_entries import (
    AliasFileError,
    check_adcode,
    entry_fields,
    pop_flag,
    reject_duplicates,
    table_entries,
    where,
)
from analysis.report import Problem

ALIASES_FILE = "locality_aliases.toml"
"""The alias file's name in the configuration folder (:func:`analysis.paths.data_path`)."""

TOWN_SUFFIXES = ("街道", "苏木", "镇", "乡")
MIN_TOWN_CHARS = 3
"""Shorter township names (杨镇, 古乡, 口镇) are read in too many ordinary words."""


def is_town_name(name: str) -> bool:
    """Whether ``name`` is long enough and ends as a township's name does."""
    return len(name) >= MIN_TOWN_CHARS and name.endswith(TOWN_SUFFIXES)


@dataclass(frozen=True, slots=True)
class ExtraAlias:
    """One ``[[alias]]`` entry of the alias file: ``alias`` means the place ``adcode``."""

    alias: str
    adcode: str
    note: str
    source: str
    dateline_only: bool = False
    """Read only in a dateline (新华社乌镇电), never in running text, where it mostly names
    something held elsewhere (博鳌亚洲论坛…在成都)."""


@dataclass(frozen=True, slots=True)
class NotAPlace:
    """One ``[[not_a_place]]`` entry: text that is never read as a place in running text.

    Also one ``[[not_a_town]]`` entry: a township's name that is never read as one
    (小城镇 "small towns"; :mod:`analysis.places.towns`).
    """

    text: str
    note: str


@dataclass(frozen=True, slots=True)
class AliasFile:
    """The parsed alias file."""

    ethnic_groups: tuple[str, ...]
    aliases: tuple[ExtraAlias, ...]
    not_a_place: tuple[NotAPlace, ...]
    not_a_town: tuple[NotAPlace, ...] = ()
    abbreviations: Abbreviations = field(default_factory=Abbreviations)
    """Province abbreviations, region words, shared short names (:mod:`.abbreviations`)."""


def load_alias_file(path: Path, *, known_codes: Mapping[str, Any]) -> AliasFile:
    """Read and validate the alias file.

    Args:
        path: the TOML file (see ``data/locality_aliases.toml`` for its layout).
        known_codes: the gazetteer's adcodes; every ``[[alias]]`` must point at one.

    Returns:
        The parsed file.

    Raises:
        AliasFileError: naming the file, the entry and what was expected.
    """
    try:
        raw = tomllib.loads(read_config_text(path, "alias file"))
    except tomllib.TOMLDecodeError as error:
        raise AliasFileError(path, [Problem.of("config_not_toml", error=str(error))]) from error
    rules = raw.get("name_rules", {})
    groups = rules.get("ethnic_groups") if isinstance(rules, dict) else None
    if not isinstance(groups, list) or not all(isinstance(g, str) and g for g in groups):
        raise AliasFileError(path, [Problem.of("alias_bad_ethnic_groups")])
    aliases = tuple(
        _parse_alias(entry, index=i, path=path, known_codes=known_codes)
        for i, entry in enumerate(table_entries(raw, "alias", path), start=1)
    )
    words, towns = (
        tuple(
            _parse_not_a_place(entry, index=i, path=path, table=table)
            for i, entry in enumerate(table_entries(raw, table, path), start=1)
        )
        for table in ("not_a_place", "not_a_town")
    )
    reject_duplicates([a.alias for a in aliases], table="alias", path=path)
    reject_duplicates([w.text for w in words], table="not_a_place", path=path)
    reject_duplicates([w.text for w in towns], table="not_a_town", path=path)
    abbreviations = parse_abbreviations(raw, path=path, known_codes=known_codes)
    return AliasFile(ethnic_groups=tuple(groups), aliases=aliases, not_a_place=words, not_a_town=towns,
                     abbreviations=abbreviations)


def _parse_alias(
    entry: dict[str, Any], *, index: int, path: Path, known_codes: Mapping[str, Any]
) -> ExtraAlias:
    named = where("alias", index, entry.get("alias", "?"))
    dateline_only, entry = pop_flag(entry, "dateline_only", path=path, where=named)
    fields = entry_fields(entry, required=("alias", "adcode", "note", "source"), path=path, where=named)
    check_adcode(fields["adcode"], where=named, path=path, known_codes=known_codes)
    return ExtraAlias(**fields, dateline_only=dateline_only)


def _parse_not_a_place(entry: dict[str, Any], *, index: int, path: Path, table: str) -> NotAPlace:
    """One ``[[not_a_place]]`` or ``[[not_a_town]]`` entry.

    A ``[[not_a_town]]`` text must at least look like a township's name (小城镇, not 小城);
    whether the township list holds it is checked when the list is read
    (:func:`analysis.places.towns.check_not_a_town`, before any input file).
    """
    named = where(table, index, entry.get("text", "?"))
    word = NotAPlace(**entry_fields(entry, required=("text", "note"), path=path, where=named))
    if table == "not_a_town" and not is_town_name(word.text):
        raise AliasFileError(path, [Problem.of("alias_no_town", where=named)])
    return word


def check_not_a_place(words: Iterable[NotAPlace], *, aliases: Iterable[str], path: Path) -> None:
    """Check that every ``[[not_a_place]]`` text contains some place alias.

    An entry that contains none can never matter, and is most likely a typo.

    Raises:
        AliasFileError: naming the first useless entry.
    """
    known = set(aliases)
    lengths = sorted({len(a) for a in known})
    for index, word in enumerate(words, start=1):
        text = word.text
        found = any(text[i : i + n] in known for i in range(len(text)) for n in lengths)
        if not found:
            named = where("not_a_place", index, text)
            raise AliasFileError(path, [Problem.of("alias_blocks_nothing", where=named)])
