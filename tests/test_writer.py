"""The parent maps each worker's term codes to the store's term ids, once per term and worker.

A local worker sends each term once (:func:`analysis.store.analyze.analyse_chunk` with a
``receiver``); a Dask task sends its chunk's terms. Both must give every term the same id.
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis.demo import generate_demo_articles
from analysis.store.analyze import Analyzer, AnalyzerConfig, analyse_chunk
from analysis.store.schema import StoreError
from analysis.store.writer import Vocabulary, write_batch

CONFIG = AnalyzerConfig.default()


@pytest.fixture(scope="module")
def chunks():
    articles = generate_demo_articles(90, seed=21).assign(doc_key=range(90))
    return [articles.iloc[i : i + 15] for i in range(0, 90, 15)]


@pytest.fixture(scope="module")
def local_results(chunks):
    analyzer = Analyzer.build(CONFIG)
    return [analyse_chunk(CONFIG, chunk, analyzer=analyzer) for chunk in chunks]


def owned_results(chunks, receiver):
    """The chunks analysed by two workers in turn, each sending its terms once."""
    workers = [Analyzer.build(CONFIG), Analyzer.build(CONFIG)]
    return [analyse_chunk(CONFIG, chunk, analyzer=workers[i % 2], receiver=receiver)
            for i, chunk in enumerate(chunks)]


def mapped(vocabulary, results):
    """Each result's token sequence and term counts as term ids, and the new terms in order.

    The (article, term id, count) entries are sorted: an article's bag of terms comes in
    the order of the codes, which is no contract (it depends on the chunking already).
    """
    new: list[tuple[int, str]] = []
    out = []
    for result in results:
        ids = vocabulary.term_ids(result, new)
        bags = sorted(zip(result.count_rows.tolist(), ids[result.count_codes].tolist(),
                          result.count_values.tolist(), strict=True))
        out.append((ids[result.seq_codes].tolist(), bags))
    return out, new


def test_terms_sent_once_per_worker_get_the_ids_the_chunks_own_terms_get(chunks, local_results):
    vocabulary = Vocabulary()
    owned = owned_results(chunks, vocabulary.receiver)
    assert len({r.owner for r in owned}) == 2
    assert sum(len(r.vocab) for r in owned) < sum(len(r.vocab) for r in local_results)
    assert mapped(vocabulary, owned) == mapped(Vocabulary(), local_results)


def test_a_result_that_does_not_continue_its_worker_is_refused_and_nothing_is_kept(chunks, local_results):
    vocabulary = Vocabulary()
    owned = owned_results(chunks, vocabulary.receiver)
    del owned[2]  # worker 0's second result is lost: its fourth result does not follow on
    batch = [(None, result) for result in owned]
    with pytest.raises(StoreError) as error:
        write_batch(None, batch, vocabulary=vocabulary, run_id=1, counts={})
    assert error.value.code == "worker_vocabulary"
    assert vocabulary.ids == {}  # the ids given to the results before it are forgotten
    assert all((owner.ids == -1).all() for owner in vocabulary.owners.values())


def test_ids_forgotten_with_a_rolled_back_batch_are_forgotten_by_the_workers_codes_too(chunks, local_results):
    vocabulary = Vocabulary()
    owned = owned_results(chunks, vocabulary.receiver)
    _, new = mapped(vocabulary, owned[:2])
    vocabulary.forget(new)  # as write_batch does after a ROLLBACK
    # the later chunks are numbered as if the first two had never been written
    assert mapped(vocabulary, owned[2:]) == mapped(Vocabulary(), local_results[2:])
    assert np.concatenate([o.ids for o in vocabulary.owners.values()]).max() < len(vocabulary.ids)
