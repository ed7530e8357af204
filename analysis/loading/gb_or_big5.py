"""GB18030 or Big5: which reading of the same bytes is the text, or that nothing tells.

Big5 and GBK share their byte ranges, so traditional text in Big5 often decodes as GBK
too. A long text is told apart by its words (:func:`~analysis.loading.chinese_reading.reads_as`:
Big5 read as GBK forms none). A short one is not: 團結 in Big5 is GBK's 刮挡, 營商環境 is
犁坝吏挂, all common GB2312 characters, and too few to judge by words alone. Both
readings are then compared (the Big5 one converted to simplified first, as the dictionary
is), in this order:

1. neighbouring characters forming words of jieba's dictionary, names included (领导, 定西);
2. ordinary characters: common ones (:func:`~analysis.common_words.character_ranks`), as
   real text is made of the first thousand or so and a mis-decoding of whatever its bytes
   happen to give (厩, 诡); Chinese punctuation (``。`` rather than the vertical ``︰``),
   letters, and signs standing by numbers (``±2`` rather than ``∮2``).

The reading ahead on the first measure that differs is the text; a tie (a single common
character either way, or a letter, ``μ``, against a common character, 米) is ambiguous,
refused with both readings shown.
"""

from __future__ import annotations

import re
from typing import Literal

from analysis.loading.chinese_reading import IDEOGRAPH_PAIR, MIN_PAIRS_JUDGED, number_signs, word_pair_share

Choice = Literal["gb18030", "big5", "ambiguous"]
COMMON_RANK = 1000
"""Characters ranked this high (:func:`~analysis.common_words.character_ranks`) are common:
real short texts have 0.75-1.0 of them, Big5 bytes read as GBK 0.0-0.5 (measured on forty
headlines and phrases written for the purpose, in both encodings)."""
FAIRLY_COMMON_RANK = 3000
"""Characters ranked this high count half: the second tier that breaks most ties of one character."""
PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】—…·"
"""The punctuation Chinese text is written with, in both its simplified and traditional forms."""
SAMPLE_CHARS = 50_000
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
def settled_as_gb(gb: str) -> bool:
    """Whether a GB18030 reading that reads as Chinese has enough word pairs to need no rival.

    Such a reading was judged by its words already; a Big5 reading is then not even decoded.
    """
    return word_pair_share(_sample(gb))[1] >= MIN_PAIRS_JUDGED


def choose_reading(gb: str, big5: str) -> Choice:
    """Which of two readings of the same bytes, each of which reads as Chinese, is the text.

    Args:
        gb: the GB18030 reading.
        big5: the Big5 reading, as decoded (in traditional characters).

    Returns:
        ``gb18030`` or ``big5`` for the reading ahead on the first measure that differs
        (see the module docstring), ``ambiguous`` when none does.
    """
    from analysis.loading.traditional import to_simplified

    gb_scores = _scores(_sample(gb))
    big5_scores = _scores(to_simplified(_sample(big5)))
    if gb_scores == big5_scores:
        return "ambiguous"
    return "gb18030" if gb_scores > big5_scores else "big5"


def _sample(text: str) -> str:
    """The lines of ``text`` holding characters outside ASCII, the first :data:`SAMPLE_CHARS` of them.

    The only lines the two readings differ in: a long English table with a few Chinese
    cells near its end is judged by those cells.
    """
    return "\n".join(line for line in text.splitlines() if not line.isascii())[:SAMPLE_CHARS]


def _scores(text: str) -> tuple[float, float]:
    """A reading's word-pair share and the mean ordinariness of its characters outside ASCII."""
    return _pair_share(text), _ordinary_share(text)


def _pair_share(text: str) -> float:
    """Share of the neighbouring ideographs of ``text`` that are jieba dictionary words, names included."""
    from analysis.common_words import frequent_word_set

    pairs = IDEOGRAPH_PAIR.findall(text)
    return sum(pair in frequent_word_set() for pair in pairs) / len(pairs) if pairs else 0.0


def _ordinary_share(text: str) -> float:
    """Mean ordinariness of the characters of ``text`` outside ASCII (0 without any).

    An ideograph counts 1 when common, ½ when fairly common, else 0
    (:func:`~analysis.common_words.character_ranks`); Chinese punctuation, a sign by a
    number (:func:`~analysis.loading.chinese_reading.number_signs`) or a letter (μ, é)
    counts 1; any other sign 0 (``∮``, the vertical ``﹚``).
    """
    from analysis.common_words import character_ranks

    ranks = character_ranks()
    score, total = float(number_signs(text)[0]), 0
    for char in text:
        if char.isascii():
            continue
        total += 1
        if _IDEOGRAPH.match(char):
            rank = ranks.get(char, FAIRLY_COMMON_RANK)
            score += ((rank < COMMON_RANK) + (rank < FAIRLY_COMMON_RANK)) / 2
        elif char in PUNCTUATION or char.isalpha():
            score += 1
    return score / total if total else 0.0
