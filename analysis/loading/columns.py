"""Recognise the columns of an exported article table by their common names.

Exports name their columns in Chinese or English (标题/title, 正文/内容/content, 发布时间/
pub_date…), sometimes nested (``video_detail.content``). Each field of the articles table
has a list of names it is known by, tried in order: an exact match of the whole column
name first, then a match of the last dotted component; a name in traditional characters
(標題, 內容) matches its simplified form. ``--columns`` maps columns
explicitly and always wins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from analysis.messages import CodedError
from analysis.report import Problem

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("正文", "内容", "全文", "文本", "正文内容", "新闻内容", "文章内容", "新闻正文",
             "content", "text", "full_text", "fulltext", "body", "article", "article_text",
             "detail", "详情"),
    "title": ("标题", "题目", "新闻标题", "文章标题", "主标题", "篇名", "title", "headline",
              "video_title", "subject"),
    "kicker": ("引题", "肩题", "kicker", "overline"),
    "date": ("日期", "发布时间", "发布日期", "时间", "刊发日期", "出版日期", "见报日期", "刊期",
             "date", "pub_date", "publish_date", "pubdate", "published", "published_at",
             "pubtime", "publish_time", "datetime", "time", "created_at", "发表时间", "发表日期",
             "发文日期", "成文日期", "时间戳", "timestamp", "ctime"),
    "year": ("年份", "年度", "year"),
    "outlet": ("来源", "媒体", "报纸", "报刊", "出处", "刊物", "网站", "source", "outlet", "media",
               "publisher", "newspaper", "site", "paper"),
    "author": ("作者", "记者", "通讯员", "撰稿", "author", "authors", "byline", "reporter"),
    "id": ("id", "编号", "文章id", "文章编号", "doc_id", "docid", "article_id", "guid", "uuid"),
    "url": ("url", "链接", "网址", "link", "source_url", "href", "video_url"),
    "province": ("省份", "省", "省级", "province"),
    "prefecture": ("市", "城市", "地市", "市州", "city", "prefecture"),
    "county": ("县", "区县", "县区", "county", "district"),
    "page": ("版次", "版面", "版号", "page"),
}
"""Names each field is known by, in order of preference."""

FIELDS = tuple(FIELD_ALIASES)


class ColumnMappingError(CodedError, ValueError):
    """An explicit ``--columns`` mapping is malformed or names an unknown field (``code`` says which)."""


def _key(name: str) -> str:
    """A column name as compared with the names known: case, spaces, ``_`` and ``-`` aside, in simplified."""
    return re.sub(r"[\s_\-]+", "", _simplified(str(name).strip().lower()))


def _simplified(name: str) -> str:
    """``name`` in simplified characters when it holds one GB2312 lacks (標題 → 标题, 內容 → 内容).

    A table in traditional characters (a Big5 export) names its columns so; the names known
    are simplified. Simplified names, nearly all in GB2312, are left alone, and the converter
    is not even loaded for them.
    """
    try:
        name.encode("gb2312")
    except UnicodeEncodeError:
        from analysis.loading.traditional import to_simplified

        return to_simplified(name)
    return name


@dataclass(frozen=True)
class ColumnMap:
    """Which input column feeds which field (fields absent from the map are not present)."""

    columns: Mapping[str, str]

    def get(self, field: str) -> str | None:
        """The input column for ``field``, or None."""
        return self.columns.get(field)


def parse_column_mapping(spec: str | None) -> dict[str, str]:
    """Parse ``--columns``: ``"标题列=title,正文列=text"`` or a JSON object.

    Returns:
        ``{input column: field}``.

    Raises:
        ColumnMappingError: naming the bad pair or unknown field and listing valid fields.
    """
    if not spec:
        return {}
    if spec.lstrip().startswith("{"):
        try:
            pairs = json.loads(spec)
        except json.JSONDecodeError as exc:
            raise ColumnMappingError("columns_not_json", json_error=exc.msg) from exc
        items = list(pairs.items())
    else:
        items = []
        for part in filter(None, (p.strip() for p in re.split(r"[,，;]", spec))):
            source, sep, field = part.partition("=")
            if not sep or not source.strip() or not field.strip():
                raise ColumnMappingError("columns_bad_entry", entry=part)
            items.append((source.strip(), field.strip()))
    mapping: dict[str, str] = {}
    for source, field in items:
        if not isinstance(field, str) or field not in FIELD_ALIASES:
            raise ColumnMappingError("columns_unknown_field", column=source, field=field,
                                     fields=", ".join(FIELDS))
        first = next((column for column, taken in mapping.items() if taken == field), None)
        if first is not None:  # the later would win without a word
            raise ColumnMappingError("columns_field_twice", field=field, first=first, second=source)
        mapping[str(source)] = field
    return mapping


def recognise_columns(
    columns: Iterable[str], explicit: Mapping[str, str] | None = None
) -> ColumnMap:
    """Decide which column feeds each field.

    Args:
        columns: the input's column names (dotted for nested JSON).
        explicit: ``{input column: field}`` from ``--columns``; columns it names that the
            input does not have are ignored here (the caller reports them).

    Returns:
        The column map.
    """
    names = list(columns)
    chosen: dict[str, str] = {}
    for source, field in (explicit or {}).items():
        if source in names:
            chosen[field] = source
    taken = set(chosen.values())
    exact = {_key(n): n for n in reversed(names)}
    last = {_key(n.rsplit(".", 1)[-1]): n for n in reversed(names)}
    for field, aliases in FIELD_ALIASES.items():
        if field in chosen:
            continue
        for table in (exact, last):
            match = next((table[_key(a)] for a in aliases if _key(a) in table
                          and table[_key(a)] not in taken), None)
            if match is not None:
                chosen[field] = match
                taken.add(match)
                break
    return ColumnMap(chosen)


def missing_text_params(columns: Iterable[str]) -> dict[str, str]:
    """The values of the ``no_text_column`` message: the columns found and the names expected."""
    shown = ", ".join(repr(c) for c in list(columns)[:15]) or "none"
    expected = "/".join((*FIELD_ALIASES["text"][:4], "content", "text"))
    return {"columns": shown, "expected": expected}


Records = list[tuple[int, dict[str, Any]]]
"""A table's ``(number, record)`` pairs."""
MIN_TEXT_CHARS = 20
"""A cell this long, with words, is text, where a title, date or name is shorter (:func:`text_elsewhere`)."""


