"""Event dates: the lead's date completed from the edition date."""

import datetime as dt

import pytest

from analysis.dates import complete_mention, find_date_mentions, resolve_event_date

EDITION = dt.date(2024, 6, 14)


@pytest.mark.parametrize(
    ("lead", "expected", "source"),
    [
        ("6月13日,市政协召开常委会会议。", dt.date(2024, 6, 13), "text"),
        ("2024年6月13日,市政协召开会议。", dt.date(2024, 6, 13), "text"),
        ("二〇二四年六月十三日在省人代会上", dt.date(2024, 6, 13), "text"),
        ("13日,县政协组织委员视察。", dt.date(2024, 6, 13), "text"),
        ("近日,县政协党组召开会议。", EDITION, "edition"),
        ("县政协党组召开会议,研究部署工作。", EDITION, "edition"),
        ("昨天,委员们走进社区。", dt.date(2024, 6, 13), "text"),
        ("2023-12-05 市政协举行座谈", dt.date(2023, 12, 5), "text"),
    ],
)
def test_lead_date_is_completed_from_the_edition(lead, expected, source):
    assert resolve_event_date(lead, edition_date=EDITION) == (expected, source)


def test_a_month_later_than_the_editions_means_the_previous_year():
    january_paper = dt.date(2025, 1, 3)
    assert resolve_event_date("12月28日,委员座谈。", edition_date=january_paper) == (
        dt.date(2024, 12, 28),
        "text",
    )


def test_a_day_later_than_the_editions_means_the_previous_month():
    assert resolve_event_date("20日,调研组深入乡镇。", edition_date=dt.date(2024, 7, 2)) == (
        dt.date(2024, 6, 20),
        "text",
    )
    assert resolve_event_date("30日,调研。", edition_date=dt.date(2024, 1, 5)) == (
        dt.date(2023, 12, 30),
        "text",
    )


def test_no_edition_date_partial_dates_fall_back_to_metadata():
    assert resolve_event_date("6月13日召开", edition_date=None) == (None, None)
    meta = dt.date(2024, 6, 20)
    assert resolve_event_date("6月13日召开", edition_date=None, metadata_date=meta) == (
        dt.date(2024, 6, 13),
        "text",
    )
    assert resolve_event_date("近日召开", edition_date=None, metadata_date=meta) == (
        meta,
        "metadata",
    )


def test_dates_beyond_the_lead_are_background_not_the_event():
    lead = "县政协召开会议。" + "会议强调要抓好落实。" * 20 + "自2023年12月5日挂牌成立以来"
    assert resolve_event_date(lead, edition_date=EDITION) == (EDITION, "edition")


def test_phrases_that_are_not_dates_are_ignored():
    assert find_date_mentions("30日内办结,每日更新") == []
    assert resolve_event_date("2月30日召开", edition_date=EDITION) == (EDITION, "edition")


def test_mentions_keep_what_was_written():
    (mention,) = find_date_mentions("二〇二六年一月二十七日")
    assert (mention.year, mention.month, mention.day) == (2026, 1, 27)
    assert complete_mention(mention, None) == dt.date(2026, 1, 27)


def test_announced_future_dates_are_not_the_event_date():
    lead = "记者从组委会获悉,论坛将于6月17日在兰州开幕。"
    assert resolve_event_date(lead, edition_date=EDITION) == (EDITION, "edition")
