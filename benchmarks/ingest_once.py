"""One cold ingest, timed: ``python benchmarks/ingest_once.py STORE N FILE.parquet...``.

The scale benchmark (:mod:`scale`) runs it in a fresh process for each timed ingest, as
an analyst's ``govthemes ingest`` runs: nothing is warm, not the workers' fork server nor
the analyzer. It prints one JSON line: ``seconds``, ``new``, ``megabytes``, ``batches``.

Nothing is imported at the top: the ingest's workers start by importing this file.
"""

import sys

if __name__ == "__main__":
    import argparse
    import json
    import time

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("articles", type=int, help="how many articles the files hold (for the plan)")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()

    import pyarrow.parquet as pq

    from analysis.store import open_store

    with open_store(args.store) as store:
        frames = (pq.read_table(file).to_pandas() for file in args.files)  # 2.5x faster than pd.read_parquet
        started = time.perf_counter()
        summary = store.ingest(frames, workers=args.workers, total=args.articles)
        seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "new": summary.new, "megabytes": summary.megabytes,
                      "batches": summary.batches}))
    sys.exit(0)
