"""Keyword in context: every occurrence, its neighbours and its position."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.kwic import KWIC_COLUMNS, kwic
from analysis.schema import build_articles


@pytest.fixture
def articles():
    # Fixture text written for these tests; positions are character offsets.
    return build_articles(
        [
            {"doc_id": "a", "text": "协商议政，协商\n民主", "source": "t"},  # 协商 at 0 and 5
            {"doc_id": "b", "text": "没有这个词", "source": "t"},
            {"doc_id": "c", "text": "政协协商", "source": "t"},  # 协商 at 2
            {"doc_id": "d", "text": None, "source": "t"},
            {"doc_id": "e", "text": "", "source": "t"},
        ]
    )


def test_kwic_lists_every_occurrence_in_article_order(articles):
    out = kwic(articles, "协商", window=3)
    assert list(out.columns) == list(KWIC_COLUMNS)
    assert out.values.tolist() == [
        ["a", "", "协商", "议政，", 0],
        ["a", "议政，", "协商", " 民主", 5],  # the line break shows as a space
        ["c", "政协", "协商", "", 2],
    ]
    assert out["position"].dtype == "int64"


def test_kwic_limit_and_default_window(articles):
    out = kwic(articles, "协商", limit=2)
    assert out["doc_id"].tolist() == ["a", "a"]
    assert out["right"].tolist() == ["议政，协商 民主", " 民主"]
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
