"""Bytes that are valid UTF-8 and GBK at once: which reading is the text, or that none can tell.

UTF-8 is strict, so a successful UTF-8 decode is usually trusted. Short GBK text is the
exception: 失业 is the bytes ``CA A7 D2 B5``, which UTF-8 reads as ``ʧҵ`` (an IPA letter
and a Cyrillic one), and 谢谢 reads as ``лл``. Such bytes are judged here, when they also
read as GB2312 throughout (every non-ASCII byte pair a common character or mark):

* the UTF-8 reading holds characters Chinese news in UTF-8 does not (IPA, combining marks,
  Coptic, Cyrillic beyond Russian, Armenian, Hebrew, Arabic, Syriac, Thaana, NKo, control
  characters, rare ideographs): the GBK reading is the text, when it reads as Chinese;
* its characters are all ordinary and Chinese among them (谢谢 in UTF-8 is GB2312's
  ``璋㈣阿``), or they stand alone inside Latin text (``café``, ``Müller``, ``25°C``), or
  they are all signs standing by numbers as such signs do (a file holding ``±2``, ``25°``,
  ``©2024``, whose GBK readings put a lone character by a number: ``卤2``, ``25掳``), or
  GBK's reading forms no word (``банк`` as 斜邪薪泻): UTF-8;
* otherwise (``λ`` alone, which is GBK's 位; ``лл``, GBK's 谢谢) nothing tells: ambiguous.

Genuine UTF-8 text rarely reads as GB2312 throughout: every continuation byte would
have to lie in A1-BF and the bytes pair up, which Chinese in UTF-8 (three bytes a
character) defeats within a few characters, as do Russian, Hebrew and Arabic words,
whose letters also use continuation bytes 80-A0.
"""

from __future__ import annotations

import re
from typing import Literal

from analysis.loading.chinese_reading import IDEOGRAPH_PAIR, number_signs, reads_as, reads_as_traditional_gbk

Verdict = Literal["utf-8", "gbk", "ambiguous"]

_PLAUSIBLE_BELOW_0800 = re.compile(
    r"[\u00a0-\u017f\u01cd-\u01dc\u02c7\u02c9-\u02cb\u02d9\u0391-\u03a9\u03b1-\u03c9\u0401-\u045f]"
)
"""Characters of two UTF-8 bytes that text in UTF-8 holds: Latin-1 and Latin Extended-A
letters (European names), pinyin's ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ and tone marks, Greek letters as symbols
(α, Ω) and Russian letters. The rest of U+0080-U+07FF is where GBK's common characters land."""
_GENERAL_PUNCTUATION = re.compile(r"[\u2010-\u206f\u3000-\u303f\uff00-\uffef]")
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
LATIN_LETTERS_PER_CHARACTER = 3
"""ASCII letters per non-ASCII character from which a text is Latin text with a few accents
or signs (``Temperature 25°C ± 2``) even where a sign stands between spaces."""
EXCERPT_CHARS = 30


def judge_utf8(data: bytes, text: str) -> tuple[Verdict, str | None]:
    """Whether ``text``, the valid UTF-8 reading of ``data``, is the text, or GBK's reading is.

    Args:
        data: the bytes.
        text: ``data`` decoded as UTF-8.

    Returns:
        ``("utf-8", None)`` for ordinary UTF-8 (ASCII, Chinese, any text whose bytes are not
        GB2312 throughout); ``("gbk", reading)`` when the UTF-8 reading is nonsense and GBK's
        reads as Chinese; ``("ambiguous", reading)`` when both readings are plausible, or
        neither is.
    """
    if text.isascii():
        return "utf-8", None
    try:
        gbk = data.decode("gb2312")
    except UnicodeDecodeError:
        return _traditional_gbk_or_utf8(data, text)
    if any(not _plausible(ch) for ch in text if ord(ch) > 0x7F):
        return ("gbk" if reads_as("gb18030", gbk) else "ambiguous"), gbk
    if _IDEOGRAPH.search(text) or _inside_latin_text(text) or _signs_by_numbers(text) or _forms_no_word(gbk):
        return "utf-8", None
    return "ambiguous", gbk


