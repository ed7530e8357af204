"""Where the dashboard's articles come from: the demo corpus, uploads, a folder, a store.

The cached loaders; the sidebar form that asks which one is :mod:`ui.source_form`.

Every source ends as a :class:`analysis.store.Store` (in memory for the demo corpus,
uploads and folders; on disk for an existing store), so all views query one API. Loaded
stores are cached with ``st.cache_resource`` keyed by what was loaded (the demo seed, the
uploaded bytes' hash, the folder path and its files' sizes and times, and the load form:
edition date, province, paragraph split), so a rerun or a reload is instant.

The key also holds :func:`config_stamp`, a fingerprint of the analyst-editable data files
(user dictionary, stopwords, themes): after an edit, the next rerun analyses the corpus
again with the edited files, rather than showing results made with the old ones. A store
on disk keeps what it was analysed with; the page says how many of its articles were
made with other files, and how to bring them up to date (``govthemes resegment``), and
whether older loaders made its articles otherwise (news bundles kept whole), with the
command that rebuilds it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pandas as pd
import streamlit as st

from analysis.loading import LoadOptions, LoadResult, load_articles, load_uploads
from analysis.report import FileReport
from ui.i18n import t
from ui.state import Lang

if TYPE_CHECKING:
    from analysis.store import StoreError

DEMO_ARTICLES = int(os.environ.get("GOVTHEMES_DEMO_ARTICLES", "3000"))
"""Size of the built-in demo corpus (smaller in tests)."""
MAX_UPLOAD_MB = 200


@dataclass
class Source:
    """A loaded corpus: the store to query, what it is, and the load reports."""

    store: object
    label: str
    synthetic: bool = False
    reports: list[FileReport] = field(default_factory=list)
    split_from: int | None = None
    """When long documents were split into paragraphs: how many documents were split."""
    split_kept: int = 0
    """When long documents were split: how many shorter articles were kept whole."""
    repeated: pd.DataFrame | None = None
    """Loaded articles the store counted once (same text or id as an earlier one), with
    the article each repeats (:attr:`analysis.store.ingest.IngestSummary.repeats`)."""
    stale_articles: int = 0
    """Articles of a store on disk analysed with other data files than the current ones."""
    loader_error: StoreError | None = None
    """Why today's loaders would make a store on disk otherwise (built by older or newer
    ones: :meth:`analysis.store.Store.loader_error`), shown with the rebuild command."""
    path: str | None = None
    """The folder of a store on disk."""
    split_box: str | None = None
    """The key of the split-into-paragraphs box of the form that loaded it (upload or folder)."""
    link: dict[str, str] = field(default_factory=dict)
    """The URL parameters that open it again (``{"store": "xwlb"}``); none for the demo
    corpus (the default) and uploads (a link cannot carry files)."""


def config_stamp() -> str:
    """A fingerprint (sizes and times) of the data files that decide tokens and themes."""
    from analysis.store.analyzer import AnalyzerConfig

    return AnalyzerConfig.default().stamp


@dataclass(frozen=True)
class LoadForm:
    """What the upload and folder forms ask: the loaders' options, and whether to split."""

    options: LoadOptions
    split_paragraphs: bool = False

    @property
    def label(self) -> str:
        """What the form changes in the loaded corpus, for the source's label."""
        return f"{self.options.edition_date}|{self.options.province}|{self.split_paragraphs}"


@st.cache_resource(show_spinner=False, max_entries=2)
def demo_source(n_articles: int = DEMO_ARTICLES, seed: int = 0, config: str = "") -> Source:
    """The built-in synthetic demo corpus, generated and indexed once per server and ``config``."""
    from analysis.demo import generate_demo_articles
    from analysis.store import open_store

    store = open_store(None)
    store.ingest(generate_demo_articles(n_articles, seed=seed))
    return Source(store=store, label=f"demo:{seed}:{n_articles}:{config}", synthetic=True)


