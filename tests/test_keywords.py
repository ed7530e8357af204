"""Keyword tables: every count, rate, TF-IDF and rank of a hand-countable corpus."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest

import analysis.keywords as keywords_module
from analysis.keywords import KEYWORD_COLUMNS, count_keywords, count_terms, iter_term_chunks
from analysis.paths import data_path
from analysis.schema import STRING_DTYPE, build_articles
from analysis.tokenize import build_tokenizer, tokenize_articles
from analysis.wordlists import read_stopwords
from tests.conftest import corpus_path

LN2, LN4 = math.log(2), math.log(4)


@pytest.fixture
def tokens():
    # 4 documents (N = 4), 25 word tokens in all.
    return pd.DataFrame(
        {
            "doc_id": ["d1", "d2", "d3", "d4"],
            "terms": [["乡村振兴", "协商", "乡村振兴"], ["协商", "提案"], [], ["提案", "提案", "生态"]],
            "n_tokens": [10, 5, 0, 10],
            "dict_version": "test",
        }
    )


@pytest.fixture
def articles():
    return build_articles(
        [
            {"doc_id": "d1", "text": "-", "source": "t", "prefecture": "兰州市",
             "date": "2024-06-03", "themes": ["乡村", "协商"]},
            {"doc_id": "d2", "text": "-", "source": "t", "prefecture": "兰州市",
             "date": "2024-06-20", "themes": ["协商"]},
            {"doc_id": "d3", "text": "", "source": "t", "prefecture": "酒泉市",
             "date": "2024-07-01", "themes": []},
            {"doc_id": "d4", "text": "-", "source": "t", "date": "2024-07-02", "themes": ["生态"]},
        ]
    )  # fmt: skip


def expected(rows):
    """Build the expected table from (group, term, frequency, docfreq, rate, tfidf, rank)."""
    frame = pd.DataFrame(rows, columns=list(KEYWORD_COLUMNS))
    return frame.astype(
        {
            "group": STRING_DTYPE,
            "term": STRING_DTYPE,
            "frequency": "int64",
            "docfreq": "int64",
            "rate_per_10k": "float64",
            "tfidf": "float64",
            "rank": "int64",
        }
    )


def test_overall_counts(tokens):
    # rate: frequency / 25 tokens * 10_000; tfidf: frequency * ln(4 / docfreq)
    assert_table(
        count_keywords(tokens),
        [
            (None, "提案", 3, 2, 1200.0, 3 * LN2, 1),
            (None, "乡村振兴", 2, 1, 800.0, 2 * LN4, 2),  # ties on frequency: term order
            (None, "协商", 2, 2, 800.0, 2 * LN2, 3),
            (None, "生态", 1, 1, 400.0, 1 * LN4, 4),
        ],
    )


def test_excluded_terms_are_left_out_before_ranking_and_rates_keep_every_token(tokens):
    assert_table(
        count_keywords(tokens, exclude={"提案", "没有的词"}, top=2),
        [
            (None, "乡村振兴", 2, 1, 800.0, 2 * LN4, 1),  # still of all 25 tokens
            (None, "协商", 2, 2, 800.0, 2 * LN2, 2),
        ],
    )


def test_by_prefecture_leaves_out_ungrouped_articles_and_empty_groups(tokens, articles):
    # 兰州市 = d1 + d2, 15 tokens; 酒泉市 (d3) has no terms, so no rows; d4 has no prefecture.
    assert_table(
        count_keywords(tokens, articles=articles, by="prefecture"),
        [
            ("兰州市", "乡村振兴", 2, 1, 2 / 15 * 1e4, 2 * LN4, 1),
            ("兰州市", "协商", 2, 2, 2 / 15 * 1e4, 2 * LN2, 2),
            ("兰州市", "提案", 1, 1, 1 / 15 * 1e4, 1 * LN2, 3),
        ],
    )


def test_by_theme_counts_an_article_in_each_of_its_themes(tokens, articles):
    assert_table(
        count_keywords(tokens, articles=articles, by="theme"),
        [
            ("乡村", "乡村振兴", 2, 1, 2000.0, 2 * LN4, 1),  # d1 only, 10 tokens
            ("乡村", "协商", 1, 1, 1000.0, 1 * LN2, 2),
            ("协商", "乡村振兴", 2, 1, 2 / 15 * 1e4, 2 * LN4, 1),  # d1 + d2, 15 tokens
            ("协商", "协商", 2, 2, 2 / 15 * 1e4, 2 * LN2, 2),
            ("协商", "提案", 1, 1, 1 / 15 * 1e4, 1 * LN2, 3),
            ("生态", "提案", 2, 1, 2000.0, 2 * LN2, 1),  # d4, 10 tokens
            ("生态", "生态", 1, 1, 1000.0, 1 * LN4, 2),
        ],
    )


def test_by_month_with_top(tokens, articles):
    # 2024-07 = d3 (no terms, 0 tokens) + d4 (10 tokens)
    assert_table(
        count_keywords(tokens, articles=articles, by="month", top=1),
        [
            ("2024-06", "乡村振兴", 2, 1, 2 / 15 * 1e4, 2 * LN4, 1),
            ("2024-07", "提案", 2, 1, 2000.0, 2 * LN2, 1),
        ],
    )


@pytest.mark.parametrize(
    ("by", "groups"),
    [("week", ["2024-W23", "2024-W25", "2024-W27"]), ("quarter", ["2024Q2", "2024Q3"]), ("year", ["2024"])],
)
def test_period_group_labels(tokens, articles, by, groups):
    out = count_keywords(tokens, articles=articles, by=by)
    assert out["group"].unique().tolist() == groups


def test_a_document_missing_from_articles_counts_only_for_idf(tokens, articles):
    out = count_keywords(tokens, articles=articles[articles["doc_id"] != "d1"], by="prefecture")
    assert out[["term", "frequency"]].values.tolist() == [["协商", 1], ["提案", 1]]
    assert out["tfidf"].tolist() == pytest.approx([LN2, LN2])  # N is still 4


def test_empty_tokens_give_an_empty_typed_table(tokens):
    out = count_keywords(tokens.iloc[:0])
    assert list(out.columns) == list(KEYWORD_COLUMNS)
    assert out.empty
    out = count_keywords(tokens.assign(terms=[[], [], [], []]))
    assert out.empty


def test_grouping_needs_articles(tokens):
    with pytest.raises(ValueError, match="needs the articles table"):
        count_keywords(tokens, by="prefecture")


def test_inputs_are_not_modified(tokens, articles):
    before_tokens, before_articles = tokens.copy(), articles.copy()
    count_keywords(tokens, articles=articles, by="theme", top=2)
    pd.testing.assert_frame_equal(tokens, before_tokens)
    pd.testing.assert_frame_equal(articles, before_articles)


def test_chunked_counting_matches_one_chunk(tokens, articles, monkeypatch):
    whole = count_keywords(tokens, articles=articles, by="theme")
    monkeypatch.setattr(keywords_module, "CHUNK_DOCS", 1)
    pd.testing.assert_frame_equal(count_keywords(tokens, articles=articles, by="theme"), whole)


def test_count_terms_and_iter_term_chunks(tokens):
    counts = count_terms(tokens)
    assert counts[["term", "frequency", "docfreq"]].values.tolist() == [
        ["乡村振兴", 2, 1], ["协商", 2, 2], ["提案", 3, 2], ["生态", 1, 1],
    ]  # fmt: skip
    chunks = list(iter_term_chunks(tokens["terms"], chunk_docs=3))
    assert [rows.tolist() for rows, _ in chunks] == [[0, 0, 0, 1, 1], [3, 3, 3]]
    assert chunks[1][1].tolist() == ["提案", "提案", "生态"]


def test_terms_stored_as_arrays_count_the_same(tokens):
    as_arrays = tokens.assign(terms=tokens["terms"].map(lambda t: np.array(t, dtype=object)))
    pd.testing.assert_frame_equal(count_keywords(as_arrays), count_keywords(tokens))


def assert_table(actual, rows):
    pd.testing.assert_frame_equal(actual, expected(rows), check_exact=False, rtol=1e-12)


def test_officialese_verbs_press_conference_words_and_the_tail_of_zhong_shuo_are_no_terms():
    tokenizer = build_tokenizer()
    # written for this test; each sentence keeps one content word
    assert tokenizer.read("他在讲话中说，所谓的规则，他在贺电中说。").terms == ["规则", "贺电"]
    assert tokenizer.read("发言人回答记者提问。").terms == ["发言人"]
    assert tokenizer.read("培育产业，优化环境，构建格局，统筹安全，专项整治。").terms == [
        "产业", "环境", "格局", "安全", "整治"]
    # 高质量 and 高水平 before a verb or noun; 十国集团 and 制乱 were the halves of these two
    assert tokenizer.read("高质量推进，高水平开放，二十国集团，止暴制乱。").terms == [
        "开放", "二十国集团", "止暴制乱"]


@pytest.mark.corpus
def test_real_corpus_top_keywords_are_content_words():
    records = [
        {"doc_id": path.stem, "text": path.read_text(encoding="utf-8"), "source": path.name}
        for path in sorted(corpus_path("rmrb-20220705-articles").glob("*.txt"))
    ]
    reports = corpus_path("gov-work-reports-national") / "government_work_reports.jsonl"
    for number, line in enumerate(reports.read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        records.append(
            {"doc_id": f"gwr-{number}", "title": record["title"], "text": record["content"], "source": "gwr"}
        )
    tokens = tokenize_articles(build_articles(records), tokenizer=build_tokenizer())
    top = count_keywords(tokens, top=50)["term"].tolist()
    function_words = read_stopwords(data_path("stopwords", "function_words.txt"))
    numeral = re.compile(r"第?[0-9０-９.%一二三四五六七八九十百千万亿两〇零]+[年月日号个次届]*")
    assert len(top) == 50
    assert [t for t in top if len(t) < 2] == []
    assert [t for t in top if not all(ch.isalnum() for ch in t)] == []  # punctuation
    assert [t for t in top if numeral.fullmatch(t)] == []
    assert [t for t in top if t in function_words] == []
    assert {"改革", "经济", "企业"} <= set(top)


@pytest.mark.corpus
def test_provincial_reports_top_keywords_hold_no_effort_change_or_period_words():
    from analysis.loading import load_articles

    articles = load_articles([corpus_path("gov-work-reports-provincial-2026")]).articles
    top = count_keywords(tokenize_articles(articles, tokenizer=build_tokenizer()), top=300)["term"].tolist()
    assert len(top) == 300
    # 新增 (26th), 建成 (33rd), 现代 (84th), 时期 (141st) and 加力 (252nd) before they were stopwords
    assert set(top) & {"新增", "建成", "现代", "时期", "加力"} == set()
    # the verbs of every report: 优化 and 培育 stood in the top 25 of 26 and 20 provinces
    assert set(top) & {"优化", "培育", "构建", "扩大", "统筹", "综合"} == set()
    assert {"高质量发展", "服务业", "就业"} <= set(top)


@pytest.mark.corpus
def test_broadcast_news_top_keywords_hold_no_programme_furniture_or_grammar_words():
    from analysis.loading import load_articles

    articles = load_articles([corpus_path("xwlb-cctv-md")]).articles
    top = count_keywords(tokenize_articles(articles, tokenizer=build_tokenizer()), top=150)["term"].tolist()
    assert len(top) == 150
    furniture = {"快讯", "联播", "总台", "央视", "新闻", "报道", "日称", "俄称", "愿同"}  # 国内联播快讯, 23日称
    grammar = {"具有", "开始", "包括", "截至", "来自", "出现", "一系列", "一道", "始终", "即将", "一切", "造成"}
    calendar = {"月份", "周年", "小时", "公里", "上半年", "全年"}
    assert set(top) & (furniture | grammar | calendar) == set()
    assert {"合作", "经济", "创新", "高质量发展", "中国式现代化"} <= set(top)
