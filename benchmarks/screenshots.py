"""Screenshot every tab of the running dashboard in headless Chromium (Playwright).

Starts ``streamlit run dashboard.py`` on a free port, opens it in the Debian Chromium
(``/usr/bin/chromium``; never ``playwright install``), clicks each tab, waits for its
charts, and saves full-page PNGs to ``screenshots/`` (ignored by git). Used to look at
every chart as a user sees it, and prints how long the page took to draw.

It opens the demo corpus, or an analyst's own data the way a shared link does: ``--folder
PATH`` or ``--store DIR`` becomes ``?folder=``/``?store=`` in the URL, with the data root
(``$GOVTHEMES_DATA_ROOT``) set to the path's parent unless ``--root`` says otherwise.

Usage: python benchmarks/screenshots.py [--lang en] [--query 'level=county'] [--out DIR]
       [--folder PATH [--split] | --store DIR] [--root DIR]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TABS = ["概览", "关键词", "主题", "地图", "词语关联", "文章"]
TABS_EN = ["Overview", "Keywords", "Themes", "Map", "Co-occurrence", "Articles"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(port: int, *, root: Path | None = None) -> subprocess.Popen:
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                               env={**os.environ, "PYTHONUNBUFFERED": "1",
                                    **({"GOVTHEMES_DATA_ROOT": str(root)} if root else {})})
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("the dashboard did not start within 60 s")


def shoot(port: int, out: Path, *, lang: str, query: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    url = f"http://127.0.0.1:{port}/?{query}" + ("&lang=en" if lang == "en" else "")
    saved = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 2600})
        page.goto(url)
        started = time.perf_counter()
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=900_000)  # a folder is read first
        settle(page, 0)  # the first tab; each other tab is drawn when it is opened
        print(f"page drawn in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        for name in TABS_EN if lang == "en" else TABS:
            page.get_by_role("tab", name=name).click()
            settle(page, 2500)
            if name in ("文章", "Articles"):
                open_first_article(page)
            path = out / f"{lang}_{name}.png"
            fit_to_content(page)
            page.screenshot(path=str(path), full_page=True)
            saved.append(path)
        browser.close()
    return saved


def fit_to_content(page, width: int = 1500, most: int = 16_000) -> None:
    """Make the window as tall as the tab's content: Streamlit scrolls its main area inside
    the page, so a full-page screenshot alone stops at the window's height. The window is
    made small first: measured in the last tab's tall window, a short tab kept its height."""
    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_timeout(300)
    height = page.evaluate(
        "() => Math.max(document.body.scrollHeight, ...Array.from("
        "document.querySelectorAll('[data-testid=stMain], [data-testid=stAppViewContainer], section.main'))"
        ".map(e => e.scrollHeight))")
    page.set_viewport_size({"width": width, "height": min(int(height) + 80, most)})
    settle(page, 1500)


def settle(page, extra_ms: int = 1500) -> None:
    """Wait until Streamlit has finished rerunning (its status widget is gone)."""
    page.wait_for_timeout(600)
    for _ in range(240):
        running = page.locator('[data-testid="stStatusWidget"]').count() or page.get_by_role(
            "button", name="Stop").count()
        if not running:
            break
        page.wait_for_timeout(500)
    page.wait_for_timeout(extra_ms)


def open_first_article(page) -> None:
    """Open the first article from the picker and look up a KWIC term."""
    picker = page.get_by_role("combobox", name="选择一篇文章").or_(
        page.get_by_role("combobox", name="Choose an article")).first
    if not picker.count():  # the tab failed, or shows no articles: its screenshot will say why
        print("no article picker on the Articles tab", file=sys.stderr)
        return
    picker.scroll_into_view_if_needed()  # below a long load summary, its options open off the window
    picker.click()
    page.wait_for_timeout(800)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    settle(page)
    kwic = page.get_by_role("textbox", name="检索词").or_(page.get_by_role("textbox", name="Term")).first
    if kwic.count():
        kwic.fill("乡村振兴")
        kwic.press("Enter")
        settle(page)


def source_query(args: argparse.Namespace) -> tuple[str, Path | None]:
    """The URL query that opens ``--folder``/``--store`` (as a shared link does), and the data root."""
    typed = args.folder or args.store
    if not typed:
        return args.query, None
    path = Path(typed).resolve()
    root = Path(args.root).resolve() if args.root else path.parent
    kind = "folder" if args.folder else "store"
    params = {kind: str(path), **({"split": "1"} if args.split and args.folder else {})}
    return "&".join(filter(None, [urllib.parse.urlencode(params), args.query])), root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    parser.add_argument("--query", default="", help="URL query, e.g. 'level=county&theme=water'")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    data = parser.add_mutually_exclusive_group()
    data.add_argument("--folder", help="open this folder (or file) of the analyst's own data")
    data.add_argument("--store", help="open this store (built with govthemes ingest)")
    parser.add_argument("--split", action="store_true", help="with --folder: split long documents")
    parser.add_argument("--root", help="the data root (default: the folder's or store's parent)")
    args = parser.parse_args()
    query, root = source_query(args)
    port = free_port()
    app = start_app(port, root=root)
    try:
        for path in shoot(port, Path(args.out), lang=args.lang, query=query):
            print(path)
    finally:
        app.terminate()


if __name__ == "__main__":
    main()
