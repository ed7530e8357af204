"""The scope a headline gives its article: the whole country, a round-up, or its own places.

A round-up (各地扎实推进高标准农田建设) or a national story (新年贺词在全国各地引发强烈反响)
gives a place or two as examples; read from the body, an example would place the whole
article in that county. :func:`headline_scope` reads the words of ``data/headline_scope.toml``
in the title and kicker; the locality rules (:mod:`analysis.places.locality`, rule 10) then
let the body place such an article nowhere (national) or only in the paper's province
(round-up), unless the headline names a place of its own.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, NamedTuple

from analysis.paths import ConfigFileError, data_path, read_config_text
from analysis.report import Problem

__all__ = [
    "SCOPE_FILE", "HeadlineScope", "Scope", "ScopeReading", "headline_scope", "listed_places",
    "load_headline_scope", "read_scope",
]

SCOPE_FILE = "headline_scope.toml"
"""The file of scope words in the configuration folder (:func:`analysis.paths.data_path`)."""

Scope = Literal["national", "roundup"]


@dataclass(frozen=True)
class HeadlineScope:
    """The scope words, compiled: national ones first, as 全国各地 holds the round-up's 各地."""

    national: tuple[str, ...]
    roundup: tuple[str, ...]
    ignore: tuple[str, ...]

    def of(self, *headlines: object) -> Scope | None:
        """``national``, ``roundup`` or None for a title and kicker (None or NA read as empty)."""
        text = "\n".join(h for h in headlines if isinstance(h, str) and h)
        if not text:
            return None
        if self.ignore:
            text = self._ignored.sub("\n", text)
        if self.national and self._national.search(text):
            return "national"
        if self.roundup and self._roundup.search(text):
            return "roundup"
        return None

    @cached_property
    def _national(self) -> re.Pattern[str]:
        return _alternation(self.national)

    @cached_property
    def _roundup(self) -> re.Pattern[str]:
        return _alternation(self.roundup)

    @cached_property
    def _ignored(self) -> re.Pattern[str]:
        return _alternation(self.ignore)


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the words, longest first."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def load_headline_scope(path: Path | str | None = None) -> HeadlineScope:
    """Read and check ``data/headline_scope.toml`` (or ``path``).

    Raises:
        ConfigFileError: naming the file and the table that is wrong (a missing table, a
            list that is empty or holds a word of fewer than two characters).
    """
    path = Path(path) if path is not None else data_path(SCOPE_FILE)
    try:
        raw = tomllib.loads(read_config_text(path, "headline scope words"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigFileError(path, [Problem.of("config_not_toml", error=str(error))]) from error
    national, roundup = (_words(raw, table, path) for table in ("national", "roundup"))
    ignore = _words(raw, "ignore", path, empty=True) if "ignore" in raw else ()
    return HeadlineScope(national, roundup, ignore)


def _words(raw: dict, table: str, path: Path, *, empty: bool = False) -> tuple[str, ...]:
    """A table's ``words``: a list of words of two characters or more (``empty``: it may be empty)."""
    entry = raw.get(table)
    words = entry.get("words") if isinstance(entry, dict) else None
    if not isinstance(words, list) or not (words or empty) or not all(
        isinstance(w, str) and len(w.strip()) >= 2 for w in words
    ):
        raise ConfigFileError(path, [Problem.of("scope_bad_list", table=table)])
    return tuple(w.strip() for w in words)


@lru_cache(maxsize=1)
def headline_scope() -> HeadlineScope:
    """The scope words of the configuration folder, read once per process."""
    return load_headline_scope()


LIST_GAPS = frozenset({"", "、", "和", "与", "及", "至", "到", "—", "-", "－", "·", " "})
"""What may stand between two places a headline lists (天水陇南, 天水、陇南, 巴中至南充)."""


class ScopeReading(NamedTuple):
    """What the headline says of the article's extent, for :func:`~analysis.places.evidence.choose_place`.

    Attributes:
        kind: ``national``, ``roundup`` or None (:meth:`HeadlineScope.of`).
        listed: the candidate codes of places the title lists side by side and apart
            (:func:`listed_places`); empty when it lists none.
        provincial_lead: the lead speaks of its province without naming it (省政协, 全省,
            省委): a provincial paper's round-up, when no ``--province`` says so.
    """

    kind: Scope | None = None
    listed: frozenset[str] = frozenset()
    provincial_lead: bool = False


def read_scope(
    mentions: list[tuple[str, Any]], *, title: object, kicker: object, chains: Mapping[str, tuple[str, ...]]
) -> ScopeReading:
    """The headline's scope for an article whose places were read as ``(zone, mention)`` pairs."""
    return ScopeReading(
        kind=headline_scope().of(title, kicker),
        listed=listed_places(mentions, title, chains),
        provincial_lead=any(zone == "lead" and m.entry.generic == "省" for zone, m in mentions),
    )


def listed_places(
    mentions: list[tuple[str, Any]], title: object, chains: Mapping[str, tuple[str, ...]]
) -> frozenset[str]:
    """The places the title names side by side and apart: a tour, a pairing or a route.

    ``mentions`` are ``(zone, mention)`` pairs with ``start``, ``end`` and the candidate
    ``entry.codes`` (the title's own zone is ``title``); ``chains`` each place's codes from
    its province down. Only places listed together make an article about what they share
    (省政协主席赴天水陇南调研, 巴中至南充高铁); a place inside an event's name and another
    where it happens (杭州第19届亚运会火炬今天在湖州传递) do not, nor an address (四川宜宾:
    宜宾 lies in 四川), nor a third place elsewhere in the title (天水陇南客商在北京推介).

    Returns:
        The candidate codes of every pair so listed; empty when there is none.
    """
    if not isinstance(title, str):
        return frozenset()
    titled = sorted((m for zone, m in mentions if zone == "title" and m.entry.codes), key=lambda m: m.start)
    return frozenset(code for a, b in pairwise(titled)
                     if title[a.end : b.start] in LIST_GAPS and _apart(a.entry.codes, b.entry.codes, chains)
                     for code in (*a.entry.codes, *b.entry.codes))


def _apart(first: tuple[str, ...], second: tuple[str, ...], chains: Mapping[str, tuple[str, ...]]) -> bool:
    """No candidate of one lies in or holds a candidate of the other."""
    return not any(a in chains[b] or b in chains[a] for a in first for b in second)
