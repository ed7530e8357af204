"""Theme mix: how each locality's theme mentions divide among themes (stacked 100% bars).

It takes the theme counts table and the theme labels as the other theme charts do
(:mod:`.theme_trends` describes both, and why every theme of the dictionary is passed as
``theme_labels``: one colour per theme whatever the filters leave). What the theme charts
share (rows, order, hover lines, labels that fit) is in :mod:`.theme_parts`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import Lang, field, group_label, label
from analysis.charts.map_labels import short_place_label
from analysis.charts.style import OTHERS_COLOUR, add_notes, base_layout
from analysis.charts.theme_parts import (
    MAX_PLACES,
    _colours,
    _group_order,
    _theme_order,
    _top_themes,
    _whole_period,
    top_places,
)

__all__ = ["draw_theme_mix", "plot_theme_mix", "theme_mix_table"]


def plot_theme_mix(
    theme_counts: pd.DataFrame,
    *,
    theme_labels: Mapping[str, str],
    themes: Sequence[str] | None = None,
    max_themes: int = 9,
    max_places: int | None = MAX_PLACES,
    colours: Mapping[str, str] | None = None,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Stacked 100% bars: how each locality's theme mentions divide among themes.

    An article can touch several themes, so the shares of articles do not add up to
    100%; the bars divide each locality's article-theme pairs (sum of ``n_articles``
    over themes) instead. Hover shows both the mix and the share of articles. Beyond
    ``max_themes`` themes, the smaller ones are summed as "other themes" (grey), as ten
    colours are about all a reader can match to a legend.

    Args:
        theme_counts: theme counts not split by period.
        theme_labels: theme id → label, in display order.
        themes: theme ids always shown separately (the rest of the ``max_themes`` are
            the largest others).
        max_themes: themes shown separately; the rest become "other themes" (noted
            under the title).
        max_places: show only the localities with the most articles (noted under the
            title); ``None`` shows all.
        colours: theme id → colour (default: :func:`~analysis.charts.style.theme_colours`
            of ``theme_labels``).
        title: chart title (default: theme mix by locality).
        lang: label language.
    """
    table = theme_mix_table(theme_counts, theme_labels=theme_labels, themes=themes, max_themes=max_themes,
                            lang=lang)
    return draw_theme_mix(table, theme_labels=theme_labels, max_places=max_places, colours=colours,
                          title=title, lang=lang)


