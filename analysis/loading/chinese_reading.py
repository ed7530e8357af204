"""Whether a decoding of a file's bytes reads as Chinese text, and which of two reads better.

GB18030 and Big5 accept many byte sequences, so a decoding is judged by what it gives:
ordinary characters (:func:`readable_share`), common simplified ones for GB18030
(:func:`gb2312_share`), and neighbouring characters that form words
(:func:`word_pair_share`). :func:`reads_as` combines them, and
:func:`reads_as_traditional_gbk` for traditional text saved in GBK; :func:`reads_better`
chooses between two readings of the same bytes.
"""

from __future__ import annotations

import re

_READABLE = re.compile(
    r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u206f\x20-\x7e\s"
    r"\u00a7\u00b0-\u00b7\u00d7\u00e0-\u00fc\u0391-\u03c9\u2100-\u21ff\u2200-\u22ff"
    r"\u2460-\u24ff\u2500-\u25ff\u2600-\u26ff\u3400-\u4dbf\ufe30-\ufe6f\u02c7-\u02c9]"
)
MIN_READABLE_SHARE = 0.97
"""Share of characters that must be ordinary Chinese/ASCII text for a GB18030 or Big5 decode;
for those two it is measured on the characters outside ASCII, the ones the decoding decided."""
MIN_WORD_PAIR_SHARE = 0.15
"""Share of neighbouring Chinese characters that must form a common word of jieba's
dictionary for a GB18030 or Big5 reading (judged once there are :data:`MIN_PAIRS_JUDGED`
pairs). Real news text has 0.44-0.51 (the seed page, 政协 pages); Korean EUC-KR read as
GB18030, whose bytes are GB2312's, gives real characters in no order: 0.0."""
MIN_PAIRS_JUDGED = 20
MIN_GB2312_SHARE = 0.8
"""Share of the Chinese characters of a GB18030 decode that must be common simplified ones
(in GB2312). Simplified news text is almost all GB2312; Big5 bytes read as GB18030 give
rare ideographs for about half their characters (those with a trail byte below 0x7F)."""


def readable_share(text: str) -> float:
    """Share of characters in ``text`` that are ordinary Chinese, ASCII or punctuation."""
    if not text:
        return 1.0
    sample = text[:20000]
    return len(_READABLE.findall(sample)) / len(sample)


def outside_ascii(text: str) -> str:
    """The characters of ``text`` (its first 200,000) outside ASCII: the ones an 8-bit decoding decides."""
    return "".join(ch for ch in text[:200_000] if ord(ch) > 0x7F)


def gb2312_share(text: str) -> float:
    """Share of the CJK ideographs of ``text`` (its first 20,000 of them) that GB2312 holds."""
    ideographs = [ch for ch in text[:200_000] if "\u3400" <= ch <= "\u9fff"][:20_000]
    if not ideographs:
        return 1.0
    common = 0
    for ch in ideographs:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            continue
    return common / len(ideographs)


def reads_as(codec: str, text: str) -> bool:
    """Whether ``text``, decoded with ``codec``, reads as Chinese text of that encoding.

    Its characters outside ASCII must be ordinary text; a GB18030 reading's ideographs
    must be mostly common simplified ones (GB2312); and its neighbouring ideographs must
    form words often enough (word_pair_share; a Big5 reading is judged after
    conversion to simplified, the form the dictionary holds).
    """
    if readable_share(outside_ascii(text)) < MIN_READABLE_SHARE:
        return False
    if codec == "gb18030" and gb2312_share(text) < MIN_GB2312_SHARE:
        return False
    sample = text[:50_000]
    if codec != "gb18030":
        from analysis.loading.traditional import to_simplified

        sample = to_simplified(sample)
    share, pairs = word_pair_share(sample)
    return pairs < MIN_PAIRS_JUDGED or share >= MIN_WORD_PAIR_SHARE


