"""The notice that a chart click set a search filter, with the numbers behind it and a way out.

Clicking a keyword bar or a network node searches the articles for the word. The search
matches the string anywhere in the title or text, so it finds more articles than the
word's count on the chart, which is of articles where the segmenter cut it as a word
(协商 also inside 政治协商会议…). The notice says both numbers, says that every tab is now
filtered, and clears the search in one click.
"""

from __future__ import annotations

import streamlit as st

from analysis.search_query import parse_search
from ui import queries
from ui.html_view import escape_markdown
from ui.i18n import t
from ui.sidebar import request_state
from ui.view import View


def word_articles(view: View, term: str) -> int | None:
    """Filtered articles in which ``term`` is a segmented word (None when it is not among the top terms)."""
    terms = queries.term_counts(view, top=200)
    found = terms.loc[terms["term"] == term, "docfreq"]
    return int(found.iloc[0]) if len(found) else None


def search_message(term: str, n_substring: int, n_word: int | None, lang: str) -> str:
    """The notice's text: the search, its article count, and the word count when it differs."""
    term = escape_markdown(term)  # the search comes from the URL: anyone's words, shown as typed
    text = t("search_notice", lang, term=term, n=n_substring)
    if n_word is not None and n_word != n_substring:
        text += t("search_notice_words", lang, term=term, n=n_word)
    return text + t("search_notice_all_tabs", lang)


def show_search_notice(view: View, *, key: str) -> None:
    """When a search is set, say so above the chart, with a button that clears it.

    The word count is given for a one-word search only: a query of several words
    (:mod:`analysis.search_query`) has no one word to count.
    """
    typed = view.state.search
    if not typed:
        return
    lang = view.lang
    term = parse_search(typed).single_term
    text, button = st.columns([5, 1], vertical_alignment="center")
    if term is None:
        text.info(t("search_notice_query", lang, query=escape_markdown(typed), n=queries.count(view))
                  + t("search_notice_all_tabs", lang))
    else:
        text.info(search_message(term, queries.count(view), word_articles(view, term), lang))
    if button.button(t("clear_search", lang), key=key):
        request_state(view.state.with_changes(search=""))
