"""概览 Overview: key figures, articles over time and articles by place."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analysis.charts import plot_articles_by_locality, plot_articles_over_time
from ui import queries
from ui.common import download_table, pick_one, show_chart
from ui.i18n import t
from ui.selection import select_period, select_places
from ui.sidebar import apply_selection
from ui.view import View

PERIODS = ("week", "month", "quarter", "year")


def render(view: View) -> None:
    """Draw the overview tab."""
    lang = view.lang
    summary = queries.summary(view)
    cols = iter([*st.columns(3), *st.columns(3)])  # two rows: "1,000,000 篇" is not cut off on a laptop
    next(cols).metric(
        t("kpi_articles", lang),
        f"{summary['articles']:,} {t('articles_unit', lang)}".strip()
        if lang == "zh"
        else f"{summary['articles']:,}",
    )
    for level in ("provinces", "prefectures", "counties"):
        next(cols).metric(t(f"kpi_{level}", lang), f"{summary[level]:,} {t('places_unit', lang)}".strip())
    chars = summary["characters"]
    next(cols).metric(
        t("kpi_chars", lang), f"{chars / 10_000:,.1f} 万字" if lang == "zh" else f"{chars / 1e6:,.2f} M"
    )
    first, last = summary["first_date"], summary["last_date"]
    span = f"{first:%Y-%m-%d} – {last:%Y-%m-%d}" if first is not None else ""
    next(cols).metric(t("kpi_days", lang), f"{summary['days']:,} {t('days_unit', lang)}", help=span)
    st.caption(t("click_hint", lang))
    period = pick_one("period", list(PERIODS), key="ov_period", prefix="period", lang=lang,
                      default=view.default_period(PERIODS))
    over_time = queries.articles_over_time(view, period)
    fig = plot_articles_over_time(over_time.assign(group=None), period=period, coverage=covered_days(view),
                                  lang=lang)
    event = show_chart(fig, key="ov_time_chart", filename="articles_over_time", lang=lang, selectable=True)
    apply_selection(
        view.state, "ov_time_chart", event, lambda points: select_period(view.state, points, period=period)
    )
    download_table(over_time, name="articles_over_time", key="dl_ov_time", lang=lang)
    by_place = queries.articles_by_place(view)
    if not (by_place["name"].notna() & (by_place["n_articles"] > 0)).any():
        better = t("level_province" if view.state.level != "province" else "level_prefecture", lang)
        st.info(t("no_places_at_level", lang).format(n=summary["articles"], better=better))
        return
    counts = by_place.rename(columns={"name": "group"}).assign(period=None)
    fig = plot_articles_by_locality(counts, lang=lang)
    event = show_chart(fig, key="ov_place_chart", filename="articles_by_place", lang=lang, selectable=True)
    apply_selection(
        view.state,
        "ov_place_chart",
        event,
        lambda points: select_places(view.state, points, codes_by_name=view.codes_by_name()),
    )
    download_table(by_place, name="articles_by_place", key="dl_ov_place", lang=lang)


def covered_days(view: View) -> tuple[dt.date, dt.date] | None:
    """The first and last day the time chart's data can hold: the corpus's, cut by the date filter."""
    if view.date_bounds is None:
        return None
    first, last = view.date_bounds
    state = view.state
    return max(first, state.date_from or first), min(last, state.date_to or last)
