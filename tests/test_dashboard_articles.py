"""The 文章 tab: the list says when it is cut short, KWIC lines lead to their article, the
reader says which themes passed the threshold, and English mode lists things in English.

Pure functions are tested directly; the tab runs in AppTest on the demo corpus. AppTest
cannot tick a table row, so the tick's callback is tested as :func:`opened_by_tick` and
the tab is then driven through the state that callback writes (``art_pick``, ``art_mark``).
"""

from __future__ import annotations

import json
import os

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

os.environ.setdefault("GOVTHEMES_DEMO_ARTICLES", "600")  # before ui.sources reads it

from analysis.line_breaks import NO_LINE_START
from tests import test_store
from tests.conftest import REPO_ROOT
from tests.test_dashboard import matched
from ui.article_tables import (
    KWIC_SHOWN,
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
from ui.common import column_config
from ui.glyph_widths import text_px
from ui.html_view import FOCUS_STYLE, MARK_STYLE, highlight_html
from ui.line_breaks import break_lines
from ui.tab_articles import LIST_WIDTHS, THEME_LINE_UNITS
from ui.table_layout import (
    LINE_PX,
    ROW_PX,
    WRAP_ROW_HEIGHT,
    broken_cells,
    fitted_widths,
    fixed_widths,
    wrapped_cells,
    wrapped_column,
)

LABELS = {"consultation": "协商议政", "proposals": "提案工作", "rural": "乡村振兴"}


# ---- pure functions ---------------------------------------------------------------------

def test_theme_lists_are_joined_in_the_interface_language():
    assert join_themes(["consultation", "rural"], LABELS, "zh") == "协商议政、乡村振兴"
    assert join_themes(["a", "b"], {"a": "Consultation", "b": "Proposals"}, "en") == "Consultation, Proposals"
    assert join_themes(None, LABELS, "en") == ""
    assert join_themes(["unknown"], LABELS, "zh") == "unknown"


def test_a_list_cell_holds_the_themes_that_fit_and_says_how_many_there_are_in_all():
    labels = {f"t{i}": name for i, name in enumerate(["协商议政", "乡村振兴与帮扶", "生态文明与环境", "教育"])}
    assert theme_cell(["t0", "t3"], labels, "zh", room=20) == "协商议政、教育"  # 14 units: whole
    assert theme_cell([], labels, "zh", room=20) is None and theme_cell(None, labels, "en", room=20) is None  # —
    assert theme_cell(list(labels), labels, "zh", room=42) == "协商议政、乡村振兴与帮扶……（共 4 个主题）"  # 46 wide
    assert text_px(theme_cell(list(labels), labels, "zh", room=40)) / 7 <= 40
    english = theme_cell(list(labels), {"t0": "Consultation", "t1": "Rural", "t2": "Ecology", "t3": "Education"},
                         "en", room=32)  # measured as drawn: 33 of 7 px whole, 31.7 cut
    assert english == "Consultation, Rural… (4 themes in all)"
    assert theme_cell(None, labels, "zh", room=10) is None
    long = {"t0": "Consultation and deliberation", "t1": "Education"}  # the first does not fit with the count
    # a first theme too long for the cell with the count is cut, so the count stays in the cell
    assert theme_cell(["t0", "t1"], long, "en", room=34) == "Consultation and deli… (2 themes in all)"
    assert text_px(theme_cell(["t0", "t1"], long, "en", room=34)) / 7 <= 34


def test_an_untitled_article_is_named_by_the_start_of_its_text_marked_untitled():
    table = pd.DataFrame({"doc_id": ["a", "b", "c"], "title": ["政协会议", None, None],
                          "lead": [None, "12月10日,市政协召开座谈会", None]}).astype("string")
    assert titled(table, "zh")["title"].tolist() == ["政协会议", "（无标题）12月10日,市政协召开座谈会…", pd.NA]
    assert titled(table, "en")["title"].tolist()[1] == "(untitled) 12月10日,市政协召开座谈会…"
    assert "lead" not in titled(table, "zh").columns


def test_a_later_paragraph_of_a_split_report_is_named_by_the_report_and_its_lead():
    table = pd.DataFrame({"doc_id": ["r#p1", "r#p2"], "title": ["甘肃省政府工作报告"] * 2,
                          "lead": [None, "过去一年，全省上下"]}).astype("string")
    assert titled(table, "zh")["title"].tolist() == ["甘肃省政府工作报告", "甘肃省政府工作报告：过去一年，全省上下…"]
    assert titled(table, "en")["title"].tolist()[1] == "甘肃省政府工作报告: 过去一年，全省上下…"


def test_picker_labels_tell_articles_apart():
    table = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d", "e"],
        "title": ["政协会议", "政协会议", "政协会议", "视察", None],
        "date": pd.to_datetime(["2024-01-05", "2024-01-06", "2024-01-06", None, "2024-02-01"]),
        "locality": ["兰州市", "兰州市", "兰州市", None, "临夏州"],
    })
    assert article_labels(table) == {
        "a": "政协会议 · 2024-01-05 · 兰州市",
        "b": "政协会议 · 2024-01-06 · 兰州市 · b",  # same title, day and place: the id tells them apart
        "c": "政协会议 · 2024-01-06 · 兰州市 · c",
        "d": "视察",
        "e": "e · 2024-02-01 · 临夏州",  # no title: the id stands in
    }


