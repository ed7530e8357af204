"""地图 Map: a prefecture- or county-level map of a province, or China by province, drawn offline.

Regions are coloured by the number of filtered articles, by one theme's share of them,
or by when one slogan arrived (months after the first place to mention it; places that
never did stay grey). Clicking a region filters to it. Boundaries come from an installed package (no
network) and carry the caption that they are indicative only.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.charts import FEW_ARTICLES, plot_choropleth
from analysis.geo import has_prefectures, load_boundaries, match_region_codes
from analysis.slogans import months_after_first
from ui import queries
from ui.common import download_table, pick_one, show_chart
from ui.i18n import t
from ui.open_tab import KEEP
from ui.selection import select_places
from ui.sidebar import apply_selection
from ui.view import View

MAP_LEVELS = ("prefecture", "county")
METRICS = ("articles", "theme_share", "slogan")
COUNTY_LABELS = 20
"""On a county map only the regions with the largest values are named (86 names in Gansu
would cover the map); every region still names itself on hover."""
COUNTRY = "all"
"""The province picker's first choice when articles span several provinces: a map of China."""
MAP_THEME, MAP_THEME_FOR = "map_theme", "map_theme_for"
"""The theme picker's key, and the key of the sidebar themes it last followed."""
CORPUS_KEYS = ("map_province", MAP_THEME, MAP_THEME_FOR, "map_slogan")
"""Session keys of choices among one corpus's provinces, themes and slogans: forgotten when
another corpus opens (:func:`ui.open_tab.forget_corpus_choices`)."""


def render(view: View) -> None:
    """Draw the map tab."""
    lang = view.lang
    provinces = queries.articles_by_place(view, "province")
    provinces = provinces[provinces["n_articles"] > 0]
    if provinces.empty:
        st.info(t("no_match", lang))
        return
    cols = st.columns(3)
    province, level = _pick_region(provinces, cols, lang)
    # a selectbox, not a row of buttons: "某一提法的扩散" / "Spread of one slogan" was cut off at the right
    metric = cols[2].selectbox(
        t("map_metric", lang), list(METRICS), key="map_metric", format_func=lambda m: t(f"map_{m}", lang),
        persist_state=KEEP,
    )
    geojson = load_boundaries(level=level, province_code=None if province == COUNTRY else province)
    picked = _metric_values(view, metric, level)
    if picked is None:
        st.info(t("no_match", lang))
        return
    values, label, fmt, title, style = picked
    style = {"labels": None if level != "county" else COUNTY_LABELS} | style
    values = _on_map(values, geojson, metric)
    if metric == "theme_share":
        style |= {"few": values[t("map_group_articles", lang)] < FEW_ARTICLES,
                  "few_text": t("map_few_hover", lang, n=FEW_ARTICLES)}
    fig = plot_choropleth(
        values, geojson=geojson, title=title, value_label=label, value_format=fmt, lang=lang, **style
    )
    if metric == "theme_share":
        st.caption(t("map_few_caption", lang, n=FEW_ARTICLES, few=int(style["few"].sum()),
                     total=len(values)))
    if level == "county":
        st.caption(t("map_county_labels", lang, n=COUNTY_LABELS))
    if metric == "articles":
        _say_off_map(view, int(values["value"].sum()))
    _show_map(view, fig, level)
    download_table(values, name="map_values", key="dl_map", lang=lang, label=t("csv_map_values", lang))


def _pick_region(provinces: pd.DataFrame, cols: list, lang: str) -> tuple[str, str]:
    """The province (or the whole country) and the level the analyst picks to map."""
    names = dict(zip(provinces["adcode"], provinces["name"], strict=True)) | {COUNTRY: t("map_country", lang)}
    province = cols[0].selectbox(
        t("map_province", lang),
        ([COUNTRY] if len(provinces) > 1 else []) + provinces["adcode"].tolist(),
        key="map_province",
        persist_state=KEEP,
        format_func=names.get,
    )
    if province == COUNTRY:
        return province, "province"
    if not has_prefectures(province):  # a municipality: one region at prefecture level, never coloured
        cols[1].caption(t("map_districts_only", lang, province=names[province]))
        return province, "county"
    level = pick_one("map_level", list(MAP_LEVELS), key="map_level", prefix="level", lang=lang, where=cols[1])
    return province, level


