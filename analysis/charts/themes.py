"""Theme charts: locality × theme heatmap, theme trends, theme mix per locality.

All take the theme counts table (``group, period, theme, n_articles, share, n_hits,
group_articles``; ``share = n_articles / group_articles``) and a mapping from theme id to
its Chinese label. ``period`` is "not split" when NA or "全部" (what
:func:`analysis.themes.count_themes` writes), otherwise a timestamp or a period label
(``2024-06``, ``2024Q2``…). ``n_hits`` may be NA. Shares are fed to plotly as fractions
and shown as percentages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import (
    Lang,
    group_label,
    is_whole_period,
    label,
    period_label,
    period_start,
)
from analysis.charts.style import (
    OTHERS_COLOUR,
    PALETTE,
    SEQUENTIAL,
    add_subtitle,
    base_layout,
    period_time_axis,
)
from analysis.overview import Period
from analysis.periods import period_starts_between
from analysis.themes import overall_theme_shares

RELATIVE_CAP = 4.0
"""Relative shares above this many times the overall share get the darkest red."""

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


def _group_order(frame: pd.DataFrame) -> list[str]:
    """Localities by number of articles, largest first; unknown and total rows last."""
    sizes = frame.groupby("group")["group_articles"].max()
    order = sizes.sort_values(ascending=False, kind="stable").index.tolist()
    return [g for g in order if g not in UNPLACED] + [g for g in order if g in UNPLACED]


def _top_themes(frame: pd.DataFrame, themes: list[str], limit: int) -> list[str]:
    """The ``limit`` themes with the most articles, kept in ``themes`` order."""
    totals = frame.groupby("theme")["n_articles"].sum()
    keep = set(totals.reindex(themes).fillna(0).sort_values(ascending=False, kind="stable").index[:limit])
    return [t for t in themes if t in keep]


def _counts_hover(lang: Lang, *, first: int, hits: bool) -> str:
    """Hover lines for ``n_articles / group_articles`` (and ``n_hits``) in customdata."""
    line = (
        f"{label('theme_articles', lang)}: %{{customdata[{first}]:,.0f}} / "
        f"%{{customdata[{first + 1}]:,.0f}} {label('unit_articles', lang)}"
    )
    if hits:
        line += f"<br>{label('n_hits', lang)}: %{{customdata[{first + 2}]:,.0f}}"
    return line + "<extra></extra>"


def plot_theme_heatmap(
    theme_counts: pd.DataFrame,
    *,
    theme_labels: Mapping[str, str],
    measure: Literal["share", "relative"] = "share",
    max_places: int | None = MAX_PLACES,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Heatmap of the share of each locality's articles that touch each theme.

    Cells show the share as a percentage; hover adds the counts behind it. A theme with
    no row for a locality counts as 0 articles there.

    Args:
        theme_counts: theme counts not split by period.
        theme_labels: theme id → label, in display order.
        measure: ``share`` colours cells by the share of the locality's articles;
            ``relative`` by that share divided by the theme's share over all localities
            (1 = average, 2 = twice as often as everywhere else taken together), which
            brings out what sets places apart when one theme (协商议政) is everywhere.
        max_places: show only the localities with the most articles (a note under the
            title says how many of how many); ``None`` shows all. Relative shares are
            still measured against all localities.
        title: chart title (default: theme share by locality).
        lang: label language.

    Raises:
        ValueError: when every row is split by period.
    """
    frame = _whole_period(theme_counts, lang)
    themes, groups = _theme_order(frame, theme_labels), _group_order(frame)
    full = pd.MultiIndex.from_product([groups, themes], names=["group", "theme"])
    grid = frame.set_index(["group", "theme"])[["n_articles", "group_articles", "n_hits", "share"]].reindex(
        full
    )
    grid["group_articles"] = grid.groupby(level="group")["group_articles"].transform("max")
    known_hits = bool(frame["n_hits"].notna().any())  # NA throughout: counted without scores
    grid = grid.fillna({"n_articles": 0, "share": 0.0, **({"n_hits": 0.0} if known_hits else {})})
    overall = overall_theme_shares(grid.reset_index()).reindex(themes).to_numpy(dtype=float)
    n_places = len(groups)
    if max_places is not None and n_places > max_places:
        groups = groups[:max_places]
        grid = grid.loc[groups]
    custom = grid[["n_articles", "group_articles", "n_hits"]].to_numpy(dtype=float)
    x = [theme_labels.get(t, t) for t in themes]
    slanted = len(themes) > MANY_THEMES  # narrow cells, slanted theme labels
    if measure == "relative":
        trace = _relative_heatmap(grid, overall, groups, themes, custom, lang, known_hits)
    else:
        shares = grid["share"].to_numpy(dtype=float).reshape(len(groups), len(themes))
        trace = go.Heatmap(  # in narrow cells the number alone: its unit is on the colour bar
            colorscale=SEQUENTIAL,
            zmin=0,
            text=np.rint(shares * 100).astype(int) if slanted else None,
            texttemplate="%{text}" if slanted else "%{z:.0%}",
            z=shares,
            customdata=custom.reshape(len(groups), len(themes), 3).tolist(),
            colorbar={
                "title": {"text": label("share_axis", lang), "side": "right"},
                "tickformat": ".0%",
                "thickness": 14,
            },
            hovertemplate=(
                f"<b>%{{y}} · %{{x}}</b><br>{label('share', lang)}: %{{z:.1%}}<br>"
                + _counts_hover(lang, first=0, hits=known_hits)
            ),
        )
    trace.update(x=x, y=[group_label(g, lang) for g in groups], xgap=1, ygap=1)
    fig = go.Figure(trace)
    default_title = label("theme_heatmap_relative" if measure == "relative" else "theme_heatmap", lang)
    base_layout(
        fig, title=title or default_title, height=max(320, (260 if slanted else 160) + 30 * len(groups))
    )
    fig.update_traces(textfont={"size": 10 if slanted else 12})
    _note_top_places(fig, len(groups), n_places, lang)
    fig.update_xaxes(title_text=label("theme", lang), automargin=True, tickangle=-45 if slanted else 0)
    fig.update_yaxes(
        title_text=label("locality", lang), autorange="reversed", automargin=True, type="category"
    )
    return fig


