"""Place and person names among terms, so that top terms and keyness by place can leave them out.

Compared with the other places, a place's most distinctive terms are its own names (酒泉,
敦煌, 肃州区) and those of its officials and correspondents (龚怀宝, 安志明). Both are
found here from editable lists (``data/names.toml``) and the gazetteer:

* **place names** (:func:`place_name_terms`): every full and short form of every place,
  the bare form of every province and prefecture, and the bare form of every county in
  the corpus's provinces, except ordinary words listed as ``[place_words]`` (合作);
* **person names** (:func:`person_name_terms`): a term that begins with a surname and
  stands right after a title (市政协主席龚怀宝, 通讯员黄秀雪) or right before 同志, or
  that is the given name the segmenter cut off such a name (崔/东海 after 主席), in at
  least ``min_share`` of its uses; and every author (byline) name. A share, not a single
  sighting, so that 振兴 stays a word although one chair is called 宋振兴; and a piece of a
  transliterated foreign name standing after a foreign title or before 说 (迪萨纳/亚克 of
  斯里兰卡总统迪萨纳亚克), by the same share (:func:`name_pieces`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from functools import lru_cache

import pandas as pd

from analysis.common_words import common_words
from analysis.name_lists import (
    CJK_CHARS,
    FOREIGN_RUN,
    NAMES_FILE,
    NameContexts,
    NameLists,
    count_name_contexts,
    load_name_lists,
    name_context_finder,
    name_contexts_version,
)
from analysis.places.gazetteer import Gazetteer
from analysis.tokenize import full_texts

MIN_NAME_SHARE = 0.3
"""A term is a person's name when at least this share of its uses stand in a name context."""
_AUTHOR_SPLIT = re.compile(rf"[^{CJK_CHARS}]+|通讯员|记者|摄影|本报|报道|实习生")
__all__ = [
    "MIN_NAME_SHARE", "NAMES_FILE", "NameContexts", "NameLists", "author_names", "corpus_name_terms",
    "count_name_contexts", "load_name_lists", "name_context_finder", "name_contexts_version", "name_pieces",
    "person_name_terms", "place_name_terms",
]


def place_name_terms(
    gazetteer: Gazetteer, *, provinces: Iterable[str] = (), keep: Iterable[str] = (),
    words: Callable[[Iterable[str]], Collection[str]] = common_words,
) -> frozenset[str]:
    """Every name a place goes by, as top terms and keyness should leave out.

    Args:
        gazetteer: the gazetteer (:func:`analysis.places.load_gazetteer`).
        provinces: province codes whose counties' bare names count too (the corpus's).
        keep: ordinary words that are also bare place names (合作), never returned.
        words: which of the county names given are ordinary words (default: those
            jieba's dictionary knows as frequent non-names, :func:`common_words`).

    Returns:
        Every form (full, short, bare) of every province and prefecture, and of every
        county in ``provinces`` (county names elsewhere are too often words: 城区, 矿区,
        全州 in 全州上下), except a county's name that is an ordinary word (资源 of
        资源县, 友好, 中方, the districts called 城区); minus ``keep``.
    """
    wanted = {str(code)[:2] for code in provinces}
    levels = dict(zip(gazetteer.places["adcode"], gazetteer.places["level"], strict=True))
    names, counties = set(), set()
    for form, meanings in gazetteer.aliases.items():
        for meaning in meanings:
            if levels[meaning.adcode] != "county":
                names.add(form)
                break
            if meaning.adcode[:2] in wanted:
                counties.add(form)
    counties -= names  # a form that is also a province's or prefecture's name stays a name
    return frozenset((names | (counties - set(words(counties)))) - set(keep))


def author_names(authors: Iterable[object]) -> frozenset[str]:
    """The names in author (byline) fields: runs of 2-4 CJK characters between roles and punctuation."""
    names = set()
    for author in authors:
        if isinstance(author, str):
            names |= {part for part in _AUTHOR_SPLIT.split(author) if 2 <= len(part) <= 4}
    return frozenset(names)


