"""The same ingest on a Dask cluster: a local two-process cluster started by the test."""

from __future__ import annotations

import distributed
import pytest
from test_ingest import assert_same_store

from analysis.demo import generate_demo_articles
from analysis.store import open_store


def analyzers_built() -> int:
    """How many analyzers this (worker) process built: 1 once it has analysed a chunk."""
    from analysis.store import analyzer

    return len(analyzer._ANALYZERS)


@pytest.mark.slow
def test_ingest_on_a_local_dask_cluster_equals_a_local_ingest():
    articles = generate_demo_articles(300, seed=11)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    with cluster, open_store(None) as on_dask, open_store(None) as local:
        summary = on_dask.ingest(articles, scheduler=cluster.scheduler_address, chunk_size=50)
        assert (summary.new, summary.skipped_existing) == (300, 0)
        again = on_dask.ingest(articles, scheduler=cluster.scheduler_address)
        assert (again.new, again.skipped_existing) == (0, 300)
        with distributed.Client(cluster.scheduler_address) as client:
            assert list(client.run(analyzers_built).values()) == [1, 1]  # both workers analysed
        local.ingest(articles, workers=1)
        assert_same_store(on_dask, local)
