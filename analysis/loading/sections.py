"""Split long documents into paragraph-sized articles, for theme shares that mean something.

A 政府工作报告 is one record of 10–50 thousand characters that touches nearly every theme;
counting it as one article gives shares of 0 or 100%. Split into paragraphs, the share of a
province's report that speaks of water or ecology can be compared across provinces. Short
paragraphs (headings such as ``一、2024年工作回顾``) are joined to the paragraph after them.

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


def split_into_paragraphs(articles: pd.DataFrame, *, min_chars: int = MIN_PARAGRAPH_CHARS) -> pd.DataFrame:
    """One row per paragraph of each article, keeping all its other columns.

    Args:
        articles: the articles table.
        min_chars: shorter paragraphs are joined to the next one.

    Returns:
        A new articles table: ``doc_id`` becomes ``<doc_id>#p<n>`` (1-based), ``source``
        gains ``#p<n>``, the text is the paragraph; the first paragraph keeps the title
        (and kicker), each later one has no title and the document's title as its kicker.
    """
    rows = articles.reset_index(drop=True)
    chunks = [_chunks(str(text) if isinstance(text, str) else "", min_chars) for text in rows["text"]]
    repeat = [max(len(c), 1) for c in chunks]
    out = rows.loc[rows.index.repeat(repeat)].reset_index(drop=True)
    numbers = [n for count in repeat for n in range(1, count + 1)]
    texts = [piece for c in chunks for piece in (c or [""])]
    out["text"] = texts
    out["doc_id"] = [f"{doc}#p{n}" for doc, n in zip(out["doc_id"], numbers, strict=True)]
    out["source"] = [f"{src}#p{n}" for src, n in zip(out["source"], numbers, strict=True)]
    later = pd.Series(numbers, index=out.index) > 1
    out["kicker"] = out["kicker"].astype(object).where(~later, out["title"].astype(object))
    out["title"] = out["title"].astype(object).where(~later, None)
    return coerce_articles(out)
