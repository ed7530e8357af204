"""Keyness: G², log ratio and p-values computed by hand for a three-document corpus."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.keyness import KEYNESS_COLUMNS, compute_keyness, score_keyness
from analysis.schema import build_articles


@pytest.fixture
def tokens():
    return pd.DataFrame(
        {
            "doc_id": ["t1", "t2", "t3", "t4"],
            "terms": [
                ["乡村振兴"] * 10 + ["协商"] * 5,  # the target, 兰州市: c = 100 word tokens
                ["协商"] * 20 + ["提案"] * 5,  # 酒泉市
                ["提案"] * 10,  # no prefecture: still reference; d = 100 + 100 = 200
                [],  # 天水市: a group with no tokens
            ],
            "n_tokens": [100, 100, 100, 0],
            "dict_version": "test",
        }
    )


@pytest.fixture
def articles():
    return build_articles(
        [
            {"doc_id": "t1", "text": "-", "source": "t", "prefecture": "兰州市"},
            {"doc_id": "t2", "text": "-", "source": "t", "prefecture": "酒泉市"},
            {"doc_id": "t3", "text": "-", "source": "t"},
            {"doc_id": "t4", "text": "", "source": "t", "prefecture": "天水市"},
        ]
    )


# By hand, c = 100, d = 200, c + d = 300:
# 乡村振兴 a=10, b=0 : E1 = 100*10/300 = 10/3; G² = 2 * 10 ln(10 / (10/3)) = 20 ln 3 = 21.9722
#                      log ratio = log2((10/100) / (0.5/200)) = log2 40 = 5.3219 (0.5 for the zero)
# 协商    a=5,  b=20 : E1 = 100*25/300 = 25/3, E2 = 200*25/300 = 50/3
#                      G² = 2 (5 ln(5 / (25/3)) + 20 ln(20 / (50/3))) = 2 (5 ln 0.6 + 20 ln 1.2)
#                         = 2 (-2.55413 + 3.64643) = 2.18461; log ratio = log2(0.05 / 0.1) = -1
# 提案    a=0,  b=15 : E2 = 200*15/300 = 10; G² = 2 * 15 ln(15/10) = 30 ln 1.5 = 12.16395
#                      log ratio = log2((0.5/100) / (15/200)) = log2(1/15) = -3.90689
G2 = {
    "乡村振兴": 20 * math.log(3),
    "协商": 2 * (5 * math.log(0.6) + 20 * math.log(1.2)),
    "提案": 30 * math.log(1.5),
}
LOG_RATIO = {"乡村振兴": math.log2(40), "协商": -1.0, "提案": math.log2(1 / 15)}
FREQUENCIES = {"乡村振兴": (10, 0), "协商": (5, 20), "提案": (0, 15)}


def expected(terms, direction):
    rows = [
        (
            t, *FREQUENCIES[t], 100, 200, G2[t], LOG_RATIO[t],
            math.erfc(math.sqrt(G2[t] / 2)), direction[t],
        )
        for t in terms
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(KEYNESS_COLUMNS))
    return frame.astype({"term": "str", "direction": "str"})


def test_overused_terms_of_the_target(tokens, articles):
    out = compute_keyness(tokens, articles=articles, by="prefecture", target="兰州市", min_frequency=1)
    pd.testing.assert_frame_equal(out, expected(["乡村振兴"], {"乡村振兴": "over"}))


def test_both_directions_sorted_by_g2_overused_first(tokens, articles):
    out = compute_keyness(
        tokens, articles=articles, by="prefecture", target="兰州市", min_frequency=1, direction="both"
    )
    directions = {"乡村振兴": "over", "提案": "under", "协商": "under"}
    pd.testing.assert_frame_equal(out, expected(["乡村振兴", "提案", "协商"], directions))
    # 提案 is missing from the target; 乡村振兴 is missing from the reference: both score.
    assert out["g2"].tolist() == pytest.approx([21.972246, 12.163953, 2.184606], abs=1e-6)


def test_underused_terms_and_min_frequency(tokens, articles):
    out = compute_keyness(
        tokens, articles=articles, by="prefecture", target="兰州市", min_frequency=15, direction="under"
    )
    assert out["term"].tolist() == ["提案", "协商"]  # 乡村振兴 (10 in all) is below 15


def test_a_target_with_no_tokens_gives_an_empty_table(tokens, articles):
    out = compute_keyness(tokens, articles=articles, by="prefecture", target="天水市", min_frequency=1)
    assert out.empty
    assert list(out.columns) == list(KEYNESS_COLUMNS)


def test_no_reference_gives_an_empty_table(tokens, articles):
    everything = articles.assign(prefecture="兰州市")
    assert compute_keyness(tokens, articles=everything, by="prefecture", target="兰州市").empty


def test_an_unknown_target_is_named(tokens, articles):
    with pytest.raises(ValueError, match=r"'白银市' is not a prefecture .*兰州市, 天水市, 酒泉市"):
        compute_keyness(tokens, articles=articles, by="prefecture", target="白银市")


def test_score_keyness_equal_rates_and_p_value():
    out = score_keyness(np.array([1, 2]), np.array([2, 2]), target_total=100, reference_total=200)
    assert out["direction"].tolist() == ["equal", "over"]
    assert out["g2"].iloc[0] == 0.0
    assert out["log_ratio"].iloc[0] == 0.0
    assert out["p_value"].iloc[0] == 1.0
    # a=2, b=2: E1 = 4/3, E2 = 8/3; G² = 2 (2 ln 1.5 + 2 ln 0.75) = 2 (0.810930 - 0.575364)
    #  = 0.471132; p = erfc(sqrt(0.471132 / 2)) = 0.492467
    assert out["g2"].iloc[1] == pytest.approx(0.471132, abs=1e-6)
    assert out["p_value"].iloc[1] == pytest.approx(0.492467, abs=1e-6)


def test_keyness_by_theme_and_inputs_untouched(tokens, articles):
    themed = articles.assign(themes=[["乡村"], ["协商"], ["协商"], []])
    before = themed.copy()
    out = compute_keyness(tokens, articles=themed, by="theme", target="乡村", min_frequency=1)
    assert out["term"].tolist() == ["乡村振兴"]
    pd.testing.assert_frame_equal(themed, before)
