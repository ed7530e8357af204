"""Keyword in context: every occurrence, its neighbours and its position."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.kwic import KWIC_COLUMNS, PARAGRAPH_MARK, kwic
from analysis.schema import build_articles


@pytest.fixture
def articles():
    # Fixture text written for these tests; positions are character offsets.
    return build_articles(
        [
            {"doc_id": "a", "text": "协商议政，协商\n民主", "source": "t"},  # 协商 at 0 and 5
            {"doc_id": "b", "text": "没有这个词", "source": "t"},
            {"doc_id": "c", "title": "协商在前", "text": "政协协商", "source": "t"},  # 协商 at 0 of the title, 2 of the text
            {"doc_id": "d", "text": None, "source": "t"},
            {"doc_id": "e", "text": "", "source": "t"},
        ]
    )


def test_kwic_lists_every_occurrence_in_article_order_the_headline_before_the_text(articles):
    out = kwic(articles, "协商", window=3)
    assert list(out.columns) == list(KWIC_COLUMNS)
    assert out.values.tolist() == [
        ["a", "text", "", "协商", "议政，", 0],
        ["a", "text", "议政，", "协商", "¶民主", 5],  # the paragraph break is marked, not hidden as a space
        ["c", "title", "", "协商", "在前", 0],
        ["c", "text", "政协", "协商", "", 2],
    ]
    assert out["position"].dtype == "int64"


def test_kwic_limit_and_default_window(articles):
    out = kwic(articles, "协商", limit=3)
    assert out["doc_id"].tolist() == ["a", "a", "c"]
    assert out["field"].tolist() == ["text", "text", "title"]
    out = out.head(2)
    assert out["right"].tolist() == ["议政，协商¶民主", "¶民主"]
    assert kwic(articles, "协商", limit=0).empty


def test_kwic_occurrences_do_not_overlap():
    articles = build_articles([{"doc_id": "x", "text": "哈哈哈哈哈", "source": "t"}])
    assert kwic(articles, "哈哈", window=1)["position"].tolist() == [0, 2]


def test_kwic_without_hits_is_an_empty_typed_table(articles):
    out = kwic(articles, "乡村振兴")
    assert out.empty
    assert list(out.columns) == list(KWIC_COLUMNS)
    assert out["position"].dtype == "int64"


@pytest.mark.parametrize(("term", "options"), [("", {}), ("协商", {"window": -1}), ("协商", {"limit": -1})])
def test_kwic_refuses_bad_arguments(articles, term, options):
    with pytest.raises(ValueError):
        kwic(articles, term, **options)


def test_kwic_does_not_modify_articles(articles):
    before = articles.copy()
    kwic(articles, "协商")
    pd.testing.assert_frame_equal(articles, before)


def test_each_paragraph_break_is_one_mark_and_a_tab_a_space_so_a_line_stays_one_line():
    text = "上一段\r\n另一段\r第三段\n会上\t协商\t有序\n\n下一段"  # written for this test
    articles = build_articles([{"doc_id": "x", "text": text, "source": "t"}])
    line = kwic(articles, "协商", window=16).iloc[0]  # 16 characters, \r\n two of them
    assert (line["left"], line["right"]) == (f"上一段{PARAGRAPH_MARK}另一段{PARAGRAPH_MARK}第三段{PARAGRAPH_MARK}会上 ",
                                             f" 有序{PARAGRAPH_MARK}{PARAGRAPH_MARK}下一段")
    assert line["position"] == text.index("协商")  # the window counts the text's own characters


def test_a_term_only_in_a_headline_has_its_line_and_a_table_without_titles_searches_the_text():
    articles = build_articles([{"doc_id": "h", "title": "“三抓三促”见行见效", "text": "全文未再提及。", "source": "t"}])
    assert kwic(articles, "三抓三促", window=2).values.tolist() == [["h", "title", "“", "三抓三促", "”见", 1]]
    untitled = pd.DataFrame({"doc_id": ["x"], "text": ["三抓三促"]})
    assert kwic(untitled, "三抓三促")["field"].tolist() == ["text"]
