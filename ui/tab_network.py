"""词语关联 Co-occurrence: a network of the top keywords that appear in the same articles."""

from __future__ import annotations

import streamlit as st

from analysis.charts import plot_cooccurrence_network
from analysis.charts.phrasing import list_separator
from analysis.store.terms import MAX_COOCCURRENCE_TERMS
from ui import queries
from ui.common import download_table, show_chart
from ui.i18n import t
from ui.name_toggles import left_out_caption, name_toggles
from ui.open_tab import KEEP
from ui.search_notice import show_search_notice
from ui.selection import select_term
from ui.sidebar import apply_selection
from ui.view import View

MOST_TERMS = MAX_COOCCURRENCE_TERMS // 5 * 5
"""The slider's end: the most keywords the store pairs up, in its steps of five (the slider
once went to 80 and the store refused anything over 64)."""
MIN_COUNT = 2
"""A pair is drawn when its two terms share at least this many articles (the store's default)."""
MIN_ARTICLES = 5
"""Fewer filtered articles than this give no network worth drawing: every pair of words of
two articles "co-occurs", so the page says the corpus is too small instead."""


def render(view: View) -> None:
    """Draw the co-occurrence tab."""
    lang = view.lang
    show_search_notice(view, key="nw_clear_search")
    top = st.slider(t("network_top", lang), 15, MOST_TERMS, 40, step=5, key="nw_top", persist_state=KEEP)
    leave_out = name_toggles("nw_terms", lang)
    n_articles = queries.count(view)
    if n_articles == 0:
        st.info(t("no_match", lang))
        return
    if n_articles < MIN_ARTICLES:
        st.info(t("network_too_few", lang, need=MIN_ARTICLES, n=n_articles))
        return
    pairs = queries.cooccurrence(view, top=top, leave_out=leave_out)
    if pairs.empty:
        st.info(t("network_no_pairs", lang, n=n_articles, min_count=MIN_COUNT))
        return
    terms = queries.term_counts(view, top=200)
    fig = plot_cooccurrence_network(pairs, docfreq=terms.set_index("term")["docfreq"].to_dict(), lang=lang)
    st.caption(drawn_caption(pairs, top=top, candidates=pairs.attrs.get("terms", []), lang=lang)
               + " " + t("network_click_hint", lang))
    event = show_chart(fig, key="nw_chart", filename="cooccurrence_network", lang=lang, selectable=True)
    if leave_out:
        st.caption(left_out_caption(pairs.attrs.get("left_out", {}), lang, key="network_left_out"))
    apply_selection(view.state, "nw_chart", event, lambda points: select_term(view.state, points))
    download_table(pairs, name="cooccurrence", key="dl_nw", lang=lang, label=t("csv_cooccurrence", lang))


def drawn_caption(pairs, *, top: int, candidates: list[str], lang: str) -> str:
    """How many of the ``top`` terms the network draws, and which it leaves out (no pair)."""
    drawn = set(pairs["term_a"]) | set(pairs["term_b"])
    text = t("network_drawn", lang, drawn=len(drawn), top=top, min_count=MIN_COUNT)
    missing = [term for term in candidates if term not in drawn]
    if missing:
        text += t("network_not_drawn", lang, terms=list_separator(lang).join(missing))
    return text
