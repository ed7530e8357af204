"""Segmentation: jieba semantics, rjieba speed, a governance user dictionary and stopwords.

The tokenizer is an object built from editable files (``data/userdict.txt``,
``data/stopwords/*.txt``); nothing is loaded at import time and jieba's global state is
never touched. This module holds the :class:`Tokenizer`, how it is built and what it
segments of an article; the rjieba or jieba instance it cuts with is in
:mod:`analysis.segmenter`, and the rules that keep quoted formulas whole and drop tokens
that are no content terms are in :mod:`analysis.token_rules`.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from analysis.paths import data_path
from analysis.segmenter import Backend, Segmenter, import_backend
from analysis.token_rules import QUOTE_RE, RULES_VERSION, QuoteKind, TokenClasses, classify_quoted
from analysis.wordlists import DictEntry, read_stopwords, read_userdict

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_USERDICT = "userdict.txt"
"""The user dictionary's name in the data folder (:func:`analysis.paths.data_path`)."""
DEFAULT_STOPWORDS = "stopwords"
"""The stopword folder's name in the data folder."""

__all__ = [
    "DEFAULT_STOPWORDS",
    "DEFAULT_USERDICT",
    "RULES_VERSION",
    "TextReading",
    "Tokenizer",
    "build_tokenizer",
    "classify_quoted",
    "full_text",
    "full_texts",
    "tokenize_articles",
]


@dataclass(frozen=True)
class TextReading:
    """What one segmentation of a text yields (:meth:`Tokenizer.read`).

    Attributes:
        terms: the content terms in text order (:meth:`Tokenizer.terms`).
        n_tokens: the number of word tokens (:meth:`Tokenizer.analyse`).
        quoted: each quotation kept whole as one token, with its :func:`classify_quoted`
            kind, in text order.
        slogan_words: the tokens outside those quotations that are words of the user
            dictionary's slogan section, in text order: the segmenter cut them as words.
    """

    terms: list[str]
    n_tokens: int
    quoted: list[tuple[str, QuoteKind]]
    slogan_words: list[str]

    def slogan_mentions(self) -> list[tuple[str, bool]]:
        """The slogans of the text: ``(slogan, quoted)``, quoted ones first.

        This is the rule of :mod:`analysis.slogans`. Quoted: the quotations kept whole,
        but not the 2-3-character coinages (``short``: “主力军” is emphasis, not a
        slogan), serial names (``name``: “嫦娥四号” is a spacecraft) nor the words of the
        dictionary's not-slogans section (``word``: “一对一”, “和平方舟”). Unquoted:
        :attr:`slogan_words`.
        """
        quoted = [
            (phrase, True) for phrase, kind in self.quoted
            if kind not in ("name", "word") and (kind != "short" or len(phrase) == 4)
        ]
        return quoted + [(word, False) for word in self.slogan_words]


@dataclass(frozen=True, eq=False)
class Tokenizer:
    """A segmenter with its dictionary, stopwords and the version that identifies them.

    Build it with :func:`build_tokenizer`. ``version`` is a 12-hex-digit hash of the
    dictionary entries, the stopwords, the backend (name and package version), the HMM
    setting and :data:`RULES_VERSION`: store it next to tokens so they say what made them.
    """

    backend: Literal["rjieba", "jieba"]
    version: str
    stopwords: frozenset[str]
    dictionary_words: frozenset[str]
    slogans: frozenset[str]
    not_slogans: frozenset[str]
    _segment: Callable[[str], list[str]] = field(repr=False)
    _classes: TokenClasses = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_classes", TokenClasses(stopwords=self.stopwords, dictionary_words=self.dictionary_words)
        )

    @property
    def prepared(self) -> bool:
        """Whether the segmenter is built (:meth:`prepare`, or a first cut)."""
        return not isinstance(self._segment, Segmenter) or self._segment.built

    def prepare(self) -> Tokenizer:
        """Build the segmenter now rather than at the first cut (:class:`~analysis.segmenter.Segmenter`)."""
        if isinstance(self._segment, Segmenter):
            self._segment.build()
        return self

    def cut(self, text: str) -> list[str]:
        """Return every token of ``text`` (punctuation and whitespace included)."""
        return self._split(text)[0]

    def terms(self, text: str) -> list[str]:
        """Return the content terms of ``text``: :meth:`cut` without the dropped tokens."""
        return self.analyse(text)[0]

    def analyse(self, text: str) -> tuple[list[str], int]:
        """Return the content terms of ``text`` and its number of word tokens.

        Word tokens are all tokens but whitespace and punctuation: stopwords, numbers and
        single characters count, as they are running words of the text.
        """
        tokens, protected = self._split(text)
        return self._filter(tokens, protected)

    def read(self, text: str) -> TextReading:
        """Segment ``text`` once and return its terms, word count and formula tokens."""
        tokens, protected = self._split(text)
        terms, n_tokens = self._filter(tokens, protected)
        slogan_words = list(filter(self.slogans.__contains__, tokens))
        if slogan_words and protected:  # leave out the quoted ones, counted as quoted
            inside = {i for i, _ in protected}
            at = compress(range(len(tokens)), map(self.slogans.__contains__, tokens))
            slogan_words = [tokens[i] for i in at if i not in inside]
        return TextReading(terms, n_tokens, [(tokens[i], kind) for i, kind in protected], slogan_words)

    def split(self, text: str) -> tuple[list[str], list[tuple[int, QuoteKind]]]:
        """Every token of ``text`` and where its quoted formulas are (:meth:`_split`).

        For readers that apply the token rules themselves (:mod:`analysis.chunk_reading`).
        """
        return self._split(text)

    def _filter(self, tokens: list[str], protected: list[tuple[int, QuoteKind]]) -> tuple[list[str], int]:
        values = list(map(self._classes.__getitem__, tokens))  # classified on first sight
        for i, _ in protected:  # a quoted formula is a term whatever its class (no stopword: see _split)
            values[i] = tokens[i]
        return list(filter(None, values)), len(values) - values.count(False)

    def _split(self, text: str) -> tuple[list[str], list[tuple[int, QuoteKind]]]:
        """Cut ``text`` keeping quoted formulas whole.

        Returns the tokens, and the formulas' positions among them with their kind
        (:func:`classify_quoted`).
        """
        if "“" not in text and "‘" not in text:
            return self._segment(text), []
        tokens: list[str] = []
        protected: list[tuple[int, QuoteKind]] = []
        start = 0
        for match in QUOTE_RE.finditer(text):
            group = 1 if match.group(1) is not None else 2
            kind = classify_quoted(match.group(group), slogans=self.slogans, not_slogans=self.not_slogans)
            if kind is None or match.group(group) in self.stopwords:  # “六一”: a day, no formula
                continue
            tokens.extend(self._segment(text[start : match.start(group)]))
            protected.append((len(tokens), kind))
            tokens.append(match.group(group))
            start = match.end(group)
        tokens.extend(self._segment(text[start:]))
        return tokens, protected


