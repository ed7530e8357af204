"""The locality × theme heatmap: share of each place's articles on each theme.

Takes the theme counts table described in :mod:`analysis.charts.theme_trends`. Three colourings
(``measure``): the share on one colour scale capped at a high percentile (one theme
present everywhere, such as 协商议政 at 70%, would otherwise leave every other cell pale),
each theme column on its own scale, or the share relative to the theme's overall share.
Cells always print the true share, and hover shows the counts behind it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import Lang, articles_count, group_label, label
from analysis.charts.map_labels import short_place_label
from analysis.charts.style import NOTE_COLOUR, add_notes, base_layout
from analysis.charts.theme_heatmap_scales import _column_heatmap, _relative_heatmap, _share_heatmap
from analysis.charts.theme_parts import (
    FEW_ARTICLES,
    MANY_THEMES,
    MAX_PLACES,
    _group_order,
    _theme_order,
    _whole_period,
    shorten_label,
    top_places,
    wrap_label,
)
from analysis.themes import overall_theme_shares

Measure = Literal["share", "column", "relative"]

CAP_PERCENTILE = 95.0
"""With ``measure="share"`` the colour scale ends at this percentile of the cells' shares."""

LABEL_WIDTH = {"zh": 4, "en": 12}
"""Characters per line of a theme's tick label when the labels stand upright (few themes)."""

ROW_PX = 30
"""A place's row (pixels)."""

MIN_ROWS_TALL = 5
"""The chart is at least as tall as this many rows: one province filtered left a strip of
60 pixels, beside which the colour bar's ticks ran together and its title stood above it."""

SLANTED_WIDTH = {"zh": 11, "en": 26}
"""Slanted labels stay on one line (two lines slanted run into their neighbours): longer
ones are shortened with "…"; hover shows the whole label."""


def plot_theme_heatmap(
    theme_counts: pd.DataFrame,
    *,
    theme_labels: Mapping[str, str],
    measure: Measure = "share",
    themes: Sequence[str] | None = None,
    drop_empty: bool = True,
    cap_percentile: float | None = CAP_PERCENTILE,
    max_places: int | None = MAX_PLACES,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Heatmap of the share of each locality's articles that touch each theme.

    Cells show the share as a percentage; hover adds the counts behind it. A theme with
    no row for a locality counts as 0 articles there. Notes under the title say what was
    left out (themes with no article, places beyond ``max_places``) and where the colour
    scale stops.

    Args:
        theme_counts: theme counts not split by period.
        theme_labels: theme id → label, in display order.
        measure: ``share`` colours cells by the share of the locality's articles, on one
            scale for all cells (capped, see ``cap_percentile``); ``column`` by the share
            divided by the largest share of the same theme among the places drawn, so
            each theme's column is compared within itself; ``relative`` by that share
            divided by the theme's share over all localities (1 = average, 2 = twice as
            often as everywhere else taken together).
        themes: theme ids to draw (default: every theme with an article).
        drop_empty: leave out themes with no article in any locality (and say how many),
            unless ``themes`` names them.
        cap_percentile: with ``measure="share"``, end the colour scale at this percentile
            of the cells' shares (cells above it take the darkest colour; the colour bar's
            top tick reads "≥"); ``None`` ends it at the largest share.
        max_places: show only the localities with the most articles (a note under the
            title says how many of how many); ``None`` shows all. Relative shares are
            still measured against all localities.
        title: chart title (default: theme share by locality).
        lang: label language.

    Raises:
        ValueError: when every row is split by period.
    """
    frame = _whole_period(theme_counts, lang)
    columns, n_empty = _columns(frame, theme_labels, themes=themes, drop_empty=drop_empty)
    groups = _group_order(frame, themes=columns if themes is not None else None)
    grid = _grid(frame, groups, columns)
    known_hits = bool(frame["n_hits"].notna().any())  # NA throughout: counted without scores
    grid = grid.fillna({"n_articles": 0, "share": 0.0, **({"n_hits": 0.0} if known_hits else {})})
    overall = overall_theme_shares(grid.reset_index()).reindex(columns).to_numpy(dtype=float)
    groups, shown, n_places = top_places(groups, max_places)
    grid = grid.loc[groups]
    shape = (len(groups), len(columns))
    shares = grid["share"].to_numpy(dtype=float).reshape(shape)
    custom = grid[["n_articles", "group_articles", "n_hits"]].to_numpy(dtype=float).reshape(*shape, 3)
    slanted = len(columns) > MANY_THEMES  # narrow cells, slanted theme labels
    trace, cap = _measure_trace(measure, shares, overall, custom, lang=lang, known_hits=known_hits,
                                slanted=slanted, cap_percentile=cap_percentile)
    x = [theme_labels.get(t, t) for t in columns]
    y = [group_label(g, lang) for g in groups]
    trace.update(x=x, y=y, xgap=1, ygap=1)
    fig = go.Figure(trace)
    base_layout(
        fig, title=title or _default_title(measure, lang),
        height=(280 if slanted else 180) + ROW_PX * max(len(groups), MIN_ROWS_TALL),
    )
    fig.update_traces(textfont={"size": 10 if slanted else 12})
    sizes = grid["group_articles"].groupby(level="group").max().reindex(groups).to_numpy(dtype=float)
    add_notes(fig, _heatmap_notes(n_empty=n_empty, places=(shown, n_places), chosen=themes is not None,
                                  cap=(cap, cap_percentile), sizes=sizes, lang=lang))
    _label_axes(fig, x, y, sizes=sizes, slanted=slanted, lang=lang)
    return fig


def _measure_trace(
    measure: Measure, shares: np.ndarray, overall: np.ndarray, custom: np.ndarray, *, lang: Lang,
    known_hits: bool, slanted: bool, cap_percentile: float | None,
) -> tuple[go.Heatmap, float | None]:
    """The heatmap trace coloured by ``measure``, and where the share scale was capped (None if not)."""
    if measure == "relative":
        return _relative_heatmap(shares, overall, custom, lang, known_hits), None
    if measure == "column":
        return _column_heatmap(shares, custom, lang, known_hits, slanted=slanted), None
    return _share_heatmap(shares, custom, lang, known_hits, slanted=slanted, percentile=cap_percentile)


def _default_title(measure: Measure, lang: Lang) -> str:
    """The chart's title for each measure."""
    keys = {"relative": "theme_heatmap_relative", "column": "theme_heatmap_column"}
    return label(keys.get(measure, "theme_heatmap"), lang)


