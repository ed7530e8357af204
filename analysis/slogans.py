"""Slogans: short formulaic phrases (“三抓三促”, “两个确立”, 百企兴百村) and where they appear.

A mention is either

* **quoted**: text inside “…” or ‘…’ that :func:`analysis.tokenize.classify_quoted` keeps
  as one token, except quoted words of 2-3 characters that are neither numbered, parallel
  nor in the dictionary's slogan section (“主力军”, “带头人”: emphasis, not slogans).
  Four-character quotes count: 四字格 is the classic shape of a slogan. Quotations longer
  than 8 characters (speech), titles in 《》, serial names (“嫦娥四号”, “深海一号”), names
  of events, programmes, craft and army units (“良渚论坛”, “委员通道”, “李志强班”),
  descriptions (“冷得可怕”, “非常严重”, “热气腾腾”) and the words and names of the
  dictionary's ``[not-slogans]`` section (“一对一”, “绿色通道”, “和平方舟”, “四人帮”: kept
  whole as terms) are never slogans; or
* **unquoted**: a word of the user dictionary's ``[slogans]`` section found in the text
  where the segmenter also cuts it as a word, so 强工业 is found in 实施强工业行动 but not
  in 做强工业经济 (做强/工业).

A slogan is repeated: a *bare* quotation, four characters with nothing else to mark it a
formula (no numeral, no parallel, not in the dictionary: “便利福建”, but also the title of
an exhibition, “踏歌而来”, or a reporter's phrase, “梅堰渔火”), counts only where the
corpus quotes it at least :data:`MIN_BARE_MENTIONS` times, in one article or several. In
人民日报 of 2022-07-05, 64 of the 112 slogans found were bare phrases quoted once (“御园莺歌”,
“新年前夕”, “高速公路”); “以旧换新”, “跨省通办”, “便利福建”, quoted two to four times in their
articles, stay. Mentions, not articles, because a corpus may hold one document per place:
a province's 政府工作报告 names its own campaigns in no other report.

The rule judges each slogan once, on all its mentions in the corpus (:func:`one_off_quotes`):
never mention by mention, and never by what a filter shows. A slogan quoted once in
兰州 and once in 临夏 is a slogan in 兰州's table too, with its one mention there, as the
spread chart draws it reaching 兰州; the store applies the rule to all stored articles
(:func:`analysis.store.theme_queries.slogans`), :func:`find_slogans` to the articles given.

The price is that a real slogan quoted once, and in no dictionary, is left out: of the
2026 provincial reports' 397 bare quotations quoted once, many are local formulas
(“企呼我办”, “县管校聘”, “以竹代塑”), but as many are names of brands, festivals and honours
(“上海之夏”, “云南礼物”, “人民楷模”) or plain phrases (“中国速度”, “市场有效”), and nothing in
the quotation tells them apart; counting the phrase written again without quotes would
bring back as much noise (社会主义 1,769 times in the national reports, 高速公路, 热带雨林)
as slogans. An analyst wants slogans, not every quoted phrase: a formula quoted once has
no spread to show, and a formula worth following is listed in the dictionary's slogan
section, which counts it from its first mention, quoted or not (“国之大者”, “接诉即办”,
“以旧换新”, “跨省通办”, and the national formulas the corpora quote once: “动态清零”,
“投资于人”, “人民至上”…).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.periods import AVERAGE_PERIOD_DAYS, GroupBy, LocalityLevel, assign_groups
from analysis.schema import STRING_DTYPE
from analysis.token_rules import classify_quoted
from analysis.tokenize import Tokenizer, build_tokenizer, full_texts

MIN_BARE_MENTIONS = 2
"""A bare four-character quotation is a slogan only where the corpus quotes it this often."""


def is_bare_quote(phrase: str, *, tokenizer: Tokenizer) -> bool:
    """Whether a quoted slogan is bare: four characters that nothing but the quote marks make a slogan.

    No numeral (三抓三促), no parallel (引大引强), not in the dictionary's slogan section
    (枫桥经验): :func:`~analysis.token_rules.classify_quoted` calls it ``short``.
    """
    kind = classify_quoted(phrase, slogans=tokenizer.slogans, not_slogans=tokenizer.not_slogans)
    return len(phrase) == 4 and kind == "short"


def one_off_quotes(counts: Mapping[str, int], *, tokenizer: Tokenizer) -> set[str]:
    """The slogans found that are left out: bare quotations mentioned fewer than MIN_BARE_MENTIONS times.

    Judged per slogan, on all its mentions in the corpus, so that whether a phrase is a
    slogan never depends on which of its mentions are looked at.

    Args:
        counts: each slogan found and its number of mentions in the whole corpus.
        tokenizer: supplies the dictionary's slogan and not-slogan sections (:func:`is_bare_quote`).
    """
    return {slogan for slogan, n in counts.items()
            if n < MIN_BARE_MENTIONS and is_bare_quote(slogan, tokenizer=tokenizer)}


def drop_one_off_quotes(mentions: pd.DataFrame, *, tokenizer: Tokenizer) -> pd.DataFrame:
    """Leave out every mention of the slogans :func:`one_off_quotes` leaves out, counted in ``mentions``.

    Args:
        mentions: ``doc_id``, ``slogan`` and ``quoted``, as :func:`find_slogans` returns,
            for the whole corpus.
        tokenizer: supplies the dictionary's slogan and not-slogan sections.

    Returns:
        The mentions kept, in their order, with a fresh index.
    """
    if mentions.empty:
        return mentions
    dropped = one_off_quotes(mentions["slogan"].value_counts().to_dict(), tokenizer=tokenizer)
    return mentions[~mentions["slogan"].isin(dropped)].reset_index(drop=True)


def find_slogans(articles: pd.DataFrame, *, tokenizer: Tokenizer | None = None) -> pd.DataFrame:
    """Find every slogan mention in the articles' title and text.

    Args:
        articles: the articles table (``doc_id``, ``title``, ``text``).
        tokenizer: supplies the slogan section of the dictionary and cuts the text;
            ``None`` builds the default one (:func:`build_tokenizer`).

    Returns:
        Columns ``doc_id``, ``slogan`` (str) and ``quoted`` (bool), one row per mention, in
        article order; within an article the quoted mentions, then the unquoted ones,
        each in text order. A bare quotation quoted fewer than :data:`MIN_BARE_MENTIONS` times
        in ``articles`` is left out (:func:`drop_one_off_quotes`).
    """
    tokenizer = tokenizer or build_tokenizer()
    rows: list[tuple[str, str, bool]] = []
    for doc_id, text in zip(articles["doc_id"].astype(str), full_texts(articles), strict=True):
        rows += [(doc_id, phrase, quoted) for phrase, quoted in tokenizer.read(text).slogan_mentions()]
    mentions = pd.DataFrame(
        {
            "doc_id": pd.Series([r[0] for r in rows], dtype=STRING_DTYPE),
            "slogan": pd.Series([r[1] for r in rows], dtype=STRING_DTYPE),
            "quoted": np.array([r[2] for r in rows], dtype=bool),
        }
    )
    return drop_one_off_quotes(mentions, tokenizer=tokenizer)


def summarize_slogans(
    mentions: pd.DataFrame, *, articles: pd.DataFrame, by: GroupBy = "prefecture"
) -> pd.DataFrame:
    """Summarise slogan mentions: how often, how widely, and when.

    Args:
        mentions: from :func:`find_slogans`.
        articles: the articles table (``doc_id``, ``date`` and the ``by`` column).
        by: the grouping whose names are listed (see :func:`analysis.periods.assign_groups`).

    Returns:
        Columns ``slogan`` (str), ``n_mentions``, ``n_articles`` (int), ``first_date``,
        ``last_date`` (datetime, NaT when no mentioning article is dated), ``n_groups``
        (int) and ``groups`` (sorted list of the group names where the slogan appears;
        articles with no group value are not listed), sorted by ``n_mentions`` descending
        then slogan.
    """
    dates = articles[["doc_id", "date"]].astype({"doc_id": STRING_DTYPE})
    frame = mentions.astype({"doc_id": STRING_DTYPE}).merge(dates, on="doc_id", how="left")
    summary = frame.groupby("slogan").agg(
        n_mentions=("doc_id", "size"),
        n_articles=("doc_id", "nunique"),
        first_date=("date", "min"),
        last_date=("date", "max"),
    )
    pairs = mentions[["slogan", "doc_id"]].drop_duplicates().astype({"doc_id": STRING_DTYPE})
    located = pairs.merge(assign_groups(articles, by=by), on="doc_id").dropna(subset=["group"])
    names = located.groupby("slogan")["group"].agg(lambda groups: sorted(set(groups)))
    summary["groups"] = names.reindex(summary.index).map(
        lambda value: value if isinstance(value, list) else []
    )
    summary["n_groups"] = summary["groups"].map(len).astype(np.int64)
    summary = summary.reset_index().astype({"slogan": STRING_DTYPE})
    summary = summary.sort_values(["n_mentions", "slogan"], ascending=[False, True])
    columns = ["slogan", "n_mentions", "n_articles", "first_date", "last_date", "n_groups", "groups"]
    return summary[columns].astype({"n_mentions": np.int64, "n_articles": np.int64}).reset_index(drop=True)


def first_mentions(
    mentions: pd.DataFrame,
    *,
    articles: pd.DataFrame,
    slogans: Sequence[str],
    by: LocalityLevel = "prefecture",
) -> pd.DataFrame:
    """Where and when each of ``slogans`` was first mentioned: one row per slogan and place.

    Args:
        mentions: from :func:`find_slogans`.
        articles: the articles table (``doc_id``, ``date`` and the ``by`` column).
        slogans: the slogans to follow.
        by: the place level (``province``, ``prefecture`` or ``county``).

    Returns:
        Columns ``slogan``, ``place``, ``first_date`` (NaT when no mentioning article there
        is dated) and ``n_articles``, by slogan, first date and place, as
        :meth:`analysis.store.Store.slogan_spread`. Articles with no place at ``by`` are
        left out: they cannot say where a slogan went.
    """
    pairs = mentions.loc[mentions["slogan"].isin(list(slogans)), ["slogan", "doc_id"]].drop_duplicates()
    places = articles[["doc_id", "date", by]].rename(columns={by: "place"}).dropna(subset=["place"])
    frame = pairs.astype({"doc_id": STRING_DTYPE}).merge(places.astype({"doc_id": STRING_DTYPE}), on="doc_id")
    out = frame.groupby(["slogan", "place"], as_index=False).agg(
        first_date=("date", "min"), n_articles=("doc_id", "nunique"))
    out = out.sort_values(["slogan", "first_date", "place"], kind="stable").reset_index(drop=True)
    return out.astype({"slogan": STRING_DTYPE, "place": STRING_DTYPE, "n_articles": np.int64})


def spread_curve(first_mentions: pd.DataFrame) -> pd.DataFrame:
    """How far each slogan has spread: the places that had mentioned it by each date.

    Args:
        first_mentions: one row per slogan and place, with ``slogan``, ``place`` and
            ``first_date`` (the first mention there), e.g. from
            :meth:`analysis.store.Store.slogan_spread`.

    Returns:
        Columns ``slogan``, ``date``, ``place`` and ``n_places``: one step per place, in
        the order the places took the slogan up (same date: by name), ``n_places`` the
        number of places that had mentioned it by then, this one included. Places whose
        first mention is undated cannot be placed in time and are left out.
    """
    frame = first_mentions.dropna(subset=["first_date"]).rename(columns={"first_date": "date"})
    frame = frame.sort_values(["slogan", "date", "place"], kind="stable").reset_index(drop=True)
    frame["n_places"] = frame.groupby("slogan").cumcount().astype(np.int64) + 1
    return frame[["slogan", "date", "place", "n_places"]]


def months_after_first(first_mentions: pd.DataFrame) -> pd.Series:
    """How long each place took to mention a slogan: months after the first place did.

    Args:
        first_mentions: ``slogan``, ``first_date`` (one row per slogan and place).

    Returns:
        Months (average length, one decimal) from the slogan's first mention anywhere to
        its first mention in the row's place: 0 where it started; NaN where undated.
    """
    start = first_mentions.groupby("slogan")["first_date"].transform("min")
    days = (first_mentions["first_date"] - start).dt.days
    return (days / AVERAGE_PERIOD_DAYS["month"]).round(1)
