"""Every store query gives the same table as the pure functions of analysis/ on the same articles.

The store answers from pre-aggregations where it can and from per-article tables
otherwise; each comparison runs both ways (``fresh`` and ``stale`` pre-aggregations).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from analysis.cooccurrence import count_cooccurrence
from analysis.demo import generate_demo_articles
from analysis.keyness import compute_keyness
from analysis.keywords import count_keywords
from analysis.kwic import kwic
from analysis.slogans import find_slogans, first_mentions, summarize_slogans
from analysis.store import Filters, open_store
from analysis.themes import assign_themes, count_themes, score_themes
from analysis.tokenize import tokenize_articles

FILTERS = {
    "all": Filters(),
    "partial months": Filters(date_from=dt.date(2023, 3, 15), date_to=dt.date(2024, 2, 10)),
    "whole months": Filters(date_from=dt.date(2023, 4, 1), date_to=dt.date(2023, 6, 30)),
    "open start": Filters(date_to=dt.date(2023, 9, 17)),
    "open end": Filters(date_from=dt.date(2024, 11, 2)),
    "within a month": Filters(date_from=dt.date(2024, 5, 3), date_to=dt.date(2024, 5, 27)),
    "prefecture": Filters(level="prefecture", places=("620100", "622900")),
    "county and dates": Filters(level="county", places=("620102", "622925", "620502"),
                                date_from=dt.date(2023, 6, 2), date_to=dt.date(2025, 1, 1)),
    "theme": Filters(themes=("consultation",)),
    "two themes and a prefecture": Filters(themes=("ecology", "water"), level="prefecture", places=("620100",)),
    "search": Filters(search="乡村振兴"),
    "everything": Filters(date_from=dt.date(2023, 2, 10), date_to=dt.date(2025, 3, 3), level="province",
                          places=("620000",), themes=("consultation", "member_duties"),
                          outlets=("甘肃政协报（合成演示数据）",), search="委员"),
    "nothing": Filters(date_from=dt.date(2024, 5, 1), date_to=dt.date(2024, 4, 1)),
}


@pytest.fixture(scope="module")
def corpus():
    articles = generate_demo_articles(400, seed=3)
    store = open_store(None)
    store.ingest(articles, workers=1)
    store.rebuild_aggregates()  # a store this small keeps none unless asked: the modes compare both
    tokens = tokenize_articles(articles, tokenizer=store.analyzer.tokenizer)
    scores = score_themes(articles, themes=store.themes)
    articles = articles.assign(themes=assign_themes(articles, themes=store.themes))
    yield store, articles, tokens, scores
    store.close()


@pytest.fixture(params=["fresh", "stale"])
def mode(request, corpus):
    store = corpus[0]
    store._db.con.execute("UPDATE meta SET value = ? WHERE key = 'aggregates'", [request.param])
    store._db.forget_state()
    yield request.param
    store._db.con.execute("UPDATE meta SET value = 'fresh' WHERE key = 'aggregates'")
    store._db.forget_state()


def select(articles: pd.DataFrame, f: Filters) -> pd.Series:
    """Which articles pass ``f``, computed with pandas."""
    keep = pd.Series(True, index=articles.index)
    if f.date_from is not None:
        keep &= articles["date"] >= pd.Timestamp(f.date_from)
    if f.date_to is not None:
        keep &= articles["date"] <= pd.Timestamp(f.date_to)
    if f.places:
        keep &= articles[f"{f.level}_code"].isin(f.places)
    if f.outlets:
        keep &= articles["outlet"].isin(f.outlets)
    if f.themes:
        keep &= articles["themes"].map(lambda themes: bool(set(themes) & set(f.themes)))
    if f.search:
        keep &= articles["title"].fillna("").str.contains(f.search, regex=False) | articles["text"].str.contains(
            f.search, regex=False)
    return keep.fillna(False).astype(bool)


@pytest.mark.parametrize("name", FILTERS)
def test_counts_and_terms_match_the_pure_functions(corpus, mode, name):
    store, articles, tokens, _ = corpus
    f = FILTERS[name]
    keep = select(articles, f).to_numpy()
    assert store.count_articles(f) == keep.sum()
    expected = count_keywords(tokens[keep].reset_index(drop=True))
    expected = expected.drop(columns=["group", "tfidf"]).reset_index(drop=True)
    got = store.term_counts(f, top=None)
    assert_frame_equal(got, expected, check_dtype=False)
    assert got.attrs["total_tokens"] == tokens.loc[keep, "n_tokens"].sum()


@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize(("by", "period"), [(None, None), ("prefecture", "month"), ("county", "quarter"),
                                            ("outlet", "year")])
def test_theme_counts_match_count_themes(corpus, mode, name, by, period):
    store, articles, _, scores = corpus
    f = FILTERS[name]
    keep = select(articles, replace(f, themes=()))  # shares are among all articles, whatever the theme filter
    chosen = articles[keep.to_numpy()]
    expected = count_themes(chosen, by=by, period=period, themes=store.themes,
                            scores=scores[scores["doc_id"].isin(chosen["doc_id"])])
    got = store.theme_counts(f, by=by, period=period)
    assert_frame_equal(got.drop(columns="group_code"), expected, check_dtype=False)


@pytest.mark.parametrize("name", ["all", "partial months", "theme", "search"])
def test_keyness_matches_compute_keyness(corpus, mode, name):
    store, articles, tokens, _ = corpus
    f = FILTERS[name]
    keep = select(articles, f).to_numpy()
    expected = compute_keyness(tokens[keep], articles=articles[keep], by="prefecture", target="临夏回族自治州")
    got = store.keyness(f, level="prefecture", target_adcode="622900", top=None)
    assert_frame_equal(got, expected, check_dtype=False)


@pytest.mark.parametrize("name", ["all", "partial months", "theme", "search"])
def test_period_keyness_matches_compute_keyness_of_a_quarter_against_the_quarters_before(corpus, mode, name):
    store, articles, tokens, _ = corpus
    f = FILTERS[name]
    dates = articles.loc[select(articles, f).to_numpy(), "date"].dropna().sort_values()
    quarter = dates.iloc[len(dates) // 2].to_period("Q")
    start, end = quarter.start_time.date(), quarter.end_time.date()
    keep = (select(articles, f) & (articles["date"] <= pd.Timestamp(end))).to_numpy()
    expected = compute_keyness(tokens[keep], articles=articles[keep], by="quarter", target=str(quarter))
    got = store.period_keyness(f, start=start, end=end, top=None)
    assert_frame_equal(got, expected, check_dtype=False)
    assert len(expected) > 0 and store.period_keyness(f, start=dates.iloc[0].date(), end=end).empty


@pytest.mark.parametrize("name", ["all", "partial months", "prefecture", "theme", "search", "nothing"])
def test_cooccurrence_matches_count_cooccurrence(corpus, mode, name):
    store, articles, tokens, _ = corpus
    keep = select(articles, FILTERS[name]).to_numpy()
    expected = count_cooccurrence(tokens[keep].reset_index(drop=True), top=25, min_count=2)
    assert_frame_equal(store.cooccurrence(FILTERS[name], top=25, min_count=2), expected, check_dtype=False)


@pytest.mark.parametrize("name", ["all", "county and dates", "theme", "nothing"])
def test_slogans_match_summarize_slogans(corpus, name):
    store, articles, _, _ = corpus
    chosen = articles[select(articles, FILTERS[name]).to_numpy()]
    mentions = find_slogans(chosen, tokenizer=store.analyzer.tokenizer)
    expected = summarize_slogans(mentions, articles=chosen, by="prefecture")
    assert_frame_equal(store.slogans(FILTERS[name]), expected, check_dtype=False)


@pytest.mark.parametrize("by", ["prefecture", "county"])
@pytest.mark.parametrize("name", ["all", "county and dates", "theme", "nothing"])
def test_slogan_spread_matches_first_mentions(corpus, name, by):
    store, articles, _, _ = corpus
    chosen = articles[select(articles, FILTERS[name]).to_numpy()]
    mentions = find_slogans(chosen, tokenizer=store.analyzer.tokenizer)
    followed = tuple(store.slogans().head(4)["slogan"])
    expected = first_mentions(mentions, articles=chosen, slogans=followed, by=by)
    assert_frame_equal(store.slogan_spread(FILTERS[name], slogans=followed, by=by), expected, check_dtype=False)
    if name == "all":
        assert len(expected) >= 4, "the corpus lets the comparison mean something"


@pytest.mark.parametrize("name", ["all", "prefecture", "search", "nothing"])
def test_kwic_and_tokens_match(corpus, name):
    store, articles, tokens, _ = corpus
    keep = select(articles, FILTERS[name]).to_numpy()
    ordered = articles[keep].sort_values("date", kind="stable", na_position="last")
    assert_frame_equal(store.kwic(FILTERS[name], "协商", window=8, limit=30), kwic(ordered, "协商", window=8, limit=30))
    expected = tokens[keep].reset_index(drop=True)
    assert_frame_equal(store.tokens_table(FILTERS[name]), expected, check_dtype=False)


def test_articles_table_round_trips(corpus):
    store, articles, _, _ = corpus
    assert_frame_equal(store.articles_table(), articles, check_dtype=False, check_categorical=False)


@pytest.mark.parametrize("period", ["day", "week", "month", "quarter", "year"])
def test_articles_over_time_counts_every_period(corpus, mode, period):
    store, articles, _, _ = corpus
    f = FILTERS["partial months"]
    dates = articles.loc[select(articles, f).to_numpy(), "date"]
    freq = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}[period]
    expected = dates.dt.to_period(freq).dt.start_time.value_counts()
    got = store.articles_over_time(f, period=period)
    assert got["n_articles"].sum() == len(dates)
    assert got[got["n_articles"] > 0].set_index("period")["n_articles"].to_dict() == expected.to_dict()
    assert got["period"].is_monotonic_increasing


def test_articles_by_place_lists_every_place_of_the_level(corpus, mode):
    store, articles, _, _ = corpus
    f = FILTERS["county and dates"]
    got = store.articles_by_place(f, level="prefecture")
    assert set(got["adcode"]) == set(articles["prefecture_code"].dropna())
    chosen = articles[select(articles, f).to_numpy()]
    counts = chosen["prefecture_code"].value_counts()
    assert got.set_index("adcode")["n_articles"].to_dict() == {
        code: int(counts.get(code, 0)) for code in got["adcode"]}


def test_list_articles_pages_newest_first_a_day_s_in_the_order_loaded(corpus):
    store, articles, _, _ = corpus
    f = FILTERS["prefecture"]
    first, second = store.list_articles(f, limit=10), store.list_articles(f, limit=10, offset=10)
    both = pd.concat([first, second], ignore_index=True)
    chosen = articles[select(articles, f).to_numpy()].sort_values("date", ascending=False, kind="stable")
    assert both["doc_id"].tolist() == chosen["doc_id"].head(20).tolist()
    assert both["themes"].tolist() == chosen["themes"].head(20).tolist()
