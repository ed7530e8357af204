"""The planner of an ingest: what to do with each incoming article before any is analysed.

For each incoming article the planner computes the content hash (:mod:`.schema`) and asks
the store what it knows:

* same hash, made with the current dictionary, theme and name-list versions: skipped;
* same hash, older versions (or no stored name contexts): analysed again and its rows
  replaced (``resegmented``);
* new hash, ``doc_id`` already stored with other text: the old article is replaced by the
  new one (``replaced``: a corrected article);
* otherwise: new. Repeats within the input (same hash or same ``doc_id``) count once.

Articles planned but not yet committed are *in flight*: a repeat of one of them in a later
input table is a repeat too, and the ingest (:mod:`.ingest`) releases them once their
batch is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analysis.schema import ARTICLE_COLUMNS, STRING_DTYPE, coerce_articles
from analysis.store.database import Database
from analysis.store.schema import StoreError, article_hashes, repeated_articles

Versions = tuple[str, str, str]
"""The (dictionary, theme, name-list) versions of an analysis (:attr:`.analyzer.Analyzer.versions`)."""

STALE_SQL = ("(dict_version IS DISTINCT FROM ? OR theme_version IS DISTINCT FROM ? "
             "OR doc_key NOT IN (SELECT doc_key FROM doc_names WHERE version = ?))")
"""The articles (rows of ``articles``, unaliased) not analysed with the :data:`Versions` given."""


class Planner:
    """What one ingest has decided so far: keys handed out, articles in flight, repeats, skips.

    Attributes:
        next_key: the ``doc_key`` the next new article gets.
        duplicates: repeats within the input so far, counted once.
        skipped: articles already stored with the current versions so far.
        bytes: UTF-8 size of the titles and texts planned for analysis.
        repeats: the repeats, named (:func:`~analysis.store.schema.repeated_articles`), one
            table per input table that had any.
    """

    def __init__(self, db: Database, versions: Versions, *, batch_size: int,
                 advance: Callable[[int], None]) -> None:
        """Start planning against ``db``.

        Args:
            db: the store's database (read for hashes, ids and stale articles).
            versions: the current (dictionary, theme, name-list) versions.
            batch_size: articles per page of stale articles (see :meth:`stale`).
            advance: called with the number of articles settled without analysis
                (repeats and skips), for progress.
        """
        self.db, self.con = db, db.con
        self.versions = versions
        self.batch_size = batch_size
        self.advance = advance
        self.next_key = int(db.scalar("SELECT coalesce(max(doc_key), -1) + 1 FROM articles"))
        self.pending_hashes: set[str] = set()
        self.pending_ids: set[str] = set()
        self.repeats: list[pd.DataFrame] = []
        self.duplicates = self.skipped = self.bytes = 0

    def plan(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Decide what to do with each article of ``frame``; return those to analyse."""
        frame = _as_articles(frame)
        frame["content_hash"] = pd.Series(article_hashes(frame), index=frame.index,
                                          dtype=STRING_DTYPE)
        repeats = repeated_articles(frame)
        repeat = np.zeros(len(frame), dtype=bool)
        repeat[repeats.index.to_numpy(dtype=np.int64)] = True
        same_text_in_flight = frame["content_hash"].isin(self.pending_hashes).to_numpy() & ~repeat
        in_flight = same_text_in_flight | (frame["doc_id"].isin(self.pending_ids).to_numpy() & ~repeat)
        if in_flight.any():
            earlier = frame.loc[in_flight, ["doc_id", "title", "source"]].assign(
                same_as=pd.NA, same_as_source=pd.NA,
                reason=np.where(same_text_in_flight[in_flight], "text", "doc_id"))
            repeats = pd.concat([repeats, earlier])
            repeat |= in_flight
        if repeat.any():
            self.repeats.append(repeats.reset_index(drop=True))
            frame = frame[~repeat].reset_index(drop=True)
        self.duplicates += int(repeat.sum())
        known = self._known(frame)
        current = ((known["dict_version"] == self.versions[0]) & (known["theme_version"] == self.versions[1])
                   & (known["names_version"] == self.versions[2]))
        skip = known["doc_key"].notna() & current.fillna(False)
        self.skipped += int(skip.sum())
        self.advance(int(repeat.sum() + skip.sum()))
        planned = known[~skip.to_numpy()].reset_index(drop=True) if skip.any() else known
        fresh = planned["doc_key"].isna().to_numpy()
        planned.loc[fresh, "doc_key"] = np.arange(self.next_key, self.next_key + int(fresh.sum()))
        self.next_key += int(fresh.sum())
        planned["mode"] = np.where(fresh, np.where(planned["old_key"].notna(), "replace", "new"), "reseg")
        return self._hold(planned)

    def stale(self) -> Iterator[pd.DataFrame]:
        """Stored articles analysed with other versions, a page at a time (``--resegment``)."""
        last = -1
        columns = ", ".join(ARTICLE_COLUMNS)
        while True:
            page = self.db.frame(
                f"SELECT doc_key, content_hash, {columns} FROM articles WHERE doc_key > ? "
                f"AND {STALE_SQL} ORDER BY doc_key LIMIT ?", [last, *self.versions, self.batch_size])
            if page.empty:
                return
            last = int(page["doc_key"].max())
            page = coerce_articles(page)
            page = page[~page["content_hash"].isin(self.pending_hashes)].reset_index(drop=True)
            yield self._hold(page.assign(old_key=pd.NA, mode="reseg"))

    def release(self, rows: pd.DataFrame) -> None:
        """Forget articles once committed: they are no longer in flight."""
        self.pending_hashes.difference_update(rows["content_hash"].tolist())
        self.pending_ids.difference_update(rows["doc_id"].tolist())

    def _hold(self, planned: pd.DataFrame) -> pd.DataFrame:
        """Note articles in flight (not committed yet) and count what is to analyse."""
        planned["doc_key"] = planned["doc_key"].astype("int64")
        self.pending_hashes.update(planned["content_hash"].tolist())
        self.pending_ids.update(planned["doc_id"].tolist())
        self.bytes += _utf8_bytes(planned["title"]) + _utf8_bytes(planned["text"])
        return planned

    def _known(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` with the stored ``doc_key`` and versions of each hash, and ``old_key``."""
        self.con.register("_incoming", frame[["content_hash", "doc_id"]])
        try:
            by_hash = self.db.frame(
                "SELECT a.content_hash, a.doc_key, a.dict_version, a.theme_version, "
                "n.version AS names_version FROM articles a LEFT JOIN doc_names n USING (doc_key) "
                "WHERE a.content_hash IN (SELECT content_hash FROM _incoming)")
            by_id = self.db.frame(
                "SELECT a.doc_id, a.doc_key AS old_key FROM articles a JOIN _incoming i USING (doc_id) "
                "WHERE a.content_hash <> i.content_hash")
        finally:
            self.con.unregister("_incoming")
        by_hash = by_hash.drop_duplicates("content_hash")
        by_id = by_id.drop_duplicates("doc_id")
        found = pd.Index(by_hash["content_hash"]).get_indexer(frame["content_hash"])
        owner = pd.Index(by_id["doc_id"]).get_indexer(frame["doc_id"])
        return frame.assign(  # columns added, not merged: the texts are not copied
            doc_key=_lookup(by_hash["doc_key"], found, "Int64"),
            dict_version=_lookup(by_hash["dict_version"], found, STRING_DTYPE),
            theme_version=_lookup(by_hash["theme_version"], found, STRING_DTYPE),
            names_version=_lookup(by_hash["names_version"], found, STRING_DTYPE),
            old_key=_lookup(by_id["old_key"], owner, "Int64"))


def _as_articles(frame: pd.DataFrame) -> pd.DataFrame:
    """The contract columns of ``frame``, typed; refuses rows without ``doc_id`` or ``text``."""
    missing = [c for c in ("doc_id", "text") if c not in frame.columns]
    if missing:
        raise StoreError("articles_missing_column", columns=", ".join(missing))
    out = coerce_articles(frame.reindex(columns=list(ARTICLE_COLUMNS)))
    empty = int((out["doc_id"].isna() | out["text"].isna()).sum())
    if empty:
        raise StoreError("articles_without_id_or_text", n=empty)
    return out


def _utf8_bytes(strings: pd.Series) -> int:
    """The UTF-8 size of the strings (missing ones count 0), without copying them."""
    return int(pc.sum(pc.binary_length(pa.array(strings, type=pa.large_string()))).as_py() or 0)


def _lookup(values: pd.Series, positions: np.ndarray, dtype: object) -> pd.array:
    """``values`` at ``positions``, NA where a position is -1 (not found)."""
    taken = pd.array(values.to_numpy(dtype=object)[np.maximum(positions, 0)] if len(values) else
                     [None] * len(positions), dtype=dtype)
    taken[positions < 0] = pd.NA
    return taken