def test_a_column_with_one_value_in_every_row_is_named_once():
    table = pd.DataFrame({"outlet": ["甲报", "甲报"], "locality": ["兰州市", "城关区"], "x": [None, None]})
    assert constant_columns(table, ["outlet", "locality", "x", "absent"]) == {"outlet": "甲报", "x": None}
    assert constant_columns(table.head(1), ["outlet"]) == {}  # one row: nothing to compare


def test_a_tick_opens_its_row_and_untick_closes():
    ids = ["a", "b", "c"]
    assert opened_by_tick([1], ids, None) == ("b", None)
    assert opened_by_tick([2], ids, "协商") == ("c", "协商")
    assert opened_by_tick([], ids, "协商") == (None, None)
    assert opened_by_tick([7], ids, None) == (None, None)  # a stale row after the data changed


def test_the_picker_offers_the_open_article_even_beyond_the_table():
    listed = ["a", "b"]
    assert picker_options(listed, ["a", "b", "z"], "z") == (["z", "a", "b"], "z")  # from a KWIC line
    assert picker_options(listed, ["a", "b", "z"], "b") == (["a", "b"], "b")
    assert picker_options(listed, ["a", "b"], "gone") == (["a", "b"], None)  # filtered away: closed
    assert picker_options(listed, ["a", "b"], None) == (["a", "b"], None)


def test_kwic_lines_carry_their_articles_title_date_and_place():
    lines = pd.DataFrame({"doc_id": ["b", "a", "b"], "field": ["title", "text", "text"], "left": ["x", "y", "z"],
                          "match": ["协商"] * 3, "right": ["1", "2", "3"], "position": [0, 5, 9]})
    heads = pd.DataFrame({"doc_id": ["a", "b"], "date": pd.to_datetime(["2024-01-05", None]),
                          "title": ["甲", "乙"], "locality": ["兰州市", None], "outlet": ["报", "报"]})
    out = kwic_rows(lines, heads, "zh")
    assert list(out.columns) == list(KWIC_SHOWN)
    assert out["found_in"].tolist() == ["标题", "正文", "正文"]  # where each line stands
    assert kwic_rows(lines, heads, "en")["found_in"].tolist() == ["Title", "Text", "Text"]
    assert out["doc_id"].tolist() == ["b", "a", "b"]  # the lines' order
    assert out["title"].tolist() == ["乙", "甲", "乙"]
    assert out["locality"].isna().tolist() == [True, False, True]
    assert out["position"].tolist() == [0, 5, 9]


