"""Chinese and English labels for every chart: titles, axis titles and hover names.

Charts look labels up with :func:`label` so that the ``lang`` switch is one dictionary.
The words themselves are kept by kind of chart (:mod:`~analysis.charts.labels_overview`,
``labels_keywords``, ``labels_themes``, ``labels_network``, ``labels_maps``) so a
translator edits one small file. Plotly's own words in Chinese (:data:`PLOTLY_ZH_CN`),
punctuation between words (:mod:`analysis.charts.phrasing`), period names and time-axis
formats (:mod:`analysis.charts.period_axis`) live in modules of their own and are
importable from here as well.
"""

from __future__ import annotations

from typing import Literal

from analysis.charts.labels_keywords import KEYWORD_LABELS
from analysis.charts.labels_maps import MAP_LABELS
from analysis.charts.labels_network import NETWORK_LABELS
from analysis.charts.labels_overview import OVERVIEW_LABELS
from analysis.charts.labels_themes import THEME_LABELS
from analysis.charts.period_axis import (
    AXIS_DATE_FORMAT,
    WHOLE_PERIOD,
    is_whole_period,
    period_label,
    period_start,
)
from analysis.charts.phrasing import colon, date_span, list_separator
from analysis.charts.plotly_locale import PLOTLY_ZH_CN

__all__ = [
    "AXIS_DATE_FORMAT",
    "GROUP_WORDS",
    "LABELS",
    "PLOTLY_ZH_CN",
    "WHOLE_PERIOD",
    "Lang",
    "articles_count",
    "colon",
    "date_span",
    "field",
    "group_label",
    "is_whole_period",
    "label",
    "list_separator",
    "period_label",
    "period_start",
]

Lang = Literal["zh", "en"]


def join_tables(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """The label tables of each kind of chart as one; a key defined twice is refused by name.

    Raises:
        ValueError: naming the keys two tables both define (one would silently hide the other).
    """
    joined: dict[str, dict[str, str]] = {}
    for table in tables:
        twice = sorted(set(joined) & set(table))
        if twice:
            raise ValueError(f"chart labels defined twice: {', '.join(twice)}")
        joined.update(table)
    return joined


LABELS: dict[str, dict[str, str]] = join_tables(
    OVERVIEW_LABELS, KEYWORD_LABELS, THEME_LABELS, NETWORK_LABELS, MAP_LABELS
)
"""Label key → {'zh': ..., 'en': ...}, every kind of chart."""


def label(key: str, lang: Lang = "zh") -> str:
    """Return the label for ``key`` in ``lang``.

    Raises:
        KeyError: naming the unknown key or language.
    """
    try:
        return LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no chart label {key!r} in language {lang!r}") from None


def articles_count(n: float, lang: Lang = "zh") -> str:
    """A number of articles standing alone (a row label, a bar): ``330 篇``, ``330 articles``."""
    if lang == "en":
        return f"{n:,.0f} article{'' if n == 1 else 's'}"
    return f"{n:,.0f} {label('unit_articles', lang)}"


def field(key: str, lang: Lang = "zh") -> str:
    """The label for ``key`` as the name of a value in a hover line: ``占比：`` or ``Share: ``."""
    return f"{label(key, lang)}{colon(lang)}"


GROUP_WORDS = {"未知": "Unknown", "全部": "All"}
"""The analysis tables' labels for "no place or period" and "not split", in English."""


def group_label(group: str, lang: Lang) -> str:
    """A group's name as a chart shows it: place names as they are, ``未知`` → Unknown in English."""
    return GROUP_WORDS.get(group, group) if lang == "en" else group
