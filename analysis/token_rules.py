"""The token rules: which quotations stay whole and which tokens are content terms.

:class:`analysis.tokenize.Tokenizer` applies them after segmenting; :data:`RULES_VERSION`
names them, and is part of the tokenizer's version.

Quoted formulas. Text inside “…” or ‘…’ is kept as one token when it is 2-8 CJK characters,
:func:`classify_quoted` calls it a formula and it is no stopword (“六一”, “五一” name days).
Splitting the text at the quote marks does not change how the rest is cut, because both
backends already treat quote marks as block boundaries.

Content terms. :meth:`analysis.tokenize.Tokenizer.terms` drops what :func:`classify_token`
calls no term: whitespace, punctuation, numbers (``2024``, ``十七``, ``2024年``, ``1至4月``,
``第十四届``, ``第3版``), numbers with a measure word or unit (``万例``, ``一场``, ``亿斤``,
``万标箱``, ``八成``, ``三分之一``, ``一个多月``), one-character tokens and stopwords. Words of the
user dictionary and quoted formulas are never dropped as numbers (``十四五``).
"""

from __future__ import annotations

import re
from typing import Literal

RULES_VERSION = "quotes-v6;filters-v3"
"""Bump when the quote-protection or term-filter rules change: it is part of the version."""

QuoteKind = Literal["dictionary", "word", "name", "numbered", "parallel", "short"]

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,8}")
_QUOTE_NUMERALS = frozenset("一二三四五六七八九十百千万两双")
_SERIAL_NAME_RE = re.compile(r".+[一二三四五六七八九十]+号|.{3,}(?<![口字])号")
"""A craft's, ship's or train's name (嫦娥四号, 深海一号, 华龙一号; 安徒生号, 海油观澜号: four
characters or more ending in 号): kept whole, no slogan. Not 五一口号 (a call) nor X字号 (a
brand campaign)."""

_OTHER_NAME_RE = re.compile(r".{2,}(?:论坛|通道|讲堂|课堂|峰会|客机|飞船)|.{3,}[班连]")
"""The name of an event, programme, craft or army unit (良渚论坛, 委员通道, 天宫课堂, 星际客机,
李志强班, 刘老庄连): kept whole, no slogan."""
_DESCRIPTIVE_RE = re.compile(r"^[^获取赢值懂记难使显觉晓]得..$|的|^(?:非常|十分|特别|极其|相当|有点|多么)")
"""A description, not a coinage: a complement with 得 (冷得可怕, not 获得 or 取得), a phrase
with 的 (智慧的路), a degree adverb (非常严重, 十分重要)."""
_QUESTION_RE = re.compile(r"(.)[不没]\1")
"""An A-not-A question (有没有, 好不好): its repeated character makes no parallel formula."""

QUOTE_RE = re.compile(r"“([^“”\n]{2,8})”|‘([^‘’\n]{2,8})’")
"""A quotation of 2-8 characters in “…” (group 1) or ‘…’ (group 2)."""
_NUMERAL = r"[0-9０-９〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]"
_WEB_RE = re.compile(
    r"(?i)(?:https?|www|[a-z0-9_.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z0-9-]+(?:\.[a-z0-9-]+)+)"
)
"""URL pieces, domains (tv.cctv.com) and e-mail addresses: page furniture, not terms."""
_UNIT = (
    r"(?:美元|欧元|英镑|日元|港元|卢布|标箱|人次|辆次|架次|千瓦时|千瓦|千伏|千克|公斤|公里|千米|公顷"
    r"|平方公里|平方米|立方米"
    r"|[年月日号时分秒点个次届期批名位项件条家元倍岁周天亿万人户亩吨米版"
    r"例场只辆台座所支种份株头架艘套部处间栋列趟轮颗枚篇本张幅起斤桶剂成伏瓦])"
)
"""A unit or measure word after a number: 万例 (cases), 一场, 亿斤, 万标箱, 八成 (80%). Not 度:
百度 is a company (亿度 of electricity stays a term)."""
_NUMBER_RE = re.compile(
    rf"(?!零(?!{_NUMERAL}))第?{_NUMERAL}(?:{_NUMERAL}|分之|[.．,，:：/%％‰\-~～—至到])*"
    rf"[多余]?(?:{_UNIT}[多余]?)*"
)
"""A number, with its units: 零 begins one only before another numeral (零件, 零部件 are parts)."""
_CACHE_LIMIT = 2_000_000


