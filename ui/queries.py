"""Cached store queries for the tabs.

Each function asks the store for one table under the current filters and caches it with
``st.cache_data``, keyed by the corpus label and the filters (the store object itself is
not hashed): going back to an earlier filter, or redrawing after a widget change that
does not touch the data, costs nothing.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.view import View

TTL = 3600


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def _summary(_store, label: str, filters) -> dict:
    return _store.summary(filters)


def summary(view: View) -> dict:
    """Key figures of the filtered articles."""
    return _summary(view.store, view.source_label, view.filters)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def _count(_store, label: str, filters) -> int:
    return int(_store.count_articles(filters))


def count(view: View) -> int:
    """Number of filtered articles."""
    return _count(view.store, view.source_label, view.filters)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def _over_time(_store, label: str, filters, period: str) -> pd.DataFrame:
    return _store.articles_over_time(filters, period=period)


def articles_over_time(view: View, period: str) -> pd.DataFrame:
    """``period, n_articles``."""
    return _over_time(view.store, view.source_label, view.filters, period)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def _by_place(_store, label: str, filters, level: str) -> pd.DataFrame:
    return _store.articles_by_place(filters, level=level)


def articles_by_place(view: View, level: str | None = None) -> pd.DataFrame:
    """``adcode, name, n_articles`` at a level (default: the sidebar's level)."""
    return _by_place(view.store, view.source_label, view.filters, level or view.state.level)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def _terms(_store, label: str, filters, top: int | None) -> pd.DataFrame:
    return _store.term_counts(filters, top=top)


def term_counts(view: View, top: int | None = 200) -> pd.DataFrame:
    """``term, frequency, docfreq, rate_per_10k, rank``."""
    return _terms(view.store, view.source_label, view.filters, top)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=128)
def _keyness(_store, label: str, filters, level: str, target: str, top: int) -> pd.DataFrame:
    return _store.keyness(filters, level=level, target_adcode=target, top=top)


def keyness(view: View, target: str, top: int = 30) -> pd.DataFrame:
    """Keyness of the target place against the rest of the filtered articles."""
    return _keyness(view.store, view.source_label, view.filters, view.state.level, target, top)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=128)
def _slogans(_store, label: str, filters) -> pd.DataFrame:
    return _store.slogans(filters)


def slogans(view: View) -> pd.DataFrame:
    """``slogan, n_mentions, n_articles, first_date, last_date, n_groups, groups``."""
    return _slogans(view.store, view.source_label, view.filters)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def _themes(_store, label: str, filters, by: str | None, period: str | None) -> pd.DataFrame:
    return _store.theme_counts(filters, by=by, period=period)


def theme_counts(view: View, *, by: str | None, period: str | None = None) -> pd.DataFrame:
    """``group, period, theme, n_articles, share, n_hits, group_articles``."""
    return _themes(view.store, view.source_label, view.filters, by, period)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=128)
def _cooc(_store, label: str, filters, top: int) -> pd.DataFrame:
    return _store.cooccurrence(filters, top=top)


def cooccurrence(view: View, top: int = 40) -> pd.DataFrame:
    """``term_a, term_b, n_articles, pmi, npmi``."""
    return _cooc(view.store, view.source_label, view.filters, top)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=128)
def _list(_store, label: str, filters, limit: int | None) -> pd.DataFrame:
    return _store.list_articles(filters, limit=limit)


def list_articles(view: View, limit: int | None = 500) -> pd.DataFrame:
    """``doc_id, date, title, locality, outlet, themes``."""
    return _list(view.store, view.source_label, view.filters, limit)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=8)
def _table(_store, label: str, filters) -> pd.DataFrame:
    return _store.articles_table(filters)


def articles_table(view: View) -> pd.DataFrame:
    """The filtered articles with every column and their full text (for export)."""
    return _table(view.store, view.source_label, view.filters)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=128)
def _kwic(_store, label: str, filters, term: str, limit: int) -> pd.DataFrame:
    return _store.kwic(filters, term, limit=limit)


def kwic(view: View, term: str, limit: int = 300) -> pd.DataFrame:
    """``doc_id, left, match, right, position``."""
    return _kwic(view.store, view.source_label, view.filters, term, limit)
