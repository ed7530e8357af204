"""Tables of terms without their place and person names (see :mod:`analysis.name_terms`).

Keyness of a place and the top terms both leave names out on request, with the same code:

* **place names** come from the gazetteer and the provinces of the filtered articles;
* **person names** from the texts and bylines the terms were counted in: the target
  place's filtered articles for keyness, all the filtered articles for the top terms.

Person names need the contexts where names stand (after a title, before 同志): ingest
stores each article's (``doc_names``). At most :data:`SAMPLE_ARTICLES` of the articles
are looked at, in runs of :data:`SAMPLE_RUN` consecutive articles (in the store's order,
the order of ingest) evenly spaced through them: the same sample for the same filters,
spread over everything that was ingested. A term's share of name contexts is measured on
the sample alone, its uses counted in the sample's bags of words: a name frequent enough
to be among the strongest terms is frequent in the sample too. A selection of fewer
articles is taken whole, so small selections are exact. On 200,000 demo articles the
sample gives the same tables as reading everything (top terms of all, a year, a
prefecture, a theme; keyness of 酒泉).

The sample's stored contexts take a few milliseconds to read. Articles without contexts
stored by the current name lists (a store written by an older version, or ``names.toml``
given new titles or surnames since) have their texts read and searched again instead:
20-80 ms for 500 articles, as DuckDB decompresses the text a block of about 2,000 articles
at a time, which is why the sample comes in runs: a few thousand scattered articles cost
as much as the whole text column, 30 runs of 100 a fraction of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from analysis.name_terms import (
    NameLists,
    author_names,
    load_name_lists,
    name_context_finder,
    name_pieces,
    person_name_terms,
    place_name_terms,
)
from analysis.store.counts import select, select_mask
from analysis.store.database import Database
from analysis.store.filters import Filters, Level
from analysis.tokenize import full_texts

NameKind = Literal["place", "person"]
NAME_KINDS: tuple[NameKind, ...] = ("place", "person")
CANDIDATES = 400
"""Terms checked for names beyond the rows kept: more than any chart shows after the names go."""
SAMPLE_ARTICLES = 500
"""Most articles whose name contexts are counted: ten runs of fifty, spread over the
filtered articles in store order (mostly date order), so each period's officials are met.
On the 24 filter changes of ``benchmarks/run.py`` over a 100k demo store they find the same
names as 3,000 do (and 3,000 the same as every text, on 200k). With the contexts stored,
the person-name pass takes ~20 ms of a filter change (~60 ms when it read the texts)."""
SAMPLE_RUN = 50
"""Consecutive articles per run of the sample: a run is read from one or two blocks of the store."""


def term_counts_without_names(
    db: Database, f: Filters, *, kinds: Sequence[NameKind], top: int | None,
    lists: NameLists | None = None,
) -> pd.DataFrame:
    """The most frequent terms of the filtered articles without place and/or person names.

    Person names are looked for in (a sample of) all the filtered articles.

    Returns:
        The columns of :func:`analysis.store.terms.term_counts`, ``rank`` counted again
        (1.. among the terms kept); ``attrs`` has ``total_tokens`` (names included) and
        ``left_out`` (see :func:`leave_out_names`).
    """
    from analysis.store.terms import term_counts

    table = term_counts(db, f, top=None if top is None else top + CANDIDATES)
    out = leave_out_names(db, f, table, kinds=kinds, top=top, lists=lists)
    out["rank"] = np.arange(1, len(out) + 1, dtype=np.int64)
    out.attrs["total_tokens"] = table.attrs["total_tokens"]
    return out


def leave_out_names(
    db: Database, f: Filters, table: pd.DataFrame, *, kinds: Sequence[NameKind], top: int | None,
    level: Level | None = None, target_adcode: str | None = None, lists: NameLists | None = None,
) -> pd.DataFrame:
    """Drop place and/or person names from a table of terms, then keep the ``top`` rows.

    Args:
        db: the store's database.
        f: the filters the table was computed under.
        table: a table with a ``term`` column, best first (not yet cut to ``top``).
        kinds: what to leave out: ``"place"``, ``"person"`` or both.
        top: rows kept after the names are dropped (None: all).
        level: with ``target_adcode``, the place whose articles the table describes
            (keyness): person names are looked for in its filtered articles only.
        target_adcode: that place's code (None: every filtered article).
        lists: the name lists (default: ``data/names.toml``).

    Returns:
        The table without the names. ``attrs["left_out"]`` is ``{kind: [terms]}``: the
        names dropped that would have been among the ``top`` rows (best first). Names
        are looked for among the first ``top`` + :data:`CANDIDATES` rows (the first
        :data:`CANDIDATES` when ``top`` is None); rows further down are kept as they are.
    """
    unknown = set(kinds) - set(NAME_KINDS)
    if unknown:
        raise ValueError(f"kinds must be among {', '.join(NAME_KINDS)}, not {sorted(unknown)}")
    lists = lists or load_name_lists()
    checked = table["term"].head(CANDIDATES + (top or 0)).astype(str).tolist()
    names: dict[str, frozenset[str]] = {}
    if "place" in kinds:
        places = _place_names(db, f, lists)
        # a dateline the segmenter cut after the place: 红古讯 of 本报红古讯
        names["place"] = places | {t for t in checked if t.endswith("讯") and t[:-1] in places}
    if "person" in kinds:
        keys = sample_articles(db, f, level=level, code=target_adcode)
        names["person"] = _person_names(db, keys, checked, lists=lists)
    terms = table["term"].astype(str).tolist()
    is_name = np.fromiter((any(t in found for found in names.values()) for t in terms), dtype=bool,
                          count=len(terms))  # not isin(): it would turn 10,000 place names into an array
    shown = checked[:_rows_before(~is_name, top)]  # the names the table would have shown
    out = table[~is_name]
    out = out.head(top if top is not None else len(out)).reset_index(drop=True)
    out.attrs["left_out"] = {kind: [t for t in shown if t in found] for kind, found in names.items()}
    return out


def _rows_before(kept: np.ndarray, top: int | None) -> int:
    """How many rows of the table come before its ``top``-th kept row (all rows when there are no more)."""
    positions = np.flatnonzero(kept)
    if top is None or len(positions) <= top:
        return len(kept)
    return int(positions[top - 1]) + 1 if top > 0 else 0


def sample_articles(
    db: Database, f: Filters, *, level: Level | None = None, code: str | None = None,
    size: int | None = None, run: int | None = None,
) -> np.ndarray:
    """The ``doc_key`` of at most ``size`` filtered articles: evenly spaced runs of ``run`` in a row.

    Args:
        db: the store's database.
        f: the filters.
        level: with ``code``, keep only the articles whose ``{level}_code`` is ``code``.
        code: that place's code.
        size: most articles returned (default :data:`SAMPLE_ARTICLES`); all of them
            when there are no more.
        run: consecutive articles (in the store's order) per run (default :data:`SAMPLE_RUN`).

    Returns:
        The keys, sorted.
    """
    size = SAMPLE_ARTICLES if size is None else size
    run = max(1, min(SAMPLE_RUN if run is None else run, size))
    index, keep = select_mask(db, f, level=level, code=code)
    keys = index.doc_key[keep]
    if len(keys) <= size:
        return keys
    starts = np.linspace(0, len(keys) - run, size // run).round().astype(np.int64)
    return keys[(starts[:, None] + np.arange(run)).ravel()]


def _place_names(db: Database, f: Filters, lists: NameLists) -> frozenset[str]:
    index, chosen = select(db, f)
    provinces = index.cells.loc[chosen.per_cell > 0, "province_code"].dropna().unique().tolist()
    gazetteer_names = _place_names_in(tuple(sorted(map(str, provinces))), frozenset(lists.place_words))
    return gazetteer_names | lists.foreign_places


@lru_cache(maxsize=16)
def _place_names_in(provinces: tuple[str, ...], keep: frozenset[str]) -> frozenset[str]:
    """:func:`place_name_terms` of the installed gazetteer, kept once made.

    The set is the same for every filter of a corpus, and takes ~20 ms to gather from the
    gazetteer's 10,000 forms.
    """
    from analysis.places import load_gazetteer

    return place_name_terms(load_gazetteer(), provinces=provinces, keep=keep)


def _person_names(db: Database, keys: np.ndarray, checked: list[str], *, lists: NameLists) -> frozenset[str]:
    """The ``checked`` terms that are person names in the articles ``keys``."""
    wanted = [keys.tolist()]
    contexts = name_pieces(_name_contexts(db, keys, lists), lists=lists)
    authors = db.frame("SELECT author FROM articles WHERE doc_key IN (SELECT unnest(?::INTEGER[]))", wanted)
    uses = db.frame(
        """SELECT v.term, sum(u.n)::BIGINT AS frequency FROM (
               SELECT unnest(term_ids) AS term_id, unnest(counts) AS n FROM doc_terms
               WHERE doc_key IN (SELECT unnest(?::INTEGER[]))
           ) u JOIN vocabulary v USING (term_id) WHERE v.term IN (SELECT unnest(?::VARCHAR[]))
           GROUP BY v.term""", [*wanted, checked])
    found = dict(zip(uses["term"].astype(str), uses["frequency"].astype(int), strict=True))
    frequencies = {term: found.get(term, 0) for term in checked}
    return person_name_terms(frequencies, contexts, authors=author_names(authors["author"]),
                             not_names=lists.not_names, after=lists.after, people=lists.people) | lists.people


def _name_contexts(db: Database, keys: np.ndarray, lists: NameLists) -> Counter[str]:
    """:func:`~analysis.name_terms.count_name_contexts` of the articles ``keys``.

    Read from ``doc_names`` where ingest stored them with the same lists (a few
    milliseconds for 500 articles); found again in the texts of the others (articles
    stored before ``doc_names`` existed, or with other titles or surnames in
    ``names.toml``): reading 500 texts takes 20-80 ms.
    """
    finder = name_context_finder(lists)
    counts: Counter[str] = Counter()
    stored = np.zeros(0, dtype=np.int64)
    if db.has_table("doc_names"):
        table = db.arrow("SELECT doc_key, contexts FROM doc_names WHERE version = ? "
                         "AND doc_key IN (SELECT unnest(?::INTEGER[]))", [finder.version, keys.tolist()])
        stored = table.column("doc_key").to_numpy()
        counts.update(pc.list_flatten(table.column("contexts")).to_pylist())
    missing = np.setdiff1d(keys, stored)
    if len(missing):
        texts = db.frame("SELECT title, text FROM articles WHERE doc_key IN (SELECT unnest(?::INTEGER[]))",
                         [missing.tolist()])
        counts += finder.count(full_texts(texts))
    return counts
