"""Clicking a chart filters the dashboard: plotly selection events → a new filter state.

Streamlit hands back ``event["selection"]["points"]``, a list of dicts with ``x``, ``y``,
``customdata``, ``location`` (maps) … These pure functions turn those points into a new
:class:`~ui.state.FilterState`; AppTest cannot click, so the tests drive them directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from analysis.charts.overview import PANDAS_PERIODS
from ui.state import FilterState

Point = Mapping[str, Any]


def selected_points(event: object) -> list[Point]:
    """The points of a Streamlit plotly selection event (empty when nothing is selected)."""
    if not event:
        return []
    selection = event.get("selection") if isinstance(event, Mapping) else getattr(event, "selection", None)
    if not selection:
        return []
    points = selection.get("points") if isinstance(selection, Mapping) else getattr(selection, "points", None)
    return list(points or [])


def _custom(point: Point, index: int = 0) -> Any:
    data = point.get("customdata")
    if isinstance(data, Sequence) and not isinstance(data, str):
        return data[index] if len(data) > index else None
    return data if index == 0 else None


def select_places(
    state: FilterState, points: list[Point], *, codes_by_name: Mapping[str, str]
) -> FilterState:
    """Bars or map regions of places → filter to those places (at the current level).

    A map point carries the region's adcode as ``location``; a bar carries the place's
    name as ``y`` (horizontal bars), translated with ``codes_by_name``.
    """
    codes = []
    for point in points:
        code = (
            point.get("location")
            or codes_by_name.get(str(point.get("y", "")))
            or codes_by_name.get(str(point.get("x", "")))
        )
        if code:
            codes.append(str(code))
    if not codes:
        return state
    return state.with_changes(places=tuple(dict.fromkeys(codes)))


def period_bounds(day: dt.date | str, period: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the ``period`` (week, month…) that contains ``day``.

    Any day of the period gives the same bounds: a time chart draws each bar in the
    middle of its period, so a clicked bar reports its centre (2024-01-16 12:00 for
    January), not its first day.
    """
    span = pd.Timestamp(day).to_period(PANDAS_PERIODS.get(period, "M"))
    return span.start_time.date(), span.end_time.date()


def select_period(state: FilterState, points: list[Point], *, period: str) -> FilterState:
    """Bars of the over-time chart → filter to the whole periods the selected bars stand for."""
    days = []
    for point in points:
        try:
            days.append(pd.Timestamp(point.get("x")))
        except (TypeError, ValueError):
            continue
    days = [day for day in days if not pd.isna(day)]
    if not days:
        return state
    first, _ = period_bounds(min(days), period)
    _, last = period_bounds(max(days), period)
    return state.with_changes(date_from=first, date_to=last)


def select_cells(
    state: FilterState,
    points: list[Point],
    *,
    codes_by_name: Mapping[str, str],
    themes_by_label: Mapping[str, str],
) -> FilterState:
    """Heatmap cells (customdata ``[group name, theme id]``) → filter to place and theme."""
    places, themes = [], []
    for point in points:
        group, theme = _custom(point, 0), _custom(point, 1)
        if theme is None and point.get("x") is not None:
            theme = themes_by_label.get(str(point["x"]))
            group = point.get("y")
        if group is not None and str(group) in codes_by_name:
            places.append(codes_by_name[str(group)])
        if theme:
            themes.append(str(theme))
    changes: dict[str, object] = {}
    if places:
        changes["places"] = tuple(dict.fromkeys(places))
    if themes:
        changes["themes"] = tuple(dict.fromkeys(themes))
    return state.with_changes(**changes) if changes else state


def select_term(state: FilterState, points: list[Point]) -> FilterState:
    """A bar of the top-terms or slogans chart (or a network node) → search the articles for that term."""
    for point in points:
        for term in (point.get("y"), point.get("text"), _custom(point, 0)):
            if isinstance(term, str) and term.strip():
                return state.with_changes(search=term.strip())
    return state
