"""The sidebar's data-source form: demo corpus, uploads, a folder on the server, a store.

It asks what to load (and with which options: edition date, province, paragraph split)
and hands the answer to the cached loaders of :mod:`ui.sources`, so a rerun with the same
answer is instant. A shared link (``?folder=reports``, ``?store=xwlb``) fills it once per
session; typed paths stay under the data root (:mod:`ui.paths`).
"""

from __future__ import annotations

import dataclasses
import hashlib

import streamlit as st

from analysis.loading import LoadOptions
from analysis.loading.plausible_dates import EARLIEST_DATE, latest_date
from ui import folder_scan
from ui.folder_scan import FolderScan, scan_folder
from ui.html_view import escape_markdown
from ui.i18n import t
from ui.paths import UnsafePathError, data_root, resolve_under_root
from ui.sources import (
    MAX_UPLOAD_MB,
    LoadForm,
    Source,
    demo_source,
    folder_source,
    store_source,
    upload_source,
)
from ui.state import Lang
from ui.uploader_words import uploader_style


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
    from analysis.places.province import ProvinceHintError, hint_province

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