SCORES = pd.DataFrame({"theme": ["consultation", "proposals", "rural"], "n_hits": [2, 1, 2],
                       "score": [5.0, 0.5, 8.04], "assigned": [True, False, True]})
HITS = pd.DataFrame({
    "theme": ["consultation", "rural", "consultation", "proposals", "rural"],
    "term": ["协商会", "乡村振兴", "协商", "建议", "乡村振兴"],
    "sentence_index": [0, 1, 1, 2, 2],
    "sentence": ["兰州市政协召开协商会议", "会议围绕乡村振兴开展协商。", "会议围绕乡村振兴开展协商。",
                 "委员建议加强乡村振兴。", "委员建议加强乡村振兴。"],
    "start": [7, 4, 10, 2, 6],
})


def test_a_left_context_cut_after_a_full_stop_is_shown_from_the_next_sentence():
    lines = pd.DataFrame({"left": ["。\n会议强调，要", "扶。\n州政协", "，", None], "right": ["，建设"] * 4})
    shown = kwic_shown(lines)
    assert shown["left"].tolist()[:3] == ["会议强调，要", "扶。\n州政协", "，"]  # only punctuation: kept
    assert shown["right"].tolist() == lines["right"].tolist()  # what follows the term is read as it is
    assert lines["left"].iloc[0] == "。\n会议强调，要"  # the CSV's lines are left whole
    marked = kwic_shown(pd.DataFrame({"left": ["。¶会议强调"], "right": ["，建设¶下一段"]}))
    assert marked["left"].tolist() == ["¶会议强调"]  # the term's paragraph starts at 会议: the mark stays


def test_the_kwic_caption_explains_the_paragraph_mark_only_when_a_context_shows_one():
    assert paragraph_marked(pd.DataFrame({"left": ["会上", None], "right": ["，有序¶下一段", "。"]}))
    assert not paragraph_marked(pd.DataFrame({"left": ["会上 ", None], "right": ["，有序", None]}))


def test_theme_scores_say_which_themes_passed_the_threshold():
    out = score_rows(SCORES, LABELS, "zh", order=["rural", "consultation"])
    assert out.to_dict("list") == {
        "theme": ["乡村振兴", "协商议政", "提案工作"],  # assigned first, in the article's order
        "result": ["归入", "归入", "未达阈值"],
        "score": [8.0, 5.0, 0.5],
        "n_hits": [2, 2, 1],
    }
    english = score_rows(SCORES, {}, "en")  # no order given: assigned by score, then the rest
    assert english[["theme", "result"]].values.tolist() == [
        ["rural", "assigned"], ["consultation", "assigned"], ["proposals", "below threshold"]]


def test_theme_scores_show_one_decimal_and_their_unit():
    zh, en = column_config(["score"], "zh")["score"], column_config(["score"], "en")["score"]
    assert zh["type_config"]["format"] == "%.1f"  # 3.0 beside 3.4, not 3
    assert (zh["label"], en["label"]) == ("得分（每千字）", "Score (per 1,000 characters)")


def test_hits_are_grouped_by_theme_with_plain_sentence_numbers():
    out = hit_rows(HITS, SCORES, LABELS, "zh", order=["rural", "consultation"])
    assert list(out.columns) == ["theme", "result", "term", "found_in", "sentence"]
    assert out[["theme", "result", "term", "found_in"]].values.tolist() == [
        ["乡村振兴", "归入", "乡村振兴", "第 1 句"],
        ["乡村振兴", "归入", "乡村振兴", "第 2 句"],
        ["协商议政", "归入", "协商会", "标题"],
        ["协商议政", "归入", "协商", "第 1 句"],
        ["提案工作", "未达阈值", "建议", "第 2 句"],
    ]
    english = hit_rows(HITS, SCORES, {}, "en")
    assert english["found_in"].tolist()[:2] == ["Sentence 1", "Sentence 2"]
    assert "Title" in english["found_in"].tolist()
    assert english.loc[english["theme"] == "proposals", "result"].tolist() == ["below threshold"]


