"""Time the dashboard's first run and a rerun, part by part (Streamlit's AppTest, no browser).

Opens a folder or a store the way a shared link does (``?folder=``/``?store=``), runs the
page twice, then changes the search filter, and prints, for each run, the seconds spent
choosing and loading the source, in the load summary and in each tab drawn. The first run
pays the tabs' first queries, figures and one-time set-ups (map geometry, word cloud,
name lists) on top of the load; the rerun, answered from the caches, is the baseline.

It does so twice, each in a fresh process (cold caches): with every tab drawn on every
run (Streamlit's default for tabs, the naive page: ``GOVTHEMES_ALL_TABS=1``), then as the
page runs, drawing the open tab only (:mod:`ui.open_tab`), and prints the ratios.

Usage: python benchmarks/first_render.py (--folder NAME | --store NAME) [--root DIR]
       (NAME as typed in a link: relative to the data root, default its parent)
"""

from __future__ import annotations

import argparse
import functools
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(times: dict[str, float], name: str, function: Callable) -> Callable:
    """``function``, adding the seconds each call takes to ``times[name]``."""

    @functools.wraps(function)
    def run(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            times[name] = times.get(name, 0.0) + time.perf_counter() - started

    return run


def instrument(times: dict[str, float]) -> None:
    """Wrap the page's parts (they run in this process under AppTest) so each is timed."""
    from ui import app

    for name in ("choose_source", "show_load_summary"):
        setattr(app, name, timed(times, name, getattr(app, name)))
    for key, module in app.TABS:
        module.render = timed(times, key, module.render)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--folder")
    source.add_argument("--store")
    parser.add_argument("--root", help="the data root (default: the path's parent)")
    parser.add_argument("--mode", choices=("all", "open"), help=argparse.SUPPRESS)  # one side, in this process
    args = parser.parse_args()
    if args.mode is None:
        compare(sys.argv[1:])
        return
    if args.mode == "all":
        os.environ["GOVTHEMES_ALL_TABS"] = "1"
    else:
        os.environ.pop("GOVTHEMES_ALL_TABS", None)
    path = Path(args.folder or args.store).resolve()
    os.environ["GOVTHEMES_DATA_ROOT"] = str(Path(args.root).resolve() if args.root else path.parent)
    from streamlit.testing.v1 import AppTest

    times: dict[str, float] = {}
    instrument(times)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)
    at.query_params["folder" if args.folder else "store"] = str(path)
    for run in ("first run", "rerun", "filter change"):
        times.clear()
        if run == "filter change":
            at.session_state["flt_search"] = "协商"
        started = time.perf_counter()
        at.run()
        total = time.perf_counter() - started
        if at.exception:
            raise SystemExit(f"the page failed: {at.exception[0].value}")
        parts = " ".join(f"{name}={seconds:.2f}" for name, seconds in times.items())
        print(f"{run}: {total:.2f} s ({parts})", flush=True)


def compare(arguments: list[str]) -> None:
    """Run each side in a fresh process and print the naive page's seconds over the page's."""
    totals: dict[str, dict[str, float]] = {}
    for mode, title in (("all", "every tab drawn (naive)"), ("open", "the open tab drawn (the page)")):
        print(f"-- {title}")
        done = subprocess.run([sys.executable, __file__, *arguments, "--mode", mode], capture_output=True,
                              text=True, check=False)
        if done.returncode:
            raise SystemExit(done.stderr[-2000:])
        print(done.stdout, end="")
        totals[mode] = {line.split(":")[0]: float(line.split(":")[1].split()[0])
                        for line in done.stdout.splitlines() if ":" in line}
    for run, naive in totals["all"].items():
        page = totals["open"][run]
        print(f"{run}: {naive:.2f} s -> {page:.2f} s ({naive / page:.1f}x)")


if __name__ == "__main__":
    main()
