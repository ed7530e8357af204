"""Overview charts: how many articles, when, and about where.

Both take the table returned by :func:`analysis.overview.count_articles`.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import (
    Lang,
    articles_count,
    field,
    is_whole_period,
    label,
    period_label,
    period_start,
)
from analysis.charts.map_labels import short_place_label
from analysis.charts.phrasing import date_span
from analysis.charts.style import (
    OTHERS_COLOUR,
    PALETTE,
    add_notes,
    add_subtitle,
    bar_height,
    base_layout,
    period_time_axis,
    whole_number_ticks,
)
from analysis.overview import Period

UNKNOWN = {"zh": "未识别", "en": "Unknown"}
OTHERS = {"zh": "其他", "en": "Others"}


def plot_articles_over_time(
    counts: pd.DataFrame,
    *,
    period: Period = "month",
    max_groups: int = 8,
    coverage: tuple[date, date] | None = None,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Bar chart of articles per period, stacked by group when there are groups.

    A period the data only partly cover (the corpus starts or ends inside it, or the
    date filter cuts it) would read as a collapse next to full ones, so with
    ``coverage`` such bars are hatched and lighter, their hover says which days they
    hold, and a subtitle explains the marking.

    Args:
        counts: ``group, period, n_articles`` from ``count_articles(period=...)``;
            ``period`` may also hold labels such as ``2024-06`` or ``2024Q2``.
        period: the period the counts were made with (axis and hover date format).
        max_groups: groups beyond the largest ``max_groups`` are summed as "others".
        coverage: the first and last day the data cover (None: every period is whole).
        title: chart title (default: articles over time).
        lang: label language.
    """
    frame = counts[~is_whole_period(counts["period"])].copy()
    frame["group"] = _group_names(frame["group"], max_groups, frame["n_articles"], lang)
    frame = frame.groupby(["group", "period"], sort=False, as_index=False)["n_articles"].sum()
    frame["start"] = period_start(frame["period"])
    covered = period_coverage(frame["start"], period=period, coverage=coverage)
    frame["partial"] = covered["share"].to_numpy() < FULL_PERIOD_SHARE
    frame["note"] = [
        partial_note(row, lang) if partial else "" for row, partial in zip(
            covered.itertuples(), frame["partial"], strict=True)
    ]
    fig = go.Figure()
    groups = frame["group"].unique().tolist()
    for index, group in enumerate(groups):
        part = frame[frame["group"] == group]
        name = group if len(groups) > 1 else label("articles", lang)
        heading = f"<b>{name}</b> · " if len(groups) > 1 else ""
        fig.add_trace(
            go.Bar(
                x=part["start"],
                y=part["n_articles"],
                name=name,
                marker_color=OTHERS_COLOUR if group == OTHERS[lang] else PALETTE[index % len(PALETTE)],
                marker_opacity=[PARTIAL_OPACITY if p else 1.0 for p in part["partial"]],
                marker_pattern_shape=["/" if p else "" for p in part["partial"]],
                customdata=[period_label(p, period, lang) for p in part["period"]],
                hovertext=part["note"].tolist(),
                hovertemplate=(
                    f"{heading}<b>%{{customdata}}</b><br>"
                    f"{field('articles', lang)}%{{y:,}} {label('unit_articles', lang)}"
                    "%{hovertext}<extra></extra>"
                ),
            )
        )
    if frame["start"].nunique() == 1 and len(groups) == 1:  # one bar: its number on it, no axis reading
        fig.update_traces(text=[articles_count(n, lang) for n in frame["n_articles"]], texttemplate="%{text}",
                          textposition="outside", cliponaxis=False)
    base_layout(fig, title=title or label("articles_over_time", lang), height=420)
    notes = [label("partial_periods_note", lang).format(span=date_span(*coverage, lang))] if (
        frame["partial"].any() and coverage is not None) else []
    add_notes(fig, notes + _tiny_bars_note(frame.groupby("start")["n_articles"].sum(), lang))
    fig.update_layout(
        barmode="stack", bargap=0.15, showlegend=len(groups) > 1, legend={"orientation": "h", "y": -0.15}
    )
    fig.update_xaxes(title_text=label("period", lang))
    period_time_axis(fig, frame["start"], period=period, lang=lang)
    ticks = whole_number_ticks(frame.groupby("start")["n_articles"].sum()) or {"tickformat": ",d"}  # stacked
    fig.update_yaxes(title_text=label("articles_axis", lang), rangemode="tozero", **ticks)
    return fig


TINY_BAR_SHARE = 0.01
"""A bar under this share of the tallest is too short to be seen (under two pixels)."""


def _tiny_bars_note(totals: pd.Series, lang: Lang) -> list[str]:
    """A note naming the periods whose articles are too few to be seen beside the tallest bar.

    The national work reports, one a year from 1954, drew no visible bar beside the 7,800
    broadcast stories of 2024: the axis seemed to start decades before any article.
    """
    tiny = totals[(totals > 0) & (totals < totals.max() * TINY_BAR_SHARE)]
    if tiny.empty:
        return []
    return [label("tiny_bars_note", lang).format(n=len(tiny), articles=int(tiny.sum()))]


FULL_PERIOD_SHARE = 0.9
"""A period whose days the data cover less than this share of is marked partial: two
missing days at the start of a month do not change how its bar reads, half a year does."""
PARTIAL_OPACITY = 0.45


