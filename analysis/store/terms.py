"""Term frequencies, keyness and co-occurrence of the filtered articles, aggregated in SQL.

Term sums are read from the per-month pre-aggregation ``agg_terms`` for the whole months
of the date range and from ``doc_terms`` for the other days (:func:`term_parts`); with a
theme or search filter, or stale pre-aggregations, everything comes from ``doc_terms``.
Scoring reuses :func:`analysis.keyness.score_keyness`; the definitions of rate, rank and
PMI are those of :mod:`analysis.keywords` and :mod:`analysis.cooccurrence`.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

from analysis.cooccurrence import score_pairs
from analysis.keyness import KEYNESS_COLUMNS, score_keyness
from analysis.name_lists import NameLists
from analysis.schema import STRING_DTYPE
from analysis.store.counts import count_articles, select_mask
from analysis.store.database import Database
from analysis.store.filters import LEVELS, TRUE, Clause, Filters, Level, cell_clause, split_dates

TERM_COLUMNS = ("term", "frequency", "docfreq", "rate_per_10k", "rank")
MAX_COOCCURRENCE_TERMS = 64


def term_parts(
    db: Database, f: Filters, *, group: str | None = None, extra: Clause = TRUE
) -> tuple[str, tuple]:
    """SQL giving ``term_id, frequency, docfreq, grp`` rows whose sums answer ``f``.

    Args:
        db: the store's database.
        f: the filters.
        group: a column of ``articles`` (and the pre-aggregations) returned as ``grp``.
        extra: one more condition on those columns.
    """
    grp = group or "NULL"
    if db.aggregates_fresh and not f.per_article:
        months, days = split_dates(f)
    else:
        months, days = None, db.article_clause(f)
    parts, params = [], ()
    if months is not None:
        where = months & cell_clause(f) & extra
        source = "agg_terms JOIN cells USING (cell)"
        if where.sql == months.sql and group is None:  # no place, outlet or group: the monthly roll-up
            source = "agg_terms_month"
        parts.append(f"SELECT term_id, frequency, docfreq, {grp} AS grp FROM {source} WHERE {where.sql}")
        params += where.params
    if days is not None:
        where = days & cell_clause(f) & extra
        parts.append(f"""SELECT unnest(d.term_ids) AS term_id, unnest(d.counts) AS frequency, 1 AS docfreq,
                         {grp} AS grp FROM doc_terms d JOIN articles USING (doc_key) WHERE {where.sql}""")
        params += where.params
    return " UNION ALL ".join(parts), params


def total_tokens(db: Database, f: Filters, *, level: Level | None = None, code: str | None = None) -> int:
    """Word tokens of the filtered articles (of those whose ``{level}_code`` is ``code``, if given)."""
    index, keep = select_mask(db, f, level=level, code=code)
    return int(index.n_tokens[keep].sum())


def term_counts(db: Database, f: Filters, *, top: int | None = 100) -> pd.DataFrame:
    """The most frequent terms of the filtered articles.

    Returns:
        Columns ``term``, ``frequency``, ``docfreq``, ``rate_per_10k`` (per 10,000 word
        tokens of the filtered articles) and ``rank`` (1.. by frequency, then term), as
        :func:`analysis.keywords.count_keywords` without groups. ``attrs["total_tokens"]``
        holds the denominator.
    """
    sql, params = term_parts(db, f)
    limit = "" if top is None else f"LIMIT {int(top)}"
    out = db.frame(
        f"""SELECT v.term, s.frequency, s.docfreq FROM (
                SELECT term_id, sum(frequency)::BIGINT AS frequency, sum(docfreq)::BIGINT AS docfreq
                FROM ({sql}) GROUP BY term_id
            ) s JOIN vocabulary v USING (term_id) ORDER BY s.frequency DESC, v.term {limit}""", params)
    total = total_tokens(db, f)
    out["rate_per_10k"] = out["frequency"] / total * 10_000 if total else np.nan
    out["rank"] = np.arange(1, len(out) + 1, dtype=np.int64)
    out = out.astype({"term": STRING_DTYPE, "frequency": "int64", "docfreq": "int64",
                      "rate_per_10k": "float64"})
    out.attrs["total_tokens"] = total
    return out[list(TERM_COLUMNS)]


def keyness(
    db: Database, f: Filters, *, level: Level, target_adcode: str, top: int | None = 50,
    min_frequency: int = 5, direction: Literal["over", "under", "both"] = "over",
) -> pd.DataFrame:
    """Keyness of one place against the rest of the filtered articles.

    The target is the filtered articles whose ``{level}_code`` is ``target_adcode``; the
    reference, every other filtered article (places unknown included), as in
    :func:`analysis.keyness.compute_keyness`.

    Returns:
        The keyness columns (``term``, ``target_frequency``, ``reference_frequency``,
        ``target_total``, ``reference_total``, ``g2``, ``log_ratio``, ``p_value``,
        ``direction``), best first; empty when either side has no word tokens.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if direction not in ("over", "under", "both"):
        raise ValueError(f"direction must be 'over', 'under' or 'both', not {direction!r}")
    code = f"{level}_code"
    target_total = total_tokens(db, f, level=level, code=target_adcode)
    reference_total = total_tokens(db, f) - target_total
    if target_total == 0 or reference_total == 0:
        return _empty_keyness()
    sql, params = term_parts(db, f, group=code)
    table = db.frame(
        f"""SELECT v.term, s.a, s.total - s.a AS b FROM (
                SELECT term_id,
                       coalesce(sum(frequency) FILTER (WHERE grp IS NOT DISTINCT FROM ?), 0)::BIGINT AS a,
                       sum(frequency)::BIGINT AS total
                FROM ({sql}) GROUP BY term_id HAVING sum(frequency) >= ?
            ) s JOIN vocabulary v USING (term_id)""", [target_adcode, *params, int(min_frequency)])
    return _ranked_keyness(table, target_total, reference_total, top=top, direction=direction)


