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
  sighting, so that 振兴 stays a word although one chair is called 宋振兴.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.common_words import common_words
from analysis.paths import ConfigFileError, data_path, read_config_text
from analysis.places.gazetteer import Gazetteer
from analysis.report import Problem

NAMES_FILE = "names.toml"
MIN_NAME_SHARE = 0.3
"""A term is a person's name when at least this share of its uses stand in a name context."""
_CJK = "\u4e00-\u9fff"
_TAIL = re.compile(rf"[{_CJK}]{{2,3}}$")
_AUTHOR_SPLIT = re.compile(rf"[^{_CJK}]+|通讯员|记者|摄影|本报|报道|实习生")


@dataclass(frozen=True)
class NameLists:
    """The lists of ``data/names.toml``.

    Attributes:
        titles: words written right before a name (主席, 委员, 通讯员).
        after: words written right after a name (同志).
        surnames: single-character surnames.
        place_words: bare place names that are ordinary words, never left out.
        not_names: words that follow a title but are no name (委员关切), never left out.
        people: names the contexts cannot find (高市早苗, 阿尔巴尼斯), always left out.
        foreign_places: countries and world regions (美国, 亚洲), left out with the places.
    """

    titles: tuple[str, ...]
    after: tuple[str, ...]
    surnames: frozenset[str]
    place_words: frozenset[str]
    not_names: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    foreign_places: frozenset[str] = frozenset()


def load_name_lists(path: Path | str | None = None) -> NameLists:
    """Read and check ``data/names.toml`` (or ``path``).

    Raises:
        ConfigFileError: naming the file and the table that is wrong.
    """
    path = Path(path) if path is not None else data_path(NAMES_FILE)
    try:
        raw = tomllib.loads(read_config_text(path, "name lists"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigFileError(path, [Problem.of("config_not_toml", error=str(error))]) from error
    titles = _words(raw, "titles", "words", path)
    after = _words(raw, "titles", "after", path)
    surnames = "".join(_words(raw, "surnames", "characters", path, text=True))
    people = _words(raw, "people", "words", path) if "people" in raw else ()  # optional tables
    foreign = _words(raw, "foreign_places", "words", path) if "foreign_places" in raw else ()
    return NameLists(titles=titles, after=after, surnames=frozenset(surnames),
                     place_words=frozenset(_words(raw, "place_words", "words", path)),
                     not_names=frozenset(_words(raw, "titles", "not_names", path)),
                     people=frozenset(people), foreign_places=frozenset(foreign))


def _words(raw: dict, table: str, key: str, path: Path, *, text: bool = False) -> tuple[str, ...]:
    entry = raw.get(table)
    value = entry.get(key) if isinstance(entry, dict) else None
    if text and isinstance(value, str):
        value = value.split()
    described = isinstance(entry, dict) and all(
        isinstance(entry.get(k), str) for k in ("description", "source"))
    if not described or not isinstance(value, list) or not value or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise ConfigFileError(path, [Problem.of("names_bad_list", table=table, key=key)])
    return tuple(v.strip() for v in value)


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


def count_name_contexts(texts: Iterable[str], *, lists: NameLists) -> Counter[str]:
    """How often each string stands where a person's name stands.

    After a title (``主席龚怀宝主持``): the two and three characters that follow, if the
    first is a surname, and the given name after that surname (``东海`` in ``主席崔东海``).
    Before an ``after`` word (``龚怀宝同志``): the two and three characters before it that
    begin with a surname. Each context counts a string once.

    Returns:
        ``{string: number of contexts}``.
    """
    titles = "|".join(sorted(map(re.escape, lists.titles), key=len, reverse=True))
    after = "|".join(sorted(map(re.escape, lists.after), key=len, reverse=True))
    following = re.compile(rf"(?:{titles})([{_CJK}]{{2,4}})")
    preceding = re.compile(after) if after else None  # then look back (3x faster than a regex for both)
    counts: Counter[str] = Counter()
    surnames = lists.surnames
    for text in texts:
        for match in following.finditer(text or ""):
            name = match.group(1)
            if name[0] in surnames:
                counts.update({name[:2], name[:3], name[1:3]})
        for match in preceding.finditer(text or "") if preceding else ():
            name = _TAIL.search(text, max(0, match.start() - 3), match.start())
            if name:
                name = name.group()
                counts.update({name[i:] for i in (-3, -2) if len(name) >= -i and name[i] in surnames})
    return counts


def author_names(authors: Iterable[object]) -> frozenset[str]:
    """The names in author (byline) fields: runs of 2-4 CJK characters between roles and punctuation."""
    names = set()
    for author in authors:
        if isinstance(author, str):
            names |= {part for part in _AUTHOR_SPLIT.split(author) if 2 <= len(part) <= 4}
    return frozenset(names)


def person_name_terms(
    frequencies: Mapping[str, int],
    contexts: Mapping[str, int],
    *,
    authors: Iterable[str] = (),
    not_names: Iterable[str] = (),
    after: Iterable[str] = (),
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
        min_share: the share of a term's uses that must be name contexts.
    """
    bylines, words = set(authors), set(not_names)
    names = {
        term for term, frequency in frequencies.items()
        if term not in words and (term in bylines or contexts.get(term, 0) >= max(1.0, min_share * frequency))
    }
    endings = tuple(after)
    titled = {term for term in frequencies if term not in words and term not in names
              and any(term.endswith(word) and term[:-len(word)] in names for word in endings)}
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
    texts = (f"{title or ''}\n{text or ''}" for title, text in
             zip(articles["title"].fillna(""), articles["text"].fillna(""), strict=True))
    contexts = count_name_contexts(texts, lists=lists)
    authors = author_names(articles["author"])
    candidates, titled = set(contexts) | authors, tuple(lists.after)  # titled: 习近平总书记
    frequencies = Counter(term for terms in tokens["terms"] for term in terms
                          if term in candidates or term.endswith(titled))
    people = person_name_terms(frequencies, contexts, authors=authors, not_names=lists.not_names,
                               after=lists.after)
    return places | people | lists.people
