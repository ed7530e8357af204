"""主题 Themes: place × theme heatmap, theme trends, theme mix of each place, the theme dictionary.

The sidebar's theme filter picks which themes are drawn; it never narrows the
denominators: a theme's share is of all the articles that pass the other filters (the
store's theme counts ignore the theme filter). Each theme has one colour in every chart,
set by its place in the theme dictionary.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.charts import plot_theme_heatmap, plot_theme_trends, theme_colours
from analysis.charts.theme_mix import draw_theme_mix, theme_mix_table
from analysis.theme_model import theme_glossary, theme_terms
from ui import queries
from ui.common import download_table, pick_one, show_chart, show_table
from ui.i18n import t
from ui.selection import select_cells
from ui.sidebar import apply_selection
from ui.view import View, add_cell_targets

PERIODS = ("month", "quarter", "year")
MEASURES = ("share", "column", "relative")
MIN_PERIOD_ARTICLES = 5
"""The fewest articles a period needs for its theme shares to be drawn over time."""


def render(view: View) -> None:
    """Draw the themes tab."""
    lang = view.lang
    by_place = view.with_display_names(queries.theme_counts(view, by=view.state.level))
    if by_place.empty:
        st.info(t("no_match", lang))
        return
    chosen = list(view.state.themes) or None
    colours = theme_colours(view.theme_labels)  # every theme, in dictionary order: fixed colours
    assigned = int(by_place["n_articles"].sum()) > 0
    if assigned:
        _heatmap(view, by_place, chosen)
    else:  # a heatmap of zeros and an empty mix would say nothing
        themes = view.store.themes
        st.info(t("no_theme_assigned", lang, threshold=themes.threshold, min_hits=themes.min_hits))
    _trends(view, chosen, colours)
    if assigned:
        table = theme_mix_table(by_place, theme_labels=view.theme_labels, themes=chosen, lang=lang)
        mix = draw_theme_mix(table, theme_labels=view.theme_labels, colours=colours, lang=lang)
        show_chart(mix, key="th_mix", filename="theme_mix", lang=lang)
        download_table(table, name="theme_mix", key="dl_th_mix", lang=lang, label=t("csv_theme_mix", lang))
    _glossary(view)


def _glossary(view: View) -> None:
    """What each theme covers and which words find it, with the scoring rule: folded away."""
    lang = view.lang
    themes = view.store.themes
    with st.expander(t("theme_glossary", lang)):
        st.caption(t("theme_glossary_rule", lang, threshold=themes.threshold, min_hits=themes.min_hits,
                     floor=themes.length_floor, cap=themes.length_cap, title_weight=themes.title_weight,
                     core_weight=themes.core_weight))
        glossary = theme_glossary(themes, lang=lang)
        show_table(glossary, key="th_glossary", lang=lang, hide=("theme",),
                   column_options={"description": {"width": "large"}, "terms": {"width": "large"}})
        download_table(glossary, name="theme_glossary", key="dl_th_glossary", lang=lang,
                       label=t("csv_theme_glossary", lang))
        download_table(theme_terms(themes), name="theme_terms", key="dl_th_terms", lang=lang,
                       label=t("csv_theme_terms", lang))


def _heatmap(view: View, by_place: pd.DataFrame, chosen: list[str] | None) -> None:
    """The place × theme heatmap; a click on a cell filters to its place and theme."""
    lang = view.lang
    st.caption(t("click_hint", lang))
    if chosen:
        n_articles = int(by_place.groupby("group")["group_articles"].max().sum())
        st.caption(t("themes_share_note", lang, n=n_articles))
    measure = pick_one("heatmap_measure", list(MEASURES), key="th_measure", prefix="heatmap", lang=lang)
    fig = plot_theme_heatmap(
        by_place, theme_labels=view.theme_labels, measure=measure, themes=chosen, lang=lang
    )
    fig = add_cell_targets(fig, by_place, theme_labels=view.theme_labels, lang=lang)
    event = show_chart(fig, key="th_heatmap", filename="theme_heatmap", lang=lang, selectable=True)
    apply_selection(
        view.state,
        "th_heatmap",
        event,
        lambda points: select_cells(
            view.state, points, codes_by_name=view.codes_by_name(), themes_by_label=view.themes_by_label()
        ),
    )
    download_table(by_place, name="themes_by_place", key="dl_th_place", lang=lang,
                   label=t("csv_themes_by_place", lang))


def _trends(view: View, chosen: list[str] | None, colours: dict[str, str]) -> None:
    """Theme shares over time (a note instead when no article has a date)."""
    lang = view.lang
    if view.date_bounds is None:
        st.info(t("no_dates", lang))
        return
    period = pick_one("period", list(PERIODS), key="th_period", prefix="period", lang=lang,
                      default=view.default_period(PERIODS))
    trends = queries.theme_counts(view, by=None, period=period)
    fig = plot_theme_trends(
        trends, theme_labels=view.theme_labels, period=period, lang=lang, themes=chosen, colours=colours,
        coverage=view.covered_days(), min_articles=MIN_PERIOD_ARTICLES,
    )
    show_chart(fig, key="th_trends", filename="theme_trends", lang=lang)
    download_table(trends, name="theme_trends", key="dl_th_trends", lang=lang,
                   label=t("csv_theme_trends", lang))
