"""What the theme charts share: the rows they draw, in what order, and their text.

:mod:`analysis.charts.theme_trends`, :mod:`analysis.charts.theme_mix` and
:mod:`analysis.charts.theme_heatmap` read the same theme counts table (described in
:mod:`analysis.charts.theme_trends`). This module picks
the rows not split by period, orders themes and places, keeps the largest themes, and
words what is drawn: hover lines of the counts, theme colours, and
theme labels shortened or wrapped to fit.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import pandas as pd

from analysis.charts.labels import Lang, field, is_whole_period, label
from analysis.charts.style import theme_colours

MANY_THEMES = 8
"""Above this many themes, column labels of the heatmap are slanted."""

MAX_PLACES = 40
"""Rows a heatmap shows by default: the places with the most articles (a 新闻联播 corpus
names 200 prefectures, most in one or two items whose shares are 0 or 100%)."""


def _whole_period(counts: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Return the rows not split by period, with NA groups named "all"."""
    frame = counts[is_whole_period(counts["period"])] if "period" in counts else counts
    if frame.empty and not counts.empty:
        raise ValueError(
            "theme counts are split by period: count them with period=None "
            "for this chart, or use plot_theme_trends"
        )
    frame = frame.assign(group=frame["group"].astype("string").fillna(label("all", lang)))
    return frame.assign(n_hits=pd.to_numeric(frame["n_hits"], errors="coerce").astype(float))


def _theme_order(counts: pd.DataFrame, theme_labels: Mapping[str, str]) -> list[str]:
    present = counts["theme"].unique().tolist()
    return [t for t in theme_labels if t in present] + sorted(t for t in present if t not in theme_labels)


UNPLACED = ("未知", "未识别", "全部", "Unknown", "All")
"""Group names that are not a locality: drawn after the localities."""


FEW_ARTICLES = 20
"""A share over fewer articles than this is flagged (pale on the map, grey with its count on
the heatmap): below 20 articles one article moves it by more than 5 points."""


def _group_order(frame: pd.DataFrame, themes: Sequence[str] | None = None) -> list[str]:
    """Localities by number of articles, largest first; unknown and total rows last.

    With ``themes`` (the analyst picked some), by the number of articles on those themes
    first: the places that speak of water most, not the largest places with none of it.
    """
    sizes = frame.groupby("group")["group_articles"].max()
    if themes:
        on_themes = frame[frame["theme"].isin(list(themes))].groupby("group")["n_articles"].sum()
        keys = pd.DataFrame({"on": on_themes.reindex(sizes.index).fillna(0), "size": sizes})
        order = keys.sort_values(["on", "size"], ascending=False, kind="stable").index.tolist()
    else:
        order = sizes.sort_values(ascending=False, kind="stable").index.tolist()
    return [g for g in order if g not in UNPLACED] + [g for g in order if g in UNPLACED]


def top_places(groups: list[str], most: int | None) -> tuple[list[str], int, int]:
    """The ``most`` first places of ``groups`` (ordered by :func:`_group_order`), then the unplaced rows.

    The articles with no place (未知) keep their row when the list is cut, and are not
    counted as a place in the chart's "40 of 86 places" note.

    Returns:
        The rows to draw, how many of them are places, and how many places there are.
    """
    places = [g for g in groups if g not in UNPLACED]
    if most is None or len(places) <= most:
        return groups, len(places), len(places)
    return places[:most] + [g for g in groups if g in UNPLACED], most, len(places)


def _top_themes(frame: pd.DataFrame, themes: list[str], limit: int) -> list[str]:
    """The ``limit`` themes with the most articles, kept in ``themes`` order."""
    totals = frame.groupby("theme")["n_articles"].sum()
    keep = set(totals.reindex(themes).fillna(0).sort_values(ascending=False, kind="stable").index[:limit])
    return [t for t in themes if t in keep]


def _counts_hover(lang: Lang, *, first: int, hits: bool) -> str:
    """Hover lines for ``n_articles / group_articles`` (and ``n_hits``) in customdata."""
    line = (
        f"{field('theme_articles', lang)}%{{customdata[{first}]:,.0f}} / "
        f"%{{customdata[{first + 1}]:,.0f}} {label('unit_articles', lang)}"
    )
    if hits:
        line += f"<br>{field('n_hits', lang)}%{{customdata[{first + 2}]:,.0f}}"
    return line + "<extra></extra>"


def _colours(
    theme_labels: Mapping[str, str], order: Sequence[str], colours: Mapping[str, str] | None
) -> dict[str, str]:
    """Each theme's colour: ``colours`` if given, else by its position in ``theme_labels``."""
    return dict(colours) if colours is not None else theme_colours([*theme_labels, *order])


def shorten_label(text: str, *, width: int) -> str:
    """``text`` cut to ``width`` characters, the last one "…" when anything was cut.

    English is cut between words when a word boundary is near.
    """
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space >= width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;") + "…"


CONNECTORS = "与和及"
"""Chinese words a long theme label is best broken before (乡村振兴 / 与帮扶)."""


def wrap_label(text: str, *, width: int, lang: Lang = "zh") -> str:
    """Break a label into lines of about ``width`` characters, joined by ``<br>`` for plotly.

    Chinese breaks before the last 与/和/及 when there is one, and cuts longer parts into
    even pieces; English breaks between words.
    """
    if len(text) <= width:
        return text
    if lang == "en":
        return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False))
    cut = max((i for i, char in enumerate(text) if char in CONNECTORS and i > 0), default=0)
    parts = [text[:cut], text[cut:]] if cut else [text]
    lines = []
    for part in parts:
        pieces = -(-len(part) // width)
        size = -(-len(part) // pieces)
        lines.extend(part[i : i + size] for i in range(0, len(part), size))
    return "<br>".join(lines)
