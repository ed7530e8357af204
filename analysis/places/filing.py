"""Where a story was filed, as evidence of its place: the dateline, read in context.

:mod:`analysis.places.dateline` says which places a dateline's name can mean; this module
decides what they count for in one article (rule 4 of :mod:`analysis.places.locality`):
a capital may be only where a paper from elsewhere files its news, and a name of no
place in China leaves the article unplaced unless its headline names a place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from analysis.places.dateline import dateline_codes, is_foreign_dateline
from analysis.places.gazetteer import Gazetteer
from analysis.places.matcher import Mention
from analysis.places.zones import text_of

CAPITAL = "110000"
"""北京市: national news is filed from it (rule 4)."""


class Filing(NamedTuple):
    """What an article's dateline counts for.

    Attributes:
        codes: the places it is evidence for (several when its name is ambiguous).
        abroad: it names no place in China: the story may be from abroad.
    """

    codes: tuple[str, ...]
    abroad: bool


def read_filing(
    gazetteer: Gazetteer, dateline: tuple[object, object], hint: str | None,
    mentions: list[tuple[str, Mention]],
) -> Filing:
    """Read an article's dateline (rule 4).

    Args:
        gazetteer: the gazetteer.
        dateline: its place (the ``X`` of 本报X讯) and agency (``本报``, ``新华社``), None if absent.
        hint: the adcode of the paper's province, or None.
        mentions: the article's place names, by zone (:func:`analysis.places.zones.scan_article`).

    Returns:
        The places the dateline stands for, and whether it may be abroad.
    """
    name = text_of(dateline[0]).strip()
    agency = text_of(dateline[1]).strip() or None
    codes = dateline_codes(gazetteer, name, hint, agency=agency)
    chains = gazetteer.matcher.chains
    if filed_from_a_capital(codes, hint, mentions, chains):
        province = chains[codes[0]][0]  # 本报西宁电: 青海's news; 本报北京电: national
        return Filing(() if province == CAPITAL else (province,), abroad=False)
    abroad = bool(name) and not codes and is_foreign_dateline(gazetteer, name, agency=agency)
    return Filing(codes, abroad=abroad)


def filed_from_a_capital(
    dateline: tuple[str, ...], hint: str | None, mentions: list[tuple[str, Mention]],
    chains: Mapping[str, tuple[str, ...]],
) -> bool:
    """Whether the dateline is only where a paper from elsewhere filed the story (rule 4).

    True for 北京 or a province's capital (GB/T 2260 lists it first: ``xx0100``, 西宁市,
    长沙市) in a paper not of that province, when neither the headline, the kicker nor
    the lead names the capital or a place in it.
    """
    if len(dateline) != 1 or not is_capital(dateline[0], chains) or hint == chains[dateline[0]][0]:
        return False
    return not any(
        zone in ("title", "kicker", "lead") and any(dateline[0] in chains[code] for code in m.entry.codes)
        for zone, m in mentions)


def is_capital(code: str, chains: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether ``code`` is 北京 or a province's capital (the first prefecture of its province: ``xx0100``)."""
    return code == CAPITAL or (len(chains[code]) == 2 and code.endswith("0100"))
