"""The read side of the :class:`~analysis.store.store.Store`: every number a view needs.

Each method takes a :class:`~analysis.store.filters.Filters` (or an article id) and returns
a DataFrame with fixed columns or a number, asked of the query modules (:mod:`.counts`,
:mod:`.terms`, :mod:`.names`, :mod:`.theme_queries`, :mod:`.queries`, :mod:`.tokens`). Kept
apart from the store's life cycle and ingest: these methods read only the database and the
theme dictionary.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Literal

import pandas as pd

from analysis.name_lists import NameLists
from analysis.slogans import one_off_quotes
from analysis.store import counts, queries, terms, theme_queries
from analysis.store.analyzer import Analyzer
from analysis.store.counts import Period, ThemeGroup, ThemePeriod
from analysis.store.database import Database
from analysis.store.filters import Filters, Level
from analysis.store.names import NameKind, leave_out_names, term_counts_without_names
from analysis.theme_dictionary import ThemeDictionary


class StoreReader:
    """The query methods of :class:`~analysis.store.store.Store` (a mixin).

    Attributes:
        _db: the store's database, set by the store.
        themes: the theme dictionary the theme counts and evidence use, given by the store.
        name_lists: the name lists the top terms, keyness and network leave names out with.
        analyzer: the store's tokenizer and themes; its dictionary says which slogans are
            bare quotations.
    """

    _db: Database
    themes: ThemeDictionary
    name_lists: NameLists
    analyzer: Analyzer

    def count_articles(self, f: Filters | None = None) -> int:
        """The number of articles that pass the filters."""
        return counts.count_articles(self._db, f or Filters())

    def summary(self, f: Filters | None = None) -> dict[str, Any]:
        """Key figures (see :func:`analysis.store.counts.summary`)."""
        return counts.summary(self._db, f or Filters())

    def articles_over_time(self, f: Filters | None = None, *, period: Period = "month") -> pd.DataFrame:
        """``[period, n_articles]`` (see :func:`analysis.store.counts.articles_over_time`)."""
        return counts.articles_over_time(self._db, f or Filters(), period=period)

    def articles_by_place(self, f: Filters | None = None, *, level: Level = "prefecture") -> pd.DataFrame:
        """``[adcode, name, n_articles]`` (see :func:`analysis.store.counts.articles_by_place`)."""
        return counts.articles_by_place(self._db, f or Filters(), level=level)

    def term_counts(self, f: Filters | None = None, *, top: int | None = 100,
                    leave_out: tuple[NameKind, ...] = ()) -> pd.DataFrame:
        """``[term, frequency, docfreq, rate_per_10k, rank]`` (see :func:`.terms.term_counts`).

        ``leave_out`` drops place and/or person names before the ``top`` rows are taken
        (see :func:`analysis.store.names.term_counts_without_names`).
        """
        if leave_out:
            return term_counts_without_names(self._db, f or Filters(), kinds=leave_out, top=top,
                                             lists=self.name_lists)
        return terms.term_counts(self._db, f or Filters(), top=top)

    def total_tokens(self, f: Filters | None = None) -> int:
        """Word tokens of the filtered articles (the denominator of rates and keyness)."""
        return terms.total_tokens(self._db, f or Filters())

    def keyness(self, f: Filters | None = None, *, level: Level, target_adcode: str, top: int | None = 50,
                min_frequency: int = 5, direction: Literal["over", "under", "both"] = "over",
                leave_out: tuple[NameKind, ...] = ()) -> pd.DataFrame:
        """Keyness of one place against the rest (see :func:`analysis.store.terms.keyness`).

        ``leave_out`` drops place and/or person names before the ``top`` rows are taken
        (see :func:`analysis.store.names.leave_out_names`, which also sets
        ``attrs["left_out"]``).
        """
        f = f or Filters()
        first = None if leave_out else top  # names are dropped before the top rows are taken
        table = terms.keyness(self._db, f, level=level, target_adcode=target_adcode, top=first,
                              min_frequency=min_frequency, direction=direction)
        if not leave_out:
            return table
        return leave_out_names(self._db, f, table, kinds=leave_out, top=top, level=level,
                               target_adcode=target_adcode, lists=self.name_lists)

    def period_keyness(
        self, f: Filters | None = None, *, start: dt.date, end: dt.date, top: int | None = 50,
        min_frequency: int = 5, direction: Literal["over", "under", "both"] = "over",
    ) -> pd.DataFrame:
        """What is new: the filtered articles from ``start`` to ``end`` against those before ``start``.

        See :func:`analysis.store.terms.keyness_between`; empty when nothing comes before.
        """
        f = f or Filters()
        target = replace(f, date_from=max(start, f.date_from or start), date_to=min(end, f.date_to or end))
        before = start - dt.timedelta(days=1)
        reference = replace(f, date_to=min(before, f.date_to or before))  # may select nothing: no rows
        return terms.keyness_between(self._db, target, reference, top=top, min_frequency=min_frequency,
                                     direction=direction)

    def cooccurrence(self, f: Filters | None = None, *, top: int = 40, min_count: int = 2,
                     leave_out: tuple[NameKind, ...] = ()) -> pd.DataFrame:
        """``[term_a, term_b, n_articles, pmi, npmi]`` (see :func:`analysis.store.terms.cooccurrence`).

        ``leave_out`` drops place and/or person names before the ``top`` terms are taken.
        """
        return terms.cooccurrence(self._db, f or Filters(), top=top, min_count=min_count, leave_out=leave_out,
                                  lists=self.name_lists if leave_out else None)

    def theme_counts(self, f: Filters | None = None, *, by: ThemeGroup | None = None,
                     period: ThemePeriod | None = None) -> pd.DataFrame:
        """Theme counts per group and period, the theme filter not applied to the shares.

        See :func:`analysis.store.counts.theme_counts`.
        """
        return counts.theme_counts(self._db, f or Filters(), themes=self.themes.ids, by=by, period=period)

    def slogans(self, f: Filters | None = None, *, by: Level = "prefecture") -> pd.DataFrame:
        """Slogan summary, less bare quotations quoted once in the store (see ``theme_queries.slogans``)."""
        tokenizer = self.analyzer.tokenizer
        return theme_queries.slogans(self._db, f or Filters(), by=by,
                                     one_off=lambda counts: one_off_quotes(counts, tokenizer=tokenizer))

    def slogan_spread(self, f: Filters | None = None, *, slogans: tuple[str, ...] = (),
                      by: Level = "prefecture") -> pd.DataFrame:
        """First mention of each slogan per place (see :func:`analysis.store.theme_queries.slogan_spread`)."""
        return theme_queries.slogan_spread(self._db, f or Filters(), slogans=tuple(slogans), by=by)

    def list_articles(self, f: Filters | None = None, *, limit: int = 200, offset: int = 0) -> pd.DataFrame:
        """``[doc_id, date, title, locality, outlet, themes]``, newest first."""
        return queries.list_articles(self._db, f or Filters(), limit=limit, offset=offset)

    def articles_table(self, f: Filters | None = None) -> pd.DataFrame:
        """The filtered articles as an articles table with ``themes``."""
        return queries.articles_table(self._db, f or Filters())

    def get_article(self, doc_id: str) -> dict[str, Any]:
        """Every stored column of one article; KeyError if there is none with this id."""
        return queries.get_article(self._db, doc_id)

    def theme_hits(self, doc_id: str) -> pd.DataFrame:
        """``[theme, term, sentence_index, sentence, start]`` of one article, recomputed from its text."""
        return theme_queries.theme_hits(self.get_article(doc_id), themes=self.themes)

    def theme_scores(self, doc_id: str) -> pd.DataFrame:
        """``[theme, n_hits, score, assigned]`` of one article, recomputed from its text."""
        return theme_queries.theme_scores(self.get_article(doc_id), themes=self.themes)

    def articles_by_id(self, doc_ids: Sequence[str]) -> pd.DataFrame:
        """``[doc_id, date, title, locality, outlet, themes]`` of these articles, in this order."""
        return queries.articles_by_id(self._db, tuple(doc_ids))

    def kwic(self, f: Filters | None = None, term: str = "", *, window: int = 20,
             limit: int | None = 200) -> pd.DataFrame:
        """``[doc_id, left, match, right, position]``: ``term`` in the filtered texts, oldest first."""
        return queries.kwic(self._db, f or Filters(), term, window=window, limit=limit)

    def options(self) -> dict[str, Any]:
        """What the sidebar offers (see :func:`analysis.store.counts.options`)."""
        return counts.options(self._db, themes=self.themes.ids)

    def tokens_table(self, f: Filters | None = None) -> pd.DataFrame:
        """``[doc_id, terms, n_tokens, dict_version]`` of the filtered articles, as stored."""
        from analysis.store.tokens import tokens_table

        return tokens_table(self._db, f or Filters())