def _heatmap_notes(*, n_empty: int, places: tuple[int, int], chosen: bool,
                   cap: tuple[float | None, float | None], sizes: np.ndarray, lang: Lang) -> list[str]:
    """The notes under the title: themes left out, places left out, where the scale stops, small places.

    ``places`` is (shown, total); ``chosen`` says the themes were chosen; ``cap`` is the
    share the colour scale stops at (None when it does not) and its percentile.
    """
    notes = [label("empty_themes_note", lang).format(n=n_empty)] if n_empty else []
    shown, n_places = places
    if shown < n_places:
        note = "top_places_theme_note" if chosen else "top_places_note"
        notes.append(label(note, lang).format(shown=shown, total=n_places))
    if cap[0] is not None:
        notes.append(label("colour_cap_note", lang).format(cap=cap[0], pct=cap[1]))
    if (sizes < FEW_ARTICLES).any():
        notes.append(label("few_articles_note", lang).format(n=FEW_ARTICLES))
    return notes


def _label_axes(fig: go.Figure, x: list[str], y: list[str], *, sizes: np.ndarray, slanted: bool,
                lang: Lang) -> None:
    """Theme labels along the top (slanted and shortened when many), places down the side with their size."""
    fig.update_xaxes(
        title_text=label("theme", lang),
        automargin=True,
        tickangle=-45 if slanted else 0,
        tickmode="array",
        tickvals=x,
        ticktext=[
            shorten_label(name, width=SLANTED_WIDTH[lang]) if slanted else wrap_label(
                name, width=LABEL_WIDTH[lang], lang=lang)
            for name in x
        ],
    )
    fig.update_yaxes(
        title_text=label("locality", lang), autorange="reversed", automargin=True, type="category",
        tickmode="array", tickvals=y,
        ticktext=[_place_tick(short_place_label(name), size, lang)
                  for name, size in zip(y, sizes, strict=True)],
    )


def _place_tick(name: str, size: float, lang: Lang) -> str:
    """A row's label with its number of articles, the denominator of its shares; grey when few.

    ``name`` is the place's short form (临夏州): 自治 names run to 20 characters and crowd the
    axis; hover keeps the full name.
    """
    text = f"{name} · {articles_count(size, lang)}"
    return f'<span style="color:{NOTE_COLOUR}">{text}</span>' if size < FEW_ARTICLES else text


def _columns(
    frame: pd.DataFrame, theme_labels: Mapping[str, str], *, themes: Sequence[str] | None, drop_empty: bool
) -> tuple[list[str], int]:
    """The themes to draw, in display order, and how many were left out for having no article."""
    order = _theme_order(frame, theme_labels)
    if themes is not None:
        chosen = set(themes)
        return [t for t in order if t in chosen], 0
    if not drop_empty:
        return order, 0
    totals = frame.groupby("theme")["n_articles"].sum()
    kept = [t for t in order if totals.get(t, 0) > 0]
    if not kept:  # no theme has an article: an all-zero grid says so better than an empty chart
        return order, 0
    return kept, len(order) - len(kept)


def _grid(frame: pd.DataFrame, groups: list[str], columns: list[str]) -> pd.DataFrame:
    """Rows for every (group, theme), NA where the table has none; each group's article count."""
    full = pd.MultiIndex.from_product([groups, columns], names=["group", "theme"])
    numbers = ["n_articles", "group_articles", "n_hits", "share"]
    grid = frame.set_index(["group", "theme"])[numbers].reindex(full)
    sizes = frame.groupby("group")["group_articles"].max()
    grid["group_articles"] = grid.index.get_level_values("group").map(sizes).to_numpy(dtype=float)
    return grid
