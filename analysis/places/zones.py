"""The parts of an article read for places, and the place names found in them.

An article is read in four zones: the title, the kicker (引题), the body's lead (its first
paragraph) and the rest of the body's first :data:`BODY_CHARS` characters; the dateline
is read apart (:mod:`analysis.places.filing`). Author notes are removed first: where the
author works is not what the article is about. :func:`scan_article` returns every place
name of the zones (rules 1, 7 and 9 of :mod:`analysis.places.locality`).
"""

from __future__ import annotations

import re

from analysis.places.gazetteer import Gazetteer
from analysis.places.matcher import Mention
from analysis.places.towns import town_mentions

BODY_CHARS = 1500
"""How much of the body is read: the lead names the place if anything does."""
LEAD_MIN_CHARS = 60
LEAD_MAX_CHARS = 400
"""The lead is the first paragraph of at least 60 characters (a short first line such as
各位代表： runs on into the next), and at most 400."""
AUTHOR_NOTE = re.compile(r"[（(]\s*作者(?:单位)?\s*[：:为系是][^（()）]{0,150}[）)]")
"""``（作者单位：云南大学法学院）``, ``（作者为海南热带海洋学院教授）``, ``(作者系…)``."""

Zones = tuple[tuple[str, str], ...]
"""``(zone, text)`` pairs: ``title``, ``kicker``, ``lead``, ``body``."""


def text_of(value: object) -> str:
    """A cell's text: ``""`` for None, NA or anything that is no string."""
    return value if isinstance(value, str) else ""


def article_zones(*, title: object, kicker: object, text: object) -> Zones:
    """The zones of an article, author notes removed and the body cut at :data:`BODY_CHARS`."""
    body = strip_author_notes(text_of(text))[:BODY_CHARS]
    lead = lead_length(body)
    return (("title", text_of(title)), ("kicker", text_of(kicker)), ("lead", body[:lead]),
            ("body", body[lead:]))


def scan_article(gazetteer: Gazetteer, zones: Zones) -> list[tuple[str, Mention]]:
    """Every place name in the zones, as ``(zone, mention)`` pairs.

    Names the gazetteer's scanner reads (rule 1), townships as mentions of their county
    (rule 9) and, in an article about some unnamed county, bare county names (rule 7).
    """
    mentions = [(zone, m) for zone, value in zones if value for m in gazetteer.matcher.scan(value)]
    mentions = town_mentions(gazetteer, zones, mentions)
    if speaks_of_a_county(mentions):
        mentions += bare_county_mentions(gazetteer, zones, mentions)
    return mentions


def speaks_of_a_county(mentions: list[tuple[str, Mention]]) -> bool:
    """Whether the article names some unnamed county's organs or the county as a whole.

    县政协, 县委, 全县, 我县 and the banner (旗) forms; 区 only as an organ (区政协): 全区 is
    also an autonomous region's word for itself.
    """
    return any(m.entry.generic in ("县", "旗") or (m.entry.generic == "区" and m.organ) for _, m in mentions)


def bare_county_mentions(
    gazetteer: Gazetteer, zones: Zones, mentions: list[tuple[str, Mention]]
) -> list[tuple[str, Mention]]:
    """The bare county names (安乡) in an article's zones, as weak mentions (rule 7).

    Args:
        gazetteer: the gazetteer.
        zones: ``(zone, text)`` pairs as read for the other rules (title, kicker, lead, body).
        mentions: the place names already found in those zones; a bare name inside one
            of them is not read.

    Returns:
        ``(zone, mention)`` pairs, each mention weak: it counts only when its county is
        named at least twice or a place above it backs it up, as for 漳县.
    """
    scanner = gazetteer.bare_county_matcher
    taken: dict[str, list[tuple[int, int]]] = {}
    for zone, m in mentions:
        taken.setdefault(zone, []).append((m.start, m.end))
    found = []
    for zone, text in zones:
        for m in scanner.scan_words(text) if text else ():
            if not any(start < m.end and m.start < end for start, end in taken.get(zone, ())):
                found.append((zone, m._replace(weak=True)))
    return found


def strip_author_notes(text: str) -> str:
    """Remove author notes (（作者单位：云南大学法学院）): where the author works is no evidence."""
    return AUTHOR_NOTE.sub("", text) if "作者" in text else text


def lead_length(body: str) -> int:
    """Where the lead ends: the end of the first paragraph reaching :data:`LEAD_MIN_CHARS`.

    Capped at :data:`LEAD_MAX_CHARS` (a body without paragraph breaks).
    """
    end = body.find("\n", LEAD_MIN_CHARS)
    return min(len(body), LEAD_MAX_CHARS) if end < 0 or end > LEAD_MAX_CHARS else end
