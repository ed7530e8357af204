"""Shared test fixtures: where the real corpora live, and how tests that need them behave.

Also the gazetteer and ``where``, which resolves one made-up article to its adcode.

Tests that read ``../shared/corpora`` skip with a clear reason when it is absent, except on
CI (``CI=true``), where its absence is a failure: CI always has it beside the clone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("GOVTHEMES_DEMO_ARTICLES", "600")
"""The dashboard tests' demo corpus, set before any test module imports ``ui.sources`` (which
reads it once): a module importing a ui helper first would otherwise give every later
module the full 3,000 articles."""
os.environ.setdefault("GOVTHEMES_ALL_TABS", "1")
"""Every tab drawn on every run (``ui.open_tab``), so a test reads any tab's charts without
opening it; tests/test_dashboard_tabs.py turns it off to test the page as a browser gets it."""
REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPORA = REPO_ROOT.parent / "shared" / "corpora"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
_MAIN_MODULE = sys.modules["__main__"]


@pytest.fixture(autouse=True)
def _keep_main_module():
    """Put back ``__main__`` after each test: AppTest leaves the dashboard script there, and
    processes started later with ``spawn`` (Dask's workers) would run the dashboard again."""
    yield
    sys.modules["__main__"] = _MAIN_MODULE


def write_config(folder: Path, name: str, text: str) -> Path:
    """Write a configuration file the tests made up (UTF-8) into ``folder``; return its path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def corpus_path(name: str) -> Path:
    """Return ``../shared/corpora/<name>``, skipping (or failing on CI) when it is absent."""
    path = SHARED_CORPORA / name
    if path.exists():
        return path
    message = f"real corpus {name!r} not found at {path} (../shared/corpora is beside the repo)"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)


@pytest.fixture
def corpora() -> Path:
    """The folder of real corpora, or skip/fail as :func:`corpus_path` does."""
    return corpus_path("")


@pytest.fixture(scope="module")
def gazetteer():
    """The gazetteer with the shipped alias file."""
    from analysis.places import load_gazetteer

    return load_gazetteer()


@pytest.fixture
def where(gazetteer):
    """Resolve one article and return its adcode (None when unresolved)."""
    from analysis.places import resolve_locality

    def resolve(text: str = "", **fields) -> str | None:
        fields.setdefault("title", None)
        place = resolve_locality(text=text, gazetteer=gazetteer, **fields)
        return None if place is None else place.adcode

    return resolve
