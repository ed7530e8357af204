"""The tables of the 文章 tab, shaped for reading: pure functions over DataFrames.

Kept apart from :mod:`ui.tab_articles` (which draws them) so each can be tested without
Streamlit: untitled articles named by their lead, picker labels that tell articles apart,
columns that say the same thing in every row, KWIC lines with the article they come from,
and an article's theme evidence with what passed the threshold and what did not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from analysis.charts.phrasing import list_separator
from analysis.kwic import PARAGRAPH_MARK
from analysis.line_breaks import NO_LINE_START
from ui.glyph_widths import text_px
from ui.i18n import t
from ui.state import Lang

KWIC_SHOWN = ("date", "title", "locality", "found_in", "left", "match", "right", "doc_id", "position")
"""KWIC columns in the order shown and exported (``doc_id`` and ``position`` only exported);
``found_in`` says whether the line stands in the headline or the text."""


def titled(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The list with an article without a title of its own named by the start of its text.

    Web excerpts and continuation fragments often have no title; a row of dashes tells
    the analyst nothing, the lead does (``（无标题）12月10日,市政协召开…``). A later
    paragraph of a split report is listed under the report's title, followed by its
    lead (``2026年甘肃省政府工作报告：——这五年…``): by the title alone its 90 paragraphs
    read the same. The ``lead`` column, which only these rows have, is then dropped.
    """
    if "lead" not in table.columns:
        return table
    lead, title = table["lead"], table["title"].copy()
    for key, rows in (("untitled_lead", title.isna() & lead.notna()),
                      ("paragraph_lead", title.notna() & lead.notna())):
        title[rows] = [t(key, lang, title=head, lead=value) for head, value in zip(title[rows], lead[rows],
                                                                                     strict=True)]
    return table.drop(columns="lead").assign(title=title)


def join_themes(ids: Iterable[str] | None, labels: Mapping[str, str], lang: Lang) -> str:
    """Theme labels joined the way the interface language lists things (、 or , )."""
    names = [labels.get(i, i) for i in (list(ids) if ids is not None else [])]
    return list_separator(lang).join(names)


def theme_cell(ids: Iterable[str] | None, labels: Mapping[str, str], lang: Lang, *, room: int) -> str | None:
    """An article's themes for a list cell: all if they fit ``room``, else those that fit and how many.

    None for an article without a theme, so its cell shows the table's — as every other
    empty cell does, not a blank that looks like a value not yet drawn.

    A 90-page work report touches twenty themes; in a list cell they run past its line
    and the last one shows cut in half. The reader below lists every one. The first theme
    is always named, cut with … if it alone is too long, so an English cell never reads
    only "… (2 themes in all)" nor loses that count past the cell's edge.

    Args:
        ids: the article's theme ids, in order.
        labels: ``{theme id: label}`` in the interface language.
        lang: interface language.
        room: the cell's room in half-width units of 7 px (a Chinese character takes two),
            measured as the table draws the text (:func:`ui.glyph_widths.text_px`).
    """
    names = [labels.get(i, i) for i in (list(ids) if ids is not None else [])]
    if not names:
        return None
    whole = list_separator(lang).join(names)
    if _units(whole) <= room:
        return whole
    more = t("themes_in_all", lang, n=len(names))
    kept: list[str] = [_shortened(names[0], room - _units(more))]
    for name in names[1:]:
        if _units(list_separator(lang).join([*kept, name]) + more) > room:
            break
        kept.append(name)
    return list_separator(lang).join(kept) + more


def _shortened(name: str, room: float) -> str:
    """``name`` cut to ``room`` units where it is wider (a long English label).

    No … of its own: the count that follows it starts with one.
    """
    while name and _units(name) > room:
        name = name[:-1]
    return name.rstrip()


def _units(text: str) -> float:
    """``text``'s width in half-width units of 7 px, as the table draws it."""
    return text_px(text) / 7


