"""Where the project's editable configuration lives (``data/`` at the top of the repo).

Themes, the user dictionary, stopwords, page-chrome patterns and locality aliases are
files an analyst edits. They sit in ``data/`` beside ``analysis/``; the environment
variable ``GOVTHEMES_DATA`` points elsewhere (a copy an analyst maintains).
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def data_dir() -> Path:
    """The configuration folder: ``$GOVTHEMES_DATA`` if set, else the repo's ``data/``."""
    override = os.environ.get("GOVTHEMES_DATA")
    return Path(override) if override else REPO_ROOT / "data"


def data_path(*parts: str) -> Path:
    """A file inside the configuration folder, e.g. ``data_path("themes.toml")``."""
    return data_dir().joinpath(*parts)