def test_the_kwic_term_is_boxed_everywhere_even_inside_a_theme_term():
    html = highlight_html("召开<b>协商会</b>，协商", ["协商会"], focus="协商")
    focus = f'<mark style="{FOCUS_STYLE}">协商</mark>'
    assert html.count(focus) == 2  # inside the theme term 协商会 too
    assert "&lt;b&gt;" in html and "<b>" not in html  # the text stays text
    assert "协商会</mark>" not in html  # the boxed term wins over the theme term around it
    plain = highlight_html("召开协商会", ["协商会"])
    assert plain == f'<p>召开<mark style="{MARK_STYLE}">协商会</mark></p>'


# ---- the store's part --------------------------------------------------------------------

# ``store``: the tiny hand-counted corpus of tests/test_store.py, indexed once per module.
store = test_store.store


def test_articles_by_id_in_the_order_asked(store):
    out = store.articles_by_id(["t3", "nope", "t1", "t3"])
    assert out["doc_id"].tolist() == ["t3", "t1"]
    assert out["title"].tolist() == ["临夏州政协调研", "兰州市政协召开协商会议"]
    assert store.articles_by_id([]).empty


def test_only_untitled_articles_get_a_lead_from_their_text(store):
    listed = store.list_articles().set_index("doc_id")
    assert listed.loc["t5", "lead"] == "省政协召开会议。"
    assert listed.drop(index="t5")["lead"].isna().all()


def test_theme_scores_of_one_article_agree_with_its_themes(store):
    scores = store.theme_scores("t1")
    assert list(scores.columns) == ["theme", "n_hits", "score", "assigned"]
    assigned = set(scores.loc[scores["assigned"], "theme"])
    assert assigned == set(store.get_article("t1")["themes"])
    below = scores.loc[~scores["assigned"]]
    assert set(below["theme"]) <= set(store.theme_hits("t1")["theme"])
    assert (below["score"] < store.themes.threshold).all() or (below["n_hits"] < store.themes.min_hits).all()


# ---- the tab in AppTest ------------------------------------------------------------------

