"""The theme dictionary: the shipped data/themes.toml, validation messages, term weights."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
import pytest

from analysis.theme_dictionary import (
    ThemeDictionaryError,
    default_themes_path,
    load_themes,
    parse_themes,
    theme_terms,
)
from analysis.theme_model import GLOSSARY_COLUMNS, theme_glossary
from tests.conftest import write_config

REQUIRED = {
    "party_building": "党的建设",
    "party_discipline": "党纪学习教育与作风建设",
    "consultation": "协商议政",
    "proposals": "提案工作",
    "member_duties": "委员履职与联系界别群众",
    "united_front": "统一战线与民族宗教",
    "ecology": "生态文明与环境",
    "industry": "工业与新质生产力",
    "investment": "招商引资与营商环境",
    "rural_revitalization": "乡村振兴与帮扶",
    "grassroots_governance": "基层治理与法治",
    "livelihood": "民生保障",
    "health": "医疗卫生",
    "education": "教育",
    "talent_sci_tech": "人才与科技创新",
    "culture": "文化与文旅",
    "reform": "全面深化改革",
    "water": "水资源与节水",
    "disaster_safety": "防灾减灾与安全",
}

SMALL = """\
threshold = 4.0
min_hits = 2

[[themes]]
id = "alpha"
label = "甲"
label_en = "Alpha"
description = "first"
terms = ["党纪", "警示教育"]
core_terms = ["党纪学习教育"]
patterns = ["党纪.{0,4}教育"]
weights = { "党纪.{0,4}教育" = 1.5 }

