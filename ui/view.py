"""What every tab needs to draw itself: the store, the filters and the label lookups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analysis.charts.labels import field, label
from analysis.charts.phrasing import date_span, list_separator
from analysis.periods import suggested_period
from analysis.themes import overall_theme_shares
from ui.i18n import t
from ui.state import FilterState, Lang


@dataclass(frozen=True)
class View:
    """The current view of the loaded corpus.

    Attributes:
        store: the :class:`analysis.store.Store` to query.
        source_label: identifies the corpus (part of every cache key).
        state: the sidebar's filter state.
        filters: the same, as the store's ``Filters``.
        names: ``{level: {adcode: display name}}`` of the corpus's places.
        theme_labels: ``{theme id: label}`` in the interface language.
        lang: interface language.
        date_bounds: the loaded corpus's first and last date (not the filter's); None
            when unknown.
        opened_span: the dates the page first showed of this corpus (a shared link's
            date range, or ``date_bounds``), which set the time charts' default step.
    """

    store: object
    source_label: str
    state: FilterState
    filters: object
    names: Mapping[str, Mapping[str, str]]
    theme_labels: Mapping[str, str]
    lang: Lang
    date_bounds: tuple[dt.date, dt.date] | None = None
    opened_span: tuple[dt.date, dt.date] | None = None

    def codes_by_name(self, level: str | None = None) -> dict[str, str]:
        """``{display or full name: adcode}`` at a level (for turning chart clicks into codes)."""
        names = self.names.get(level or self.state.level, {})
        mapping = {name: code for code, name in names.items()}
        mapping.update({name.split("（")[0]: code for code, name in names.items()})
        return mapping

    def with_display_names(self, counts: pd.DataFrame, level: str | None = None) -> pd.DataFrame:
        """``counts`` with each ``group`` shown by its display name (城关区（兰州市）).

        Rows keyed by ``group_code`` take the name the sidebar shows, so the two 城关区 of a
        province are two rows that say which is which; rows without a code (未知) keep theirs.
        """
        names = self.names.get(level or self.state.level, {})
        if counts.empty or "group_code" not in counts or not names:
            return counts
        shown = counts["group_code"].map(lambda code: names.get(str(code)) if isinstance(code, str) else None)
        return counts.assign(group=shown.where(shown.notna(), counts["group"]))

    def themes_by_label(self) -> dict[str, str]:
        """``{label: theme id}``."""
        return {label: theme for theme, label in self.theme_labels.items()}

    def default_period(self, periods: tuple[str, ...]) -> str:
        """The time step the time charts open at, from the dates the page opened with.

        A link to one month opens at weeks, not at the one bar of the corpus's years; but
        from the first view, not the current one: narrowing the date range later must not
        switch a step the analyst chose.
        """
        first, last = self.opened_span or self.date_bounds or (None, None)
        return suggested_period(first, last, periods)

    def covered_days(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day the time charts' data can hold: the corpus's, cut by the date filter."""
        if self.date_bounds is None:
            return None
        first, last = self.date_bounds
        state = self.state
        return max(first, state.date_from or first), min(last, state.date_to or last)

    def filter_description(self, *, most: int = 4) -> str:
        """The filters in force, in one line, for a picture saved without the page around it.

        Places, themes and outlets name the first ``most`` chosen and how many in all; an
        open end of the date range is the corpus's first or last day, and a range of one
        day is said as that day (``日期：2024-06-14 当天``), as every date span is said
        (:func:`~analysis.charts.phrasing.date_span`).
        """
        state, lang = self.state, self.lang

        def names(items: list[str]) -> str:
            shown = list_separator(lang).join(items[:most])
            return shown if len(items) <= most else t("names_and_more", lang, names=shown, n=len(items))

        places = self.names.get(state.level, {})
        parts = [
            t(key, lang, names=names(items)) for key, items in (
                ("filter_places", [places.get(code, code) for code in state.places]),
                ("filter_themes", [self.theme_labels.get(theme, theme) for theme in state.themes]),
                ("filter_outlets", list(state.outlets)),
            ) if items
        ]
        if state.date_from or state.date_to:
            first, last = self.opened_span or self.date_bounds or (None, None)
            span = date_span(state.date_from or first, state.date_to or last, lang)
            parts.append(t("filter_dates", lang, span=span))
        if state.search:
            parts.append(t("filter_search", lang, query=state.search))
        return " · ".join(parts) if parts else t("filter_none", lang)


def add_cell_targets(
    fig: go.Figure, counts: pd.DataFrame, *, theme_labels: Mapping[str, str], lang: Lang
) -> go.Figure:
    """Make heatmap cells clickable: an invisible marker on each cell carries (group, theme).

    Plotly heatmaps cannot be selected, so a transparent scatter trace sits on the cells,
    takes over their hover text (share and the counts behind it) and reports clicks with
    ``customdata = [group, theme]``.
    """
    frame = counts[counts["theme"].isin(list(theme_labels))]
    overall = overall_theme_shares(frame)
    # the heatmap may show only the places with the most articles, and not every theme
    shown, columns = set(fig.data[0].y), set(fig.data[0].x)
    frame = frame[frame["group"].astype(str).isin(shown) & frame["theme"].map(theme_labels).isin(columns)]
    fig.data[0].hoverinfo = "skip"
    fig.data[0].hovertemplate = None
    hits = frame["n_hits"].fillna(0).astype(int) if "n_hits" in frame else pd.Series(0, index=frame.index)
    ratio = frame["share"] / frame["theme"].map(overall).replace(0, float("nan"))
    text = [  # names spelled out: %{x} and %{y} would show the axis's wrapped or annotated tick text
        f"<b>{place} · {theme_labels[theme]}</b><br>"
        f"{field('share', lang)}{s:.1%}（{label('relative', lang)} {r:.2f}×）<br>"
        f"{field('theme_articles', lang)}{int(n):,} / {int(g):,} "
        f"{label('unit_articles', lang)}<br>{field('n_hits', lang)}{int(h):,}"
        for place, theme, s, r, n, g, h in zip(
            frame["group"].astype(str), frame["theme"], frame["share"], ratio.fillna(0), frame["n_articles"],
            frame["group_articles"], hits, strict=True
        )
    ]
    fig.add_trace(
        go.Scatter(
            x=[theme_labels[t] for t in frame["theme"]],
            y=frame["group"].astype(str).tolist(),
            mode="markers",
            marker={"size": 22, "opacity": 0, "symbol": "square"},
            showlegend=False,
            customdata=list(zip(frame["group"].astype(str), frame["theme"], strict=True)),
            text=text,
            hovertemplate="%{text}<extra></extra>",
        )
    )
    return fig
