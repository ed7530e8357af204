"""Ordinary words among bare place names, from the segmenter's own dictionary.

Many counties' bare names are everyday words (资源县 → 资源, 友好区 → 友好, 中方县 → 中方,
合作市 → 合作). Leaving them out of top terms as place names would hide 资源 and 友好 from
a national corpus. jieba's dictionary (installed with the package, no network) tags each
word with its part of speech and frequency: a bare county name it knows as a frequent
word that is neither a place (``ns``) nor a person's name (``nr``…) is an ordinary word.
``data/names.toml``'s ``[place_words]`` adds the cases the dictionary misses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

COMMON_WORD_MIN_FREQUENCY = 100
"""jieba frequency from which a word counts as common (安乡 784 is ``ns``, a place; 玉门
83 is rare as a word; 资源 17,453, 友好 2,568 and 中方 1,408 are words)."""
PROPER_NAME_TAGS = ("ns", "nr")
"""Part-of-speech tag prefixes of places (``ns``) and persons (``nr``, ``nrt``, ``nrfg``)."""


def common_words(candidates: Iterable[str]) -> frozenset[str]:
    """The ``candidates`` that jieba's dictionary knows as frequent ordinary words.

    Args:
        candidates: words to look up (bare county names).

    Returns:
        Those tagged neither place nor person, with frequency at least
        :data:`COMMON_WORD_MIN_FREQUENCY`.
    """
    return frozenset(candidates) & common_word_set()


@lru_cache(maxsize=1)
def common_word_set() -> frozenset[str]:
    """Every frequent non-name word of jieba's dictionary (read once: 349,046 lines, ~0.2 s).

    Also what tells real Chinese from bytes of another encoding read as GB18030 or Big5
    (:mod:`analysis.loading.encoding`): in real text many neighbouring characters are such
    words, in a mis-decoding next to none are.
    """
    return frozenset(word for word, _, tag in _frequent_words() if not tag.startswith(PROPER_NAME_TAGS))


@lru_cache(maxsize=1)
def frequent_word_set() -> frozenset[str]:
    """Every frequent word of jieba's dictionary, names included (read once, ~0.2 s).

    For the words that a place's name may run into: 城镇 and 乡镇 are tagged ``ns`` and
    so are no common words, yet 向城镇 holds no township (:mod:`analysis.places.towns`).
    """
    return frozenset(word for word, _, _ in _frequent_words())


@lru_cache(maxsize=1)
def character_ranks() -> dict[str, int]:
    """Each character of jieba's frequent words and its rank (0 the most common), read once.

    A character's weight is the summed frequency of the words holding it: 学 ranks in
    the first 30, 厩 past 5,000. What tells Chinese text from another encoding's bytes read
    as Chinese when too few characters stand together to form words
    (:mod:`analysis.loading.gb_or_big5`): real text is made of common characters.
    """
    weights: dict[str, int] = {}
    for word, frequency, _ in _frequent_words():
        for char in word:
            weights[char] = weights.get(char, 0) + frequency
    ordered = sorted(weights, key=lambda char: (-weights[char], char))
    return {char: rank for rank, char in enumerate(ordered)}


def _frequent_words() -> Iterator[tuple[str, int, str]]:
    """``(word, frequency, tag)`` for each jieba word of :data:`COMMON_WORD_MIN_FREQUENCY` or more."""
    text = resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split(" ")
        if len(parts) == 3 and parts[1].isdigit() and int(parts[1]) >= COMMON_WORD_MIN_FREQUENCY:
            yield parts[0], int(parts[1]), parts[2]
