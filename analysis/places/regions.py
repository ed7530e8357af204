"""Region words (陇东, 陕北, 苏南) as weak evidence of their province (rule 11 of :mod:`.locality`).

A ``[[region_word]]`` of the alias file names a loosely bounded part of a province, and
news uses it for what comes from there as much as for what happens there: a doctor
坚守陕北 at a national press conference, a television series about 陕北青年, a concert of
陕北民歌 touring the country. So a region word is weighed apart from place names:

- Where the article names places (in its dateline, headline or body) or says 全省 of
  a province, the places decide. A region word of a province none of them lies in
  counts for no province, only in the whole weight a province must outweigh (rule 6):
  it never tips a balance (陇东送山东 with 甘肃 and 山东 named stays a tie; 陕北民歌 in
  the title of a concert held in 内蒙古鄂尔多斯 does not make it 陕西's, and weighs
  against the lead's one mention of 鄂尔多斯). When all of them lie in its province
  and they place the article, it counts for its province, as a place name would: it
  may keep the answer at the province (京杭大运河苏南段 … 在镇江启动: 江苏, not 镇江), but
  it does not place an article that its places leave unplaced (a national story
  naming 陕北 in its lead and 延安 once, in passing, further down), unless it would
  alone:
- Alone, or beside only places of its province that leave the article unplaced, it
  places the article in its province, never below, only when that province is
  otherwise the article's: the paper's province (``province_hint``: a provincial
  paper's story about 陇东 is 甘肃's), or a region word in the title or kicker (滇中引水
  工程…), or the province the article's 全省 or 省委 speak of (rule 2 reads them as the
  region words' province when the article names no place). Region words only in
  the body of a story of no province place nothing; nor do region words of two
  provinces (沿江、豫南、陕南), nor any in a national story (rule 10).
- In a title listing places side by side (陕北到安徽), it still makes the list a route
  across provinces, placed nowhere (rule 10): a region word may leave an article
  unplaced, never place it against other places.
- In a dateline (本报陇东讯), where a reporter filed from, it counts as its province,
  as any dateline does (:mod:`.dateline`).

A region word that names the whole province (陇原) is marked ``whole_province = true``
in the alias file and read as the province's own name, never weighed here.
"""

from __future__ import annotations

from collections.abc import Mapping

from analysis.places.evidence import CONTEXT_ZONES, ZONE_WEIGHTS, Evidence, choose_place
from analysis.places.matcher import Mention
from analysis.places.scope import ScopeReading

Mentions = list[tuple[str, Mention]]
"""``(zone, mention)`` pairs, as :func:`analysis.places.zones.scan_article` gives them."""

REGION_HEADLINE_ZONES = ("title", "kicker")
"""Where a region word alone says what the article is about (the dateline counts as a place)."""


def split_regions(mentions: Mentions) -> tuple[Mentions, list[Evidence]]:
    """Set the region words apart: the other mentions, and the region words as evidence.

    Each region word becomes one vote for its province, weighted by its zone as a place
    name is, to be weighed only by :func:`place_by_region` (and a title's list of places).
    """
    places = [(zone, m) for zone, m in mentions if not m.entry.region]
    regions = [Evidence(m.entry.codes[0], zone, ZONE_WEIGHTS[zone], m.organ)
               for zone, m in mentions if m.entry.region]
    return places, regions


def choose_with_regions(
    chains: Mapping[str, tuple[str, ...]], evidence: list[Evidence], regions: list[Evidence], *,
    scope: ScopeReading, hint: str | None,
) -> str | None:
    """:func:`~analysis.places.evidence.choose_place`, with the region words weighed as weak evidence.

    The places decide first, region words of no province among them (:func:`weigh_regions`)
    counting only in the whole. Only if that places the article do the region words of
    its province count for it: they may keep it at that province (苏南段 … 在镇江 → 江苏,
    not 镇江), never place an article the places leave unplaced.
    """
    backed, unplaced = weigh_regions(chains, regions, evidence)
    code = choose_place(chains, evidence, scope=scope, hint=hint, regions=unplaced)
    if code is None or not backed:
        return code
    return choose_place(chains, [*evidence, *backed], scope=scope, hint=hint, regions=unplaced)


def weigh_regions(
    chains: Mapping[str, tuple[str, ...]], regions: list[Evidence], evidence: list[Evidence]
) -> tuple[list[Evidence], list[Evidence]]:
    """Split region votes: those that count for their province, and those that count for none.

    A region word counts for its province when the article's other evidence (places
    named, 全省 read as a province) lies all in that province (苏南段 with 镇江: 江苏);
    when it lies elsewhere too, the region word counts for no province, only in the
    whole a province must outweigh (陇东送山东 with 甘肃 and 山东 stays a tie).
    """
    named = {chains[e.code][0] for e in evidence if e.zone not in CONTEXT_ZONES}
    backed = [e for e in regions if named == {chains[e.code][0]}]
    return backed, [e for e in regions if named != {chains[e.code][0]}]


def region_province(
    chains: Mapping[str, tuple[str, ...]], regions: list[Evidence], *, places: Mentions,
    dateline: tuple[str, ...],
) -> str | None:
    """The province 省委/全省 mean (rule 2) in an article that names no place: its region words'.

    None when the article names a place (its dateline included; then those decide), or
    when its region words lie in two provinces.
    """
    if dateline or any(m.entry.codes for _, m in places):
        return None
    provinces = {chains[e.code][0] for e in regions}
    return provinces.pop() if len(provinces) == 1 else None


def place_by_region(
    chains: Mapping[str, tuple[str, ...]], regions: list[Evidence], evidence: list[Evidence], *,
    scope: ScopeReading, hint: str | None,
) -> str | None:
    """The province the region words place an article in that nothing else placed, or None.

    Args:
        chains: each place's codes from its province down.
        regions: the region words' votes (:func:`split_regions`).
        evidence: the article's other evidence; a vote outside the paper's context (a
            place named, 全省 read as a province) in another province leaves them out.
        scope: the headline's scope: a national story is placed nowhere.
        hint: the paper's province.
    """
    provinces = {chains[e.code][0] for e in regions}
    if len(provinces) != 1 or scope.kind == "national":
        return None
    province = provinces.pop()
    if any(e.zone not in CONTEXT_ZONES and chains[e.code][0] != province for e in evidence):
        return None
    in_headline = any(e.zone in REGION_HEADLINE_ZONES for e in regions)
    return province if province == hint or in_headline else None
