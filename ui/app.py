"""政协新闻治理主题分析 — the Streamlit dashboard's page (``dashboard.py`` runs :func:`main`).

Run with ``make run`` (or ``streamlit run dashboard.py``). It opens on the built-in
synthetic demo corpus; the sidebar switches to uploaded files, a folder on the server or
an existing store. Every view is driven by the same sidebar filters, which live in the
URL so a view can be shared. The tabs are in ``ui/``; all analysis is in ``analysis/``.
"""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

from analysis.loading.sections import SPLIT_MIN_CHARS
from analysis.messages import CodedError
from analysis.paths import ConfigFileError
from analysis.theme_dictionary import load_themes
from ui import queries, tab_articles, tab_keywords, tab_map, tab_network, tab_overview, tab_themes
from ui.common import forget_chart_selections
from ui.html_view import code_span, escape_markdown
from ui.i18n import t
from ui.load_summary import show_load_summary
from ui.long_documents import suggest_split
from ui.open_tab import draw_tabs, forget_corpus_choices, open_tab_id, tab_param
from ui.sidebar import keep_choices_across_languages, render_filters, request_state, show_ignored_link_values
from ui.source_form import choose_source
from ui.sources import Source, config_stamp
from ui.state import LEVELS, Choices, Lang, default_level
from ui.units import count_text
from ui.view import View

TABS = (
    ("overview", tab_overview),
    ("keywords", tab_keywords),
    ("themes", tab_themes),
    ("map", tab_map),
    ("network", tab_network),
    ("articles", tab_articles),
)
"""The tabs in order: ``(id, module)``; the id names the tab in the URL (``tab=keywords``) and,
as ``tab_{id}``, its label in :mod:`ui.i18n`."""
CORPUS_KEYS = tuple(key for _, module in TABS for key in getattr(module, "CORPUS_KEYS", ()))
"""The tabs' choices that belong to one corpus (each tab module's ``CORPUS_KEYS``)."""


@st.cache_resource(show_spinner=False, max_entries=2)
def theme_dictionary(config: str = ""):
    """The analyst-editable theme dictionary (data/themes.toml), read once per ``config`` stamp."""
    return load_themes()


def language() -> Lang:
    """The interface language toggle (kept in the URL as ``lang=en``)."""
    default = "en" if st.query_params.get("lang") == "en" else "zh"
    if "lang" not in st.session_state:
        st.session_state["lang"] = default
    choice = st.sidebar.segmented_control(
        t("language", "zh"),
        ["zh", "en"],
        key="lang",
        format_func=lambda v: "中文" if v == "zh" else "English",
    )
    lang: Lang = "en" if choice == "en" else "zh"
    keep_choices_across_languages(lang)
    return lang


def place_names(options: dict) -> dict[str, dict[str, str]]:
    """``{level: {adcode: display name}}``; counties show their prefecture to tell 城关区s apart.

    A county with no prefecture (a municipality's district, a county-level city under the
    province directly) shows its province: 和平区（天津市）, not 和平区 beside 沈阳's.
    """
    names: dict[str, dict[str, str]] = {}
    for level in LEVELS:
        table = options["places"].get(level)
        names[level] = {} if table is None else {
            str(code): str(name) for code, name in zip(table["adcode"], table["name"], strict=True)
        }
    county = options["places"].get("county")
    if county is not None and "parent" in county:
        parents = names["prefecture"] | names["province"]  # codes xxxx00 and xx0000: never the same
        for code, parent in zip(county["adcode"], county["parent"], strict=True):
            if isinstance(parent, str) and parent in parents:
                names["county"][str(code)] = f"{names['county'][str(code)]}（{parents[parent]}）"
    return names


def main() -> None:
    """Draw the page."""
    st.set_page_config(page_title="政协新闻治理主题分析", page_icon="📰", layout="wide")
    lang = language()
    st.title(t("app_title", lang))
    st.caption(t("app_caption", lang))
    try:
        draw(lang)
    except ConfigFileError as exc:  # an analyst's edit of data/: say which file and line, no traceback
        st.error(t("config_error", lang))
        st.code(exc.render(lang), language=None, wrap_lines=True)  # verbatim: the file's text is not markup
    except CodedError as exc:  # e.g. the township list missing from the install: what to do, no traceback
        st.error(escape_markdown(exc.render(lang)))


