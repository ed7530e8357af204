"""Slogans and the theme evidence of one article, from the store."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from analysis.schema import STRING_DTYPE
from analysis.store.database import Database
from analysis.store.filters import LEVELS, Filters, Level
from analysis.theme_dictionary import ThemeDictionary
from analysis.themes import match_themes, score_themes

SLOGAN_COLUMNS = ("slogan", "n_mentions", "n_articles", "first_date", "last_date", "n_groups", "groups")
SPREAD_COLUMNS = ("slogan", "place", "first_date", "n_articles")
HIT_COLUMNS = ("theme", "term", "sentence_index", "sentence", "start")
SCORE_COLUMNS = ("theme", "n_hits", "score", "assigned")


def slogans(
    db: Database, f: Filters, *, by: Level = "prefecture",
    one_off: Callable[[Mapping[str, int]], set[str]] | None = None,
) -> pd.DataFrame:
    """Slogan mentions in the filtered articles: how often, how widely, and when.

    Args:
        db: the store's database.
        f: the filters.
        by: the place level whose names are listed.
        one_off: given each slogan's mentions in all stored articles, the slogans to leave
            out (:func:`analysis.slogans.one_off_quotes`: bare quotations quoted fewer than
            :data:`~analysis.slogans.MIN_BARE_MENTIONS` times), as
            :func:`analysis.slogans.find_slogans` leaves them out of a corpus. Counted in all
            stored articles, not the filtered ones: a slogan is one whatever the filter
            shows. None keeps every one.

    Returns:
        Columns ``slogan``, ``n_mentions``, ``n_articles``, ``first_date``, ``last_date``,
        ``n_groups`` and ``groups`` (sorted names of the ``by`` places), as
        :func:`analysis.slogans.summarize_slogans`, by ``n_mentions`` descending then slogan.
    """
    if by not in LEVELS:
        raise ValueError(f"by must be one of {', '.join(LEVELS)}, not {by!r}")
    where = db.article_clause(f)
    out = db.frame(
        f"""SELECT s.slogan, count(*)::BIGINT AS n_mentions, count(DISTINCT s.doc_key)::BIGINT AS n_articles,
                   min(date) AS first_date, max(date) AS last_date,
                   list_sort(list(DISTINCT {by}) FILTER (WHERE {by} IS NOT NULL)) AS groups
            FROM doc_slogans s JOIN articles USING (doc_key) WHERE {where.sql}
            GROUP BY s.slogan ORDER BY n_mentions DESC, s.slogan""", where.params)
    out["groups"] = [[str(g) for g in v] if isinstance(v, list | np.ndarray) else [] for v in out["groups"]]
    if one_off is not None and len(out):
        totals = db.frame("""SELECT slogan, count(*)::BIGINT AS n FROM doc_slogans
                             WHERE list_contains(?, slogan) GROUP BY slogan""", [out["slogan"].tolist()])
        dropped = one_off(dict(zip(totals["slogan"], totals["n"].tolist(), strict=True)))
        out = out[~out["slogan"].isin(dropped)].reset_index(drop=True)
    out["n_groups"] = out["groups"].map(len).astype("int64")
    for column in ("first_date", "last_date"):
        out[column] = pd.to_datetime(out[column]).astype("datetime64[us]")
    return out.astype({"slogan": STRING_DTYPE})[list(SLOGAN_COLUMNS)]


def slogan_spread(
    db: Database, f: Filters, *, slogans: tuple[str, ...], by: Level = "prefecture"
) -> pd.DataFrame:
    """Where and when each of ``slogans`` was first mentioned among the filtered articles.

    Returns:
        Columns ``slogan``, ``place`` (the name at ``by``), ``first_date`` (the first
        mentioning article there) and ``n_articles`` (mentioning articles there), one row per
        slogan and place, by slogan, first date and place. Articles with no place at ``by``
        are left out: they cannot say where a slogan went.
    """
    if by not in LEVELS:
        raise ValueError(f"by must be one of {', '.join(LEVELS)}, not {by!r}")
    where = db.article_clause(f)
    out = db.frame(
        f"""SELECT s.slogan, {by} AS place, min(date) AS first_date,
                   count(DISTINCT s.doc_key)::BIGINT AS n_articles
            FROM doc_slogans s JOIN articles USING (doc_key)
            WHERE {where.sql} AND {by} IS NOT NULL AND list_contains(?, s.slogan)
            GROUP BY ALL ORDER BY s.slogan, first_date, place""", [*where.params, list(slogans)])
    out["first_date"] = pd.to_datetime(out["first_date"]).astype("datetime64[us]")
    return out.astype({"slogan": STRING_DTYPE, "place": STRING_DTYPE})[list(SPREAD_COLUMNS)]


def theme_hits(article: dict, *, themes: ThemeDictionary) -> pd.DataFrame:
    """Every theme hit of one article, with its sentence, recomputed from its text.

    Returns:
        Columns ``theme``, ``term``, ``sentence_index`` (0 is the title), ``sentence`` and
        ``start`` (offset of the hit in the sentence), as :func:`analysis.themes.match_themes`.
    """
    frame = pd.DataFrame({"doc_id": [article["doc_id"]], "title": [article.get("title") or ""],
                          "text": [article.get("text") or ""]})
    return match_themes(frame, themes=themes)[list(HIT_COLUMNS)].reset_index(drop=True)


def theme_scores(article: dict, *, themes: ThemeDictionary) -> pd.DataFrame:
    """The score of one article for each theme it has hits for, and whether it was assigned.

    Returns:
        Columns ``theme``, ``n_hits``, ``score`` (weighted hits per 1,000 characters) and
        ``assigned`` (``score >= themes.threshold`` and ``n_hits >= themes.min_hits``), as
        :func:`analysis.themes.score_themes`, in dictionary order.
    """
    frame = pd.DataFrame({"doc_id": [article["doc_id"]], "title": [article.get("title") or ""],
                          "text": [article.get("text") or ""]})
    return score_themes(frame, themes=themes)[list(SCORE_COLUMNS)].reset_index(drop=True)
