"""Find place names in running text: one compiled scanner per gazetteer.

The scanner knows every alias that may be trusted in a headline or a body (full names,
suffixed short forms, bare province and prefecture names) but no bare county name, no
``[[not_a_place]]`` text, plus a few generic references (省委, 全省, 县政协) that only the
resolver can interpret.

How it is fast: nearly every alias ends in one of a small set of characters (the level
words 省市州县区旗盟 and the last characters of ~400 bare names). One character-class
regex finds those *anchor* positions in C; at each one the two characters ending there
are looked up, and only if some alias ends in them are the aliases ending there tried,
longest first. Overlaps are then settled leftmost,
longest first, as a regex alternation would. This runs at 10+ MB/s on one core, where a
regex alternation of all aliases (or a trie-shaped one) runs at about 1 MB/s, because
Python's ``re`` tries a branch's alternatives one by one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

from analysis.places.boundaries import WordBoundaries

if TYPE_CHECKING:
    from analysis.places.gazetteer import Gazetteer

PROVINCE_REFS = ("省委", "省政府", "省政协", "省纪委", "全省", "我省", "本省")
"""Generic references to the province a provincial paper is published in."""

LOCAL_LEVELS = "市县州区旗盟"
LOCAL_REFS = tuple(
    f"{level}{organ}" for level in LOCAL_LEVELS for organ in ("委", "政府", "政协", "纪委")
) + tuple(f"{det}{level}" for det in "全我本" for level in LOCAL_LEVELS)
"""Generic references to some unnamed prefecture or county (市政协, 全县)."""

ORGANS = ("政协", "政府", "人大", "纪委", "党委", "委")
"""Organ words: a place name followed by one (兰州市政协, 省委) names an actor."""

ORGAN_FOLLOWERS = (*ORGANS, "人民", "县", "市", "区")
"""What may follow a two-character county name (漳县政协, 成县县委) to make it trustworthy."""

_FORBIDDEN_NEXT = {"市": "场", "区": "域"}
"""A name ending in 市 is not read before 场 (合作市场), one ending in 区 not before 域."""

_NOT_BEFORE = "舰"
"""What no place name is read before: a warship named after a city (南宁舰, 长沙舰)."""

_WEAK_FORBIDDEN_NEXT = "域级城乡区镇"
"""A two-character county name is not read before these (形成县域, 提高县级)."""

_BARE_COUNTY_FORBIDDEN_NEXT = frozenset("镇乡村河湖江溪山岭路街港站桥寺洲岛湾")
"""What a bare county name is not read before: a town, village, river or road named
after the county is elsewhere (安乡镇 in another county), or no place at all (松滋河)."""

_TRANSLITERATION = frozenset("罗兰里尔斯克格纳萨塔奥伊亚尼基拉特瓦诺科夫维利努比哥茨米姆弗艾埃什")
"""Characters of transliterated foreign names. Foreign states end in 州 too: after one of
these, a two-character X州 is the tail of 别尔哥罗德州 or 南里奥格兰德州, not 德州; after
anything else (山东德州, 赴达州) it is read."""


class Entry(NamedTuple):
    """What a matched string means.

    Attributes:
        codes: candidate adcodes (several when the name is ambiguous); empty for a
            generic reference or a blocked ``not_a_place`` text.
        weak: a two-character county name (漳县, 成县), trusted only when an organ word
            follows it or another place backs it up.
        generic: ``"省"`` for a province reference, the level character for a local
            reference (``"县"`` for 县政协), else ``""``.
        bare: a name without its level word (长沙, 海北), read only where it stands as a
            word (not in 外交部长沙伦赛, 天南海北).
        region: a region word (陇东, 陕北; bare too): weak evidence of its province,
            weighed apart (:mod:`analysis.places.regions`).
    """

    codes: tuple[str, ...]
    weak: bool = False
    generic: str = ""
    bare: bool = False
    region: bool = False


class Mention(NamedTuple):
    """One match in a text.

    Attributes:
        start: where it starts.
        end: where it ends.
        entry: what it means.
        weak: a weak name (see :class:`Entry`) with no organ word after it.
        organ: names an actor: followed by an organ word (兰州市政协), or a generic
            reference that is one (省委, 县政协; not 全省).
    """

    start: int
    end: int
    entry: Entry
    weak: bool
    organ: bool


@dataclass(frozen=True)
class PlaceMatcher:
    """A compiled scanner (build it with :func:`compile_matcher`).

    Attributes:
        entries: ``{text: Entry}`` for every string the scanner recognises.
        chains: ``{adcode: lineage codes from the province down}``.
        flat_provinces: provinces without prefectures (北京, 天津, 上海, 重庆 and the
            SARs), whose 市委 and 市政协 are the province's own.
        boundaries: the word-boundary check for bare names.
    """

    entries: Mapping[str, Entry]
    chains: Mapping[str, tuple[str, ...]]
    flat_provinces: frozenset[str]
    _lengths: Mapping[str, tuple[int, ...]]
    _anchors: re.Pattern[str]
    boundaries: WordBoundaries = field(default_factory=WordBoundaries, compare=False)

    def scan(self, text: str) -> list[Mention]:
        """Return the place names and generic references in ``text``, in order.

        Blocked texts (``not_a_place``) take part in settling overlaps and are then
        dropped, so 示范县 hides 范县. A bare name is kept only where it stands as a word
        (:mod:`analysis.places.boundaries`), or where the segmenter keeps it whole with a
        place above it just before (云南昆明, 吉林长春): that word is one mention, of the
        name.
        """
        mentions = settle(self.candidates(text), text)
        if not any(m.entry.bare for m in mentions):
            return mentions
        cache: dict = {}
        stands = self.boundaries.stands_alone
        kept: list[Mention] = []
        for m in mentions:
            if not m.entry.bare or stands(text, m.start, m.end, cache=cache):
                kept.append(m)
            elif kept and self._addresses(kept[-1], m) and m.end in self.boundaries.cuts(
                    text, m.start, m.end, cache=cache):
                kept[-1] = m._replace(start=kept[-1].start)  # 云南昆明 cut as one word: one mention
        return kept

    def _addresses(self, place: Mention, name: Mention) -> bool:
        """Whether ``name`` follows ``place`` directly and lies in it (云南 + 昆明)."""
        pairs = ((above, code) for above in place.entry.codes for code in name.entry.codes)
        inside = any(above != code and above in self.chains[code] for above, code in pairs)
        return place.end == name.start and inside

    def scan_words(self, text: str) -> list[Mention]:
        """Return the names in ``text`` that stand as whole words, in order.

        For the bare county scanner (:func:`compile_bare_county_matcher`): each candidate
        must begin and end where the segmenter cuts, and not run on into a town, river or
        road named after it (安乡镇, 松滋河), before overlaps are settled, so that a
        candidate that is no word (和安 in 发展和安乡人民) cannot hide one that is.
        """
        cache: dict = {}
        cuts = self.boundaries.cuts
        found = [
            (start, end, entry) for start, end, entry in self.candidates(text)
            if text[end : end + 1] not in _BARE_COUNTY_FORBIDDEN_NEXT
            and {start, end} <= cuts(text, start, end, cache=cache)
        ]
        return settle(found, text)

    def candidates(self, text: str) -> list[tuple[int, int, Entry]]:
        """Every ``(start, end, entry)`` whose text ends at an anchor, longest per anchor."""
        found = []
        entries, lengths = self.entries, self._lengths
        for anchor in self._anchors.finditer(text, 1):
            end = anchor.end()
            candidates = lengths.get(text[end - 2 : end])
            if candidates is None:
                continue
            following = text[end : end + 1]
            for length in candidates:
                entry = entries.get(text[end - length : end]) if length <= end else None
                if entry is not None and _allowed(text, end - length, end, entry, following):
                    found.append((end - length, end, entry))
                    break
        return found


def _allowed(text: str, start: int, end: int, entry: Entry, following: str) -> bool:
    if following and (following in _NOT_BEFORE or following in _FORBIDDEN_NEXT.get(text[end - 1], "")):
        return False
    if end - start == 2 and text[end - 1] == "州" and start and text[start - 1] in _TRANSLITERATION:
        return False
    return not (entry.weak and following and following in _WEAK_FORBIDDEN_NEXT)


def settle(found: list[tuple[int, int, Entry]], text: str) -> list[Mention]:
    """Keep the leftmost, then longest, of overlapping candidates; drop blocked texts."""
    found.sort(key=lambda m: (m[0], m[0] - m[1]))
    mentions = []
    reached = 0
    for start, end, entry in found:
        if start < reached:
            continue
        reached = end
        if entry.codes:
            organ = text.startswith(ORGANS, end)
            weak = entry.weak and not text.startswith(ORGAN_FOLLOWERS, end)
            mentions.append(Mention(start, end, entry, weak, organ))
        elif entry.generic:
            mentions.append(Mention(start, end, entry, False, text[start] not in "全我本"))
    return mentions


def compile_matcher(gazetteer: Gazetteer) -> PlaceMatcher:
    """Build the scanner for a gazetteer's aliases (about 0.1 s; done once per gazetteer)."""
    levels = dict(zip(gazetteer.places["adcode"], gazetteer.places["level"], strict=True))
    entries: dict[str, Entry] = {}
    for alias in gazetteer.aliases:
        entry = _body_entry(gazetteer, alias, levels) if len(alias) >= 2 else None
        if entry is not None:
            entries[alias] = entry
    for text in gazetteer.not_a_place:
        entries[text] = Entry(codes=())
    for text in PROVINCE_REFS:
        entries.setdefault(text, Entry(codes=(), generic="省"))
    for text in LOCAL_REFS:
        level = text[0] if text[0] in LOCAL_LEVELS else text[1]
        entries.setdefault(text, Entry(codes=(), generic=level))
    with_prefectures = {code[:2] for code, level in levels.items() if level == "prefecture"}
    flat = frozenset(
        code for code, level in levels.items() if level == "province" and code[:2] not in with_prefectures)
    chains = {place.adcode: place.codes for place in gazetteer}
    return assemble_matcher(entries, chains=chains, flat_provinces=flat)


