"""Which tab of the page is open, so that only that tab is drawn on a rerun.

Every tab draws charts from store queries; drawing all six on every filter change cost
seconds on a large store, and the reader sees one. Streamlit's tabs can tell which one is
open when they track state (``on_change="rerun"``): the page then draws the open tab only
and reruns when the reader switches.

The open tab is known by its id (``keywords``), not its label, which changes with the
language: it is kept in the session and in the URL as ``tab=keywords`` (left out for the
first tab), so a shared link opens on the tab it was copied from. The tab widget's key
carries the language, so after a language switch the widget starts on the tab open
before it (the old key's label would be no tab of the new language).

Widgets inside a tab keep their values while the tab is hidden: they are drawn with
``persist_state="page"`` (:data:`KEEP`).

``GOVTHEMES_ALL_TABS=1`` draws every tab on every run, as Streamlit's tabs do by default:
the test suite's seam, so a test can read any tab's charts without switching to it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence

import streamlit as st

from ui.state import Lang

OPEN_TAB = "open_tab"
"""Session key: the id of the tab open on the last run."""
CHOICES_FOR = "tab_choices_for"
"""Session key: the corpus (its source label) the tabs' kept choices were made in."""
URL_PARAM = "tab"
ALL_TABS_ENV = "GOVTHEMES_ALL_TABS"
KEEP = "page"
"""``persist_state`` of the widgets inside tabs: their values outlive runs that do not draw them."""


def widget_key(lang: Lang) -> str:
    """The session key of the tab widget in ``lang`` (its value is the open tab's label)."""
    return f"page_tab_{lang}"


def draw_every_tab() -> bool:
    """True when every tab is drawn on every run (the test seam :data:`ALL_TABS_ENV`)."""
    return os.environ.get(ALL_TABS_ENV, "").lower() in {"1", "true", "yes"}


def open_tab_id(labels: Mapping[str, str], lang: Lang) -> str:
    """The id of the tab to open this run, out of ``labels`` (``{id: label}`` in tab order).

    In order: the tab the reader picked (the widget's value, in this language), the tab
    open on the last run (a language switch), the URL's ``tab=``, the first tab. An
    unknown id or label falls through to the next; the result is kept for the next run.
    """
    ids = list(labels)
    by_label = {label: tab_id for tab_id, label in labels.items()}
    picked = by_label.get(st.session_state.get(widget_key(lang)))
    url = st.query_params.get(URL_PARAM)
    candidates = (picked, st.session_state.get(OPEN_TAB), url, ids[0])
    chosen = next(tab_id for tab_id in candidates if tab_id in labels)
    st.session_state[OPEN_TAB] = chosen
    return chosen


def forget_corpus_choices(source_label: str, keys: Iterable[str]) -> None:
    """Forget the kept values of ``keys`` when the page opens another corpus than on the last run.

    A province picked for the map or an article opened for reading belongs to the corpus
    it was picked in; kept (:data:`KEEP`) into another corpus that has it too, it would
    open the new one on a view nobody picked there.
    """
    if st.session_state.get(CHOICES_FOR) == source_label:
        return
    if CHOICES_FOR in st.session_state:  # not on the first run: nothing was picked yet
        for key in keys:
            st.session_state.pop(key, None)
    st.session_state[CHOICES_FOR] = source_label


def tab_param(tab_id: str, ids: Sequence[str]) -> dict[str, str]:
    """The URL parameter naming the open tab: none for the first tab, so URLs stay short."""
    return {} if tab_id == ids[0] else {URL_PARAM: tab_id}


def draw_tabs(labels: Mapping[str, str], open_id: str, lang: Lang) -> dict[str, object]:
    """Draw the tab bar opened on ``open_id``; return ``{id: container}`` of the tabs to draw into.

    Only the open tab is returned (every tab with :func:`draw_every_tab`): the others
    stay empty until the reader opens them, which reruns the page.
    """
    containers = st.tabs(
        list(labels.values()),
        default=labels[open_id],
        key=widget_key(lang),
        on_change="rerun",
    )
    every = draw_every_tab()
    return {
        tab_id: container
        for tab_id, container in zip(labels, containers, strict=True)
        if every or tab_id == open_id
    }
