"""Stories abroad: home_only themes lose their hits in paragraphs about another country.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import tomllib

import pandas as pd
import pytest
from conftest import corpus_path

from analysis.schema import build_articles
from analysis.theme_dictionary import ThemeDictionaryError, load_themes, parse_themes
from analysis.themes import assign_themes, match_themes, score_texts, score_themes

# police is about China's own governance, disaster is topical: a flood abroad is still a flood
ABROAD = """\
threshold = 4.0
min_hits = 1
length_floor = 100
length_cap = 1000
title_weight = 2.0

[abroad]
terms = ["当地时间", "美国", "甲国"]
home_terms = ["中国", "我省"]

[[themes]]
id = "police"
label = "治安"
label_en = "Police"
description = "police work"
home_only = true
terms = ["警察", "法院"]

[[themes]]
id = "disaster"
label = "灾害"
label_en = "Disaster"
description = "floods"
terms = ["洪水"]
"""


def fixture_themes(text: str = ABROAD):
    return parse_themes(tomllib.loads(text), source="fixture")


@pytest.mark.parametrize(
    ("title", "text", "police_terms"),
    [
        ("", "美国警察在法院外开枪。", []),  # the paragraph is abroad
        ("", "当地时间3日，警察封锁了法院。", []),  # 当地时间 says so too
        ("", "我省警察走进法院旁听。", ["警察", "法院"]),  # at home
        ("", "中国警察与美国警察开展交流。", ["警察", "警察"]),  # one home word brings it home
        ("美国多地爆发抗议", "警察驱散人群，法院暂停开庭。", []),  # the title places every paragraph
        ("中国驻美国大使馆提醒", "警察提醒游客注意安全。", ["警察"]),  # a title about China
        ("美国抗议持续", "警察驱散人群。\n中国警方表示，法院将依法审理。", ["法院"]),  # a home paragraph
        ("美国警察开枪", "", []),  # the title's own hits go
        # a bundle: the paragraph abroad loses its hits, the one at home keeps them
        ("快讯", "我省警察破获一起案件。\n甲国警察逮捕两名嫌犯。", ["警察"]),
        # a title naming no place takes its lead's abroad: the title's hits go; the text's
        # paragraphs keep their own places
        ("警察开枪", "美国警察在法院外开枪。", []),
        ("警察开枪", "美国警察在法院外开枪。\n警察随后撤离。", ["警察"]),
        # a lead at home gives the title nothing: it keeps its hits, as before
        ("警察执勤", "我省警察在法院外执勤。\n美国警察开枪。", ["警察", "警察", "法院"]),
    ],
)
def test_a_home_only_theme_loses_its_hits_in_a_paragraph_abroad(title, text, police_terms):
    themes = fixture_themes()
    article = build_articles([{"doc_id": "x", "title": title, "text": text, "source": "t"}])
    hits = match_themes(article, themes=themes)
    assert hits.loc[hits["theme"] == "police", "term"].tolist() == police_terms
    pd.testing.assert_frame_equal(score_themes(article, hits, themes=themes), score_themes(article, themes=themes))
    arrays = score_texts([title], [text], themes=themes)
    assert arrays.n_hits.tolist() == score_themes(article, themes=themes)["n_hits"].tolist()


def test_a_local_story_about_foreign_visitors_keeps_its_home_themes():
    # written for this test: the lead names the visitors' country, the paragraphs after it
    # are the county's own investment drive
    title, text = ("外商来高新区考察洽谈", "6月5日，德国某汽车零部件公司总裁一行到高新区考察。\n"
                   "高新区坚持招商引资一号工程，优化营商环境，推动项目落地。\n双方就投资合作进行了洽谈，招商引资成效明显。")
    article = build_articles([{"doc_id": "x", "title": title, "text": text, "source": "t"}])
    assert "investment" in assign_themes(article, themes=load_themes()).iloc[0]


def test_topical_themes_keep_their_hits_abroad_and_nothing_changes_without_the_table():
    themes = fixture_themes()
    article = build_articles([{"doc_id": "x", "title": "美国洪水", "text": "洪水冲毁法院，警察救人。",
                               "source": "t"}])
    assert match_themes(article, themes=themes)["term"].tolist() == ["洪水", "洪水"]
    plain = fixture_themes(ABROAD.replace('home_only = true\n', ''))
    assert plain.matcher.abroad is None
    assert match_themes(article, themes=plain)["term"].tolist() == ["洪水", "洪水", "法院", "警察"]


def test_an_ignore_phrase_hides_the_abroad_term_inside_it():
    """甲国 stands in for a country whose name hides in a Chinese word (海地 in 沿海地区)."""
    text = "甲国际警察走进法院。"  # 甲国际: no 甲国
    ignoring = fixture_themes(ABROAD.replace('home_terms = ["中国", "我省"]',
                                             'home_terms = ["中国", "我省"]\nignore = ["甲国际"]'))
    article = build_articles([{"doc_id": "x", "title": "", "text": text, "source": "t"}])
    assert match_themes(article, themes=fixture_themes())["term"].tolist() == []
    assert match_themes(article, themes=ignoring)["term"].tolist() == ["警察", "法院"]
    # the phrase hides only its own letters: 甲国 elsewhere in the paragraph still places it abroad
    article = build_articles([{"doc_id": "x", "title": "", "text": text + "甲国警察", "source": "t"}])
    assert match_themes(article, themes=ignoring)["term"].tolist() == []


def test_the_shipped_ignore_phrases_keep_domestic_paragraphs_at_home():
    rule = load_themes().matcher.abroad
    # written for this test: the coast, sand control, China's Korean minority, law enforcement
    titles = ["东部沿海地区产业转移", "防沙治沙特别是三北工程", "延边朝鲜族自治州", "创新执法方式", "海地发生地震"]
    assert rule.title_flags(titles).tolist() == [0, 0, 0, 0, 1]
    # and keep a story abroad abroad: 北京时间 is a clock, 上海合作组织 an organisation,
    # 朝鲜劳动党中央 and Iraq's 库尔德自治区 no home of China's
    abroad = ["加拿大林火北京时间今晨蔓延", "上海合作组织在阿斯塔纳开会", "朝鲜劳动党中央开会", "伊拉克库尔德自治区选举"]
    assert rule.title_flags(abroad).tolist() == [1, 0, 1, 1]


def test_the_glossary_says_which_themes_are_home_only():
    from analysis.theme_model import theme_glossary

    assert theme_glossary(fixture_themes())[["theme", "home_only"]].values.tolist() == [
        ["police", True], ["disaster", False]]


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (("[abroad]\n", "[abroad]\nregions = [\"亚洲\"]\n"), "themes_abroad_unknown_key"),
        (('home_terms = ["中国", "我省"]', 'home_terms = ["中国", "美国"]'), "themes_abroad_both"),
        (('terms = ["当地时间", "美国", "甲国"]', 'terms = "美国"'), "themes_abroad_bad_list"),
        (('terms = ["当地时间", "美国", "甲国"]', 'terms = ["美"]'), "theme_term_single_character"),
        (("home_only = true", 'home_only = "yes"'), "theme_bad_home_only"),
        (('home_terms = ["中国", "我省"]', 'home_terms = ["中国", "我省"]\nignore = ["美国"]'), "themes_abroad_ignored"),
        (('home_terms = ["中国", "我省"]', 'home_terms = ["中国", "我省"]\nignore = "沿海地区"'),
         "themes_abroad_bad_list"),
    ],
)
def test_a_malformed_abroad_table_or_home_only_mark_is_named(edit, code):
    with pytest.raises(ThemeDictionaryError) as raised:
        fixture_themes(ABROAD.replace(*edit, 1))
    assert code in [p.code for p in raised.value.problems]


@pytest.mark.parametrize(
    ("title", "text", "kept", "gone"),
    [
        # a foreign police shooting is no story of China's grassroots governance
        ("美国又一男子遭警察暴力执法身亡", "当地时间某日，美国一名男子遭警察暴力执法身亡。当地法院和检察院介入调查，"
         "司法部称将审查执法记录。民众聚集在法院外抗议。", set(), {"grassroots_governance"}),
        # foreign farmers protesting their government are no rural revitalisation story
        ("某国农民集会抗议", "当地时间某日，德国数千名农民驾驶拖拉机在柏林集会，抗议政府取消农业补贴，农民收入下降。",
         set(), {"rural_revitalization"}),
        # the same words at home are
        ("某县警方破获电信诈骗案", "某县公安机关破获一起电信网络诈骗案，社区网格员协助调解矛盾纠纷，法院依法审判。",
         {"grassroots_governance"}, set()),
        # a county taking in industry from the coast: 沿海地区 is no Haiti (an [abroad] ignore phrase)
        ("某县承接产业转移", "某县积极承接东部沿海地区产业转移，招商引资签约项目12个，持续优化营商环境。",
         {"investment"}, set()),
        # a story abroad about China: 中国 brings it home
        ("中美执法合作", "中国与美国警方开展执法合作，将电信网络诈骗犯罪嫌疑人押解回国，依法审判。",
         {"grassroots_governance"}, set()),
    ],
)
def test_the_shipped_dictionary_keeps_home_themes_at_home(title, text, kept, gone):
    article = build_articles([{"doc_id": "x", "title": title, "text": text, "source": "t"}])
    assigned = set(assign_themes(article, themes=load_themes()).iloc[0])
    assert kept <= assigned and not gone & assigned


def test_the_shipped_home_words_do_not_hide_inside_foreign_names():
    rule = load_themes().matcher.abroad
    # 在华盛顿 is no 在华, 中美洲 no 中美, 台风桦加沙 no Gaza, 黑山峡 no Montenegro
    assert rule.title_flags(["特朗普对华盛顿", "中美洲议会", "台风桦加沙", "黄河黑山峡", "中美会谈"]).tolist() == [
        1, 1, 0, 0, 2]


@pytest.mark.corpus
def test_xwlb_international_bulletins_get_no_home_governance_theme():
    articles = load_articles_2023()
    themes = load_themes()
    articles["themes"] = assign_themes(articles, themes=themes)
    home_only = {t.id for t in themes.themes if t.home_only}
    bulletins = articles[articles["kicker"].fillna("").str.contains("国际联播快讯")]
    assert len(bulletins) > 1000
    # before the rule: 23 of 1,014 (17 grassroots_governance, 4 livelihood, 2 united_front);
    # in the whole 2012-2026 selection 38 of 1,474
    # the only ones left are China's own abroad (中国赴黎维和官兵: defense)
    at_home = bulletins[bulletins["themes"].map(lambda t: bool(home_only & set(t)))]
    assert at_home["title"].str.contains("中国").all() and len(at_home) <= 2
    # foreign news keeps its own themes
    assert bulletins["themes"].map(lambda t: "foreign_affairs" in t).sum() > 100
    # and the other items keep theirs: 182 grassroots_governance before, 170 after (the 12
    # lost were stand-alone foreign items: American police, Trump in court, a Korean trial)
    others = articles[~articles["kicker"].fillna("").str.contains("国际")]
    assert others["themes"].map(lambda t: "grassroots_governance" in t).sum() >= 165


def load_articles_2023() -> pd.DataFrame:
    from analysis.loading import load_articles

    return load_articles(sorted((corpus_path("xwlb-cctv-json") / "2023").glob("*.json"))).articles


@pytest.mark.parametrize(
    "edit",
    [
        ("home_only = true\n", ""),
        ('"当地时间", "美国", "甲国"', '"当地时间", "美国"'),
        ('home_terms = ["中国", "我省"]', 'home_terms = ["中国"]'),
        ('home_terms = ["中国", "我省"]', 'home_terms = ["中国", "我省"]\nignore = ["甲国际"]'),
    ],
)
def test_an_edit_of_the_abroad_rule_makes_stored_scores_stale(edit):
    from analysis.store.analyze import theme_fingerprint

    assert theme_fingerprint(fixture_themes(ABROAD.replace(*edit, 1))) != theme_fingerprint(fixture_themes())
