"""Wrapped cells are broken into lines as the table draws them, never with 。，、；：」 starting a line."""

from __future__ import annotations

import pandas as pd

from analysis.line_breaks import NO_LINE_START
from ui.glyph_widths import char_px, text_px
from ui.line_breaks import break_lines, broken_text
from ui.table_layout import broken_cells, line_px

CJK = 14.0  # a Chinese character in a table cell, in pixels


def test_text_is_measured_as_the_table_draws_it():
    assert char_px("中") == char_px("，") == CJK and char_px("i") < char_px("m") < CJK
    assert text_px("revitalization") == sum(map(char_px, "revitalization")) and text_px(None) == 0


def test_lines_are_filled_as_far_as_the_width_goes():
    assert break_lines("一二三四五六七八九十", width=4 * CJK) == ["一二三四", "五六七八", "九十"]
    assert break_lines("短", width=4 * CJK) == ["短"]
    assert break_lines("", width=4 * CJK) == [""]


def test_closing_punctuation_never_starts_a_line_it_takes_the_character_before_with_it():
    assert break_lines("甲乙丙丁。戊己", width=4 * CJK) == ["甲乙丙", "丁。戊己"]
    assert break_lines("甲乙丙丁。」戊己", width=4 * CJK) == ["甲乙丙", "丁。」戊", "己"]
    for mark in "，、；：」）》？！":
        lines = break_lines(f"会议要求各地{mark}推进工作", width=6 * CJK)
        assert not any(line[:1] in NO_LINE_START for line in lines[1:]), (mark, lines)
    assert break_lines("他说……好", width=2 * CJK + 2 * char_px("…")) == ["他说……", "好"]
    assert break_lines("他说……好", width=2 * CJK + char_px("…")) == ["他", "说……", "好"]  # … never split


def test_an_opening_mark_never_ends_a_line():
    assert break_lines("甲乙丙「丁戊己", width=4 * CJK) == ["甲乙丙", "「丁戊己"]
    assert break_lines("甲乙丙《丁》", width=4 * CJK) == ["甲乙丙", "《丁》"]


def test_a_line_of_nothing_but_marks_is_broken_where_the_width_asks():
    assert break_lines("。。。。。", width=2 * CJK) == ["。。", "。。", "。"]


def test_latin_words_and_file_names_are_not_split_when_a_space_allows():
    words = "Rural revitalization work"
    assert break_lines(words, width=text_px("Rural revitaliz")) == ["Rural ", "revitalization ", "work"]
    assert break_lines("纯文本（.txt）后再载入", width=5 * CJK) == ["纯文本", "（.txt）后", "再载入"]


def test_the_text_s_own_line_breaks_stay_and_the_lines_joined_are_the_text_again():
    assert break_lines("会议结束。\n委员们，认为", width=4 * CJK) == ["会议结", "束。", "委员们，", "认为"]
    text = "本报讯（记者 Li Si）6月14日，县政协组织委员视察“生态环境”保护工作……委员们认为：要久久为功。"
    for width in range(14, 400, 7):
        assert "".join(break_lines(text, width=width)) == text


def test_only_text_wider_than_its_line_is_broken():
    assert broken_text("甲乙丙", width=3 * CJK) == "甲乙丙"
    assert broken_text("甲乙丙。丁", width=3 * CJK) == "甲乙\n丙。丁"
    assert broken_text(None, width=3 * CJK) is None and broken_text(3, width=3 * CJK) == 3


def test_a_table_s_cells_are_broken_by_their_column_s_width_in_pixels_or_by_name():
    assert line_px(160) == 140 and line_px("large") == 380
    assert line_px("auto") is None and line_px(None) is None
    text = "一二三四五六七八九十。十一"
    table = pd.DataFrame({"left": [text], "right": [text], "n": [1]})
    shown = broken_cells(table, {"left": {"width": 160}, "right": {"label": "右"}, "n": {"width": 20}})
    assert shown["left"].tolist() == ["一二三四五六七八九\n十。十一"]
    assert shown["right"].tolist() == [text] and shown["n"].tolist() == [1]
    assert table["left"].tolist() == [text]  # the argument is left as it was


def test_a_space_where_a_line_is_full_ends_that_line_and_never_starts_the_next():
    assert break_lines("Rural revitalization work", width=text_px("revitalization")) == ["Rural ", "revitalization ", "work"]
    assert break_lines("甲乙\u3000丙丁", width=2 * CJK) == ["甲乙\u3000", "丙丁"]
    text = "本报讯（记者 Li Si）6月14日，县政协\u3000组织委员视察 a sentence that wraps 生态环境"
    for width in range(14, 400, 5):
        lines = break_lines(text, width=width)
        assert "".join(lines) == text and not any(line[:1].isspace() for line in lines[1:]), (width, lines)


def test_carriage_returns_end_a_line_as_a_newline_does():
    newline = break_lines("会议结束。\n委员们，认为\n好", width=4 * CJK)
    assert break_lines("会议结束。\r\n委员们，认为\r好", width=4 * CJK) == newline
    assert broken_text("甲\r\n乙\r丙", width=10 * CJK) == "甲\n乙\n丙"


def test_words_of_any_script_that_is_not_wide_are_not_split_when_a_space_allows():
    assert break_lines("Le résumé final", width=text_px("résumé ")) == ["Le ", "résumé ", "final"]
    assert break_lines("Сельское хозяйство", width=text_px("Сельское хоз")) == ["Сельское ", "хозяйство"]
    assert break_lines("中文ábc", width=text_px("中文áb")) == ["中文", "ábc"]


def test_one_mechanism_breaks_terminal_columns_and_table_pixels_by_the_same_rules():
    from analysis import line_breaks
    from analysis.cli_parser import wrap_by_columns

    text = "长文档（3,000 字及以上）的每一段"
    columns = line_breaks.break_lines(text, width=8)  # the default measure: two columns a wide character
    assert columns == ["长文档", "（3,000 ", "字及以", "上）的每", "一段"]  # （ opens a line, ） never does
    assert wrap_by_columns(text, 8) == [line.rstrip() for line in columns]  # the CLI strips the hanging space
    cells = break_lines(text, width=4 * CJK)  # the same rules, measured in the table's pixels
    assert cells == line_breaks.break_lines(text, width=4 * CJK, measure=char_px)