def reads_as_traditional_gbk(text: str) -> bool:
    """Whether ``text``, a GB18030 reading that is not simplified Chinese, is traditional Chinese in GBK.

    GBK holds the traditional characters outside GB2312 (立法會, 經濟發展), so a Hong Kong or
    Taiwan article re-saved on a mainland Windows machine fails :func:`reads_as`'s test of
    common simplified characters. Converted to simplified (its first 50,000 characters), it
    reads as simplified text does; Big5 bytes read as GBK stay rare characters, kana and
    signs in no order (區議會 in Big5 is GBK's 跋某穦) and do not. Its characters must be
    in traditional form throughout
    (:func:`~analysis.loading.traditional.traditional_throughout`): simplified text with a
    Windows dash read as GBK's 棗 is not traditional text.
    """
    if readable_share(outside_ascii(text)) < MIN_READABLE_SHARE:
        return False
    from analysis.loading.traditional import to_simplified, traditional_throughout

    sample = text[:50_000]
    return traditional_throughout(sample) and reads_as("gb18030", to_simplified(sample))


IDEOGRAPH_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
"""Every pair of neighbouring ideographs (overlapping: 甘肃省 gives 甘肃 and 肃省)."""


def word_pair_share(text: str) -> tuple[float, int]:
    """Share of the pairs of neighbouring ideographs in ``text`` that are common words, and the pairs.

    A word list, not a model: jieba's dictionary words of frequency 100 or more
    (:func:`analysis.common_words.common_word_set`), read once per process.
    """
    from analysis.common_words import common_word_set

    pairs = IDEOGRAPH_PAIR.findall(text)
    if not pairs:
        return 1.0, 0
    words = common_word_set()
    return sum(pair in words for pair in pairs) / len(pairs), len(pairs)


def reads_better(text: str, other: str) -> bool:
    """Whether ``text`` reads as better Chinese than ``other``, its rival reading of the same bytes.

    More of its neighbouring characters form words, or as many do and it has fewer rare
    characters (outside GB2312): ``——`` in Windows-1252 is GBK's 棗, a rare character
    standing where no word is broken, and only its rarity tells the two readings apart.
    """
    share, other_share = word_pair_share(text)[0], word_pair_share(other)[0]
    return share > other_share or (share == other_share and rare_ideographs(text) < rare_ideographs(other))


def rare_ideographs(text: str) -> int:
    """How many of the ideographs of ``text`` (its first 200,000 characters) GB2312 lacks."""
    count = 0
    for ch in text[:200_000]:
        if "\u3400" <= ch <= "\u9fff":
            try:
                ch.encode("gb2312")
            except UnicodeEncodeError:
                count += 1
    return count


PREFIX_SIGNS = "±€§©≈≤≥~"
"""Signs written before a number (``±2``, ``§3``, ``©2024``). Not ``¥`` and ``£``: as UTF-8 they
are GBK's 楼 and 拢, and ``楼5`` is as plausible as ``¥5``."""
SUFFIX_SIGNS = "°²³¹¼½¾‰℃"
"""Signs written after a number (``25°``, ``5²``, ``3½``)."""


def number_signs(text: str) -> tuple[int, int]:
    """How many signs of ``text`` outside ASCII stand by a number as they should, and how many there are.

    ``±`` before a digit, ``°`` after one: in a reading of a few bytes, a sign by a
    number is what the writer meant far more often than a lone character by it (``±2``
    rather than GBK's ``卤2``, ``25°`` rather than ``25掳``). Ideographs are not counted.
    """
    placed = total = 0
    for position, char in enumerate(text):
        if char.isascii() or "\u3400" <= char <= "\u9fff":
            continue
        total += 1
        after = text[position + 1:position + 2]
        before = text[position - 1:position] if position else ""
        placed += (char in PREFIX_SIGNS and after.isdigit()) or (char in SUFFIX_SIGNS and before.isdigit())
    return placed, total
