"""The store on a tiny hand-made corpus: every number can be counted by hand."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from analysis.schema import build_articles
from analysis.slogans import find_slogans
from analysis.store import Filters, StoreError, content_hash, open_store
from analysis.store.schema import repeated_articles
from analysis.themes import match_themes

GANSU = {"province": "甘肃省", "province_code": "620000"}
LANZHOU = {**GANSU, "prefecture": "兰州市", "prefecture_code": "620100"}
LINXIA = {**GANSU, "prefecture": "临夏回族自治州", "prefecture_code": "622900"}


def article(doc_id, title, text, date, outlet, place=None, **extra):
    place = place or {}
    return {"doc_id": doc_id, "title": title, "text": text, "date": date, "date_source": "text",
            "outlet": outlet, "source": f"test://{doc_id}", **place, **extra}


TINY = build_articles([
    article("t1", "兰州市政协召开协商会议", "会议围绕乡村振兴开展协商。委员建议加强乡村振兴。", "2024-01-05", "甲报",
            {**LANZHOU, "adcode": "620100", "locality": "兰州市"}),
    article("t2", "城关区政协视察", "委员视察城关区社区治理。", "2024-01-20", "甲报",
            {**LANZHOU, "adcode": "620102", "locality": "城关区", "county": "城关区", "county_code": "620102"}),
    article("t3", "临夏州政协调研", "调研组围绕“三抓三促”行动开展调研。推进乡村振兴。", "2024-02-10", "乙报",
            {**LINXIA, "adcode": "622900", "locality": "临夏回族自治州"}),
    article("t4", "和政县政协常委会", "常委会会议听取乡村振兴情况通报。", "2024-03-01", "乙报",
            {**LINXIA, "adcode": "622925", "locality": "和政县", "county": "和政县", "county_code": "622925"}),
    article("t5", None, "省政协召开会议。", None, "甲报"),
])
"""Tokens (content terms): t1 兰州 协商会议 乡村振兴 协商 乡村振兴 (13 word tokens), t2 城关 委员视察
城关区 社区治理 (6), t3 临夏 三抓三促 行动 开展调研 乡村振兴 (10), t4 和政县 政协常委会 常委会
乡村振兴 情况通报 (6), t5 none (3): 38 word tokens in all."""


@pytest.fixture(scope="module")
def store():
    store = open_store(None)
    store.ingest(TINY, workers=1)
    yield store
    store.close()


@pytest.mark.parametrize(("f", "expected"), [
    (Filters(), 5),
    (Filters(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 1, 31)), 2),
    (Filters(date_from=dt.date(2024, 1, 6)), 3),
    (Filters(level="prefecture", places=("620100",)), 2),
    (Filters(level="prefecture", places=("620100", "622900")), 4),
    (Filters(level="county", places=("622925",)), 1),
    (Filters(level="province", places=("620000",)), 4),
    (Filters(outlets=("乙报",)), 2),
    (Filters(search="乡村振兴"), 3),
    (Filters(search="城关区"), 1),
    (Filters(search="乡村振兴 协商"), 1),  # both words: t1
    (Filters(search="协商|常委会"), 2),  # either: t1, t4
    (Filters(search="乡村振兴 -调研"), 2),  # not 调研: t1, t4
    (Filters(search="政协 -乡村振兴|城关"), 1),  # neither excluded word: t5 (no title, 省政协)
    (Filters(search="-"), 5),  # a bare mark asks for nothing
    (Filters(search="乡村振兴", level="prefecture", places=("620100",)), 1),
    (Filters(date_from=dt.date(2024, 1, 15), outlets=("乙报",)), 2),
    (Filters(date_from=dt.date(2024, 1, 15), outlets=("乙报",), search="常委会"), 1),
    (Filters(date_from=dt.date(2024, 3, 2), date_to=dt.date(2024, 1, 1)), 0),
])
def test_filters_combine_with_and_across_fields_and_or_within(store, f, expected):
    assert store.count_articles(f) == expected
    assert len(store.list_articles(f)) == expected


def test_summary_counts_places_outlets_and_characters(store):
    summary = store.summary()
    assert summary == {
        "articles": 5, "first_date": pd.Timestamp("2024-01-05"), "last_date": pd.Timestamp("2024-03-01"),
        "days": 57, "provinces": 1, "prefectures": 2, "counties": 2, "localities": 4, "outlets": 2,
        "characters": int(TINY["text"].str.len().sum()), "tokens": 38,
    }


def test_articles_over_time_and_by_place(store):
    months = store.articles_over_time(period="month")
    assert months["period"].dt.strftime("%Y-%m").tolist() == ["2024-01", "2024-02", "2024-03"]
    assert months["n_articles"].tolist() == [2, 1, 1]
    places = store.articles_by_place(Filters(outlets=("甲报",)), level="prefecture")
    assert places.values.tolist() == [["620100", "兰州市", 2], ["622900", "临夏回族自治州", 0]]
    assert store.articles_by_place(level="county")["n_articles"].tolist() == [1, 1]


def test_term_counts_are_hand_counted(store):
    terms = store.term_counts(top=3)
    assert terms.iloc[0].to_dict() == {"term": "乡村振兴", "frequency": 4, "docfreq": 3,
                                       "rate_per_10k": pytest.approx(4 / 38 * 10_000), "rank": 1}
    assert terms.attrs["total_tokens"] == 38
    assert store.total_tokens(Filters(level="prefecture", places=("622900",))) == 16
    county = store.term_counts(Filters(level="county", places=("620102",)), top=None)
    assert sorted(county["term"]) == sorted(["城关", "委员视察", "城关区", "社区治理"])
    assert county["frequency"].tolist() == [1, 1, 1, 1]


def test_kwic_slogans_and_keyness(store):
    assert len(store.kwic(term="乡村振兴")) == 4
    assert store.kwic(term="乡村振兴", window=2).iloc[0][["left", "match", "right"]].tolist() == ["围绕", "乡村振兴", "开展"]
    slogans = store.slogans()
    assert slogans[["slogan", "n_mentions", "n_articles", "groups"]].values.tolist() == [
        ["三抓三促", 1, 1, ["临夏回族自治州"]]]
    keyness = store.keyness(level="prefecture", target_adcode="622900", min_frequency=1, top=None)
    assert keyness["target_total"].unique().tolist() == [16]
    assert keyness["reference_total"].unique().tolist() == [22]
    assert set(keyness["term"]) == {"临夏", "三抓三促", "行动", "开展调研", "和政县", "政协常委会", "常委会", "情况通报",
                                   "乡村振兴"}  # 2 in 16 tokens against 2 in 22


def test_a_bare_quotation_is_a_slogan_or_not_in_the_whole_store_whatever_the_filter():
    # Written for this test: “花开岭上” quoted once, “跨村联建” once in each prefecture.
    texts = {"s1": ("开展“花开岭上”展演，推进“跨村联建”。", LANZHOU), "s2": ("深化“跨村联建”，落实“三抓三促”。", LINXIA)}
    rows = [article(key, "", text, "2024-01-05", "甲报", place) for key, (text, place) in texts.items()]
    with open_store(None) as store:
        store.ingest(build_articles(rows), workers=1)
        tables = [store.slogans(f) for f in (Filters(), Filters(level="prefecture", places=("620100",)))]
        mentions = find_slogans(build_articles(rows), tokenizer=store.analyzer.tokenizer)
    assert tables[0][["slogan", "n_mentions"]].values.tolist() == [["跨村联建", 2], ["三抓三促", 1]]
    assert set(mentions["slogan"]) == set(tables[0]["slogan"])  # the rule of find_slogans
    # in 兰州 alone 跨村联建 is quoted once, and still the slogan it is in the store (it was
    # left out when the rule counted the filtered articles); 花开岭上 stays out
    assert tables[1][["slogan", "n_mentions", "groups"]].values.tolist() == [["跨村联建", 1, ["兰州市"]]]


def test_theme_hits_are_recomputed_for_one_article(store):
    hits = store.theme_hits("t1")
    expected = match_themes(TINY[TINY["doc_id"] == "t1"], themes=store.themes)
    assert hits.to_dict("records") == expected[["theme", "term", "sentence_index", "sentence", "start"]].to_dict(
        "records")
    record = store.get_article("t3")
    assert record["title"] == "临夏州政协调研"
    assert record["date"] == pd.Timestamp("2024-02-10")
    assert record["county"] is None
    assert record["content_hash"] == content_hash("临夏州政协调研", TINY.loc[2, "text"])
    with pytest.raises(KeyError, match="nope"):
        store.get_article("nope")


def test_options_list_what_the_sidebar_needs(store):
    options = store.options()
    assert (options["date_min"], options["date_max"]) == (pd.Timestamp("2024-01-05"), pd.Timestamp("2024-03-01"))
    assert options["outlets"] == ["乙报", "甲报"]
    assert options["places"]["prefecture"].values.tolist() == [["620100", "兰州市", "620000"],
                                                              ["622900", "临夏回族自治州", "620000"]]
    assert options["places"]["county"]["parent"].tolist() == ["620100", "622900"]
    assert options["located"] == {"province": 4, "prefecture": 4, "county": 2}  # t5 names no place
    assert options["themes"][: len(store.themes.ids)] == list(store.themes.ids)


EMPTY = Filters(search="没有这个词")


@pytest.mark.parametrize(("query", "columns"), [
    (lambda s: s.articles_over_time(EMPTY, period="week"), ["period", "n_articles"]),
    (lambda s: s.term_counts(EMPTY), ["term", "frequency", "docfreq", "rate_per_10k", "rank"]),
    (lambda s: s.keyness(EMPTY, level="county", target_adcode="620102"),
     ["term", "target_frequency", "reference_frequency", "target_total", "reference_total", "g2", "log_ratio",
      "p_value", "direction"]),
    (lambda s: s.theme_counts(EMPTY, by="county", period="month"),
     ["group", "period", "theme", "n_articles", "share", "n_hits", "group_articles", "group_code"]),
    (lambda s: s.cooccurrence(EMPTY), ["term_a", "term_b", "n_articles", "pmi", "npmi"]),
    (lambda s: s.slogans(EMPTY), ["slogan", "n_mentions", "n_articles", "first_date", "last_date", "n_groups",
                                  "groups"]),
    (lambda s: s.list_articles(EMPTY), ["doc_id", "date", "title", "lead", "locality", "outlet", "themes"]),
    (lambda s: s.kwic(EMPTY, "协商"), ["doc_id", "field", "left", "match", "right", "position"]),
    (lambda s: s.tokens_table(EMPTY), ["doc_id", "terms", "n_tokens", "dict_version"]),
])
def test_empty_results_are_empty_tables_with_their_columns(store, query, columns):
    table = query(store)
    assert table.empty
    assert list(table.columns) == columns


def test_empty_results_of_counts_are_zeros(store):
    assert store.count_articles(EMPTY) == 0
    assert store.summary(EMPTY)["articles"] == 0
    assert store.summary(EMPTY)["first_date"] is None
    assert store.articles_by_place(EMPTY, level="prefecture")["n_articles"].tolist() == [0, 0]


def test_an_empty_store_answers_every_query():
    with open_store(None) as empty:
        assert empty.count_articles() == 0
        assert empty.term_counts().empty
        assert empty.theme_counts(by="prefecture", period="month").empty
        assert empty.options()["date_min"] is None


def test_content_hash_depends_on_title_and_text_only():
    assert content_hash("标题", "正文") == content_hash("标题", "正文")
    assert content_hash("标题", "正文") != content_hash("标题2", "正文")
    assert content_hash(None, "正文") == content_hash("", "正文") != content_hash("正文", "")
    assert len(content_hash("标题", "正文")) == 32


def test_filters_check_their_fields():
    with pytest.raises(ValueError, match="need a level"):
        Filters(places=("620100",))
    with pytest.raises(ValueError, match="level must be"):
        Filters(level="township", places=("620100",))
    f = Filters(places=["620100"], level="prefecture", themes=["water"], search="")
    assert f.places == ("620100",) and f.themes == ("water",) and f.search is None
    assert hash(f) == hash(Filters(level="prefecture", places=("620100",), themes=("water",)))


def test_a_store_exports_its_tables_as_parquet(store, tmp_path):
    folder = store.export_parquet(tmp_path / "export")
    assert (folder / "articles.parquet").exists() and (folder / "doc_terms.parquet").exists()
    imported = duckdb.connect()
    imported.execute(f"IMPORT DATABASE '{folder.as_posix()}'")
    assert imported.execute("SELECT count(*) FROM articles").fetchone() == (5,)


def test_a_store_on_disk_reopens_read_only(tmp_path):
    with open_store(tmp_path / "store") as store:
        store.ingest(TINY, workers=1)
    with open_store(tmp_path / "store", read_only=True) as store:
        assert store.count_articles(Filters(search="乡村振兴")) == 3
        assert store.count_articles(Filters(search="委员")) == 2
        with pytest.raises(StoreError, match="read-only"):
            store.ingest(TINY, workers=1)
    with pytest.raises(StoreError, match="not a store") as refused:
        open_store(tmp_path / "elsewhere", read_only=True)
    assert refused.value.code == "store_missing" and "不是已建好的库" in refused.value.render("zh")


def test_repeated_articles_names_what_ingest_counts_once_and_the_article_kept():
    articles = pd.DataFrame({
        "doc_id": ["a", "b", "c", "a", "d"],
        "title": ["T", "T", "U", "V", "U"],
        "text": ["x", "x", "y", "z", "y"],
        "source": ["f1", "f1b", "f2", "f3", "f4"],
    })
    repeated = repeated_articles(articles)
    assert repeated[["doc_id", "same_as", "reason", "source", "same_as_source"]].values.tolist() == [
        ["b", "a", "text", "f1b", "f1"], ["a", "a", "doc_id", "f3", "f1"], ["d", "c", "text", "f4", "f2"]]
    assert repeated.index.tolist() == [1, 3, 4]  # positions in the input
    with open_store(None) as store:
        summary = store.ingest(articles, workers=1)
        assert store.count_articles() == len(articles) - len(repeated)
        assert summary.duplicates == 3
        assert summary.repeats[["doc_id", "same_as", "reason"]].values.tolist() == [
            ["b", "a", "text"], ["a", "a", "doc_id"], ["d", "c", "text"]]
    assert repeated_articles(articles.iloc[:0]).empty
    assert repeated_articles(articles.iloc[[0, 2]]).empty
