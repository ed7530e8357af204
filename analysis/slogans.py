"""Slogans: short formulaic phrases (“三抓三促”, “两个确立”, 百企兴百村) and where they appear.

A mention is either

* **quoted**: text inside “…” or ‘…’ that :func:`analysis.tokenize.classify_quoted` keeps
  as one token, except quoted words of 2-3 characters that are neither numbered, parallel
  nor in the dictionary's slogan section (“主力军”, “带头人”: emphasis, not slogans).
  Four-character quotes count: 四字格 is the classic shape of a slogan. Quotations longer
  than 8 characters (speech) and titles in 《》 are never slogans; or
* **unquoted**: a word of the user dictionary's ``[slogans]`` section found in the text
  where the segmenter also cuts it as a word, so 强工业 is found in 实施强工业行动 but not
  in 做强工业经济 (做强/工业).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analysis.periods import GroupBy, assign_groups
from analysis.schema import STRING_DTYPE
from analysis.tokenize import QUOTE_RE, Tokenizer, build_tokenizer, classify_quoted

_BLOCK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9+#&._%\-]")
"""Characters the segmenters cut together; anything else ends a block."""


def find_slogans(articles: pd.DataFrame, *, tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """Find every slogan mention in the articles' title and text.

    Args:
        articles: the articles table (``doc_id``, ``title``, ``text``).
        tokenizer: supplies the slogan section of the dictionary and checks unquoted
            matches; ``None`` builds the default one (:func:`build_tokenizer`).

    Returns:
        Columns ``doc_id``, ``slogan`` (str) and ``quoted`` (bool), one row per mention, in
        article order then text order.
    """
    tokenizer = tokenizer or build_tokenizer()
    dictionary = sorted(tokenizer.slogans, key=lambda word: (-len(word), word))
    unquoted = re.compile("|".join(map(re.escape, dictionary))) if dictionary else None
    titles = articles["title"].fillna("").astype(str).tolist()
    texts = articles["text"].fillna("").astype(str).tolist()
    rows: list[tuple[str, str, bool]] = []
    for doc_id, title, text in zip(articles["doc_id"].astype(str), titles, texts, strict=True):
        full = f"{title}\n{text}" if title else text
        quoted = _quoted_mentions(full, tokenizer.slogans)
        rows += [(doc_id, phrase, True) for _, _, phrase in quoted]
        if unquoted is not None:
            taken = [(start, end) for start, end, _ in quoted]
            rows += [(doc_id, word, False) for word in _dictionary_mentions(full, unquoted, taken, tokenizer)]
    return pd.DataFrame(
        {
            "doc_id": pd.Series([r[0] for r in rows], dtype=STRING_DTYPE),
            "slogan": pd.Series([r[1] for r in rows], dtype=STRING_DTYPE),
            "quoted": np.array([r[2] for r in rows], dtype=bool),
        }
    )


def summarize_slogans(
    mentions: pd.DataFrame, *, articles: pd.DataFrame, by: GroupBy = "prefecture"
) -> pd.DataFrame:
    """Summarise slogan mentions: how often, how widely, and when.

    Args:
        mentions: from :func:`find_slogans`.
        articles: the articles table (``doc_id``, ``date`` and the ``by`` column).
        by: the grouping whose names are listed (see :func:`analysis.periods.assign_groups`).

    Returns:
        Columns ``slogan`` (str), ``n_mentions``, ``n_articles`` (int), ``first_date``,
        ``last_date`` (datetime, NaT when no mentioning article is dated), ``n_groups``
        (int) and ``groups`` (sorted list of the group names where the slogan appears;
        articles with no group value are not listed), sorted by ``n_mentions`` descending
        then slogan.
    """
    dates = articles[["doc_id", "date"]].astype({"doc_id": STRING_DTYPE})
    frame = mentions.astype({"doc_id": STRING_DTYPE}).merge(dates, on="doc_id", how="left")
    summary = frame.groupby("slogan").agg(
        n_mentions=("doc_id", "size"),
        n_articles=("doc_id", "nunique"),
        first_date=("date", "min"),
        last_date=("date", "max"),
    )
    pairs = mentions[["slogan", "doc_id"]].drop_duplicates().astype({"doc_id": STRING_DTYPE})
    located = pairs.merge(assign_groups(articles, by=by), on="doc_id").dropna(subset=["group"])
    names = located.groupby("slogan")["group"].agg(lambda groups: sorted(set(groups)))
    summary["groups"] = names.reindex(summary.index).map(
        lambda value: value if isinstance(value, list) else []
    )
    summary["n_groups"] = summary["groups"].map(len).astype(np.int64)
    summary = summary.reset_index().astype({"slogan": STRING_DTYPE})
    summary = summary.sort_values(["n_mentions", "slogan"], ascending=[False, True])
    columns = ["slogan", "n_mentions", "n_articles", "first_date", "last_date", "n_groups", "groups"]
    return summary[columns].astype({"n_mentions": np.int64, "n_articles": np.int64}).reset_index(drop=True)


def _quoted_mentions(text: str, slogans: frozenset[str]) -> list[tuple[int, int, str]]:
    """Return ``(start, end, phrase)`` of quoted slogans; start/end include the quotes."""
    found = []
    for match in QUOTE_RE.finditer(text):
        phrase = match.group(1) or match.group(2)
        kind = classify_quoted(phrase, slogans=slogans)
        if kind is not None and (kind != "short" or len(phrase) == 4):
            found.append((match.start(), match.end(), phrase))
    return found


def _dictionary_mentions(
    text: str, pattern: re.Pattern[str], taken: list[tuple[int, int]], tokenizer: Tokenizer
) -> list[str]:
    """Return dictionary slogans found outside ``taken`` spans and cut as one word."""
    words = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in taken):
            continue
        block_start, block_end = start, end
        while block_start > 0 and _BLOCK_CHAR.match(text[block_start - 1]):
            block_start -= 1
        while block_end < len(text) and _BLOCK_CHAR.match(text[block_end]):
            block_end += 1
        ends = np.cumsum([len(token) for token in tokenizer.cut(text[block_start:block_end])])
        spans = set(zip([0, *ends[:-1].tolist()], ends.tolist(), strict=True))
        if (start - block_start, end - block_start) in spans:
            words.append(match.group())
    return words
