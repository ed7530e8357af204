"""The scale benchmark itself; run it as ``python benchmarks/run.py`` (see that file).

Kept apart from ``run.py`` so that the main script the ingest's workers import is empty.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import psutil

from analysis.demo import iter_demo_batches
from analysis.store import Filters, open_store

NAIVE_SAMPLE = 2_000
NAIVE_RUNS = 3
SMALL = 20_000
"""Up to this many articles the ingest is timed three times (a few seconds each, so the
machine's moods weigh); larger corpora once."""
HERE = Path(__file__).resolve().parent


class MemorySampler(threading.Thread):
    """Sample the summed RSS of a process (default: this one) and its descendants until stopped.

    Listing the descendants scans every process of the machine (2 ms); it is done every
    half second, while the RSS of the processes known is read every 0.1 s (microseconds),
    so that the sampler takes next to nothing from the ingest it measures.
    """

    REFRESH_TICKS = 5

    def __init__(self, pid: int | None = None) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self._pid = pid
        self._done = threading.Event()

    def run(self) -> None:
        try:
            me = psutil.Process(self._pid)
        except psutil.Error:  # already gone
            return
        processes: list[psutil.Process] = [me]
        tick = 0
        while not self._done.is_set():
            if tick % self.REFRESH_TICKS == 0:
                try:
                    processes = [me, *me.children(recursive=True)]
                except psutil.Error:  # it has ended
                    return
            tick += 1
            total = 0
            for process in processes:
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


def copy_real(corpora: Path, n: int, folder: Path, say) -> list[Path]:
    """Write ``n`` articles made of the real articles under ``corpora``, copied, as Parquet files.

    The demo's articles are short (~180 word tokens, 60 distinct terms each) and its
    vocabulary small (~2,300 terms); real news has longer articles (~310 tokens, ~100
    distinct terms in ../shared/corpora) and a long tail of words (72,000 terms in its
    8,000 articles), which weighs on every term query. The articles are loaded with the
    project's loaders and shuffled (so that the naive pipeline's sample of the first
    2,000 mixes every corpus), then copied until there are ``n``: each copy gets its own
    ``doc_id``, a mark at the end of its text (its own content hash) and its dates moved
    by 61 days per copy (more months, as a longer corpus has). The vocabulary stays that
    of the originals: a corpus of ``n`` different articles would have a longer tail still.
    """
    import pandas as pd

    from analysis.loading import load_articles

    loaded = load_articles([corpora]).articles
    dated = loaded[loaded["date"].notna()].sample(frac=1.0, random_state=0).reset_index(drop=True)
    if dated.empty:  # the filter changes are mostly of dates
        raise SystemExit(f"no dated articles under {corpora} ({len(loaded):,} articles without a date)")
    say(f"real text: {len(dated):,} articles loaded from {corpora}"
        + (f" ({len(loaded) - len(dated):,} without a date left out)" if len(dated) < len(loaded) else ""))
    loaded = dated
    copies, files, written = -(-n // len(loaded)), [], 0
    for k in range(copies):
        part = loaded.head(n - written).copy()
        part["doc_id"] = part["doc_id"].astype(str) + f"#{k}"
        part["text"] = part["text"].astype(str) + f"（{k}）"
        for column in ("date", "edition_date"):
            part[column] = pd.to_datetime(part[column]) + pd.Timedelta(days=61 * k)
        files.append(folder / f"articles-{k:04d}.parquet")
        part.to_parquet(files[-1])
        written += len(part)
    return files


def ingest(files: list[Path], store_dir: Path, n: int, workers: int | None) -> dict:
    """Ingest the files into a new store in a fresh process (:mod:`ingest_once`); its figures."""
    command = [sys.executable, str(HERE / "ingest_once.py"), str(store_dir), str(n), *map(str, files)]
    if workers is not None:
        command += ["--workers", str(workers)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        sampler = MemorySampler(process.pid)  # the ingesting process and its workers, not this one
        sampler.start()
        out, err = process.communicate()
        peak = sampler.stop()
    if process.returncode:
        raise RuntimeError(f"the timed ingest failed (exit status {process.returncode}):\n{err}")
    return {**json.loads(out.strip().splitlines()[-1]), "peak": peak}


def ingest_and_naive(files: list[Path], folder: Path, args, say) -> tuple[list[dict], list[dict], Path]:
    """Alternate the timed ingests and naive runs, so that both meet the machine's same moods.

    Returns the ingests' figures, the naive runs' figures and the last store's folder
    (the earlier stores are deleted).
    """
    runs = args.runs or (3 if args.articles <= SMALL else 1)
    ingests, naives = [], []
    store_dir = folder / "store"
    for run in range(max(runs, NAIVE_RUNS)):
        if run < runs:
            if store_dir.exists():
                shutil.rmtree(store_dir)
            ingests.append(ingest(files, store_dir, args.articles, args.workers))
            got = ingests[-1]
            say(f"ingest {run + 1}: {got['new']:,} articles, {got['megabytes']:.1f} MB in {got['seconds']:.2f} s "
                f"= {got['megabytes'] / got['seconds']:.2f} MB/s ({got['batches']} transactions)")
        naives.append(time_naive(files[0], min(args.articles, NAIVE_SAMPLE)))
    return ingests, naives, store_dir


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
    "top terms": lambda store, f: store.term_counts(f, top=200, leave_out=("place", "person")),
}
"""The queries one view of the dashboard runs after a filter change (the top terms as the
Keywords tab asks them: 200, place and person names left out)."""


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
    """One run of the naive pipeline, in a fresh process (its memory is not ours)."""
    done = subprocess.run([sys.executable, str(HERE / "naive.py"), str(sample_file), str(n)],
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the naive pipeline failed (exit status {done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


WHAT_PAYS = {
    "top 50 terms": {
        "monthly roll-up (agg_terms_month)": "SELECT term_id, sum(frequency) AS f FROM agg_terms_month "
                                             "WHERE {months} GROUP BY 1 ORDER BY f DESC LIMIT 50",
        "cell roll-up (agg_terms x cells)": "SELECT term_id, sum(frequency) AS f FROM agg_terms JOIN cells "
                                            "USING (cell) WHERE {months} AND {place} GROUP BY 1 ORDER BY f DESC "
                                            "LIMIT 50",
        "per article (doc_terms)": "SELECT term_id, sum(n) AS f FROM (SELECT unnest(term_ids) AS term_id, "
                                   "unnest(counts) AS n FROM doc_terms JOIN articles USING (doc_key) "
                                   "WHERE {days} AND {place}) GROUP BY 1 ORDER BY f DESC LIMIT 50",
    },
    "articles per month": {
        "in-memory index": lambda store, f: store.articles_over_time(f, period="month"),
        "SQL over articles": "SELECT month, count(*) FROM articles WHERE {days} AND {place} GROUP BY 1",
    },
    "theme heatmap": {
        "in-memory index": lambda store, f: store.theme_counts(f, by="prefecture", period="month"),
        "SQL over doc_themes": "SELECT prefecture_code, month_label, theme, count(*) FILTER (WHERE assigned), "
                               "sum(n_hits) FROM doc_themes JOIN articles USING (doc_key) "
                               "WHERE {days} AND {place} GROUP BY ALL",
    },
}


def what_pays(store, options: dict) -> list[tuple[str, str, str, float]]:
    """Time each way of answering three queries, for three filters (median of 5 runs, ms)."""
    year = options["date_max"].year - 1
    prefecture = options["places"]["prefecture"]["adcode"].iloc[0]
    cases = {
        "everything": (Filters(), "TRUE", "TRUE", "TRUE"),
        f"year {year}": (Filters(date_from=dt.date(year, 1, 1), date_to=dt.date(year, 12, 31)),
                         f"month BETWEEN '{year}-01-01' AND '{year}-12-01'",
                         f"date BETWEEN '{year}-01-01' AND '{year}-12-31'", "TRUE"),
        f"prefecture {prefecture}": (Filters(level="prefecture", places=(prefecture,)), "TRUE", "TRUE",
                                     f"prefecture_code = '{prefecture}'"),
    }
    rows = []
    for query, ways in WHAT_PAYS.items():
        for way, how in ways.items():
            for case, (f, months, days, place) in cases.items():
                if "{months}" in str(how) and "{place}" not in str(how) and place != "TRUE":
                    continue  # the monthly roll-up cannot answer a place filter
                sql = None if callable(how) else how.format(months=months, days=days, place=place)
                run = how if callable(how) else (lambda store, f, sql=sql: store.sql(sql))
                run(store, f)
                times = []
                for _ in range(5):
                    started = time.perf_counter()
                    run(store, f)
                    times.append((time.perf_counter() - started) * 1000)
                rows.append((query, way, case, float(np.median(times))))
    return rows


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def report_filters(named: list, say) -> tuple[float, float]:
    """Print the time of each filter change and return the p50 and p95 (ms)."""
    say(f"  {'filter change':<28} {'total':>8}  " + "  ".join(f"{q:>13}" for q in VIEW))
    for name, ms, parts in named:
        say(f"  {name:<28} {ms:8.1f}  " + "  ".join(f"{parts[q]:13.1f}" for q in VIEW))
    times = [ms for _, ms, _ in named]
    p50, p95 = float(np.percentile(times, 50)), float(np.percentile(times, 95))
    medians = ", ".join(f"{q} {np.median([p[q] for _, _, p in named]):.1f}" for q in VIEW)
    say(f"filter changes: {len(times)} (ms, each the five queries of one view), p50 {p50:.1f}, p95 {p95:.1f}; "
        f"median per query: {medians}")
    return p50, p95


def measure(args, folder: Path, say) -> dict:
    """Generate, ingest and run the naive pipeline, time the filter changes (and what pays)."""
    started = time.perf_counter()
    if args.real:
        files = copy_real(Path(args.real), args.articles, folder, say)
        say(f"made {args.articles:,} articles of real text in {time.perf_counter() - started:.1f} s (not timed)")
    else:
        files = generate(args.articles, folder)
        say(f"generated {args.articles:,} demo articles in {time.perf_counter() - started:.1f} s (not timed)")
    ingests, naives, store_dir = ingest_and_naive(files, folder, args, say)
    sampler = MemorySampler()
    sampler.start()
    store = open_store(store_dir)
    started = time.perf_counter()
    options = store.options()  # loads the in-memory column index
    say(f"first query after ingest (reads the column index): {time.perf_counter() - started:.2f} s")
    p50, p95 = report_filters(time_filters(store), say)
    if args.what_pays:
        started = time.perf_counter()
        store.rebuild_aggregates()
        say(f"what pays (median ms); rebuilding the pre-aggregations takes {time.perf_counter() - started:.1f} s")
        for query, way, case, ms in what_pays(store, options):
            say(f"  {query:<20} {way:<36} {case:<20} {ms:8.1f}")
    peak = max(sampler.stop(), *(run["peak"] for run in ingests))
    say(f"store: {store.info()['terms']:,} terms, {store.info()['doc_terms']:,} (article, term) pairs, "
        f"pre-aggregations {store.info()['aggregates']}")
    store.close()
    seconds = float(np.median([run["seconds"] for run in ingests]))
    naive = float(np.median([run["mb_per_s"] for run in naives]))
    rates = ", ".join(f"{run['mb_per_s']:.3f}" for run in naives)
    say(f"ingest: median of {len(ingests)} cold runs {seconds:.2f} s")
    say(f"naive (pandas + jieba.lcut + Counter + keyword masks) on the first {naives[0]['articles']:,} articles "
        f"({naives[0]['megabytes']:.2f} MB), median of {len(naives)} runs ({rates} MB/s): {naive:.3f} MB/s, "
        "extrapolated to the whole corpus")
    setup = float(np.median([run["setup_seconds"] for run in naives]))
    return {"megabytes": ingests[0]["megabytes"], "seconds": seconds, "naive_mb_per_s": naive,
            "naive_setup_seconds": setup, "p50": p50, "p95": p95, "peak": peak}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Scale benchmark: ingest N demo articles, time filter changes.")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=None, help="ingest processes (default: all cores)")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    parser.add_argument("--what-pays", action="store_true", help="also time the alternatives to each pre-aggregation")
    parser.add_argument("--runs", type=int, default=None,
                        help=f"timed ingests, each cold in a fresh process (default: 3 up to {SMALL:,} articles, else 1)")
    parser.add_argument("--tmp", default=None, help="folder for the generated files and the store")
    parser.add_argument("--real", default=None, metavar="FOLDER",
                        help="copy the real articles under FOLDER (e.g. ../shared/corpora) instead of generating "
                             "demo articles (see copy_real)")
    args = parser.parse_args(argv)
    say = (lambda *a: None) if args.json else print
    with tempfile.TemporaryDirectory(dir=args.tmp, prefix="govthemes-bench-") as tmp:
        m = measure(args, Path(tmp), say)
    rate = m["megabytes"] / m["seconds"]
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    say(f"speed-up over naive: {rate / m['naive_mb_per_s']:.1f}x (the ingest cold, with its dictionary "
        "build; the naive pipeline warm, without its own)")
    naive_cold = m["naive_setup_seconds"] + m["megabytes"] / m["naive_mb_per_s"]
    say(f"speed-up with both cold (the naive pipeline's jieba dictionary build, {m['naive_setup_seconds']:.1f} s, "
        f"paid once over the whole corpus, as a notebook run pays it): {naive_cold / m['seconds']:.1f}x")
    say(f"peak RSS (the ingesting process + its workers, or this process while it queries the store; summed "
        f"over processes, sampled every 0.1 s): {m['peak'] / 2**20:.0f} MB (getrusage of this process, which "
        f"also generated the corpus: {self_kb / 1024:.0f} MB)")
    say(f"machine: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.1f} GiB, {cpu_model()}")
    print(json.dumps({
        "articles": args.articles,
        "ingest_seconds": round(m["seconds"], 2),
        "ingest_mb_per_s": round(rate, 3),
        "naive_mb_per_s": round(m["naive_mb_per_s"], 4),
        "speedup_vs_naive": round(rate / m["naive_mb_per_s"], 1),
        "filter_p50_ms": round(m["p50"], 1),
        "filter_p95_ms": round(m["p95"], 1),
        "peak_rss_mb": round(m["peak"] / 2**20),
    }))
    return 0
