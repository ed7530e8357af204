"""Keyword tables: term frequency, document frequency, rate and TF-IDF, overall or by group.

Input is the tokens table of :func:`analysis.tokenize.tokenize_articles` (``doc_id``,
``terms``, ``n_tokens``). Counting is vectorised: the term lists of a chunk of documents
are flattened into one array, terms become integer codes (:func:`pandas.factorize`), and
(document, term) pairs are counted with :func:`numpy.unique` and a pandas ``groupby`` over
integers. Python never loops per term occurrence; chunks bound the memory a million
articles need.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from itertools import chain
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.counting import count_unique
from analysis.periods import GroupBy, assign_groups
from analysis.schema import STRING_DTYPE

CHUNK_DOCS = 100_000
"""Documents flattened at a time: bounds peak memory on large corpora."""

KEYWORD_COLUMNS = ("group", "term", "frequency", "docfreq", "rate_per_10k", "tfidf", "rank")


def iter_term_chunks(
    terms: pd.Series, *, chunk_docs: int = CHUNK_DOCS
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Flatten term lists chunk by chunk.

    Args:
        terms: one list (or array) of terms per document.
        chunk_docs: how many documents to flatten at a time.

    Yields:
        ``(rows, flat)``: the 0-based position of each term's document in ``terms`` (int64)
        and the terms themselves (object array), in document order.
    """
    values = terms.tolist()
    for start in range(0, len(values), chunk_docs):
        chunk = values[start : start + chunk_docs]
        lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
        flat = np.fromiter(chain.from_iterable(chunk), dtype=object, count=int(lengths.sum()))
        rows = np.repeat(np.arange(start, start + len(chunk), dtype=np.int64), lengths)
        yield rows, flat


