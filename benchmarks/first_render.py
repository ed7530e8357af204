"""Time the dashboard's first run and a rerun, part by part (Streamlit's AppTest, no browser).

Opens a folder or a store the way a shared link does (``?folder=``/``?store=``), runs the
page twice and prints, for each run, the seconds spent choosing and loading the source,
in the load summary and in each tab. Every tab is drawn on every run, so the first run
pays each tab's first queries, figures and one-time set-ups (map geometry, word cloud,
name lists) on top of the load; the rerun, answered from the caches, is the baseline.

Usage: python benchmarks/first_render.py (--folder NAME | --store NAME) [--root DIR]
       (NAME as typed in a link: relative to the data root, default its parent)
"""

from __future__ import annotations

import argparse
import functools
import os
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
    args = parser.parse_args()
    path = Path(args.folder or args.store).resolve()
    os.environ["GOVTHEMES_DATA_ROOT"] = str(Path(args.root).resolve() if args.root else path.parent)
    from streamlit.testing.v1 import AppTest

    times: dict[str, float] = {}
    instrument(times)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)
    at.query_params["folder" if args.folder else "store"] = str(path)
    for run in ("first run", "rerun"):
        times.clear()
        started = time.perf_counter()
        at.run()
        total = time.perf_counter() - started
        if at.exception:
            raise SystemExit(f"the page failed: {at.exception[0].value}")
        parts = " ".join(f"{name}={seconds:.2f}" for name, seconds in times.items())
        print(f"{run}: {total:.2f} s ({parts})")


if __name__ == "__main__":
    main()
