"""The gazetteer: China's administrative divisions (GB/T 2260 codes) and their aliases.

Places come from the reference table of the ``ssdlab-region-parser`` package, read and
turned into one row per place by :mod:`analysis.places.reference` (which says how the
file's rows become places); aliases come from those names and the alias file
(:mod:`analysis.places.aliases`, :mod:`analysis.places.alias_file`). This module holds
them together, indexed by code and by alias, with the scanners built from them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from analysis.common_words import common_word_set
from analysis.paths import data_path
from analysis.places.abbreviations import add_abbreviations
from analysis.places.alias_file import ALIASES_FILE, NotAPlace, check_not_a_place, load_alias_file
from analysis.places.aliases import AliasMeaning, Level, build_aliases
from analysis.places.matcher import PlaceMatcher, compile_bare_county_matcher, compile_matcher
from analysis.places.reference import PLACE_COLUMNS, GazetteerError, build_places, read_reference
from analysis.places.towns import compile_town_matcher, dateline_towns

__all__ = ["PLACE_COLUMNS", "Gazetteer", "GazetteerError", "Place", "check_town_entries", "load_gazetteer",
           "load_gazetteer_from"]


@dataclass(frozen=True, slots=True)
class Place:
    """One administrative unit, with the units above it.

    Fields above or below the unit's own level are ``None`` where there is no such unit:
    a prefecture has no county; a district of 北京市 has no prefecture.
    """

    adcode: str
    name: str
    level: Level
    province_code: str
    province: str
    prefecture_code: str | None
    prefecture: str | None
    county_code: str | None
    county: str | None

    @property
    def codes(self) -> tuple[str, ...]:
        """Codes from the province down to this place (its lineage)."""
        return tuple(c for c in (self.province_code, self.prefecture_code, self.county_code) if c)


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """All places, indexed by code and by every alias.

    Attributes:
        places: one row per place, columns :data:`PLACE_COLUMNS`, string dtype, NA
            where a field does not apply; sorted by adcode.
        aliases: ``{alias: meanings}``, each meaning an adcode and the alias's kind,
            province first.
        not_a_place: strings never read as places in running text.
        not_a_town: township names never read as townships (小城镇).
        ethnic_groups: the people's names stripped from autonomous units' names (回族),
            for the short forms of ethnic townships too.
        alias_path: the alias file these came from, named in its errors.
    """

    places: pd.DataFrame
    aliases: Mapping[str, tuple[AliasMeaning, ...]]
    not_a_place: frozenset[str] = frozenset()
    not_a_town: tuple[NotAPlace, ...] = ()
    ethnic_groups: tuple[str, ...] = ()
    alias_path: Path | None = None
    _by_code: Mapping[str, Place] = field(default_factory=dict, repr=False)

    def get(self, adcode: str) -> Place:
        """Return the place with GB/T 2260 code ``adcode``.

        Raises:
            KeyError: if no place has that code.
        """
        try:
            return self._by_code[adcode]
        except KeyError:
            raise KeyError(f"no place has adcode {adcode!r}") from None

    def __contains__(self, adcode: object) -> bool:
        return adcode in self._by_code

    def __iter__(self) -> Iterator[Place]:
        return iter(self._by_code.values())

    def meanings(self, name: str) -> tuple[AliasMeaning, ...]:
        """Return what ``name`` can mean, with the kind of alias it is for each place."""
        return self.aliases.get(name.strip(), ())

    def lookup(self, name: str) -> list[Place]:
        """Return every place ``name`` can mean (province first, then by code).

        ``临夏`` gives 临夏回族自治州, 临夏市 and 临夏县; ``朝阳区`` gives two districts.
        """
        return [self._by_code[m.adcode] for m in self.meanings(name)]

    @cached_property
    def matcher(self) -> PlaceMatcher:
        """The compiled scanner for place names in running text (built on first use)."""
        return compile_matcher(self)

    @cached_property
    def bare_county_matcher(self) -> PlaceMatcher:
        """The scanner for bare county names (安乡), read only in articles about an unnamed county.

        Built on first use: it needs jieba's dictionary to leave out ordinary words (~0.2 s).
        """
        return compile_bare_county_matcher(self, ordinary_words=common_word_set())

    @cached_property
    def town_matcher(self) -> PlaceMatcher:
        """The scanner for township names (石川镇), each meaning its county.

        Built on first use from the township list (:mod:`analysis.places.towns`, ~0.5 s).
        """
        return compile_town_matcher(self)

    @cached_property
    def dateline_towns(self) -> Mapping[str, tuple[str, ...]]:
        """``{township name: adcodes}`` for datelines, short forms included (:mod:`.towns`)."""
        return dateline_towns(self)


def load_gazetteer(*, aliases_path: Path | str | None = None) -> Gazetteer:
    """Return the gazetteer built from the reference table and the alias file (cached).

    Args:
        aliases_path: the alias TOML file; defaults to ``locality_aliases.toml`` in the
            configuration folder (:func:`analysis.paths.data_path`).

    Returns:
        The gazetteer. Building it takes about two seconds, once per alias file.
    """
    path = Path(aliases_path) if aliases_path is not None else data_path(ALIASES_FILE)
    return load_gazetteer_from(path.resolve())


@lru_cache(maxsize=4)
def load_gazetteer_from(path: Path) -> Gazetteer:
    """Build the gazetteer with the alias file at ``path``; cached per path.

    Raises:
        GazetteerError: if the reference table is missing or malformed.
        AliasFileError: if the alias file is, naming the bad entry.
    """
    raw = read_reference()
    places = build_places(raw)
    by_code = {p.adcode: p for p in _places_from_table(places)}
    alias_file = load_alias_file(path, known_codes=by_code)
    aliases = build_aliases(places, raw=raw, alias_file=alias_file)
    aliases = add_abbreviations(aliases, alias_file.abbreviations, places=places, path=path)
    check_not_a_place(alias_file.not_a_place, aliases=aliases, path=path)
    return Gazetteer(
        places=places,
        aliases=aliases,
        not_a_place=frozenset(w.text for w in alias_file.not_a_place)
        | {a.alias for a in alias_file.aliases if a.dateline_only},
        not_a_town=alias_file.not_a_town,
        ethnic_groups=alias_file.ethnic_groups,
        alias_path=path,
        _by_code=by_code,
    )


def check_town_entries(*, aliases_path: Path | str | None = None) -> None:
    """Check the alias file's ``[[not_a_town]]`` entries against the township list, now.

    A load calls this before it reads any input file: a misspelt entry is named at once,
    not after every file was read. Builds the township scanner the load needs anyway.

    Raises:
        AliasFileError: naming the first entry that is no township's name.
        TownListError: if the township package is missing.
    """
    load_gazetteer(aliases_path=aliases_path).town_matcher  # noqa: B018 (built for its check)


def _places_from_table(places: pd.DataFrame) -> Iterator[Place]:
    for row in places.itertuples(index=False):
        values = {c: (None if pd.isna(v) else v) for c, v in zip(PLACE_COLUMNS, row, strict=True)}
        yield Place(**values)
