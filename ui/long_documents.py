"""A hint to split long documents into paragraphs when the loaded articles are long.

A work report of tens of thousands of characters touches nearly every theme, so counted
whole its theme shares are 0 or 100% and the heatmap says nothing. The load form can
split such documents into paragraphs; an analyst who did not tick it gets a hint and a
button that ticks it for them (the load then runs again, split).
"""

from __future__ import annotations

import streamlit as st

from analysis.loading.sections import LONG_DOCUMENTS_MEAN_CHARS
from ui.html_view import code_span
from ui.i18n import t
from ui.sources import Source
from ui.state import Lang


def suggest_split(source: Source, lang: Lang) -> None:
    """Say that the articles are long documents, and how to split them, when they are.

    Uploads and folders get a button that ticks their form's split box; a store on disk
    (built whole with ``govthemes ingest``) has no form: the command that builds it split.
    """
    if source.split_from is not None or (source.split_box is None and source.path is None):  # split, or demo
        return
    figures = source.store.summary()
    articles, characters = figures["articles"], figures["characters"]
    if not articles or characters / articles < LONG_DOCUMENTS_MEAN_CHARS:
        return
    hint = t("long_documents", lang, mean=round(characters / articles), articles=articles)
    if source.split_box is None:
        inputs, folder = t("rebuild_inputs", lang), t("rebuild_folder", lang)
        command = f"govthemes ingest {inputs} --split paragraphs --store {folder}"
        st.info(hint + " " + t("split_store", lang, command=code_span(command)))
        return
    st.info(hint)
    st.button(t("split_now", lang), key="split_now", on_click=_tick, args=(source.split_box,))


def _tick(key: str) -> None:
    """Tick the load form's split box (a callback: it runs before the rerun draws the box)."""
    st.session_state[key] = True
