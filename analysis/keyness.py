"""Keyness: which terms a group of articles uses more (or less) than all the other articles.

For each term, with ``a`` and ``b`` its frequencies in the target and the reference and
``c`` and ``d`` their sizes in word tokens (sums of ``n_tokens``):

* **Log-likelihood G²** (Dunning 1993, in the two-cell form of Rayson & Garside 2000):
  ``E1 = c (a + b) / (c + d)``, ``E2 = d (a + b) / (c + d)`` and
  ``G² = 2 (a ln(a / E1) + b ln(b / E2))``, where a zero frequency contributes 0
  (the limit of ``x ln x`` at 0), so a term absent from the reference still scores.
* **p-value**: G² follows a chi-squared distribution with 1 degree of freedom, whose
  survival function is ``erfc(sqrt(G² / 2))`` (:func:`math.erfc`).
* **Log ratio** (Hardie 2014): ``log2((a / c) / (b / d))``, the binary log of the ratio of
  relative frequencies; 1 means twice as frequent in the target. A zero frequency is
  replaced by 0.5 in this formula only, so a term missing from one side gets a finite,
  conservative effect size instead of an infinite one.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
import pandas as pd

from analysis.keywords import count_terms
from analysis.periods import GroupBy, assign_groups
from analysis.schema import STRING_DTYPE

Direction = Literal["over", "under", "both"]
KEYNESS_COLUMNS = (
    "term",
    "target_frequency",
    "reference_frequency",
    "target_total",
    "reference_total",
    "g2",
    "log_ratio",
    "p_value",
    "direction",
)


def compute_keyness(
    tokens: pd.DataFrame,
    *,
    articles: pd.DataFrame,
    by: GroupBy,
    target: str,
    min_frequency: int = 5,
    direction: Direction = "over",
) -> pd.DataFrame:
    """Compare one group of articles (the target) with all the other articles.

    Args:
        tokens: the tokens table (``doc_id``, ``terms``, ``n_tokens``).
        articles: the articles table, joined on ``doc_id``.
        by: what defines the groups: a locality level, a period or ``"theme"`` (see
            :func:`analysis.periods.assign_groups`).
        target: the group to study, e.g. ``"临夏回族自治州"`` or ``"2024-06"``. The
            reference is every other document of ``tokens``, including documents with no
            group value.
        min_frequency: keep terms whose target plus reference frequency is at least this.
        direction: ``"over"`` keeps the terms relatively more frequent in the target (the
            usual keyword list), ``"under"`` the less frequent ones, ``"both"`` all.

    Returns:
        Columns ``term`` (str), ``target_frequency``, ``reference_frequency``,
        ``target_total``, ``reference_total`` (int), ``g2``, ``log_ratio``, ``p_value``
        (float) and ``direction`` (``"over"``, ``"under"`` or ``"equal"``), sorted by
        ``g2`` descending then term (overused terms first with ``"both"``). Empty when
        the target or the reference has no word tokens.

    Raises:
        ValueError: ``target`` is not a group of ``articles`` under ``by``.
    """
    if direction not in ("over", "under", "both"):
        raise ValueError(f"direction must be 'over', 'under' or 'both', not {direction!r}")
    in_target = _target_mask(tokens, articles, by=by, target=target)
    sides = pd.DataFrame({"doc_id": tokens["doc_id"], "group": np.where(in_target, "target", "reference")})
    n_tokens = tokens["n_tokens"].to_numpy(dtype=np.int64)
    c, d = int(n_tokens[in_target.to_numpy()].sum()), int(n_tokens[~in_target.to_numpy()].sum())
    if c == 0 or d == 0:
        return _empty()
    counts = count_terms(tokens, groups=sides)
    table = counts.pivot_table(
        index="term", columns="group", values="frequency", aggfunc="sum", fill_value=0
    ).reindex(columns=["target", "reference"], fill_value=0)
    table = table[table.sum(axis=1) >= min_frequency]
    out = score_keyness(
        table["target"].to_numpy(), table["reference"].to_numpy(), target_total=c, reference_total=d
    )
    out.insert(0, "term", pd.Series(table.index.to_numpy(), dtype=STRING_DTYPE))
    if direction != "both":
        out = out[out["direction"] == direction]
    out = out.assign(_over=out["direction"] != "over")
    out = out.sort_values(["_over", "g2", "term"], ascending=[True, False, True])
    return out.drop(columns="_over").reset_index(drop=True)


def score_keyness(
    target_frequency: np.ndarray,
    reference_frequency: np.ndarray,
    *,
    target_total: int,
    reference_total: int,
) -> pd.DataFrame:
    """Score frequencies in a target and a reference corpus (formulas in the module doc).

    Args:
        target_frequency: each term's frequency in the target.
        reference_frequency: each term's frequency in the reference.
        target_total: word tokens in the target (``c``).
        reference_total: word tokens in the reference (``d``).

    Returns:
        One row per term, in input order: ``target_frequency``, ``reference_frequency``,
        ``target_total``, ``reference_total``, ``g2``, ``log_ratio``, ``p_value``,
        ``direction``.
    """
    a = np.asarray(target_frequency, dtype=np.float64)
    b = np.asarray(reference_frequency, dtype=np.float64)
    c, d = float(target_total), float(reference_total)
    expected_a = c * (a + b) / (c + d)
    expected_b = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        part_a = np.where(a > 0, a * np.log(a / expected_a), 0.0)
        part_b = np.where(b > 0, b * np.log(b / expected_b), 0.0)
    g2 = np.maximum(2 * (part_a + part_b), 0.0)  # clip rounding noise below 0
    log_ratio = np.log2((np.where(a > 0, a, 0.5) / c) / (np.where(b > 0, b, 0.5) / d))
    over, under = a * d > b * c, a * d < b * c
    return pd.DataFrame(
        {
            "target_frequency": a.astype(np.int64),
            "reference_frequency": b.astype(np.int64),
            "target_total": np.full(len(a), int(c), dtype=np.int64),
            "reference_total": np.full(len(a), int(d), dtype=np.int64),
            "g2": g2,
            "log_ratio": log_ratio,
            "p_value": np.array([math.erfc(math.sqrt(x / 2)) for x in g2], dtype=np.float64),
            "direction": pd.Series(
                np.where(over, "over", np.where(under, "under", "equal")), dtype=STRING_DTYPE
            ),
        }
    )


def _target_mask(tokens: pd.DataFrame, articles: pd.DataFrame, *, by: GroupBy, target: str) -> pd.Series:
    """Return which rows of ``tokens`` belong to ``target``; raise if no article does."""
    groups = assign_groups(articles, by=by)
    members = groups.loc[groups["group"] == target, "doc_id"]
    if members.empty:
        known = sorted(groups["group"].dropna().unique().tolist())
        listed = ", ".join(known[:10]) + (" ..." if len(known) > 10 else "")
        raise ValueError(f"target {target!r} is not a {by} of the articles; known: {listed}")
    return tokens["doc_id"].isin(members)


def _empty() -> pd.DataFrame:
    out = score_keyness(np.zeros(0), np.zeros(0), target_total=1, reference_total=1)
    out.insert(0, "term", pd.Series([], dtype=STRING_DTYPE))
    return out