def name_pieces(contexts: Mapping[str, int], *, lists: NameLists) -> Counter[str]:
    """Name contexts, each run of a foreign name (``~迪萨纳亚克``) given as the pieces a segmenter may cut.

    The segmenter cuts a transliterated name it does not know at no fixed place (迪萨纳/亚克,
    博鲁/阿尔特), so every beginning and every end of the run of at least two characters
    stands in its context, and the run itself: a term that is one of them in at least
    ``min_share`` of its uses is a name (:func:`person_name_terms`). Not the middles (阿巴西
    holds 巴西 at its end, but 马来西亚 is no run), nor a country's name, its end or its
    pieces (``foreign_places``: 巴西 and 突尼斯 before 总统 are no person, nor is the 尼斯
    that the run of 突尼斯总统 begins with, 突 being no transliteration character).

    Returns:
        ``{string: number of contexts}``: the other contexts as they are, plus the pieces.
    """
    pieces: Counter[str] = Counter()
    for string, n in contexts.items():
        if not string.startswith(FOREIGN_RUN):
            pieces[string] += n
            continue
        run = string[len(FOREIGN_RUN):]
        if run in _place_ends(lists.foreign_places):
            continue
        ends = {run[:i] for i in range(2, len(run) + 1)} | {run[i:] for i in range(len(run) - 1)}
        pieces.update(dict.fromkeys(ends - lists.foreign_places, n))
    return pieces


@lru_cache(maxsize=4)
def _place_ends(places: frozenset[str]) -> frozenset[str]:
    """Every place name and every end of one of at least two characters (突尼斯, 尼斯)."""
    return frozenset(place[i:] for place in places for i in range(len(place) - 1))


def person_name_terms(
    frequencies: Mapping[str, int],
    contexts: Mapping[str, int],
    *,
    authors: Iterable[str] = (),
    not_names: Iterable[str] = (),
    after: Iterable[str] = (),
    people: Iterable[str] = (),
    min_share: float = MIN_NAME_SHARE,
) -> frozenset[str]:
    """The terms that are (parts of) person names.

    Args:
        frequencies: each candidate term's number of uses in the texts the contexts were
            counted in.
        contexts: from :func:`count_name_contexts`.
        authors: names from bylines (:func:`author_names`): always names.
        not_names: words never taken for names (``NameLists.not_names``).
        after: the words written right after a name (``NameLists.after``): a term that is
            one of the names found here and one of them, segmented as one word
            (``习近平总书记`` beside ``习近平``), is a name too. The name must be found on
            its own: a title's own context (``高级`` before 委员 in ``高级委员``) is no evidence.
        people: names listed as names (``NameLists.people``): always names, and the ground
            of the rule above too (``习近平总书记`` where ``习近平`` is always written so).
        min_share: the share of a term's uses that must be name contexts.
    """
    bylines, words = set(authors), set(not_names)
    names = {
        term for term, frequency in frequencies.items()
        if term not in words and (term in bylines or contexts.get(term, 0) >= max(1.0, min_share * frequency))
    }
    endings = tuple(after)
    listed = frozenset(people)
    names |= {term for term in frequencies if term in listed}
    titled = {term for term in frequencies if term not in words and term not in names
              and any(term.endswith(word) and (term[:-len(word)] in names or term[:-len(word)] in listed)
                      for word in endings)}
    return frozenset(names | titled)


def corpus_name_terms(
    articles: pd.DataFrame, tokens: pd.DataFrame, *, gazetteer: Gazetteer, lists: NameLists
) -> frozenset[str]:
    """The place and person names among a corpus's terms, as the dashboard's top terms leave out.

    Args:
        articles: the articles table (``province_code``, ``title``, ``text``, ``author``).
        tokens: its tokens table (``terms`` per article).
        gazetteer: for the place names (:func:`place_name_terms` of the corpus's provinces).
        lists: the name lists (:func:`load_name_lists`).

    Returns:
        Place names of the provinces the articles are placed in, and every term that is a
        person's name in these articles (:func:`person_name_terms`).
    """
    provinces = articles["province_code"].dropna().astype(str).unique().tolist()
    places = place_name_terms(gazetteer, provinces=provinces, keep=lists.place_words) | lists.foreign_places
    contexts = name_pieces(count_name_contexts(full_texts(articles), lists=lists), lists=lists)
    authors = author_names(articles["author"])
    candidates, titled = set(contexts) | authors, tuple(lists.after)  # titled: 习近平总书记
    frequencies = Counter(term for terms in tokens["terms"] for term in terms
                          if term in candidates or term.endswith(titled))
    people = person_name_terms(frequencies, contexts, authors=authors, not_names=lists.not_names,
                               after=lists.after, people=lists.people)
    return places | people | lists.people
