"""The sidebar filters, kept in step with the URL, and filter changes requested by charts.

Widgets own their values through their ``key``s. The URL is read once per source (so a
shared link opens the same view) and written after every run. A chart click cannot set a
widget that has already been drawn, so it stores a pending state and reruns; the pending
state is applied before the widgets are drawn again.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Mapping
from types import MappingProxyType

import streamlit as st

from analysis.charts.phrasing import list_separator
from ui.html_view import escape_markdown
from ui.i18n import t
from ui.state import LEVELS, Choices, FilterState, Lang, ignored_params, params_from_state, state_from_params

PENDING = "pending_filters"
URL_IGNORED = "url_ignored"
"""Session key of the values of the opened link that the corpus does not have (``place=999999``)."""
WIDGETS = {
    "dates": "flt_dates",
    "level": "flt_level",
    "places": "flt_places",
    "themes": "flt_themes",
    "outlets": "flt_outlets",
    "search": "flt_search",
}


def request_state(state: FilterState) -> None:
    """Ask for a new filter state (from a chart click or a button) and rerun."""
    st.session_state[PENDING] = state
    st.rerun()


def consume_selection(key: str, points: list[Mapping[str, object]]) -> bool:
    """True the first time a chart's selection is seen (so a kept selection is applied once)."""
    fingerprint = json.dumps(points, sort_keys=True, default=str)
    seen_key = f"seen_{key}"
    if not points or st.session_state.get(seen_key) == fingerprint:
        return False
    st.session_state[seen_key] = fingerprint
    return True


def apply_selection(state: FilterState, key: str, event: object, change) -> None:
    """Turn a chart's new selection into a filter change (and rerun), once per selection."""
    from ui.common import selection_key
    from ui.selection import selected_points

    points = selected_points(event)
    if consume_selection(selection_key(key), points):
        new_state = change(points)
        if new_state != state:
            request_state(new_state)


LANG_OF_WIDGETS = "widgets_lang"


def keep_choices_across_languages(lang: Lang, *, drawn: Collection[str] = ("lang",)) -> None:
    """Keep every radio, toggle and multiselect choice when the interface language changes.

    Streamlit remembers a choice widget's value as the *label* it showed (``县（区）级``),
    and after a language switch that label is no option any more: the radio would show
    nothing chosen and return the old label as its value, losing the level, the places
    and the data source. So on the first run in a new language every such value is read
    back (decoded with the labels of the run that drew it) and set again as the option
    itself, which the widget then shows under its new label. Buttons, uploads and chart
    selections (not strings) are left alone; ``drawn`` are widgets already drawn this run.
    """
    previous = st.session_state.get(LANG_OF_WIDGETS)
    st.session_state[LANG_OF_WIDGETS] = lang
    if previous is None or previous == lang:
        return
    for key in list(st.session_state):
        if key in drawn or key == LANG_OF_WIDGETS:
            continue
        try:
            value = st.session_state[key]
        except (KeyError, AttributeError):  # a widget whose state went with its element
            continue
        if _is_choice(value):
            st.session_state[key] = value


def _is_choice(value: object) -> bool:
    """A string or a list of strings: the values of radios, toggles, selects and text inputs."""
    if isinstance(value, str):
        return True
    return isinstance(value, list | tuple) and bool(value) and all(isinstance(v, str) for v in value)


def show_ignored_link_values(lang: Lang) -> None:
    """One line naming the values of the opened link that were left out, if any."""
    ignored = st.session_state.get(URL_IGNORED)
    if ignored:
        values = list_separator(lang).join(escape_markdown(value) for value in ignored)
        st.info(t("url_ignored", lang, values=values))  # a link's values are anyone's: shown as typed


def _write_widgets(state: FilterState, bounds: tuple[dt.date, dt.date] | None) -> None:
    """Set the widgets' session values from a state (before the widgets are drawn)."""
    if bounds is not None:
        low, high = bounds
        start = max(state.date_from or low, low)
        end = min(state.date_to or high, high)
        st.session_state[WIDGETS["dates"]] = (min(start, end), max(start, end))
    st.session_state[WIDGETS["level"]] = state.level
    st.session_state[WIDGETS["places"]] = list(state.places)
    st.session_state[WIDGETS["themes"]] = list(state.themes)
    st.session_state[WIDGETS["outlets"]] = list(state.outlets)
    st.session_state[WIDGETS["search"]] = state.search