def compile_bare_county_matcher(gazetteer: Gazetteer, *, ordinary_words: Collection[str]) -> PlaceMatcher:
    """Build the scanner for bare county names (安乡, 肃南), which the main scanner never reads.

    Only names that mean counties and nothing else (not 临夏, also a prefecture), of two
    characters or more, are taken; ``not_a_place`` texts and ``ordinary_words`` (合作,
    和平: jieba's frequent non-names) are left out. The resolver reads these names only
    in an article about some unnamed county (:mod:`analysis.places.locality`, rule 7).
    """
    levels = dict(zip(gazetteer.places["adcode"], gazetteer.places["level"], strict=True))
    entries: dict[str, Entry] = {}
    for alias, meanings in gazetteer.aliases.items():
        if len(alias) < 2 or alias in gazetteer.not_a_place or alias in ordinary_words:
            continue
        if all(m.kind == "bare" and levels[m.adcode] == "county" for m in meanings):
            entries[alias] = Entry(codes=tuple(m.adcode for m in meanings), bare=True)
    main = gazetteer.matcher  # its chains, and its segmenter for word boundaries
    matcher = assemble_matcher(entries, chains=main.chains, flat_provinces=main.flat_provinces)
    return replace(matcher, boundaries=main.boundaries)


def assemble_matcher(
    entries: dict[str, Entry], *, chains: Mapping[str, tuple[str, ...]], flat_provinces: frozenset[str]
) -> PlaceMatcher:
    """Index ``entries`` by their last two characters and compile the anchor class."""
    lengths: dict[str, set[int]] = {}
    for text in entries:
        lengths.setdefault(text[-2:], set()).add(len(text))
    return PlaceMatcher(
        entries=entries,
        chains=chains,
        flat_provinces=flat_provinces,
        _lengths={char: tuple(sorted(ls, reverse=True)) for char, ls in lengths.items()},
        _anchors=re.compile("[" + "".join(re.escape(c) for c in sorted({b[-1] for b in lengths})) + "]"),
    )


def _body_entry(gazetteer: Gazetteer, alias: str, levels: Mapping[str, str]) -> Entry | None:
    """What ``alias`` means in running text, or None if it must not be read there.

    Full and short forms mean every place they name. A bare form is read only for
    provinces and prefectures, and then only as the highest level it names (吉林 is 吉林省,
    not 吉林市); bare county names are never read in running text. A region word (陇东)
    is read as bare names are, marked as one.
    """
    meanings = gazetteer.meanings(alias)
    if meanings and all(m.kind == "region" for m in meanings):
        return Entry(codes=tuple(m.adcode for m in meanings), bare=True, region=True)
    codes = tuple(m.adcode for m in meanings if m.kind not in ("bare", "region"))
    if codes:
        weak = len(alias) == 2 and all(levels[code] == "county" for code in codes)
        return Entry(codes=codes, weak=weak)
    bare = [m.adcode for m in meanings if levels[m.adcode] != "county"]
    if not bare:
        return None
    top = min(len(gazetteer.get(code).codes) for code in bare)
    return Entry(codes=tuple(code for code in bare if len(gazetteer.get(code).codes) == top), bare=True)
