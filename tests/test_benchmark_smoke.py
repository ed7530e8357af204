"""The scale benchmark runs end to end on a small corpus and ends with its JSON line (no time checks)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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