def article_labels(table: pd.DataFrame) -> dict[str, str]:
    """``{doc_id: "title · date · place"}``, with the id added where that is still ambiguous.

    Args:
        table: rows with ``doc_id``, ``title``, ``date`` and ``locality`` (any may be missing).
    """
    labels = {}
    for row in table.itertuples(index=False):
        date = pd.Timestamp(row.date).strftime("%Y-%m-%d") if not _missing(row.date) else None
        parts = [str(row.title) if not _missing(row.title) and str(row.title) else str(row.doc_id), date,
                 None if _missing(row.locality) else str(row.locality)]
        labels[str(row.doc_id)] = " · ".join(p for p in parts if p)
    seen: dict[str, int] = {}
    for label in labels.values():
        seen[label] = seen.get(label, 0) + 1
    return {d: (f"{label} · {d}" if seen[label] > 1 else label) for d, label in labels.items()}


def opened_by_tick(rows: list[int], doc_ids: list[str], focus: str | None) -> tuple[str | None, str | None]:
    """The article a table tick opens and the term to mark in it: ``(doc_id, focus)``.

    No ticked row (the tick was taken off) closes the reader: ``(None, None)``.
    """
    if not rows or rows[0] >= len(doc_ids):
        return None, None
    return doc_ids[rows[0]], focus


def picker_options(
    listed: list[str], known: Iterable[str], chosen: str | None
) -> tuple[list[str], str | None]:
    """The picker's options and the article it shows: ``(options, chosen)``.

    Args:
        listed: the article table's ids, in its order.
        known: ids of every article on the page (table and KWIC lines).
        chosen: the open article. One opened from a KWIC line beyond the table is put
            first; one no longer on the page (the filters changed) is closed (None).
    """
    if chosen is None or chosen not in set(known):
        return list(listed), None
    return (list(listed) if chosen in listed else [chosen, *listed]), chosen


def constant_columns(table: pd.DataFrame, columns: Iterable[str]) -> dict[str, object]:
    """``{column: value}`` for those of ``columns`` that hold one value in every row.

    Such a column tells the reader nothing row by row: say its value once and hide it.
    A table of fewer than two rows has no constant columns (there is nothing to compare).
    A missing value is returned as None.
    """
    if len(table) < 2:
        return {}
    found = {}
    for column in columns:
        if column in table and table[column].nunique(dropna=False) == 1:
            value = table[column].iloc[0]
            found[column] = None if _missing(value) else value
    return found


