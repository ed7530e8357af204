"""Write analysed articles into the store: one batch, one transaction.

A batch holds whole articles only: the article rows, their term counts, token sequences,
theme scores, slogan mentions and person-name contexts, the vocabulary entries they
introduce and the ``stale`` mark of the pre-aggregations are committed together or not at
all. A process killed in the middle of a batch leaves the store as it was after the
previous batch.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.schema import ARTICLE_COLUMNS, STRING_DTYPE
from analysis.store.aggregates import mark_stale
from analysis.store.analyze import ChunkResult
from analysis.store.schema import DOC_TABLES, StoreError


@dataclass
class Vocabulary:
    """The store's term ids, extended as new terms arrive (ids are dense, from 0).

    A result numbered per chunk (Dask) brings its terms as strings, each looked up here.
    A result with an ``owner`` (a local worker, :func:`~analysis.store.analyze.analyse_chunk`
    with ``receiver=``:attr:`receiver`) brings only the terms its owner had not sent
    before; each owner's codes are mapped to term ids by an array (:class:`_OwnerCodes`),
    and a term is looked up the first time an article of the owner uses it.
    """

    ids: dict[str, int] = field(default_factory=dict)
    owners: dict[tuple[int, int, int], _OwnerCodes] = field(default_factory=dict)
    receiver: str = field(default_factory=lambda: uuid.uuid4().hex)
    """Who this is to the workers: their terms are sent once per receiver."""

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> Vocabulary:
        """Read every term and its id."""
        rows = con.execute("SELECT term, term_id FROM vocabulary").fetchall()
        return cls(dict(rows))

    def lookup(self, terms: list[str], new: list[tuple[int, str]]) -> np.ndarray:
        """Return the id of each term, giving unseen terms the next ids (appended to ``new``)."""
        ids = self.ids
        out = np.empty(len(terms), dtype=np.int32)
        for i, term in enumerate(terms):
            term_id = ids.get(term)
            if term_id is None:
                term_id = ids[term] = len(ids)
                new.append((term_id, term))
            out[i] = term_id
        return out

    def term_ids(self, result: ChunkResult, new: list[tuple[int, str]]) -> np.ndarray:
        """The term id of each of ``result``'s codes (new terms get the next ids, appended to ``new``).

        New ids go to new terms in order of first appearance in the chunk whatever the
        result's numbering, so the store is the same with or without owners.

        Raises:
            StoreError: ``worker_vocabulary`` if the result does not continue what its owner
                sent before (a result lost or out of order): nothing is mapped.
        """
        if result.owner is None:
            return self.lookup(result.vocab, new)
        owner = self.owners.get(result.owner)
        if owner is None:
            for key in [k for k in self.owners if k[:2] == result.owner[:2]]:
                del self.owners[key]  # the same cache before its reset
            owner = self.owners[result.owner] = _OwnerCodes()
        known = len(owner.terms)
        if result.vocab_from != known or int(result.seq_codes.max(initial=-1)) >= known + len(result.vocab):
            raise StoreError("worker_vocabulary", worker=result.owner, sent=result.vocab_from, known=known)
        owner.receive(result.vocab)
        missing = owner.ids[result.seq_codes] < 0
        if missing.any():
            codes = pd.unique(result.seq_codes[missing])  # in order of first appearance
            owner.ids[codes] = self.lookup([owner.terms[c] for c in codes.tolist()], new)
        return owner.ids

    def forget(self, new: list[tuple[int, str]]) -> None:
        """Forget the ids given in ``new`` (their batch was rolled back)."""
        for term_id, term in new:
            if self.ids.get(term) == term_id:
                del self.ids[term]
        forgotten = np.array([term_id for term_id, _ in new], dtype=np.int32)
        for owner in self.owners.values():
            owner.ids[np.isin(owner.ids, forgotten)] = -1


@dataclass
class _OwnerCodes:
    """One owner's terms (code = index) and the term id of each, -1 until one is looked up."""

    terms: list[str] = field(default_factory=list)
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))

    def receive(self, terms: list[str]) -> None:
        """Append the terms the owner sent (their codes follow the ones known)."""
        self.terms.extend(terms)
        if len(self.terms) > len(self.ids):  # grown by half at least: amortised appends
            grown = np.full(max(len(self.terms), len(self.ids) * 3 // 2), -1, dtype=np.int32)
            grown[: len(self.ids)] = self.ids
            self.ids = grown


def write_batch(
    con: duckdb.DuckDBPyConnection,
    batch: list[tuple[pd.DataFrame, ChunkResult]],
    *,
    vocabulary: Vocabulary,
    run_id: int,
    counts: dict[str, int],
) -> None:
    """Write analysed chunks in one transaction.

    Args:
        con: the store's connection.
        batch: each chunk's planned rows (contract columns, ``doc_key``, ``content_hash``,
            ``old_key``) with its analysis.
        vocabulary: the term ids, extended in place.
        run_id: the ingest run writing this batch.
        counts: the run's counters so far, stored in ``runs`` with the batch.
    """
    new_terms: list[tuple[int, str]] = []
    try:
        tables = _tables(batch, vocabulary, new_terms, run_id)
    except BaseException:
        vocabulary.forget(new_terms)  # given before the batch turned out unwritable
        raise
    frame = pd.concat([rows for rows, _ in batch], ignore_index=True)
    doomed = pd.concat([frame["doc_key"], frame["old_key"].dropna()]).astype("int64").unique()
    con.execute("BEGIN TRANSACTION")
    try:
        if (frame["mode"] != "new").any():
            _delete(con, doomed)
        if new_terms:
            _insert(con, "vocabulary", pa.table({"term_id": pa.array([i for i, _ in new_terms], pa.int32()),
                                                 "term": pa.array([t for _, t in new_terms], pa.string())}))
        for name, table in tables.items():
            _insert(con, name, table)
        mark_stale(con)
        con.execute("UPDATE runs SET n_new = ?, n_skipped = ?, n_resegmented = ? WHERE run_id = ?",
                    [counts["new"] + counts["replaced"], counts["skipped"], counts["resegmented"], run_id])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        vocabulary.forget(new_terms)  # the ids were not written
        raise


def _delete(con: duckdb.DuckDBPyConnection, keys: np.ndarray) -> None:
    """Remove the given articles and everything derived from them."""
    con.register("_doomed", pa.table({"doc_key": pa.array(keys, pa.int32())}))
    try:
        for name in ("articles", *DOC_TABLES):
            con.execute(f"DELETE FROM {name} WHERE doc_key IN (SELECT doc_key FROM _doomed)")
    finally:
        con.unregister("_doomed")


def _insert(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> None:
    con.register("_staged", table)
    try:
        if name == "articles":
            con.execute("""INSERT INTO articles BY NAME SELECT * EXCLUDE (date, edition_date),
                           date::DATE AS date, edition_date::DATE AS edition_date,
                           date_trunc('month', date)::DATE AS month, strftime(date, '%Y-%m') AS month_label,
                           year(date)::VARCHAR || 'Q' || quarter(date)::VARCHAR AS quarter_label,
                           year(date)::VARCHAR AS year_label, length(text)::INTEGER AS n_chars
                           FROM _staged""")
        else:
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _staged")
    finally:
        con.unregister("_staged")


def _tables(
    batch: list[tuple[pd.DataFrame, ChunkResult]], vocabulary: Vocabulary,
    new_terms: list[tuple[int, str]], run_id: int,
) -> dict[str, pa.Table]:
    """The rows of every table, as Arrow tables."""
    results = [result for _, result in batch]
    ids = [vocabulary.term_ids(r, new_terms) for r in results]

    def cat(values: list[np.ndarray], dtype: type | None = None) -> np.ndarray:
        out = np.concatenate(values) if values else np.zeros(0)
        return out.astype(dtype) if dtype is not None else out

    def keys(rows: str) -> pa.Array:
        return pa.array(cat([r.doc_keys[getattr(r, rows)] for r in results], np.int32))

    def terms(codes: str) -> pa.Array:
        return pa.array(cat([i[getattr(r, codes)] for i, r in zip(ids, results, strict=True)], np.int32))

    def offsets(lengths: list[np.ndarray]) -> pa.Array:
        return pa.array(np.concatenate([[0], np.cumsum(cat(lengths, np.int64))]).astype(np.int32))

    doc_keys = pa.array(cat([r.doc_keys for r in results], np.int32))
    bags = offsets([np.bincount(r.count_rows, minlength=len(r.doc_keys)) for r in results])
    counts = pa.array(cat([r.count_values for r in results], np.int32))
    return {
        "articles": _articles(pd.concat([rows for rows, _ in batch], ignore_index=True), results, run_id),
        "doc_terms": pa.table({"doc_key": doc_keys,
                               "term_ids": pa.ListArray.from_arrays(bags, terms("count_codes")),
                               "counts": pa.ListArray.from_arrays(bags, counts)}),
        "doc_tokens": pa.table({"doc_key": doc_keys, "term_ids": pa.ListArray.from_arrays(
            offsets([r.seq_lengths for r in results]), terms("seq_codes"))}),
        "doc_themes": pa.table({
            "doc_key": keys("theme_rows"),
            "theme": pa.array(cat([r.theme_ids for r in results], object), pa.string()),
            "n_hits": pa.array(cat([r.theme_hits for r in results], np.int32)),
            "score": pa.array(cat([r.theme_scores for r in results], np.float64)),
            "assigned": pa.array(cat([r.theme_assigned for r in results], bool))}),
        "doc_slogans": pa.table({
            "doc_key": keys("slogan_rows"),
            "slogan": pa.array(cat([r.slogan_texts for r in results], object), pa.string()),
            "quoted": pa.array(cat([r.slogan_quoted for r in results], bool))}),
        "doc_names": pa.table({
            "doc_key": doc_keys,
            "contexts": pa.ListArray.from_arrays(
                offsets([np.bincount(r.name_rows, minlength=len(r.doc_keys)) for r in results]),
                pa.array(cat([r.name_strings for r in results], object), pa.string())),
            "version": pa.array([r.names_version for r in results for _ in r.doc_keys], pa.string())}),
    }


def _articles(rows: pd.DataFrame, results: list[ChunkResult], run_id: int) -> pa.Table:
    """The ``articles`` rows of a batch (``month`` and ``n_chars`` are computed in SQL)."""
    table = pa.Table.from_pandas(rows[list(ARTICLE_COLUMNS)].astype({"date_source": STRING_DTYPE}),
                                 preserve_index=False)
    n = len(rows)
    extra = {
        "doc_key": pa.array(rows["doc_key"].to_numpy(np.int32)),
        "content_hash": pa.array(rows["content_hash"].astype(str).tolist(), pa.string()),
        "n_tokens": pa.array(np.concatenate([r.n_tokens for r in results]).astype(np.int32)),
        "themes": pa.array([t for r in results for t in r.assigned], pa.list_(pa.string())),
        "dict_version": pa.array([results[0].dict_version] * n, pa.string()),
        "theme_version": pa.array([results[0].theme_version] * n, pa.string()),
        "run_id": pa.array(np.full(n, run_id, dtype=np.int32)),
    }
    for name, values in extra.items():
        table = table.append_column(name, values)
    return table
