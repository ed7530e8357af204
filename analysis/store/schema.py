"""The store's tables, its content hash and its small key-value ``meta`` table.

A store is a folder holding one DuckDB file, ``store.duckdb``. Articles get a dense
integer ``doc_key`` when they enter; every derived table refers to it.

========================  ===============================================================
table                     rows
========================  ===============================================================
``articles``              one per article: the contract columns, ``content_hash``, the
                          period columns ``month`` (first day), ``month_label`` (2024-06),
                          ``quarter_label`` (2024Q2), ``year_label`` (2024), ``n_chars``,
                          ``n_tokens``, ``themes`` (assigned, best first), ``dict_version``,
                          ``theme_version``, ``run_id``
``vocabulary``            ``term_id, term``: every term ever seen
``doc_terms``             ``doc_key, term_ids, counts``: the bag of words of each article,
                          as two parallel lists (one row per article: a filtered count
                          unnests only the selected articles, twice as fast as one row per
                          term); the view ``doc_term_counts`` has ``doc_key, term_id, count``
``doc_tokens``            ``doc_key, term_ids``: its terms in text order (for
                          :func:`~analysis.store.load_tokens_from_store`)
``doc_themes``            ``doc_key, theme, n_hits, score, assigned`` (themes with a hit)
``doc_slogans``           ``doc_key, slogan, quoted``: one row per slogan mention
``doc_names``             ``doc_key, contexts, version``: the strings standing where a
                          person's name stands in the article
                          (:meth:`analysis.name_terms.NameContexts.of_text`) and the
                          fingerprint of the name lists that found them
``places``                ``level, code, name, parent_code``: the places articles name
``runs``                  one per ingest: versions, counts, status
``cells``, ``agg_terms``,  term pre-aggregations, rebuilt after each ingest
``agg_terms_month``       (:mod:`analysis.store.aggregates`)
========================  ===============================================================

Content hash. ``content_hash`` is the first 128 bits of SHA-256 over the title, a unit
separator and the text: exactly what the segmenter reads, so an article with a known hash
(and the current dictionary version) is never segmented again, whichever file, folder or
outlet it comes from again. Source, outlet and dates are left out on purpose: a moved
folder, a re-downloaded page or a page repeated in a later edition is the same text, and
is stored once (with the metadata of its first copy). A known ``doc_id`` with new text is
a corrected article: it replaces the stored one.

Loader version. ``meta`` holds the version of the loaders that made the articles
(:mod:`analysis.store.loader_version`): a store made by older loaders is refused an
ingest when today's would load its files otherwise (news bundles split into stories).

Versions. Each article records the tokenizer version (:attr:`analysis.tokenize.Tokenizer.version`:
user dictionary, stopwords, backend, rules) and a fingerprint of the theme dictionary
(:func:`analysis.store.analyzer.theme_fingerprint`) it was analysed with. After either file
changes, an ingest analyses again the stale articles it is given, and ``govthemes
resegment --store DIR`` (or ``ingest --resegment``) analyses all of them from their stored text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import duckdb
import numpy as np
import pandas as pd

from analysis.messages import CodedError
from analysis.schema import LOADER_VERSION

SCHEMA_VERSION = "1"

# The text is compressed with zstd: half the size of DuckDB's default string compression and
# a third less work to write, with the same substring search speed (measured on the demo).
_CONTRACT_SQL = """
    doc_id VARCHAR, title VARCHAR, kicker VARCHAR, text VARCHAR USING COMPRESSION zstd,
    date DATE, date_source VARCHAR,
    edition_date DATE, page VARCHAR, outlet VARCHAR, source VARCHAR, author VARCHAR,
    adcode VARCHAR, locality VARCHAR, province VARCHAR, prefecture VARCHAR, county VARCHAR,
    province_code VARCHAR, prefecture_code VARCHAR, county_code VARCHAR, continued_from VARCHAR
"""

TABLES_SQL = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    f"""CREATE TABLE IF NOT EXISTS articles (
        doc_key INTEGER NOT NULL, content_hash VARCHAR NOT NULL, {_CONTRACT_SQL},
        month DATE, month_label VARCHAR, quarter_label VARCHAR, year_label VARCHAR,
        n_chars INTEGER, n_tokens INTEGER, themes VARCHAR[],
        dict_version VARCHAR, theme_version VARCHAR, run_id INTEGER)""",
    "CREATE TABLE IF NOT EXISTS vocabulary (term_id INTEGER NOT NULL, term VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS doc_terms (doc_key INTEGER NOT NULL, term_ids INTEGER[], counts INTEGER[])",
    """CREATE VIEW IF NOT EXISTS doc_term_counts AS
        SELECT doc_key, unnest(term_ids) AS term_id, unnest(counts) AS count FROM doc_terms""",
    "CREATE TABLE IF NOT EXISTS doc_tokens (doc_key INTEGER NOT NULL, term_ids INTEGER[])",
    """CREATE TABLE IF NOT EXISTS doc_themes (
        doc_key INTEGER NOT NULL, theme VARCHAR, n_hits INTEGER, score DOUBLE, assigned BOOLEAN)""",
    "CREATE TABLE IF NOT EXISTS doc_slogans (doc_key INTEGER NOT NULL, slogan VARCHAR, quoted BOOLEAN)",
    "CREATE TABLE IF NOT EXISTS doc_names (doc_key INTEGER NOT NULL, contexts VARCHAR[], version VARCHAR)",
    "CREATE TABLE IF NOT EXISTS places (level VARCHAR, code VARCHAR, name VARCHAR, parent_code VARCHAR)",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id INTEGER, started VARCHAR, finished VARCHAR, dict_version VARCHAR,
        theme_version VARCHAR, n_new INTEGER, n_skipped INTEGER, n_resegmented INTEGER, status VARCHAR)""",
)

