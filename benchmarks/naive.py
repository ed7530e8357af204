"""The naive pipeline a notebook user would write: pandas, ``jieba.lcut``, ``Counter``, a keyword mask.

Run on its own (``python benchmarks/naive.py PARQUET``) it prints one JSON line with its
time and throughput, so that :mod:`benchmarks.run` can time it in a separate process (its
memory then does not count against the store's peak).

Timed: segmenting title and text with ``jieba.lcut`` (jieba's default accurate mode, HMM
on), dropping one-character tokens and stopwords, a ``Counter`` per article and one for
the corpus, and one ``str.contains`` mask per theme over the same text, with the theme's
terms joined into a regex. Not timed: reading the file, importing jieba and building its
dictionary with the project's user dictionary (a one-off cost of a few seconds).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter

import pandas as pd


def naive_pipeline(articles: pd.DataFrame, *, themes: dict[str, list[str]], stopwords: frozenset[str]) -> dict:
    """Segment, count and flag themes the straightforward way; return the corpus counts and masks."""
    import jieba

    frame = articles.copy()
    frame["full"] = frame["title"].fillna("") + "\n" + frame["text"].fillna("")
    frame["tokens"] = frame["full"].map(jieba.lcut)
    frame["words"] = frame["tokens"].map(lambda tokens: [w for w in tokens if len(w) > 1 and w not in stopwords])
    frame["counts"] = frame["words"].map(Counter)
    corpus: Counter[str] = Counter()
    for counts in frame["counts"]:
        corpus.update(counts)
    for theme, terms in themes.items():
        frame[f"theme_{theme}"] = frame["full"].str.contains("|".join(map(re.escape, terms)), regex=True)
    return {"terms": corpus, "frame": frame}


def time_naive(articles: pd.DataFrame) -> dict[str, float]:
    """Prepare jieba and the theme terms, then time :func:`naive_pipeline` on ``articles``.

    Returns:
        ``articles``, ``megabytes`` (UTF-8 of title and text), ``seconds`` (wall),
        ``cpu_seconds``, ``setup_seconds`` (jieba's dictionary with the user dictionary,
        the stopwords and the themes: untimed in ``mb_per_s``, reported so that a cold
        comparison can add it once) and ``mb_per_s``, computed from the smaller of the two: the
        pipeline runs on one core, so its CPU time is its wall time on an idle machine, and
        other work on the machine cannot make the naive baseline look slower than it is.
    """
    import jieba

    from analysis.paths import data_path
    from analysis.theme_dictionary import load_themes
    from analysis.wordlists import read_stopwords, read_userdict

    setup = time.perf_counter()
    jieba.setLogLevel(60)
    jieba.initialize()
    for entry in read_userdict(data_path("userdict.txt")):
        jieba.add_word(entry.word, entry.freq, entry.tag)
    stopwords = read_stopwords(data_path("stopwords"))
    themes = {theme.id: [*theme.terms, *theme.core_terms] for theme in load_themes().themes}
    megabytes = sum(len(f"{t or ''}\n{x or ''}".encode()) for t, x in zip(articles["title"], articles["text"],
                                                                           strict=True)) / 1e6
    setup_seconds = time.perf_counter() - setup
    started, cpu = time.perf_counter(), time.process_time()
    naive_pipeline(articles, themes=themes, stopwords=stopwords)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    return {"articles": len(articles), "megabytes": megabytes, "seconds": seconds, "cpu_seconds": cpu_seconds,
            "mb_per_s": megabytes / min(seconds, cpu_seconds), "setup_seconds": setup_seconds}


def main() -> None:
    """``python benchmarks/naive.py FILE.parquet [N]``: time the first N articles of the file."""
    articles = pd.read_parquet(sys.argv[1])
    if len(sys.argv) > 2:
        articles = articles.head(int(sys.argv[2]))
    print(json.dumps(time_naive(articles)))


if __name__ == "__main__":
    main()