def _url_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def render_filters(
    *,
    source_label: str,
    choices: Choices,
    names: Mapping[str, Mapping[str, str]],
    theme_labels: Mapping[str, str],
    bounds: tuple[dt.date, dt.date] | None,
    lang: Lang,
    link: Mapping[str, str] = MappingProxyType({}),
) -> FilterState:
    """Draw the filter widgets and return the current state, written to the URL.

    Args:
        source_label: identifies the loaded corpus (the URL is re-read when it changes).
        choices: the corpus's places per level, themes and outlets.
        names: ``{level: {adcode: display name}}``.
        theme_labels: ``{theme id: label}`` in the interface language.
        bounds: the corpus's first and last date; None when no article has a date (no
            date range is offered then).
        lang: interface language.
        link: the URL parameters that open the corpus again (:attr:`ui.sources.Source.link`),
            kept in the URL beside the filters.
    """
    _restore_widgets(source_label, choices, bounds)
    date_from, date_to = _pick_dates(bounds, lang)
    level, places = _pick_places(names, lang)
    themes = st.multiselect(
        t("themes", lang),
        list(theme_labels),
        format_func=lambda k: theme_labels.get(k, k),
        key=WIDGETS["themes"],
        placeholder=t("choose", lang),
    )
    outlets = st.multiselect(
        t("outlets", lang), sorted(choices.outlets), key=WIDGETS["outlets"], placeholder=t("choose", lang)
    )
    search = st.text_input(
        t("search", lang), key=WIDGETS["search"], help=t("search_help", lang), max_chars=100
    )
    state = FilterState(
        date_from=date_from if date_from and bounds and date_from > bounds[0] else None,
        date_to=date_to if date_to and bounds and date_to < bounds[1] else None,
        level=level,
        places=tuple(places),
        themes=tuple(themes),
        outlets=tuple(outlets),
        search=search.strip(),
        lang=lang,
    )
    st.query_params.from_dict(params_from_state(state, choices.default_level) | dict(link))
    return state


def _restore_widgets(source_label: str, choices: Choices, bounds: tuple[dt.date, dt.date] | None) -> None:
    """Set the widgets from the URL for a new corpus or when they lost their values, or to a requested state.

    Streamlit forgets a widget's value after a run that did not draw it (a mistyped
    folder path in between), and a date range without one would show a single day.
    """
    drawn = [key for name, key in WIDGETS.items() if bounds is not None or name != "dates"]
    forgotten = any(key not in st.session_state for key in drawn)
    if st.session_state.get("filters_for") != source_label or forgotten:
        st.session_state["filters_for"] = source_label
        params = _url_params()
        st.session_state[URL_IGNORED] = ignored_params(params, choices)
        _write_widgets(state_from_params(params, choices), bounds)
    if PENDING in st.session_state:
        _write_widgets(st.session_state.pop(PENDING), bounds)


def _pick_dates(bounds: tuple[dt.date, dt.date] | None, lang: Lang) -> tuple[object, object]:
    """The date range picked (either end None while one is being picked); a note without dates."""
    if bounds is None:
        st.caption(t("no_dates", lang))
        dates: object = (None, None)
    else:
        dates = st.date_input(
            t("date_range", lang), min_value=bounds[0], max_value=bounds[1], key=WIDGETS["dates"]
        )
    return ((*tuple(dates), None, None))[:2] if isinstance(dates, tuple | list) else (dates, dates)


def _pick_places(names: Mapping[str, Mapping[str, str]], lang: Lang) -> tuple[str, list[str]]:
    """The level and the places of it picked; places not of the level are dropped from the choice."""
    level = st.radio(
        t("level", lang),
        LEVELS,
        format_func=lambda v: t(f"level_{v}", lang),
        horizontal=True,
        key=WIDGETS["level"],
    )
    place_names = names.get(level, {})
    st.session_state[WIDGETS["places"]] = [
        p for p in st.session_state.get(WIDGETS["places"], []) if p in place_names
    ]
    places = st.multiselect(
        t("places", lang),
        list(place_names),
        format_func=lambda c: place_names.get(c, c),
        key=WIDGETS["places"],
        placeholder=t("choose", lang),
    )
    return level, places
