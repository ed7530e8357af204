"""Themes per article (hits, scores, assignments), and theme counts per group and period.

Three steps, each returning a new long table:

1. :func:`match_themes` finds every term and pattern hit, traced to its sentence.
2. :func:`score_themes` turns hits into a score per article and theme and decides which
   themes an article is assigned; :func:`assign_themes` gives the list per article.
3. :func:`count_themes` counts articles per theme by place and period, with the
   denominator, for heatmaps and trend lines (in :mod:`analysis.theme_counts`, with
   :func:`overall_theme_shares`; both importable from here).

Scoring (the settings are top-level keys of ``data/themes.toml``)::

    hit weight = term weight (see theme_terms), x title_weight if the hit is in the title
    length     = len(title) + len(text), raised to length_floor and lowered to length_cap
    score      = sum of hit weights x 1000 / length   (weighted hits per 1,000 characters)
    assigned   = score >= threshold and n_hits >= min_hits
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy as np
import pandas as pd

from analysis.theme_counts import ALL_LABEL, COUNT_COLUMNS, UNKNOWN_LABEL, count_themes, overall_theme_shares
from analysis.theme_dictionary import SENTENCE_DELIMITERS, ThemeDictionary
from analysis.theme_scoring import ThemeScores, score_hits, score_texts, text_lengths, title_counters

__all__ = [
    "ALL_LABEL",
    "COUNT_COLUMNS",
    "HIT_COLUMNS",
    "SCORE_COLUMNS",
    "UNKNOWN_LABEL",
    "ThemeScores",
    "assign_themes",
    "count_themes",
    "match_themes",
    "overall_theme_shares",
    "score_texts",
    "score_themes",
    "split_sentences",
]

HIT_COLUMNS = ("doc_id", "theme", "term", "sentence_index", "sentence", "start", "weight")
SCORE_COLUMNS = ("doc_id", "theme", "n_hits", "score", "assigned")

_ENDS = SENTENCE_DELIMITERS.replace("\n", "")
_SENTENCE = re.compile(rf"[^{SENTENCE_DELIMITERS}]+(?:[{_ENDS}]+[”’\"」』）)]*)?")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Split text into sentences on ``。！？!?；;`` and line breaks.

    A sentence keeps its end punctuation and a closing quote right after it; surrounding
    whitespace is trimmed and blank sentences are dropped.

    Args:
        text: the article body.

    Returns:
        ``(offset in text, sentence)`` pairs, in order.
    """
    out = []
    for match in _SENTENCE.finditer(text or ""):
        sentence = match.group()
        stripped = sentence.strip()
        if stripped:
            out.append((match.start() + len(sentence) - len(sentence.lstrip()), stripped))
    return out


def match_themes(articles: pd.DataFrame, *, themes: ThemeDictionary) -> pd.DataFrame:
    """Find every theme hit in each article's title and text, traced to its sentence.

    Terms match as substrings, longest first and without overlaps (``党纪学习教育`` is one
    hit, not also ``学习教育``); patterns match as regexes within a sentence (see
    :class:`~analysis.theme_matcher.ThemeMatcher`). A term listed by several themes
    gives one row per theme. The title is sentence 0 and its hits weigh ``title_weight``
    times more; the text's sentences are numbered from 1.

    Args:
        articles: the articles table (``doc_id``, ``title``, ``text``).
        themes: the theme dictionary.

    Returns:
        One row per (hit, theme), in article order, title first, then by position, with
        columns ``doc_id``, ``theme``, ``term`` (what matched: the term, or for a pattern
        the text it matched), ``sentence_index``, ``sentence``, ``start`` (offset in the
        sentence: ``sentence[start:start + len(term)] == term``) and ``weight``.
    """
    doc_ids, titles, texts = _columns(articles)
    title_hits, text_hits = _find(titles, texts, themes)
    located = _locate(text_hits, texts)
    title_hits = title_hits.assign(
        sentence_index=0,
        sentence=[titles[d].strip() for d in title_hits["text"]],
        start=title_hits["start"] - [len(titles[d]) - len(titles[d].lstrip()) for d in title_hits["text"]],
    )
    hits = pd.concat([title_hits, text_hits.assign(**located)], ignore_index=True)
    hits = hits.sort_values("text", kind="stable")
    return pd.DataFrame(
        {
            "doc_id": pd.Series(np.asarray(doc_ids, dtype=object)[hits["text"]], dtype="str"),
            "theme": pd.Series(np.asarray(themes.ids, dtype=object)[hits["theme"]], dtype="str"),
            "term": pd.Series(hits["term"].to_numpy(), dtype="str"),
            "sentence_index": hits["sentence_index"].to_numpy("int64"),
            "sentence": pd.Series(hits["sentence"].to_numpy(), dtype="str"),
            "start": hits["start"].to_numpy("int64"),
            "weight": hits["weight"].to_numpy("float64"),
        }
    )


