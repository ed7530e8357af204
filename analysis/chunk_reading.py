"""Read many articles at once into term codes: what ingest workers do with a chunk.

:meth:`analysis.tokenize.Tokenizer.read` reads one text into lists of strings, which is
what the in-memory analysis wants. An ingest worker wants arrays instead: every article's
terms as integer codes into the chunk's vocabulary, its word count and its slogans. Doing
that per article and then numbering the terms walks every token five times in Python
(classify, drop, look for slogans, chain, number). Here a worker-lifetime cache
(:class:`TokenCodes`) maps each token straight to a code, so the tokens of a whole chunk
are walked once, and the rest (dropping, counting, numbering) is done with numpy.

The rules are the tokenizer's, unchanged: a token's code comes from
:func:`analysis.token_rules.classify_token`, quoted formulas are kept as the tokenizer
keeps them, and slogans are :meth:`~analysis.tokenize.TextReading.slogan_mentions`. A
test holds this reading equal to :meth:`~analysis.tokenize.Tokenizer.read` on the demo
corpus and on the real corpora.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import chain, count

import numpy as np

from analysis.token_rules import classify_token
from analysis.tokenize import TextReading, Tokenizer

__all__ = ["ChunkReading", "TokenCodes", "read_chunk"]

NO_WORD = -2
"""The code of whitespace and punctuation: not counted as a word."""
NO_TERM = -1
"""The code of a word that is no term (a stopword, a number, one character)."""
SLOGAN_NO_TERM = -3
"""The code of a slogan-section word that is no term (an analyst made it a stopword): a
word, and a slogan mention, but not counted as a term."""
VOCABULARY_LIMIT = 2_000_000
"""Past this many distinct tokens the cache starts afresh (before a chunk, never inside)."""
_CACHE_SERIALS = count()
"""Tells apart the caches of one process (one per analyzer)."""


class TokenCodes(dict):
    """token → code: :data:`NO_WORD`, :data:`NO_TERM`, or the term's index in :attr:`terms`.

    A token is classified the first time it is seen (``__missing__``), then looked up.
    The terms are numbered in the order this cache first met them, which differs from
    process to process; :func:`read_chunk` renumbers them per chunk, unless the receiver
    of the results keeps this cache's numbering (:meth:`take_unsent`, :attr:`owner`).
    """

    def __init__(self, tokenizer: Tokenizer) -> None:
        super().__init__()
        self._stopwords = tokenizer.stopwords
        self._dictionary_words = tokenizer.dictionary_words
        self._slogans = tokenizer.slogans
        self.terms: list[str] = []
        """The terms met so far; a term's code is its index here."""
        self._term_codes: dict[str, int] = {}
        self.slogan_flags: list[bool] = []
        """For each term, whether it is a word of the user dictionary's slogan section."""
        self._serial = next(_CACHE_SERIALS)
        self._generation = 0
        self._sent: dict[str, int] = {}

    @property
    def owner(self) -> tuple[int, int, int]:
        """Who numbered the codes: (process id, cache, generation); a reset starts a new generation."""
        return os.getpid(), self._serial, self._generation

    def take_unsent(self, receiver: str) -> tuple[int, list[str]]:
        """The terms ``receiver`` has not been sent yet, counted as sent from now on.

        Returns:
            How many terms it had been sent (the first new term's code), and the new terms.
        """
        start = self._sent.get(receiver, 0)
        self._sent[receiver] = len(self.terms)
        return start, self.terms[start:]

    def __missing__(self, token: str) -> int:
        value = classify_token(token, stopwords=self._stopwords, dictionary_words=self._dictionary_words)
        if value is False:
            code = NO_WORD
        elif value == "":
            code = SLOGAN_NO_TERM if token in self._slogans else NO_TERM
        else:
            code = self.term_code(token)
        self[token] = code
        return code

    def term_code(self, term: str) -> int:
        """The code of ``term`` as a term (a quoted formula is one whatever its class)."""
        code = self._term_codes.get(term)
        if code is None:
            code = self._term_codes[term] = len(self.terms)
            self.terms.append(term)
            self.slogan_flags.append(term in self._slogans)
        return code

    def reset_if_full(self) -> None:
        """Forget everything once past :data:`VOCABULARY_LIMIT` terms (memory stays bounded)."""
        if len(self) > VOCABULARY_LIMIT:
            self.clear()
            self.terms.clear()
            self._term_codes.clear()
            self.slogan_flags.clear()
            self._sent.clear()
            self._generation += 1


