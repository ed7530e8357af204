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
   (at most 2,000) in a separate process, and extrapolate its MB/s.

Peak RSS is sampled every 0.1 s over this process and its children (the ingest workers)
while steps 2-3 run, summed over processes: the memory the tool needed at its busiest.
The last line is JSON with the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import psutil

from analysis.demo import iter_demo_batches
from analysis.store import Filters, open_store

NAIVE_SAMPLE = 2_000
HERE = Path(__file__).resolve().parent


class MemorySampler(threading.Thread):
    """Sample the summed RSS of this process and its descendants until stopped."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self._done.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self._done.wait(0.1)

    def stop(self) -> int:
        self._done.set()
        self.join()
        return self.peak


def generate(n: int, folder: Path) -> list[Path]:
    files = []
    for i, batch in enumerate(iter_demo_batches(n, batch_size=20_000)):
        files.append(folder / f"articles-{i:04d}.parquet")
        batch.to_parquet(files[-1])
    return files


def ingest(files: list[Path], store_dir: Path, n: int, workers: int | None):
    store = open_store(store_dir)
    frames = (pd.read_parquet(file) for file in files)
    started = time.perf_counter()
    summary = store.ingest(frames, workers=workers, total=n)
    return store, summary, time.perf_counter() - started


def filter_changes(options: dict) -> list[tuple[str, Filters]]:
    """A typical session: dates, prefectures, counties, themes, search words, combinations."""
    low, high = options["date_min"].date(), options["date_max"].date()
    prefectures = options["places"]["prefecture"]["adcode"].tolist()
    counties = options["places"]["county"]["adcode"].tolist()
    themes = options["themes"]
    mid = low + (high - low) / 2
    year = dt.date(mid.year, 1, 1)
    p, c = prefectures, counties
    return [
        ("everything", Filters()),
        ("last 12 months", Filters(date_from=high - dt.timedelta(days=365), date_to=high)),
        ("one year", Filters(date_from=year, date_to=dt.date(year.year, 12, 31))),
        ("days to days", Filters(date_from=low + dt.timedelta(days=73), date_to=high - dt.timedelta(days=41))),
        ("one month", Filters(date_from=dt.date(mid.year, mid.month, 1), date_to=dt.date(mid.year, mid.month, 28))),
        ("prefecture", Filters(level="prefecture", places=(p[0],))),
        ("another prefecture", Filters(level="prefecture", places=(p[len(p) // 2],))),
        ("two prefectures", Filters(level="prefecture", places=(p[1], p[2]))),
        ("prefecture + dates", Filters(level="prefecture", places=(p[0],), date_from=year, date_to=high)),
        ("county", Filters(level="county", places=(c[0],))),
        ("county + year", Filters(level="county", places=(c[len(c) // 3],), date_from=year,
                                  date_to=dt.date(year.year, 12, 31))),
        ("three counties + quarter", Filters(level="county", places=tuple(c[5:8]), date_from=dt.date(year.year, 4, 1),
                                             date_to=dt.date(year.year, 6, 30))),
        ("theme", Filters(themes=(themes[0],))),
        ("another theme", Filters(themes=(themes[10],))),
        ("theme + prefecture", Filters(themes=(themes[10],), level="prefecture", places=(p[0],))),
        ("theme + dates", Filters(themes=(themes[2],), date_from=year, date_to=high)),
        ("search", Filters(search="乡村振兴")),
        ("search + prefecture", Filters(search="乡村振兴", level="prefecture", places=(p[0],))),
        ("other search + dates", Filters(search="协商", date_from=year, date_to=high)),
        ("dates + prefecture + theme", Filters(date_from=low + dt.timedelta(days=100), date_to=high,
                                               level="prefecture", places=(p[3],), themes=(themes[6],))),
        ("county + theme + dates", Filters(level="county", places=(c[1],), themes=(themes[0],),
                                           date_from=year, date_to=high)),
        ("outlet", Filters(outlets=tuple(options["outlets"][:1]))),
        ("search + theme", Filters(search="新质生产力", themes=(themes[8],))),
        ("everything again", Filters()),
    ]


VIEW = {
    "summary": lambda store, f: store.summary(f),
    "over time": lambda store, f: store.articles_over_time(f, period="month"),
    "by place": lambda store, f: store.articles_by_place(f, level="prefecture"),
    "theme heatmap": lambda store, f: store.theme_counts(f, by="prefecture", period="month"),
    "top terms": lambda store, f: store.term_counts(f, top=50),
}
"""The queries one view of the dashboard runs after a filter change."""


def time_filters(store) -> list[tuple[str, float, dict[str, float]]]:
    """Run the view for each filter change: (name, total ms, ms per query)."""
    timings = []
    for name, f in filter_changes(store.options()):
        parts = {}
        for query, run in VIEW.items():
            started = time.perf_counter()
            run(store, f)
            parts[query] = (time.perf_counter() - started) * 1000
        timings.append((name, sum(parts.values()), parts))
    return timings


def time_naive(sample_file: Path, n: int) -> dict:
    result = subprocess.run([sys.executable, str(HERE / "naive.py"), str(sample_file), str(n)],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=None, help="ingest processes (default: all cores)")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--tmp", default=None, help="folder for the generated files and the store")
    args = parser.parse_args(argv)
    say = (lambda *a: None) if args.json else print
    with tempfile.TemporaryDirectory(dir=args.tmp, prefix="govthemes-bench-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        files = generate(args.articles, folder)
        say(f"generated {args.articles:,} demo articles in {time.perf_counter() - started:.1f} s (not timed)")
        sampler = MemorySampler()
        sampler.start()
        store, summary, seconds = ingest(files, folder / "store", args.articles, args.workers)
        say(f"ingest: {summary.new:,} articles, {summary.megabytes:.1f} MB in {seconds:.1f} s "
            f"= {summary.megabytes / seconds:.2f} MB/s ({summary.batches} transactions)")
        named = time_filters(store)
        peak = sampler.stop()
        info = store.info()
        store.close()
        say(f"  {'filter change':<28} {'total':>8}  " + "  ".join(f"{q:>13}" for q in VIEW))
        for name, ms, parts in named:
            say(f"  {name:<28} {ms:8.1f}  " + "  ".join(f"{parts[q]:13.1f}" for q in VIEW))
        times = [ms for _, ms, _ in named]
        p50, p95 = float(np.percentile(times, 50)), float(np.percentile(times, 95))
        medians = ", ".join(f"{q} {np.median([p[q] for _, _, p in named]):.1f}" for q in VIEW)
        say(f"filter changes: {len(times)} (ms, each the five queries of one view), p50 {p50:.1f}, p95 {p95:.1f}; "
            f"median per query: {medians}")
        sample = min(args.articles, NAIVE_SAMPLE)
        naive = time_naive(files[0], sample)
        say(f"naive (pandas + jieba.lcut + Counter + keyword masks) on a sample of {naive['articles']:,} "
            f"articles ({naive['megabytes']:.2f} MB): {naive['seconds']:.1f} s = {naive['mb_per_s']:.3f} MB/s "
            "(extrapolated to the whole corpus)")
    ingest_rate = summary.megabytes / seconds
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    say(f"speed-up over naive: {ingest_rate / naive['mb_per_s']:.1f}x")
    say(f"peak RSS (this process + workers, sampled): {peak / 2**20:.0f} MB; getrusage: this process "
        f"{self_kb / 1024:.0f} MB, largest child {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
    say(f"store: {info['terms']:,} terms, {info['doc_terms']:,} (article, term) rows")
    say(f"machine: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.1f} GiB, {cpu_model()}")
    print(json.dumps({
        "articles": args.articles,
        "ingest_seconds": round(seconds, 2),
        "ingest_mb_per_s": round(ingest_rate, 3),
        "naive_mb_per_s": round(naive["mb_per_s"], 4),
        "speedup_vs_naive": round(ingest_rate / naive["mb_per_s"], 1),
        "filter_p50_ms": round(p50, 1),
        "filter_p95_ms": round(p95, 1),
        "peak_rss_mb": round(max(peak, self_kb * 1024) / 2**20),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