@pytest.fixture(scope="module")
def tab(monkeypatch_module):
    import ui.tab_articles as tab_articles

    exports: dict[str, pd.DataFrame] = {}
    real = tab_articles.download_table

    def record(table, *, name, key, lang, label):
        exports[key] = table
        real(table, name=name, key=key, lang=lang, label=label)

    real_table = tab_articles.show_table

    def drawn(table, *, key, lang, **options):  # the options each table is drawn with, by key
        exports[f"options:{key}"] = options
        return real_table(table, key=key, lang=lang, **options)

    monkeypatch_module.setattr(tab_articles, "LIST_LIMIT", 100)
    monkeypatch_module.setattr(tab_articles, "download_table", record)
    monkeypatch_module.setattr(tab_articles, "show_table", drawn)
    at = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=240)
    at.run()
    assert not at.exception, at.exception
    return at, exports


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def captions(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def table_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first table with this column (a table that cannot be selected carries no key)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def open_listed(at: AppTest, row: int) -> list[str]:
    """Open the article of the list's ``row`` as the picker does; return the list's ids."""
    listed = at.dataframe(key="art_table").value["doc_id"].tolist()
    at.session_state["art_pick"], at.session_state["art_mark"] = listed[row], None
    at.run()
    assert not at.exception, at.exception
    return listed


@pytest.mark.slow
def test_the_list_says_it_is_cut_short_and_the_export_has_every_article(tab):
    at, exports = tab
    total = matched(at)
    assert total > 100
    assert f"显示前 100 篇，共 {total:,} 篇（按日期从新到旧）；可缩小筛选范围，或导出全部为 CSV" in captions(at)
    assert len(at.dataframe(key="art_table").value) == 100
    at.toggle(key="art_export").set_value(True).run()
    assert not at.exception, at.exception
    assert len(exports["dl_articles"]) == total
    assert exports["dl_articles"]["doc_id"].is_unique
    at.toggle(key="art_export").set_value(False).run()


def test_a_column_is_as_wide_as_its_longest_cell_up_to_a_limit():
    table = pd.DataFrame({"title": ["短", "临夏州政协围绕十五五规划编制建言献策"], "themes": ["Ecology", None]})
    assert fitted_widths(table, {"title": 480, "themes": 100, "absent": 50}) == {
        "title": {"width": 36 * 7 + 20}, "themes": {"width": 80}}  # 18 wide characters; at least 80
    assert fitted_widths(table, {"title": 200})["title"] == {"width": 200}


def test_a_cell_wider_than_its_column_wraps_the_rows_instead_of_being_cut():
    table = pd.DataFrame({"title": ["短", "临夏州政协围绕十五五规划编制建言献策"], "n": [1, 2]})  # 18 wide: 272 px
    assert wrapped_cells(table, {"title": {"width": 272}}) == {}
    assert wrapped_cells(table, {"title": {"width": 200}, "absent": {"width": 10}}) == {
        "row_height": WRAP_ROW_HEIGHT, "height": 2 * WRAP_ROW_HEIGHT + 40}
    assert wrapped_cells(table, {"title": {"width": "large"}, "n": {"alignment": "right"}}) == {}


def test_a_column_sized_to_its_longest_cell_never_breaks_that_cell():
    # widths were rounded down, a fraction of a pixel short of Latin text: 'Xi Jinping visits \nGansu'
    table = pd.DataFrame({"title": ["Xi Jinping visits Gansu", "hello world this is a sentence", "共同富裕与乡村振兴a"]})
    assert broken_cells(table, fitted_widths(table, {"title": 480}))["title"].tolist() == table["title"].tolist()
    config, _ = fixed_widths(table, {"title": {}}, ticks=False)
    assert broken_cells(table, config)["title"].tolist() == table["title"].tolist()


def test_a_column_of_dates_with_a_missing_one_is_measured_without_it():
    # NaT is a datetime: formatting it raised and took every tab after Keywords down (real 新闻联播 store)
    table = pd.DataFrame({"first": pd.to_datetime(["2024-06-01", None]), "n": [3, None]})
    config, width = fixed_widths(table, {"first": {"label": "日"}, "n": {"label": "次"}}, ticks=False)
    assert config["first"]["width"] > config["n"]["width"]  # as wide as 2024-06-01, not as the missing date
    assert width == config["first"]["width"] + config["n"]["width"] + 2


def test_a_missing_number_is_measured_as_an_empty_cell_not_as_nan():
    from ui.table_layout import _as_shown

    assert _as_shown(float("nan")) == "" == _as_shown(np.float64("nan"))
    assert _as_shown(1234.5) == "1,234.5"


def test_wrapped_list_rows_grow_to_every_line_of_the_longest_title():
    title = "县政协" + "围绕乡村振兴和生态保护开展专题协商" * 4  # written for this test: 71 wide characters
    table = pd.DataFrame({"title": ["短", title]})
    lines = len(break_lines(title, width=340 - 20))
    assert lines == 4  # three lines showed only part of it
    assert wrapped_cells(table, {"title": {"width": 340}})["row_height"] == WRAP_ROW_HEIGHT + LINE_PX


def test_long_texts_wrap_onto_as_many_lines_as_the_longest_is_broken_into_up_to_five():
    assert wrapped_column(["短句"] * 3, width=400) == {}  # 380 px of text a line: 27 Chinese characters
    assert wrapped_column(["字" * 40, "短"], width=400) == {"row_height": WRAP_ROW_HEIGHT, "height": 2 * 78 + 40}
    assert wrapped_column(["字" * 100], width=400)["row_height"] == 98  # four lines
    assert wrapped_column(["字" * 81], width=400)["row_height"] == 78  # three full lines...
    assert wrapped_column(["字" * 26 + "一。" + "字" * 53], width=400)["row_height"] == 98  # ...four: 。 takes 一 along
    assert wrapped_column(["字" * 400] * 10, width=400) == {"row_height": 118, "height": 8 * 118 + 40}  # at most 5


@pytest.mark.slow
def test_the_list_shows_a_screenful_of_one_line_rows_and_wraps_them_on_request(tab):
    at, drawn = tab
    table = at.dataframe(key="art_table")
    widths = {column: config.get("width") for column, config in json.loads(table.proto.columns).items()}
    assert widths["title"] <= LIST_WIDTHS["title"] and widths["themes"] <= LIST_WIDTHS["themes"]
    assert sum(LIST_WIDTHS.values()) + 100 < 1000  # with the date: no sideways scrolling on a laptop
    assert table.proto.row_height == ROW_PX  # one line per article...
    assert drawn["options:art_table"]["height"] >= 21 * ROW_PX  # ...and twenty of them (and the header) at once
    assert max(map(text_px, table.value["themes"].dropna())) <= THEME_LINE_UNITS * 7  # the themes fit the line
    assert "阅读该文章的完整标题和正文" in captions(at)  # a title cut at the edge is read whole below
    at.toggle(key="art_wrap").set_value(True).run()
    wrapped = at.dataframe(key="art_table")
    longest = max(len(themes.replace("\n", "")) for themes in wrapped.value["themes"].dropna())
    assert longest * 14 + 20 > LIST_WIDTHS["themes"]  # the demo's longest theme list overflows a line...
    assert wrapped.proto.row_height == WRAP_ROW_HEIGHT  # ...and wraps onto three lines on request
    at.toggle(key="art_wrap").set_value(False).run()


@pytest.mark.slow
def test_the_outlet_shared_by_every_row_is_said_once_not_shown_as_a_column(tab):
    at, _ = tab
    shown = at.dataframe(key="art_table").value
    assert "outlet" not in shown.columns
    assert "媒体：甘肃政协报（合成演示数据）" in captions(at)
    assert "themes" in shown.columns and shown["themes"].str.contains("、").any()


@pytest.mark.slow
def test_a_term_that_never_occurs_says_so_with_the_number_searched(tab):
    at, _ = tab
    at.text_input(key="art_kwic_term").input("量子计算机").run()
    assert not at.exception, at.exception
    assert [i.value for i in at.info] == [f"“量子计算机”在所选的 {matched(at):,} 篇文章中没有出现。"]


@pytest.mark.slow
def test_a_kwic_line_opens_its_article_with_the_term_marked(tab, monkeypatch):
    at, exports = tab
    # AppTest cannot change a selectbox to a value its last run did not offer, so list
    # every article here; a line beyond the table is covered by picker_options above.
    monkeypatch.setattr("ui.tab_articles.LIST_LIMIT", 1000)
    at.text_input(key="art_kwic_term").input("协商").run()
    lines = at.dataframe(key="art_kwic_table").value
    assert list(lines.columns[:3]) == ["date", "title", "locality"] and lines["title"].notna().all()
    kwic_table = at.dataframe(key="art_kwic_table")
    widths = {column: config.get("width") for column, config in json.loads(kwic_table.proto.columns).items()}
    assert kwic_table.proto.row_height == WRAP_ROW_HEIGHT  # 20 characters of context wrap, not cut
    assert lines["left"].str.len().max() * 14 + 20 > widths["left"] == widths["right"]
    broken = [cell.split("\n") for column in ("left", "right", "title") for cell in lines[column]]
    assert any(len(cell) > 1 for cell in broken)  # broken into lines here, where the column wraps...
    assert not [cell for cell in broken if any(line[:1] in NO_LINE_START for line in cell[1:])]  # ...off 。，
    assert not lines["left"].str[:1].isin(NO_LINE_START).any()  # nor does a left context open on one
    assert "只显示最早的 300 处" in captions(at)
    marked = lines["left"].str.contains("¶") | lines["right"].str.contains("¶")
    assert marked.any() and "¶ 表示分段" in captions(at)  # the demo's paragraphs show, and the mark is said
    listed = at.dataframe(key="art_table").value["doc_id"].tolist()
    line = lines[lines["doc_id"].isin(listed)].iloc[5]  # a line of an article the list (and picker) holds
    at.session_state["art_pick"], at.session_state["art_mark"] = line["doc_id"], "协商"  # as the tick does
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="art_pick").value == line["doc_id"]
    assert "检索词“协商”" in captions(at)
    reader = "".join(h.proto.body for h in at.get("html"))
    assert line["title"].replace("\n", "") in reader and FOCUS_STYLE in reader  # (its cell broken into lines)
    assert list(at.session_state["art_table"]["selection"]["rows"]) == [listed.index(line["doc_id"])]
    at.toggle(key="art_kwic_export").set_value(True).run()
    everything = exports["dl_kwic"]
    assert len(everything) > 300 and {"doc_id", "title", "date", "locality", "position"} <= set(everything)
    assert everything["right"].str.contains("¶").any()  # the CSV marks paragraph breaks as the table does