def _traditional_gbk_or_utf8(data: bytes, text: str) -> tuple[Verdict, str | None]:
    """``gbk`` for bytes that are traditional text in GBK (還原, ``DF 80 D4 AD``) and nonsense as UTF-8 (߀ԭ).

    GB2312 lacks the traditional characters, so such bytes are judged here: GBK's reading
    when the UTF-8 one holds characters UTF-8 text does not, and GBK's reads as traditional
    Chinese (:func:`~analysis.loading.chinese_reading.reads_as_traditional_gbk`) with two
    neighbouring characters forming a word once converted (random Syriac or Arabic letters
    read as GBK give characters in no order: ``ݔݱ`` as 輸荼); else UTF-8.
    """
    try:
        gbk = data.decode("gbk")
    except UnicodeDecodeError:
        return "utf-8", None
    if all(_plausible(ch) for ch in text if ord(ch) > 0x7F) or not reads_as_traditional_gbk(gbk):
        return "utf-8", None
    from analysis.loading.traditional import to_simplified

    return ("gbk", gbk) if _forms_a_word(to_simplified(gbk)) else ("utf-8", None)


def _signs_by_numbers(text: str) -> bool:
    """Whether every character of ``text`` outside ASCII is a sign by a number (``±2``, ``25°``, ``§3``)."""
    placed, total = number_signs(text)
    return placed == total > 0


def _forms_no_word(text: str) -> bool:
    """Whether ``text`` has neighbouring ideographs and none of them form a common word.

    GBK's reading of Latin-1 or Russian letters (``¡á`` as 隆谩, ``банк`` as 斜邪薪泻) gives
    characters in no order; Chinese, even two characters of it (失业, 谢谢), forms words
    of jieba's dictionary (names included: it tags 谢谢 as one).
    """
    from analysis.common_words import frequent_word_set

    pairs = IDEOGRAPH_PAIR.findall(text)
    return bool(pairs) and not frequent_word_set().intersection(pairs)


def _forms_a_word(text: str) -> bool:
    """Whether two neighbouring ideographs of ``text`` form a word of jieba's dictionary (names included)."""
    from analysis.common_words import frequent_word_set

    return bool(frequent_word_set().intersection(IDEOGRAPH_PAIR.findall(text)))


def _plausible(ch: str) -> bool:
    """Whether a non-ASCII character of a UTF-8 reading is one that text in UTF-8 holds."""
    if ord(ch) < 0x800:
        return bool(_PLAUSIBLE_BELOW_0800.match(ch))
    if _GENERAL_PUNCTUATION.match(ch):
        return True
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _inside_latin_text(text: str) -> bool:
    """Whether each non-ASCII character of ``text`` stands alone in Latin text (``café``, ``25°C``).

    Every run of non-ASCII characters is one character long, and either touches an ASCII
    letter or the text has :data:`LATIN_LETTERS_PER_CHARACTER` ASCII letters for each.
    GBK's Chinese comes in words of two or more characters.
    """
    runs = list(_NON_ASCII_RUN.finditer(text))
    if any(run.end() - run.start() > 1 for run in runs):
        return False
    letters = sum(ch.isascii() and ch.isalpha() for ch in text)
    if letters >= LATIN_LETTERS_PER_CHARACTER * len(runs):
        return True
    return all(_touches_letter(text, run.start()) for run in runs)


def _touches_letter(text: str, position: int) -> bool:
    """Whether an ASCII letter stands right before or after ``text[position]``."""
    neighbours = text[max(position - 1, 0):position] + text[position + 1:position + 2]
    return any(ch.isascii() and ch.isalpha() for ch in neighbours)


def excerpt(text: str) -> str:
    """The first line of ``text`` holding a non-ASCII character, cut to :data:`EXCERPT_CHARS`."""
    line = next((line for line in text.splitlines() if not line.isascii()), text)
    return line.strip()[:EXCERPT_CHARS]
