"""Segmentation: jieba semantics, rjieba speed, a governance user dictionary and stopwords.

The tokenizer is an object built from editable files (``data/userdict.txt``,
``data/stopwords/*.txt``); nothing is loaded at import time and jieba's global state is
never touched:

* **rjieba** (jieba-rs) offers an instance class, ``rjieba.Jieba()``, whose ``add_word``
  changes only that instance (importing the rjieba package also builds a module-level
  default instance, which we never use: its compiled module is loaded on its own).
  rjieba has no ``load_userdict``: entries are fed one by one with
  ``add_word(word, freq, tag)``.
* **jieba** is the fallback when rjieba cannot be imported: a private ``jieba.Tokenizer()``
  instance with the same ``add_word`` calls. Frequency 0 is refused by the dictionary reader
  because jieba records such words in its module-global HMM state.

Quoted formulas. Text inside “…” or ‘…’ is kept as one token when it is 2-8 CJK characters
and :func:`classify_quoted` calls it a formula. Splitting the text at the quote marks does
not change how the rest is cut, because both backends already treat quote marks as block
boundaries.

Content terms. :meth:`Tokenizer.terms` drops whitespace, punctuation, numbers (``2024``,
``十七``, ``2024年``, ``1至4月``, ``第十四届``, ``第3版``), one-character tokens and stopwords. Words
of the user dictionary and quoted formulas are never dropped as numbers (``十四五``).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import importlib.metadata
import importlib.util
import json
import re
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from analysis.paths import data_path
from analysis.wordlists import DictEntry, read_stopwords, read_userdict

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_USERDICT = "userdict.txt"
"""The user dictionary's name in the data folder (:func:`analysis.paths.data_path`)."""
DEFAULT_STOPWORDS = "stopwords"
"""The stopword folder's name in the data folder."""
RULES_VERSION = "quotes-v1;filters-v2"
"""Bump when the quote-protection or term-filter rules change: it is part of the version."""
STOPWORD_FREQ = 3000
"""Frequency with which unknown multi-character stopwords are added to the segmenter."""

Backend = Literal["auto", "rjieba", "jieba"]
QuoteKind = Literal["dictionary", "numbered", "parallel", "short"]

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,8}")
_QUOTE_NUMERALS = frozenset("一二三四五六七八九十百千万两双")

