"""Bare county names that are ordinary words stay in top terms; leaders' names are found."""

from analysis.common_words import common_words
from analysis.name_terms import count_name_contexts, load_name_lists, place_name_terms
from analysis.places import load_gazetteer

EVERY_PROVINCE = [f"{code}0000" for code in (11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
                                              43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65)]


def test_jieba_s_dictionary_tells_frequent_ordinary_words_from_places_and_names():
    assert common_words(["资源", "友好", "中方", "合作", "安乡", "长安", "玉门", "秦安"]) == {"资源", "友好", "中方", "合作"}
    assert common_words([]) == frozenset()


def test_a_national_corpus_keeps_county_names_that_are_ordinary_words():
    names = place_name_terms(load_gazetteer(), provinces=EVERY_PROVINCE)
    assert not {"资源", "友好", "中方", "城区"} & names  # 资源县, 友好区, 中方县, 城区: words first
    assert {"安乡", "安乡县", "资源县", "中方县", "北京", "长安"} <= names  # 长安 is a place to jieba too
    assert "合作市" in names and "合作" not in names


def test_a_test_double_decides_which_words_are_ordinary():
    names = place_name_terms(load_gazetteer(), provinces=["430000"], words=lambda forms: {"安乡"} & set(forms))
    assert "安乡" not in names and "安乡县" in names and "中方" in names


def test_leaders_are_named_before_their_titles_and_after_them():
    contexts = count_name_contexts(["习近平总书记强调，国务院总理李强出席。李强总理指出。赵乐际会见外宾。会议指出。"],
                                   lists=load_name_lists())
    assert contexts["习近平"] == 1 and contexts["李强"] == 3 and contexts["赵乐际"] == 1
    assert contexts["会议"] == 0  # 会 is no surname
