"""概览 Overview: key figures, articles over time and articles by place."""

from __future__ import annotations

from collections.abc import Collection, Mapping

import pandas as pd
import streamlit as st

from analysis.charts import plot_articles_by_locality, plot_articles_over_time
from analysis.charts.phrasing import date_span, list_separator
from ui import queries
from ui.common import download_table, pick_one, show_chart
from ui.i18n import t
from ui.selection import select_period, select_places
from ui.sidebar import apply_selection
from ui.state import Lang
from ui.units import characters_text, count_text, span_text
from ui.view import View

PERIODS = ("week", "month", "quarter", "year")


def render(view: View) -> None:
    """Draw the overview tab."""
    summary = queries.summary(view)
    show_key_figures(summary, view.lang)
    st.caption(t("click_hint", view.lang))
    show_time_chart(view)
    show_place_chart(view, summary["articles"])


def show_key_figures(summary: Mapping, lang: Lang) -> None:
    """The key figures, three to a row ("1,000,000 篇" is not cut off on a laptop)."""
    figures = key_figures(summary, lang)
    for start in range(0, len(figures), 3):
        for column, (name, value, help_text) in zip(st.columns(3), figures[start:start + 3], strict=False):
            column.metric(name, value, help=help_text)


PLACE_LEVELS = (("provinces", "province"), ("prefectures", "prefecture"), ("counties", "county"))
"""The summary's place counts, broadest first, with the level each counts."""


def key_figures(summary: Mapping, lang: Lang) -> list[tuple[str, str, str | None]]:
    """``(label, value, help)`` of each key figure: articles, places per level, characters, time span.

    A level no article is placed at is not counted as "0 个": for the 31 provincial work
    reports, "涉及市（州） 0 个" reads as a failure to find them, when the reports are
    simply about whole provinces. Such levels make way for one figure saying how fine the
    places go (省级), its help naming the levels missing. With no place at all, one figure
    says so. With no date, the time span is "—" (a span of "0 天" would read as one day).
    """
    figures: list[tuple[str, str, str | None]] = [
        (t("kpi_articles", lang), count_text(summary["articles"], "articles_unit", lang), None)]
    placed = [(key, level) for key, level in PLACE_LEVELS if summary[key] > 0]
    missing = [level for key, level in PLACE_LEVELS if summary[key] == 0]
    if not summary["articles"] or not missing:
        placed, missing = list(PLACE_LEVELS), []
    figures += [(t(f"kpi_{key}", lang), count_text(summary[key], "places_unit", lang), None)
                for key, _ in placed]
    if not placed:
        figures.append((t("kpi_places", lang), "—", t("kpi_no_places", lang)))
    elif missing:
        names = [t(f"level_{level}", lang) for level in missing]
        levels = list_separator(lang).join(name.lower() if lang == "en" else name for name in names)
        figures.append((t("kpi_finest", lang), t(f"level_{placed[-1][1]}", lang),
                        t("kpi_missing_levels", lang, levels=levels)))
    figures.append((t("kpi_chars", lang), characters_text(summary["characters"], lang), None))
    first, last = summary["first_date"], summary["last_date"]
    if first is None:
        figures.append((t("kpi_days", lang), "—", t("no_dates", lang)))
    else:
        figures.append((t("kpi_days", lang), span_text(summary["days"], lang), date_span(first, last, lang)))
    return figures


def show_time_chart(view: View) -> None:
    """Articles per week, month, quarter or year; a click filters to the periods clicked."""
    lang = view.lang
    if view.date_bounds is None:  # no article has a date: an empty time axis would say nothing
        st.info(t("no_dates", lang))
        return
    period = pick_one("period", list(PERIODS), key="ov_period", prefix="period", lang=lang,
                      default=view.default_period(PERIODS))
    over_time = queries.articles_over_time(view, period)
    fig = plot_articles_over_time(over_time.assign(group=None), period=period, coverage=view.covered_days(),
                                  lang=lang)
    event = show_chart(fig, key="ov_time_chart", filename="articles_over_time", lang=lang, selectable=True)
    apply_selection(
        view.state, "ov_time_chart", event, lambda points: select_period(view.state, points, period=period)
    )
    download_table(over_time, name="articles_over_time", key="dl_ov_time", lang=lang,
                   label=t("csv_articles_over_time", lang))


def show_place_chart(view: View, n_articles: int) -> None:
    """Articles per place at the sidebar's level; a click filters to the places clicked."""
    lang = view.lang
    by_place = queries.articles_by_place(view)
    if not (by_place["name"].notna() & (by_place["n_articles"] > 0)).any():
        better = t("level_province" if view.state.level != "province" else "level_prefecture", lang)
        st.info(t("no_places_at_level", lang).format(n=n_articles, better=better))
        return
    counts = places_to_chart(by_place, view.names.get(view.state.level, {}), selected=view.state.places,
                             total=n_articles)
    fig = plot_articles_by_locality(counts, lang=lang)
    event = show_chart(fig, key="ov_place_chart", filename="articles_by_place", lang=lang, selectable=True)
    apply_selection(
        view.state,
        "ov_place_chart",
        event,
        lambda points: select_places(view.state, points, codes_by_name=view.codes_by_name()),
    )
    download_table(by_place, name="articles_by_place", key="dl_ov_place", lang=lang,
                   label=t("csv_articles_by_place", lang))


def places_to_chart(
    by_place: pd.DataFrame, names: Mapping[str, str], *, selected: Collection[str], total: int
) -> pd.DataFrame:
    """The rows of the by-place chart, so that its bars and its note add up to ``total``.

    Places are shown by their display names (a county with its prefecture, so the two
    城关区 are told apart); when places are selected in the sidebar, only those are
    listed (not every other place with 0); the articles with no place at this level
    are one row with an NA group, which the chart states under its title.

    Args:
        by_place: ``adcode, name, n_articles`` of the store.
        names: ``{adcode: display name}`` at the chart's level.
        selected: the adcodes of the place filter (empty: all places).
        total: the filtered articles.

    Returns:
        ``group, n_articles, period`` (period None: not split by time).
    """
    rows = by_place[by_place["adcode"].isin(list(selected))] if selected else by_place
    groups = [names.get(str(code), name) for code, name in zip(rows["adcode"], rows["name"], strict=True)]
    frame = pd.DataFrame({"group": pd.Series(groups, dtype="string"),
                          "n_articles": rows["n_articles"].to_numpy()})
    unplaced = max(int(total) - int(frame["n_articles"].sum()), 0)
    if unplaced:
        frame = pd.concat([frame, pd.DataFrame({"group": pd.Series([pd.NA], dtype="string"),
                                                "n_articles": [unplaced]})], ignore_index=True)
    return frame.assign(period=None)