QUOTE_RE = re.compile(r"“([^“”\n]{2,8})”|‘([^‘’\n]{2,8})’")
"""A quotation of 2-8 characters in “…” (group 1) or ‘…’ (group 2)."""
_NUMERAL = r"[0-9０-９〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]"
_WEB_RE = re.compile(
    r"(?i)(?:https?|www|[a-z0-9_.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z0-9-]+(?:\.[a-z0-9-]+)+)"
)
"""URL pieces, domains (tv.cctv.com) and e-mail addresses: page furniture, not terms."""
_NUMBER_RE = re.compile(
    rf"第?{_NUMERAL}(?:{_NUMERAL}|[.．,，:：/%％‰\-~～—至到])*"
    r"[多余]?[年月日号时分秒点个次届期批名位项件条家元倍岁周天亿万人户亩吨米版]*"
)
_CACHE_LIMIT = 2_000_000


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
        slogan). Unquoted: :attr:`slogan_words`.
        """
        quoted = [(phrase, True) for phrase, kind in self.quoted if kind != "short" or len(phrase) == 4]
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
    _segment: Callable[[str], list[str]] = field(repr=False)
    _classes: _TokenClasses = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_classes", _TokenClasses(self._classify))

    @property
    def prepared(self) -> bool:
        """Whether the segmenter is built (:meth:`prepare`, or a first cut)."""
        return not isinstance(self._segment, _Segmenter) or self._segment.built

    def prepare(self) -> Tokenizer:
        """Build the segmenter now rather than at the first cut (see :class:`_Segmenter`)."""
        if isinstance(self._segment, _Segmenter):
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

    def _filter(self, tokens: list[str], protected: list[tuple[int, QuoteKind]]) -> tuple[list[str], int]:
        values = list(map(self._classes.__getitem__, tokens))  # classified on first sight
        for i, _ in protected:
            values[i] = "" if tokens[i] in self.stopwords else tokens[i]
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
            kind = classify_quoted(match.group(group), slogans=self.slogans)
            if kind is None:
                continue
            tokens.extend(self._segment(text[start : match.start(group)]))
            protected.append((len(tokens), kind))
            tokens.append(match.group(group))
            start = match.end(group)
        tokens.extend(self._segment(text[start:]))
        return tokens, protected

    def _classify(self, token: str) -> str | bool:
        """Return ``token`` if it is a term, ``""`` if a word but no term, False otherwise.

        The result is cached, and the cached term is the string every later occurrence
        returns: equal terms then share one object, which saves memory on large corpora.
        """
        number = token not in self.dictionary_words and _NUMBER_RE.fullmatch(token) is not None
        if not any(ch.isalnum() for ch in token):
            value: str | bool = False
        elif len(token) < 2 or token in self.stopwords or number or _WEB_RE.fullmatch(token):
            value = ""
        else:
            value = token
        return value


class _TokenClasses(dict):
    """The cache of :meth:`Tokenizer._classify`, filled as tokens are first seen.

    ``cache[token]`` classifies a token the first time (a dictionary lookup after that:
    no pass over the tokens to find the unseen ones), and the cache forgets everything
    past :data:`_CACHE_LIMIT` tokens.
    """

    def __init__(self, classify: Callable[[str], str | bool]) -> None:
        super().__init__()
        self._classify_token = classify

    def __missing__(self, token: str) -> str | bool:
        if len(self) > _CACHE_LIMIT:
            self.clear()
        value = self[token] = self._classify_token(token)
        return value


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
    name, module = _import_backend(backend)
    package_version = importlib.metadata.version(name)
    return Tokenizer(
        backend=name,
        version=_version_hash(entries, stops, f"{name} {package_version}", hmm),
        stopwords=stops,
        dictionary_words=frozenset(e.word for e in entries),
        slogans=frozenset(e.word for e in entries if e.section == "slogans"),
        _segment=_Segmenter(name, module, hmm=hmm, entries=entries, stopwords=stops),
    )


class _Segmenter:
    """The backend instance with the user dictionary, built on the first cut.

    Building it (the stock dictionary, then every user entry) takes a fifth of a second.
    A process that only needs the tokenizer's version (an ingest whose workers do all the
    segmenting) never pays it; one that forks workers calls :meth:`Tokenizer.prepare`
    first so that every worker starts with it.
    """

    def __init__(self, name: str, module, *, hmm: bool, entries: Sequence[DictEntry],
                 stopwords: frozenset[str]) -> None:
        self._recipe = (name, module, hmm, entries, stopwords)
        self._cut: Callable[[str], list[str]] | None = None
        self._lock = threading.Lock()

    def __call__(self, text: str) -> list[str]:
        return (self._cut or self.build())(text)

    @property
    def built(self) -> bool:
        """Whether the backend instance exists yet."""
        return self._cut is not None

    def build(self) -> Callable[[str], list[str]]:
        """Build the backend instance now (once; later calls return it)."""
        with self._lock:
            if self._cut is None:
                name, module, hmm, entries, stopwords = self._recipe
                segment, add_word, has_word = _make_segmenter(name, module, hmm=hmm)
                for entry in entries:
                    add_word(entry.word, entry.freq, entry.tag)
                for word in sorted(stopwords):
                    if len(word) > 2 and not has_word(word):
                        add_word(word, STOPWORD_FREQ, None)
                self._cut = segment
            return self._cut


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


def classify_quoted(phrase: str, *, slogans: frozenset[str] = frozenset()) -> QuoteKind | None:
    """Say whether a quoted phrase is a formula to keep whole, and why.

    The phrase must be 2-8 CJK characters (no punctuation, Latin or digits). Then it is
    ``"dictionary"`` if it is in the slogan section of the user dictionary (有事好商量);
    ``"numbered"`` if it contains a Chinese numeral 一二三四五六七八九十百千万两 or 双
    (三抓三促, 六个典范, 百企兴百村, 双进双联); ``"parallel"`` if a character repeats
    (引大引强引头部); ``"short"`` if it has at most 4 characters, a quoted coinage
    (放管服, 主力军). Anything else (5-8 characters with none of these, typically a short
    quotation such as 要抓紧落实) returns ``None`` and is segmented normally.
    """
    if not _CJK_RE.fullmatch(phrase):
        return None
    if phrase in slogans:
        return "dictionary"
    if any(ch in _QUOTE_NUMERALS for ch in phrase):
        return "numbered"
    if len(set(phrase)) < len(phrase):
        return "parallel"
    return "short" if len(phrase) <= 4 else None


def _import_backend(backend: Backend):
    """Return ``(name, module)`` of the backend to use; nothing is imported before."""
    if backend not in ("auto", "rjieba", "jieba"):
        raise ValueError(f"backend must be 'auto', 'rjieba' or 'jieba', not {backend!r}")
    if backend in ("auto", "rjieba"):
        try:
            return "rjieba", _rjieba_extension()
        except ImportError as error:
            if backend == "rjieba":
                raise ImportError(
                    "backend='rjieba' but rjieba is not importable; install rjieba or use backend='jieba'"
                ) from error
    return "jieba", importlib.import_module("jieba")


def _rjieba_extension():
    """The compiled module of rjieba (it holds ``Jieba``), loaded without the package's ``__init__``.

    Importing the ``rjieba`` package builds a default ``Jieba`` with the stock dictionary
    (0.17 s of CPU) that is never used here: every tokenizer builds its own instance with
    the user dictionary. Each ingest process (this one and the workers' fork server) saves
    that time. The package itself is used when it is imported already (or blocked, which
    raises ImportError) or laid out otherwise.
    """
    if "rjieba" in sys.modules:
        return importlib.import_module("rjieba")
    extension = sys.modules.get("rjieba.rjieba")
    if extension is not None:
        return extension
    spec = importlib.util.find_spec("rjieba")
    for folder in map(Path, (spec.submodule_search_locations or []) if spec else []):
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = folder / f"rjieba{suffix}"
            if not path.is_file():
                continue
            loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(path))
            module_spec = importlib.util.spec_from_loader(loader.name, loader)
            try:
                extension = importlib.util.module_from_spec(module_spec)
                loader.exec_module(extension)
            except (ImportError, OSError):
                return importlib.import_module("rjieba")
            sys.modules["rjieba.rjieba"] = extension  # what ``import rjieba`` would reuse
            return extension
    return importlib.import_module("rjieba")


def _make_segmenter(name: str, module, *, hmm: bool):
    """Return ``(segment, add_word, has_word)`` bound to a private backend instance."""
    if name == "rjieba":
        instance = module.Jieba()
        return (lambda text: instance.cut(text, hmm)), instance.add_word, instance.has_word
    instance = module.Tokenizer()
    instance.initialize()
    return (
        lambda text: instance.lcut(text, HMM=hmm),
        instance.add_word,
        lambda word: instance.FREQ.get(word, 0) > 0,
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