DOC_TABLES = ("doc_terms", "doc_tokens", "doc_themes", "doc_slogans", "doc_names")
"""Tables whose rows belong to one article (``doc_key``)."""



class StoreError(CodedError, RuntimeError):
    """A store that cannot be opened or used as asked; the message says what to do."""


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table that does not exist yet, and check the schema version."""
    for statement in TABLES_SQL:
        con.execute(statement)
    found = get_meta(con, "schema_version")
    if found is None:
        set_meta(con, schema_version=SCHEMA_VERSION, aggregates="stale", loader_version=LOADER_VERSION)
    elif found != SCHEMA_VERSION:
        raise StoreError("store_schema", found=found, expected=SCHEMA_VERSION)


def get_meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """The value stored under ``key`` in ``meta``, or None."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else row[0]


def set_meta(con: duckdb.DuckDBPyConnection, **values: str) -> None:
    """Insert or replace ``meta`` entries (inside the caller's transaction, if any)."""
    for key, value in values.items():
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def content_hash(title: object, text: object) -> str:
    """The content hash of one article (see the module docstring): 32 hex digits."""
    title = title if isinstance(title, str) else ""
    text = text if isinstance(text, str) else ""
    return hashlib.sha256(f"{title}\x1f{text}".encode()).hexdigest()[:32]


def article_hashes(articles: pd.DataFrame) -> list[str]:
    """:func:`content_hash` of each article, its kicker standing in where it has no title.

    A later paragraph of a split document has no title and its document's title as kicker
    (:mod:`analysis.loading.sections`): the same boilerplate paragraph in two provinces'
    reports is two units, not a repeat.
    """
    titles = articles["title"]
    if "kicker" in articles.columns:
        titles = titles.astype(object).where(titles.notna(), articles["kicker"].astype(object))
    return content_hashes(titles, articles["text"])


def content_hashes(titles: Iterable[object], texts: Iterable[object]) -> list[str]:
    """:func:`content_hash` of each (title, text) pair."""
    titles = titles.tolist() if hasattr(titles, "tolist") else list(titles)
    texts = texts.tolist() if hasattr(texts, "tolist") else list(texts)
    return [content_hash(title, text) for title, text in zip(titles, texts, strict=True)]


REPEAT_COLUMNS = ("doc_id", "title", "source", "same_as", "same_as_source", "reason")
"""Columns of :func:`repeated_articles` and of :attr:`IngestSummary.repeats`."""


def repeated_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles ingest counts once, because an earlier one has the same text or id.

    This is ingest's rule (:mod:`.ingest`): the first article of each content hash and of
    each ``doc_id`` is kept, the others are repeats. Naming them lets a load summary say
    where the difference between articles read and articles stored comes from.

    Args:
        articles: the articles table (``doc_id``, ``title``, ``text``; ``source`` if any;
            ``content_hash`` if already computed).

    Returns:
        One row per repeat, in input order and indexed by its position in ``articles``:
        ``doc_id``, ``title``, ``source``, ``same_as`` and ``same_as_source`` (the
        ``doc_id`` and ``source`` of the article kept) and ``reason`` (``"text"``: same
        title and text; ``"doc_id"``: same id, other text).
    """
    columns = list(REPEAT_COLUMNS)
    if articles.empty:
        return pd.DataFrame(columns=columns)
    sources = articles["source"] if "source" in articles.columns else pd.Series(pd.NA, index=articles.index)
    hashes = (articles["content_hash"].to_numpy(dtype=object) if "content_hash" in articles.columns
              else article_hashes(articles))
    frame = pd.DataFrame({
        "doc_id": articles["doc_id"].astype(str).to_numpy(),
        "title": articles["title"].to_numpy(dtype=object),
        "source": sources.to_numpy(dtype=object),
        "hash": hashes,
    })
    first_of_hash = frame.groupby("hash", sort=False).cumcount() == 0
    first_of_id = frame.groupby("doc_id", sort=False).cumcount() == 0
    same_text = ~first_of_hash.to_numpy()
    same_id = ~first_of_id.to_numpy() & ~same_text
    if not (same_text | same_id).any():
        return pd.DataFrame(columns=columns)
    kept_by_hash = frame["hash"].map(frame.loc[first_of_hash].set_index("hash")["doc_id"])
    frame["same_as"] = np.where(same_text, kept_by_hash, frame["doc_id"])
    kept = frame.loc[first_of_hash | first_of_id].drop_duplicates("doc_id")
    frame["same_as_source"] = frame["same_as"].map(kept.set_index("doc_id")["source"])
    frame["reason"] = np.where(same_text, "text", "doc_id")
    return frame.loc[same_text | same_id, columns]
