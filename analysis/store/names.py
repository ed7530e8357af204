"""Keyness of a place without its place and person names (see :mod:`analysis.name_terms`).

The names are decided from the store: place names from the gazetteer and the provinces of
the filtered articles, person names from the texts and bylines of the target place's
filtered articles (its officials are named there, not in the reference).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pandas as pd

from analysis.name_terms import (
    NameLists,
    author_names,
    count_name_contexts,
    load_name_lists,
    person_name_terms,
    place_name_terms,
)
from analysis.store.database import Database
from analysis.store.filters import Clause, Filters, Level

NameKind = Literal["place", "person"]
NAME_KINDS: tuple[NameKind, ...] = ("place", "person")
CANDIDATES = 400
"""Strongest terms checked for names: more than any chart shows after the names go."""


def leave_out_names(
    db: Database, f: Filters, table: pd.DataFrame, *, level: Level, target_adcode: str,
    kinds: Sequence[NameKind], top: int | None, lists: NameLists | None = None,
) -> pd.DataFrame:
    """Drop place and/or person names from a keyness table, then keep the ``top`` rows.

    Args:
        db: the store's database.
        f: the filters the table was computed under.
        table: a keyness table, best first (all rows, not yet cut to ``top``).
        level: the level of ``target_adcode``.
        target_adcode: the place compared with the others.
        kinds: what to leave out: ``"place"``, ``"person"`` or both.
        top: rows kept after the names are dropped (None: all).
        lists: the name lists (default: ``data/names.toml``).

    Returns:
        The table without the names. ``attrs["left_out"]`` is ``{kind: [terms]}``, the
        names dropped among the strongest :data:`CANDIDATES` terms, strongest first.
    """
    unknown = set(kinds) - set(NAME_KINDS)
    if unknown:
        raise ValueError(f"kinds must be among {', '.join(NAME_KINDS)}, not {sorted(unknown)}")
    lists = lists or load_name_lists()
    candidates = table.head(CANDIDATES)
    names: dict[str, frozenset[str]] = {}
    if "place" in kinds:
        names["place"] = _place_names(db, f, lists)
    if "person" in kinds:
        names["person"] = _person_names(db, f, candidates, level=level, target_adcode=target_adcode,
                                        lists=lists)
    if "place" in kinds:  # a dateline the segmenter cut after the place: 红古讯 of 本报红古讯
        names["place"] |= {t for t in candidates["term"] if t.endswith("讯") and t[:-1] in names["place"]}
    dropped = {kind: [t for t in candidates["term"] if t in found] for kind, found in names.items()}
    every = set().union(*names.values()) if names else set()
    out = table[~table["term"].isin(every)]
    out = out.head(top if top is not None else len(out)).reset_index(drop=True)
    out.attrs["left_out"] = dropped
    return out


def _place_names(db: Database, f: Filters, lists: NameLists) -> frozenset[str]:
    from analysis.places import load_gazetteer

    where = db.article_clause(f)
    provinces = db.frame(
        f"SELECT DISTINCT province_code FROM articles WHERE province_code IS NOT NULL AND {where.sql}",
        where.params)["province_code"].tolist()
    return place_name_terms(load_gazetteer(), provinces=provinces, keep=lists.place_words)


def _person_names(
    db: Database, f: Filters, candidates: pd.DataFrame, *, level: Level, target_adcode: str, lists: NameLists
) -> frozenset[str]:
    where = db.article_clause(f) & Clause(f"{level}_code = ?", (target_adcode,))
    texts = db.frame(f"SELECT title, text, author FROM articles WHERE {where.sql}", where.params)
    contexts = count_name_contexts(
        (f"{title or ''}\n{text or ''}" for title, text in zip(texts["title"], texts["text"], strict=True)),
        lists=lists)
    frequencies = dict(zip(candidates["term"], candidates["target_frequency"], strict=True))
    return person_name_terms(frequencies, contexts, authors=author_names(texts["author"]),
                             not_names=lists.not_names)
