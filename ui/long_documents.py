"""A hint to split long documents into paragraphs when the loaded articles are long.

A work report of tens of thousands of characters touches nearly every theme, so counted
whole its theme shares are 0 or 100% and the heatmap says nothing. The load form can
split such documents into paragraphs; an analyst who did not tick it gets a hint and a
button that ticks it for them (the load then runs again, split).
"""

from __future__ import annotations

import streamlit as st

from analysis.loading.sections import LONG_DOCUMENTS_MEAN_CHARS
from ui.i18n import t
from ui.sources import Source
from ui.state import Lang


def suggest_split(source: Source, lang: Lang) -> None:
    """Say that the articles are long documents, with a button to split them, when they are."""
    if source.split_box is None or source.split_from is not None:  # no form to split with, or split
        return
    figures = source.store.summary()
    articles, characters = figures["articles"], figures["characters"]
    if not articles or characters / articles < LONG_DOCUMENTS_MEAN_CHARS:
        return
    st.info(t("long_documents", lang, mean=round(characters / articles), articles=articles))
    st.button(t("split_now", lang), key="split_now", on_click=_tick, args=(source.split_box,))


def _tick(key: str) -> None:
    """Tick the load form's split box (a callback: it runs before the rerun draws the box)."""
    st.session_state[key] = True