def score_themes(
    articles: pd.DataFrame,
    hits: pd.DataFrame | None = None,
    *,
    themes: ThemeDictionary,
    threshold: float | None = None,
    min_hits: int | None = None,
) -> pd.DataFrame:
    """Score each article for each theme it has hits for, and decide assignment.

    ``score = sum(weight) * 1000 / length``: weighted hits per 1,000 characters, where
    ``length = len(title) + len(text)`` clipped to ``[length_floor, length_cap]``. An
    article shorter than the floor counts as that long, so that a two-line brief with one
    mention is not inflated; one longer than the cap counts as that long, so that a long
    report needs as much evidence as a dense feature of that length and not more.
    ``assigned`` needs both ``score >= threshold`` and ``n_hits >= min_hits``.

    Args:
        articles: the articles table (``doc_id``, ``title``, ``text``).
        hits: the output of :func:`match_themes` for these articles; ``None`` scans the
            articles without building sentences (same numbers, faster, less memory).
        themes: the theme dictionary.
        threshold: overrides ``themes.threshold``.
        min_hits: overrides ``themes.min_hits``.

    Returns:
        One row per article and theme with at least one hit (a missing pair has no hits,
        score 0 and is not assigned), in article order then theme order, with columns
        ``doc_id``, ``theme``, ``n_hits``, ``score`` and ``assigned``.
    """
    doc_ids, titles, texts = _columns(articles)
    if hits is None:
        scores = score_texts(titles, texts, themes=themes, threshold=threshold, min_hits=min_hits)
    else:
        doc_pos, theme_pos, weights = _hit_positions(hits, doc_ids, themes)
        lengths = text_lengths(titles, texts)
        scores = score_hits(doc_pos, theme_pos, weights, lengths, themes, threshold, min_hits)
    return pd.DataFrame(
        {
            "doc_id": pd.Series(np.asarray(doc_ids, dtype=object)[scores.doc], dtype="str"),
            "theme": pd.Series(np.asarray(themes.ids, dtype=object)[scores.theme], dtype="str"),
            "n_hits": scores.n_hits,
            "score": scores.score,
            "assigned": scores.assigned,
        }
    )


def assign_themes(articles: pd.DataFrame, *, themes: ThemeDictionary) -> pd.Series:
    """Return the themes assigned to each article: the ``themes`` field of ``govthemes articles``.

    Args:
        articles: the articles table (``doc_id``, ``title``, ``text``).
        themes: the theme dictionary (its ``threshold`` and ``min_hits`` decide).

    Returns:
        A Series named ``themes``, aligned with ``articles.index``, holding for each
        article a list of theme ids, highest score first (ties in dictionary order);
        an empty list for an article in no theme.
    """
    _, titles, texts = _columns(articles)
    lists = score_texts(titles, texts, themes=themes).assigned_lists(len(articles), themes.ids)
    return pd.Series(lists, index=articles.index, name="themes", dtype="object")


def _columns(articles: pd.DataFrame) -> tuple[list[str], list[str], list[str]]:
    def strings(column: str) -> list[str]:
        if column not in articles.columns:
            return [""] * len(articles)
        return [v if isinstance(v, str) else "" for v in articles[column].to_numpy(dtype=object)]

    doc_ids = [str(d) for d in articles["doc_id"].to_numpy(dtype=object)]
    if len(set(doc_ids)) != len(doc_ids):
        raise ValueError("articles must have unique doc_id values")
    return doc_ids, strings("title"), strings("text")


def _find(titles: list[str], texts: list[str], themes: ThemeDictionary) -> tuple[pd.DataFrame, pd.DataFrame]:
    places = themes.matcher.title_places(titles)
    title_hits = themes.matcher.find(titles, places=themes.matcher.headline_places(places, texts))
    title_hits["weight"] *= themes.title_weight
    seen = (title_hits["text"].to_numpy(), title_hits["theme"].to_numpy())
    against = title_counters(titles, themes, title_hits=seen)
    return title_hits, themes.matcher.find(texts, against=against, places=places)


def _locate(hits: pd.DataFrame, texts: list[str]) -> dict[str, list]:
    """Sentence number (from 1), sentence and offset in it of each text hit."""
    index, sentence, offset = [], [], []
    current, starts, found = -1, [], []
    for doc, start in zip(hits["text"].tolist(), hits["start"].tolist(), strict=True):
        if doc != current:
            current, split = doc, split_sentences(texts[doc])
            starts, found = [o for o, _ in split], [s for _, s in split]
        k = bisect_right(starts, start) - 1
        index.append(k + 1)
        sentence.append(found[k])
        offset.append(start - starts[k])
    return {"sentence_index": index, "sentence": sentence, "start": offset}


def _hit_positions(
    hits: pd.DataFrame, doc_ids: list[str], themes: ThemeDictionary
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    doc_pos = pd.Index(doc_ids).get_indexer(hits["doc_id"])
    theme_pos = pd.Index(themes.ids).get_indexer(hits["theme"])
    if (doc_pos < 0).any() or (theme_pos < 0).any():
        strays = sorted(set(hits["doc_id"][doc_pos < 0]) | set(hits["theme"][theme_pos < 0]))
        raise ValueError(f"hits name articles or themes that are not given here, e.g. {strays[:3]}")
    return doc_pos.astype("int64"), theme_pos.astype("int64"), hits["weight"].to_numpy("float64")


