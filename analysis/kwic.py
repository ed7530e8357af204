"""Keyword in context: every occurrence of a term in an article's headline and text, with its neighbours.

The search is a plain substring search over ``title`` and ``text`` (not over tokens), so
it finds a term whatever the segmenter did with it, including inside longer words: 协商
is found in 协商议政 too. Occurrences do not overlap (as with :meth:`str.count`).

The headline is searched as the full-text search and the slogan counts read it: a
slogan an article puts in its headline (“三抓三促”见行见效) is one of its mentions, and an
analyst who follows a count to its lines finds that one among them, marked ``title``.
"""

from __future__ import annotations

import re
from itertools import islice

import numpy as np
import pandas as pd

from analysis.schema import STRING_DTYPE

KWIC_COLUMNS = ("doc_id", "field", "left", "match", "right", "position")
FIELDS = ("title", "text")
"""Where a line stands, in the order an article's lines are listed: headline, then text."""
PARAGRAPH_MARK = "¶"
"""What a context shows where the text starts a new paragraph: a space there would hide that
the words on its far side belong to another paragraph (another speaker, another item)."""
_PARAGRAPH_BREAK = re.compile(r"\r\n|[\r\n]")


def kwic(articles: pd.DataFrame, term: str, *, window: int = 20, limit: int | None = None) -> pd.DataFrame:
    r"""List each occurrence of ``term`` in the articles' headlines and texts with its context.

    Args:
        articles: the articles table (``doc_id``, ``text`` and, if it has one, ``title``).
        term: the string to find (exact, case-sensitive).
        window: characters of context on each side (fewer at the start or end of a text).
        limit: stop after this many occurrences.

    Returns:
        Columns ``doc_id`` (str), ``field`` (``title`` or ``text``: where the line
        stands), ``left``, ``match``, ``right`` (str; a paragraph break in the context,
        ``\n``, ``\r\n`` or ``\r``, is shown as :data:`PARAGRAPH_MARK`, a tab as a
        space, so each line is one line of text) and ``position`` (int, 0-based character
        offset of the match in that field), sorted by article order, the headline's lines
        before the text's, then position.

    Raises:
        ValueError: ``term`` is empty, or ``window`` or ``limit`` is negative.
    """
    if not term:
        raise ValueError("kwic needs a non-empty term")
    if window < 0:
        raise ValueError(f"window must be 0 or more, not {window}")
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 or more, not {limit}")
    fields = {name: _strings(articles, name) for name in FIELDS}
    doc_ids = articles["doc_id"].astype(str).to_numpy()
    found = np.flatnonzero(np.logical_or.reduce(
        [texts.str.contains(term, regex=False).to_numpy(dtype=bool) for texts in fields.values()]))
    occurrences = (
        (doc_ids[i], name, *_context(texts.iat[i], match.span(), window), match.start())
        for i in found
        for name, texts in fields.items()
        for match in re.finditer(re.escape(term), texts.iat[i])
    )
    return _frame(list(islice(occurrences, limit)))


def _strings(articles: pd.DataFrame, column: str) -> pd.Series:
    """One field of every article as text ("" where missing, or where the table has no such column)."""
    if column not in articles.columns:
        return pd.Series([""] * len(articles), dtype=object)
    return articles[column].fillna("").astype(str).reset_index(drop=True)


def _context(text: str, span: tuple[int, int], window: int) -> tuple[str, str, str]:
    start, end = span
    left, right = text[max(0, start - window) : start], text[end : end + window]
    return _one_line(left), text[start:end], _one_line(right)


def _one_line(context: str) -> str:
    """``context`` on one line: paragraph breaks as :data:`PARAGRAPH_MARK`, tabs as spaces."""
    return _PARAGRAPH_BREAK.sub(PARAGRAPH_MARK, context).replace("\t", " ")


def _frame(rows: list[tuple[str, str, str, str, str, int]]) -> pd.DataFrame:
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in KWIC_COLUMNS]
    frame = pd.DataFrame(
        {
            name: pd.Series(list(values), dtype=STRING_DTYPE)
            for name, values in zip(KWIC_COLUMNS[:-1], columns[:-1], strict=True)
        }
    )
    frame["position"] = np.asarray(columns[-1], dtype=np.int64)
    return frame
