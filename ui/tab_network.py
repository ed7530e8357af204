"""词语关联 Co-occurrence: a network of the top keywords that appear in the same articles."""

from __future__ import annotations

import streamlit as st

from analysis.charts import plot_cooccurrence_network
from analysis.store.terms import MAX_COOCCURRENCE_TERMS
from ui import queries
from ui.common import download_table, show_chart
from ui.i18n import t
from ui.selection import select_term
from ui.sidebar import apply_selection
from ui.view import View

MOST_TERMS = MAX_COOCCURRENCE_TERMS // 5 * 5
"""The slider's end: the most keywords the store pairs up, in its steps of five (the slider
once went to 80 and the store refused anything over 64)."""


def render(view: View) -> None:
    """Draw the co-occurrence tab."""
    lang = view.lang
    top = st.slider(t("network_top", lang), 15, MOST_TERMS, 40, step=5, key="nw_top")
    pairs = queries.cooccurrence(view, top=top)
    if pairs.empty:
        st.info(t("no_match", lang))
        return
    terms = queries.term_counts(view, top=200)
    fig = plot_cooccurrence_network(pairs, docfreq=terms.set_index("term")["docfreq"].to_dict(), lang=lang)
    event = show_chart(fig, key="nw_chart", filename="cooccurrence_network", lang=lang, selectable=True)
    apply_selection(view.state, "nw_chart", event, lambda points: select_term(view.state, points))
    download_table(pairs, name="cooccurrence", key="dl_nw", lang=lang)
