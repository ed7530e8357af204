"""Property-based tests: random text and random bytes never crash the loaders or lose text."""

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.loading import layout
from analysis.loading.options import LoadOptions
from analysis.loading.page import split_page
from analysis.loading.readers import read_input
from tests.pdf_fixture import FixtureArticle, build_pdf, newspaper_page

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
PUNCT = st.sampled_from(list("，。、：；！？“”（）《》,.:;()0123456789 　"))
words = st.text(st.one_of(CJK, CJK, CJK, PUNCT), min_size=1, max_size=60)
headline = st.text(CJK, min_size=3, max_size=20)
special_lines = st.one_of(
    st.builds(lambda p, n: f"本报{p}讯(通讯员{n})", st.text(CJK, min_size=2, max_size=4), st.text(CJK, min_size=2, max_size=3)),
    st.builds(lambda p, n, rest: f"本报{p}讯(记者{n}){rest}", st.text(CJK, min_size=2, max_size=4), st.text(CJK, min_size=2, max_size=3), words),
    st.just("(接一版)"),
    st.builds(lambda n: f"{n} 摄影报道", st.text(CJK, min_size=2, max_size=3)),
    st.just("本版责编:某某"),
    st.just(""),
)
page_lines = st.lists(st.one_of(words, words, headline, special_lines), min_size=0, max_size=40)
EXAMPLES = int(os.environ.get("GOVTHEMES_HYPOTHESIS_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _content_of_line(line: str) -> tuple[str, str | None]:
    """What of a line must survive in the articles, and any author it names."""
    stripped = line.strip()
    if (dateline := layout.parse_dateline(stripped)) is not None:
        return dateline.rest, dateline.authors
    if layout.parse_continuation(stripped) is not None:
        return layout.strip_continuation(stripped), None
    if (names := layout.parse_photo_credit(stripped)) is not None:
        return "", names
    return stripped, None


@SETTINGS
@given(page_lines)
def test_every_line_of_a_page_ends_in_an_article_or_in_the_report(lines):
    text = "\n".join(lines)
    split = split_page(text)
    reported = {p.line for p in split.skipped}
    kept = _norm("".join((a.kicker or "") + (a.title or "") + a.text for a in split.articles))
    authors = "、".join(a.author or "" for a in split.articles)
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if not line.strip() or number in reported:
            continue
        content, names = _content_of_line(line)
        assert _norm(content) in kept, f"line {number} lost: {line!r}"
        if names:
            assert all(name in authors for name in names.split("、")), f"byline of line {number} lost"


@SETTINGS
@given(st.text(max_size=400))
def test_any_unicode_text_splits_without_error(text):
    split = split_page(text)
    assert all(article.text for article in split.articles)


SUFFIXES = [".txt", ".csv", ".tsv", ".json", ".jsonl", ".md", ".html", ".xlsx", ".parquet", ".zip", ".pdf", ".bin", ""]


@SETTINGS
@given(st.binary(max_size=600), st.sampled_from(SUFFIXES))
def test_random_bytes_in_any_format_give_a_report_never_an_exception(data, suffix):
    articles, report = read_input(f"random{suffix}", data, LoadOptions())
    assert report.status in {"loaded", "partial", "failed"}
    assert report.articles == len(articles)
    assert report.status != "failed" or not articles
    assert report.errors or articles or report.status == "failed"


@SETTINGS
@given(st.lists(st.dictionaries(st.sampled_from(["title", "text", "date", "id", "x"]),
                                st.one_of(st.none(), st.text(max_size=30), st.integers()), max_size=5),
                max_size=8))
def test_random_json_lines_records_are_each_loaded_or_reported(records):
    import json

    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8")
    _articles, report = read_input("records.jsonl", data, LoadOptions())
    if records and any(r for r in records):
        assert report.records == len([r for r in records if r is not None])
        assert report.articles + len([e for e in report.errors if e.line is not None]) == report.records or (
            report.status == "failed" and "no text column" in report.errors[0].message
        )


PDF_TEXT = st.text(st.one_of(CJK, CJK, CJK, CJK, st.sampled_from(list("，。、；“”0123456789"))), min_size=1, max_size=120)
pdf_articles = st.lists(
    st.builds(FixtureArticle, st.text(CJK, min_size=2, max_size=16), st.lists(PDF_TEXT, min_size=1, max_size=4).map(tuple),
              st.one_of(st.none(), st.text(CJK, min_size=2, max_size=10))),
    min_size=1, max_size=4)


@settings(SETTINGS, max_examples=max(10, EXAMPLES // 3))
@given(pdf_articles, st.integers(min_value=1, max_value=4))
def test_every_paragraph_of_a_laid_out_pdf_ends_in_an_article_or_in_the_report(articles, columns):
    # drawn column by column, as layout programs draw; pages drawn row by row are read back
    # by a heuristic for real pages (tests/test_pdf_loading.py), not for every random one
    pdf = build_pdf([newspaper_page(articles, columns=columns)])
    loaded, report = read_input("page.pdf", pdf, LoadOptions())
    assert report.articles == len(loaded)
    kept = _norm("".join((a.kicker or "") + (a.title or "") + a.text for a in loaded))
    left_out = _norm("".join(str(value) for p in report.skipped for value in p.params.values()))
    repeats = {p.line for p in report.skipped if p.code == "layout_repeat"}
    dropped = {p.params["title"] for p in report.skipped if p.code == "repeat_only_article"}
    for article in articles:
        for text in (article.title, article.kicker or "", *article.paragraphs):
            squeezed = _norm(text)
            assert squeezed in kept or squeezed[:30] in left_out or article.title in dropped or (
                repeats and len(squeezed) >= 20 and kept.count(squeezed[:20])), f"lost: {text!r}"


@settings(SETTINGS, max_examples=max(10, EXAMPLES // 3))
@given(st.integers(min_value=0, max_value=10_000), st.binary(min_size=1, max_size=8), st.booleans())
def test_a_damaged_pdf_gives_a_report_never_an_exception(position, noise, truncate):
    pdf = build_pdf([newspaper_page([FixtureArticle("市政协召开常委会议", ("本报讯 会议研究了招商引资工作。",))])])
    position %= len(pdf)
    damaged = pdf[:position] if truncate else pdf[:position] + noise + pdf[position + len(noise):]
    articles, report = read_input("damaged.pdf", damaged, LoadOptions())
    assert report.status in {"loaded", "partial", "failed"}
    assert report.articles == len(articles)
    assert articles or report.errors


continued_article = st.tuples(headline, st.lists(st.text(CJK, min_size=8, max_size=40), min_size=1, max_size=3),
                              st.lists(st.text(CJK, min_size=8, max_size=40), min_size=1, max_size=3))


def _edition(articles: list[tuple[str, list[str], list[str]]], page: int) -> str:
    """Page 1 prints each article's start with 下转第2版, page 2 its rest with 上接第1版."""
    lines = [f"甘肃政协报 2024年6月14日 第{page}版"]
    for title, start, rest in articles:
        body = start if page == 1 else rest
        mark = "（下转第2版）" if page == 1 else "（上接第1版）"
        lines += [title, (mark + "。".join(body) + "。") if page == 2 else "。".join(body) + "。" + mark]
    return "\n".join(lines) + "\n"


@SETTINGS
@given(st.lists(continued_article, min_size=1, max_size=4))
def test_joining_continued_articles_moves_text_between_articles_and_never_loses_or_doubles_any(articles):
    from analysis.loading import load_uploads

    pages = [("20240614-01.txt", _edition(articles, 1).encode()), ("20240614-02.txt", _edition(articles, 2).encode())]
    together = load_uploads(pages)
    apart = [load_uploads([page]) for page in pages]
    joined = [p for r in together.reports for p in r.warnings if p.code == "continuation_joined"]
    n_apart = sum(len(result.articles) for result in apart)
    assert len(together.articles) + len(joined) == n_apart
    if len(articles) == 1:  # one start, one rest: always joined
        assert len(joined) == 1
    assert sum(r.articles for r in together.reports) == len(together.articles)
    text_together = sorted(_norm(line) for text in together.articles["text"] for line in text.split("\n"))
    text_apart = sorted(_norm(line) for result in apart for text in result.articles["text"] for line in text.split("\n"))
    assert text_together == text_apart


GB2312_WORDS = st.sampled_from(["政协", "委员", "会议", "调研", "乡村振兴", "营商环境", "，", "。", "发展", "工作"])
WINDOWS_MARKS = st.sampled_from([(b"\x93", "“"), (b"\x94", "”"), (b"\x97", "—"), (b"\x85", "…"), (b"\x91", "‘")])


@SETTINGS
@given(st.lists(st.one_of(GB2312_WORDS, GB2312_WORDS, GB2312_WORDS, WINDOWS_MARKS), min_size=6, max_size=80)
       # a mark at least (委员 alone is valid UTF-8), and words: eight marks alone may read as UTF-16
       .filter(lambda pieces: any(isinstance(p, tuple) for p in pieces) and sum(isinstance(p, str) for p in pieces) > 3),
       st.lists(st.integers(min_value=0, max_value=80), max_size=3))
def test_gbk_text_with_windows_marks_or_nul_bytes_decodes_to_its_text_or_is_refused_never_garbled(pieces, nuls):
    from analysis.loading.encoding import DecodingError, decode_bytes

    data = b"".join(p.encode("gbk") if isinstance(p, str) else p[0] for p in pieces)
    expected = "".join(p if isinstance(p, str) else p[1] for p in pieces)
    for position in sorted(nuls, reverse=True):
        data = data[:position] + b"\x00" + data[position:]
    try:
        decoded = decode_bytes(data)
    except DecodingError:
        return
    assert decoded.text == expected


TRADITIONAL_WORDS = st.sampled_from(["立法會", "區議會", "經濟發展", "政府工作報告", "議員們", "選舉", "環境衛生", "審議",
                                     "撥款", "財務委員會", "社區", "區域協調", "應當", "運輸", "這", "，", "。", "\n"])


@SETTINGS
@given(st.lists(TRADITIONAL_WORDS, min_size=1, max_size=40), st.sampled_from(["gbk", "gb18030", "big5"]))
def test_traditional_text_in_gbk_or_big5_decodes_to_its_text_or_is_refused_never_garbled(pieces, encoding):
    from analysis.loading.encoding import DecodingError, decode_bytes

    text = "".join(pieces)
    try:
        decoded = decode_bytes(text.encode(encoding))
    except DecodingError:
        return
    assert decoded.text == text


sentence = st.text(st.one_of(CJK, CJK, CJK, st.sampled_from(list("，、0123456789"))), min_size=1, max_size=40).map(
    lambda words: words + "。")
run_on_article = st.tuples(headline, st.text(CJK, min_size=2, max_size=4), st.lists(sentence, min_size=1, max_size=4))


@SETTINGS
@given(st.lists(run_on_article, min_size=1, max_size=5, unique_by=lambda article: "".join(article[2])),
       st.sampled_from(["", " ", "\u3000"]))
def test_a_page_pasted_on_one_line_gives_each_dated_article_its_title_and_text(articles, joiner):
    text = joiner.join(f"{title}{joiner}本报{place}讯{''.join(body)}" for title, place, body in articles)
    split = split_page(text)
    assert [(a.title, a.text) for a in split.articles] == [(title, "".join(body)) for title, _, body in articles]
    assert split.skipped == []  # no repeats: each text is its own
    assert [(p.code, p.params["n_datelines"]) for p in split.warnings] == [("page_without_line_breaks", len(articles))]