def _metric_values(
    view: View, metric: str, level: str
) -> tuple[pd.DataFrame, str, str, str | None, dict] | None:
    """The values to colour by, their label, d3 format, the title and the map's style; None: no slogan.

    A slogan or a theme is picked here, with its own widget.
    """
    lang = view.lang
    if metric == "slogan":
        slogans = queries.slogans(view).sort_values(["n_groups", "n_mentions"], ascending=False,
                                                    kind="stable")
        if slogans.empty:
            return None
        slogan = st.selectbox(t("map_slogan_pick", lang), slogans["slogan"].tolist(), key="map_slogan",
                              persist_state=KEEP)
        return (_slogan_values(view, level, slogan, lang), t("map_slogan_axis", lang), ".1f",
                t("map_slogan_title", lang, slogan=slogan),
                {"missing_value": None, "missing_text": t("map_slogan_missing", lang), "early_dark": True})
    if metric == "theme_share":
        follow_sidebar_theme(view.state.themes)
        theme = st.selectbox(
            t("map_theme", lang), list(view.theme_labels), key=MAP_THEME, format_func=view.theme_labels.get,
            persist_state=KEEP,
        )
        name = view.theme_labels[theme]
        return (_theme_values(view, level, theme, lang), t("map_theme_axis", lang, theme=name), ".0%",
                t("map_theme_title", lang, theme=name), {})
    chosen = [view.theme_labels.get(theme, theme) for theme in view.state.themes]
    # the chart's own title (articles by region), or one that names the themes the counts are of
    title = t("map_articles_themes_title", lang, themes="、".join(chosen)) if chosen else None
    return _article_values(view, level), t("map_articles_axis", lang), ",.0f", title, {}


def _on_map(values: pd.DataFrame, geojson: dict, metric: str) -> pd.DataFrame:
    """The values keyed by the map's region codes, one row per region (rows off the map dropped)."""
    ids = [feature["id"] for feature in geojson["features"]]
    values = values.assign(adcode=match_region_codes(values["adcode"], ids).to_numpy()).dropna(
        subset=["adcode"]
    )
    # regions the boundaries merge add up their counts; a slogan arrived when its first part heard it
    return values.groupby("adcode", as_index=False).agg(
        {"value": "min" if metric == "slogan" else "sum",
         **{c: "first" for c in values.columns if c not in {"adcode", "value"}}}
    )


def _show_map(view: View, fig: go.Figure, level: str) -> None:
    """Show the map; a click on a region filters to that place."""
    st.caption(t("click_hint", view.lang))
    event = show_chart(fig, key="map_chart", filename="map", lang=view.lang, selectable=True)
    apply_selection(
        view.state,
        "map_chart",
        event,
        lambda points: select_places(
            view.state.with_changes(level=level), points, codes_by_name=view.codes_by_name(level)
        ),
    )


def follow_sidebar_theme(themes: tuple[str, ...]) -> None:
    """Colour the map by the sidebar's (first) theme whenever the sidebar's themes change.

    A shared link with ``theme=water`` opens the share map on 水 rather than on the
    dictionary's first theme; a theme then picked on the map stays until the sidebar's change.
    """
    if st.session_state.get(MAP_THEME_FOR) == themes:
        return
    st.session_state[MAP_THEME_FOR] = themes
    if themes:
        st.session_state[MAP_THEME] = themes[0]


def _say_off_map(view: View, shown: int) -> None:
    """One line naming the filtered articles the map cannot draw (no place at its level, another province)."""
    total = queries.count(view)
    if total > shown:
        st.caption(t("map_off_map", view.lang, shown=shown, n=total - shown, share=(total - shown) / total))


def _article_values(view: View, level: str) -> pd.DataFrame:
    table = queries.articles_by_place(view, level)
    return pd.DataFrame({"adcode": table["adcode"], "value": table["n_articles"], "name": table["name"]})


def _slogan_values(view: View, level: str, slogan: str, lang: str) -> pd.DataFrame:
    """Each place's months after the first place to mention ``slogan``, its date and articles."""
    spread = queries.slogan_spread(view, (slogan,), level).dropna(subset=["first_date"])
    return pd.DataFrame({
        "adcode": spread["place"].map(view.codes_by_name(level)),
        "value": months_after_first(spread),
        t("map_first_date", lang): spread["first_date"].dt.strftime("%Y-%m-%d"),
        t("map_slogan_articles", lang): spread["n_articles"],
    }).dropna(subset=["adcode"])


def _theme_values(view: View, level: str, theme: str, lang: str) -> pd.DataFrame:
    """Each region's share of articles on ``theme``, with the two counts behind it (hover)."""
    counts = queries.theme_counts(view, by=level)
    counts = counts[counts["theme"] == theme]
    codes = counts["group_code"] if "group_code" in counts else counts["group"].map(view.codes_by_name(level))
    frame = pd.DataFrame(
        {
            "adcode": codes,
            "value": counts["share"],
            t("map_theme_articles", lang): counts["n_articles"],
            t("map_group_articles", lang): counts["group_articles"],
        }
    )
    return frame.dropna(subset=["adcode"])
