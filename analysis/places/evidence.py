"""Weighing the places an article mentions: evidence, disambiguation and the final choice.

The rules are described in :mod:`analysis.places.locality`; this module implements them
over plain adcodes and lineage chains (``{adcode: codes from the province down}``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import NamedTuple

from analysis.places.matcher import Mention, PlaceMatcher
from analysis.places.scope import ScopeReading

ZONE_WEIGHTS = {
    "dateline": 4.0, "kicker": 3.0, "title": 3.0, "lead": 1.0, "body": 1.0, "hint": 0.5, "local": 1.0,
}
CONTEXT_ZONES = ("hint", "local")
"""Votes for the hint province that only decide between provinces, never the level below:
the paper's own province, and unnamed local organs (县政协, 市委) in a provincial paper."""
HEADLINE_ZONES = ("dateline", "kicker", "title")
BODY_ZONES = ("lead", "body")
"""The body's first paragraph (``lead``) and the rest of what is read (``body``)."""
REFINE_MIN_WEIGHT = 2.0
"""Body weight needed below the headline's place to move the answer down to it."""
DESCENT_RATIO = 0.5
"""Among body mentions, a place must weigh this share of its parent's total to win."""
UNLED_SHARE = 0.75
"""The share of all the weight a province needs when the lead names nothing in it."""


class Evidence(NamedTuple):
    """One weighted vote for a place: where it was seen and whether it names an actor."""

    code: str
    zone: str
    weight: float
    organ: bool


def collect_evidence(
    matcher: PlaceMatcher,
    mentions: list[tuple[str, Mention]],
    dateline_codes: tuple[str, ...],
    hint: str | None,
    *,
    inferred: bool = False,
) -> tuple[list[Evidence], bool]:
    """Turn mentions into weighted evidence (rules 2 and 3 of :mod:`.locality`).

    Args:
        matcher: the gazetteer's scanner.
        mentions: ``(zone, mention)`` pairs from the title, kicker, lead and body.
        dateline_codes: candidate places for the dateline.
        hint: the province that 省委/全省 refer to: the paper's, or one inferred from the
            article's own places.
        inferred: the hint was inferred from the article, so it is no vote of its own.

    Returns:
        The evidence, and whether a generic local reference (县政协) was seen.
    """
    context = [Evidence(hint, "hint", ZONE_WEIGHTS["hint"], False)] if hint and not inferred else []
    named = [("dateline", dateline_codes, False, False)] if dateline_codes else []
    local_ref = False
    for zone, mention in mentions:
        generic = mention.entry.generic
        if generic == "省" or (generic == "市" and hint in matcher.flat_provinces):
            if hint is not None:
                context.append(Evidence(hint, zone, ZONE_WEIGHTS[zone], mention.organ))
        elif generic:
            local_ref = True
            if hint is not None:
                context.append(Evidence(hint, "local", ZONE_WEIGHTS["local"], mention.organ))
        else:
            named.append((zone, mention.entry.codes, mention.weak, mention.organ))
    repeated = Counter(codes for _, codes, _, _ in named)
    for zone, codes, weak, organ in named:
        if len(codes) == 1 and (not weak or repeated[codes] > 1):
            context.append(Evidence(codes[0], zone, ZONE_WEIGHTS[zone], organ))
    evidence = list(context)
    for zone, codes, weak, organ in named:
        if len(codes) == 1 and (not weak or repeated[codes] > 1):
            continue
        code = _disambiguate(matcher.chains, codes, context)
        if code is not None and (not weak or _backed(matcher.chains, code, context)):
            evidence.append(Evidence(code, zone, ZONE_WEIGHTS[zone], organ))
    return evidence, local_ref


def _related(chains: Mapping[str, tuple[str, ...]], a: str, b: str) -> bool:
    """True when one of the two places is the other or one of its ancestors."""
    return a in chains[b] or b in chains[a]


