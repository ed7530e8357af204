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
        ("2024-06-05 市政协举行座谈", dt.date(2024, 6, 5), "text"),
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


@pytest.mark.parametrize(
    "lead",
    [
        "应国务院总理邀请，某国总统将于6月25日至26日对我国进行国事访问。",  # announced, and the range's end
        "田径世锦赛将于8月22日在国家体育场开幕。今天召开的理事会听取筹备情况。",  # 8月 in a June paper is not last August
        "联合代表团证实，化学品须在6月30日前全部运出。",  # a deadline
        "1940年8月19日，重庆遭受大轰炸。八十多年后的今天，这座城市…",  # history, not the event
        "文章指出，2013年12月3日的讲话深刻阐述了…",  # a reprinted speech
        "明天（5月1日）出版的日报将发表社论。",  # announced for tomorrow; 5月 is not last May
        "白俄罗斯总统将于5月28日至7月2日访华。",  # the range's end goes with its announced start
        "两会将分别于2024年3月5日和3月4日在北京开幕。",  # a list joined to an announced date
        "交易会将于明天（6月15日）至7月5日举行。",  # a range across brackets
        "《条例》8月1日起施行，记者今天从吹风会上获悉。",  # the date a rule takes effect
    ],
)
def test_announced_deadline_range_and_historical_dates_fall_back_to_the_edition(lead):
    assert resolve_event_date(lead, edition_date=EDITION) == (EDITION, "edition")


def test_a_date_followed_by_qianwang_is_still_the_event():
    assert resolve_event_date("6月12日前往临夏调研。", edition_date=EDITION) == (dt.date(2024, 6, 12), "text")
    assert resolve_event_date("2024年6月10日至12日，调研组赴酒泉。", edition_date=EDITION) == (
        dt.date(2024, 6, 10), "text")
