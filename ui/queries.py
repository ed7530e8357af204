"""Cached store queries for the tabs.

Every table a tab draws comes from one store method under the current filters. The
answers are cached with ``st.cache_data``, keyed by the corpus label, the method, the
filters and the method's options (the store object itself is not hashed): going back to
an earlier filter, or redrawing after a widget change that does not touch the data,
costs nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from ui.view import View

TTL = 3600


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=1024)
def _ask(_store: Any, label: str, method: str, filters: Any, options: tuple[tuple[str, Any], ...]) -> Any:
    return getattr(_store, method)(filters, **dict(options))


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=8)
def _ask_big(_store: Any, label: str, method: str, filters: Any) -> Any:
    return getattr(_store, method)(filters)


def ask(view: View, method: str, **options: Any) -> Any:
    """Call ``view.store.<method>(filters, **options)``, cached."""
    return _ask(view.store, view.source_label, method, view.filters, tuple(sorted(options.items())))


def summary(view: View) -> dict:
    """Key figures of the filtered articles."""
    return ask(view, "summary")


def count(view: View) -> int:
    """Number of filtered articles."""
    return int(ask(view, "count_articles"))


def articles_over_time(view: View, period: str) -> pd.DataFrame:
    """``period, n_articles``."""
    return ask(view, "articles_over_time", period=period)


def articles_by_place(view: View, level: str | None = None) -> pd.DataFrame:
    """``adcode, name, n_articles`` at a level (default: the sidebar's level)."""
    return ask(view, "articles_by_place", level=level or view.state.level)


def term_counts(view: View, top: int | None = 200, leave_out: tuple[str, ...] = ()) -> pd.DataFrame:
    """``term, frequency, docfreq, rate_per_10k, rank``.

    ``leave_out`` (``"place"``, ``"person"``) drops those names first; the table's
    ``attrs["left_out"]`` then lists the names dropped.
    """
    if not leave_out:  # the other tabs' key: their cached answer serves here too
        return ask(view, "term_counts", top=top)
    return ask(view, "term_counts", top=top, leave_out=leave_out)


def keyness(view: View, target: str, top: int = 30, leave_out: tuple[str, ...] = ()) -> pd.DataFrame:
    """Keyness of the target place against the rest of the filtered articles.

    ``leave_out`` (``"place"``, ``"person"``) drops those names first; the table's
    ``attrs["left_out"]`` then lists the names dropped. When the sidebar's place filter
    is the target alone, the others are every other place (else nothing is left to compare).
    """
    filters = view.filters
    if filters.places and set(filters.places) <= {target}:
        filters = dataclasses.replace(filters, places=())
    options = {"level": view.state.level, "target_adcode": target, "top": top, "leave_out": leave_out}
    return _ask(view.store, view.source_label, "keyness", filters, tuple(sorted(options.items())))


def period_keyness(view: View, start: dt.date, end: dt.date, top: int = 30) -> pd.DataFrame:
    """Keyness of the filtered articles from ``start`` to ``end`` against those before."""
    return ask(view, "period_keyness", start=start, end=end, top=top)


def slogans(view: View) -> pd.DataFrame:
    """``slogan, n_mentions, n_articles, first_date, last_date, n_groups, groups``.

    ``n_groups`` and ``groups`` count places at the sidebar's level, as the spread chart
    does (a corpus of provincial reports has no prefectures to count).
    """
    return ask(view, "slogans", by=view.state.level)


def slogan_spread(view: View, slogans: tuple[str, ...], level: str | None = None) -> pd.DataFrame:
    """``slogan, place, first_date, n_articles`` at a level (default: the sidebar's level)."""
    return ask(view, "slogan_spread", slogans=slogans, by=level or view.state.level)


def theme_counts(view: View, *, by: str | None, period: str | None = None) -> pd.DataFrame:
    """``group, period, theme, n_articles, share, n_hits, group_articles, group_code``.

    Every theme, with shares among all the articles that pass the other filters: the
    store does not apply the theme filter to theme counts, so it is left out of the
    cache key too (choosing a theme then redraws without asking the store again).
    """
    filters = replace(view.filters, themes=())
    options = (("by", by), ("period", period))
    return _ask(view.store, view.source_label, "theme_counts", filters, options)


def cooccurrence(view: View, top: int = 40, leave_out: tuple[str, ...] = ()) -> pd.DataFrame:
    """``term_a, term_b, n_articles, pmi, npmi``.

    ``leave_out`` (``"place"``, ``"person"``) drops those names before the ``top`` terms are
    taken; ``attrs["left_out"]`` then lists the names dropped.
    """
    return ask(view, "cooccurrence", top=top, leave_out=leave_out)


def list_articles(view: View, limit: int = 500) -> pd.DataFrame:
    """``doc_id, date, title, locality, outlet, themes``."""
    return ask(view, "list_articles", limit=limit)


def kwic(view: View, term: str, limit: int | None = 300) -> pd.DataFrame:
    """``doc_id, left, match, right, position``, oldest first; every occurrence if ``limit`` is None."""
    return ask(view, "kwic", term=term, limit=limit)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=64)
def _by_id(_store: Any, label: str, doc_ids: tuple[str, ...]) -> pd.DataFrame:
    return _store.articles_by_id(doc_ids)


def articles_by_id(view: View, doc_ids: tuple[str, ...]) -> pd.DataFrame:
    """``doc_id, date, title, locality, outlet, themes`` of these articles (not filtered)."""
    return _by_id(view.store, view.source_label, tuple(doc_ids))


def articles_table(view: View) -> pd.DataFrame:
    """The filtered articles with every column and their full text (for export; few kept)."""
    return _ask_big(view.store, view.source_label, "articles_table", view.filters)
