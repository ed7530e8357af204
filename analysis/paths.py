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


class ConfigFileError(ValueError):
    """A file of the configuration folder that cannot be used as it is.

    The message names the file, the line or entry where known, and what was expected:
    an analyst who edited the file can correct it. The dashboard and the command line
    report these as a message, never as a traceback.
    """


class MissingConfigFileError(ConfigFileError, FileNotFoundError):
    """A configuration file that does not exist (also a :class:`FileNotFoundError`)."""


def read_config_text(path: Path, what: str) -> str:
    """The text of a configuration file, which must be UTF-8.

    Args:
        path: the file.
        what: what the file holds, for the message (``"theme dictionary"``).

    Raises:
        MissingConfigFileError: the file does not exist.
        ConfigFileError: it cannot be read, or is not UTF-8 (with the byte offset).
    """
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise MissingConfigFileError(f"{path}: {what} not found") from exc
    except UnicodeDecodeError as exc:
        message = f"{path}: {what} is not UTF-8 text (byte {exc.start}); save it as UTF-8"
        raise ConfigFileError(message) from exc
    except OSError as exc:
        raise ConfigFileError(f"{path}: cannot read the {what}: {exc.strerror or exc}") from exc