def draw_theme_mix(
    table: pd.DataFrame,
    *,
    theme_labels: Mapping[str, str],
    max_places: int | None = MAX_PLACES,
    colours: Mapping[str, str] | None = None,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """The theme mix of :func:`plot_theme_mix`, drawn from its :func:`theme_mix_table`.

    For a caller that also shows or downloads the table: it is built once, not again
    inside the chart.

    Args:
        table: the output of :func:`theme_mix_table` (with its ``attrs``).
        theme_labels: theme id → label, in display order.
        max_places: show only the localities with the most articles; ``None`` shows all.
        colours: theme id → colour (default: :func:`~analysis.charts.style.theme_colours`).
        title: chart title (default: theme mix by locality).
        lang: label language.
    """
    colour = _colours(theme_labels, table.attrs["themes"], colours)
    groups = list(dict.fromkeys(table["group"]))
    groups, shown, n_places = top_places(groups, max_places)
    fig = go.Figure()
    folded = table["theme"].isna()
    for theme in [*table.attrs["themes"], *([pd.NA] if folded.any() else [])]:
        rows = table[folded] if pd.isna(theme) else table[table["theme"] == theme]
        fig.add_trace(_mix_bar(rows, groups, colour=OTHERS_COLOUR if pd.isna(theme) else colour[theme],
                               lang=lang))
    base_layout(
        fig,
        title=title or label("theme_mix", lang),
        height=max(360, 150 + 28 * len(groups), 120 + 22 * len(fig.data)),
    )
    fig.update_layout(
        barmode="stack", legend={"traceorder": "normal", "title": {"text": label("theme", lang)}}
    )
    add_notes(fig, _mix_notes(table, shown=shown, n_places=n_places, lang=lang))
    fig.update_xaxes(title_text=label("mix_axis", lang), tickformat=".0%", range=[0, 1.001], dtick=0.2)
    names = [group_label(g, lang) for g in groups]  # hover keeps the full name, the axis the short one
    fig.update_yaxes(
        title_text=label("locality", lang), autorange="reversed", type="category", automargin=True,
        tickmode="array", tickvals=names, ticktext=[short_place_label(name) for name in names],
    )
    return fig


def _mix_bar(rows: pd.DataFrame, groups: list[str], *, colour: str, lang: Lang) -> go.Bar:
    """One theme's (or "other themes'") bars, one per locality of ``groups``, with the numbers on hover."""
    name = rows["label"].iloc[0]
    part = rows.set_index("group").reindex(groups)
    return go.Bar(
        x=part["mix"].fillna(0.0),
        y=[group_label(g, lang) for g in groups],
        orientation="h",
        name=name,
        marker_color=colour,
        customdata=part[["share", "n_articles", "group_articles"]].to_numpy(dtype=float),
        hovertemplate=(
            f"<b>%{{y}} · {name}</b><br>{field('mix', lang)}%{{x:.1%}}<br>"
            f"{field('share', lang)}%{{customdata[0]:.1%}}（%{{customdata[1]:,.0f}} / "
            f"%{{customdata[2]:,.0f}} {label('unit_articles', lang)}）<extra></extra>"
        ),
    )


def _mix_notes(table: pd.DataFrame, *, shown: int, n_places: int, lang: Lang) -> list[str]:
    """The notes under the title: themes summed as "other themes", localities left out."""
    notes = []
    if table.attrs["n_folded"]:
        notes.append(label("mix_others_note", lang).format(shown=len(table.attrs["themes"]),
                                                          n=table.attrs["n_folded"]))
    if shown < n_places:
        notes.append(label("top_places_note", lang).format(shown=shown, total=n_places))
    return notes


def theme_mix_table(
    theme_counts: pd.DataFrame,
    *,
    theme_labels: Mapping[str, str],
    themes: Sequence[str] | None = None,
    max_themes: int = 9,
    lang: Lang = "zh",
) -> pd.DataFrame:
    """The table the theme mix draws: how each locality's theme mentions divide among themes.

    ``themes`` and the largest other themes, up to ``max_themes``, stand alone; the rest
    are summed into one row per locality named "other themes" (theme NA).

    Args:
        theme_counts: theme counts not split by period.
        theme_labels: theme id → label, in display order.
        themes: theme ids always shown separately.
        max_themes: themes shown separately.
        lang: language of the labels (and of the "other themes" and "all" rows).

    Returns:
        ``group, theme, label, n_articles, group_articles, share, mix``: one row per
        locality (most articles first) and theme (dictionary order, "other themes"
        last); ``share = n_articles / group_articles``, ``mix`` the theme's part of the
        locality's article-theme pairs (the bars' length, summing to 1 per locality).
        ``attrs`` holds ``themes`` (the ids shown alone, in order) and ``n_folded``
        (how many themes with articles were summed into "other themes").
    """
    frame = _whole_period(theme_counts, lang)
    order = _theme_order(frame, theme_labels)
    kept = _kept_themes(frame, order, themes, max_themes if len(order) > max_themes + 1 else len(order))
    totals = frame.groupby("theme")["n_articles"].sum()
    n_folded = int((totals.drop(kept, errors="ignore") > 0).sum())
    frame = frame.assign(theme=frame["theme"].where(frame["theme"].isin(kept)))
    frame = frame.groupby(["group", "theme"], as_index=False, sort=False, dropna=False).agg(
        n_articles=("n_articles", "sum"), group_articles=("group_articles", "max")
    )
    frame["share"] = frame["n_articles"] / frame["group_articles"].where(frame["group_articles"] > 0)
    pairs = frame.groupby("group")["n_articles"].transform("sum")
    frame["mix"] = (frame["n_articles"] / pairs.where(pairs > 0)).fillna(0.0)
    frame.insert(2, "label", frame["theme"].map(lambda t: label("other_themes", lang) if pd.isna(t)
                                                 else theme_labels.get(t, t)))
    rank = {theme: i for i, theme in enumerate(kept)}
    frame = frame.assign(
        _group=frame["group"].map({g: i for i, g in enumerate(_group_order(frame))}),
        _theme=frame["theme"].map(lambda t: len(rank) if pd.isna(t) else rank[t]),
    ).sort_values(["_group", "_theme"], kind="stable").drop(columns=["_group", "_theme"])
    table = frame.reset_index(drop=True)
    table.attrs.update(themes=kept, n_folded=n_folded)
    return table


def _kept_themes(
    frame: pd.DataFrame, order: list[str], themes: Sequence[str] | None, limit: int
) -> list[str]:
    """``themes`` (those present), then the largest other themes up to ``limit`` in all, in ``order``."""
    chosen = [t for t in order if themes is not None and t in set(themes)]
    rest = [t for t in order if t not in chosen]
    top = _top_themes(frame[frame["theme"].isin(rest)], rest, max(limit - len(chosen), 0)) if rest else []
    kept = set(chosen) | set(top)
    return [t for t in order if t in kept]
