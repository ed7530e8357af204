"""Co-occurrence: document counts, PMI and NPMI computed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.cooccurrence import COOCCURRENCE_COLUMNS, count_cooccurrence


@pytest.fixture
def tokens():
    # N = 4 documents. Document frequencies: 协商 3, 提案 2, 乡村 2, 生态 1.
    return pd.DataFrame(
        {
            "doc_id": ["d1", "d2", "d3", "d4"],
            "terms": [["协商", "提案", "协商"], ["协商", "提案", "乡村"], ["乡村"], ["协商", "生态"]],
            "n_tokens": [3, 3, 1, 2],
        }
    )


def pmi(n_ab, n_a, n_b, n=4):
    return math.log((n_ab / n) / ((n_a / n) * (n_b / n)))


def test_pairs_with_pmi_and_npmi(tokens):
    out = count_cooccurrence(tokens, min_count=1)
    assert list(out.columns) == list(COOCCURRENCE_COLUMNS)
    # 协商+提案: 2 docs; pmi = ln((2/4) / (3/4 * 2/4)) = ln(4/3); npmi = ln(4/3) / ln 2
    # 协商+生态: 1 doc; pmi = ln((1/4) / (3/4 * 1/4)) = ln(4/3); npmi = ln(4/3) / ln 4
    # 乡村+提案: 1 doc; pmi = ln((1/4) / (2/4 * 2/4)) = 0; npmi = 0
    # 乡村+协商: 1 doc; pmi = ln((1/4) / (2/4 * 3/4)) = ln(2/3); npmi = ln(2/3) / ln 4
    rows = [
        ("协商", "提案", 2, pmi(2, 3, 2)),
        ("协商", "生态", 1, pmi(1, 3, 1)),
        ("乡村", "提案", 1, pmi(1, 2, 2)),
        ("乡村", "协商", 1, pmi(1, 2, 3)),
    ]
    expected = pd.DataFrame(
        {
            "term_a": [r[0] for r in rows],
            "term_b": [r[1] for r in rows],
            "n_articles": [r[2] for r in rows],
            "pmi": [r[3] for r in rows],
            "npmi": [r[3] / -math.log(r[2] / 4) for r in rows],
        }
    ).astype({"term_a": "str", "term_b": "str", "n_articles": "int64"})
    pd.testing.assert_frame_equal(out, expected, check_exact=False, rtol=1e-12)
    assert (out["term_a"] < out["term_b"]).all()


def test_min_count_and_top(tokens):
    assert count_cooccurrence(tokens)[["term_a", "term_b"]].values.tolist() == [["协商", "提案"]]
    # the top 2 terms by docfreq are 协商 (3) and, on a tie at 2, 乡村 before 提案
    top2 = count_cooccurrence(tokens, top=2, min_count=1)
    assert top2[["term_a", "term_b", "n_articles"]].values.tolist() == [["乡村", "协商", 1]]


def test_given_terms(tokens):
    out = count_cooccurrence(tokens, terms=["生态", "协商", "不存在"], min_count=1)
    assert out[["term_a", "term_b", "n_articles"]].values.tolist() == [["协商", "生态", 1]]


def test_terms_in_every_document_have_npmi_one():
    tokens = pd.DataFrame(
        {"doc_id": ["a", "b"], "terms": [["甲乙", "丙丁"], ["丙丁", "甲乙"]], "n_tokens": 2}
    )
    out = count_cooccurrence(tokens)
    assert out[["n_articles", "pmi", "npmi"]].values.tolist() == [[2, 0.0, 1.0]]


def test_empty_tokens(tokens):
    for empty in (tokens.iloc[:0], tokens.assign(terms=[[], [], [], []])):
        out = count_cooccurrence(empty)
        assert out.empty
        assert list(out.columns) == list(COOCCURRENCE_COLUMNS)


def test_tokens_are_not_modified(tokens):
    before = tokens.copy()
    count_cooccurrence(tokens)
    pd.testing.assert_frame_equal(tokens, before)
