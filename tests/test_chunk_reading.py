"""Reading a chunk of articles at once gives what reading each article alone gives.

Ingest workers read whole chunks into term codes (:mod:`analysis.chunk_reading`); the
in-memory analysis reads article by article (:meth:`Tokenizer.read`). Both must agree on
every term, word count and slogan, on made-up text with every token rule in it, on the
demo corpus and on the real corpora.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from analysis.chunk_reading import TokenCodes, read_chunk
from analysis.demo import generate_demo_articles
from analysis.tokenize import build_tokenizer, full_text
from tests.conftest import corpus_path, write_config


@pytest.fixture(scope="module")
def tokenizer():
    return build_tokenizer()


TEXTS = [
    "政协委员围绕“三抓三促”行动建言，推动百企兴百村。",
    "",
    "，。！",  # punctuation only: no word
    "2024年6月13日，第十四届委员会召开常委会会议，“放管服”改革和“六一”活动同步推进。",
    "“百企兴百村”“百企兴百村”，再说一遍百企兴百村。",
    "详见 www.gov.cn，发展新质生产力 GDP 5G。",
    "乡村振兴 乡村振兴 乡村振兴",
]


def expected(texts, tokenizer):
    """Per article: terms, word count and slogan mentions, from :meth:`Tokenizer.read`."""
    readings = [tokenizer.read(text) for text in texts]
    return [(r.terms, r.n_tokens, r.slogan_mentions()) for r in readings]


def as_read(reading):
    """The same three per article, decoded from a :class:`ChunkReading`."""
    ends = np.cumsum(reading.lengths)
    starts = ends - reading.lengths
    return [
        ([reading.vocab[c] for c in reading.codes[s:e]], int(n), slogans)
        for s, e, n, slogans in zip(starts, ends, reading.n_tokens, reading.slogans, strict=True)
    ]


def test_a_chunk_reads_as_its_articles_do_one_by_one(tokenizer):
    reading = read_chunk(TEXTS, tokenizer=tokenizer, cache=TokenCodes(tokenizer))
    assert as_read(reading) == expected(TEXTS, tokenizer)
    assert reading.n_tokens[2] == 0 and reading.lengths[1] == 0
    assert reading.slogans[4][:2] == [("百企兴百村", True), ("百企兴百村", True)]
    assert ("百企兴百村", False) in reading.slogans[4]


def test_an_empty_chunk_and_a_chunk_of_one_article_read_as_alone(tokenizer):
    empty = read_chunk([], tokenizer=tokenizer, cache=TokenCodes(tokenizer))
    assert (empty.vocab, empty.codes.tolist(), empty.lengths.tolist(), empty.slogans) == ([], [], [], [])
    for text in ("“三抓三促”", "“六一”", ""):  # a quotation alone, a quoted day, nothing
        assert as_read(read_chunk([text], tokenizer=tokenizer, cache=TokenCodes(tokenizer))) == expected(
            [text], tokenizer)


def test_the_vocabulary_is_numbered_in_order_of_first_appearance(tokenizer):
    reading = read_chunk(["乡村振兴 新质生产力", "新质生产力 营商环境 乡村振兴"], tokenizer=tokenizer,
                         cache=TokenCodes(tokenizer))
    assert reading.vocab == ["乡村振兴", "新质生产力", "营商环境"]
    assert reading.codes.tolist() == [0, 1, 1, 2, 0]


def test_a_cache_kept_between_chunks_changes_no_chunk(tokenizer):
    """A worker's cache has seen other chunks first: its codes differ, the chunk's do not."""
    warm = TokenCodes(tokenizer)
    read_chunk([*reversed(TEXTS), "营商环境 招商引资"], tokenizer=tokenizer, cache=warm)
    cold = read_chunk(TEXTS, tokenizer=tokenizer, cache=TokenCodes(tokenizer))
    again = read_chunk(TEXTS, tokenizer=tokenizer, cache=warm)
    assert again.vocab == cold.vocab
    assert again.codes.tolist() == cold.codes.tolist()


def test_without_renumbering_the_codes_are_the_caches_and_each_receiver_gets_each_term_once(
        tokenizer, monkeypatch):
    cache = TokenCodes(tokenizer)
    first = read_chunk(["乡村振兴 新质生产力"], tokenizer=tokenizer, cache=cache, renumber=False)
    assert cache.take_unsent("ingest") == (0, ["乡村振兴", "新质生产力"])
    second = read_chunk(["营商环境 乡村振兴"], tokenizer=tokenizer, cache=cache, renumber=False)
    assert second.codes.tolist() == [2, 0] and first.codes.tolist() == [0, 1]
    assert cache.take_unsent("ingest") == (2, ["营商环境"])
    assert cache.take_unsent("ingest") == (3, [])
    assert cache.take_unsent("another ingest") == (0, ["乡村振兴", "新质生产力", "营商环境"])
    owner = cache.owner
    monkeypatch.setattr("analysis.chunk_reading.VOCABULARY_LIMIT", 0)  # full: the next chunk starts afresh
    third = read_chunk(["营商环境"], tokenizer=tokenizer, cache=cache, renumber=False)
    assert cache.owner != owner and cache.owner[:2] == owner[:2]  # a new generation of codes
    assert third.codes.tolist() == [0]
    assert cache.take_unsent("ingest") == (0, ["营商环境"])


def test_a_slogan_made_a_stopword_is_no_term_but_still_a_slogan(tmp_path):
    userdict = write_config(tmp_path, "userdict.txt", "# [slogans] made up for this test\n百企兴百村 2000 nz\n")
    stops = write_config(tmp_path, "stop.txt", "百企兴百村\n的\n")
    tokenizer = build_tokenizer(userdict=userdict, stopwords=stops)
    texts = ["推动百企兴百村的落实", "“百企兴百村”"]
    reading = read_chunk(texts, tokenizer=tokenizer, cache=TokenCodes(tokenizer))
    assert as_read(reading) == expected(texts, tokenizer)
    assert "百企兴百村" not in reading.vocab


def test_the_demo_corpus_reads_the_same_both_ways(tokenizer):
    articles = generate_demo_articles(300, seed=21)
    texts = list(map(full_text, articles["title"], articles["text"]))
    assert as_read(read_chunk(texts, tokenizer=tokenizer, cache=TokenCodes(tokenizer))) == expected(texts, tokenizer)


@pytest.mark.corpus
def test_real_articles_read_the_same_both_ways(tokenizer):
    path = corpus_path("cppcc-local-news-pages") / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts = [full_text(r["title"] or "", r["text"] or "") for r in records]
    reading = read_chunk(texts, tokenizer=tokenizer, cache=TokenCodes(tokenizer))
    assert as_read(reading) == expected(texts, tokenizer)
    assert sum(map(len, reading.slogans)) > 0