def period_coverage(
    starts: pd.Series, *, period: str, coverage: tuple[date, date] | None
) -> pd.DataFrame:
    """How much of each period the data cover.

    Args:
        starts: the periods' first days.
        period: ``day``, ``week`` (Monday to Sunday), ``month``, ``quarter`` or ``year``.
        coverage: the first and last day the data cover; None: all of every period.

    Returns:
        One row per start, in order: ``start``, ``end`` (the period's last day),
        ``covered_from``, ``covered_to`` (the days of it the data cover; NaT if none),
        ``days``, ``covered_days`` and ``share`` (covered_days / days).
    """
    start = pd.to_datetime(pd.Series(starts)).dt.normalize().reset_index(drop=True)
    code = PANDAS_PERIODS[period]
    end = start.map(lambda s: s.to_period(code).end_time.normalize() if pd.notna(s) else pd.NaT)
    days = (end - start).dt.days + 1
    if coverage is None:
        return pd.DataFrame({"start": start, "end": end, "covered_from": start, "covered_to": end,
                             "days": days, "covered_days": days, "share": 1.0})
    first, last = pd.Timestamp(coverage[0]), pd.Timestamp(coverage[1])
    covered_from, covered_to = start.clip(lower=first), end.clip(upper=last)
    covered_days = ((covered_to - covered_from).dt.days + 1).clip(lower=0)
    empty = covered_days == 0
    return pd.DataFrame({
        "start": start, "end": end,
        "covered_from": covered_from.mask(empty), "covered_to": covered_to.mask(empty),
        "days": days, "covered_days": covered_days, "share": covered_days / days,
    })


PANDAS_PERIODS = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}
"""pandas period codes of the time steps (weeks run Monday to Sunday, as in the store)."""


def partial_note(row: object, lang: Lang) -> str:
    """The hover line of a partial period: ``只含 1月1日至6月26日（177/365 天）``.

    The period's name gives the year, so the days are named without it.
    """
    if pd.isna(row.covered_from):
        return f"<br><i>{label('partial_none', lang)}</i>"
    span = date_span(row.covered_from, row.covered_to, lang, year=False)
    text = label("partial_period", lang).format(span=span, covered=row.covered_days, days=row.days)
    return f"<br><i>{text}</i>"


TOP_PLACES = 34
"""Bars the by-place chart draws by default: every province-level unit of China fits."""


def plot_articles_by_locality(
    counts: pd.DataFrame,
    *,
    top: int | None = TOP_PLACES,
    show_unknown: bool = False,
    title: str | None = None,
    lang: Lang = "zh",
) -> go.Figure:
    """Horizontal bar chart of articles per locality (or outlet), largest on top.

    Articles with no place at this level (NA group: province-wide stories on a county
    chart, say) would dwarf the localities, so by default they get a note under the
    chart instead of a bar; shares are of all articles either way. When only the ``top``
    places are drawn, the note says how many there are.

    Args:
        counts: ``group, n_articles`` (``period`` ignored: counts are summed over it)
            from ``count_articles(by=...)``.
        top: show only the ``top`` largest groups; ``None`` shows all. Places with no
            article under the filter are never drawn nor counted.
        show_unknown: draw the NA group as an "unknown" bar (at the bottom).
        title: chart title (default: articles by locality).
        lang: label language.
    """
    frame = counts.groupby(counts["group"].astype("string"), dropna=False)["n_articles"].sum()
    frame = frame.rename_axis("group").reset_index()
    total = max(int(frame["n_articles"].sum()), 1)
    unknown = int(frame.loc[frame["group"].isna(), "n_articles"].sum())
    known = frame.dropna(subset=["group"]).sort_values(["n_articles", "group"], ascending=[False, True])
    known = known[known["n_articles"] > 0]  # a place the filter leaves no article in has no bar
    n_places = len(known)
    known = known.head(top) if top is not None else known
    if show_unknown and unknown:
        known = pd.concat([known, pd.DataFrame({"group": [UNKNOWN[lang]], "n_articles": [unknown]})])
    frame = known.iloc[::-1]
    unit = label("unit_articles", lang)
    fig = go.Figure(
        go.Bar(
            x=frame["n_articles"],
            y=frame["group"],
            orientation="h",
            marker_color=PALETTE[0],
            text=frame["n_articles"].map("{:,}".format),
            textposition="outside",
            customdata=frame["n_articles"] / total,
            cliponaxis=False,
            hovertemplate=(
                f"<b>%{{y}}</b><br>{field('articles', lang)}%{{x:,}} {unit}<br>"
                f"{field('share_of_total', lang)}%{{customdata:.1%}}<extra></extra>"
            ),
        )
    )
    base_layout(fig, title=title or label("articles_by_locality", lang), height=bar_height(len(frame)))
    notes = []
    if top is not None and n_places > top:
        notes.append(label("top_places_note", lang).format(shown=top, total=n_places))
    if unknown and not show_unknown:
        notes.append(label("unplaced_note", lang).format(n=unknown, share=unknown / total))
    if notes:
        add_subtitle(fig, " ".join(notes))
    ticks = whole_number_ticks(frame["n_articles"]) or {"tickformat": ",d"}
    fig.update_xaxes(title_text=label("articles_axis", lang), rangemode="tozero", **ticks)
    names = frame["group"].tolist()  # hover keeps the full name, the axis the short one (临夏州)
    fig.update_yaxes(title_text=label("locality", lang), type="category", automargin=True, tickmode="array",
                     tickvals=names, ticktext=[short_place_label(g) for g in names])
    return fig


def _group_names(groups: pd.Series, max_groups: int, weights: pd.Series, lang: Lang) -> pd.Series:
    """Name NA groups "unknown" and fold all but the ``max_groups`` largest into "others"."""
    named = groups.astype("string").fillna(UNKNOWN[lang])
    if groups.isna().all():
        return named
    totals = weights.groupby(named).sum().sort_values(ascending=False)
    keep = set(totals.index[:max_groups])
    return named.where(named.isin(keep), OTHERS[lang])
