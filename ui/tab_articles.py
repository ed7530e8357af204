"""文章 Articles: the matched articles, keyword in context, and one article opened for reading.

Three ways lead to the reader, and they stay in step: ticking a row of the article table,
ticking a KWIC line, or choosing in the picker. The open article lives in
``st.session_state["art_pick"]`` (the picker's own state); the tables' ticks are set to
match it before they are drawn. Article text is escaped before it is shown (see
:mod:`ui.html_view`), so text containing HTML or Markdown stays text.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from analysis.kwic import PARAGRAPH_MARK
from analysis.search_query import parse_search
from ui import queries
from ui.article_tables import (
    article_labels,
    constant_columns,
    hit_rows,
    join_themes,
    kwic_rows,
    kwic_shown,
    opened_by_tick,
    paragraph_marked,
    picker_options,
    score_rows,
    theme_cell,
    titled,
)
from ui.common import COLUMN_LABELS, download_table, show_table
from ui.html_view import escape_markdown, escape_text, highlight_html
from ui.i18n import t
from ui.open_tab import KEEP
from ui.table_layout import CELL_PADDING, compact_rows, fitted_widths, wrapped_cells, wrapped_column
from ui.view import View

LIST_LIMIT = 2000
"""Rows of the article table (newest first); the CSV export has every matched article."""
KWIC_LIMIT = 300
"""KWIC lines shown (oldest first); the CSV export can have every occurrence."""
PICK, MARK, TABLE, KWIC_TABLE, WRAP = "art_pick", "art_mark", "art_table", "art_kwic_table", "art_wrap"
CORPUS_KEYS = (PICK, MARK)
"""Session keys of the article open for reading (and the term marked in it): one of one corpus,
forgotten when another corpus opens (:func:`ui.open_tab.forget_corpus_choices`)."""
HEAD_COLUMNS = ["doc_id", "date", "title", "locality"]
LIST_WIDTHS = {"title": 340, "locality": 150, "themes": 330}
"""The widest the list's columns grow to show their longest cell (pixels): together they fit
a laptop's page. A longer title is cut at the edge (read whole in the reader below, or with
the list's rows wrapped onto three lines)."""
THEME_CELL_UNITS = 120
"""Half-width units of themes a wrapped list cell holds: under its three lines of 330 px
(44 units each), with room to spare where a line breaks before a long label."""
THEME_LINE_UNITS = int((LIST_WIDTHS["themes"] - CELL_PADDING) // 7)
"""Half-width units of themes a one-line list cell holds: its width less padding, 7 px a unit."""
KWIC_LAYOUT = {  # the left context ends at the term; each context wraps onto its lines; the date is measured
    "left": {"width": 190, "alignment": "right"}, "right": {"width": 190},
}
SENTENCE_PX = 400
"""The width of the reader's evidence sentences (pixels): a longer sentence wraps onto the
lines it takes (up to five) rather than being cut at the column's edge."""
KWIC_WIDTHS = {"title": 210, "locality": 120, "found_in": 60, "match": 720}
"""The widest a KWIC line's title, place and term grow (pixels): a longer title wraps, as the
contexts do; the term (at most 50 characters) is as wide as it is, so it is never broken."""


def render(view: View) -> None:
    """Draw the articles tab."""
    total = queries.count(view)
    table = titled(queries.list_articles(view, limit=LIST_LIMIT), view.lang)
    if table.empty:
        st.info(t("no_match", view.lang))
        return
    _article_list(view, table, total)
    lines = _kwic(view, total)
    _reader(view, table, lines)


def _article_list(view: View, table: pd.DataFrame, total: int) -> None:
    lang = view.lang
    same = constant_columns(table, ("outlet",))
    notes = [t("list_limited", lang, shown=len(table), total=total) if total > len(table)
             else t("list_all", lang, total=total)]
    for column, value in same.items():
        name = COLUMN_LABELS[column][lang == "en"]
        value = t("value_missing", lang) if value is None else value
        notes.append(t("same_in_all", lang, column=name, value=value))
    st.caption(" ".join(notes))
    wrap = bool(st.session_state.get(WRAP))  # the toggle is drawn below the list it shapes
    room = THEME_CELL_UNITS if wrap else THEME_LINE_UNITS
    shown = table.drop(columns=list(same)).assign(
        themes=[theme_cell(ids, view.theme_labels, lang, room=room) for ids in table["themes"]]
    )
    doc_ids = table["doc_id"].astype(str).tolist()
    _sync_ticks(TABLE, doc_ids, st.session_state.get(PICK), tick=True)
    widths = fitted_widths(shown, LIST_WIDTHS)
    rows = wrapped_cells(shown, widths) if wrap else compact_rows(len(shown))
    show_table(shown, key=TABLE, lang=lang, on_select=partial(_open_ticked, TABLE, doc_ids, None),
               selection_mode="single-row", column_options=widths, placeholder="—", **rows)
    st.caption(t("select_to_read_wrapped" if wrap else "select_to_read", lang))
    st.toggle(t("art_wrap", lang), key=WRAP, persist_state=KEEP, help=t("art_wrap_help", lang))
    if st.toggle(t("export_articles", lang), key="art_export", persist_state=KEEP):
        download_table(queries.articles_table(view), name="articles", key="dl_articles", lang=lang,
                       label=t("csv_articles", lang))


def _kwic(view: View, total: int) -> pd.DataFrame:
    """Draw the KWIC search and its lines; return the lines shown (empty without any)."""
    lang = view.lang
    st.subheader(t("kwic", lang))
    searched = parse_search(view.state.search).terms  # a query's first word, not the query itself
    term = st.text_input(t("kwic_term", lang), value=searched[0] if searched else "", key="art_kwic_term",
                         max_chars=50, persist_state=KEEP)
    term = term.strip()
    if not term:
        return pd.DataFrame(columns=HEAD_COLUMNS)
    found = queries.kwic(view, term, limit=KWIC_LIMIT + 1)
    if found.empty:
        st.info(t("kwic_none", lang, term=escape_markdown(term), n=total))
        return pd.DataFrame(columns=HEAD_COLUMNS)
    more = len(found) > KWIC_LIMIT
    lines = _with_heads(view, found.head(KWIC_LIMIT))
    shown = kwic_shown(lines)
    counts = {"lines": len(lines), "docs": lines["doc_id"].nunique()}
    found_line = t("kwic_limited" if more else "kwic_found", lang, term=escape_markdown(term), **counts)
    mark = t("kwic_paragraph_mark", lang, mark=PARAGRAPH_MARK) if paragraph_marked(shown) else ""
    st.caption(found_line + t("kwic_select", lang) + mark)
    doc_ids = lines["doc_id"].tolist()
    _sync_ticks(KWIC_TABLE, doc_ids, st.session_state.get(PICK), tick=False)
    layout = {**KWIC_LAYOUT, **fitted_widths(shown, KWIC_WIDTHS)}
    show_table(shown, key=KWIC_TABLE, lang=lang, hide=("doc_id", "position"),
               on_select=partial(_open_ticked, KWIC_TABLE, doc_ids, term), selection_mode="single-row",
               column_options=layout, placeholder="—", **wrapped_cells(shown, layout))
    if not more:
        download_table(lines, name="kwic", key="dl_kwic", lang=lang, label=t("csv_kwic", lang))
    elif st.toggle(t("kwic_export_all", lang), key="art_kwic_export", persist_state=KEEP):
        download_table(_with_heads(view, queries.kwic(view, term, limit=None)), name="kwic", key="dl_kwic",
                       lang=lang, label=t("csv_kwic", lang))
    return lines


def _with_heads(view: View, lines: pd.DataFrame) -> pd.DataFrame:
    ids = tuple(dict.fromkeys(lines["doc_id"].astype(str)))
    return kwic_rows(lines, titled(queries.articles_by_id(view, ids), view.lang), view.lang)


def _sync_ticks(key: str, doc_ids: list[str], chosen: str | None, *, tick: bool) -> None:
    """Make a table's ticked row agree with the open article before the table is drawn.

    A ticked row that shows another article (or none, after the filters changed) is
    cleared; with ``tick`` the open article's row is ticked if the table has it.
    """
    state = st.session_state.get(key)
    rows = list(state["selection"]["rows"]) if state else []
    if rows and rows[0] < len(doc_ids) and doc_ids[rows[0]] == chosen:
        return
    want = [doc_ids.index(chosen)] if tick and chosen in doc_ids else []
    if want != rows:
        st.session_state[key] = {"selection": {"rows": want, "columns": []}}


def _open_ticked(key: str, doc_ids: list[str], focus: str | None) -> None:
    """Callback of a table's tick: open that row's article (or close it when unticked)."""
    st.session_state[PICK], st.session_state[MARK] = opened_by_tick(
        st.session_state[key]["selection"]["rows"], doc_ids, focus
    )


def _picked() -> None:
    st.session_state[MARK] = None


def _reader(view: View, table: pd.DataFrame, lines: pd.DataFrame) -> None:
    lang = view.lang
    st.subheader(t("open_article", lang))
    heads = pd.concat([table[HEAD_COLUMNS], lines[HEAD_COLUMNS]], ignore_index=True) if len(lines) else table
    labels = article_labels(heads.drop_duplicates("doc_id"))
    options, chosen = picker_options(table["doc_id"].astype(str).tolist(), labels, st.session_state.get(PICK))
    if chosen is None:
        st.session_state[PICK] = None
    picked = st.selectbox(
        t("pick_article", lang), options, index=None, key=PICK, format_func=lambda d: labels.get(d, d),
        placeholder=t("pick_article", lang), on_change=_picked, persist_state=KEEP,
    )
    if picked:
        _read(view, picked, focus=st.session_state.get(MARK))


def _read(view: View, doc_id: str, *, focus: str | None = None) -> None:
    lang = view.lang
    article = view.store.get_article(doc_id)
    hits = view.store.theme_hits(doc_id)
    scores = view.store.theme_scores(doc_id)
    date = pd.Timestamp(article["date"]).strftime("%Y-%m-%d") if article.get("date") is not None else None
    meta = " · ".join(
        str(v)
        for v in (date, article.get("locality"), article.get("outlet"), article.get("author"))
        if v is not None and not pd.isna(v)
    )
    assigned = article.get("themes") or []
    passed = set(scores.loc[scores["assigned"].astype(bool), "theme"])
    titles = {
        row.term: view.theme_labels.get(row.theme, row.theme)
        + ("" if row.theme in passed else f" ({t('theme_below', lang)})")
        for row in hits.itertuples()
    }
    body = highlight_html(article.get("text") or "", hits["term"].tolist(), titles=titles, focus=focus)
    heading, kicker_text = article.get("title"), article.get("kicker")
    if not heading:  # a later paragraph of a split document: its document's title is the kicker
        heading, kicker_text = kicker_text, None
    kicker = f"<div style='color:#666'>{escape_text(kicker_text)}</div>" if kicker_text else ""
    if focus:
        st.caption(t("kwic_marked", lang, term=escape_markdown(focus)))
    st.html(
        f"<div style='line-height:1.8'>{kicker}<h3>{escape_text(heading or '')}</h3>"
        f"<div style='color:#666;font-size:0.9em'>{escape_text(meta)}</div>"
        f"<div style='margin:0.4em 0'><b>{escape_text(t('theme_word', lang))}</b>: "
        f"{escape_text(join_themes(assigned, view.theme_labels, lang) or '—')}</div>"
        f"{body}</div>"
    )
    if scores.empty:
        return
    themes = view.store.themes
    st.markdown(f"**{t('theme_scores', lang)}**")
    st.caption(t("theme_scores_caption", lang, threshold=themes.threshold, min_hits=themes.min_hits),
               help=t("thresholds_help", lang))
    scored = score_rows(scores, view.theme_labels, lang, order=assigned)
    show_table(scored, key="art_scores", lang=lang)
    download_table(scored, name=f"theme_scores_{doc_id}", key="dl_art_scores", lang=lang,
                   label=t("csv_theme_scores", lang))
    st.markdown(f"**{t('matched_terms', lang)}**")
    evidence = hit_rows(hits, scores, view.theme_labels, lang, order=assigned)
    show_table(evidence, key="art_hits", lang=lang, column_options={"sentence": {"width": SENTENCE_PX}},
               **wrapped_column(evidence["sentence"], width=SENTENCE_PX))
    download_table(evidence, name=f"theme_hits_{doc_id}", key="dl_art_hits", lang=lang,
                   label=t("csv_theme_hits", lang))
