"""Slogans: quoted formulas and dictionary slogans, found, counted and placed."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.schema import build_articles
from analysis.slogans import (
    find_slogans,
    first_mentions,
    is_bare_quote,
    months_after_first,
    one_off_quotes,
    spread_curve,
    summarize_slogans,
)
from analysis.tokenize import build_tokenizer


@pytest.fixture(scope="module")
def tokenizer():
    return build_tokenizer()


@pytest.fixture
def articles():
    # Fixture text written for these tests.
    return build_articles(
        [
            {
                "doc_id": "a",
                "title": "定西市政协推进“三抓三促”行动",
                "text": "会议要求，持续做强工业经济，加力实施强工业行动，坚定拥护“两个确立”，"
                "当好“主力军”，打造“健康陇中”，推广“有事好商量”做法，推动百企兴百村，“健康陇中”见效。"
                "他说：“我们一定要把这项工作做好做实。”“要抓紧落实”。"
                "印发《关于推进“四强”行动的意见》。",
                "source": "t",
                "prefecture": "定西市",
                "date": "2024-06-12",
            },
            {
                "doc_id": "b",
                "title": None,
                "text": "三抓三促、三抓三促。",
                "source": "t",
                "prefecture": "临夏回族自治州",
                "date": "2024-05-01",
            },
            {"doc_id": "c", "title": None, "text": "", "source": "t"},
            {"doc_id": "d", "title": None, "text": "三抓三促", "source": "t"},
        ]
    )


def test_find_slogans(articles, tokenizer):
    out = find_slogans(articles, tokenizer=tokenizer)
    assert list(out.columns) == ["doc_id", "slogan", "quoted"]
    assert out.values.tolist() == [
        ["a", "三抓三促", True],  # in the title
        ["a", "两个确立", True],
        ["a", "健康陇中", True],  # four characters, quoted twice: a slogan outside the dictionary too
        ["a", "有事好商量", True],  # in the dictionary's slogan section
        ["a", "健康陇中", True],
        ["a", "四强", True],  # quoted inside a title in 《》: still a mention
        ["a", "强工业", False],  # 加力实施强工业行动; not 做强工业经济 (做强/工业)
        ["a", "百企兴百村", False],
        ["b", "三抓三促", False],
        ["b", "三抓三促", False],
        ["d", "三抓三促", False],
    ]
    # “主力军” (a 3-character word), “要抓紧落实” and the speech quotation are not slogans.
    assert out["quoted"].dtype == bool


def test_a_quoted_serial_name_is_a_term_but_no_slogan(tokenizer):
    text = "“嫦娥四号”完成探测，“深海一号”投产，会议强调“两个确立”。"
    one = pd.DataFrame({"doc_id": ["x"], "title": [""], "text": [text]})
    assert find_slogans(one, tokenizer=tokenizer)["slogan"].tolist() == ["两个确立"]
    assert {"嫦娥四号", "深海一号"} <= set(tokenizer.cut(text))


def test_a_quoted_word_or_name_of_the_not_slogans_section_is_a_term_but_no_slogan(tokenizer):
    # Written for this test: everyday words (一对一, 一站式, 绿色通道, 零的突破) and names
    # (a ship, a missile) in quotes, next to the formulas that stay slogans.
    text = ("开通“绿色通道”，提供“一对一”“一站式”帮扶，实现“零的突破”；"
            "“和平方舟”号医院船靠港，“风暴之影”导弹；推进“三抓三促”“放管服”和“百企兴百村”。")
    one = pd.DataFrame({"doc_id": ["x"], "title": [""], "text": [text]})
    assert find_slogans(one, tokenizer=tokenizer)["slogan"].tolist() == ["三抓三促", "放管服", "百企兴百村"]
    assert {"绿色通道", "一对一", "一站式", "零的突破", "和平方舟", "风暴之影"} <= set(tokenizer.cut(text))


@pytest.mark.parametrize(
    ("text", "slogans"),
    [
        # Written for this test: emphasis, names and a position opposed, beside two real formulas.
        ("天气“冷得可怕”，这条“智慧的路”越走越宽。委员们走上“委员通道”，“李志强班”官兵参加“良渚论坛”。"
         "坚决反对“台湾独立”，反对制造“两个中国”“一中一台”，“四人帮”被粉碎后，各地推进“三抓三促”，"
         "当好“乙类乙管”的排头兵，“甜甜圈”热卖。", ["三抓三促", "乙类乙管"]),
        # Written for this test, in the shapes the slogans table of ../shared/corpora held: a
        # storm's name and a nickname quoted twice, a metaphor of ordinary words, words quoted
        # from others, and idioms and names that only a numeral made look numbered.
        ("飓风“尼古拉斯”登陆，“尼古拉斯”减弱；“刀锋战士”出赛，“刀锋战士”夺冠。"
         "打造创新“热带雨林”，建设能源“高速公路”，对方称局势“令人绝望”。"
         "这只是“冰山一角”，扫描“二维码”，走进“十八洞村”，推进“三抓三促”和“百企兴百村”。", ["三抓三促", "百企兴百村"]),
    ],
)
def test_quoted_descriptions_names_and_listed_words_are_no_slogans(text, slogans, tokenizer):
    article = build_articles([{"doc_id": "x", "title": None, "text": text, "source": "t"}])
    assert find_slogans(article, tokenizer=tokenizer)["slogan"].tolist() == slogans


def test_a_bare_quotation_quoted_once_is_no_slogan(tokenizer):
    # Written for this test: “花开岭上” (a show's name) is quoted once, “跨村联建” twice in two
    # articles, “便民驿站” twice in one; numbered, parallel and dictionary slogans count once.
    articles = build_articles([
        {"doc_id": "x", "title": None, "source": "t",
         "text": "各地推进“跨村联建”，开展“花开岭上”展演，落实“两个确立”，推动“引大引强”，推广“有事好商量”。"},
        {"doc_id": "y", "title": None, "source": "t", "text": "深化“跨村联建”，“便民驿站”建成，“便民驿站”开放。"},
    ])
    out = find_slogans(articles, tokenizer=tokenizer)
    assert out["slogan"].tolist() == ["跨村联建", "两个确立", "引大引强", "有事好商量", "跨村联建", "便民驿站", "便民驿站"]
    assert is_bare_quote("花开岭上", tokenizer=tokenizer) and not is_bare_quote("两个确立", tokenizer=tokenizer)
    assert not is_bare_quote("有事好商量", tokenizer=tokenizer) and not is_bare_quote("引大引强", tokenizer=tokenizer)


def test_a_national_formula_quoted_once_is_a_slogan_and_found_unquoted_too(tokenizer):
    # Written for this test: each formula is quoted once, in articles of their own; they are
    # in the dictionary's slogans section, so neither bare nor dropped, and found unquoted.
    articles = build_articles([
        {"doc_id": "x", "title": None, "source": "t",
         "text": "心怀“国之大者”，推进“西电东送”，办好“接诉即办”，开展“花开岭上”展演。"},
        {"doc_id": "y", "title": None, "source": "t",
         "text": "全面推行河长制，深化“证照分离”，践行绿水青山就是金山银山理念，推动南水北调后续工程。"},
    ])
    out = find_slogans(articles, tokenizer=tokenizer)
    assert out[["doc_id", "slogan", "quoted"]].values.tolist() == [
        ["x", "国之大者", True], ["x", "西电东送", True], ["x", "接诉即办", True],
        ["y", "证照分离", True], ["y", "河长制", False], ["y", "绿水青山就是金山银山", False],
        ["y", "南水北调", False]]
    assert not any(is_bare_quote(p, tokenizer=tokenizer) for p in ("国之大者", "西电东送", "接诉即办", "一网通办"))
    assert is_bare_quote("花开岭上", tokenizer=tokenizer)


def test_the_rule_judges_each_slogan_once_on_all_its_mentions(tokenizer):
    counts = {"花开岭上": 1, "跨村联建": 2, "两个确立": 1, "有事好商量": 1, "主力军": 1}
    # a bare phrase quoted once goes, twice stays; numbered, dictionary and 3-character ones stay
    assert one_off_quotes(counts, tokenizer=tokenizer) == {"花开岭上"}
    # written for this test: the national formulas the real corpora quote once are listed
    article = build_articles([{"doc_id": "x", "title": None, "source": "t",
                               "text": "坚持“人民至上”，推动“投资于人”，实行“携号转网”，推进数实融合。"}])
    assert find_slogans(article, tokenizer=tokenizer)[["slogan", "quoted"]].values.tolist() == [
        ["人民至上", True], ["投资于人", True], ["携号转网", True], ["数实融合", False]]


def test_summarize_slogans(articles, tokenizer):
    mentions = find_slogans(articles, tokenizer=tokenizer)
    out = summarize_slogans(mentions, articles=articles, by="prefecture")
    assert list(out.columns) == [
        "slogan", "n_mentions", "n_articles", "first_date", "last_date", "n_groups", "groups",
    ]  # fmt: skip
    first = out.iloc[0]
    assert first["slogan"] == "三抓三促"
    assert (first["n_mentions"], first["n_articles"], first["n_groups"]) == (4, 3, 2)
    assert first["first_date"] == pd.Timestamp("2024-05-01")
    assert first["last_date"] == pd.Timestamp("2024-06-12")
    assert first["groups"] == ["临夏回族自治州", "定西市"]  # d has no prefecture
    rest = out.iloc[1:]
    assert rest["slogan"].tolist() == ["健康陇中", "两个确立", "四强", "强工业", "有事好商量", "百企兴百村"]
    assert rest["n_mentions"].tolist() == [2, 1, 1, 1, 1, 1]
    assert rest["groups"].tolist() == [["定西市"]] * 6


def test_summarize_by_month_and_no_mentions(articles, tokenizer):
    mentions = find_slogans(articles, tokenizer=tokenizer)
    by_month = summarize_slogans(mentions, articles=articles, by="month")
    assert by_month.iloc[0]["groups"] == ["2024-05", "2024-06"]
    empty = summarize_slogans(mentions.iloc[:0], articles=articles)
    assert empty.empty
    assert "groups" in empty.columns


def test_an_article_without_text_has_no_mentions(tokenizer):
    articles = build_articles([{"doc_id": "x", "text": "", "source": "t"}])
    out = find_slogans(articles, tokenizer=tokenizer)
    assert out.empty
    assert list(out.columns) == ["doc_id", "slogan", "quoted"]


def test_find_slogans_does_not_modify_articles(articles, tokenizer):
    before = articles.copy()
    find_slogans(articles, tokenizer=tokenizer)
    pd.testing.assert_frame_equal(articles, before)


def test_first_mentions_say_where_and_when_a_slogan_reached_each_place(articles, tokenizer):
    mentions = find_slogans(articles, tokenizer=tokenizer)
    out = first_mentions(mentions, articles=articles, slogans=["三抓三促", "强工业", "不存在"])
    assert list(out.columns) == ["slogan", "place", "first_date", "n_articles"]
    # 三抓三促: 临夏 on 05-01 (b), 定西 on 06-12 (a); d has no place and says nothing about where
    assert out.astype({"first_date": str}).values.tolist() == [
        ["三抓三促", "临夏回族自治州", "2024-05-01", 1],
        ["三抓三促", "定西市", "2024-06-12", 1],
        ["强工业", "定西市", "2024-06-12", 1],
    ]


def test_the_spread_curve_climbs_one_place_at_a_time_in_the_order_places_took_a_slogan_up():
    first = pd.DataFrame({
        "slogan": ["甲", "甲", "甲", "乙", "乙"],
        "place": ["兰州市", "白银市", "天水市", "酒泉市", "张掖市"],
        "first_date": pd.to_datetime(["2024-03-01", "2024-01-05", "2024-03-01", "2024-02-01", None]),
        "n_articles": [2, 1, 1, 4, 1],
    })
    curve = spread_curve(first)
    assert curve.astype({"date": str}).values.tolist() == [
        ["乙", "2024-02-01", "酒泉市", 1],  # 张掖's mention is undated: it cannot be placed in time
        ["甲", "2024-01-05", "白银市", 1],
        ["甲", "2024-03-01", "兰州市", 2],  # the same day: by name
        ["甲", "2024-03-01", "天水市", 3],
    ]
    assert spread_curve(first.iloc[:0]).empty


def test_months_after_the_first_place_count_from_each_slogan_s_own_start():
    first = pd.DataFrame({
        "slogan": ["甲", "甲", "乙", "乙"],
        "first_date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-03-01", None]),
    })
    # 60 days / 30.44 days a month = 2.0 months; 乙 starts on 03-01, so 0 there
    assert months_after_first(first).tolist()[:3] == [0.0, 2.0, 0.0]
    assert pd.isna(months_after_first(first).iloc[3])