@pytest.mark.slow
def test_picker_and_table_tick_stay_in_step(tab):
    at, _ = tab
    listed = open_listed(at, 3)
    assert list(at.session_state["art_table"]["selection"]["rows"]) == [3]
    if "art_kwic_table" in at.session_state:  # drawn once a KWIC term is set (an earlier test may set one)
        assert list(at.session_state["art_kwic_table"]["selection"]["rows"]) == []
    label = at.selectbox(key="art_pick").format_func(listed[3])
    row = at.dataframe(key="art_table").value.iloc[3]
    assert label.startswith(f"{row['title']} · {row['date']:%Y-%m-%d} · {row['locality']}")
    scores = table_with(at, "score")
    assert set(scores["result"]) <= {"归入", "未达阈值"}
    assert "阈值可在主题词典中调整" in captions(at) and "data/" not in captions(at)  # words, not a path
    scoring = next(c for c in at.caption if "阈值可在主题词典中调整" in c.value)
    assert "themes.toml" in scoring.proto.help  # the file, for whoever edits it
    hits = table_with(at, "sentence")
    assert list(hits.columns) == ["theme", "result", "term", "found_in", "sentence"]
    assert hits["found_in"].str.match(r"^(标题|第 \d+ 句)$").all()
    table = next(d for d in at.dataframe if "found_in" in d.value.columns)
    assert hits["sentence"].str.len().max() > 30 and table.proto.row_height > 64  # long sentences wrap
    lines = [sentence.split("\n") for sentence in hits["sentence"]]
    assert any(len(cell) > 1 for cell in lines)  # broken into lines here, none of them opening on 。，
    assert not [cell for cell in lines if any(line[:1] in NO_LINE_START for line in cell[1:])]


@pytest.mark.slow
def test_an_open_article_s_theme_scores_and_terms_each_download_as_csv(tab):
    at, exports = tab
    open_listed(at, 0)
    scores, hits = table_with(at, "score"), table_with(at, "sentence")
    pd.testing.assert_frame_equal(exports["dl_art_scores"].reset_index(drop=True), scores.reset_index(drop=True))
    assert len(exports["dl_art_hits"]) == len(hits)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "⬇ 下载 CSV：本文各主题的得分" in labels and "⬇ 下载 CSV：本文命中的主题词" in labels


@pytest.mark.slow
def test_english_lists_themes_with_commas(tab):
    at, _ = tab
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    themes = at.dataframe(key="art_table").value["themes"]
    assert not themes.str.contains("、").any() and themes.str.contains(", ").any()
    assert not themes.str.startswith("…").any()  # a cell too short for its themes names the first one
    assert "Showing the first 100 of" in captions(at)
    assert at.dataframe(key="art_table").proto.placeholder == "—"  # a missing outlet or place, not "None"
    at.session_state["lang"] = "zh"
    at.run()
