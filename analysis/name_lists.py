"""The editable name lists (``data/names.toml``) and the contexts where person names stand.

Kept apart from :mod:`analysis.name_terms` and free of pandas: ingest's worker processes
find each article's name contexts (:class:`NameContexts`) and import nothing heavy.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.paths import ConfigFileError, data_path, read_config_text
from analysis.report import Problem

NAMES_FILE = "names.toml"
CJK_CHARS = "\u4e00-\u9fff"
"""The range of the common CJK ideographs, for character classes."""


def _is_cjk(character: str) -> bool:
    return "\u4e00" <= character <= "\u9fff"


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
        foreign_characters: the characters transliterated foreign names are written in (迪萨纳亚克).
        foreign_titles: titles written right before a foreign name (总统, 外长).
        foreign_after: words written right after a foreign name (说, 会见).
        place_markers: characters written right before a place, not a name (在 of 在莫斯科会见).
    """

    titles: tuple[str, ...]
    after: tuple[str, ...]
    surnames: frozenset[str]
    place_words: frozenset[str]
    not_names: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    foreign_places: frozenset[str] = frozenset()
    foreign_characters: frozenset[str] = frozenset()
    foreign_titles: tuple[str, ...] = ()
    foreign_after: tuple[str, ...] = ()
    place_markers: frozenset[str] = frozenset()


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
                     people=frozenset(people), foreign_places=frozenset(foreign),
                     **_foreign_names(raw, path))


def _foreign_names(raw: dict, path: Path) -> dict:
    """The optional ``[foreign_names]`` table as :class:`NameLists` fields (none without it)."""
    if "foreign_names" not in raw:
        return {}
    def characters(key: str) -> frozenset[str]:
        return frozenset("".join(_words(raw, "foreign_names", key, path, text=True)))

    return {"foreign_characters": characters("characters"), "place_markers": characters("place_markers"),
            "foreign_titles": _words(raw, "foreign_names", "titles", path),
            "foreign_after": _words(raw, "foreign_names", "after", path)}


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


FOREIGN_RUN = "~"
"""Marks a context that is a run of transliteration characters (``~迪萨纳亚克``): the segmenter
cuts such a name into pieces (迪萨纳/亚克), and each piece stands in the run's context."""


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(map(re.escape, set(words)), key=len, reverse=True))


class NameContexts:
    """Finds the strings that stand where a person's name stands, with patterns built once.

    After a title (``主席龚怀宝主持``): the two and three characters that follow, if the
    first is a surname, and the given name after that surname (``东海`` in ``主席崔东海``).
    Before an ``after`` word (``龚怀宝同志``): the two and three characters before it that
    begin with a surname. Each context gives a string once.

    Foreign names (:attr:`NameLists.foreign_characters`): the whole run of two or more
    transliteration characters right after a foreign title (``总统迪萨纳亚克``), and the
    whole run right before a foreign after-word (``迪萨纳亚克说``) unless a place marker
    precedes it (``在莫斯科会见``), each given once as ``~`` + the run (:data:`FOREIGN_RUN`).

    Ingest keeps each article's contexts (:meth:`of_text`) beside its bag of words, so that
    leaving person names out of a store's top terms reads no text; :attr:`version` says which
    lists found them, so that contexts found with other lists are found again from the text.
    """

    RULES = "2"
    """Changes when the rule above does: contexts stored under an older rule are not reused."""

    def __init__(self, lists: NameLists) -> None:
        self._following = re.compile(rf"(?:{_alternation(lists.titles)})([{CJK_CHARS}]{{2,4}})")
        after = set(lists.after) | (set(lists.foreign_after) if lists.foreign_characters else set())
        # then look back (3x faster than one regex)
        self._preceding = re.compile(_alternation(after)) if after else None
        self._after, self._surnames = frozenset(lists.after), lists.surnames
        self._foreign = self._foreign_after = None
        if lists.foreign_characters and lists.foreign_titles:
            characters = "".join(sorted(lists.foreign_characters))
            self._foreign = re.compile(rf"(?:{_alternation(lists.foreign_titles)})([{characters}]{{2,}})")
        if lists.foreign_characters:
            self._foreign_after = frozenset(lists.foreign_after)
        self._characters, self._markers = lists.foreign_characters, lists.place_markers
        self.version = name_contexts_version(lists)

    def of_text(self, text: str) -> list[str]:
        """The strings of every name context in one text: those after titles, then those before after-words.

        Ingest runs this on every article, so it stays lean: one regex pass for each
        rule, and a look at the characters before each after-word.
        """
        found: list[str] = []
        if not text:
            return found
        surnames = self._surnames
        for name in self._following.findall(text):
            if name[0] in surnames:
                two = name[:2]
                found.append(two)
                if len(name) == 2:
                    found.append(name[1])  # the given name of 王芳
                    continue
                found.append(name[:3])
                if name[1:3] != two:  # the given name of 崔东海 (of 王王王 no second string)
                    found.append(name[1:3])
        if self._foreign is not None:
            found.extend(FOREIGN_RUN + run for run in self._foreign.findall(text))
        if self._preceding is None:
            return found
        after, foreign_after = self._after, self._foreign_after or ()
        for match in self._preceding.finditer(text):
            end = match.start()
            if end < 2 or not _is_cjk(text[end - 1]):
                continue
            word = match.group()
            if word in after:
                if text[end - 2] in surnames:
                    found.append(text[end - 2 : end])
                if end >= 3 and text[end - 3] in surnames and _is_cjk(text[end - 2]):
                    found.append(text[end - 3 : end])
            if word in foreign_after:
                found.extend(self._run_before(text, end))
        return found

    def _run_before(self, text: str, end: int) -> list[str]:
        """``[~run]`` for the run of transliteration characters ending at ``end``, if any."""
        start, characters = end, self._characters
        while start and text[start - 1] in characters:
            start -= 1
        if end - start < 2 or (start and text[start - 1] in self._markers):
            return []
        return [FOREIGN_RUN + text[start:end]]

    def count(self, texts: Iterable[str]) -> Counter[str]:
        """``{string: number of contexts}`` over all ``texts``."""
        return Counter(string for text in texts for string in self.of_text(text))


def name_contexts_version(lists: NameLists) -> str:
    """A 12-hex-digit fingerprint of what finds name contexts: the rule and every list it reads.

    The titles, after-words and surnames, and the characters, titles, after-words and place
    markers of foreign names.
    """
    parts = (NameContexts.RULES, sorted(lists.titles), sorted(lists.after), sorted(lists.surnames),
             sorted(lists.foreign_characters), sorted(lists.foreign_titles), sorted(lists.foreign_after),
             sorted(lists.place_markers))
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:12]


def count_name_contexts(texts: Iterable[str], *, lists: NameLists) -> Counter[str]:
    """How often each string stands where a person's name stands (:class:`NameContexts`).

    Returns:
        ``{string: number of contexts}``.
    """
    return name_context_finder(lists).count(texts)


@lru_cache(maxsize=8)
def name_context_finder(lists: NameLists) -> NameContexts:
    """The :class:`NameContexts` of ``lists``, built once (the patterns take ~1 ms to build)."""
    return NameContexts(lists)
