"""The segmenter backend: a private rjieba or jieba instance holding the user dictionary.

:class:`analysis.tokenize.Tokenizer` cuts text with a :class:`Segmenter`; this module
chooses the backend and builds the instance, and never touches jieba's global state:

* **rjieba** (jieba-rs) offers an instance class, ``rjieba.Jieba()``, whose ``add_word``
  changes only that instance (importing the rjieba package also builds a module-level
  default instance, which we never use: its compiled module is loaded on its own).
  rjieba has no ``load_userdict``: entries are fed one by one with
  ``add_word(word, freq, tag)``.
* **jieba** is the fallback when rjieba cannot be imported: a private ``jieba.Tokenizer()``
  instance with the same ``add_word`` calls. Frequency 0 is refused by the dictionary reader
  because jieba records such words in its module-global HMM state. jieba's ``add_word``
  adds a word's new count to the dictionary's total without taking off the count it
  replaces, where jieba-rs takes it off; the ~110 user entries that re-weight stock words
  made jieba's total 15,000 larger, enough to flip close cuts (经济模式), so the fallback
  takes it off too and both backends score every cut with the same total.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from analysis.wordlists import DictEntry

STOPWORD_FREQ = 3000
"""Frequency with which unknown multi-character stopwords are added to the segmenter."""

Backend = Literal["auto", "rjieba", "jieba"]


class Segmenter:
    """The backend instance with the user dictionary, built on the first cut.

    Building it (the stock dictionary, then every user entry) takes a fifth of a second.
    A process that only needs the tokenizer's version (an ingest whose workers do all the
    segmenting) never pays it; one that forks workers calls
    :meth:`analysis.tokenize.Tokenizer.prepare` first so that every worker starts with it.
    """

    def __init__(self, name: str, module, *, hmm: bool, entries: Sequence[DictEntry],
                 stopwords: frozenset[str]) -> None:
        self._recipe = (name, module, hmm, entries, stopwords)
        self._cut: Callable[[str], list[str]] | None = None
        self._lock = threading.Lock()

    def __call__(self, text: str) -> list[str]:
        """Cut ``text`` into tokens, building the instance first if need be."""
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


def import_backend(backend: Backend):
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

    def add_word(word: str, freq: int | None, tag: str | None) -> None:
        replaced = instance.FREQ.get(word, 0)
        instance.add_word(word, freq, tag)
        instance.total -= replaced  # as jieba-rs does: a word given again replaces its count

    return (
        lambda text: instance.lcut(text, HMM=hmm),
        add_word,
        lambda word: instance.FREQ.get(word, 0) > 0,
    )
