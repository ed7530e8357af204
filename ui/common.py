"""Small Streamlit helpers shared by the tabs: charts with PNG export, CSV downloads."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.charts import chart_config
from analysis.charts.labels import group_label
from ui.i18n import t
from ui.open_tab import KEEP
from ui.state import Lang
from ui.table_layout import WRAPS_ABOVE, broken_cells, fixed_widths


def show_chart(
    fig: go.Figure, *, key: str, filename: str, lang: Lang, selectable: bool = False
) -> object:
    """Draw a plotly figure; return the selection event if selectable.

    The toolbar's camera button exports a PNG; its tooltips are in ``lang``.
    """
    kwargs: dict[str, object] = {"key": key, "config": chart_config(filename, lang)}
    if selectable:
        kwargs.update(key=selection_key(key), on_select="rerun", selection_mode=("points",))
    return st.plotly_chart(fig, width="stretch", **kwargs)


CHART_GENERATION = "chart_generation"
"""Session key of a counter that 清除筛选 raises, giving every clickable chart a new key."""


def selection_key(key: str) -> str:
    """The key a clickable chart is drawn under: ``key`` of the current generation.

    The browser keeps a chart's selection (the clicked bar stays highlighted) as long as
    the chart keeps its key; clearing the filters starts a new generation, so the charts
    come back unselected, like the filters.
    """
    return f"{key}@{st.session_state.get(CHART_GENERATION, 0)}"


def forget_chart_selections() -> None:
    """Start a new generation of clickable charts: none shows a selection any more."""
    st.session_state[CHART_GENERATION] = st.session_state.get(CHART_GENERATION, 0) + 1


def download_table(table: pd.DataFrame, *, name: str, key: str, lang: Lang, label: str) -> None:
    """A button that downloads ``table`` as UTF-8 CSV (with BOM, so Excel reads Chinese).

    Args:
        table: what to download.
        name: the file's name, without ``.csv`` (``themes_by_place``).
        key: the button's widget key.
        lang: interface language.
        label: what the table is, in ``lang``, for the button (``各地主题占比``).
    """
    frame = table.copy()
    for column in frame.columns:
        if any(isinstance(v, list | tuple) for v in frame[column]):  # (an empty dates column maps to dates)
            frame[column] = frame[column].map(
                lambda v: ";".join(map(str, v)) if isinstance(v, list | tuple) else v
            )
    data = frame.to_csv(index=False).encode("utf-8-sig")
    st.download_button(
        f"⬇ {t('download_csv', lang, what=label)}", data=data,
        file_name=f"{name}.csv", mime="text/csv", key=key
    )


COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "date": ("日期", "Date"),
    "title": ("标题", "Title"),
    "locality": ("地区", "Place"),
    "outlet": ("媒体", "Outlet"),
    "themes": ("主题", "Themes"),
    "slogan": ("口号/提法", "Slogan"),
    "n_mentions": ("提及次数", "Mentions"),
    "n_articles": ("文章数（篇）", "Articles"),
    "first_date": ("首次出现", "First seen"),
    "last_date": ("最近出现", "Last seen"),
    "n_groups": ("地区数", "Places"),
    "groups": ("出现的地区", "Where"),
    "theme": ("主题", "Theme"),
    "term": ("命中词", "Term"),
    "sentence_index": ("句序", "Sentence #"),
    "sentence": ("所在句子", "Sentence"),
    "start": ("句内位置", "Offset"),
    "found_in": ("出现在", "Found in"),
    "result": ("结果", "Result"),
    "score": ("得分（每千字）", "Score (per 1,000 characters)"),
    "n_hits": ("命中次数", "Hits"),
    "left": ("左侧上下文", "Left context"),
    "match": ("检索词", "Term"),
    "right": ("右侧上下文", "Right context"),
    "position": ("位置", "Position"),
    "file": ("文件", "File"),
    "path": ("完整路径", "Full path"),
    "count": ("出现次数", "Times"),
    "status": ("状态", "Status"),
    "articles": ("文章数（篇）", "Articles"),
    "reasons": ("原因", "Reasons"),
    "left_out": ("未计入的文字", "Text left out"),
    "warnings": ("提示", "Warnings"),
    "line": ("行号/记录号", "Line/record"),
    "kind": ("类别", "Kind"),
    "message": ("原因", "Reason"),
    "doc_id": ("编号", "ID"),
    "source": ("来源", "Source"),
    "same_as": ("保留的那一篇（编号）", "Kept article (ID)"),
    "same_as_source": ("保留的那一篇（来源）", "Kept article (source)"),
    "reason": ("重复原因", "Why a repeat"),
    "label": ("主题", "Theme"),
    "description": ("说明", "What it covers"),
    "core_terms": ("核心词（权重更高）", "Core terms (weigh more)"),
    "terms": ("词语", "Terms"),
    "patterns": ("模式（正则表达式）", "Patterns (regular expressions)"),
    "counter_terms": ("反向词（所在段落以其为主时不计本主题）",
                      "Counter terms (a paragraph they dominate is not counted)"),
    "home_only": ("仅计国内（境外段落不计）", "Home only (not counted in paragraphs abroad)"),
    "n_terms": ("词语和模式数", "Terms and patterns"),
}


COUNT_COLUMNS = frozenset({"n_mentions", "n_articles", "n_groups", "n_hits", "n_terms", "articles",
                           "left_out", "warnings", "count", "frequency", "docfreq", "group_articles"})
"""Columns of whole counts, shown with thousands separators (1,122) like the charts and captions."""


def column_config(columns, lang: Lang, *, hide: tuple[str, ...] = ("doc_id",)) -> dict[str, object]:
    """Streamlit column settings: labels in the interface language, dates as dates, ids hidden."""
    config: dict[str, object] = {}
    for column in columns:
        if column in hide:
            config[column] = None
            continue
        zh, en = COLUMN_LABELS.get(column, (column, column))
        name = en if lang == "en" else zh
        if column in {"date", "first_date", "last_date"}:
            config[column] = st.column_config.DateColumn(name, format="YYYY-MM-DD")
        elif column in COUNT_COLUMNS:
            config[column] = st.column_config.NumberColumn(name, format="localized")
        elif column == "score":  # one decimal throughout, so 3.0 does not stand as 3 beside 3.4
            config[column] = st.column_config.NumberColumn(name, format="%.1f")
        elif column in {"left", "right", "sentence", "title"}:
            config[column] = st.column_config.TextColumn(name, width="large")
        else:
            config[column] = st.column_config.Column(name)
    return config


def pick_one(
    label_key: str,
    options: list[str],
    *,
    key: str,
    prefix: str,
    lang: Lang,
    default: str | None = None,
    where: object = st,
) -> str:
    """A row of toggle buttons labelled ``t(f"{prefix}_{option}")``; never returns nothing.

    A segmented control can be switched off by clicking its active button; the default
    then stands, so a chart always has a period, measure or level.
    """
    chosen = default or options[0]
    value = where.segmented_control(
        t(label_key, lang),
        options,
        default=chosen,
        key=key,
        format_func=lambda option: t(f"{prefix}_{option}", lang),
        persist_state=KEEP,
    )
    return value or chosen


def show_table(
    table: pd.DataFrame,
    *,
    key: str,
    lang: Lang,
    hide: tuple[str, ...] = ("doc_id",),
    column_options: dict[str, dict[str, object]] | None = None,
    **kwargs: object,
) -> object:
    """A full-width dataframe without the index, columns labelled in the interface language.

    ``column_options`` adjusts some columns' settings, e.g. ``{"title": {"width": "large"}}``
    (``width``: small, medium or large; ``alignment``: left, center or right).

    On the English page the analysis tables' own words for "no place" and "not split"
    (未知, 全部) are shown in English; downloads keep the data as computed. In rows tall
    enough to wrap (``row_height``), text is broken into lines here, never before 。，、
    (:func:`ui.table_layout.broken_cells`), in a table as wide as its columns
    (:func:`ui.table_layout.fixed_widths`).
    """
    config = _adjusted(column_config(table.columns, lang, hide=hide), column_options or {})
    shown, width = table_in_language(table, lang), "stretch"
    if kwargs.get("row_height", 0) > WRAPS_ABOVE:  # wrapped rows: lines broken here, off punctuation
        config, width = fixed_widths(shown, config, ticks="selection_mode" in kwargs)
        shown = broken_cells(shown, config)
    return st.dataframe(shown, width=width, hide_index=True, key=key, column_config=config, **kwargs)


def _adjusted(config: dict[str, object], options: dict[str, dict[str, object]]) -> dict[str, object]:
    for column, settings in options.items():
        if config.get(column) is not None:
            config[column] = {**config[column], **settings}
    return config


def table_in_language(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """``table`` with 未知/全部 cells (and list items) in ``lang``; the same frame in Chinese."""
    if lang != "en":
        return table

    def cell(value: object) -> object:
        if isinstance(value, str):
            return group_label(value, lang)
        if isinstance(value, list | tuple):
            return [group_label(v, lang) if isinstance(v, str) else v for v in value]
        return value

    shown = table.copy()
    for column in shown.columns:
        if shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = shown[column].map(cell)
    return shown
