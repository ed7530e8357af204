"""Theme trends: each theme's share of articles per period, one line per theme.

All take the theme counts table (``group, period, theme, n_articles, share, n_hits,
group_articles``; ``share = n_articles / group_articles``) and a mapping from theme id to
its Chinese label. Shares are fed to plotly as fractions and shown as percentages.

A theme has one colour in every chart (:func:`analysis.charts.style.theme_colours`, by its
position in ``theme_labels``): pass every theme of the dictionary as ``theme_labels``, not
only those drawn, and a theme keeps its colour whatever the filters leave. What the theme
charts share (rows, order, hover lines, labels that fit) is in :mod:`.theme_parts`; the
heatmap is in :mod:`.theme_heatmap`.

``period`` is "not split" when NA or "全部" (what :func:`analysis.themes.count_themes`
writes), otherwise a timestamp or a period label (``2024-06``, ``2024Q2``…). ``n_hits`` may
be NA.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import (
    Lang,
    field,
    group_label,
    is_whole_period,
    label,
    period_label,
    period_start,
)
from analysis.charts.overview import FULL_PERIOD_SHARE, partial_note, period_coverage
from analysis.charts.phrasing import date_span
from analysis.charts.style import add_notes, base_layout, period_time_axis
from analysis.charts.theme_parts import _colours, _counts_hover, _theme_order, _top_themes
from analysis.overview import Period
from analysis.periods import period_starts_between

__all__ = ["plot_theme_trends"]


def plot_theme_trends(
    theme_counts: pd.DataFrame,
    *,
    theme_labels: Mapping[str, str],
    group: str | None = None,
    themes: Sequence[str] | None = None,
    max_themes: int = 8,
    period: Period = "month",
    colours: Mapping[str, str] | None = None,
    coverage: tuple[date, date] | None = None,
    min_articles: int = 1,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Line chart of each theme's share of articles per period.

    With ``coverage``, a period the data only partly cover gets an open marker, its
    hover says which days it holds, and a note under the title explains the marking
    (as the articles-over-time chart hatches such bars): a share over a few days of a
    month swings far more than one over the whole month.

    More than a handful of lines cannot be told apart, so by default only the
    ``max_themes`` themes with the most articles are drawn, and a note under the title
    says so; pass ``themes`` to choose.

    A period with fewer than ``min_articles`` articles gets no point (the line breaks
    there, its counts stay in the table), and a note says how many: the share of one
    article is 0 or 100%, and a corpus with a report a year before its news began drew
    decades of lines leaping between the two.

    Args:
        theme_counts: theme counts split by period.
        theme_labels: theme id → label, in display order.
        group: the locality to show; ``None`` shows the whole corpus (group NA or "全部").
        themes: theme ids to draw (default: the ``max_themes`` largest).
        max_themes: how many themes to draw when ``themes`` is not given.
        period: the period the counts were made with (axis format, and hover names for
            timestamps; label strings are shown as they are).
        colours: theme id → colour (default: :func:`~analysis.charts.style.theme_colours`
            of ``theme_labels``).
        coverage: the first and last day the data cover (None: every period is whole).
        min_articles: the fewest articles a period needs for its shares to be drawn.
        title: chart title (default: theme share over time, with the group).
        lang: label language.

    Raises:
        ValueError: when no row matches the group and has a period.
    """
    rows = _trend_rows(theme_counts, group)
    rows, n_thin = _without_thin_periods(rows, min_articles)
    hits = bool(rows["n_hits"].notna().any())
    fig = go.Figure()
    order = _theme_order(rows, theme_labels)
    chosen = [t for t in order if t in themes] if themes is not None else _top_themes(rows, order, max_themes)
    colour = _colours(theme_labels, order, colours)
    every_start = _every_period_start(rows["start"], period)
    any_partial = False
    for theme in chosen:
        part = _with_empty_periods(rows[rows["theme"] == theme], every_start)
        any_partial |= _add_theme_line(fig, part, name=theme_labels.get(theme, theme), colour=colour[theme],
                                       period=period, coverage=coverage, hits=hits, lang=lang)
    heading = title or label("theme_trends", lang) + (f" · {group_label(group, lang)}" if group else "")
    base_layout(fig, title=heading, height=440)
    notes = _trend_notes(rows, chosen, chosen_by_hand=themes is not None,
                         partial_coverage=coverage if any_partial else None, lang=lang)
    if n_thin:
        notes.append(label("thin_periods_note", lang).format(n=n_thin, min=min_articles))
    add_notes(fig, notes)
    fig.update_layout(hovermode="closest", legend={"title": {"text": label("theme", lang)}})
    fig.update_xaxes(title_text=label("period", lang))
    period_time_axis(fig, rows["start"], period=period, lang=lang)
    fig.update_yaxes(title_text=label("share_axis", lang), tickformat=".0%", rangemode="tozero")
    return fig