def _note_top_places(fig: go.Figure, shown: int, total: int, lang: Lang) -> None:
    """Say under the title that only the largest places are drawn, when that is so."""
    if shown < total:
        add_subtitle(fig, label("top_places_note", lang).format(shown=shown, total=total))


def _relative_heatmap(
    grid: pd.DataFrame,
    overall: np.ndarray,
    groups: list[str],
    themes: list[str],
    custom,
    lang: Lang,
    known_hits: bool,
) -> go.Heatmap:
    """Cells coloured by share ÷ the theme's share over all localities, white at 1.

    Plotly ignores ``zmid`` once ``zmin``/``zmax`` are set, so the colour scale itself puts
    white at 1: blue below, red above, saturating at :data:`RELATIVE_CAP`. Themes no
    locality mentions have no ratio and stay blank.
    """
    share = grid["share"].to_numpy(dtype=float).reshape(len(groups), len(themes))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(overall > 0, share / overall, np.nan)
    extra = np.dstack([custom.reshape(len(groups), len(themes), 3), share])
    top = float(np.nanmax(ratio)) if np.isfinite(ratio).any() else 2.0
    zmax = min(max(2.0, top), RELATIVE_CAP)
    white = 1 / zmax
    return go.Heatmap(
        z=ratio,
        customdata=extra.tolist(),
        colorscale=[
            [0, "#2166ac"],
            [white / 2, "#92c5de"],
            [white, "#f7f7f7"],
            [white + (1 - white) / 2, "#f4a582"],
            [1, "#b2182b"],
        ],
        zmin=0,
        zmax=zmax,
        text=[["" if np.isnan(v) else f"{v:.1f}×" for v in row] for row in ratio],
        texttemplate="%{text}",
        colorbar={"title": {"text": label("relative_axis", lang), "side": "right"}, "thickness": 14},
        hovertemplate=(
            f"<b>%{{y}} · %{{x}}</b><br>{label('relative', lang)}: %{{z:.2f}}×<br>"
            f"{label('share', lang)}: %{{customdata[3]:.1%}}<br>"
            + _counts_hover(lang, first=0, hits=known_hits)
        ),
    )


