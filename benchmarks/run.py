"""Scale benchmark: ingest N demo articles into a store, then time dashboard filter changes.

    python benchmarks/run.py --articles 100000 [--json] [--workers 2] [--runs 3] [--real ../shared/corpora]

1. Generate N articles with :func:`analysis.demo.iter_demo_batches` into Parquet files in
   a temporary folder (not timed: it stands for the files an analyst has). With
   ``--real FOLDER``, make them of the real articles under FOLDER instead, copied
   (:func:`scale.copy_real`): longer articles and a far larger vocabulary than the demo's.
2. Ingest them into a new store (timed: reading the files, hashing, segmenting, theme
   scoring, writing, pre-aggregating), cold, in a fresh process (:mod:`ingest_once`), as
   ``govthemes ingest`` runs. MB are UTF-8 megabytes of titles and texts.
3. Time the naive pipeline (:mod:`benchmarks.naive`) on a sample of the same articles
   (the first 2,000) in a fresh process and extrapolate its MB/s. Up to 20,000 articles
   the ingest is timed three times (``--runs``), alternating with three naive runs, so
   that both meet the same moods of a shared machine (its speed varies by 15-50% from
   minute to minute); larger corpora are ingested once, the naive pipeline still runs
   three times. The figures are medians.
4. Time a sequence of filter changes on the last store; each runs the queries one
   dashboard view needs: summary, articles per month, articles per prefecture, the theme
   heatmap (prefecture x month) and the top 200 terms without place and person names (as the
   Keywords tab asks them).
5. With ``--what-pays``: time each pre-aggregation against the ways of answering without
   it, on the same store, and the cost of rebuilding them.

Peak RSS is sampled every 0.1 s over this process and its children (the ingesting
process and its workers) while the ingests and the filter changes run, summed over
processes: the memory the tool needed at its busiest.
The last line is JSON with the figures.
"""

import sys

if __name__ == "__main__":
    # Everything is imported here, not at the top: the ingest's worker processes start by
    # importing this file (the main script, as multiprocessing does), and would otherwise
    # each import pandas, pyarrow and the demo generator before doing any work.
    from scale import main

    sys.exit(main())
