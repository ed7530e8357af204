"""文章 Articles: the matched articles, one opened for reading, and keyword-in-context.

The table is a selectable dataframe: picking a row opens the article with its themes and
the terms that matched them highlighted. Article text is escaped before it is shown
(see :mod:`ui.html_view`), so text containing HTML or Markdown stays text.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import queries
from ui.common import download_table, show_table
from ui.html_view import escape_text, highlight_html
from ui.i18n import t
from ui.view import View

LIST_LIMIT = 2000


def render(view: View) -> None:
    """Draw the articles tab."""
    lang = view.lang
    table = queries.list_articles(view, limit=LIST_LIMIT)
    if table.empty:
        st.info(t("no_match", lang))
        return
    shown = table.assign(
        themes=table["themes"].map(
            lambda ids: "、".join(view.theme_labels.get(i, i) for i in (list(ids) if ids is not None else []))
        )
    )
    event = show_table(shown, key="art_table", lang=lang, on_select="rerun", selection_mode="single-row")
    st.caption(t("select_to_read", lang))
    if st.toggle(t("export_articles", lang), key="art_export"):
        download_table(queries.articles_table(view), name="articles", key="dl_articles", lang=lang)
    rows = event.selection.rows if event is not None else []
    titles = dict(zip(table["doc_id"].astype(str), table["title"].fillna("").astype(str), strict=True))
    picked = st.selectbox(
        t("pick_article", lang),
        list(titles),
        index=None,
        key="art_pick",
        format_func=lambda d: titles.get(d) or d,
        placeholder=t("pick_article", lang),
    )
    chosen = str(table.iloc[rows[0]]["doc_id"]) if rows else picked
    if chosen:
        _read(view, chosen)
    _kwic(view)


def _read(view: View, doc_id: str) -> None:
    lang = view.lang
    article = view.store.get_article(doc_id)
    hits = view.store.theme_hits(doc_id)
    st.subheader(t("open_article", lang))
    date = pd.Timestamp(article["date"]).strftime("%Y-%m-%d") if article.get("date") is not None else None
    meta = " · ".join(
        str(v)
        for v in (date, article.get("locality"), article.get("outlet"), article.get("author"))
        if v is not None and not pd.isna(v)
    )
    themes = "、".join(view.theme_labels.get(i, i) for i in (article.get("themes") or []))
    terms = hits["term"].tolist() if not hits.empty else []
    titles = (
        {row.term: view.theme_labels.get(row.theme, row.theme) for row in hits.itertuples()} if terms else {}
    )
    body = highlight_html(article.get("text") or "", terms, titles=titles)
    kicker = (
        f"<div style='color:#666'>{escape_text(article.get('kicker'))}</div>" if article.get("kicker") else ""
    )
    st.html(
        f"<div style='line-height:1.8'>{kicker}<h3>{escape_text(article.get('title') or '')}</h3>"
        f"<div style='color:#666;font-size:0.9em'>{escape_text(meta)}</div>"
        f"<div style='margin:0.4em 0'><b>{escape_text(t('theme_word', lang))}</b>: "
        f"{escape_text(themes)}</div>"
        f"{body}</div>"
    )
    if not hits.empty:
        st.caption(t("matched_terms", lang))
        named = hits.assign(theme=hits["theme"].map(view.theme_labels))
        show_table(named, key="art_hits", lang=lang)
        download_table(named, name=f"theme_hits_{doc_id}", key="dl_art_hits", lang=lang)


def _kwic(view: View) -> None:
    lang = view.lang
    st.subheader(t("kwic", lang))
    term = st.text_input(t("kwic_term", lang), value=view.state.search, key="art_kwic_term", max_chars=50)
    if not term.strip():
        return
    lines = queries.kwic(view, term.strip())
    if lines.empty:
        st.info(t("no_match", lang))
        return
    show_table(lines, key="art_kwic_table", lang=lang)
    download_table(lines, name="kwic", key="dl_kwic", lang=lang)