def classify_quoted(
    phrase: str, *, slogans: frozenset[str] = frozenset(), not_slogans: frozenset[str] = frozenset()
) -> QuoteKind | None:
    """Say whether a quoted phrase is a formula to keep whole, and why.

    The phrase must be 2-8 CJK characters (no punctuation, Latin or digits). Then it is
    ``"dictionary"`` if it is in the slogan section of the user dictionary (有事好商量);
    ``"word"`` if it is in the dictionary's not-slogans section, a word or name quoted for
    emphasis (一对一, 绿色通道, 和平方舟);
    ``"name"`` if it ends in a serial number, a spacecraft's, platform's or reactor's name
    (嫦娥四号, 深海一号, 华龙一号), or has four or more characters ending in 号, a ship's or
    train's name (安徒生号), but not 口号 or 字号, or names an event, a programme, a craft or
    an army unit (良渚论坛, 委员通道, 天宫课堂, 星际客机, 李志强班, 刘老庄连). A description
    (冷得可怕, 智慧的路, 非常严重) or an ordinal (第一, 第一次: a rank) returns ``None``.
    Then ``"numbered"`` if it contains a Chinese numeral 一二三四五六七八九十百千万两 or 双
    (三抓三促, 六个典范, 百企兴百村, 双进双联); ``"parallel"`` if a character repeats apart
    (引大引强引头部, 乙类乙管) or, in five characters or more, side by side (时时放心不下),
    but not in an A-not-A question (有没有); a short reduplication (热气腾腾, 甜甜圈) is a
    description and returns ``None``; ``"short"`` if it has at most 4 characters, a quoted
    coinage (放管服, 主力军). Anything else (5-8 characters with none of these, typically a
    short quotation such as 要抓紧落实) returns ``None`` and is segmented normally.
    """
    if not _CJK_RE.fullmatch(phrase):
        return None
    if phrase in slogans:
        return "dictionary"
    if phrase in not_slogans:
        return "word"
    if _SERIAL_NAME_RE.fullmatch(phrase) or _OTHER_NAME_RE.fullmatch(phrase):
        return "name"
    if _DESCRIPTIVE_RE.search(phrase) or (phrase.startswith("第") and _NUMBER_RE.fullmatch(phrase)):
        return None
    if any(ch in _QUOTE_NUMERALS for ch in phrase):
        return "numbered"
    if len(set(phrase)) < len(phrase):
        return _repeated_kind(phrase)
    return "short" if len(phrase) <= 4 else None


def _repeated_kind(phrase: str) -> QuoteKind | None:
    """A phrase with a repeated character: a parallel formula, or a question or reduplication."""
    if _QUESTION_RE.search(phrase):
        return None
    apart = any(
        phrase.rfind(ch) - phrase.find(ch) >= phrase.count(ch) for ch in set(phrase) if phrase.count(ch) > 1
    )
    return "parallel" if apart or len(phrase) >= 5 else None


def classify_token(token: str, *, stopwords: frozenset[str], dictionary_words: frozenset[str]) -> str | bool:
    """Return ``token`` if it is a term, ``""`` if a word but no term, False otherwise.

    Args:
        token: one token of the segmenter.
        stopwords: words that are never terms.
        dictionary_words: the user dictionary's words, never dropped as numbers.
    """
    number = token not in dictionary_words and _NUMBER_RE.fullmatch(token) is not None
    if not any(ch.isalnum() for ch in token):
        value: str | bool = False
    elif len(token) < 2 or token in stopwords or number or _WEB_RE.fullmatch(token):
        value = ""
    else:
        value = token
    return value


class TokenClasses(dict):
    """The cache of :func:`classify_token`, filled as tokens are first seen.

    ``cache[token]`` classifies a token the first time (a dictionary lookup after that:
    no pass over the tokens to find the unseen ones), and the cache forgets everything
    past :data:`_CACHE_LIMIT` tokens. The cached term is the string every later occurrence
    returns: equal terms then share one object, which saves memory on large corpora.
    """

    def __init__(self, *, stopwords: frozenset[str], dictionary_words: frozenset[str]) -> None:
        super().__init__()
        self._stopwords = stopwords
        self._dictionary_words = dictionary_words

    def __missing__(self, token: str) -> str | bool:
        if len(self) > _CACHE_LIMIT:
            self.clear()
        value = self[token] = classify_token(
            token, stopwords=self._stopwords, dictionary_words=self._dictionary_words
        )
        return value
