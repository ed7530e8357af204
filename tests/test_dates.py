"""Event dates: the lead's date completed from the edition date."""

import datetime as dt

import pytest

from analysis.date_mentions import find_stamped_date, is_written_date
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


def test_an_announcement_later_in_the_sentence_keeps_a_date_from_being_pushed_back():
    lead = "20日至21日，全省政协系统委员培训班将在兰州举办。"  # 20日 in a 14 June paper: not last May
    assert resolve_event_date(lead, edition_date=EDITION) == (EDITION, "edition")


def test_a_month_later_than_the_editions_is_last_year_only_within_a_quarter():
    august_paper = dt.date(2024, 8, 15)
    lead = "9月4日至5日，峰会在杭州举行，各国领导人出席。"  # next month, not eleven months ago
    assert resolve_event_date(lead, edition_date=august_paper) == (august_paper, "edition")
    lead = "9月4日至5日，峰会在杭州举行。8月15日，外交部举行吹风会。"
    assert resolve_event_date(lead, edition_date=august_paper) == (august_paper, "text")


def test_holiday_names_are_not_dates():
    assert find_date_mentions("“五一”假期、国庆黄金周、春节、“十一”长假") == []
    april_paper = dt.date(2024, 4, 28)
    lead = "“五一”假期，电视台推出一系列节目。5月1日晚，特别节目将在综合频道播出。"
    assert resolve_event_date(lead, edition_date=april_paper) == (april_paper, "edition")


def test_a_date_after_the_metadata_date_is_announced_not_the_event():
    page_date = dt.date(2022, 1, 10)
    lead = "决定常委会议于1月14日召开 1月7日，省政协召开主席会议，决定于2022年1月14日召开常委会议。"
    assert resolve_event_date(lead, edition_date=None, metadata_date=page_date) == (dt.date(2022, 1, 7), "text")


def test_a_date_the_event_follows_or_a_state_begins_is_background():
    march_paper = dt.date(2023, 3, 5)
    lead = "继2月3日发生列车脱轨事故后，3月4日，该州又有一列火车脱轨。"
    assert resolve_event_date(lead, edition_date=march_paper) == (dt.date(2023, 3, 4), "text")
    lead = "神舟乘组自4月26日进驻空间站以来，各项实验进展顺利。"
    assert resolve_event_date(lead, edition_date=EDITION) == (EDITION, "edition")
    lead = "从13日开始，北方多地出现强降雪。"  # the event's own start is its date
    assert resolve_event_date(lead, edition_date=EDITION) == (dt.date(2024, 6, 13), "text")
    lead = "记者了解到，麦收自5月27日全面展开，截至今天，主产区收获基本完成。"  # a period up to today
    assert resolve_event_date(lead, edition_date=EDITION) == (EDITION, "edition")
    lead = "记者从6月12日召开的全省新闻发布会上获悉，截至目前，全省已建成5G基站10万个。"  # the source's day
    assert resolve_event_date(lead, edition_date=EDITION) == (dt.date(2024, 6, 12), "text")


def test_the_start_of_a_period_in_force_is_no_event():
    january_paper = dt.date(2026, 1, 15)
    lead = "三部门发布公告，从2026年1月1日至2027年12月31日，继续实施退税优惠。"  # a policy's term
    assert resolve_event_date(lead, edition_date=january_paper) == (january_paper, "edition")
    lead = "三部门发布公告，从2026年1月1日至2026年1月31日开展专项检查。"  # ends within a month: the event
    assert resolve_event_date(lead, edition_date=january_paper) == (dt.date(2026, 1, 1), "text")
    lead = "2026年1月8日和2026年3月1日，全省分两批发放补贴资金。"  # a list, no period: its first date
    assert resolve_event_date(lead, edition_date=january_paper) == (dt.date(2026, 1, 8), "text")


def test_a_dateline_date_wins_over_dates_later_in_the_lead():
    paper = dt.date(2022, 7, 5)
    lead = "气象台预计，4日至7日，多地将有暴雨。其中，6日至7日影响东北地区。"
    assert resolve_event_date(lead, edition_date=paper, dateline="7月4日") == (dt.date(2022, 7, 4), "text")


def test_a_lead_opening_with_its_own_earlier_date_keeps_it_over_the_dateline():
    paper = dt.date(2022, 7, 5)
    lead = "3日，书画作品展在省博物馆开幕。"
    assert resolve_event_date(lead, edition_date=paper, dateline="7月4日") == (dt.date(2022, 7, 3), "text")


