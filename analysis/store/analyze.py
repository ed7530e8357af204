"""What ingest does to each article, once: segment, count terms, score themes, find slogans.

:func:`analyse_chunk` is the one function that runs in worker processes (a local process
pool or a Dask cluster). It takes a small table of articles and returns compact arrays:
the terms in text order and their counts as integer codes (the parent maps them to the
store's term ids), theme scores and assignments, and slogan mentions. The codes index a
chunk-local vocabulary (Dask), or the worker's own numbering, whose terms each go to the
parent once (a local pool, ``receiver``). Workers build the tokenizer and the theme
dictionary once, from the files that :class:`AnalyzerConfig` names, and keep them for
every later chunk (:mod:`analysis.store.analyzer`, whose names are importable from here
as well).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from analysis.chunk_reading import ChunkReading, read_chunk
from analysis.counting import count_unique
from analysis.store.analyzer import Analyzer, AnalyzerConfig, theme_fingerprint, worker_analyzer
from analysis.theme_scoring import score_texts
from analysis.tokenize import full_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Analyzer", "AnalyzerConfig", "ArticleChunk", "ChunkResult", "analyse_chunk", "theme_fingerprint",
    "worker_analyzer",
]


@dataclass
class ChunkResult:
    """The analysis of one chunk of articles, as arrays (``*_rows`` index rows of the chunk).

    Attributes:
        doc_keys: the store's key of each article (int64, as given).
        n_tokens: word tokens of each article (:meth:`analysis.tokenize.Tokenizer.analyse`).
        vocab: the chunk's distinct terms; ``*_codes`` index into it. For a result with an
            ``owner``, only the terms the owner had not sent to this receiver before: the
            codes are then the owner's own, and ``vocab[i]`` is code ``vocab_from + i``.
        seq_codes: every article's terms in text order, concatenated (int32 codes).
        seq_lengths: how many terms each article has (int64).
        count_rows, count_codes, count_values: one entry per (article, term): the number
            of occurrences of the term in the article.
        theme_rows, theme_ids, theme_hits, theme_scores, theme_assigned: one entry per
            (article, theme with a hit), from :func:`analysis.theme_scoring.score_texts`.
        assigned: for each article, its assigned themes, highest score first
            (:meth:`~analysis.theme_scoring.ThemeScores.assigned_lists`).
        slogan_rows, slogan_texts, slogan_quoted: one entry per slogan mention
            (:meth:`analysis.tokenize.TextReading.slogan_mentions`, the rule of
            :func:`~analysis.slogans.find_slogans`).
        name_rows, name_strings: one entry per string of a person-name context
            (:meth:`analysis.name_terms.NameContexts.of_text` of title and text).
        dict_version: the tokenizer's version; theme_version: the dictionary's fingerprint;
        names_version: the name-context finder's (:attr:`~analysis.name_terms.NameContexts.version`).
        owner: ``None`` (codes local to the chunk), or whose codes they are
            (:attr:`analysis.chunk_reading.TokenCodes.owner`).
        vocab_from: how many terms the owner had sent to this receiver before.
    """

    doc_keys: np.ndarray
    n_tokens: np.ndarray
    vocab: list[str]
    seq_codes: np.ndarray
    seq_lengths: np.ndarray
    count_rows: np.ndarray
    count_codes: np.ndarray
    count_values: np.ndarray
    theme_rows: np.ndarray
    theme_ids: np.ndarray
    theme_hits: np.ndarray
    theme_scores: np.ndarray
    theme_assigned: np.ndarray
    assigned: list[list[str]]
    slogan_rows: np.ndarray
    slogan_texts: np.ndarray
    slogan_quoted: np.ndarray
    name_rows: np.ndarray
    name_strings: np.ndarray
    dict_version: str
    theme_version: str
    names_version: str
    owner: tuple[int, int, int] | None = None
    vocab_from: int = 0

    @property
    def versions(self) -> tuple[str, str, str]:
        """The (dictionary, theme, name-list) versions of the analyzer that made this result."""
        return self.dict_version, self.theme_version, self.names_version


@dataclass(frozen=True)
class ArticleChunk:
    """The articles of one worker task as plain arrays and lists.

    Workers then need no pandas, neither to unpickle a task nor to analyse it: a worker
    (and the fork server it comes from) that never imports pandas starts in half the time.

    Attributes:
        doc_keys: the store's key of each article (int64).
        titles: the titles, ``""`` where there is none.
        texts: the texts, ``""`` where there is none.
    """

    doc_keys: np.ndarray
    titles: list[str]
    texts: list[str]

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> ArticleChunk:
        """The ``doc_key``, ``title`` and ``text`` columns of a table."""

        def strings(column: str) -> list[str]:
            return [v if isinstance(v, str) else "" for v in frame[column].to_numpy(dtype=object)]

        return cls(frame["doc_key"].to_numpy(dtype=np.int64), strings("title"), strings("text"))

    def __len__(self) -> int:
        return len(self.doc_keys)


def analyse_chunk(
    config: AnalyzerConfig, chunk: ArticleChunk | pd.DataFrame, analyzer: Analyzer | None = None,
    receiver: str | None = None,
) -> ChunkResult:
    """Segment, count, score and find slogans in a chunk of articles.

    Args:
        config: which files to build the analyzer from (used when ``analyzer`` is None).
        chunk: the articles; a table needs columns ``doc_key`` (int), ``title`` and ``text``.
        analyzer: an analyzer already built in this process; ``None`` uses the worker's.
        receiver: ``None``: number the terms per chunk (a result that any process could
            have made, as a retried Dask task needs). Else who receives every result of
            this process in the order they are made (one ingest through a local pool):
            the result keeps this process's codes and carries only the terms not sent to
            ``receiver`` before, so the receiver looks each term up once per worker.

    Returns:
        The :class:`ChunkResult`.
    """
    analyzer = analyzer or worker_analyzer(config)
    if not isinstance(chunk, ArticleChunk):
        chunk = ArticleChunk.from_frame(chunk)
    with _cyclic_gc_paused():
        return _analyse(chunk, analyzer, receiver)


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a chunk is analysed.

    Analysis allocates a list of tokens per article and creates no reference cycles (a
    collection after three chunks finds nothing to free), yet the collector would scan
    every 700 allocations: pausing it saves 4-6% of the chunk's time. Ordinary reference
    counting frees everything as before; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyse(chunk: ArticleChunk, analyzer: Analyzer, receiver: str | None) -> ChunkResult:
    """The body of :func:`analyse_chunk`."""
    titles, texts = chunk.titles, chunk.texts
    reading = read_texts(titles, texts, analyzer=analyzer, renumber=receiver is None)
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), reading.lengths)
    width = max(len(reading.vocab), 1)
    keys, counts = count_unique(rows * width + reading.codes)
    scores = score_texts(titles, texts, themes=analyzer.themes)
    names = list(map(analyzer.name_contexts.of_text, map(full_text, titles, texts)))  # what is segmented
    owner, vocab_from, vocab = None, 0, reading.vocab
    if receiver is not None:  # last: a chunk that fails has sent nothing
        owner = analyzer.token_codes.owner
        vocab_from, vocab = analyzer.token_codes.take_unsent(receiver)
    return ChunkResult(
        doc_keys=np.asarray(chunk.doc_keys, dtype=np.int64),
        n_tokens=reading.n_tokens,
        vocab=vocab,
        seq_codes=reading.codes,
        seq_lengths=reading.lengths,
        count_rows=keys // width,
        count_codes=(keys % width).astype(np.int32),
        count_values=counts.astype(np.int32),
        theme_rows=scores.doc,
        theme_ids=np.asarray(analyzer.themes.ids, dtype=object)[scores.theme],
        theme_hits=scores.n_hits.astype(np.int32),
        theme_scores=scores.score.astype(np.float64),
        theme_assigned=scores.assigned.astype(bool),
        assigned=scores.assigned_lists(len(texts), analyzer.themes.ids),
        slogan_rows=np.repeat(np.arange(len(texts), dtype=np.int64), [len(m) for m in reading.slogans]),
        slogan_texts=np.array([text for m in reading.slogans for text, _ in m], dtype=object),
        slogan_quoted=np.array([quoted for m in reading.slogans for _, quoted in m], dtype=bool),
        name_rows=np.repeat(np.arange(len(texts), dtype=np.int64), [len(n) for n in names]),
        name_strings=np.array(list(chain.from_iterable(names)), dtype=object),
        dict_version=analyzer.tokenizer.version,
        theme_version=analyzer.theme_version,
        names_version=analyzer.name_contexts.version,
        owner=owner,
        vocab_from=vocab_from,
    )


def read_texts(
    titles: list[str], texts: list[str], *, analyzer: Analyzer, renumber: bool = True
) -> ChunkReading:
    """Segment each article once (:func:`~analysis.chunk_reading.read_chunk`, with ``renumber``).

    What is segmented is :func:`~analysis.tokenize.full_text`. The terms, word count and
    slogans of an article all come from this one reading.
    """
    fulls = list(map(full_text, titles, texts))
    return read_chunk(fulls, tokenizer=analyzer.tokenizer, cache=analyzer.token_codes, renumber=renumber)