[[themes]]
id = "beta"
label = "乙"
label_en = "Beta"
description = "second"
terms = ["警示教育", "党支部"]
weights = { "党支部" = 0.5 }
"""


def write(tmp_path: Path, text: str) -> Path:
    return write_config(tmp_path, "themes.toml", textwrap.dedent(text))


def error_for(tmp_path: Path, text: str) -> str:
    with pytest.raises(ThemeDictionaryError) as caught:
        load_themes(write(tmp_path, text))
    return str(caught.value)


# --- the shipped dictionary -------------------------------------------------------------


def test_the_shipped_dictionary_loads_from_its_default_path():
    themes = load_themes()
    assert default_themes_path().name == "themes.toml"
    assert themes.path == str(default_themes_path())
    assert themes.version


def test_the_default_path_does_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_themes().ids == load_themes(default_themes_path()).ids


def test_an_analysts_copy_in_govthemes_data_takes_precedence(tmp_path, monkeypatch):
    write(tmp_path, SMALL)
    monkeypatch.setenv("GOVTHEMES_DATA", str(tmp_path))
    assert load_themes().ids == ("alpha", "beta")


def test_every_required_theme_is_there_with_its_chinese_label():
    themes = load_themes()
    labels = themes.labels
    for theme_id, label in REQUIRED.items():
        assert labels.get(theme_id) == label, theme_id
    assert {"foreign_affairs", "economy", "defense"} <= set(themes.ids)


def test_every_theme_has_dozens_of_specific_terms_and_a_description():
    themes = load_themes()
    for theme in themes.themes:
        assert len(theme.terms) + len(theme.core_terms) >= 30, theme.id
        assert theme.description and theme.label_en and theme.source, theme.id
        listed = set(theme.terms) | set(theme.core_terms)
        assert not listed & {"发展", "工作", "建设", "教育", "文化", "经济", "安全", "政协"}, theme.id


def test_the_shipped_scoring_settings_are_the_documented_ones():
    themes = load_themes()
    assert (themes.threshold, themes.min_hits) == (4.0, 2)
    assert (themes.length_floor, themes.length_cap) == (500, 5000)
    assert (themes.title_weight, themes.core_weight) == (2.0, 2.0)


# --- weights ----------------------------------------------------------------------------


def test_term_weights_are_base_weight_over_the_number_of_themes_listing_the_term(tmp_path):
    table = theme_terms(load_themes(write(tmp_path, SMALL)))
    expected = pd.DataFrame(
        [
            ("alpha", "党纪学习教育", "core", 2.0, 1, 2.0),
            ("alpha", "党纪", "term", 1.0, 1, 1.0),
            ("alpha", "警示教育", "term", 1.0, 2, 0.5),
            ("alpha", "党纪.{0,4}教育", "pattern", 1.5, 1, 1.5),
            ("beta", "警示教育", "term", 1.0, 2, 0.5),
            ("beta", "党支部", "term", 0.5, 1, 0.5),
        ],
        columns=["theme", "term", "kind", "base_weight", "n_themes", "weight"],
    )
    pd.testing.assert_frame_equal(table, expected, check_dtype=False)


def test_settings_left_out_take_the_documented_defaults(tmp_path):
    themes = load_themes(write(tmp_path, SMALL))
    assert (themes.threshold, themes.min_hits, themes.length_floor, themes.length_cap) == (4.0, 2, 500, 5000)
    assert themes.ids == ("alpha", "beta")
    assert themes.ignore == ()


# --- validation -------------------------------------------------------------------------


def test_a_duplicate_id_names_the_id_and_both_entries(tmp_path):
    message = error_for(tmp_path, SMALL.replace('id = "beta"', 'id = "alpha"'))
    assert "duplicate id 'alpha'" in message
    assert "theme #2 (id 'alpha', line 14)" in message
    assert "first used by theme #1" in message
    assert str(tmp_path / "themes.toml") in message


def test_every_problem_is_worded_in_chinese_for_the_dashboard_with_its_theme_and_line(tmp_path):
    broken = SMALL.replace('patterns = ["党纪.{0,4}教育"]', 'patterns = ["党纪(教育"]')
    broken = broken.replace('"党支部"]', '"党", "党支部"]')
    with pytest.raises(ThemeDictionaryError) as caught:
        load_themes(write(tmp_path, broken))
    chinese = caught.value.render("zh")
    assert chinese.startswith(f"{tmp_path / 'themes.toml'}:\n- 第 1 个主题（id 'alpha'，第 4 行）：模式 '党纪(教育' 不是")
    assert "\n- 第 2 个主题（id 'beta'，第 14 行）：词语 '党' 只有一个字，词语至少要两个字" in chinese
    assert "theme #2 (id 'beta', line 14): term '党' is a single character" in str(caught.value)


def test_empty_terms_are_refused(tmp_path):
    message = error_for(tmp_path, SMALL.replace('terms = ["警示教育", "党支部"]', "terms = []"))
    assert "theme #2 (id 'beta', line 14): terms must be a non-empty list" in message


def test_a_bad_regex_is_named_with_its_theme(tmp_path):
    message = error_for(tmp_path, SMALL.replace('patterns = ["党纪.{0,4}教育"]', 'patterns = ["党纪(教育"]'))
    assert "theme #1 (id 'alpha', line 4): pattern '党纪(教育' is not a valid regex" in message


def test_patterns_that_match_nothing_or_use_named_groups_are_refused(tmp_path):
    message = error_for(
        tmp_path, SMALL.replace('patterns = ["党纪.{0,4}教育"]', 'patterns = ["(?P<x>党)", "a*"]')
    )
    assert "uses named groups" in message
    assert "matches the empty string" in message


def test_unknown_keys_are_named_at_both_levels(tmp_path):
    message = error_for(
        tmp_path, "treshold = 3\n" + SMALL.replace('label_en = "Beta"', 'label_en = "Beta"\nterm = "x"')
    )
    assert "unknown top-level key 'treshold'" in message
    assert "theme #2 (id 'beta', line 15): unknown key 'term'" in message


def test_missing_keys_single_characters_and_punctuation_in_terms_are_refused(tmp_path):
    broken = SMALL.replace('description = "second"\n', "").replace('"党支部"]', '"党", "党支部。"]')
    message = error_for(tmp_path, broken)
    assert "missing key 'description'" in message
    assert "term '党' is a single character" in message
    assert "term '党支部。' contains a space or sentence punctuation" in message


def test_a_term_listed_twice_and_a_weight_for_an_unknown_term_are_refused(tmp_path):
    broken = SMALL.replace('terms = ["党纪", "警示教育"]', 'terms = ["党纪", "党纪"]')
    broken = broken.replace('{ "党支部" = 0.5 }', '{ "党员" = 0.5 }')
    message = error_for(tmp_path, broken)
    assert "term '党纪' is listed twice" in message
    assert "weights names '党员', which is not one of its terms or patterns" in message


def test_counter_terms_must_be_a_list_of_words_that_are_not_also_terms_of_the_theme(tmp_path):
    listed = SMALL.replace('weights = { "党支部" = 0.5 }', 'weights = { "党支部" = 0.5 }\ncounter_terms = ["党支部", "枪"]')
    message = error_for(tmp_path, listed)
    assert "'党支部' is both a term and a counter term of this theme" in message
    assert "term '枪' is a single character" in message
    assert "counter_terms must be a list of non-empty strings" in error_for(
        tmp_path, SMALL.replace('weights = { "党支部" = 0.5 }', 'counter_terms = "枪击"'))
    fine = load_themes(write(tmp_path, SMALL.replace('weights = { "党支部" = 0.5 }', 'counter_terms = ["枪击"]')))
    assert fine.themes[1].counter_terms == ("枪击",)


def test_bad_settings_and_ignore_conflicts_are_refused(tmp_path):
    broken = SMALL.replace("min_hits = 2", 'min_hits = 0\nlength_cap = "long"\nignore = ["党支部"]')
    message = error_for(tmp_path, broken)
    assert "min_hits must be int >= 1, got 0" in message
    assert "length_cap must be int >= 1, got 'long'" in message
    assert "term '党支部' is also in the top-level ignore list" in message


def test_a_toml_syntax_error_names_the_file_and_line(tmp_path):
    message = error_for(tmp_path, SMALL.replace('id = "beta"', 'id = "beta'))
    assert "not valid TOML" in message
    assert "line 15" in message


def test_a_missing_file_is_a_file_not_found_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_themes(tmp_path / "nope.toml")


def test_a_document_without_themes_is_refused():
    with pytest.raises(ThemeDictionaryError, match="themes must be a non-empty array"):
        parse_themes({"threshold": 1.0})


# --- the glossary the Themes tab shows ----------------------------------------------------


def test_the_glossary_says_what_each_theme_covers_in_the_page_language(tmp_path):
    themes = load_themes(write(tmp_path, SMALL.replace('description = "first"',
                                                        'description = "first"\ndescription_zh = "第一个"')))
    zh = theme_glossary(themes, lang="zh", shown_terms=1)
    assert list(zh.columns) == list(GLOSSARY_COLUMNS)
    assert zh.to_dict("records") == [
        {"theme": "alpha", "label": "甲", "description": "第一个", "core_terms": "党纪学习教育",
         "terms": "党纪……共 2 个", "patterns": "党纪.{0,4}教育", "counter_terms": "", "home_only": False,
         "n_terms": 4},
        {"theme": "beta", "label": "乙", "description": "second", "core_terms": "",  # no Chinese: as written
         "terms": "警示教育……共 2 个", "patterns": "", "counter_terms": "", "home_only": False,
         "n_terms": 2},
    ]
    en = theme_glossary(themes, lang="en")
    assert en[["label", "description", "terms"]].values.tolist() == [
        ["Alpha", "first", "党纪, 警示教育"], ["Beta", "second", "警示教育, 党支部"]]


def test_the_glossary_names_the_counter_terms_that_take_a_theme_s_hits_away():
    glossary = theme_glossary(load_themes(), lang="zh").set_index("theme")
    assert "空袭" in glossary.loc["health", "counter_terms"] and "枪击" in glossary.loc["education", "counter_terms"]
    assert glossary.loc["party_building", "counter_terms"] == ""


def test_every_shipped_theme_is_described_in_chinese_too():
    glossary = theme_glossary(load_themes(), lang="zh")
    assert glossary["description"].str.contains(r"[\u4e00-\u9fff]{6}").all()
    assert not glossary["description"].str.contains(r"\b[a-z]{4,}\b").any()  # no English sentence


def test_an_empty_chinese_description_is_named(tmp_path):
    message = error_for(tmp_path, SMALL.replace('description = "first"', 'description = "first"\ndescription_zh = ""'))
    assert "description_zh" in message and "alpha" in message