def keyness_between(
    db: Database, target: Filters, reference: Filters, *, top: int | None = 50, min_frequency: int = 5,
    direction: Literal["over", "under", "both"] = "over",
) -> pd.DataFrame:
    """Keyness of one selection of articles against another, e.g. a quarter against the quarters before.

    The two selections should not overlap (an article in both counts on both sides).

    Returns:
        The columns of :func:`keyness`, best first; empty when either side has no word tokens.
    """
    if direction not in ("over", "under", "both"):
        raise ValueError(f"direction must be 'over', 'under' or 'both', not {direction!r}")
    target_total, reference_total = total_tokens(db, target), total_tokens(db, reference)
    if target_total == 0 or reference_total == 0:
        return _empty_keyness()
    target_sql, target_params = term_parts(db, target)
    reference_sql, reference_params = term_parts(db, reference)
    table = db.frame(
        f"""SELECT v.term, s.a, s.b FROM (
                SELECT term_id, sum(a)::BIGINT AS a, sum(b)::BIGINT AS b FROM (
                    SELECT term_id, frequency AS a, 0 AS b FROM ({target_sql})
                    UNION ALL SELECT term_id, 0 AS a, frequency AS b FROM ({reference_sql})
                ) GROUP BY term_id HAVING sum(a) + sum(b) >= ?
            ) s JOIN vocabulary v USING (term_id)""", [*target_params, *reference_params, int(min_frequency)])
    return _ranked_keyness(table, target_total, reference_total, top=top, direction=direction)


def _ranked_keyness(
    table: pd.DataFrame, target_total: int, reference_total: int, *, top: int | None, direction: str
) -> pd.DataFrame:
    """Score ``term, a, b`` frequencies and keep ``direction``'s terms, strongest first."""
    out = score_keyness(table["a"].to_numpy(), table["b"].to_numpy(),
                        target_total=target_total, reference_total=reference_total)
    out.insert(0, "term", pd.Series(table["term"].to_numpy(), dtype=STRING_DTYPE))
    if direction != "both":
        out = out[out["direction"] == direction]
    out = out.assign(_over=out["direction"] != "over")
    out = out.sort_values(["_over", "g2", "term"], ascending=[True, False, True]).drop(columns="_over")
    return out.head(top if top is not None else len(out)).reset_index(drop=True)[list(KEYNESS_COLUMNS)]


