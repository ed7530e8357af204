"""Locality resolution: which place an article is about.

This module states the rules and applies them in order; their parts live in modules of
their own: :mod:`.zones` (what is read, and the names in it), :mod:`.filing` (the
dateline), :mod:`.province` (the province 省委 means), :mod:`.scope` (a headline's
scope), :mod:`.evidence` (weighing).

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
   A region word made of a province's abbreviation (皖北, 陇东: never 皖 alone) is
   weak evidence of its province (rule 11); a short name several places share (巴州)
   is an ambiguous name, decided as in rule 3 (:mod:`analysis.places.abbreviations`).
2. 省委, 省政协, 全省 … mean the paper's province (``province_hint``) or, without one,
   the province of the article's own places: the dateline's, else the headline's, else
   that of most of the body's places (本报兰州讯 + 十二届省政协… → 甘肃省).
3. An ambiguous name (朝阳区, 城关区) takes the candidate that the article's other
   places back up (北京 → 北京市朝阳区), or the hint province; otherwise it is dropped,
   never guessed. A two-character county name (漳县) counts only when an organ word
   follows (漳县政协) or a prefecture or county of its own backs it up.
4. A dateline naming no place in China (本报华沙电; an agency's 新华社万象电, whose name
   only townships share: an agency files from cities) may be abroad: it leaves the
   article unplaced unless the title or kicker names a place, whatever the body names.
   A dateline of the capital (本报北京7月4日电, 新华社北京电) is where national news is
   filed: it counts only when the headline, kicker or lead also name 北京 or a place in
   it (or the paper is Beijing's), so a ministry's figures or a spokesman's remarks stay
   unplaced. A province's capital is where a paper from elsewhere files that province's
   news: unless named as above, its dateline counts as the province (本报西宁7月4日电
   over 青海形成红色旅游资源体系 is 青海's news, 本报长沙电 over a contest opened 在株洲 is
   湖南's, not 长沙's). The capital as the venue of national events (在北京会见,
   在北京人民大会堂举行) is a ``not_a_place`` text.
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
   各地 or 多地 a round-up, placed by its dateline, else in the paper's province when the
   body names no place outside it, else (no hint) in the one province its body names when
   the lead speaks of it as a provincial paper does (省政协, 全省), never below: the body's
   one example (在甘肃省定西市安定区…) does not place it. A headline naming a place keeps
   it, unrefined by the body. Places a title lists side by side and apart (天水陇南, 天水、
   陇南, 兰州至天水; not 四川宜宾, an address) make a tour or a route: the answer is what
   they share (甘肃省), whatever the body says more of, and nothing when they lie in two
   provinces (李强在广西、云南调研).
11. A region word (陇东, 陕北, 苏南: the alias file's ``[[region_word]]``) names a part
   of a province loosely, and is weak evidence (:mod:`analysis.places.regions`). With
   other places, those decide: a region word counts for its province only when they
   all lie in it and place the article (苏南段 … 在镇江 → 江苏, not 镇江), else only in the
   whole weight a province must outweigh; it never tips the balance between places.
   Alone, or beside only places of its province that leave the article unplaced, it
   places the article in its province (never below) when the paper's province is that
   one, or a region word stands in the title or kicker, or the article's 全省/省委 speak
   of it (rule 2); a region word in the body of a national story (坚守陕北的医生 at a
   press conference) places nothing. In a dateline
   it is its province; in a title's list (陕北到安徽) it makes a route across provinces.
   Words of no one province (江南, 西北, 华北) are not read; a name of a whole province
   (陇原, ``whole_province = true``) is read as the province's name.
"""

from __future__ import annotations

from itertools import repeat
from typing import Any

import pandas as pd

from analysis.places.evidence import collect_evidence
from analysis.places.filing import is_capital, read_filing
from analysis.places.gazetteer import Gazetteer, Place, load_gazetteer
from analysis.places.province import ProvinceHintError, article_province, hint_province
from analysis.places.regions import choose_with_regions, place_by_region, region_province, split_regions
from analysis.places.scope import read_scope
from analysis.places.zones import (
    BODY_CHARS,
    article_zones,
    bare_county_mentions,
    lead_length,
    scan_article,
    strip_author_notes,
)
from analysis.schema import LOCALITY_COLUMNS, STRING_DTYPE

__all__ = [  # the rules' parts live in their own modules; these names stay importable from here
    "BODY_CHARS", "LOCALITY_COLUMNS", "ProvinceHintError", "bare_county_mentions", "hint_province",
    "is_capital", "lead_length", "locality_row", "resolve_localities", "resolve_locality",
    "strip_author_notes",
]


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


def _locate(
    gazetteer: Gazetteer,
    *,
    title: object,
    kicker: object,
    text: object,
    dateline: tuple[object, object],
    hint: str | None,
) -> str | None:
    """The adcode of the place an article is about (the rules above), or None."""
    matcher, chains = gazetteer.matcher, gazetteer.matcher.chains
    mentions = scan_article(gazetteer, article_zones(title=title, kicker=kicker, text=text))
    places, regions = split_regions(mentions)
    filing = read_filing(gazetteer, dateline, hint, places)
    own = hint or article_province(chains, places, filing.codes) or region_province(
        chains, regions, places=places, dateline=filing.codes)
    evidence, local_ref = collect_evidence(matcher, places, filing.codes, own, inferred=hint is None)
    if filing.abroad and not any(e.zone in ("title", "kicker") for e in evidence):
        return None
    scope = read_scope(mentions, title=title, kicker=kicker, chains=chains)
    code = choose_with_regions(chains, evidence, regions, scope=scope, hint=hint)
    if code is None and hint is not None and local_ref:
        return hint
    return code if code is not None else place_by_region(chains, regions, evidence, scope=scope, hint=hint)