def text_elsewhere(records: Records, colmap: ColumnMap) -> Problem | None:
    """A hint when the text column is empty in every record while another column holds text.

    Args:
        records: the table's ``(number, record)`` pairs.
        colmap: the columns chosen for the fields.

    Returns:
        ``text_column_empty`` naming the column that holds the most running text, or None
        when the text column holds something or no other column holds running text.
    """
    text_column = colmap.get("text")
    if text_column is None or any(_is_text(record.get(text_column)) for _, record in records):
        return None
    other = running_text_column(records, besides=set(colmap.columns.values()))
    return None if other is None else Problem.of("text_column_empty", column=text_column, other=other)


def missing_text_column(records: Records, columns: Iterable[str]) -> Problem:
    """Why a table with no text column by name cannot be read, and what to do.

    ``text_column_unnamed`` when a column holds running text (often a table with no header
    row, its first article read as the column names), else ``no_text_column``.
    """
    column = running_text_column(records)
    if column is not None:
        return Problem.of("text_column_unnamed", column=column)
    return Problem.of("no_text_column", **missing_text_params(columns))


def running_text_column(records: Records, *, besides: Collection[str] = ()) -> str | None:
    """The column (none of ``besides``, the columns of other fields) with the most running text, or None."""
    lengths: dict[str, int] = {}
    for _, record in records:
        for column, value in record.items():
            if column not in besides and _reads_as_text(value):
                lengths[column] = lengths.get(column, 0) + len(value)
    return max(lengths, key=lengths.__getitem__) if lengths else None


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


_WORDS = re.compile(r"[\u4e00-\u9fff]{5}|(?:[A-Za-z]+\s+){3}")


_SENTENCE_END = re.compile(r"[。！？!?]|\.(?:\s|$)")


def _reads_as_text(value: Any) -> bool:
    """Whether a cell holds running text: long, words (Chinese, or Latin between spaces), a sentence's end.

    A headline or a name has no sentence's end; an address has ``://``.
    """
    return (_is_text(value) and len(value.strip()) >= MIN_TEXT_CHARS and "://" not in value
            and _WORDS.search(value) is not None and _SENTENCE_END.search(value) is not None)
