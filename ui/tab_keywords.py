"""关键词 Keywords: top terms, word cloud, keyness of a place against the rest, slogans and their spread."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import streamlit as st

from analysis.charts import plot_keyness, plot_slogan_spread, plot_slogans, plot_top_terms
from analysis.charts.labels import group_label
from analysis.charts.phrasing import list_separator
from analysis.charts.style import PALETTE
from analysis.slogans import spread_curve
from ui import queries
from ui.common import download_table, pick_one, show_chart, show_table
from ui.i18n import t
from ui.name_toggles import left_out_caption, name_toggles
from ui.open_tab import KEEP
from ui.search_notice import show_search_notice
from ui.selection import select_term
from ui.sidebar import apply_selection
from ui.table_layout import wrapped_column
from ui.view import View

SPREAD_DEFAULT = 5
"""Slogans drawn in the spread chart before the analyst picks: those reaching the most places."""


def render(view: View) -> None:
    """Draw the keywords tab."""
    lang = view.lang
    show_search_notice(view, key="kw_clear_search")
    left, right = st.columns(2)
    top = left.slider(t("top_n", lang), 10, 60, 25, step=5, key="kw_top", persist_state=KEEP)
    measure = pick_one(
        "measure", ["frequency", "rate_per_10k"], key="kw_measure", prefix="measure", lang=lang, where=right
    )
    leave_out = name_toggles("kw_terms", lang)
    terms = queries.term_counts(view, top=200, leave_out=leave_out)
    if terms.empty:
        st.info(t("no_match", lang))
        return
    fig = plot_top_terms(terms.assign(group=None), measure=measure, top=top, lang=lang)
    event = show_chart(fig, key="kw_terms_chart", filename="top_terms", lang=lang, selectable=True)
    apply_selection(view.state, "kw_terms_chart", event, lambda points: select_term(view.state, points))
    if leave_out:
        st.caption(left_out_caption(terms.attrs.get("left_out", {}), lang, key="terms_left_out"))
    download_table(terms, name="keywords", key="dl_kw_terms", lang=lang, label=t("csv_keywords", lang))
    _wordcloud(terms, view, leave_out)
    _keyness(view)
    _slogans(view)


@st.cache_data(ttl=3600, show_spinner=False, max_entries=64)
def wordcloud_png(frequencies: tuple[tuple[str, int], ...], title: str = "", subtitle: str = "") -> bytes:
    """The word cloud of ``(term, frequency)`` pairs as PNG bytes (cached: drawing takes ~0.4 s).

    With a ``title``, the picture carries it (and ``subtitle``) in a band above the cloud,
    so a saved PNG says what it shows.
    """
    from analysis.wordcloud_image import add_title, render_wordcloud

    image = render_wordcloud(dict(frequencies), width=1000, height=460)
    if title:
        image = add_title(image, title, subtitle=subtitle)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def wordcloud_subtitle(view: View, leave_out: tuple[str, ...]) -> str:
    """The filters behind the cloud, and which names it leaves out."""
    parts = [view.filter_description()]
    kinds = [kind for kind in ("place", "person") if kind in leave_out]
    if kinds:
        parts.append(t("wordcloud_without_" + "_".join(kinds), view.lang))
    return " · ".join(parts)


def _wordcloud(terms, view: View, leave_out: tuple[str, ...]) -> None:
    lang = view.lang
    st.subheader(t("wordcloud", lang))
    top = terms.head(150)
    png = wordcloud_png(tuple(zip(top["term"].astype(str), top["frequency"].astype(int), strict=True)),
                        t("wordcloud_title", lang, n=len(top)), wordcloud_subtitle(view, leave_out))
    st.image(png, width="stretch")
    st.download_button(f"⬇ {t('download_png', lang, what=t('wordcloud', lang))}", data=png,
                       file_name="wordcloud.png", mime="image/png", key="dl_wordcloud")


KEYNESS_TARGET, KEYNESS_TARGET_FOR = "kw_keyness_target", "kw_keyness_target_for"
"""The keyness place picker's key, and the key of the sidebar places it last followed."""
CORPUS_KEYS = (KEYNESS_TARGET, KEYNESS_TARGET_FOR, "kw_keyness_quarter", "kw_spread_slogans")
"""Session keys of choices among one corpus's places, quarters and slogans: forgotten when
another corpus opens (:func:`ui.open_tab.forget_corpus_choices`)."""


def follow_sidebar_place(places: tuple[str, ...], options: list[str]) -> None:
    """Compare the sidebar's place whenever the sidebar comes to one place.

    The picker's own choice stands until then: the page draws every tab on each run, so
    a picker drawn before the sidebar had a place would otherwise keep asking for one.
    """
    if st.session_state.get(KEYNESS_TARGET_FOR) == places:
        return
    st.session_state[KEYNESS_TARGET_FOR] = places
    if len(places) == 1 and places[0] in options:
        st.session_state[KEYNESS_TARGET] = places[0]


def _keyness(view: View) -> None:
    lang = view.lang
    st.subheader(t("keyness", lang))
    mode = pick_one("keyness_mode", ["place", "period"], key="kw_keyness_mode", prefix="keyness_mode",
                    lang=lang)
    if mode == "period":
        _period_keyness(view)
        return
    names = view.names.get(view.state.level, {})
    options = list(names)
    follow_sidebar_place(view.state.places, options)
    target = st.selectbox(
        t("keyness_target", lang),
        options,
        index=None,
        format_func=lambda c: names.get(c, c),
        key=KEYNESS_TARGET,
        persist_state=KEEP,
        placeholder=t("keyness_hint", lang),
    )
    leave_out = name_toggles("kw_keyness", lang)
    if not target:
        return
    table = queries.keyness(view, target, leave_out=leave_out)
    if table.empty:
        st.info(t("no_match", lang))
        return
    place, others = names.get(target, target), t(f"keyness_others_{view.state.level}", lang)
    fig = plot_keyness(table, target_name=place, reference_name=others, lang=lang,
                       title=t("keyness_place_title", lang, place=place, others=others))
    show_chart(fig, key="kw_keyness_chart", filename="keyness", lang=lang)
    if leave_out:
        st.caption(left_out_caption(table.attrs.get("left_out", {}), lang))
    download_table(table, name="keyness", key="dl_kw_keyness", lang=lang, label=t("csv_keyness", lang))


