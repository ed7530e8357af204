"""The analyzer ingest workers use: tokenizer, theme dictionary and name lists, built from files.

:class:`AnalyzerConfig` names the files by absolute path (and stamps their sizes and
times), so every worker process builds the same :class:`Analyzer`; each process builds it
once (:func:`worker_analyzer`) and keeps it for every later chunk. The fingerprint of the
theme dictionary (:func:`theme_fingerprint`) says which stored articles an edit made stale.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from analysis.chunk_reading import TokenCodes
from analysis.name_lists import NAMES_FILE, NameContexts, load_name_lists
from analysis.paths import data_path
from analysis.theme_dictionary import ThemeDictionary, default_themes_path, load_themes
from analysis.tokenize import DEFAULT_STOPWORDS, DEFAULT_USERDICT, Tokenizer, build_tokenizer

__all__ = ["Analyzer", "AnalyzerConfig", "files_stamp", "theme_fingerprint", "worker_analyzer"]


@dataclass(frozen=True)
class AnalyzerConfig:
    """The files that decide tokens and themes; absolute paths, so any worker reads the same.

    Attributes:
        userdict: the jieba-format user dictionary.
        stopwords: the stopword folder (or file).
        themes: the theme dictionary (TOML).
        names: the name lists (TOML) whose titles and surnames find person-name contexts.
        backend: the segmenter (``auto`` picks rjieba when importable).
    """

    userdict: str
    stopwords: str
    themes: str
    names: str
    backend: Literal["auto", "rjieba", "jieba"] = "auto"
    stamp: str = ""
    """The files' sizes and modification times when this configuration was made
    (:func:`files_stamp`): an analyzer cached in a long-lived process (the workers' fork
    server) for an earlier state of the files is then not reused after an edit."""

    @classmethod
    def default(
        cls,
        *,
        userdict: str | Path | None = None,
        stopwords: str | Path | None = None,
        themes: str | Path | None = None,
        names: str | Path | None = None,
        backend: Literal["auto", "rjieba", "jieba"] = "auto",
    ) -> AnalyzerConfig:
        """The configuration with every unset file taken from the data folder."""
        paths = (
            str(Path(userdict or data_path(DEFAULT_USERDICT)).resolve()),
            str(Path(stopwords or data_path(DEFAULT_STOPWORDS)).resolve()),
            str(Path(themes or default_themes_path()).resolve()),
            str(Path(names or data_path(NAMES_FILE)).resolve()),
        )
        return cls(*paths, backend=backend, stamp=files_stamp(paths))


@dataclass(frozen=True, eq=False)
class Analyzer:
    """The tokenizer, theme dictionary and name-context finder built from an :class:`AnalyzerConfig`."""

    tokenizer: Tokenizer
    themes: ThemeDictionary
    theme_version: str
    name_contexts: NameContexts
    token_codes: TokenCodes = field(init=False, repr=False)
    """This process's token → term-code cache (:mod:`analysis.chunk_reading`), kept between chunks."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "token_codes", TokenCodes(self.tokenizer))

    @classmethod
    def build(cls, config: AnalyzerConfig) -> Analyzer:
        """Read the files and build both, the theme matcher compiled.

        The segmenter itself is built on the first cut (:meth:`Tokenizer.prepare` builds
        it now): an ingesting process whose workers segment everything never needs it.
        """
        tokenizer = build_tokenizer(
            userdict=config.userdict, stopwords=config.stopwords, backend=config.backend)
        themes = load_themes(config.themes)
        themes.matcher.compile()
        return cls(tokenizer=tokenizer, themes=themes, theme_version=theme_fingerprint(themes),
                   name_contexts=NameContexts(load_name_lists(config.names)))

    @property
    def versions(self) -> tuple[str, str, str]:
        """The (dictionary, theme, name-list) versions of what this analyzer makes."""
        return self.tokenizer.version, self.theme_version, self.name_contexts.version


_ANALYZERS: dict[AnalyzerConfig, Analyzer] = {}
"""Per-process cache of analyzers, so each worker builds the tokenizer once."""


def worker_analyzer(config: AnalyzerConfig) -> Analyzer:
    """Return this process's analyzer for ``config``, building it on first use.

    The segmenter is built at once too: a worker segments at once, and the fork server
    builds it before forking so that every worker starts with it.
    """
    analyzer = _ANALYZERS.get(config)
    if analyzer is None:
        analyzer = _ANALYZERS[config] = Analyzer.build(config)
        analyzer.tokenizer.prepare()
    return analyzer


def files_stamp(paths: tuple[str, ...]) -> str:
    """A 12-hex-digit hash of the size and modification time of each file.

    A folder stands for each ``*.txt`` file in it; a missing file counts as missing.
    """
    parts = []
    for path in map(Path, paths):
        files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
        for file in files:
            try:
                stat = file.stat()
                parts.append(f"{file}|{stat.st_size}|{stat.st_mtime_ns}")
            except OSError:
                parts.append(f"{file}|missing")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]


def theme_fingerprint(themes: ThemeDictionary) -> str:
    """A 12-hex-digit hash of what scores articles (not of labels or descriptions).

    It covers each theme's id, terms, patterns, weights, counter terms and home_only mark, the scoring
    settings, the ignore phrases and the ``[abroad]`` lists. Not of labels, descriptions, sources, the
    file's ``version`` label or where it was read: editing those changes no score, so it does not make
    stored articles stale.
    """
    scoring = (
        [(t.id, t.terms, t.core_terms, t.patterns, sorted(t.weights.items()), t.counter_terms, t.home_only)
         for t in themes.themes],
        themes.threshold, themes.min_hits, themes.length_floor, themes.length_cap, themes.title_weight,
        themes.core_weight, themes.ignore, themes.abroad_terms, themes.home_terms, themes.abroad_ignore,
    )
    return hashlib.sha256(repr(scoring).encode("utf-8")).hexdigest()[:12]
