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
refused with both readings shown. A Big5 reading with no GBK reading beside it, too short to
be judged by its words, must be made of ordinary characters (:func:`big5_alone`): a few random
bytes read as Big5 are rare characters in no order, and are no text.

Traditional text saved in GBK (a Hong Kong or Taiwan article re-saved on a mainland
Windows machine) is the third case: its GB18030 reading holds characters outside GB2312
(立法會, 經濟發展), so it is judged converted to simplified
(:func:`~analysis.loading.chinese_reading.reads_as_traditional_gbk`), and always compared
with the Big5 reading, both converted: short, its bytes may be valid Big5 (HKSCS) too, and
環境衛生 in GBK is Big5's 虐噫苾汜.
"""

from __future__ import annotations

import re
from typing import Literal

from analysis.loading.chinese_reading import (
    IDEOGRAPH_PAIR,
    MIN_PAIRS_JUDGED,
    number_signs,
    reads_as,
    reads_as_traditional_gbk,
    word_pair_share,
)
from analysis.loading.decoded import TRADITIONAL_GBK, Decoded, DecodingError
from analysis.loading.utf8_lookalike import excerpt
from analysis.report import Problem

Choice = Literal["gb18030", "big5", "ambiguous"]
COMMON_RANK = 1000
"""Characters ranked this high (:func:`~analysis.common_words.character_ranks`) are common:
real short texts have 0.75-1.0 of them, Big5 bytes read as GBK 0.0-0.5 (measured on forty
headlines and phrases written for the purpose, in both encodings)."""
FAIRLY_COMMON_RANK = 3000
"""Characters ranked this high count half: the second tier that breaks most ties of one character."""
PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】—…·"
"""The punctuation Chinese text is written with, in both its simplified and traditional forms."""
MIN_ORDINARY_SHARE = 0.6
"""How ordinary (:func:`_ordinary_share`) a Big5 reading too short to be judged by its words
must be to stand alone, where GBK gives no reading to compare it with (:func:`big5_alone`).
Measured once converted to simplified: 107 short traditional phrases (places, offices,
headline words; one to six characters) whose GBK reading is none score 0.67 or more, but
for single characters ranked past the first thousand (廳 and 鬱 0.5, 釁 0), refused as a
single character common either way is; random byte pairs read as Big5 score 0.2 on average,
0.6 or more for 21% of one character, 9% of two, 5% of three, 4% of four, under 1% of six
or more (887 readings of one to sixteen characters)."""
SAMPLE_CHARS = 50_000
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")


def read_gb_or_big5(data: bytes, text: str) -> Decoded | None:
    """``text``, the GB18030 reading of ``data``, or its Big5 reading: the one that reads as Chinese.

    GB18030 when it reads as simplified Chinese, or as traditional Chinese saved in GBK
    (:data:`TRADITIONAL_GBK`), unless the Big5 reading is the text
    (:func:`_gb18030_unless_big5`); else Big5 when that reads as Chinese at all.

    Returns:
        None when neither reads as Chinese.

    Raises:
        DecodingError: when both read as Chinese and nothing tells which is meant.
    """
    return gb_or_big5_of_reading(data, text, gbk_reading(text))


def gb_or_big5_of_reading(data: bytes, text: str, reading: str | None) -> Decoded | None:
    """:func:`read_gb_or_big5` for a caller that has judged ``text`` (``reading``: :func:`gbk_reading`)."""
    if reading is None:
        return big5_alone(data)
    return _gb18030_unless_big5(data, text, traditional=reading == TRADITIONAL_GBK)


def gbk_reading(text: str) -> str | None:
    """The encoding to name a GB18030 reading by, or None when it does not read as Chinese.

    ``gb18030`` when it reads as simplified Chinese, :data:`TRADITIONAL_GBK` when as
    traditional Chinese saved in GBK.
    """
    if reads_as("gb18030", text):
        return "gb18030"
    return TRADITIONAL_GBK if reads_as_traditional_gbk(text) else None


def _gb18030_unless_big5(data: bytes, text: str, *, traditional: bool = False) -> Decoded:
    """GB18030's reading ``text``, unless the Big5 reading of ``data`` is the text (:func:`choose_reading`).

    A ``traditional`` reading (traditional text in GBK) is always compared with the Big5
    one: it was judged by its words only once converted, and so is Big5's.

    Raises:
        DecodingError: when both read as Chinese and nothing tells which is meant.
    """
    gb = Decoded(text, TRADITIONAL_GBK if traditional else "gb18030")
    big5 = None if judged_by_words(text) and not traditional else decode_big5(data)
    if big5 is None:
        return gb
    choice = choose_reading(text, big5.text, gb_traditional=traditional)
    if choice == "ambiguous":
        raise DecodingError("gbk_or_big5", gbk=excerpt(text), big5=excerpt(big5.text))
    return big5 if choice == "big5" else gb


def decode_big5(data: bytes) -> Decoded | None:
    """The Big5 (HKSCS) reading of ``data`` when it is strictly valid and reads as Chinese text."""
    try:
        text = data.decode("big5hkscs")
    except UnicodeDecodeError:
        return None
    if not reads_as("big5hkscs", text):
        return None
    return Decoded(text, "big5", Problem.of("big5_decoded"))


def big5_alone(data: bytes) -> Decoded | None:
    """The Big5 reading of bytes that GB18030 reads as no Chinese, or not at all, when it reads.

    :func:`decode_big5`, but a reading too short to be judged by its words
    (:func:`judged_by_words`) has no GBK reading to be weighed against either
    (:func:`choose_reading`): it must be made of ordinary characters
    (:data:`MIN_ORDINARY_SHARE`), as short text is and random bytes read as Big5, rare
    characters in no order, are not. Else None: the bytes are no text of either encoding.
    """
    big5 = decode_big5(data)
    if big5 is None or judged_by_words(big5.text):
        return big5
    from analysis.loading.traditional import to_simplified

    return big5 if _ordinary_share(to_simplified(_sample(big5.text))) >= MIN_ORDINARY_SHARE else None


def judged_by_words(text: str) -> bool:
    """Whether a reading that reads as Chinese has enough word pairs to have been judged by its words.

    :func:`~analysis.loading.chinese_reading.reads_as` judges a reading by its words once it
    has :data:`~analysis.loading.chinese_reading.MIN_PAIRS_JUDGED` pairs, a shorter one by
    its characters alone. A GB18030 reading so judged needs no rival: a Big5 reading is then
    not even decoded.
    """
    return word_pair_share(_sample(text))[1] >= MIN_PAIRS_JUDGED


def choose_reading(gb: str, big5: str, *, gb_traditional: bool = False) -> Choice:
    """Which of two readings of the same bytes, each of which reads as Chinese, is the text.

    Args:
        gb: the GB18030 reading.
        big5: the Big5 reading, as decoded (in traditional characters).
        gb_traditional: the GB18030 reading is traditional text saved in GBK
            (:func:`~analysis.loading.chinese_reading.reads_as_traditional_gbk`): it is
            converted to simplified too before it is judged, as the Big5 one always is.

    Returns:
        ``gb18030`` or ``big5`` for the reading ahead on the first measure that differs
        (see the module docstring), ``ambiguous`` when none does, or when a traditional
        GB18030 reading and the Big5 one have no neighbouring ideographs: a single
        traditional character read two ways is told only by how common each is, which
        misread one Big5 character in a hundred (廢 as GBK's 紀).
    """
    from analysis.loading.traditional import to_simplified

    gb_scores = _scores(to_simplified(_sample(gb)) if gb_traditional else _sample(gb))
    big5_scores = _scores(to_simplified(_sample(big5)))
    if gb_scores == big5_scores or (gb_traditional and not IDEOGRAPH_PAIR.search(f"{gb}\n{big5}")):
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
