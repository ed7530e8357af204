"""Split long documents into paragraph-sized articles, for theme shares that mean something.

A 政府工作报告 is one record of 10–50 thousand characters that touches nearly every theme;
counting it as one article gives shares of 0 or 100%. Split into paragraphs, the share of a
province's report that speaks of water or ecology can be compared across provinces. Short
paragraphs (headings such as ``一、2024年工作回顾``) are joined to the paragraph after them.

Only documents of :data:`SPLIT_MIN_CHARS` characters or more are split: in a corpus that
mixes reports with news, a news article of a few paragraphs stays one article.

Only the first paragraph keeps the document's title as its ``title``: a title is read for
keywords and themes, and repeated on every paragraph it would count once per paragraph
(甘肃省 and 政府 in all 65 paragraphs of a report). The later paragraphs carry it as
their ``kicker``, the line above them, which is shown but not counted.
"""

from __future__ import annotations

import pandas as pd

from analysis.schema import coerce_articles

MIN_PARAGRAPH_CHARS = 60
"""Paragraphs shorter than this (headings, one-line captions) join the next paragraph."""

SPLIT_MIN_CHARS = 3_000
"""Documents shorter than this stay whole when a corpus is split: a news article is rarely
longer (a provincial 政协 story runs 500–1,500 characters), a work report is 15,000–40,000."""

LONG_DOCUMENTS_MEAN_CHARS = 5_000
"""Mean characters per article from which a corpus counts as one of long documents, and
the analyst is told that splitting it would make its theme shares mean something."""


def long_documents(articles: pd.DataFrame, *, min_document_chars: int = SPLIT_MIN_CHARS) -> pd.Series:
    """True for each article long enough to be split into paragraphs."""
    return articles["text"].fillna("").astype(str).str.len() >= min_document_chars


def mostly_long(articles: pd.DataFrame) -> bool:
    """Whether the articles are long documents on average (see :data:`LONG_DOCUMENTS_MEAN_CHARS`)."""
    if articles.empty:
        return False
    return bool(articles["text"].fillna("").astype(str).str.len().mean() >= LONG_DOCUMENTS_MEAN_CHARS)


def _chunks(text: str, min_chars: int) -> list[str]:
    """Paragraphs of ``text``, short ones carried into the next."""
    chunks: list[str] = []
    carry = ""
    for paragraph in (p.strip() for p in text.split("\n")):
        if not paragraph:
            continue
        carry = f"{carry}\n{paragraph}" if carry else paragraph
        if len(carry) >= min_chars:
            chunks.append(carry)
            carry = ""
    if carry:
        if chunks:
            chunks[-1] = f"{chunks[-1]}\n{carry}"
        else:
            chunks.append(carry)
    return chunks


def split_into_paragraphs(
    articles: pd.DataFrame, *, min_chars: int = MIN_PARAGRAPH_CHARS, min_document_chars: int = SPLIT_MIN_CHARS
) -> pd.DataFrame:
    """One row per paragraph of each long document, keeping all its other columns.

    Args:
        articles: the articles table.
        min_chars: shorter paragraphs are joined to the next one.
        min_document_chars: shorter documents stay whole, as they were.

    Returns:
        A new articles table. For each document split: ``doc_id`` becomes
        ``<doc_id>#p<n>`` (1-based), ``source`` gains ``#p<n>``, the text is the
        paragraph; the first paragraph keeps the title (and kicker), each later one has no
        title and the document's title as its kicker. Shorter documents are unchanged.
    """
    rows = articles.reset_index(drop=True)
    split = long_documents(rows, min_document_chars=min_document_chars).to_numpy()
    chunks = [_chunks(str(text) if isinstance(text, str) else "", min_chars) if long else None
              for text, long in zip(rows["text"], split, strict=True)]
    repeat = [1 if c is None else max(len(c), 1) for c in chunks]
    out = rows.loc[rows.index.repeat(repeat)].reset_index(drop=True)
    numbers = [n for count in repeat for n in range(1, count + 1)]
    texts = [piece for c, text in zip(chunks, rows["text"], strict=True) for piece in
             ([text] if c is None else c or [""])]
    suffixed = [long for long, count in zip(split, repeat, strict=True) for _ in range(count)]
    out["text"] = texts
    for column in ("doc_id", "source"):
        out[column] = [f"{value}#p{n}" if cut else value
                       for value, n, cut in zip(out[column], numbers, suffixed, strict=True)]
    later = pd.Series(numbers, index=out.index) > 1
    out["kicker"] = out["kicker"].astype(object).where(~later, out["title"].astype(object))
    out["title"] = out["title"].astype(object).where(~later, None)
    return coerce_articles(out)