def _trend_rows(theme_counts: pd.DataFrame, group: str | None) -> pd.DataFrame:
    """The group's rows split by period, with their period ``start`` and ``n_hits`` as floats (NaN for NA).

    Raises:
        ValueError: naming the groups present, when no row matches the group and has a period.
    """
    rows = theme_counts[~is_whole_period(theme_counts["period"])]
    rows = rows[rows["group"] == group] if group is not None else rows[is_whole_period(rows["group"])]
    if rows.empty:
        raise ValueError(
            f"no theme counts by period for group {group!r}; groups present: "
            f"{sorted(theme_counts['group'].dropna().unique().tolist())}"
        )
    return rows.assign(
        start=period_start(rows["period"]),
        n_hits=pd.to_numeric(rows["n_hits"], errors="coerce").astype(float),
    )


def _without_thin_periods(rows: pd.DataFrame, min_articles: int) -> tuple[pd.DataFrame, int]:
    """Rows with no share where a period has fewer than ``min_articles`` articles; how many periods.

    Such periods before the first drawn one or after the last are left off the axis: the
    one report a year of 1954-2011 before the news began left half the chart empty.
    """
    thin = rows["group_articles"] < min_articles
    n_thin = int(rows.loc[thin, "start"].nunique())
    rows = rows.assign(share=rows["share"].astype(float).mask(thin))
    drawn = rows.loc[~thin, "start"]
    if drawn.empty:
        return rows, n_thin
    return rows[rows["start"].between(drawn.min(), drawn.max())], n_thin


def _add_theme_line(fig: go.Figure, part: pd.DataFrame, *, name: str, colour: str, period: Period,
                    coverage: tuple[date, date] | None, hits: bool, lang: Lang) -> bool:
    """Draw one theme's line, its partly covered periods with open markers; whether it has any."""
    numbers = part[["n_articles", "group_articles", "n_hits"]].to_numpy(float).tolist()
    names = [period_label(p, period, lang) for p in part["period"]]
    covered = period_coverage(part["start"], period=period, coverage=coverage)
    partial = (covered["share"] < FULL_PERIOD_SHARE).tolist()
    notes = [partial_note(row, lang) if cut else "" for row, cut in zip(covered.itertuples(), partial,
                                                                        strict=True)]
    fig.add_trace(
        go.Scatter(
            x=part["start"],
            y=part["share"],
            name=name,
            legendgroup=name,
            mode="lines+markers",
            line={"color": colour, "width": 2},
            marker={"color": colour, "size": [0 if cut else 6 for cut in partial]},  # see below
            customdata=[[n, *row] for n, row in zip(names, numbers, strict=True)],
            hovertext=notes,
            hovertemplate=(
                f"<b>{name}</b> · %{{customdata[0]}}<br>"
                f"{field('share', lang)}%{{y:.1%}}<br>" + _counts_hover(lang, first=1, hits=hits)
            ).replace("<extra></extra>", "%{hovertext}<extra></extra>"),
        )
    )
    if any(partial):  # open markers drawn over the line, so the legend keeps the filled one
        fig.add_trace(go.Scatter(
            x=part["start"][partial], y=part["share"][partial], mode="markers", showlegend=False,
            hoverinfo="skip", name=name, legendgroup=name,
            marker={"symbol": "circle", "size": 9, "color": "white", "line": {"color": colour, "width": 2}},
        ))
    return any(partial)


def _trend_notes(rows: pd.DataFrame, chosen: list[str], *, chosen_by_hand: bool,
                 partial_coverage: tuple[date, date] | None, lang: Lang) -> list[str]:
    """The notes under the title: which themes are drawn, and what an open marker means (when drawn)."""
    with_articles = int((rows.groupby("theme")["n_articles"].sum() > 0).sum())
    notes = []
    if chosen_by_hand:
        key = "trends_chosen_one_note" if len(chosen) == 1 else "trends_chosen_note"  # not "the 1 themes"
        notes.append(label(key, lang).format(n=len(chosen)))
    elif len(chosen) < with_articles:
        notes.append(label("trends_top_note", lang).format(shown=len(chosen), total=with_articles))
    if partial_coverage is not None:
        notes.append(label("partial_points_note", lang).format(span=date_span(*partial_coverage, lang)))
    return notes


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