def _period_keyness(view: View) -> None:
    """What is new in a quarter: its words against the filtered articles before it."""
    lang = view.lang
    first, last = _filtered_span(view)
    if first is None or last is None:
        st.info(t("no_match", lang))
        return
    quarters = pd.period_range(first, last, freq="Q")
    latest_first = [str(q) for q in quarters][::-1]
    chosen = st.selectbox(t("keyness_period", lang), latest_first, key="kw_keyness_quarter",
                          persist_state=KEEP)
    quarter = pd.Period(chosen, freq="Q")
    table = queries.period_keyness(view, quarter.start_time.date(), quarter.end_time.date())
    if table.empty:
        st.info(t("keyness_no_before", lang))
        return
    fig = plot_keyness(table, target_name=chosen, reference_name=t("keyness_before", lang), lang=lang,
                       title=t("keyness_period_title", lang, quarter=chosen))
    show_chart(fig, key="kw_period_keyness_chart", filename="period_keyness", lang=lang)
    download_table(table, name="period_keyness", key="dl_kw_period_keyness", lang=lang,
                   label=t("csv_period_keyness", lang))


def _filtered_span(view: View) -> tuple[dt.date | None, dt.date | None]:
    """The filter's date range, bounded by the corpus's first and last date."""
    first, last = view.date_bounds or (None, None)
    chosen_from, chosen_to = view.filters.date_from, view.filters.date_to
    return (max(filter(None, [first, chosen_from]), default=None),
            min(filter(None, [last, chosen_to]), default=None))


def _slogans(view: View) -> None:
    lang = view.lang
    st.subheader(t("slogans", lang))
    table = queries.slogans(view)
    if table.empty:
        st.info(t("no_match", lang))
        return
    event = show_chart(plot_slogans(table, lang=lang), key="kw_slogans_chart", filename="slogans", lang=lang,
                       selectable=True)
    apply_selection(view.state, "kw_slogans_chart", event, lambda points: select_term(view.state, points))
    shown = table.assign(groups=table["groups"].map(lambda groups: place_list(groups, lang)))
    show_table(shown, key="kw_slogans_table", lang=lang, column_options={"groups": {"width": PLACES_PX}},
               **wrapped_column(shown["groups"], width=PLACES_PX))
    download_table(table, name="slogans", key="dl_kw_slogans", lang=lang, label=t("csv_slogans", lang))
    _slogan_spread(view, table)


PLACES_PX = 400
"""The width of a slogan's places (pixels): a list wraps onto the lines it takes."""
PLACE_LIST_CHARS = 36
"""Characters of place names a slogan's cell shows: with the count after them, three wrapped
lines in the table's narrowest Where column; a longer list ran over the rows below it."""


def place_list(groups: object, lang: str, *, most: int = PLACE_LIST_CHARS) -> str:
    """A slogan's places as one line of text (、 or , between them), so a wide cell can wrap it.

    A list longer than ``most`` characters names the places that fit and then how many
    there are in all (the Places column and the CSV have every one).
    """
    if groups is None or isinstance(groups, str | float):
        return "" if groups is None or isinstance(groups, float) else groups
    names = [group_label(str(group), lang) for group in groups]
    separator = list_separator(lang)
    text = separator.join(names)
    if len(text) <= most or len(names) == 1:
        return text
    shown: list[str] = []
    for name in names:
        if len(separator.join([*shown, name])) > most:
            break
        shown.append(name)
    return t("places_and_more", lang, places=separator.join(shown or names[:1]), n=len(names))


def spread_defaults(table: pd.DataFrame, *, most: int = SPREAD_DEFAULT) -> list[str]:
    """The slogans the spread chart draws before the analyst picks: those reaching the most places.

    A slogan in no place at the sidebar's level has no line to draw (the national work
    reports' 三农 came before the places' slogans and left the chart with three lines of five).
    """
    placed = table[table["n_groups"] > 0]
    widest = placed.sort_values(["n_groups", "n_mentions"], ascending=False, kind="stable")
    return widest["slogan"].head(most).tolist()


def _slogan_spread(view: View, table: pd.DataFrame) -> None:
    """Step lines of the places taking each chosen slogan up (default: the widest spread)."""
    lang = view.lang
    chosen = st.multiselect(t("spread_slogans", lang), table["slogan"].tolist(),
                            default=spread_defaults(table), key="kw_spread_slogans",
                            max_selections=len(PALETTE), persist_state=KEEP)
    if not chosen:
        return
    spread = queries.slogan_spread(view, tuple(chosen))
    curve = spread_curve(spread)
    if curve.empty:
        st.info(t("no_match", lang))
        return
    fig = plot_slogan_spread(curve, order=chosen, lang=lang)
    show_chart(fig, key="kw_spread_chart", filename="slogan_spread", lang=lang)
    drawn = set(curve["slogan"])
    unplaced = [slogan for slogan in chosen if slogan not in drawn]
    if unplaced:
        st.caption(t("spread_unplaced", lang, slogans=list_separator(lang).join(unplaced)))
    download_table(spread, name="slogan_spread", key="dl_kw_spread", lang=lang,
                   label=t("csv_slogan_spread", lang))