def build_tokenizer(
    *,
    userdict: Path | str | None = None,
    stopwords: Path | str | Sequence[Path | str] | None = None,
    backend: Backend = "auto",
    hmm: bool = True,
) -> Tokenizer:
    """Build a tokenizer from a user dictionary and stopword files.

    Args:
        userdict: jieba-format dictionary (``word freq tag``); default
            ``userdict.txt`` of the data folder (``data/`` or ``$GOVTHEMES_DATA``).
        stopwords: a folder (every ``*.txt`` in it), one file, or several files; default
            the ``stopwords`` folder of the data folder.
        backend: ``"rjieba"``, ``"jieba"``, or ``"auto"`` (rjieba when importable).
        hmm: let the HMM join unknown characters into new words (jieba's default).

    Returns:
        A :class:`Tokenizer`; its ``version`` identifies all of the above.

    Raises:
        ImportError: ``backend="rjieba"`` and rjieba is not installed.
        DictionaryError: a malformed dictionary line (:mod:`analysis.wordlists`).
    """
    entries = read_userdict(Path(userdict or data_path(DEFAULT_USERDICT)))
    stops = read_stopwords(data_path(DEFAULT_STOPWORDS) if stopwords is None else stopwords)
    name, module = import_backend(backend)
    # The not-slogans section only tells the slogan rule what a quotation is not: its words
    # are kept whole when quoted, and left out of the segmenter's dictionary (whose total
    # every added word raises, which would move other cuts), unless listed with a
    # frequency: a name the base dictionary cuts (十八洞村 as 十八/洞村) then stays whole unquoted too.
    segmenter_entries = tuple(e for e in entries if e.section != "not-slogans" or e.freq is not None)
    package_version = importlib.metadata.version(name)
    return Tokenizer(
        backend=name,
        version=_version_hash(entries, stops, f"{name} {package_version}", hmm),
        stopwords=stops,
        dictionary_words=frozenset(e.word for e in entries),
        slogans=frozenset(e.word for e in entries if e.section == "slogans"),
        not_slogans=frozenset(e.word for e in entries if e.section == "not-slogans"),
        _segment=Segmenter(name, module, hmm=hmm, entries=segmenter_entries, stopwords=stops),
    )


def full_text(title: str, text: str) -> str:
    """What is segmented of an article: title, a line break, then text.

    An article with no title is its text alone.
    """
    return f"{title}\n{text}" if title else text


def full_texts(articles: pd.DataFrame) -> list[str]:
    """:func:`full_text` of each article of a table."""
    titles = articles["title"].fillna("").astype(str).tolist()
    texts = articles["text"].fillna("").astype(str).tolist()
    return list(map(full_text, titles, texts))


def tokenize_articles(articles: pd.DataFrame, *, tokenizer: Tokenizer) -> pd.DataFrame:
    """Segment each article (title, a line break, then text) once.

    Args:
        articles: the articles table (``doc_id``, ``title``, ``text``).
        tokenizer: from :func:`build_tokenizer`.

    Returns:
        One row per article, in the order of ``articles``:
        ``doc_id`` (str), ``terms`` (list[str], the content terms in text order),
        ``n_tokens`` (int, word tokens including stopwords, numbers and single characters,
        excluding punctuation and whitespace: the denominator of keyword rates) and
        ``dict_version`` (str, ``tokenizer.version``).
    """
    import pandas as pd  # not at import time: ingest workers segment without pandas

    from analysis.schema import STRING_DTYPE

    results = [tokenizer.analyse(text) for text in full_texts(articles)]
    return pd.DataFrame(
        {
            "doc_id": pd.Series(articles["doc_id"].to_numpy(), dtype=STRING_DTYPE),
            "terms": pd.Series([terms for terms, _ in results], dtype=object),
            "n_tokens": pd.Series([n for _, n in results], dtype="int64"),
            "dict_version": pd.Series([tokenizer.version] * len(results), dtype=STRING_DTYPE),
        }
    )


def _version_hash(entries: Sequence[DictEntry], stopwords: frozenset[str], backend: str, hmm: bool) -> str:
    payload = json.dumps(
        {
            "dictionary": [[e.word, e.freq, e.tag, e.section] for e in entries],
            "stopwords": sorted(stopwords),
            "backend": backend,
            "hmm": hmm,
            "rules": RULES_VERSION,
        },
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]
