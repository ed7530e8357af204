"""Benchmark: load 100 MB of newspaper page text in one run, and the memory it takes.

Writes synthetic page files (headline, dateline, broken paragraphs, a kicker, a photo
item) to a temporary folder, loads them with ``load_articles`` and prints throughput and
peak memory (sampled over this process and its children, the fork server and the
reading workers, summed). The naive approach in the same run splits the same files on blank lines
into "articles" (no headlines, no repairs, no places or dates), to show what the real
splitter costs.

Usage: python benchmarks/load_pages.py [--mb 100] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# analysis is imported in main(): the reading workers start by importing this file

PLACES = ["兰州", "嘉峪关", "金昌", "白银", "天水", "武威", "张掖", "平凉", "酒泉", "庆阳", "定西", "陇南"]
TOPICS = ["乡村振兴", "生态保护", "招商引资", "营商环境", "党纪学习教育", "基层治理", "节水型社会", "文旅融合"]
ACTIONS = ["专题协商", "视察调研", "民主监督", "委员培训", "提案督办", "座谈交流"]


def _article(rng: random.Random, number: int) -> str:
    place, topic, action = rng.choice(PLACES), rng.choice(TOPICS), rng.choice(ACTIONS)
    body = "".join(
        f"委员们围绕{rng.choice(TOPICS)}深入基层第{number}-{k}次开展{rng.choice(ACTIONS)},提出了针对性意见建议。"
        for k in range(rng.randint(6, 12))
    )
    cut = len(body) // 2
    return (
        f"{place}市政协围绕{topic}开展{action}\n\n"
        f"本报{place}讯(通讯员王{number % 97}明){rng.randint(1, 28)}日,{place}市政协组织委员开展{action}。\n\n"
        f"{body[:cut]}\n\n{body[cut:]}\n\n"
    )


def write_pages(folder: Path, megabytes: float, seed: int = 0) -> int:
    """Write page files totalling about ``megabytes`` MB; return the bytes written."""
    rng = random.Random(seed)
    target, written, page, number = int(megabytes * 2**20), 0, 0, 0
    while written < target:
        text = "".join(_article(rng, number := number + 1) for _ in range(40))
        path = folder / f"2024-06-{(page % 28) + 1:02d}_{page // 28 + 1}版.txt"
        data = text.encode("utf-8")
        path.write_bytes(data)
        written += len(data)
        page += 1
    return written


def naive_split(folder: Path) -> int:
    """The naive approach: every blank-line-separated block is an 'article'."""
    count = 0
    for path in sorted(folder.glob("*.txt")):
        count += len([b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()])
    return count


def main() -> None:
    """Write the pages, load them (and split them the naive way), print the figures."""
    from scale import MemorySampler

    from analysis.loading import LoadOptions, load_articles

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=100.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = write_pages(folder, args.mb)
        start = time.perf_counter()
        naive = naive_split(folder)
        naive_seconds = time.perf_counter() - start
        sampler = MemorySampler()
        sampler.start()
        start = time.perf_counter()
        result = load_articles([folder], LoadOptions(province="甘肃省"))
        seconds = time.perf_counter() - start
        peak_mb = sampler.stop() / 2**20
    figures = {
        "input_mb": round(size / 2**20, 1),
        "articles": len(result.articles),
        "load_seconds": round(seconds, 1),
        "load_mb_per_s": round(size / 2**20 / seconds, 2),
        "naive_blocks": naive,
        "naive_seconds": round(naive_seconds, 2),
        "peak_rss_mb": round(peak_mb),
        "peak_rss_over_input": round(peak_mb / (size / 2**20), 1),
    }
    if not args.json:
        print(f"input {figures['input_mb']} MB → {figures['articles']} articles in {seconds:.1f} s "
              f"({figures['load_mb_per_s']} MB/s); naive blank-line split {naive_seconds:.2f} s")
        print(f"peak memory {figures['peak_rss_mb']} MB = {figures['peak_rss_over_input']}× the input")
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
