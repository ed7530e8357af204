"""The theme model: themes, the dictionary they make up with its scoring settings, term weights.

:func:`analysis.theme_dictionary.load_themes` builds a :class:`ThemeDictionary` from the
analyst's ``data/themes.toml``; the matcher (:mod:`analysis.theme_matcher`) and the scores
(:mod:`analysis.theme_scoring`) read it. A term's weight (:func:`term_weights`) depends on
the dictionary alone, never on a corpus.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

    from analysis.theme_matcher import ThemeMatcher


@dataclass(frozen=True)
class Theme:
    """One theme of the dictionary.

    Attributes:
        id: stable ascii identifier (``party_discipline``), used in every table.
        label: Chinese label shown on charts.
        label_en: English label.
        description: what the theme covers, for the analyst (English).
        description_zh: the same in Chinese ("" when the file gives none).
        terms: substrings that signal the theme.
        core_terms: unambiguous markers; weighted ``core_weight`` instead of 1.
        patterns: regular expressions for variants the term list cannot enumerate.
        weights: explicit base weights for some of the theme's terms or patterns.
        source: where the vocabulary came from.
        counter_terms: words of another kind of story (a shooting, an air strike): in a
            paragraph where they weigh as much as the theme's hits, those hits are dropped.
        home_only: the theme is about China's own governance: its hits in a paragraph
            abroad are dropped (:mod:`analysis.theme_abroad`).
    """

    id: str
    label: str
    label_en: str
    description: str
    terms: tuple[str, ...]
    core_terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    weights: Mapping[str, float] = field(default_factory=dict)
    source: str = ""
    description_zh: str = ""
    counter_terms: tuple[str, ...] = ()
    home_only: bool = False


@dataclass(frozen=True)
class ThemeDictionary:
    """The validated theme file: themes in file order plus the scoring settings.

    Attributes:
        themes: the themes, in file order (the order of chart legends).
        threshold: score (weighted hits per 1,000 characters) needed to assign a theme.
        min_hits: hits needed to assign a theme, whatever the score.
        length_floor: article length (characters) below which scores use this length.
        length_cap: article length above which scores use this length, so that a long
            report needs as much evidence as a dense article of this length, not more.
        title_weight: multiplier for hits in the title.
        core_weight: base weight of a ``core_terms`` entry (a plain term has 1).
        ignore: phrases matched and discarded, so the terms inside them do not fire.
        abroad_terms: words that place a paragraph abroad (``[abroad] terms``).
        home_terms: words that bring it home (``[abroad] home_terms``).
        abroad_ignore: words an abroad or home term hides in across a word boundary
            (沿海地区 holds 海地): matched and discarded (``[abroad] ignore``).
        version: the file's ``version`` string, to record which dictionary scored what.
        path: the file the dictionary was read from, if any.
    """

    themes: tuple[Theme, ...]
    threshold: float = 4.0
    min_hits: int = 2
    length_floor: int = 500
    length_cap: int = 5000
    title_weight: float = 2.0
    core_weight: float = 2.0
    ignore: tuple[str, ...] = ()
    abroad_terms: tuple[str, ...] = ()
    home_terms: tuple[str, ...] = ()
    abroad_ignore: tuple[str, ...] = ()
    version: str = ""
    path: str | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        """Theme ids in file order."""
        return tuple(theme.id for theme in self.themes)

    @property
    def labels(self) -> dict[str, str]:
        """Chinese label of each theme id."""
        return {theme.id: theme.label for theme in self.themes}

    @cached_property
    def matcher(self) -> ThemeMatcher:
        """The compiled matcher (built on first use, kept with this dictionary)."""
        from analysis.theme_matcher import build_matcher

        return build_matcher(self)


def theme_terms(themes: ThemeDictionary) -> pd.DataFrame:
    """List every term and pattern of the dictionary with its weight.

    A term's weight says how specific it is, independently of any corpus (so scores do not
    move as the store grows): ``weight = base_weight / n_themes``, where ``base_weight`` is
    the explicit ``weights`` entry, else ``core_weight`` for a core term, else 1, and
    ``n_themes`` is how many themes list the term. A term shared by two themes thus counts
    half for each. Patterns belong to one theme (``n_themes`` is 1).

    Args:
        themes: the theme dictionary.

    Returns:
        One row per (theme, term or pattern) with columns ``theme``, ``term``, ``kind``
        (``term``, ``core`` or ``pattern``), ``base_weight``, ``n_themes``, ``weight``.
    """
    import pandas as pd  # not at import time: ingest workers use term_weights without pandas

    return pd.DataFrame(term_weights(themes), columns=list(TermWeight._fields)).astype({"n_themes": "int64"})


class TermWeight(NamedTuple):
    """One row of :func:`theme_terms`."""

    theme: str
    term: str
    kind: str
    base_weight: float
    n_themes: int
    weight: float


def term_weights(themes: ThemeDictionary) -> list[TermWeight]:
    """The rows of :func:`theme_terms` as a list, in dictionary order (no pandas needed)."""
    rows = []
    for theme in themes.themes:
        kinds = [("core", t, themes.core_weight) for t in theme.core_terms]
        kinds += [("term", t, 1.0) for t in theme.terms]
        kinds += [("pattern", p, 1.0) for p in theme.patterns]
        for kind, term, base in kinds:
            rows.append((theme.id, term, kind, float(theme.weights.get(term, base))))
    listed_by: dict[str, set[str]] = {}
    for theme_id, term, kind, _ in rows:
        if kind != "pattern":
            listed_by.setdefault(term, set()).add(theme_id)
    weights = []
    for theme_id, term, kind, base in rows:
        n_themes = 1 if kind == "pattern" else len(listed_by[term])
        weights.append(TermWeight(theme_id, term, kind, base, n_themes, base / n_themes))
    return weights


GLOSSARY_COLUMNS = (
    "theme", "label", "description", "core_terms", "terms", "patterns", "counter_terms", "home_only",
    "n_terms")


def theme_glossary(themes: ThemeDictionary, *, lang: str = "zh", shown_terms: int = 20) -> pd.DataFrame:
    """One row per theme saying what it covers and which words find it, for the analyst to read.

    Args:
        themes: the theme dictionary.
        lang: ``zh`` for the Chinese label and description (the English description when
            the file gives no Chinese one), ``en`` for the English ones.
        shown_terms: how many plain terms to list; the rest are counted (``… 共 N 个``).

    Returns:
        Columns :data:`GLOSSARY_COLUMNS`: ``theme`` (id), ``label``, ``description``,
        ``core_terms``, ``terms``, ``patterns`` and ``counter_terms`` (the words of another
        kind of story that take the theme's hits away, :mod:`analysis.theme_counters`) as one
        string each, ``home_only`` (bool: not counted in paragraphs abroad,
        :mod:`analysis.theme_abroad`) and ``n_terms`` (core terms, terms and patterns together).
    """
    import pandas as pd  # not at import time: ingest workers never build this table

    english = lang == "en"
    joiner = ", " if english else "、"
    rows = []
    for theme in themes.themes:
        terms = joiner.join(theme.terms[:shown_terms])
        if len(theme.terms) > shown_terms:
            terms += f", … ({len(theme.terms)} in all)" if english else f"……共 {len(theme.terms)} 个"
        rows.append((
            theme.id,
            theme.label_en if english else theme.label,
            theme.description if english or not theme.description_zh else theme.description_zh,
            joiner.join(theme.core_terms),
            terms,
            joiner.join(theme.patterns),
            joiner.join(theme.counter_terms),
            theme.home_only,
            len(theme.core_terms) + len(theme.terms) + len(theme.patterns),
        ))
    return pd.DataFrame(rows, columns=list(GLOSSARY_COLUMNS)).astype({"home_only": bool, "n_terms": "int64"})