def count_terms(tokens: pd.DataFrame, *, groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """Count each term's occurrences and documents, overall or per group.

    Args:
        tokens: the tokens table (``doc_id``, ``terms``, ``n_tokens``).
        groups: ``doc_id``, ``group`` rows saying which group(s) each document is in (a
            document may be in several, e.g. themes; documents without a row, or with
            ``group`` NA, are left out). ``None`` counts every document in one NA group.

    Returns:
        Columns ``group`` (str, NA when ungrouped), ``term`` (str), ``frequency`` (int,
        occurrences), ``docfreq`` (int, documents containing the term), one row per group
        and term that occurs in it, sorted by group then term.
    """
    member_rows, member_groups, labels = _membership(tokens, groups)
    counts = _accumulate(tokens["terms"], member_rows, member_groups)
    order = np.lexsort((_alphabetical_rank(counts.vocab)[counts.t], counts.g))
    return _frame(labels, counts, order)


def count_keywords(
    tokens: pd.DataFrame,
    *,
    articles: pd.DataFrame | None = None,
    by: GroupBy | None = None,
    top: int | None = None,
    exclude: Collection[str] = (),
) -> pd.DataFrame:
    """Rank terms by frequency, overall or within each locality, period or theme.

    ``rate_per_10k`` is ``frequency / n * 10_000`` where ``n`` is the group's number of
    word tokens: the sum of ``n_tokens`` of its documents, which counts stopwords, numbers
    and single characters (running words) but not punctuation. ``tfidf`` is
    ``frequency * ln(N / df)`` with ``N`` the number of documents in ``tokens`` and ``df``
    the number of them containing the term: the IDF is the corpus's, the same in every
    group, so a term found in every document scores 0.

    Args:
        tokens: the tokens table (``doc_id``, ``terms``, ``n_tokens``).
        articles: the articles table, joined on ``doc_id``; needed when ``by`` is given.
        by: ``None`` (overall), a locality level, a period or ``"theme"`` (see
            :func:`analysis.periods.assign_groups`; an article counts in each of its themes;
            articles with no group value are left out).
        top: keep the ``top`` best-ranked terms of each group.
        exclude: terms left out before ranking (place and person names, say): ranks and
            ``top`` are of the other terms; rates keep every token in their denominator.

    Returns:
        Columns ``group`` (str, NA overall), ``term``, ``frequency``, ``docfreq`` (int),
        ``rate_per_10k``, ``tfidf`` (float) and ``rank`` (int, 1..n within the group by
        frequency descending then term ascending), sorted by group then rank. A group whose
        documents have no terms has no rows.
    """
    if by is not None and articles is None:
        raise ValueError(f"count_keywords(by={by!r}) needs the articles table (articles=...)")
    groups = None if by is None else assign_groups(articles, by=by)
    member_rows, member_groups, labels = _membership(tokens, groups)
    counts = _accumulate(tokens["terms"], member_rows, member_groups)
    order = np.lexsort((_alphabetical_rank(counts.vocab)[counts.t], -counts.frequency, counts.g))
    if exclude:
        left_out = pd.Index(counts.vocab).isin(list(exclude))  # per term code
        order = order[~left_out[counts.t[order]]]
    rank = _rank_within(counts.g[order])
    keep = rank <= top if top is not None else np.ones(len(order), dtype=bool)
    out = _frame(labels, counts, order[keep])
    n_tokens = tokens["n_tokens"].to_numpy(dtype=np.float64)
    group_tokens = np.bincount(member_groups, weights=n_tokens[member_rows], minlength=len(labels))
    g, t, frequency = counts.g[order[keep]], counts.t[order[keep]], out["frequency"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        out["rate_per_10k"] = np.where(group_tokens[g] > 0, frequency / group_tokens[g] * 10_000, np.nan)
        out["tfidf"] = frequency * np.log(len(tokens) / counts.corpus_df[t])
    out["rank"] = rank[keep]
    return out


def _membership(
    tokens: pd.DataFrame, groups: pd.DataFrame | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (token row, group code) pairs sorted by row, and the group labels by code."""
    if groups is None:
        rows = np.arange(len(tokens), dtype=np.int64)
        return rows, np.zeros(len(tokens), dtype=np.int64), np.array([pd.NA], dtype=object)
    groups = groups.dropna(subset=["group"])
    rows = pd.Index(tokens["doc_id"].astype(STRING_DTYPE)).get_indexer(groups["doc_id"].astype(STRING_DTYPE))
    codes, labels = pd.factorize(groups["group"].astype(STRING_DTYPE), sort=True)
    keep = rows >= 0
    order = np.argsort(rows[keep], kind="stable")
    return rows[keep][order], codes[keep][order].astype(np.int64), np.asarray(labels, dtype=object)


class _Counts(NamedTuple):
    """Occurrences and documents per (group code ``g``, term code ``t``) pair."""

    g: np.ndarray
    t: np.ndarray
    frequency: np.ndarray
    docfreq: np.ndarray
    corpus_df: np.ndarray  # documents containing each term code, whatever their group
    vocab: np.ndarray  # terms by code


def _accumulate(terms: pd.Series, member_rows: np.ndarray, member_groups: np.ndarray) -> _Counts:
    """Count (group, term) occurrences and documents over all chunks."""
    n_members = np.bincount(member_rows, minlength=len(terms))
    starts = np.concatenate([[0], np.cumsum(n_members)[:-1]]).astype(np.int64)
    vocab = pd.Index([], dtype=object)
    corpus_df = np.zeros(0, dtype=np.int64)
    parts = [pd.DataFrame({c: np.zeros(0, dtype=np.int64) for c in ("g", "t", "sum", "size")})]
    for rows, flat in iter_term_chunks(terms, chunk_docs=CHUNK_DOCS):
        if not len(flat):
            continue
        codes, vocab = _encode(flat, vocab)
        pair_keys, counts = count_unique(rows * len(vocab) + codes)
        pair_rows, pair_terms = np.divmod(pair_keys, len(vocab))
        corpus_df = np.pad(corpus_df, (0, len(vocab) - len(corpus_df)))
        corpus_df += np.bincount(pair_terms, minlength=len(vocab))
        index, group = _expand_groups(pair_rows, n_members, starts, member_groups)
        parts.append(
            _reduce(pd.DataFrame({"g": group, "t": pair_terms[index], "sum": counts[index], "size": 1}))
        )
    table = _reduce(pd.concat(parts))
    return _Counts(
        *(table[c].to_numpy(dtype=np.int64) for c in ("g", "t", "sum", "size")),
        corpus_df=corpus_df,
        vocab=np.asarray(vocab, dtype=object),
    )


def _reduce(pairs: pd.DataFrame) -> pd.DataFrame:
    """Sum ``sum`` (occurrences) and ``size`` (documents) per (``g``, ``t``)."""
    return pairs.groupby(["g", "t"], sort=False)[["sum", "size"]].sum().reset_index()


def _frame(labels: np.ndarray, counts: _Counts, order: np.ndarray) -> pd.DataFrame:
    """Return ``group``, ``term``, ``frequency``, ``docfreq`` of the pairs in ``order``."""
    return pd.DataFrame(
        {
            "group": pd.Series(labels[counts.g[order]], dtype=STRING_DTYPE),
            "term": pd.Series(counts.vocab[counts.t[order]], dtype=STRING_DTYPE),
            "frequency": counts.frequency[order],
            "docfreq": counts.docfreq[order],
        }
    )


def _alphabetical_rank(vocab: np.ndarray) -> np.ndarray:
    """Return each term's position in sorted order (so codes can be sorted as strings)."""
    rank = np.empty(len(vocab), dtype=np.int64)
    rank[np.argsort(vocab, kind="stable")] = np.arange(len(vocab))
    return rank


def _rank_within(groups: np.ndarray) -> np.ndarray:
    """Return 1, 2, ... within each run of equal values of the sorted ``groups``."""
    starts = np.flatnonzero(np.concatenate([[True], groups[1:] != groups[:-1]])) if len(groups) else groups
    return np.arange(len(groups)) - np.repeat(starts, np.diff(np.append(starts, len(groups)))) + 1


def _encode(flat: np.ndarray, vocab: pd.Index) -> tuple[np.ndarray, pd.Index]:
    """Return integer codes of ``flat`` in ``vocab``, extending it with unseen terms."""
    local, uniques = pd.factorize(flat)
    known = vocab.get_indexer(pd.Index(uniques, dtype=object))
    new = known < 0
    known[new] = np.arange(len(vocab), len(vocab) + int(new.sum()))
    extended = np.concatenate([vocab.to_numpy(dtype=object), np.asarray(uniques[new], dtype=object)])
    return known[local].astype(np.int64), pd.Index(extended, dtype=object)  # append() would infer str


def _expand_groups(
    pair_rows: np.ndarray, n_members: np.ndarray, starts: np.ndarray, member_groups: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Pair each (document, term) pair with each group of its document.

    Returns:
        The index of the pair (repeated once per group; pairs of ungrouped documents
        dropped) and the group code.
    """
    repeats = n_members[pair_rows]
    if repeats.max(initial=0) <= 1:
        index = np.flatnonzero(repeats)
        return index, member_groups[starts[pair_rows[index]]]
    index = np.repeat(np.arange(len(pair_rows)), repeats)
    within = np.arange(len(index)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    return index, member_groups[starts[pair_rows[index]] + within]
