"""Scale benchmark: ingest N demo articles into a store, then time dashboard filter changes.

    python benchmarks/run.py --articles 100000 [--json] [--workers 2]

1. Generate N articles with :func:`analysis.demo.iter_demo_batches` into Parquet files in
   a temporary folder (not timed: it stands for the files an analyst has).
2. Ingest them into a new store (timed: reading the files, hashing, segmenting, theme
   scoring, writing, pre-aggregating). MB are UTF-8 megabytes of titles and texts.
3. Time a sequence of filter changes; each runs the queries one dashboard view needs:
   summary, articles per month, articles per prefecture, the theme heatmap (prefecture x
   month) and the top 50 terms.
4. Time the naive pipeline (:mod:`benchmarks.naive`) on a sample of the same articles
   (the first 2,000) in a separate process, three times, and extrapolate the median MB/s
   (this machine's speed varies by some 15% from run to run).
5. With ``--what-pays``: time each pre-aggregation against the ways of answering without
   it, on the same store, and the cost of rebuilding them.

Peak RSS is sampled every 0.1 s over this process and its children (the ingest workers)
while steps 2-3 run, summed over processes: the memory the tool needed at its busiest.
The last line is JSON with the figures.
"""

import sys

if __name__ == "__main__":
    # Everything is imported here, not at the top: the ingest's worker processes start by
    # importing this file (the main script, as multiprocessing does), and would otherwise
    # each import pandas, pyarrow and the demo generator before doing any work.
    from scale import main

    sys.exit(main())
