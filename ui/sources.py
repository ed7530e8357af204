"""Where the dashboard's articles come from: the demo corpus, uploads, a folder, a store.

Every source ends as a :class:`analysis.store.Store` (in memory for the demo corpus,
uploads and folders; on disk for an existing store), so all views query one API. Loaded
stores are cached with ``st.cache_resource`` keyed by what was loaded (the demo seed, the
uploaded bytes' hash, the folder path and its files' sizes and times, and the load form:
edition date, province, paragraph split), so a rerun or a reload is instant.

The key also holds :func:`config_stamp`, a fingerprint of the analyst-editable data files
(user dictionary, stopwords, themes): after an edit, the next rerun analyses the corpus
again with the edited files, rather than showing results made with the old ones. A store
on disk keeps what it was analysed with; the page says how many of its articles were
made with other files, and how to bring them up to date (``govthemes resegment``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd
import streamlit as st

from analysis.loading import LoadOptions, LoadResult, load_articles, load_uploads
from analysis.loading.plausible_dates import EARLIEST_DATE, latest_date
from analysis.report import FileReport
from ui import folder_scan
from ui.folder_scan import FolderScan, scan_folder
from ui.html_view import escape_markdown
from ui.i18n import t
from ui.paths import UnsafePathError, data_root, resolve_under_root
from ui.state import Lang
from ui.uploader_words import uploader_style

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
    path: str | None = None
    """The folder of a store on disk."""
    split_box: str | None = None
    """The key of the split-into-paragraphs box of the form that loaded it (upload or folder)."""
    link: dict[str, str] = field(default_factory=dict)
    """The URL parameters that open it again (``{"store": "xwlb"}``); none for the demo
    corpus (the default) and uploads (a link cannot carry files)."""


def config_stamp() -> str:
    """A fingerprint (sizes and times) of the data files that decide tokens and themes."""
    from analysis.store.analyze import AnalyzerConfig

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
    def update(done: int, name: str) -> None:
        bar.progress(
            min(done / max(total, 1), 1.0), text=f"{t('loading', lang)} {done}/{total} {Path(name).name}"
        )

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
    return _index(result, f"folder:{path}:{form.label}:{config}", _lang, form="folder",
                  split_paragraphs=form.split_paragraphs)


@st.cache_resource(show_spinner=False, max_entries=4)
def store_source(path: str, config: str = "") -> Source:
    """An existing store on disk (built with ``govthemes ingest``), and how many of its articles are stale."""
    from analysis.store import open_store

    store = open_store(path, read_only=True)
    stale = store.stale_articles()
    return Source(store=store, label=f"store:{path}:{config}", path=path, stale_articles=stale)


def _load_form(lang: Lang, key: str) -> LoadForm:
    """Edition date, province and paragraph-split inputs shared by the upload and folder forms."""
    edition = st.date_input(
        t("edition_date", lang),
        value=None,
        key=f"{key}_edition",
        min_value=EARLIEST_DATE,  # as --edition-date: no news item is dated outside these
        max_value=latest_date(),
    )
    province = st.text_input(t("province_hint", lang), value="", key=f"{key}_province",
                             placeholder=t("province_placeholder", lang))
    split = st.checkbox(
        t("split_paragraphs", lang), key=f"{key}_split", help=t("split_paragraphs_help", lang)
    )
    options = LoadOptions(edition_date=edition, province=_checked_province(province, lang),
                          max_file_mb=MAX_UPLOAD_MB)
    return LoadForm(options=options, split_paragraphs=split)


def _checked_province(typed: str, lang: Lang) -> str | None:
    """The province typed in the form, or None (with a warning) when it names no province."""
    from analysis.places import load_gazetteer
    from analysis.places.locality import ProvinceHintError, hint_province

    province = typed.strip() or None
    if province is None:  # nothing typed: no need to build the gazetteer (~2 s) to say so
        return None
    try:
        hint_province(province, gazetteer=load_gazetteer())
    except ProvinceHintError as exc:
        st.warning(escape_markdown(exc.render(lang)) + t("province_ignored", lang))
        return None
    return province


def choose_source(lang: Lang, config: str) -> Source | None:
    """The data-source form in the sidebar; returns the chosen, loaded source.

    ``config`` is :func:`config_stamp`, taken once per rerun by the caller.
    """
    kinds = ["demo", "upload", "folder", "store"]
    _open_linked_source()
    kind = st.radio(t("source", lang), kinds, format_func=lambda k: t(f"source_{k}", lang), key="source_kind")
    if kind == "demo":
        with st.spinner(t("indexing", lang)):
            return demo_source(config=config)
    if kind == "upload":
        return _upload_form(lang, config)
    if kind == "folder":
        return _path_form(lang, config, kind="folder")
    return _path_form(lang, config, kind="store")


LINK_KINDS = ("folder", "store")
"""Sources a link can name: by their path under the data root, checked as if typed."""


def _open_linked_source() -> None:
    """Fill the source form from a shared link (``?store=xwlb``, ``?folder=reports&split=1``).

    Once per session, before the form is drawn: the analyst's own choices then stand. The
    path is read as if typed, so one outside the data root is refused the same way.
    """
    if "source_kind" in st.session_state:
        return
    for kind in LINK_KINDS:
        typed = st.query_params.get(kind)
        if typed:
            st.session_state["source_kind"] = kind
            st.session_state[f"{kind}_path"] = typed
            if kind == "folder":
                st.session_state["folder_split"] = st.query_params.get("split") == "1"
            return


def _upload_form(lang: Lang, config: str) -> Source | None:
    limit = st.get_option("server.maxUploadSize")
    st.html(uploader_style(lang, limit_mb=limit))
    files = st.file_uploader(t("upload_label", lang), accept_multiple_files=True, key="upload_files",
                             help=t("upload_help", lang, mb=limit))
    form = _load_form(lang, "upload")
    if not files:
        return st.session_state.get("upload_source")
    payload = tuple((f.name, f.getvalue()) for f in files)
    digest = hashlib.sha256(b"".join(name.encode() + data for name, data in payload)).hexdigest()
    source = upload_source(digest, payload, form, lang, config)
    st.session_state["upload_source"] = source
    return source


def _path_form(lang: Lang, config: str, *, kind: str) -> Source | None:
    label = t("folder_label" if kind == "folder" else "store_label", lang)
    typed = st.text_input(label, key=f"{kind}_path", help=t("folder_help", lang) + str(data_root()))
    form = _load_form(lang, kind) if kind == "folder" else None
    if not typed:
        return None
    try:
        path = resolve_under_root(typed)
    except UnsafePathError as exc:  # the message quotes the typed path: shown as typed
        st.error(t("error_load", lang) + escape_markdown(exc.render(lang)))
        return None
    if kind == "store":
        from analysis.store import StoreError

        try:
            return dataclasses.replace(store_source(str(path), config), link={"store": typed.strip()})
        except StoreError as exc:
            st.error(t("error_load", lang) + escape_markdown(exc.render(lang)))
            return None
    # Stat the folder once per path, not on every filter change; the button looks again.
    scan_key = f"folder_scan:{path}"
    if st.button(t("reload_folder", lang), key="folder_reload") or scan_key not in st.session_state:
        st.session_state[scan_key] = scan_folder(path)
    scan: FolderScan = st.session_state[scan_key]
    if scan.too_many:
        st.error(t("folder_too_many", lang, limit=folder_scan.MAX_FOLDER_FILES))
        return None
    if not _folder_confirmed(scan, lang):
        return None
    source = folder_source(str(path), scan.signature, scan.n_files, form, lang, config, root=str(data_root()))
    link = {"folder": typed.strip(), **({"split": "1"} if form.split_paragraphs else {})}
    return dataclasses.replace(source, link=link)


def _folder_confirmed(scan: FolderScan, lang: Lang) -> bool:
    """True for a folder of ordinary size, or a large one the user chose to read anyway."""
    megabytes = scan.n_bytes / 2**20
    if scan.n_files <= folder_scan.CONFIRM_FOLDER_FILES and megabytes <= folder_scan.CONFIRM_FOLDER_MB:
        return True
    confirmed_key = f"folder_confirmed:{scan.signature}"
    if st.session_state.get(confirmed_key):
        return True
    st.warning(t("folder_large", lang, files=scan.n_files, mb=megabytes))
    if st.button(t("folder_read_anyway", lang), key="folder_confirm"):
        st.session_state[confirmed_key] = True
        return True
    return False