def _progress_callback(bar: object, total: int, lang: Lang) -> Callable[[int, str], None]:
    """Move ``bar`` as files are read: once per whole percent, not once per file.

    Each redraw is a message the browser has to draw: a folder of 772 files sent 772 of
    them (and took ~0.4 ms of the page's script each), for a bar that moves 100 steps.
    """
    drawn = {"percent": -1}

    def update(done: int, name: str) -> None:
        percent = min(100 * done // max(total, 1), 100)
        if percent == drawn["percent"]:
            return
        drawn["percent"] = percent
        bar.progress(percent / 100, text=f"{t('loading', lang)} {done}/{total} {Path(name).name}")

    return update


def _index(
    result: LoadResult, label: str, lang: Lang, *, form: Literal["upload", "folder"],
    split_paragraphs: bool = False,
) -> Source:
    """Index loaded articles (split into paragraphs if asked) into an in-memory store, with a progress bar.

    ``form`` names the load form (its split box is ``{form}_split``).
    """
    from analysis.loading.sections import long_documents, split_into_paragraphs
    from analysis.store import open_store

    store = open_store(None)
    articles = split_into_paragraphs(result.articles) if split_paragraphs else result.articles
    repeated = None
    if not articles.empty:
        bar = st.progress(0.0, text=t("indexing", lang))
        repeated = store.ingest(
            articles,
            progress=lambda done, total: bar.progress(
                min(done / max(total, 1), 1.0), text=f"{t('indexing', lang)} {done}/{total}"
            ),
        ).repeats
        bar.empty()
    n_long = int(long_documents(result.articles).sum()) if split_paragraphs else 0
    return Source(store=store, label=label, reports=result.reports, repeated=repeated,
                  split_box=f"{form}_split", split_from=n_long if split_paragraphs else None,
                  split_kept=len(result.articles) - n_long if split_paragraphs else 0)


@st.cache_resource(show_spinner=False, max_entries=4)
def upload_source(digest: str, _files: tuple[tuple[str, bytes], ...], form: LoadForm, _lang: Lang,
                  config: str = "") -> Source:
    """Uploaded files (a .zip too), loaded and indexed once per distinct content, form and ``config``.

    The language (``_lang``: not part of the cache key) only words the progress bar: the
    reports word themselves when shown, so switching languages does not load again.
    """
    bar = st.progress(0.0, text=t("loading", _lang))
    result = load_uploads(list(_files), form.options, progress=_progress_callback(bar, len(_files), _lang))
    bar.empty()
    return _index(result, f"upload:{digest[:12]}:{form.label}:{config}", _lang, form="upload",
                  split_paragraphs=form.split_paragraphs)


@st.cache_resource(show_spinner=False, max_entries=4)
def folder_source(
    path: str, signature: str, n_files: int, form: LoadForm, _lang: Lang, config: str = "", *,
    root: str,
) -> Source:
    """A folder (or file) on the server, loaded and indexed once per signature, form and ``config``.

    Not once per language: see :func:`upload_source`. A file in it that links outside the
    data ``root`` is named in the load summary, not read.
    """
    bar = st.progress(0.0, text=t("loading", _lang))
    result = load_articles([path], form.options, progress=_progress_callback(bar, n_files, _lang),
                           root=Path(root))
    bar.empty()
    # the signature too: every view's cached answers are keyed by the label, and a folder
    # read again after its files changed must not be answered with the old files' counts
    return _index(result, f"folder:{path}:{signature}:{form.label}:{config}", _lang, form="folder",
                  split_paragraphs=form.split_paragraphs)


@st.cache_resource(show_spinner=False, max_entries=4)
def store_source(path: str, config: str = "") -> Source:
    """An existing store on disk (built with ``govthemes ingest``), and how many of its articles are stale."""
    from analysis.store import open_store

    store = open_store(path, read_only=True)
    stale = store.stale_articles()
    return Source(store=store, label=f"store:{path}:{config}", path=path, stale_articles=stale,
                  loader_error=store.loader_error())
