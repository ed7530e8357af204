"""Grouping helpers: period labels and which group each article is in."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.periods import assign_groups, label_periods, suggested_period
from analysis.schema import build_articles


def plain(values):
    """Values as a list with None for missing (string columns hold NaN for NA)."""
    return [None if pd.isna(v) else v for v in values]


DATES = pd.Series(["2024-06-14", "2024-12-30", None, "2023-01-01", "2024-04-01"])


@pytest.mark.parametrize(
    ("period", "labels"),
    [
        ("year", ["2024", "2024", None, "2023", "2024"]),
        ("quarter", ["2024Q2", "2024Q4", None, "2023Q1", "2024Q2"]),
        ("month", ["2024-06", "2024-12", None, "2023-01", "2024-04"]),
        # ISO weeks: 2024-12-30 is in week 1 of ISO year 2025, 2023-01-01 in week 52 of 2022
        ("week", ["2024-W24", "2025-W01", None, "2022-W52", "2024-W14"]),
    ],
)
def test_label_periods(period, labels):
    out = label_periods(DATES, period=period)
    assert plain(out) == labels
    assert pd.api.types.is_string_dtype(out)


def test_label_periods_keeps_the_index_and_refuses_unknown_periods():
    dates = pd.Series(["2024-01-05"], index=[7])
    assert label_periods(dates, period="year").index.tolist() == [7]
    with pytest.raises(ValueError, match="period must be one of"):
        label_periods(dates, period="decade")  # type: ignore[arg-type]


@pytest.fixture
def articles():
    return build_articles(
        [
            {"doc_id": "a", "text": "甲", "source": "t", "province": "甘肃省",
             "prefecture": "临夏回族自治州", "county": "永靖县", "date": "2024-06-14",
             "themes": ["生态", "乡村", "生态"]},
            {"doc_id": "b", "text": "乙", "source": "t", "province": "甘肃省",
             "prefecture": "酒泉市", "date": "2024-07-01", "themes": []},
            {"doc_id": "c", "text": "丙", "source": "t", "themes": None},
        ]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("by", "groups"),
    [
        ("province", ["甘肃省", "甘肃省", None]),
        ("prefecture", ["临夏回族自治州", "酒泉市", None]),
        ("county", ["永靖县", None, None]),
        ("month", ["2024-06", "2024-07", None]),
        ("week", ["2024-W24", "2024-W27", None]),
        ("quarter", ["2024Q2", "2024Q3", None]),
        ("year", ["2024", "2024", None]),
    ],
)
def test_assign_groups_gives_one_row_per_article(articles, by, groups):
    out = assign_groups(articles, by=by)
    assert list(out.columns) == ["doc_id", "group"]
    assert out["doc_id"].tolist() == ["a", "b", "c"]
    assert plain(out["group"]) == groups


def test_assign_groups_by_theme_gives_one_row_per_distinct_theme(articles):
    out = assign_groups(articles, by="theme")
    rows = list(zip(out["doc_id"], plain(out["group"]), strict=True))
    assert rows == [("a", "生态"), ("a", "乡村"), ("b", None), ("c", None)]


def test_assign_groups_names_the_missing_column(articles):
    with pytest.raises(ValueError, match="needs a 'themes' column"):
        assign_groups(articles.drop(columns="themes"), by="theme")
    with pytest.raises(ValueError, match="by must be one of"):
        assign_groups(articles, by="outlet")  # type: ignore[arg-type]


def test_assign_groups_does_not_modify_articles(articles):
    before = articles.copy()
    assign_groups(articles, by="theme")
    pd.testing.assert_frame_equal(articles, before)


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("2024-06-05", "2024-06-14", "week"),  # one edition's pages
        ("2023-01-03", "2025-06-26", "month"),  # the demo's 30 months
        ("2011-01-25", "2025-12-10", "quarter"),  # 15 years of an outlet: 60 quarters
        ("1990-01-01", "2025-12-31", "year"),
    ],
)
def test_time_charts_open_at_the_finest_step_giving_at_most_sixty_bars(first, last, expected):
    span = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    assert suggested_period(*span) == expected
    assert suggested_period(*span, ("month", "quarter", "year")) == ("month" if expected == "week" else expected)


def test_without_dates_time_charts_open_by_month():
    assert suggested_period(None, None) == "month"
    assert suggested_period(None, None, ("quarter", "year")) == "quarter"
