"""GB18030 or Big5: which reading of the same bytes is the text, or that nothing tells.

Big5 and GBK share their byte ranges, so traditional text in Big5 often decodes as GBK
too. A long text is told apart by its words (:func:`~analysis.loading.chinese_reading.reads_as`:
Big5 read as GBK forms none). A short one is not: 團結 in Big5 is GBK's 刮挡, 營商環境 is
犁坝吏挂, all common GB2312 characters, and too few to judge by words alone. Both
readings are then compared (the Big5 one converted to simplified first, as the dictionary
is), in this order:

1. neighbouring characters forming words of jieba's dictionary, names included (领导, 定西);
2. common characters (:func:`~analysis.common_words.character_ranks`): real text is made of
   the first thousand or so, a mis-decoding of whatever its bytes happen to give (厩, 诡);
3. ordinary signs: Chinese punctuation (``。`` rather than the vertical ``︰``) and signs
   standing by numbers (``±2`` rather than ``∮2``).

The reading ahead on the first measure that differs is the text; a tie (a single common
character either way) is ambiguous, refused with both readings shown.
"""

from __future__ import annotations

import re
from typing import Literal

from analysis.loading.chinese_reading import MIN_PAIRS_JUDGED, number_signs, word_pair_share

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
_IDEOGRAPH_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def settled_as_gb(gb: str) -> bool:
    """Whether a GB18030 reading that reads as Chinese has enough word pairs to need no rival.

    Such a reading was judged by its words already; a Big5 reading is then not even decoded.
    """
    return word_pair_share(gb[:SAMPLE_CHARS])[1] >= MIN_PAIRS_JUDGED


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

    gb_scores = _scores(gb[:SAMPLE_CHARS])
    big5_scores = _scores(to_simplified(big5[:SAMPLE_CHARS]))
    if gb_scores == big5_scores:
        return "ambiguous"
    return "gb18030" if gb_scores > big5_scores else "big5"


def _scores(text: str) -> tuple[float, float, float]:
    """A reading's word-pair share, common-character share and share of ordinary signs."""
    placed, total = number_signs(text)
    placed += sum(char in PUNCTUATION for char in text)
    return _pair_share(text), _common_share(text), placed / total if total else 0.0


def _pair_share(text: str) -> float:
    """Share of the neighbouring ideographs of ``text`` that are jieba dictionary words, names included."""
    from analysis.common_words import frequent_word_set

    pairs = _IDEOGRAPH_PAIR.findall(text)
    return sum(pair in frequent_word_set() for pair in pairs) / len(pairs) if pairs else 0.0


def _common_share(text: str) -> float:
    """Share of the ideographs of ``text`` that are common (1) or fairly common (½)."""
    from analysis.common_words import character_ranks

    ranks = character_ranks()
    ideographs = _IDEOGRAPH.findall(text)
    if not ideographs:
        return 0.0
    score = 0
    for char in ideographs:
        rank = ranks.get(char, FAIRLY_COMMON_RANK)
        score += (rank < COMMON_RANK) + (rank < FAIRLY_COMMON_RANK)
    return score / (2 * len(ideographs))