@dataclass(frozen=True)
class ChunkReading:
    """Every article of a chunk read once (:func:`read_chunk`).

    Attributes:
        vocab: the chunk's distinct terms in order of first appearance; with ``renumber=False``
            the cache's own :attr:`TokenCodes.terms` (read it before the next chunk).
        codes: every article's terms in text order, concatenated, as indices into ``vocab``.
        lengths: how many terms each article has.
        n_tokens: each article's word tokens (:meth:`~analysis.tokenize.Tokenizer.analyse`).
        slogans: each article's ``(slogan, quoted)`` mentions, quoted ones first.
    """

    vocab: list[str]
    codes: np.ndarray
    lengths: np.ndarray
    n_tokens: np.ndarray
    slogans: list[list[tuple[str, bool]]]


def read_chunk(
    texts: list[str], *, tokenizer: Tokenizer, cache: TokenCodes, renumber: bool = True
) -> ChunkReading:
    """Segment each text once and return its terms as codes, its word count and its slogans.

    Args:
        texts: what is segmented of each article (:func:`~analysis.tokenize.full_text`).
        tokenizer: cuts the texts and keeps quoted formulas whole.
        cache: this process's :class:`TokenCodes` for ``tokenizer`` (kept between chunks).
        renumber: number the chunk's terms from 0, so the result does not depend on what
            this process read before; ``False`` keeps the cache's codes (its
            :attr:`~TokenCodes.owner` then says whose they are).
    """
    cache.reset_if_full()
    splits = [tokenizer.split(text) for text in texts]
    sizes = np.fromiter((len(tokens) for tokens, _ in splits), dtype=np.int64, count=len(splits))
    raw = np.fromiter(map(cache.__getitem__, chain.from_iterable(tokens for tokens, _ in splits)),
                      dtype=np.int32, count=int(sizes.sum()))
    starts = np.cumsum(sizes) - sizes  # each article's first token (an empty chunk has none)
    quoted = _protect_quotes(raw, splits, starts, cache=cache)
    article = np.repeat(np.arange(len(texts), dtype=np.int64), sizes)
    is_term = raw >= 0
    flags = np.append(np.asarray(cache.slogan_flags, dtype=bool), False)  # [-1]: no term
    slogan_at = np.flatnonzero(flags[np.where(is_term, raw, -1)] | (raw == SLOGAN_NO_TERM))
    codes, vocab = _renumber(raw[is_term], cache.terms) if renumber else (raw[is_term], cache.terms)
    return ChunkReading(
        vocab=vocab,
        codes=codes,
        lengths=np.bincount(article[is_term], minlength=len(texts)).astype(np.int64),
        n_tokens=np.bincount(article[raw != NO_WORD], minlength=len(texts)).astype(np.int64),
        slogans=_slogans(splits, quoted, slogan_at, article, starts),
    )


def _protect_quotes(raw: np.ndarray, splits: list, starts: np.ndarray, *, cache: TokenCodes) -> set[int]:
    """Give each quoted formula its code as a term (no stopword is kept whole); their positions."""
    positions: set[int] = set()
    for start, (tokens, protected) in zip(starts.tolist(), splits, strict=True):
        for i, _ in protected:
            raw[start + i] = cache.term_code(tokens[i])
            positions.add(start + i)
    return positions


def _renumber(term_codes: np.ndarray, terms: list[str]) -> tuple[np.ndarray, list[str]]:
    """Renumber cache codes from 0 in order of first appearance (as ``pandas.factorize`` would)."""
    n = len(term_codes)
    first = np.full(len(terms), n, dtype=np.int64)
    first[term_codes[::-1]] = np.arange(n - 1, -1, -1)  # the last write of each code wins: its first position
    used = np.flatnonzero(first < n)
    used = used[np.argsort(first[used], kind="stable")]
    new_code = np.empty(len(terms), dtype=np.int32)
    new_code[used] = np.arange(len(used), dtype=np.int32)
    return new_code[term_codes], [terms[i] for i in used.tolist()]


def _slogans(splits: list, quoted: set[int], slogan_at: np.ndarray, article: np.ndarray,
             starts: np.ndarray) -> list[list[tuple[str, bool]]]:
    """Each article's slogan mentions, by the rule of :meth:`TextReading.slogan_mentions`."""
    words: list[list[str]] = [[] for _ in splits]
    for position in slogan_at.tolist():
        if position not in quoted:
            row = int(article[position])
            words[row].append(splits[row][0][position - int(starts[row])])
    out = []
    for (tokens, protected), slogan_words in zip(splits, words, strict=True):
        if protected or slogan_words:
            reading = TextReading([], 0, [(tokens[i], kind) for i, kind in protected], slogan_words)
            out.append(reading.slogan_mentions())
        else:
            out.append([])
    return out
