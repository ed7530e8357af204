"""Vectorised text assembly for the synthetic demo corpus.

Writing a million articles one Python string at a time is too slow, so every string the
generator may print (a template's literal pieces, a place name, a clause, a date) is
interned once in a :class:`Lexicon`, every template is compiled into a row of tokens, and an
article is a row of lexicon ids. Rendering and joining are numpy indexing and one pyarrow
``binary_join`` per column: no Python loop runs per article.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

FIELDS = (
    "date", "org", "lvl", "full", "chair", "subject", "subject2", "term", "ord", "ord2",
    "sess", "year", "k", "big", "k2", "big2", "dept", "site", "noun", "place", "member",
)
"""Placeholders a template may use, in the row order of the field matrix (see
the header of ``data/demo/events.toml`` for what each one holds)."""
FIELD_ROW = {name: row for row, name in enumerate(FIELDS)}
_DIGITS = "零一二三四五六七八九"


def cn_number(value: int) -> str:
    """Write 1-99 in Chinese numerals as session ordinals are printed (十七, 二十三)."""
    if not 0 < value < 100:
        return str(value)
    tens, ones = divmod(value, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def template_fields(template: str) -> set[str]:
    """The placeholder names a template uses (raises ValueError if it is malformed)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Lexicon:
    """Every distinct string the generator may print, each with a small integer id.

    Id 0 is the empty string, used for anything left out.
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {"": 0}
        self._strings: list[str] = [""]

    def intern(self, text: str) -> int:
        """Return the id of ``text``, adding it if new."""
        found = self._ids.get(text)
        if found is None:
            found = self._ids[text] = len(self._strings)
            self._strings.append(text)
        return found

    def intern_all(self, texts: Iterable[str]) -> np.ndarray:
        """Ids of many strings, as an int array."""
        return np.array([self.intern(text) for text in texts], dtype=np.int64)

    def freeze(self) -> tuple[pa.Array, np.ndarray]:
        """The strings as a pyarrow array, and their lengths in characters."""
        return pa.array(self._strings, pa.string()), np.array([len(s) for s in self._strings])


class Templates:
    """Templates compiled into token rows: a lexicon id (>= 0) or a field (-1 - row)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._rows: list[list[int]] = [[0]]

    def add(self, templates: Sequence[str]) -> tuple[int, int]:
        """Compile a group of templates; return the id of the first and how many."""
        start = len(self._rows)
        for template in templates:
            row: list[int] = []
            for literal, name, _, _ in string.Formatter().parse(template):
                if literal:
                    row.append(self._lexicon.intern(literal))
                if name:
                    row.append(-1 - FIELD_ROW[name])
            self._rows.append(row or [0])
        return start, len(templates)

    def freeze(self) -> tuple[np.ndarray, np.ndarray]:
        """The token matrix (padded with 0, the empty string) and each row's token count."""
        width = max(len(row) for row in self._rows)
        tokens = np.zeros((len(self._rows), width), dtype=np.int64)
        for index, row in enumerate(self._rows):
            tokens[index, : len(row)] = row
        return tokens, np.array([len(row) for row in self._rows])


def render(tokens: np.ndarray, counts: np.ndarray, chosen: np.ndarray, fields: np.ndarray) -> np.ndarray:
    """Fill the chosen template of each article with its fields.

    Args:
        tokens: the token matrix of :meth:`Templates.freeze`.
        counts: the token count of each template row.
        chosen: one template id per article (0 renders nothing).
        fields: lexicon ids, one row per name in :data:`FIELDS`, one column per article.

    Returns:
        Lexicon ids, one row per article, as many columns as the longest chosen template.
    """
    width = int(counts[chosen].max()) if len(chosen) else 1
    tok = tokens[chosen, :width]
    is_field = tok < 0
    values = fields[np.where(is_field, -1 - tok, 0), np.arange(len(chosen))[:, None]]
    return np.where(is_field, values, tok)


def pick(start: np.ndarray, count: np.ndarray, draw: np.ndarray) -> np.ndarray:
    """Template ids: the ``draw % count``-th of each article's group (0 if the group is empty)."""
    return np.where(count > 0, start + draw % np.maximum(count, 1), 0)


def join_rows(strings: pa.Array, ids: np.ndarray) -> pa.Array:
    """Concatenate each row of lexicon ids into one string (empty pieces are skipped)."""
    keep = ids != 0
    offsets = np.concatenate([[0], np.cumsum(keep.sum(axis=1))]).astype(np.int32)
    values = strings.take(pa.array(ids[keep]))
    return pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), values), "")
