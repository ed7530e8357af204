"""Locality resolution: which place an article is about.

Evidence comes from five zones, strongest first: the dateline (本报X讯 → ``X``), the
kicker and the title, then the body's lead (its first paragraph) and the rest of its
first :data:`BODY_CHARS` characters. Author notes (（作者单位：云南大学法学院）) are
removed first: where the author works is not what the article is about. The rules, in
the order they apply:

1. Names are read by the gazetteer's scanner (:mod:`analysis.places.matcher`): full
   names, short forms (临夏州, 肃南县) and bare province/prefecture names (兰州, 甘肃),
   a bare name only where it stands as a word (not 长沙 in 外交部长沙伦赛, nor 海北 in
   天南海北). Bare county names (清水, 高台) are read only in a dateline, where a
   prefecture beats a same-named county (临夏 → 临夏回族自治州), and under rule 7.
2. 省委, 省政协, 全省 … mean the paper's province (``province_hint``) or, without one,
   the province of the article's own places: the dateline's, else the headline's, else
   that of most of the body's places (本报兰州讯 + 十二届省政协… → 甘肃省).
3. An ambiguous name (朝阳区, 城关区) takes the candidate that the article's other
   places back up (北京 → 北京市朝阳区), or the hint province; otherwise it is dropped,
   never guessed. A two-character county name (漳县) counts only when an organ word
   follows (漳县政协) or a prefecture or county of its own backs it up.
4. A dateline naming no place in China (本报华沙电) leaves the article unplaced unless
   the title or kicker names a place. A dateline of the capital (本报北京7月4日电,
   新华社北京电) is where national news is filed: it counts only when the headline,
   kicker or lead also name 北京 or a place in it (or the paper is Beijing's), so a
   ministry's figures or a spokesman's remarks stay unplaced. A province's capital is
   where a paper from elsewhere files that province's news: unless named as above, its
   dateline counts as the province (本报西宁7月4日电 over 青海形成红色旅游资源体系 is
   青海's news, 本报长沙电 over a contest opened 在株洲 is 湖南's, not 长沙's). The capital as the venue
   of national events (在北京会见, 在北京人民大会堂举行) is a ``not_a_place`` text.
5. If the dateline, kicker or title name a place, the answer is on their chain: the
   place whose chain (itself and its ancestors) carries the most weight, so the most
   specific consistent place wins (dateline 酒泉 + title 玉门市 → 玉门市). A tie between
   chains gives their deepest common ancestor, or nothing. A headline place named as
   an actor (兰州市政协, 省政协) is not refined further: the dateline of a provincial
   meeting filed from the capital does not make it the capital's. Otherwise the body
   may refine the answer to a place below it that it names at least twice and that
   holds half of the body's weight there (福建 in the headline stays 福建 when the body
   names 厦门同安区 twice among a dozen mentions of 福建).
6. Without headline places, body mentions decide top-down: a province holding most of
   the weight, then, level by level, the child holding at least half of its parent's
   weight (漳县政协 → 漳县; a round-up of several cities stays at the province). A
   province the lead does not name needs two mentions and three quarters of the
   weight: a place named in passing (2011年上海世锦赛 in a report from Budapest, 海南自贸
   试验区 in a national report) does not make the article about it.
7. In an article that speaks of some unnamed county (县政协, 县委, 全县, 旗政协, 区政协),
   bare county names (安乡, never read by rule 1) are read too, where they stand as a
   word and not as part of a town, river or road (安乡镇, 松滋河), and weigh as two-
   character county names do (rule 3): twice named, or backed by a place above them.
   A county site's page (县政协开展… / 是关系安乡发展和安乡人民福祉的大事) is then its
   county's, while a round-up whose one item says 全县 stays unplaced (rule 6). Bare
   names that are ordinary words (合作, 和平) are never read.
8. Nothing resolvable gives NA, except that with ``province_hint`` an article that
   speaks of some unnamed 县政协/市委 is placed in the hint province.
9. A township's full name (石川镇, 南岭街道) is a mention of its county, weighed as one
   in its zone, the county then decided as in rule 3 when the name is shared (城关镇);
   after a place above it in the same sentence it is part of that place's address
   and no mention of its own (:mod:`analysis.places.towns`). The answer stays at county
   level or above. A township in the dateline (本报石川镇讯, 本报肃南县马蹄乡讯, and the bare
   本报马蹄讯 when one county of the paper's province has it, never 新华社万象电: an
   agency's bare names are cities) names its county (:mod:`analysis.places.dateline`).
10. A headline's scope (:mod:`analysis.places.scope`, words in ``data/headline_scope.toml``):
   a title or kicker saying 全国各地 makes national news, placed nowhere; one saying
   各地 or 多地 a round-up, placed by its dateline, else in the paper's province, else in
   the one province its body names if its lead names it, never below: the body's one
   example (在甘肃省定西市安定区…) does not place it. A headline naming a place keeps it,
   unrefined by the body. Places a title lists side by side and apart (天水陇南, 天水、
   陇南, 兰州至天水; not 四川宜宾, an address) make a tour or a route: the answer is what
   they share (甘肃省), whatever the body says more of.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from itertools import repeat
from typing import Any

import pandas as pd

from analysis.messages import CodedError
from analysis.places.dateline import dateline_codes as dateline_place_codes
from analysis.places.dateline import is_foreign_dateline
from analysis.places.evidence import choose_place, collect_evidence
from analysis.places.gazetteer import Gazetteer, Place, load_gazetteer
from analysis.places.matcher import Mention
from analysis.places.scope import headline_scope, lists_places
from analysis.places.towns import town_mentions
from analysis.schema import LOCALITY_COLUMNS, STRING_DTYPE

BODY_CHARS = 1500
"""How much of the body is read: the lead names the place if anything does."""
LEAD_MIN_CHARS = 60
LEAD_MAX_CHARS = 400
"""The lead is the first paragraph of at least 60 characters (a short first line such as
各位代表： runs on into the next), and at most 400."""
AUTHOR_NOTE = re.compile(r"[（(]\s*作者(?:单位)?\s*[：:为系是][^（()）]{0,150}[）)]")
"""``（作者单位：云南大学法学院）``, ``（作者为海南热带海洋学院教授）``, ``(作者系…)``."""
CAPITAL = "110000"
"""北京市: national news is filed from it (rule 4)."""


def resolve_locality(
    *,
    title: str | None,
    text: str,
    dateline_place: str | None = None,
    dateline_agency: str | None = None,
    kicker: str | None = None,
    province_hint: str | None = None,
    gazetteer: Gazetteer,
) -> Place | None:
    """Return the most specific place an article is about, or None.

    Args:
        title: the headline.
        text: the body; only its first :data:`BODY_CHARS` characters are read.
        dateline_place: the ``X`` of 本报X讯, bare forms allowed (临夏, 肃南).
        dateline_agency: who filed the dateline: ``本报`` (the default, None) or a news
            agency or site (``新华社``, ``中新社``), whose bare names are no townships.
        kicker: the line above the headline (引题).
        province_hint: the province of a provincial paper (``甘肃省``, ``甘肃`` or
            ``620000``), which 省委/省政协/全省 then refer to.
        gazetteer: from :func:`~analysis.places.gazetteer.load_gazetteer`.

    Returns:
        The place, or None when the article names nothing resolvable.

    Raises:
        ValueError: if ``province_hint`` names no province.
    """
    hint = hint_province(province_hint, gazetteer=gazetteer)
    dateline = (dateline_place, dateline_agency)
    code = _locate(gazetteer, title=title, kicker=kicker, text=text, dateline=dateline, hint=hint)
    return None if code is None else gazetteer.get(code)


def resolve_localities(
    articles: pd.DataFrame,
    *,
    province_hint: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> pd.DataFrame:
    """Resolve the locality of every article.

    Args:
        articles: a table with columns ``title``, ``kicker`` and ``text`` and,
            optionally, ``dateline_place`` and ``dateline_agency`` (as for
            :func:`resolve_locality`); NA cells are read as absent.
        province_hint: as for :func:`resolve_locality`, for every row.
        gazetteer: defaults to :func:`~analysis.places.gazetteer.load_gazetteer`.

    Returns:
        A new table with the same index and columns :data:`LOCALITY_COLUMNS`
        (``adcode``, ``locality``, ``province``, ``prefecture``, ``county``,
        ``province_code``, ``prefecture_code``, ``county_code``), string dtype, NA
        where unknown or not applicable.
    """
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
    hint = hint_province(province_hint, gazetteer=gazetteer)
    missing = [c for c in ("title", "kicker", "text") if c not in articles.columns]
    if missing:
        raise KeyError(f"resolve_localities needs columns {missing}")
    datelines = (articles[c] if c in articles else repeat(None, len(articles))
                 for c in ("dateline_place", "dateline_agency"))
    rows: dict[str | None, tuple[Any, ...]] = {None: (pd.NA,) * len(LOCALITY_COLUMNS)}
    out = []
    columns = (articles["title"], articles["kicker"], articles["text"], *datelines)
    for title, kicker, text, place, agency in zip(*columns, strict=True):
        code = _locate(gazetteer, title=title, kicker=kicker, text=text, dateline=(place, agency), hint=hint)
        if code not in rows:
            rows[code] = locality_row(gazetteer.get(code))
        out.append(rows[code])
    frame = pd.DataFrame(out, index=articles.index, columns=list(LOCALITY_COLUMNS))
    return frame.astype(STRING_DTYPE)


def locality_row(place: Place) -> tuple[str | None, ...]:
    """The :data:`LOCALITY_COLUMNS` values for a place."""
    return (
        place.adcode,
        place.name,
        place.province,
        place.prefecture,
        place.county,
        place.province_code,
        place.prefecture_code,
        place.county_code,
    )


class ProvinceHintError(CodedError, ValueError):
    """The corpus's province (``--province``, the dashboard's field) names no single province."""


def hint_province(hint: str | None, *, gazetteer: Gazetteer) -> str | None:
    """Return the adcode of the province named by ``hint`` (name, bare name or code).

    Raises:
        ProvinceHintError: if ``hint`` is given but names no single province (a user's
            mistake: the command line and the dashboard say it in the user's language).
    """
    if hint is None or (isinstance(hint, float) and pd.isna(hint)) or not str(hint).strip():
        return None
    hint = str(hint).strip()
    if hint in gazetteer and gazetteer.get(hint).level == "province":
        return hint
    codes = [p.adcode for p in gazetteer.lookup(hint) if p.level == "province"]
    if len(codes) != 1:
        raise ProvinceHintError("province_unknown", hint=hint)
    return codes[0]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _locate(
    gazetteer: Gazetteer,
    *,
    title: object,
    kicker: object,
    text: object,
    dateline: tuple[object, object],
    hint: str | None,
) -> str | None:
    matcher = gazetteer.matcher
    body = strip_author_notes(_text(text))[:BODY_CHARS]
    lead = lead_length(body)
    zones = (("title", _text(title)), ("kicker", _text(kicker)), ("lead", body[:lead]), ("body", body[lead:]))
    mentions = [(zone, m) for zone, value in zones if value for m in matcher.scan(value)]
    mentions = town_mentions(gazetteer, zones, mentions)
    if _speaks_of_a_county(mentions):
        mentions += bare_county_mentions(gazetteer, zones, mentions)
    dateline_name = _text(dateline[0]).strip()
    agency = _text(dateline[1]).strip() or None
    dateline_codes = dateline_place_codes(gazetteer, dateline_name, hint, agency=agency)
    if _filed_from_a_capital(dateline_codes, hint, mentions, matcher.chains):
        province = matcher.chains[dateline_codes[0]][0]  # 本报西宁电: 青海's news; 本报北京电: national
        dateline_codes, dateline_name = ((), "") if province == CAPITAL else ((province,), dateline_name)
    own = hint or _article_province(matcher.chains, mentions, dateline_codes)
    evidence, local_ref = collect_evidence(matcher, mentions, dateline_codes, own, inferred=hint is None)
    foreign = bool(dateline_name) and not dateline_codes and is_foreign_dateline(gazetteer, dateline_name)
    if foreign and not any(e.zone in ("title", "kicker") for e in evidence):
        return None
    code = choose_place(matcher.chains, evidence, scope=headline_scope().of(title, kicker), hint=hint,
                        listed=lists_places(mentions, title, matcher.chains))
    if code is None and hint is not None and local_ref:
        return hint
    return code


def _filed_from_a_capital(
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


def _speaks_of_a_county(mentions: list[tuple[str, Mention]]) -> bool:
    """Whether the article names some unnamed county's organs or the county as a whole.

    县政协, 县委, 全县, 我县 and the banner (旗) forms; 区 only as an organ (区政协): 全区 is
    also an autonomous region's word for itself.
    """
    return any(m.entry.generic in ("县", "旗") or (m.entry.generic == "区" and m.organ) for _, m in mentions)


def bare_county_mentions(
    gazetteer: Gazetteer, zones: tuple[tuple[str, str], ...], mentions: list[tuple[str, Mention]]
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


def _article_province(
    chains: Mapping[str, tuple[str, ...]], mentions: list[tuple[str, Mention]], dateline: tuple[str, ...]
) -> str | None:
    """The province the article's own places lie in, for 省政协 in a paper of no known province.

    The dateline's province if it has one; else that of the headline's places, if one;
    else the province of more than half of the body's unambiguous places.
    """
    provinces = {chains[code][0] for code in dateline}
    if len(provinces) == 1:
        return provinces.pop()
    named = [(zone, m.entry.codes[0]) for zone, m in mentions if len(m.entry.codes) == 1 and not m.weak]
    provinces = {chains[code][0] for zone, code in named if zone in ("title", "kicker")}
    if len(provinces) == 1:
        return provinces.pop()
    counts = Counter(chains[code][0] for _, code in named)
    if counts:
        province, count = counts.most_common(1)[0]
        if count > sum(counts.values()) / 2:
            return province
    return None
