"""The word lists the tokenizer is built from: the user dictionary and the stopword files.

Both are files an analyst edits in the configuration folder (``data/userdict.txt``,
``data/stopwords/*.txt``). Reading them is kept apart from segmentation so that a
notebook user can inspect or combine the lists without building a tokenizer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.paths import ConfigFileError, read_config_text
from analysis.report import Problem


class DictionaryError(ConfigFileError):
    """A user dictionary line that is not ``word [freq [tag]]``."""


@dataclass(frozen=True)
class DictEntry:
    """One user dictionary entry and the ``# [section]`` it was listed under."""

    word: str
    freq: int | None
    tag: str | None
    section: str


def read_userdict(path: Path) -> tuple[DictEntry, ...]:
    """Read a jieba-format dictionary (``word [freq [tag]]``) with ``# [section]`` headers.

    Raises:
        DictionaryError: naming the file and line of a malformed or repeated entry.
    """
    entries: list[DictEntry] = []
    seen: dict[str, int] = {}
    section = ""
    for number, raw in enumerate(read_config_text(path, "user dictionary").splitlines(), start=1):
        line = raw.strip()
        if header := re.match(r"#\s*\[([\w-]+)\]", line):
            section = header.group(1)
        if not line or line.startswith("#"):
            continue
        word, *rest = line.split()
        if len(rest) > 2 or (rest and not rest[0].isdigit()) or (rest and int(rest[0]) < 1):
            raise DictionaryError(path, [Problem.of("dictionary_bad_line", at_line=number, word=repr(word))])
        if word in seen:
            problem = Problem.of("dictionary_repeat", at_line=number, word=repr(word), first=seen[word])
            raise DictionaryError(path, [problem])
        seen[word] = number
        freq = int(rest[0]) if rest else None
        entries.append(DictEntry(word, freq, rest[1] if len(rest) > 1 else None, section))
    return tuple(entries)


def read_stopwords(source: Path | str | Sequence[Path | str]) -> frozenset[str]:
    """Read stopwords from a folder of ``*.txt`` files, one file or several files.

    One word a line; blank lines and lines starting with ``#`` are ignored.
    """
    paths = [Path(source)] if isinstance(source, str | Path) else [Path(p) for p in source]
    if len(paths) == 1 and paths[0].is_dir():
        paths = sorted(paths[0].glob("*.txt"))
    lines = (line.strip() for path in paths for line in read_config_text(path, "stopword list").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))