def draw(lang: Lang) -> None:
    """The sidebar and the tabs, for the chosen data."""
    config = config_stamp()  # the data files' state, once per rerun: part of every cache key below
    with st.sidebar.expander(t("data", lang), expanded=True):
        source = choose_source(lang, config)
    if source is None:
        st.info(t("upload_label", lang))
        return
    _show_source_notes(source, lang)
    forget_corpus_choices(source.label, CORPUS_KEYS)
    store = source.store
    options = store.options()
    themes = theme_dictionary(config)
    theme_labels = {
        th.id: (th.label_en if lang == "en" else th.label)
        for th in themes.themes
        if th.id in set(options["themes"])
    }
    names = place_names(options)
    choices = Choices(
        places={lvl: list(names[lvl]) for lvl in LEVELS},
        themes=list(theme_labels),
        outlets=list(options["outlets"]),
        default_level=default_level(names, options.get("located")),
    )
    tab_labels = {tab_id: t(f"tab_{tab_id}", lang) for tab_id, _ in TABS}
    open_id = open_tab_id(tab_labels, lang)  # before the filters, which write the URL
    bounds = None if not options.get("date_min") else (  # None: no article has a date
        pd.Timestamp(options["date_min"]).date(), pd.Timestamp(options["date_max"]).date())
    with st.sidebar:
        st.header(t("filters", lang))
        state = render_filters(
            source_label=source.label,
            choices=choices,
            names=names,
            theme_labels=theme_labels,
            bounds=bounds,
            lang=lang,
            link=source.link | tab_param(open_id, list(tab_labels)),
        )
    show_ignored_link_values(lang)
    view = View(
        store=store,
        source_label=source.label,
        state=state,
        filters=to_store_filters(state),
        names=names,
        theme_labels=theme_labels,
        lang=lang,
        date_bounds=bounds,
    )
    # keyed by the corpus's dates too: a folder loaded again after its files changed keeps its label
    opened = st.session_state.setdefault(f"opened_span:{source.label}:{bounds}", view.covered_days())
    view = dataclasses.replace(view, opened_span=opened)
    _draw_tabs(view, tab_labels, open_id, matched=_show_matched(view))


def _show_source_notes(source: Source, lang: Lang) -> None:
    """What the page says of the data before the tabs: demo, load summary, old or stale store, split text."""
    if source.synthetic:
        st.warning(t("demo_notice", lang))
    show_load_summary(source, lang)
    _warn_of_other_loaders(source, lang)
    if source.stale_articles:
        command = code_span(f"govthemes resegment --store {source.path}")  # copied as typed, any path
        st.warning(t("store_stale", lang, stale=source.stale_articles, command=command))
    if source.split_from is not None:
        st.info(t("split_note" if source.split_kept else "split_note_all", lang, documents=source.split_from,
                  kept=source.split_kept,
                  units=source.store.count_articles() - source.split_kept, min_chars=SPLIT_MIN_CHARS))
    suggest_split(source, lang)


def _warn_of_other_loaders(source: Source, lang: Lang) -> None:
    """Warn when older loaders made the store's articles otherwise (or newer ones made it), with what to do.

    The command line refuses to ingest into such a store (``store_loader_old``); the
    page still shows it, but says first that its counts are not what the input files
    give today, and the command that rebuilds it.
    """
    error = source.loader_error
    if error is None:
        return
    params = error.params
    if error.code == "store_loader_newer":
        st.warning(t("store_loader_newer_view", lang, found=params["found"], expected=params["expected"]))
        return
    command = code_span(f"govthemes ingest {t('rebuild_inputs', lang)} --store {t('rebuild_folder', lang)}")
    first = {key: escape_markdown(params[key]) for key in ("title", "source")}  # text from the store
    st.warning(t("store_loader_old_view", lang, found=params["found"], expected=params["expected"],
                 n=params["n"], title=first["title"], source=first["source"], command=command,
                 store=code_span(str(source.path))))


def _show_matched(view: View) -> int:
    """The sidebar's count of matching articles, its clear-filters button and sharing hint; the count."""
    lang = view.lang
    matched = queries.count(view)
    st.sidebar.metric(t("matched", lang), count_text(matched, "articles_unit", lang))
    if st.sidebar.button(t("clear_filters", lang), key="clear_filters"):
        forget_chart_selections()
        request_state(view.state.cleared())
    st.sidebar.caption(t("share_link", lang) + " " + t("png_hint", lang))
    return matched


def _draw_tabs(view: View, labels: dict[str, str], open_id: str, *, matched: int) -> None:
    """One tab per module of :data:`TABS`, only the open one drawn; it says so when nothing matches.

    The tabs stay when nothing matches: were they taken away, the browser would forget
    which one was open and land on the first when they return.
    """
    drawn = draw_tabs(labels, open_id, view.lang)
    for tab_id, module in TABS:
        if tab_id not in drawn:
            continue
        with drawn[tab_id]:
            if matched == 0:
                st.info(t("no_match", view.lang))
            else:
                module.render(view)


def to_store_filters(state):
    """The sidebar state as the store's ``Filters``."""
    from analysis.store import Filters

    return Filters(
        date_from=state.date_from,
        date_to=state.date_to,
        level=state.level if state.places else None,
        places=state.places,
        themes=state.themes,
        outlets=state.outlets,
        search=state.search or None,
    )
