"""Stories abroad: a foreign country's police, courts, strikes or farmers are no Chinese governance story.

A 新闻联播 item on a shooting by American police, a Brazilian court or a German farmers'
protest uses the words of China's own governance (警察, 法院, 农民, 儿童), but it is about
another country's home affairs. The dictionary's ``[abroad]`` table names the words that
place a story abroad (``terms``: countries, foreign cities, 当地时间) and the words that bring
it home (``home_terms``: 中国, 我国, 中方, 我省 …); a theme marked ``home_only`` is about
China's own governance. The rule, per paragraph (a line of the text; the title is a
paragraph of its own), like the counter terms' (:mod:`analysis.theme_counters`)::

    abroad = the paragraph or the title has an abroad term
             and neither the paragraph nor the title has a home term
    in an abroad paragraph, the hits of home_only themes are dropped

A title that names no place takes the place of the text's first sentence when that names a
place abroad and none at home (美陆军航空部队停飞 over 美国陆军两架直升机…): the title's own
hits are then dropped as an abroad paragraph's; the text's paragraphs keep their own places.

The table's ``ignore`` phrases are words an abroad or home term hides in across a word
boundary (沿海地区 holds 海地, 朝鲜族 holds 朝鲜): matched and discarded, as the dictionary's
own ignore phrases are for theme terms.

Presence, not counts: one 中国 in the title or the paragraph says the story is about
China (中国驻美国大使馆提醒…), and one 美国 places a paragraph with no home word abroad.
A paragraph, because a news bundle (国际联播快讯) puts stories on separate lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from analysis.theme_counters import ScansTerms

if TYPE_CHECKING:
    from analysis.theme_model import ThemeDictionary

__all__ = ["ABROAD", "HOME", "AbroadRule"]

ABROAD = 1
"""A place flag (of a title, a headline or a paragraph): it names a place abroad and nothing at home."""
HOME = 2
"""A place flag: it names home (whatever else it names)."""


@dataclass(frozen=True, eq=False)
class AbroadRule(ScansTerms):
    """The abroad and home terms compiled for scanning, and the themes they concern.

    Attributes:
        terms: each abroad or home term and ignore phrase once.
        places: for each term, :data:`ABROAD`, :data:`HOME` or 0 for an ignore phrase
            (沿海地区: matched, so that the 海地 inside it is not, and discarded).
        themes: the positions of the ``home_only`` themes.
    """

    terms: tuple[str, ...]
    places: tuple[int, ...]
    themes: tuple[int, ...]

    @classmethod
    def of(cls, themes: ThemeDictionary, position: dict[str, int]) -> AbroadRule | None:
        """The rule of a dictionary (``position``: each theme id's position), or None.

        None when the dictionary has no abroad terms or no home_only theme.
        """
        home_only = tuple(position[t.id] for t in themes.themes if t.home_only)
        if not themes.abroad_terms or not home_only:
            return None
        places = ({term: ABROAD for term in themes.abroad_terms} | {term: HOME for term in themes.home_terms}
                  | {phrase: 0 for phrase in themes.abroad_ignore})
        return cls(tuple(places), tuple(places.values()), home_only)

    def title_flags(self, titles: Sequence[str]) -> np.ndarray:
        """Each title's place flag: :data:`HOME`, :data:`ABROAD` or 0 (neither named)."""
        flags = np.zeros(len(titles), dtype=np.int8)
        texts = [t if isinstance(t, str) else "" for t in titles]
        offsets = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
        starts, home = self._hits("\n".join(texts))
        doc = np.searchsorted(offsets, starts, side="right") - 1
        flags[doc[~home]] = ABROAD
        flags[doc[home]] = HOME  # after ABROAD: home wins
        return flags

    def headline_flags(self, title_flags: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """The flag a title is scanned with: its own; a title naming no place takes its lead's abroad.

        俄称击落乌军直升机 or 美陆军航空部队停飞 name their countries by one character, which
        is no abroad term; the first sentence (俄罗斯国防部称…, 美国陆军两架…) says where the
        story is. Only the title's own hits follow it: the text's paragraphs keep their own
        places, so a local story about foreign visitors (德国某公司总裁一行到高新区考察…
        then 招商引资 in a paragraph of its own) keeps its investment theme.

        Args:
            title_flags: each title's flag (:meth:`title_flags`).
            texts: each title's text.
        """
        flags = title_flags.copy()
        placeless = np.flatnonzero(flags == 0)
        if len(placeless):
            leads = [_lead(texts[i]) for i in placeless.tolist()]
            flags[placeless[self.title_flags(leads) == ABROAD]] = ABROAD
        return flags

    def keep(
        self, joined: str, hits: dict[str, np.ndarray], text_of: np.ndarray, titles: np.ndarray | None, *,
        newlines: np.ndarray,
    ) -> np.ndarray:
        """Which hits stand: False for a hit of a home_only theme in a paragraph abroad.

        Args:
            joined: the texts of a batch joined by line breaks.
            hits: ``start`` (in ``joined``) and ``theme`` of every hit.
            text_of: each hit's text (position in the batch).
            titles: each text's flag: a text's title's (:meth:`title_flags`), a title's its
                headline flag (:meth:`headline_flags`); None: none but the paragraphs' own.
            newlines: where ``joined``'s line breaks are (:func:`analysis.theme_counters.line_breaks`).
        """
        concerned = np.isin(hits["theme"], self.themes)
        if not concerned.any():
            return np.ones(len(concerned), dtype=bool)
        starts, home = self._hits(joined)
        lines = np.searchsorted(newlines, starts, side="right")
        paragraph_of = np.searchsorted(newlines, hits["start"], side="right")
        abroad_lines, home_lines = np.unique(lines[~home]), np.unique(lines[home])
        flag = np.zeros(len(concerned), dtype=np.int8) if titles is None else titles[text_of]
        abroad = (np.isin(paragraph_of, abroad_lines) | (flag == ABROAD)) & ~np.isin(paragraph_of, home_lines)
        return ~(concerned & abroad & (flag != HOME))

    def _hits(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Start of each abroad or home term hit, and whether it is a home term (ignore phrases left out)."""
        if not self.terms or not text:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
        found = self._automaton.find(text)
        starts = np.fromiter((s for s, _, _ in found), dtype=np.int64, count=len(found))
        places = np.fromiter((self.places[i] for _, _, i in found), dtype=np.int8, count=len(found))
        return starts[places != 0], places[places != 0] == HOME


_LEAD_END = re.compile(r"[。！？!?\n]")


def _lead(text: object) -> str:
    """The first sentence of a text: where a story abroad says it is, when its title does not.

    A sentence, not the paragraph: a story at home can name foreign guests further on
    (深圳全球招商大会…举行。来自美国、日本等国家和地区的嘉宾参会).
    """
    if not isinstance(text, str):
        return ""
    text = text.lstrip()
    end = _LEAD_END.search(text)
    return text if end is None else text[: end.start()]
