"""Benchmark: load an e-paper PDF, and how many of its articles come back whole.

Lays demo articles out into a PDF (four to a page, body in five narrow columns, headline
and kicker in display faces; the tests' own PDF writer), then loads it two ways in the
same run:

- **ours**: ``load_uploads`` (glyphs with their geometry, paragraphs and headlines rebuilt,
  then the page splitter);
- **naive**: what the README used to suggest, ``pdftotext``-style plain text (pdfminer's
  ``extract_text`` with its default layout analysis) fed to the same page splitter.

It prints pages per second, and the share of articles whose title and whole text come back
exactly (text compared without whitespace).

Usage: python benchmarks/load_pdf.py [--pages 50] [--json]
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pdf_fixture import FixtureArticle, build_pdf, newspaper_page  # noqa: E402

from analysis.demo import generate_demo_articles  # noqa: E402
from analysis.loading import load_uploads  # noqa: E402
from analysis.loading.page import split_page  # noqa: E402

PER_PAGE = 4


def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text or "")


def _whole(expected: str, found: str) -> bool:
    """True when ``found`` is the expected body, less at most a dateline at its start."""
    expected, found = _squeeze(expected), _squeeze(found)
    return bool(found) and expected.endswith(found) and len(expected) - len(found) <= 40


def _score(expected: list[FixtureArticle], titles: list[str], texts: list[str]) -> tuple[float, float]:
    """Share of expected titles found, and share of articles whose text comes back whole.

    Titles may repeat (the demo has stock headlines), so each title keeps all its texts.
    """
    found: dict[str, list[str]] = {}
    for title, text in zip(titles, texts, strict=True):
        found.setdefault(title, []).append(text)
    title_hits = sum(1 for a in expected if a.title in found)
    whole = sum(1 for a in expected if any(_whole("".join(a.paragraphs), t) for t in found.get(a.title, [])))
    return title_hits / len(expected), whole / len(expected)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    demo = generate_demo_articles(args.pages * PER_PAGE, seed=7)
    articles = [
        FixtureArticle(row.title, tuple(row.text.split("\n")), row.kicker if isinstance(row.kicker, str) else None)
        for row in demo.itertuples()
    ]
    pdf = build_pdf([newspaper_page(articles[i:i + PER_PAGE], columns=5)
                     for i in range(0, len(articles), PER_PAGE)])
    mb = len(pdf) / 1e6

    started = time.perf_counter()
    result = load_uploads([("edition.pdf", pdf)])
    ours_seconds = time.perf_counter() - started
    ours = _score(articles, result.articles["title"].fillna("").tolist(), result.articles["text"].tolist())

    from pdfminer.high_level import extract_text

    started = time.perf_counter()
    plain = extract_text(io.BytesIO(pdf))
    split = [split_page(page) for page in plain.split("\f") if page.strip()]
    naive_seconds = time.perf_counter() - started
    found = [a for page in split for a in page.articles]
    naive = _score(articles, [a.title or "" for a in found], [a.text for a in found])

    print(f"{args.pages} pages, {len(articles)} articles, PDF {mb:.1f} MB")
    print(f"ours : {ours_seconds:6.2f} s  {args.pages / ours_seconds:5.1f} pages/s  "
          f"titles {ours[0]:.0%}  whole texts {ours[1]:.0%}")
    print(f"naive: {naive_seconds:6.2f} s  {args.pages / naive_seconds:5.1f} pages/s  "
          f"titles {naive[0]:.0%}  whole texts {naive[1]:.0%}  (pdfminer extract_text + page splitter)")
    figures = {
        "pages": args.pages, "articles": len(articles), "pdf_mb": round(mb, 2),
        "pages_per_s": round(args.pages / ours_seconds, 2), "titles": round(ours[0], 3),
        "whole_texts": round(ours[1], 3), "naive_pages_per_s": round(args.pages / naive_seconds, 2),
        "naive_titles": round(naive[0], 3), "naive_whole_texts": round(naive[1], 3),
    }
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
