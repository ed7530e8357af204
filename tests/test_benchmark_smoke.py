"""The scale benchmark runs end to end on a small corpus and ends with its JSON line (no time checks)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import corpus_path

REPO = Path(__file__).resolve().parents[1]
KEYS = {"articles", "ingest_seconds", "ingest_mb_per_s", "naive_mb_per_s", "speedup_vs_naive", "filter_p50_ms",
        "filter_p95_ms", "peak_rss_mb"}


@pytest.mark.slow
def test_benchmark_prints_its_figures_as_json(tmp_path):
    result = subprocess.run([sys.executable, "benchmarks/run.py", "--articles", "300", "--json", "--tmp",
                             str(tmp_path)], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(figures) == KEYS
    assert figures["articles"] == 300
    assert all(isinstance(value, int | float) and value > 0 for value in figures.values())


@pytest.mark.slow
def test_benchmark_runs_on_copies_of_real_articles_too(tmp_path):
    articles = corpus_path("rmrb-20220705-articles")  # 94 dated articles: two copies and a part make 200
    result = subprocess.run([sys.executable, "benchmarks/run.py", "--articles", "200", "--real", str(articles),
                             "--runs", "1", "--tmp", str(tmp_path)], cwd=REPO, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    assert "real text: 94 articles loaded from" in result.stdout
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(figures) == KEYS and figures["articles"] == 200
    assert "ingest 1: 200 articles" in result.stdout  # every copy its own article: none taken for a repeat


@pytest.mark.slow
def test_pdf_benchmark_gets_every_article_back_and_the_naive_text_dump_does_not():
    result = subprocess.run([sys.executable, "benchmarks/load_pdf.py", "--pages", "3", "--json"], cwd=REPO,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert (figures["pages"], figures["articles"]) == (3, 12)
    assert (figures["titles"], figures["whole_texts"]) == (1.0, 1.0)
    assert figures["naive_whole_texts"] < 0.5