def _disambiguate(
    chains: Mapping[str, tuple[str, ...]], codes: tuple[str, ...], context: list[Evidence]
) -> str | None:
    """The one candidate that the context backs up most, or None (never a guess).

    A candidate is backed by the places on its chain, itself included: 城关镇 is 永登县's
    in an article that names 永登县.
    """
    if len(codes) == 1:
        return codes[0]
    support = {
        code: sum(e.weight for e in context if _related(chains, code, e.code))
        for code in codes
    }
    best = max(support.values())
    winners = [code for code, value in support.items() if value == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def _backed(chains: Mapping[str, tuple[str, ...]], code: str, context: list[Evidence]) -> bool:
    """True when a prefecture or county in the context is on ``code``'s chain."""
    return any(
        e.code != code and len(chains[e.code]) >= 2 and _related(chains, code, e.code) for e in context
    )


def choose_place(
    chains: Mapping[str, tuple[str, ...]], evidence: list[Evidence], *, scope: ScopeReading | None = None,
    hint: str | None = None, regions: list[Evidence] | None = None,
) -> str | None:
    """Pick the place the evidence points at (rules 5, 6 and 10 of :mod:`.locality`), or None.

    Args:
        chains: each place's codes from its province down.
        evidence: the article's weighted mentions (:func:`collect_evidence`).
        scope: what the headline says of the article's extent (:func:`.scope.read_scope`).
        hint: the paper's province, where a round-up naming no place is placed.
        regions: region words' votes that count for no province (:mod:`.regions`): as
            places a title lists (陕北到安徽, a route across provinces: nowhere), and as
            weight a province must outweigh in the body (rule 6).
    """
    scope = scope or ScopeReading()
    headline = [e for e in evidence if e.zone in HEADLINE_ZONES]
    named = [e for e in headline if e.zone != "dateline"]
    if scope.kind is not None and not named:
        return _scoped(chains, scope, evidence, hint)
    if not headline:
        has_body = any(e.zone in BODY_ZONES for e in evidence)
        return _descend(chains, evidence, unplaced=sum(e.weight for e in regions or ())) if has_body else None
    actors = [e for e in named if e.organ]
    titled = [*named, *(e for e in regions or () if e.zone == "title")]
    listed = {e.code for e in titled if not e.organ and e.code in scope.listed}
    if (spread := _spread(chains, listed)) is not None:
        return spread or None  # NOWHERE: places in two provinces
    candidates = {e.code for e in headline if not (actors and e.zone == "dateline")}
    best, _ = _best(chains, candidates, evidence)
    if best is None or any(e.code == best for e in actors) or scope.kind is not None:
        return best
    return _refine(chains, best, evidence)


def _scoped(
    chains: Mapping[str, tuple[str, ...]], scope: ScopeReading, evidence: list[Evidence], hint: str | None
) -> str | None:
    """A national story or a round-up whose headline names no place: never the body's example.

    National news is placed nowhere. A round-up is placed where its dateline says
    (本报天水讯: 天水's places); else in the paper's province when the body names no place
    outside it (多地迎来强降雨 with 江西、湖南 in a Gansu paper is placed nowhere); without
    a paper's province, in the one province the body names when the lead speaks of it as
    a provincial paper does (省政协部署…全省, then 湘潭、郴州…), never below it: a
    national outlet's 各地 (今年以来，各地… then one county as the example) is placed
    nowhere.
    """
    if scope.kind == "national":
        return None
    dateline = [e for e in evidence if e.zone == "dateline"]
    if dateline:
        return _best(chains, {e.code for e in dateline}, dateline)[0]
    provinces = {chains[e.code][0] for e in evidence if e.zone not in CONTEXT_ZONES}
    if hint is not None:
        return hint if provinces <= {hint} else None
    if len(provinces) == 1 and scope.provincial_lead:
        return next(iter(provinces))
    return None


NOWHERE = ""
"""What :func:`_spread` gives for places apart in different provinces: the article has no one place."""


def _spread(chains: Mapping[str, tuple[str, ...]], codes: set[str]) -> str | None:
    """The deepest common place of headline places that lie apart (天水 and 陇南 → 甘肃省).

    A tour or a pairing (省政协主席赴天水陇南调研) is about each place it visits, so about
    what they share; the body, which says more about the first stop, does not decide, nor
    does the actor (省政协, a place named as who acts, is left out of ``codes``). Places
    in two provinces (习近平在浙江、山东枣庄考察) share none: :data:`NOWHERE`, never the
    one the body names more. None when one place holds all the others (酒泉 and 玉门市):
    the rules go on as before.
    """
    apart = [c for c in codes if not any(c != o and c in chains[o] for o in codes)]  # above none
    if len(apart) < 2:
        return None
    common = _common_prefix([chains[c] for c in apart])
    return common[-1] if common else NOWHERE


def _refine(chains: Mapping[str, tuple[str, ...]], best: str, evidence: list[Evidence]) -> str:
    """Move from the headline's place down to a place below it that the body is about.

    The candidate is the place below ``best`` whose chain carries the most body weight,
    at least :data:`REFINE_MIN_WEIGHT` (湖北省宜昌市远安县 under a 湖北 headline). It must
    also hold :data:`DESCENT_RATIO` of the body's weight at or under ``best``, counting
    its chain and the places under it: a city named in passing in an article about its
    province (福建 in the headline, 同安区 among a dozen mentions of 福建) does not win.
    """
    depth = len(chains[best])
    under = [e for e in evidence if e.zone in BODY_ZONES and chains[e.code][:depth] == chains[best]]
    below = [e for e in under if len(chains[e.code]) > depth]
    if not below:
        return best
    refined, weight = _best(chains, {e.code for e in below}, below)
    if refined is None or weight < REFINE_MIN_WEIGHT or len(chains[refined]) <= depth:
        return best
    support = sum(e.weight for e in below if e.code in chains[refined] or refined in chains[e.code])
    return refined if support >= DESCENT_RATIO * sum(e.weight for e in under) else best


def _descend(
    chains: Mapping[str, tuple[str, ...]], evidence: list[Evidence], *, unplaced: float = 0.0
) -> str | None:
    """Walk down from the whole country while one place holds most of the weight.

    At the top a province must hold more than half of all the weight; below, the
    heaviest child must be the only heaviest and hold :data:`DESCENT_RATIO` of its
    parent's weight (a county mentioned once in an article about its province four
    times does not win; 漳县 with 定西 behind it does). A province not named in the lead
    (itself or a place in it; the paper's own province counts as named) must be named
    at least :data:`REFINE_MIN_WEIGHT` times and hold :data:`UNLED_SHARE` of the weight:
    a single mention further down is a passing one (2011年上海世锦赛 in a report from
    Budapest), and so are a few scattered ones (上海世博会 and 北京奥运会 in a national
    report); a story whose framing lead is national and whose second paragraph goes to
    湖南郴州 is still 郴州's. ``unplaced`` weight (region words of no province here) counts
    in the whole only.
    """
    totals: dict[str | None, float] = {}
    children: dict[str | None, set[str]] = {}
    led: set[str] = set()
    for e in evidence:
        parent = None
        if e.zone == "lead":
            led.update(chains[e.code])
        elif e.zone in CONTEXT_ZONES:
            led.add(chains[e.code][0])  # the paper's province needs no naming
        for depth, code in enumerate(chains[e.code]):
            if depth == 0 or e.zone not in CONTEXT_ZONES:
                totals[code] = totals.get(code, 0.0) + e.weight
            children.setdefault(parent, set()).add(code)
            parent = code
    specific = {code: total for code, total in totals.items()}
    for e in evidence:
        if e.zone in CONTEXT_ZONES:
            top_code = chains[e.code][0]
            specific[top_code] = specific.get(top_code, 0.0) - e.weight
    current: str | None = None
    current_total = sum(e.weight for e in evidence) + unplaced
    while children.get(current):
        kids = children[current]
        top = max(totals[k] for k in kids)
        leaders = [k for k in kids if totals[k] == top]
        if current is not None:
            enough = top >= DESCENT_RATIO * current_total
        elif leaders[0] in led:
            enough = top > current_total / 2
        else:
            enough = top >= REFINE_MIN_WEIGHT and top >= UNLED_SHARE * current_total
        if len(leaders) > 1 or not enough:
            break
        current = leaders[0]
        current_total = specific[current] if len(chains[current]) == 1 else top
    return current


def _best(
    chains: Mapping[str, tuple[str, ...]], candidates: set[str], evidence: list[Evidence]
) -> tuple[str | None, float]:
    """The candidate whose chain carries the most evidence weight.

    Ties between candidates give their deepest common ancestor (None if they share no
    province). Returns the place and the winning weight.
    """
    scores = {code: sum(e.weight for e in evidence if e.code in chains[code]) for code in candidates}
    top = max(scores.values())
    tied = sorted(code for code, score in scores.items() if score == top)
    if len(tied) == 1:
        return tied[0], top
    common = _common_prefix([chains[code] for code in tied])
    return (common[-1] if common else None), top


def _common_prefix(chains: list[tuple[str, ...]]) -> tuple[str, ...]:
    prefix: list[str] = []
    for level in zip(*chains, strict=False):
        if len(set(level)) != 1:
            break
        prefix.append(level[0])
    return tuple(prefix)
