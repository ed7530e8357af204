"""Turn raw articles into the articles table: ids, event dates and localities.

This is the last loading step: it decides each article's date (the event date in its
lead, else the edition or metadata date), the place it is about (a GB/T 2260 code rolled
up to province, prefecture and county), and a stable ``doc_id``.
"""

from __future__ import annotations

import hashlib
from collections import Counter

import pandas as pd

from analysis.dates import resolve_event_date
from analysis.loading.raw import RawArticle
from analysis.schema import LOCALITY_COLUMNS, STRING_DTYPE, build_articles


def make_doc_id(article: RawArticle) -> str:
    """A stable id: a hash of where the article was read and what it says."""
    key = "\x1f".join([article.source, article.title or "", article.text[:2000]])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _unique_ids(ids: list[str]) -> list[str]:
    """Make ids unique by suffixing repeats (``id``, ``id~2``, ``id~3``…)."""
    counts: Counter[str] = Counter()
    unique = []
    for doc_id in ids:
        counts[doc_id] += 1
        unique.append(doc_id if counts[doc_id] == 1 else f"{doc_id}~{counts[doc_id]}")
    return unique


def _date_of(article: RawArticle) -> tuple[object, object]:
    """The article's event date and where it came from (:func:`resolve_event_date`)."""
    return resolve_event_date(
        article.text, edition_date=article.edition_date, metadata_date=article.metadata_date,
        metadata_year=article.metadata_year, dateline=article.dateline_date)


def _locality_frame(raws: list[RawArticle]) -> pd.DataFrame:
    """The inputs of locality resolution: a record's own place columns outrank its text."""
    rows = []
    for raw in raws:
        hints = [h for h in (raw.province, raw.prefecture, raw.county) if h]
        if hints:
            rows.append({"title": None, "kicker": None, "text": " ".join(hints),
                         "dateline_place": hints[-1], "dateline_agency": None})
        else:
            rows.append({"title": raw.title, "kicker": raw.kicker, "text": raw.text,
                         "dateline_place": raw.dateline_place, "dateline_agency": raw.dateline_agency})
    return pd.DataFrame(rows, columns=["title", "kicker", "text", "dateline_place", "dateline_agency"])


def resolve_places(raws: list[RawArticle], *, province: str | None) -> pd.DataFrame:
    """The place of each article (:func:`~analysis.places.resolve_localities`), in order.

    Returns:
        A table with the columns :data:`~analysis.places.LOCALITY_COLUMNS`, one row per article.
    """
    from analysis.places import load_gazetteer, resolve_localities

    return resolve_localities(_locality_frame(raws), province_hint=province, gazetteer=load_gazetteer())


def build_articles_table(
    raws: list[RawArticle], *, province: str | None = None, places: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Resolve dates, places and ids, and return the typed articles table.

    Args:
        raws: the raw articles of every input, in input order.
        province: the corpus's province (decides ambiguous names and ``省政协``).
        places: the articles' places when resolved already (:func:`resolve_places`, as
            :class:`~analysis.loading.locality_batches.LocalityBatches` does while the files
            are read), one row per article in order; resolved here when None.

    Returns:
        The articles table (columns of :data:`analysis.schema.ARTICLE_COLUMNS`).
    """
    if not raws:
        return build_articles([])
    places = resolve_places(raws, province=province) if places is None else places
    ids = _unique_ids([raw.doc_id or make_doc_id(raw) for raw in raws])
    records = []
    for raw, doc_id in zip(raws, ids, strict=True):
        date, date_source = _date_of(raw)
        records.append({
            "doc_id": doc_id, "title": raw.title, "kicker": raw.kicker, "text": raw.text,
            "date": date, "date_source": date_source, "edition_date": raw.edition_date,
            "page": raw.page, "outlet": raw.outlet, "source": raw.source,
            "author": raw.author, "continued_from": raw.continued_from,
        })
    table = build_articles(records)
    for column in LOCALITY_COLUMNS:
        table[column] = pd.Series(places[column].to_numpy(), dtype=STRING_DTYPE)
    return table
