"""Document-level co-occurrence of terms, scored by (normalised) pointwise mutual information.

Two terms co-occur when they appear in the same article, however far apart. With ``N``
documents, ``n_a`` and ``n_b`` the documents containing each term and ``n_ab`` those
containing both, ``p(x) = n_x / N`` and

* ``pmi = ln(p(a, b) / (p(a) p(b)))``,
* ``npmi = pmi / -ln(p(a, b))`` (Bouma 2009), between -1 and 1: 1 when the two terms only
  ever occur together, 0 when they are independent. When ``p(a, b) = 1`` (both terms are in
  every document) ``npmi`` is 1 by convention.

The table is an edge list for a network chart: one row per pair, ``term_a < term_b``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.keywords import count_terms, iter_term_chunks
from analysis.schema import STRING_DTYPE

COOCCURRENCE_COLUMNS = ("term_a", "term_b", "n_articles", "pmi", "npmi")


def count_cooccurrence(
    tokens: pd.DataFrame,
    *,
    terms: Sequence[str] | None = None,
    top: int = 50,
    min_count: int = 2,
    exclude: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """Count the articles in which each pair of terms occurs together.

    Args:
        tokens: the tokens table (``doc_id``, ``terms``).
        terms: the terms to pair; ``None`` takes the ``top`` terms by document frequency
            (ties by term).
        top: how many terms to take when ``terms`` is ``None``.
        min_count: keep pairs found together in at least this many articles.
        exclude: terms never taken as top terms (place and person names, say).

    Returns:
        Columns ``term_a``, ``term_b`` (str, ``term_a < term_b``), ``n_articles`` (int),
        ``pmi`` and ``npmi`` (float), sorted by ``npmi`` descending, then ``n_articles``
        descending, then the terms.
    """
    vocabulary = _choose_terms(tokens, terms=terms, top=top, exclude=exclude)
    incidence = _pair_counts(tokens["terms"], vocabulary)
    return score_pairs(incidence, vocabulary, n_docs=len(tokens), min_count=min_count)


def score_pairs(
    incidence: np.ndarray, vocabulary: np.ndarray, *, n_docs: int, min_count: int
) -> pd.DataFrame:
    """PMI and NPMI of each pair of terms from their document co-occurrence matrix.

    The one implementation of the formulas above, shared with the store (which counts the
    matrix in SQL).

    Args:
        incidence: square matrix of documents holding both terms; the diagonal holds each
            term's document frequency.
        vocabulary: the terms, in the matrix's order.
        n_docs: the number of documents counted.
        min_count: keep pairs found together in at least this many documents.

    Returns:
        The columns of :func:`count_cooccurrence`, sorted the same way.
    """
    docfreq = np.diag(incidence).astype(np.float64)
    first, second = np.triu_indices(len(vocabulary), k=1)
    together = incidence[first, second]
    keep = together >= max(min_count, 1)
    first, second, together = first[keep], second[keep], together[keep].astype(np.float64)
    docs = float(max(n_docs, 1))
    p_ab = together / docs
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(p_ab / ((docfreq[first] / docs) * (docfreq[second] / docs)))
        npmi = np.where(p_ab < 1.0, pmi / -np.log(p_ab), 1.0)
    out = pd.DataFrame(
        {
            "term_a": pd.Series(vocabulary[first], dtype=STRING_DTYPE),
            "term_b": pd.Series(vocabulary[second], dtype=STRING_DTYPE),
            "n_articles": together.astype(np.int64),
            "pmi": pmi,
            "npmi": npmi,
        }
    )
    out = out.sort_values(
        ["npmi", "n_articles", "term_a", "term_b"],
        ascending=[False, False, True, True],
        ignore_index=True,
    )
    return out[list(COOCCURRENCE_COLUMNS)]


def _choose_terms(
    tokens: pd.DataFrame, *, terms: Sequence[str] | None, top: int, exclude: frozenset[str]
) -> np.ndarray:
    """Return the terms to pair, sorted, as an object array."""
    if terms is None:
        counts = count_terms(tokens)
        counts = counts[~counts["term"].isin(exclude)]
        counts = counts.sort_values(["docfreq", "term"], ascending=[False, True])
        terms = counts["term"].head(top).tolist()
    return np.asarray(sorted(set(terms)), dtype=object)


def _pair_counts(terms: pd.Series, vocabulary: np.ndarray) -> np.ndarray:
    """Return the k x k matrix of documents containing both terms (diagonal: docfreq)."""
    index = pd.Index(vocabulary, dtype=object)
    matrix = np.zeros((len(vocabulary), len(vocabulary)), dtype=np.int64)
    chunk_docs = max(1_000, 10_000_000 // max(len(vocabulary), 1))  # bounds the dense chunk
    for rows, flat in iter_term_chunks(terms, chunk_docs=chunk_docs):
        codes = index.get_indexer(pd.Index(flat, dtype=object))  # a bare array would infer str
        hit = codes >= 0
        first_row = int(rows[0]) if len(rows) else 0
        present = np.zeros((int(rows[-1]) - first_row + 1 if len(rows) else 0, len(index)))
        present[rows[hit] - first_row, codes[hit]] = 1.0
        matrix += (present.T @ present).astype(np.int64)
    return matrix