def cooccurrence(db: Database, f: Filters, *, top: int = 40, min_count: int = 2,
                 leave_out: tuple[str, ...] = (), lists: NameLists | None = None) -> pd.DataFrame:
    """Document co-occurrence of the ``top`` terms by document frequency, with PMI and NPMI.

    ``leave_out`` (``"place"``, ``"person"``) drops those names before the ``top`` terms are
    taken, as the top terms do (:func:`analysis.store.names.leave_out_names`): a network
    whose hubs are the leader and the capital says who and where, not what about. ``lists``
    are the name lists (default: ``data/names.toml``).

    Returns:
        Columns ``term_a``, ``term_b`` (``term_a < term_b``), ``n_articles``, ``pmi`` and
        ``npmi``, as :func:`analysis.cooccurrence.count_cooccurrence` (same formulas and order).
        ``attrs["terms"]`` lists the ``top`` terms paired, most articles first (a term
        with no pair of ``min_count`` articles is in no row); with ``leave_out``,
        ``attrs["left_out"]`` lists the names dropped, by kind.
    """
    if not 0 < top <= MAX_COOCCURRENCE_TERMS:
        raise ValueError(f"top must be between 1 and {MAX_COOCCURRENCE_TERMS}, not {top}")
    sql, params = term_parts(db, f)
    left_out = None
    if leave_out:
        from analysis.store.names import CANDIDATES, leave_out_names

        chosen = _most_articles(db, sql, params, limit=top + CANDIDATES)
        chosen = leave_out_names(db, f, chosen, kinds=leave_out, top=top, lists=lists)
        left_out = chosen.attrs["left_out"]
    else:
        chosen = _most_articles(db, sql, params, limit=top)
    ranked = chosen["term"].astype(str).tolist()
    chosen = chosen.sort_values("term", ignore_index=True)
    where = db.article_clause(f)
    masks = db.frame(
        f"""SELECT mask, count(*) AS n FROM (
                SELECT u.doc_key, bit_or(1::UBIGINT << c.idx::UBIGINT) AS mask FROM (
                    SELECT d.doc_key, unnest(d.term_ids) AS term_id
                    FROM doc_terms d JOIN articles USING (doc_key) WHERE {where.sql}
                ) u JOIN (SELECT unnest(?::INTEGER[]) AS term_id, unnest(?::INTEGER[]) AS idx) c
                    USING (term_id)
                GROUP BY u.doc_key
            ) GROUP BY mask""", [*where.params, chosen["term_id"].tolist(), list(range(len(chosen)))])
    shifts = np.arange(len(chosen), dtype=np.uint64)
    bits = (masks["mask"].to_numpy(np.uint64)[:, None] >> shifts) & np.uint64(1)
    present = bits.astype(np.float64)
    incidence = (present.T @ (present * masks["n"].to_numpy(np.float64)[:, None])).round().astype(np.int64)
    out = score_pairs(incidence, chosen["term"].to_numpy(dtype=object), n_docs=count_articles(db, f),
                      min_count=min_count)
    out.attrs["terms"] = ranked
    if left_out is not None:
        out.attrs["left_out"] = left_out
    return out


def _most_articles(db: Database, sql: str, params: tuple, *, limit: int) -> pd.DataFrame:
    """``term, term_id`` of the ``limit`` terms in the most filtered articles (ties by term)."""
    return db.frame(
        f"""SELECT v.term, s.term_id FROM (
                SELECT term_id, sum(docfreq) AS docfreq FROM ({sql}) GROUP BY term_id
            ) s JOIN vocabulary v USING (term_id)
            ORDER BY s.docfreq DESC, v.term LIMIT {int(limit)}""", params)


def _empty_keyness() -> pd.DataFrame:
    out = score_keyness(np.zeros(0), np.zeros(0), target_total=1, reference_total=1)
    out.insert(0, "term", pd.Series([], dtype=STRING_DTYPE))
    return out[list(KEYNESS_COLUMNS)]