def kwic_rows(lines: pd.DataFrame, articles: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """KWIC lines with the date, title and place of the article each comes from.

    Args:
        lines: the output of :func:`analysis.kwic.kwic` (``doc_id, field, left, match,
            right, position``).
        articles: ``doc_id, date, title, locality`` of (at least) those articles.
        lang: the language ``found_in`` is said in (标题 or 正文).

    Returns:
        Columns :data:`KWIC_SHOWN`, one row per line in the order of ``lines``.
    """
    heads = articles[["doc_id", "date", "title", "locality"]].drop_duplicates("doc_id")
    heads = heads.assign(doc_id=heads["doc_id"].astype(str))
    where = {"title": t("in_title", lang), "text": t("in_text", lang)}
    out = lines.assign(doc_id=lines["doc_id"].astype(str), found_in=lines["field"].map(where))
    out = out.merge(heads, on="doc_id", how="left", validate="m:1")
    return out[list(KWIC_SHOWN)]


def kwic_shown(lines: pd.DataFrame) -> pd.DataFrame:
    """KWIC lines as the page shows them: no left context opening on the end of a cut-off sentence.

    A context cut at a fixed number of characters can begin with the 。 of the sentence
    before (``。⏎会议强调…``): shown, its first line opened on a full stop. It begins
    with the next sentence instead; the CSV keeps the context whole.

    Args:
        lines: :func:`kwic_rows`.
    """
    return lines.assign(left=lines["left"].map(
        lambda text: text.lstrip(CUT_OFF) or text if isinstance(text, str) else text))


CUT_OFF = "".join(sorted(NO_LINE_START)) + " \n\t\u3000"
"""What a left context's cut-off start may hold: closing marks and the breaks after them."""


def paragraph_marked(lines: pd.DataFrame) -> bool:
    """Whether a ``left`` or ``right`` context shows the paragraph mark (which the caption then explains)."""
    contexts = pd.concat([lines["left"], lines["right"]]).dropna().astype(str)
    return bool(contexts.str.contains(PARAGRAPH_MARK, regex=False).any())


def score_rows(
    scores: pd.DataFrame, labels: Mapping[str, str], lang: Lang, *, order: list[str] | None = None
) -> pd.DataFrame:
    """One row per theme with hits: label, whether it passed the threshold, score and hits.

    Args:
        scores: ``theme, n_hits, score, assigned`` of one article.
        labels: ``{theme id: label}`` in the interface language.
        lang: interface language (for the status words).
        order: theme ids in the order wanted first (the article's assigned themes).

    Returns:
        Columns ``theme`` (label), ``result`` (归入/未达阈值), ``score`` (1 decimal) and
        ``n_hits``: themes that passed first (in ``order``), then the rest by score.
    """
    ordered = scores.set_index("theme", drop=False).loc[theme_order(scores, order)]
    return pd.DataFrame(
        {
            "theme": [labels.get(th, th) for th in ordered["theme"]],
            "result": [t("theme_passed" if a else "theme_below", lang) for a in ordered["assigned"]],
            "score": ordered["score"].astype(float).round(1).to_numpy(),
            "n_hits": ordered["n_hits"].astype("int64").to_numpy(),
        }
    )


def theme_order(scores: pd.DataFrame, order: list[str] | None = None) -> list[str]:
    """Theme ids of ``scores``: assigned first (in ``order``, then by score), then the rest by score."""
    rank = {theme: i for i, theme in enumerate(order or [])}
    ordered = scores.assign(
        _below=~scores["assigned"].astype(bool),
        _rank=scores["theme"].map(lambda th: rank.get(th, len(rank))),
    ).sort_values(["_below", "_rank", "score"], ascending=[True, True, False], kind="stable")
    return ordered["theme"].astype(str).tolist()


def hit_rows(hits: pd.DataFrame, scores: pd.DataFrame, labels: Mapping[str, str], lang: Lang,
             *, order: list[str] | None = None) -> pd.DataFrame:
    """Every theme hit of one article, grouped by theme as :func:`score_rows` orders them.

    Args:
        hits: ``theme, term, sentence_index, sentence`` (index 0 is the title).
        scores: ``theme, n_hits, score, assigned`` of the same article.
        labels: ``{theme id: label}`` in the interface language.
        lang: interface language.
        order: theme ids in the order wanted first (the article's assigned themes).

    Returns:
        Columns ``theme`` (label), ``result``, ``term``, ``found_in`` (标题 or 第 n 句,
        counting the body's sentences from 1) and ``sentence``.
    """
    position = {theme: i for i, theme in enumerate(theme_order(scores, order))}
    assigned = dict(zip(scores["theme"], scores["assigned"].astype(bool), strict=True))
    ordered = hits.assign(_theme=hits["theme"].map(lambda th: position.get(th, len(position)))).sort_values(
        ["_theme", "sentence_index"], kind="stable"
    )
    return pd.DataFrame(
        {
            "theme": [labels.get(th, th) for th in ordered["theme"]],
            "result": [t("theme_passed" if assigned.get(th) else "theme_below", lang)
                       for th in ordered["theme"]],
            "term": ordered["term"].astype(str).to_numpy(),
            "found_in": [t("in_title", lang) if i == 0 else t("in_sentence", lang, n=int(i))
                         for i in ordered["sentence_index"]],
            "sentence": ordered["sentence"].astype(str).to_numpy(),
        }
    )


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, list | tuple) and bool(pd.isna(value)))
