"""Names a place goes by: rule-built short forms and the analyst-edited alias file.

Official names are long (临夏回族自治州, 肃南裕固族自治县) while news writes 临夏州, 肃南县
or plain 临夏. This module turns one official name into the forms it is written in, each
tagged with a *kind*:

- ``full``: the official name;
- ``short``: a shorter form that still ends in a level word (临夏州, 肃南县, 肃南自治县);
- ``bare``: the name without any level word (临夏, 兰州, 甘肃). Bare county names are
  often ordinary words (清水, 高台, 民乐, 安宁), so only the resolver decides where a bare
  form may be trusted.
- ``region``: a region word of the alias file (陇东, 陕北), naming a loosely bounded part
  of a province: weak evidence of it (:mod:`analysis.places.regions`).

:func:`build_aliases` indexes every place under all its forms, the reference table's
keywords and the extra aliases of ``data/locality_aliases.toml``
(:mod:`analysis.places.alias_file`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal, NamedTuple

import pandas as pd

if TYPE_CHECKING:
    from analysis.places.alias_file import AliasFile

AliasKind = Literal["full", "short", "bare", "region"]
Level = Literal["province", "prefecture", "county"]
LEVELS: tuple[Level, ...] = ("province", "prefecture", "county")
_KIND_RANK: dict[AliasKind, int] = {"full": 0, "short": 1, "bare": 2, "region": 3}
_LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

_LEVEL_SUFFIX = ("省", "市", "州", "县", "区", "旗", "盟", "地区")
AUTONOMOUS = re.compile(r"(?P<base>.+?)自治(?P<unit>区|州|县|旗)")
"""An autonomous unit's official name: the part before 自治 (place and people), and its unit."""
_PLAIN_SUFFIXES = ("特别行政区", "地区", "林区", "特区", "新区", "省", "市", "县", "区", "旗", "盟")


class AliasMeaning(NamedTuple):
    """One thing an alias can mean: a place, and how the alias names it."""

    adcode: str
    kind: AliasKind


def name_forms(name: str, *, level: Level, ethnic_groups: Iterable[str]) -> dict[str, AliasKind]:
    """Return the forms an official place name is written in, by kind.

    Args:
        name: the official full name, e.g. ``肃南裕固族自治县``.
        level: the place's level; it decides which short forms exist (a county-level
            autonomous unit is written ``肃南县``, a prefecture-level one ``临夏州``).
        ethnic_groups: ethnic group names (``裕固族``) stripped from autonomous names.

    Returns:
        ``{form: kind}``; always holds ``{name: "full"}``. Stems shorter than two
        characters give no bare form (漳县 has none).
    """
    forms: dict[str, AliasKind] = {name: "full"}
    autonomous = AUTONOMOUS.fullmatch(name)
    if autonomous:
        stem = strip_ethnic(autonomous["base"], ethnic_groups)
        unit = autonomous["unit"]
        if unit != "区" and stem:
            forms.setdefault(f"{stem}自治{unit}", "short")
            forms.setdefault(f"{stem}{unit}", "short")
    else:
        stem = _strip_plain_suffix(name, level=level)
    if stem and len(stem) >= 2 and stem != name:
        forms.setdefault(stem, "bare")
    return forms


def strip_ethnic(base: str, ethnic_groups: Iterable[str]) -> str:
    """Strip trailing ethnic group names from the part of a name before 自治.

    ``肃南裕固族`` → ``肃南``; ``积石山保安族东乡族撒拉族`` → ``积石山``; a unit named after its
    people keeps the people's name: ``东乡族`` → ``东乡``, ``鄂伦春`` → ``鄂伦春``. Names
    written without 族 (``伊犁哈萨克``) are stripped too, but never down to one character
    (``内蒙古`` stays).
    """
    variants = sorted(
        {v for g in ethnic_groups for v in (g, g.removesuffix("族")) if len(v) >= 2},
        key=len,
        reverse=True,
    )
    stem = base
    while True:
        for variant in variants:
            if stem == variant:
                return variant.removesuffix("族")
            if stem.endswith(variant) and len(stem) - len(variant) >= 2:
                stem = stem[: -len(variant)]
                break
        else:
            return stem


def _strip_plain_suffix(name: str, *, level: Level) -> str:
    for suffix in _PLAIN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            if suffix == "新区" and level != "county":
                continue
            return name[: -len(suffix)]
    return name


def keyword_kind(keyword: str, *, official_name: str) -> AliasKind:
    """Classify a keyword from the reference library: full, suffixed (short) or bare."""
    if keyword == official_name:
        return "full"
    return "short" if keyword.endswith(_LEVEL_SUFFIX) else "bare"


def build_aliases(
    places: pd.DataFrame, *, raw: pd.DataFrame, alias_file: AliasFile
) -> dict[str, tuple[AliasMeaning, ...]]:
    """Index every place under its rule-built forms, the library's keywords and extras.

    An ``[[alias]]`` of the alias file replaces whatever else its text meant.

    Returns:
        ``{alias: meanings}``, meanings ordered province first, then by adcode.
    """
    found: dict[str, dict[str, AliasKind]] = {}
    levels = dict(zip(places["adcode"], places["level"], strict=True))
    for adcode, form, kind in _all_forms(places, raw, alias_file.ethnic_groups):
        kinds = found.setdefault(form, {})
        if adcode not in kinds or _KIND_RANK[kind] < _KIND_RANK[kinds[adcode]]:
            kinds[adcode] = kind
    for extra in alias_file.aliases:
        found[extra.alias] = {extra.adcode: "short"}
    return {
        form: tuple(
            AliasMeaning(code, kind)
            for code, kind in sorted(kinds.items(), key=lambda ck: (_LEVEL_RANK[levels[ck[0]]], ck[0]))
        )
        for form, kinds in found.items()
    }


def _all_forms(
    places: pd.DataFrame, raw: pd.DataFrame, ethnic_groups: tuple[str, ...]
) -> Iterator[tuple[str, str, AliasKind]]:
    for adcode, name, level in zip(places["adcode"], places["name"], places["level"], strict=True):
        for form, kind in name_forms(name, level=level, ethnic_groups=ethnic_groups).items():
            yield adcode, form, kind
    known = set(places["adcode"])
    for name_col, keyword_col, code_col in (
        ("省级名称", "省级关键词", "省份代码"),
        ("城市名称", "市级关键词", "城市代码"),
        ("区县名称", "区县关键词", "区县代码"),
    ):
        for name, keywords, adcode in (
            raw[[name_col, keyword_col, code_col]].drop_duplicates(code_col).itertuples(index=False)
        ):
            if adcode not in known:
                continue
            for keyword in filter(None, (k.strip() for k in str(keywords).split("|"))):
                yield adcode, keyword, keyword_kind(keyword, official_name=name)
