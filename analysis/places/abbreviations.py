"""Short names news uses beside the official ones: province abbreviations and shared short names.

Three tables of the alias file (``data/locality_aliases.toml``):

- ``[[province_abbreviation]]``: a province's one-character abbreviation (皖 安徽, 陇 甘肃).
  Never read alone: one character is too often an ordinary word or part of another
  word (甘心, 鲁莽, 苏醒), or the abbreviation of two places (宁: 宁夏 and 南京).
- ``[[region_word]]``: a regional word made of an abbreviation and a direction (皖北,
  陇东, 豫西), read where it stands as a word, as a bare name is (not in 秘鲁北部:
  Peru's north), as weak evidence of its province (kind ``region``, weighed by
  :mod:`analysis.places.regions`: it places an article naming no other place, never
  tips one that names some). An entry with ``whole_province = true`` names the whole
  province (陇原) and is read as its name (kind ``bare``, as 甘肃). A word that already
  names a place is refused, so the official name always wins: 陇南 is 陇南市, 甘南
  甘南州, 湘西 湘西州, 晋中 晋中市.
- ``[[shared_alias]]``: a short name several places go by (巴州: 巴音郭楞蒙古自治州 in
  新疆, 巴中市 in 四川). It means all of them and is decided as any ambiguous name
  (rule 3 of :mod:`analysis.places.locality`): by the article's other places or the
  paper's province, else dropped, never guessed. It replaces what the name meant before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.places import alias_entries as entries
from analysis.places.alias_entries import AliasFileError
from analysis.places.aliases import AliasKind, AliasMeaning
from analysis.report import Problem


@dataclass(frozen=True, slots=True)
class ProvinceAbbreviation:
    """One ``[[province_abbreviation]]``: ``abbreviation`` stands for the province ``adcode``."""

    abbreviation: str
    adcode: str
    source: str


@dataclass(frozen=True, slots=True)
class RegionWord:
    """One ``[[region_word]]``: ``text`` names a part of the province its first character stands for.

    ``whole_province``: it names the whole province instead (陇原), and counts as its name.
    """

    text: str
    note: str
    whole_province: bool = False


@dataclass(frozen=True, slots=True)
class SharedAlias:
    """One ``[[shared_alias]]``: ``alias`` means any of the places ``adcodes``."""

    alias: str
    adcodes: tuple[str, ...]
    note: str
    source: str


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """The three tables, parsed (their structure checked; their places by :func:`add_abbreviations`)."""

    provinces: tuple[ProvinceAbbreviation, ...] = ()
    regions: tuple[RegionWord, ...] = ()
    shared: tuple[SharedAlias, ...] = ()


def parse_abbreviations(raw: dict[str, Any], *, path: Path, known_codes: Mapping[str, Any]) -> Abbreviations:
    """Read the three tables from the parsed alias file.

    Raises:
        AliasFileError: naming the entry with a missing, empty or unknown field, an
            abbreviation of more than one character, an unknown code, fewer than two
            places for a shared alias, a ``whole_province`` that is no true or false, or
            a text listed twice.
    """
    provinces = []
    for index, entry in enumerate(entries.table_entries(raw, "province_abbreviation", path), start=1):
        named = entries.where("province_abbreviation", index, entry.get("abbreviation", "?"))
        fields = entries.entry_fields(entry, required=("abbreviation", "adcode", "source"), path=path,
                                      where=named)
        if len(fields["abbreviation"]) != 1:
            raise AliasFileError(path, [Problem.of("alias_abbreviation_length", where=named)])
        entries.check_adcode(fields["adcode"], where=named, path=path, known_codes=known_codes)
        provinces.append(ProvinceAbbreviation(**fields))
    regions = tuple(_parse_region(entry, index=index, path=path)
                    for index, entry in enumerate(entries.table_entries(raw, "region_word", path), start=1))
    shared = tuple(_parse_shared(entry, index=index, path=path, known_codes=known_codes)
                   for index, entry in enumerate(entries.table_entries(raw, "shared_alias", path), start=1))
    entries.reject_duplicates([p.abbreviation for p in provinces], table="province_abbreviation", path=path)
    entries.reject_duplicates([r.text for r in regions], table="region_word", path=path)
    entries.reject_duplicates([s.alias for s in shared], table="shared_alias", path=path)
    return Abbreviations(provinces=tuple(provinces), regions=regions, shared=shared)


def _parse_region(entry: dict[str, Any], *, index: int, path: Path) -> RegionWord:
    named = entries.where("region_word", index, entry.get("text", "?"))
    whole, entry = entries.pop_flag(entry, "whole_province", path=path, where=named)
    return RegionWord(**entries.entry_fields(entry, required=("text", "note"), path=path, where=named),
                      whole_province=whole)


def _parse_shared(
    entry: dict[str, Any], *, index: int, path: Path, known_codes: Mapping[str, Any]
) -> SharedAlias:
    named = entries.where("shared_alias", index, entry.get("alias", "?"))
    fields = entries.entry_fields(entry, required=("alias", "note", "source"), lists=("adcodes",),
                                  path=path, where=named)
    if len(set(fields["adcodes"])) < 2:
        raise AliasFileError(path, [Problem.of("alias_shared_one_place", where=named)])
    for adcode in fields["adcodes"]:
        entries.check_adcode(adcode, where=named, path=path, known_codes=known_codes)
    return SharedAlias(**fields)


def add_abbreviations(
    aliases: dict[str, tuple[AliasMeaning, ...]], abbreviations: Abbreviations, *,
    places: pd.DataFrame, path: Path,
) -> dict[str, tuple[AliasMeaning, ...]]:
    """Index the region words and shared aliases beside the other aliases (a new mapping).

    Args:
        aliases: ``{alias: meanings}`` from :func:`analysis.places.aliases.build_aliases`.
        abbreviations: the parsed tables.
        places: the gazetteer's places (``adcode``, ``name``, ``level``).
        path: the alias file, named in errors.

    Raises:
        AliasFileError: for an abbreviation of no province, a region word of one
            character, one whose first character is no abbreviation, or one that already
            names a place (陇南).
    """
    names = dict(zip(places["adcode"], places["name"], strict=True))
    province_of = _province_abbreviations(abbreviations.provinces, places=places, path=path)
    added = dict(aliases)
    for index, region in enumerate(abbreviations.regions, start=1):
        named = entries.where("region_word", index, region.text)
        if len(region.text) < 2:
            raise AliasFileError(path, [Problem.of("alias_region_alone", where=named)])
        if region.text[0] not in province_of:
            problem = Problem.of("alias_region_abbreviation", where=named, char=region.text[0])
            raise AliasFileError(path, [problem])
        if region.text in aliases:
            known = "、".join(names[m.adcode] for m in aliases[region.text])
            raise AliasFileError(path, [Problem.of("alias_region_is_a_place", where=named, places=known)])
        kind: AliasKind = "bare" if region.whole_province else "region"  # both read where a word
        added[region.text] = (AliasMeaning(province_of[region.text[0]], kind),)
    for entry in abbreviations.shared:
        added[entry.alias] = tuple(AliasMeaning(code, "short") for code in sorted(set(entry.adcodes)))
    return added


def _province_abbreviations(
    listed: tuple[ProvinceAbbreviation, ...], *, places: pd.DataFrame, path: Path
) -> dict[str, str]:
    """``{abbreviation: province adcode}``, refusing an entry whose code is no province's."""
    provinces = set(places.loc[places["level"] == "province", "adcode"])
    for index, entry in enumerate(listed, start=1):
        if entry.adcode not in provinces:
            name = places.loc[places["adcode"] == entry.adcode, "name"].iloc[0]
            named = entries.where("province_abbreviation", index, entry.abbreviation)
            problem = Problem.of("alias_not_a_province", where=named, adcode=entry.adcode, name=name)
            raise AliasFileError(path, [problem])
    return {entry.abbreviation: entry.adcode for entry in listed}
