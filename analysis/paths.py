"""Where the project's editable configuration lives (``data/`` at the top of the repo).

Themes, the user dictionary, stopwords, page-chrome patterns and locality aliases are
files an analyst edits. They sit in ``data/`` beside ``analysis/``; the environment
variable ``GOVTHEMES_DATA`` points elsewhere (a copy an analyst maintains).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]


DATA_ENV = "GOVTHEMES_DATA"
"""The environment variable naming an edited copy of the configuration folder."""
BUILTIN_DATA = REPO_ROOT / "data"
"""The configuration folder that ships with the code."""


def data_dir() -> Path:
    """The configuration folder: ``$GOVTHEMES_DATA`` if set, else the repo's ``data/``."""
    override = os.environ.get(DATA_ENV)
    return Path(override) if override else BUILTIN_DATA


def data_path(*parts: str) -> Path:
    """A file inside the configuration folder, e.g. ``data_path("themes.toml")``."""
    return data_dir().joinpath(*parts)


class ConfigFileError(ValueError):
    """A file of the configuration folder that cannot be used as it is.

    The message names the file, the line or entry where known, and what was expected:
    an analyst who edited the file can correct it. The dashboard and the command line
    report these as a message, never as a traceback; the dashboard words it in the
    language of the page (:meth:`render`), ``str()`` is English.

    Args:
        file: the file (or, when none was found, what was looked for).
        problems: what is wrong, each a coded message of the catalog (a ``Problem``).
    """

    def __init__(self, file: object, problems: Iterable[Any]) -> None:
        self.file = str(file)
        self.problems = tuple(problems)
        super().__init__(self.file, self.problems)

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str = "en", *, catalog: Any = None) -> str:
        """The file and every problem, worded in ``lang`` (``zh`` or ``en``).

        Worded when asked, not when raised: the message catalog is itself a configuration
        file, and the error that it cannot be read must not need it (pass an empty
        ``catalog`` there).
        """
        from analysis.messages import render  # the catalog itself is read with this module

        texts = [render(p.code, p.params, lang, catalog=catalog) for p in self.problems]
        if len(texts) == 1:
            return f"{self.file}: {texts[0]}"
        return f"{self.file}:\n- " + "\n- ".join(texts)

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.file, self.problems)


class MissingConfigFileError(ConfigFileError, FileNotFoundError):
    """A configuration file that does not exist (also a :class:`FileNotFoundError`)."""


def read_config_text(path: Path, what: str) -> str:
    """The text of a configuration file, which must be UTF-8.

    Args:
        path: the file.
        what: what the file holds, for the message (``"theme dictionary"``; the catalog's
            ``[values_zh.what]`` words it in Chinese).

    Raises:
        MissingConfigFileError: the file does not exist.
        ConfigFileError: it cannot be read, or is not UTF-8 (with the byte offset).
    """
    from analysis.report import Problem  # report → messages → this module

    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise MissingConfigFileError(path, [Problem.of("config_not_found", what=what)]) from exc
    except UnicodeDecodeError as exc:
        raise ConfigFileError(path, [Problem.of("config_not_utf8", what=what, offset=exc.start)]) from exc
    except OSError as exc:
        problem = Problem.of("config_unreadable", what=what, error=exc.strerror or str(exc))
        raise ConfigFileError(path, [problem]) from exc
