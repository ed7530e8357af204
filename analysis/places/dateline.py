"""The place a dateline names: 本报临夏讯, 本报肃南县马蹄乡讯, 本报石川镇讯, 本报马蹄讯.

A dateline is the strongest evidence of an article's place (rule 5 of
:mod:`analysis.places.locality`). Its ``X`` is read, in order:

1. As a name of a place (full, short or bare: 临夏 → the prefecture, 肃南 → the county),
   places in the paper's province first.
2. As a township (石川镇 → 漳县), or a place followed by one of its townships (漳县石川镇,
   张掖市马蹄乡 → 肃南县): a township is a mention of its county, as in the text
   (:mod:`analysis.places.towns`), and an ethnic township is also known as news writes
   it (马蹄乡 for 马蹄藏族乡, :func:`~analysis.places.towns.dateline_towns`). A name shared
   by several counties keeps those in the paper's province (when it has some there) and
   is then decided by the article's other places, or dropped, as any ambiguous dateline is.
3. As a township written without its 镇/乡/街道/苏木 (本报马蹄讯): only in the paper's own
   dateline (本报X讯, 本报X电), in a paper whose province is known, and only when one
   county of that province holds a township of that name. A news agency or site files
   from cities, at home or abroad, whose names are townships' too (新华社万象电 in a 浙江
   paper is Vientiane, not a 万象 township); bare township names are ordinary words too
   often (城关, 新华) to be read anywhere else; nor is a name jieba's dictionary knows as
   a common name of a place or person (柏林, 米兰: 本报柏林电 is Berlin, not 武都区's 柏林镇).
4. As any place name inside it (本报讯 forms the pattern also catches).

A dateline naming none of these and no township (本报华沙讯) is foreign, and so is an
agency's dateline naming no place but a bare township name (新华社万象电).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from analysis.places.alias_file import TOWN_SUFFIXES
from analysis.places.gazetteer import Gazetteer

_NOT_A_DATELINE_PLACE = re.compile(r"通$|综合|专|特约|记者|消息")
OWN_DATELINE = "本报"
"""The paper's own reporters file as 本报; anyone else (新华社, 中新社…) is an agency."""


def dateline_codes(
    gazetteer: Gazetteer, name: str, hint: str | None, *, agency: str | None = None
) -> tuple[str, ...]:
    """Return the candidate places for a dateline (see the module docstring).

    Args:
        gazetteer: the gazetteer.
        name: the dateline's ``X``, stripped.
        hint: the adcode of the paper's province, or None.
        agency: who filed it (``新华社``); None or :data:`OWN_DATELINE` for the paper's own.

    Returns:
        The adcodes, several when the name is ambiguous; empty when it names no place.
    """
    if not name:
        return ()
    chains = gazetteer.matcher.chains
    meanings = gazetteer.meanings(name)
    if meanings:
        if hint is not None and any(chains[m.adcode][0] == hint for m in meanings):
            meanings = tuple(m for m in meanings if chains[m.adcode][0] == hint)
        if any(m.kind != "bare" for m in meanings):
            meanings = tuple(m for m in meanings if m.kind != "bare")
        top = min(len(chains[m.adcode]) for m in meanings)
        return tuple(m.adcode for m in meanings if len(chains[m.adcode]) == top)
    own = agency in (None, OWN_DATELINE)
    towns = _township_codes(gazetteer, name) or (_bare_township_codes(gazetteer, name, hint) if own else ())
    if towns:
        return _in_province(chains, towns, hint)
    scanned = [m.entry.codes for m in gazetteer.matcher.scan(name) if m.entry.codes]
    return scanned[0] if scanned else ()


def is_foreign_dateline(gazetteer: Gazetteer, name: str, *, agency: str | None = None) -> bool:
    """True for a dateline whose place is not resolved and may be abroad (华沙).

    That is a name neither the gazetteer nor the township list knows, or, in a news
    agency's dateline, a bare name that only townships have: an agency files from
    cities (新华社万象电 is Vientiane, 新华社西港电 Sihanoukville), so its article is not
    placed by what its body names. Not for words the dateline pattern also catches
    (新华社长篇通讯, 本报综合讯), nor for a township of China whose county is not decided
    (本报城关讯, 本报城关镇讯, 新华社城关镇电).

    Args:
        gazetteer: the gazetteer.
        name: the dateline's ``X``, stripped, for which :func:`dateline_codes` found no place.
        agency: who filed it (``新华社``); None or :data:`OWN_DATELINE` for the paper's own.
    """
    if _NOT_A_DATELINE_PLACE.search(name):
        return False
    entries = gazetteer.dateline_towns
    if _town_names(entries, name):
        return False
    own = agency in (None, OWN_DATELINE)
    return not (own and any(name + suffix in entries for suffix in TOWN_SUFFIXES))


def _township_codes(gazetteer: Gazetteer, name: str) -> tuple[str, ...]:
    """The counties of the township ``name`` ends with, after the place it may follow.

    ``石川镇`` → its county; ``张掖市马蹄乡`` → the county of 张掖's 马蹄乡. A place before the
    township that holds no township of that name keeps the place (肃南县城关镇 where the
    list has none: 肃南县), never the township's other counties.
    """
    entries = gazetteer.dateline_towns
    chains = gazetteer.matcher.chains
    for town in _town_names(entries, name):
        codes = entries[town]
        head = name[: -len(town)]
        if not head:
            return codes
        above = _place_codes(gazetteer, head)
        if above:
            under = tuple(code for code in codes if any(a in chains[code] for a in above))
            return under or above
    return ()


def _town_names(entries: Mapping[str, object], name: str) -> list[str]:
    """The township names ``name`` ends with, longest first (a whole name before its tail)."""
    return [name[start:] for start in range(len(name) - 2) if name[start:] in entries]


def _place_codes(gazetteer: Gazetteer, text: str) -> tuple[str, ...]:
    """The places ``text`` names as a whole (漳县, 张掖市, 甘肃张掖), else ()."""
    meanings = gazetteer.meanings(text)
    if meanings:
        return tuple(m.adcode for m in meanings)
    mentions = [m for m in gazetteer.matcher.scan(text) if m.entry.codes]
    if mentions and mentions[-1].end == len(text):
        return mentions[-1].entry.codes
    return ()


def _bare_township_codes(gazetteer: Gazetteer, name: str, hint: str | None) -> tuple[str, ...]:
    """The county of the paper's province holding a township ``name`` + 镇/乡/街道/苏木, if only one.

    None for a frequent proper name the gazetteer does not know (a city abroad: 柏林, 米兰).
    """
    if hint is None or len(name) < 2 or _proper_name_abroad(name):
        return ()
    entries = gazetteer.dateline_towns
    chains = gazetteer.matcher.chains
    codes = {code for suffix in TOWN_SUFFIXES for code in entries.get(name + suffix, ())}
    ours = {code for code in codes if chains[code][0] == hint}
    return tuple(ours) if len(ours) == 1 else ()


def _proper_name_abroad(name: str) -> bool:
    """Whether jieba's dictionary has ``name`` as a frequent place or person name (柏林, 米兰)."""
    from analysis.common_words import common_word_set, frequent_word_set

    return name in frequent_word_set() and name not in common_word_set()


def _in_province(
    chains: Mapping[str, tuple[str, ...]], codes: tuple[str, ...], hint: str | None
) -> tuple[str, ...]:
    """``codes`` in the paper's province when some are, else all of them."""
    ours = tuple(code for code in codes if chains[code][0] == hint)
    return ours or codes