def test_a_report_s_delivery_line_is_its_date_not_the_web_page_s_timestamp():
    stamp = dt.date(2026, 2, 10)
    lead = "2026年02月10日 07时41分\n省日报\n——2026年1月28日在省第十四届人民代表大会第四次会议上\n各位代表："
    assert resolve_event_date(lead, edition_date=None, metadata_date=stamp) == (dt.date(2026, 1, 28), "text")
    lead = "要闻 2026-02-03 09:02:33——2026年1月28日在省第十四届人民代表大会第四次会议上 省长"
    assert resolve_event_date(lead, edition_date=None) == (dt.date(2026, 1, 28), "text")


def test_a_speech_a_sentence_mentions_is_not_a_delivery_line():
    paper = dt.date(2023, 2, 16)
    lead = "2月16日出版的杂志发表总书记2022年12月15日在中央经济工作会议上的重要讲话。"
    assert resolve_event_date(lead, edition_date=paper) == (paper, "text")


def test_a_web_page_timestamp_is_not_the_event_but_an_event_s_own_time_is():
    page_date = dt.date(2018, 3, 28)
    lead = "发布时间: 2018-03-28 13:37:06 | 来源: 政协网\n3月20日,省政协召开会议。"
    assert resolve_event_date(lead, edition_date=None, metadata_date=page_date) == (dt.date(2018, 3, 20), "text")
    lead = "12月14日21时11分，探测器在月球表面成功着陆。"
    assert resolve_event_date(lead, edition_date=dt.date(2013, 12, 15)) == (dt.date(2013, 12, 14), "text")
    lead = "当地时间14日上午，两国领导人举行会谈。"
    assert resolve_event_date(lead, edition_date=EDITION) == (dt.date(2024, 6, 14), "text")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("发布时间: 2018-03-28 13:37:06 | 来源: 政协网", dt.date(2018, 3, 28)),
        ("发布日期：2024年6月3日　来源：市政协办公室", dt.date(2024, 6, 3)),
        ("更新时间：2024/6/3", dt.date(2024, 6, 3)),
        ("来源：政协网 时间：2024.6.3", dt.date(2024, 6, 3)),
        ("发布时间：2024-02-30", None),  # no such day
        ("发布时间：6月3日", None),  # no year: no timestamp
        ("当地时间2024年6月3日，会议开幕。", None),  # an event's time, not a page's
        ("2024-06-03 来源：政协网", None),  # no label
    ],
)
def test_a_page_s_timestamp_is_a_labelled_date_with_its_year(line, expected):
    assert find_stamped_date(line) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [("2018-03-28", True), ("2024年6月3日", True), ("2024/6/3", True), ("6月3日", False),
     ("2018-03-28发布", False), ("13:37", False), ("", False)],
)
def test_a_written_date_is_one_date_with_its_year_and_nothing_else(token, expected):
    assert is_written_date(token) is expected


def test_year_only_metadata_takes_the_text_s_full_date_in_that_year():
    lead = "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表："
    assert resolve_event_date(lead, edition_date=None, metadata_year=2024) == (dt.date(2024, 3, 5), "text")


@pytest.mark.parametrize(
    "lead",
    [
        "各位代表：现在，我代表国务院，向大会报告政府工作。",  # no date at all
        "——2023年3月5日在全国人民代表大会上",  # a date, but of another year
        "3月5日，大会开幕。",  # no year to check it against
    ],
)
def test_year_only_metadata_without_a_date_of_that_year_is_1_january_from_metadata(lead):
    assert resolve_event_date(lead, edition_date=None, metadata_year=2024) == (dt.date(2024, 1, 1), "metadata")


@pytest.mark.parametrize(("cell", "expected"), [
    ("2024-06-14 19:24:07", dt.date(2024, 6, 14)),
    ("2024年6月14日", dt.date(2024, 6, 14)),
    ("20240614", dt.date(2024, 6, 14)),
    (20240614, dt.date(2024, 6, 14)),  # digits of a date, not a number of days or seconds
    (dt.datetime(2024, 6, 14, 23, 0), dt.date(2024, 6, 14)),
    (1718361847, dt.date(2024, 6, 14)),  # Unix seconds: 18:44 in China
    ("1718361847", dt.date(2024, 6, 14)),
    (1718380800000, dt.date(2024, 6, 15)),  # Unix milliseconds: 2024-06-14 16:00 UTC is midnight in China
    (45457, dt.date(2024, 6, 14)),  # an Excel serial day: a date cell saved without its format
    (45457.75, dt.date(2024, 6, 14)),
    ("45457", None),  # as text it could be anything
    (12, None),
    ("未注明", None),
])
def test_date_columns_read_dates_unix_times_and_excel_serial_days(cell, expected):
    from analysis.loading.date_cells import parse_metadata_date

    assert parse_metadata_date(cell) == expected
