"""How policy slogans spread from place to place: one step line per slogan.

Each step is a place mentioning the slogan for the first time, so the line climbs as the
slogan is taken up and its slope says how fast (“三抓三促” reaching every prefecture in a
quarter, a local formula staying in one county). The curve comes from
:func:`analysis.slogans.spread_curve`.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import Lang, field, label
from analysis.charts.phrasing import list_separator
from analysis.charts.style import PALETTE, add_notes, base_layout

MAX_UNIT_TICKS = 15
"""Up to this many places the count axis ticks every whole place."""
DAY_MS = 86_400_000
SHORT_SPAN_DAYS = 62
"""Up to this span the date axis ticks days, not months (a month tick repeated "2024-06" five times)."""
MONTH_TICKS_DAYS = 240
"""Up to this span a month-labelled axis ticks every month (beyond it plotly's own ticks are whole months)."""


def date_ticks(dates: pd.Series, *, lang: Lang = "zh") -> dict:
    """Date-axis settings that suit the span: days for a short span, months for a longer one.

    A span of up to two weeks ticks every day; up to :data:`SHORT_SPAN_DAYS`, plotly
    picks day ticks, labelled as days, and the range is padded (three days either side
    of a single day) so that no point sits on the plot's edge; longer spans are
    labelled by month.
    """
    dates = dates.dropna()
    if dates.empty:
        return {}
    first, last = dates.min(), dates.max()
    span = (last - first).days
    day_format = "%Y-%m-%d" if lang == "zh" else "%b %d, %Y"
    if span > SHORT_SPAN_DAYS:  # by month; over a few months plotly ticked twice a month: 2023-09 2023-09
        months = {"dtick": "M1"} if span <= MONTH_TICKS_DAYS else {}
        return {"tickformat": "%Y-%m" if lang == "zh" else "%b %Y", **months}
    settings: dict = {"tickformat": day_format}
    if span <= 14:
        settings["dtick"] = DAY_MS
    # a day either side (three for a single day): the first and last points off the plot's edges
    pad = pd.Timedelta(days=3 if span < 1 else max(1, round(span * 0.05)))
    settings["range"] = [(first - pad).isoformat(), (last + pad).isoformat()]
    return settings


def coinciding_slogans(curve: pd.DataFrame, slogans: Sequence[str]) -> list[list[str]]:
    """Slogans whose step lines are the same (the same number of places on the same dates).

    Their lines lie on top of each other, so the chart shows only the last one drawn.

    Args:
        curve: ``slogan, date, n_places`` (:func:`analysis.slogans.spread_curve`).
        slogans: the slogans drawn, in drawing order.

    Returns:
        Each group of two or more slogans with the same steps, in drawing order.
    """
    groups: dict[tuple, list[str]] = {}
    for slogan in slogans:
        steps = curve[curve["slogan"] == slogan]
        key = tuple(zip(pd.to_datetime(steps["date"]), steps["n_places"], strict=True))
        groups.setdefault(key, []).append(slogan)
    return [group for group in groups.values() if len(group) > 1]


def plot_slogan_spread(
    curve: pd.DataFrame, *, order: Sequence[str] | None = None, title: str | None = None, lang: Lang = "zh"
) -> go.Figure:
    """Step lines of the number of places that have mentioned each slogan, over time.

    Args:
        curve: ``slogan, date, place, n_places`` (:func:`analysis.slogans.spread_curve`).
        order: the slogans in legend order (default: by the places they reached, most first).
        title: chart title (default: how slogans spread).
        lang: label language.

    Returns:
        One step line per slogan; hovering a step names the place, the date of its first
        mention and the number of places by then.
    """
    reach = curve.groupby("slogan")["n_places"].max().sort_values(ascending=False, kind="stable")
    slogans = [s for s in (order if order is not None else reach.index) if s in reach.index]
    fig = go.Figure()
    unit = label("unit_places", lang)
    for index, slogan in enumerate(slogans):
        steps = curve[curve["slogan"] == slogan]
        fig.add_trace(go.Scatter(
            x=steps["date"], y=steps["n_places"], name=str(slogan), mode="lines+markers",
            line={"shape": "hv", "width": 2.5, "color": PALETTE[index % len(PALETTE)]}, marker={"size": 7},
            customdata=steps[["place"]].astype(str).to_numpy(),
            hovertemplate=(
                f"<b>{slogan}</b><br>%{{customdata[0]}}<br>"
                f"{field('first_mention', lang)}%{{x|%Y-%m-%d}}<br>"
                f"{field('places_so_far', lang)}%{{y}} {unit}<extra></extra>"
            ),
        ))
    base_layout(fig, title=title or label("slogan_spread", lang), height=460)
    notes = [label("slogan_spread_note", lang)]
    if len(reach) and reach.max() <= 1:  # dots on one line: say there is no spread to see
        notes.append(label("no_spread_note", lang))
    notes += [label("same_spread_note", lang).format(slogans=list_separator(lang).join(group))
              for group in coinciding_slogans(curve, slogans)]
    add_notes(fig, notes)
    fig.update_layout(legend={"title": {"text": label("slogan", lang)}})
    fig.update_xaxes(title_text=label("first_mention_axis", lang), hoverformat="%Y-%m-%d",
                     **date_ticks(pd.to_datetime(curve["date"]), lang=lang))
    # slogans reaching the same number of places on the same day share a point: list them all
    fig.update_layout(hovermode="x unified")
    most = int(reach.max()) if len(reach) else 1
    fig.update_yaxes(title_text=label("places_axis", lang), rangemode="tozero",
                     dtick=1 if most <= MAX_UNIT_TICKS else None, tickformat=",d")
    return fig