def plot_theme_trends(
    theme_counts: pd.DataFrame,
    *,
    theme_labels: Mapping[str, str],
    group: str | None = None,
    themes: Sequence[str] | None = None,
    max_themes: int = 8,
    period: Period = "month",
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Line chart of each theme's share of articles per period.

    More than a handful of lines cannot be told apart, so by default only the
    ``max_themes`` themes with the most articles are drawn; pass ``themes`` to choose.

    Args:
        theme_counts: theme counts split by period.
        theme_labels: theme id → label, in display order.
        group: the locality to show; ``None`` shows the whole corpus (group NA or "全部").
        themes: theme ids to draw (default: the ``max_themes`` largest).
        max_themes: how many themes to draw when ``themes`` is not given.
        period: the period the counts were made with (axis format, and hover names for
            timestamps; label strings are shown as they are).
        title: chart title (default: theme share over time, with the group).
        lang: label language.

    Raises:
        ValueError: when no row matches the group and has a period.
    """
    rows = theme_counts[~is_whole_period(theme_counts["period"])]
    rows = rows[rows["group"] == group] if group is not None else rows[is_whole_period(rows["group"])]
    if rows.empty:
        raise ValueError(
            f"no theme counts by period for group {group!r}; groups present: "
            f"{sorted(theme_counts['group'].dropna().unique().tolist())}"
        )
    rows = rows.assign(
        start=period_start(rows["period"]),
        n_hits=pd.to_numeric(rows["n_hits"], errors="coerce").astype(float),
    )
    hits = bool(rows["n_hits"].notna().any())
    fig = go.Figure()
    order = _theme_order(rows, theme_labels)
    chosen = [t for t in order if t in themes] if themes is not None else _top_themes(rows, order, max_themes)
    every_start = _every_period_start(rows["start"], period)
    for index, theme in enumerate(chosen):
        part = _with_empty_periods(rows[rows["theme"] == theme], every_start)
        name = theme_labels.get(theme, theme)
        numbers = part[["n_articles", "group_articles", "n_hits"]].to_numpy(float).tolist()
        names = [period_label(p, period, lang) for p in part["period"]]
        fig.add_trace(
            go.Scatter(
                x=part["start"],
                y=part["share"],
                name=name,
                mode="lines+markers",
                line={"color": PALETTE[index % len(PALETTE)], "width": 2},
                customdata=[[n, *row] for n, row in zip(names, numbers, strict=True)],
                hovertemplate=(
                    f"<b>{name}</b> · %{{customdata[0]}}<br>"
                    f"{label('share', lang)}: %{{y:.1%}}<br>" + _counts_hover(lang, first=1, hits=hits)
                ),
            )
        )
    heading = title or label("theme_trends", lang) + (f" · {group}" if group else "")
    base_layout(fig, title=heading, height=440)
    fig.update_layout(hovermode="closest", legend={"title": {"text": label("theme", lang)}})
    fig.update_xaxes(title_text=label("period", lang))
    period_time_axis(fig, rows["start"], period=period, lang=lang)
    fig.update_yaxes(title_text=label("share_axis", lang), tickformat=".0%", rangemode="tozero")
    return fig


def _every_period_start(starts: pd.Series, period: Period) -> pd.DatetimeIndex | None:
    """Every period start from the first to the last plotted; None when nothing is dated."""
    starts = pd.to_datetime(starts).dropna()
    return None if starts.empty else period_starts_between(starts.min(), starts.max(), period)


def _with_empty_periods(part: pd.DataFrame, every_start: pd.DatetimeIndex | None) -> pd.DataFrame:
    """One theme's rows in time order, with a row of no share for each period without articles.

    A period in which nothing was published has no share at all, not a share of 0: the
    line breaks there (plotly leaves gaps at missing values) instead of drawing a
    straight line across years in which the outlet printed nothing.
    """
    part = part.sort_values("start")
    if every_start is None:
        return part
    missing = every_start.difference(pd.DatetimeIndex(part["start"]))
    if missing.empty:
        return part
    empty = pd.DataFrame({"start": missing, "period": missing, "share": float("nan")})
    return pd.concat([part, empty], ignore_index=True).sort_values("start", kind="stable")


def plot_theme_mix(
    theme_counts: pd.DataFrame,
    *,
    theme_labels: Mapping[str, str],
    max_themes: int = 9,
    max_places: int | None = MAX_PLACES,
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
        max_themes: themes shown separately; the rest become "other themes".
        max_places: show only the localities with the most articles (noted under the
            title); ``None`` shows all.
        title: chart title (default: theme mix by locality).
        lang: label language.
    """
    frame = _whole_period(theme_counts, lang)
    order = _theme_order(frame, theme_labels)
    kept = _top_themes(frame, order, max_themes if len(order) > max_themes + 1 else len(order))
    others = label("other_themes", lang)
    frame = frame.assign(theme=frame["theme"].where(frame["theme"].isin(kept), others))
    frame = frame.groupby(["group", "theme"], as_index=False, sort=False).agg(
        n_articles=("n_articles", "sum"), group_articles=("group_articles", "max")
    )
    frame["share"] = frame["n_articles"] / frame["group_articles"].where(frame["group_articles"] > 0)
    totals = frame.groupby("group")["n_articles"].transform("sum")
    frame = frame.assign(mix=(frame["n_articles"] / totals.where(totals > 0)).fillna(0.0))
    groups = _group_order(frame)
    n_places = len(groups)
    groups = groups[:max_places] if max_places is not None else groups
    fig = go.Figure()
    for index, theme in enumerate([*kept, others] if len(kept) < len(order) else kept):
        part = frame[frame["theme"] == theme].set_index("group").reindex(groups)
        name = theme_labels.get(theme, theme)
        fig.add_trace(
            go.Bar(
                x=part["mix"].fillna(0.0),
                y=[group_label(g, lang) for g in groups],
                orientation="h",
                name=name,
                marker_color=OTHERS_COLOUR if theme == others else PALETTE[index % len(PALETTE)],
                customdata=part[["share", "n_articles", "group_articles"]].to_numpy(dtype=float),
                hovertemplate=(
                    f"<b>%{{y}} · {name}</b><br>{label('mix', lang)}: %{{x:.1%}}<br>"
                    f"{label('share', lang)}: %{{customdata[0]:.1%}}（%{{customdata[1]:,.0f}} / "
                    f"%{{customdata[2]:,.0f}} {label('unit_articles', lang)}）<extra></extra>"
                ),
            )
        )
    base_layout(
        fig,
        title=title or label("theme_mix", lang),
        height=max(360, 150 + 28 * len(groups), 120 + 22 * len(fig.data)),
    )
    fig.update_layout(
        barmode="stack", legend={"traceorder": "normal", "title": {"text": label("theme", lang)}}
    )
    _note_top_places(fig, len(groups), n_places, lang)
    fig.update_xaxes(title_text=label("mix_axis", lang), tickformat=".0%", range=[0, 1.001], dtick=0.2)
    fig.update_yaxes(
        title_text=label("locality", lang), autorange="reversed", type="category", automargin=True
    )
    return fig
