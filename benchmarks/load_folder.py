"""Benchmark: load a folder in one process (the naive way) and on every core, in the same run.

    python benchmarks/load_folder.py [--real ../shared/corpora] [--mb 20] [--workers N] [--json]

Each load runs cold in a fresh process, as ``govthemes articles FOLDER`` runs: the
gazetteer is built and, for the parallel load, the readers' fork server boots, inside the
timed span (imports before it are not timed). The folder is ``--real`` (e.g. the real
corpora) or, without it, ``--mb`` MB of synthetic newspaper pages
(:func:`load_pages.write_pages`). Both loads must give the same articles and reports
(compared by a digest). Peak memory is sampled over the loading process and its children
(the fork server and the reading workers), summed: shared pages count once per process.
The shared machine's speed moves from minute to minute: one run's figures are noisy.

Nothing is imported at the top: the reading workers start by importing this file.
"""

import sys

if __name__ == "__main__":
    import argparse
    import hashlib
    import json
    import subprocess
    import tempfile
    import time
    from pathlib import Path

    HERE = Path(__file__).resolve().parent
    sys.path[:0] = [str(HERE.parent), str(HERE)]

    def load_once(folder: str, workers: int) -> dict:
        """Load ``folder`` here, timed; the digest of what it gave and the peak memory."""
        from scale import MemorySampler

        from analysis.loading import LoadOptions, load_articles

        sampler = MemorySampler()
        sampler.start()
        started, cpu = time.perf_counter(), time.process_time()
        result = load_articles([folder], LoadOptions(), root=Path(folder).parent, workers=workers)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        peak = sampler.stop()
        digest = hashlib.sha256(result.articles.to_json(orient="records", force_ascii=False).encode())
        digest.update(json.dumps([r.to_dict() for r in result.reports], ensure_ascii=False).encode())
        return {"workers": workers, "seconds": round(seconds, 2), "parent_cpu_seconds": round(cpu, 2),
                "articles": len(result.articles), "files": len(result.reports),
                "peak_rss_mb": round(peak / 2**20), "digest": digest.hexdigest()[:16]}

    def run_fresh(folder: Path, workers: int) -> dict:
        command = [sys.executable, __file__, "--once", str(folder), "--workers", str(workers)]
        shown = subprocess.run(command, capture_output=True, text=True, check=True)
        return json.loads(shown.stdout.strip().splitlines()[-1])

    def compare(folder: Path, workers: int) -> dict:
        """Load one process, then all cores; the figures and the ratio."""
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        naive, parallel = run_fresh(folder, 1), run_fresh(folder, workers)
        if (naive["digest"], naive["articles"]) != (parallel["digest"], parallel["articles"]):
            raise SystemExit(f"the loads differ: {naive} vs {parallel}")
        return {"input_mb": round(size / 2**20, 1), "one_process": naive, "all_cores": parallel,
                "speed_up": round(naive["seconds"] / parallel["seconds"], 2)}

    def main() -> None:
        from analysis.store.parallel import default_workers

        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--real", metavar="FOLDER", help="load this folder (e.g. ../shared/corpora)")
        parser.add_argument("--mb", type=float, default=20.0, help="MB of synthetic pages, without --real")
        parser.add_argument("--workers", type=int, default=default_workers())
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--once", metavar="FOLDER", help=argparse.SUPPRESS)
        args = parser.parse_args()
        if args.once:
            print(json.dumps(load_once(args.once, args.workers)))
            return
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(args.real).resolve() if args.real else Path(tmp) / "pages"
            if not args.real:
                from load_pages import write_pages

                folder.mkdir()
                write_pages(folder, args.mb)
            figures = compare(folder, args.workers)
        if not args.json:
            for name in ("one_process", "all_cores"):
                run = figures[name]
                print(f"{name.replace('_', ' ')} ({run['workers']} worker(s)): {run['files']} files → "
                      f"{run['articles']} articles in {run['seconds']} s (this process's CPU "
                      f"{run['parent_cpu_seconds']} s), peak memory {run['peak_rss_mb']} MB")
            print(f"input {figures['input_mb']} MB; all cores {figures['speed_up']}× one process")
        print(json.dumps(figures, ensure_ascii=False))

    main()
