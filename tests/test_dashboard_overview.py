"""The overview tab and the filters around it, as an analyst uses them.

Clicking a bar filters to its whole period; switching the language keeps every filter and
the data source; a filter that matches nothing keeps the tabs; partial periods and places
left off the chart are said; key figures pick a unit that reads well in either language.
AppTest cannot click a chart, so the click → filter step is tested as a pure function
with the selection event Streamlit hands back.
"""

import datetime as dt
import json
import os

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO_ROOT
from tests.test_dashboard import matched
from ui.selection import select_period, selected_points
from ui.state import FilterState

os.environ.setdefault("GOVTHEMES_DEMO_ARTICLES", "600")
SCRIPT = str(REPO_ROOT / "dashboard.py")


def bar_click(x: str, label: str) -> dict:
    """The event ``st.plotly_chart(on_select="rerun")`` returns for one clicked bar."""
    point = {"curve_number": 0, "point_number": 0, "point_index": 0, "x": x, "y": 83, "customdata": label}
    return {"selection": {"points": [point], "point_indices": [0], "box": [], "lasso": []}}


@pytest.mark.parametrize(
    ("period", "x", "expected"),
    [
        ("month", "2024-01-16 12:00", ("2024-01-01", "2024-01-31")),  # the bar's centre, as plotly reports it
        ("month", "2024-02-15", ("2024-02-01", "2024-02-29")),
        ("quarter", "2024-02-15 12:00", ("2024-01-01", "2024-03-31")),
        ("week", "2024-01-18 12:00", ("2024-01-15", "2024-01-21")),  # Monday to Sunday
        ("year", "2024-07-01 12:00", ("2024-01-01", "2024-12-31")),
        ("month", "2024-01-01", ("2024-01-01", "2024-01-31")),  # a period start still works
    ],
)
def test_clicking_a_bar_filters_to_the_whole_period_it_stands_for(period, x, expected):
    state = select_period(FilterState(), selected_points(bar_click(x, "2024年1月")), period=period)
    assert (state.date_from.isoformat(), state.date_to.isoformat()) == expected


def test_selecting_several_bars_filters_from_the_first_period_to_the_last():
    points = [{"x": "2024-05-16 12:00"}, {"x": "2024-02-15"}, {"x": None}]
    state = select_period(FilterState(), points, period="quarter")
    assert (state.date_from, state.date_to) == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    assert select_period(FilterState(), [{"x": "not a date"}], period="month") == FilterState()


@pytest.fixture(scope="module")
def demo() -> AppTest:
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    assert not at.exception, at.exception
    return at




def switch_language(at: AppTest, lang: str) -> AppTest:
    at.segmented_control(key="lang").set_value(lang).run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest, widget) -> list[str] | None:
    """The labels a choice widget tells the browser to show as chosen (None: it leaves the browser's).

    The browser remembers a radio or multiselect choice by its label; after a language
    switch the old label is no option, so the page must send the chosen options again.
    """
    proto = widget.proto
    if not proto.set_value:
        return None
    return list(proto.raw_values) if hasattr(proto, "raw_values") else [proto.raw_value]


def test_switching_the_language_keeps_every_filter_and_the_source(demo):
    at = demo
    at.radio(key="flt_level").set_value("county").run()
    place = at.multiselect(key="flt_places").options[0]
    at.multiselect(key="flt_places").set_value([place]).run()
    themes = at.multiselect(key="flt_themes").options
    next(th for th in themes if at.multiselect(key="flt_themes").set_value([th]).run() and matched(at))
    place, theme = at.multiselect(key="flt_places").value[0], at.multiselect(key="flt_themes").value[0]
    at.segmented_control(key="ov_period").set_value("quarter").run()
    before = matched(at)
    dates = at.date_input(key="flt_dates").value
    for lang, words in (("en", ["County", "Built-in demo corpus (synthetic)", "Quarter"]),
                        ("zh", ["县（区）级", "内置演示语料（合成数据）", "季度"])):
        switch_language(at, lang)
        level, source, period = at.radio(key="flt_level"), at.radio(key="source_kind"), \
            at.segmented_control(key="ov_period")
        assert (level.value, source.value, period.value) == ("county", "demo", "quarter")
        assert [shown(at, level), shown(at, source), shown(at, period)] == [[word] for word in words]
        assert at.multiselect(key="flt_places").value == [place]
        assert at.multiselect(key="flt_themes").value == [theme]
        assert shown(at, at.multiselect(key="flt_themes")) == [at.multiselect(key="flt_themes").format_func(theme)]
        assert at.date_input(key="flt_dates").value == dates
        assert matched(at) == before
        assert at.query_params["level"] == "county" and at.query_params["place"] == place
    at.run()  # the next run in the same language leaves the browser's choices alone
    assert shown(at, at.radio(key="flt_level")) is None
    at.button(key="clear_filters").click().run()
    at.radio(key="flt_level").set_value("prefecture").run()


def test_a_mistyped_folder_path_in_between_leaves_the_filters_as_they_were(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    records = [{"id": f"a{day}", "title": f"县政协调研营商环境第{day}次", "date": f"2024-05-{day:02d}",
                "content": f"本报兰州讯 兰州市城关区政协第{day}次调研，调研组走访企业，优化营商环境，推进乡村振兴。"} for day in (3, 12, 21)]
    (tmp_path / "items.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                          encoding="utf-8")
    at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_path").input("items.jsonl").run()
    assert matched(at) == 3
    full = at.date_input(key="flt_dates").value
    assert full == (dt.date(2024, 5, 3), dt.date(2024, 5, 21))
    at.text_input(key="folder_path").input("nothing-here").run()
    assert any("nothing-here" in e.value for e in at.error)
    at.text_input(key="folder_path").input("items.jsonl").run()
    switch_language(at, "en")
    assert at.date_input(key="flt_dates").value == full and matched(at) == 3
    assert at.radio(key="source_kind").value == "folder"
    switch_language(at, "zh")
    assert at.date_input(key="flt_dates").value == full and matched(at) == 3


def test_a_corpus_without_dates_shows_no_time_span_rather_than_0_days(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    records = [{"id": f"a{n}", "title": f"县政协调研营商环境第{n}次", "content": "调研组走访企业，优化营商环境。"}
               for n in (1, 2)]
    (tmp_path / "undated.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                            encoding="utf-8")
    at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_path").input("undated.jsonl").run()
    assert not at.exception, at.exception
    span = next(m for m in at.metric if m.label == "时间跨度")
    assert span.value == "—" and "没有日期" in span.proto.help
    labels = [m.label for m in at.metric]  # no place either: one figure says so, not three "0 个"
    assert "涉及市（州）" not in labels and next(m for m in at.metric if m.label == "涉及地区").value == "—"


def summary_of(provinces: int, prefectures: int, counties: int, articles: int = 31) -> dict:
    return {"articles": articles, "provinces": provinces, "prefectures": prefectures, "counties": counties,
            "characters": 607_000, "first_date": pd.Timestamp("2026-01-14"),
            "last_date": pd.Timestamp("2026-02-05"), "days": 23}


def test_key_figures_of_a_province_only_corpus_say_how_fine_its_places_go_not_0_prefectures():
    from ui.tab_overview import key_figures

    figures = key_figures(summary_of(31, 0, 0), "zh")
    assert [(name, value) for name, value, _ in figures] == [
        ("文章数", "31 篇"), ("涉及省份", "31 个"), ("地点细到", "省级"), ("正文字数", "60.7 万字"),
        ("时间跨度", "23 天")]
    assert figures[2][2] == "没有一篇文章定位到市（州）级、县（区）级，因此不列这些层级的数目（都会是 0）。"
    english = key_figures(summary_of(1, 0, 16), "en")  # a municipality: districts, no prefecture
    assert [(name, value) for name, value, _ in english][1:4] == [
        ("Provinces", "1"), ("Counties", "16"), ("Places down to", "County")]
    assert "placed at prefecture level" in english[3][2]
    assert [name for name, _, _ in key_figures(summary_of(1, 14, 86), "zh")][1:4] == [
        "涉及省份", "涉及市（州）", "涉及县（区）"]
    assert [v for _, v, _ in key_figures(summary_of(0, 0, 0, articles=0), "zh")][1:4] == ["0 个"] * 3  # nothing matched


def test_a_filter_that_matches_nothing_keeps_every_tab_each_saying_so(demo):
    demo.text_input(key="flt_search").input("量子计算机XYZ").run()
    assert not demo.exception, demo.exception
    assert matched(demo) == 0 and len(demo.tabs) == 6
    for tab in demo.tabs:
        assert [info.value for info in tab.info] == ["没有符合当前筛选条件的文章。请放宽日期范围、地区、主题或检索词。"]
    assert not demo.get("plotly_chart")
    demo.text_input(key="flt_search").input("").run()
    assert len(demo.tabs) == 6 and demo.get("plotly_chart")


def test_a_period_the_data_only_partly_cover_is_hatched_and_says_which_days_it_holds():
    from analysis.charts import plot_articles_over_time

    years = pd.DataFrame({"group": None, "period": ["2023", "2024", "2025"], "n_articles": [1200, 1300, 500]})
    fig = plot_articles_over_time(years, period="year", coverage=(dt.date(2023, 1, 3), dt.date(2025, 6, 26)))
    bars = fig.data[0]
    assert list(bars.marker.pattern.shape) == ["", "", "/"]  # two days missing from 2023 do not count
    assert list(bars.marker.opacity) == [1.0, 1.0, 0.45]
    assert list(bars.hovertext) == ["", "", "<br><i>不完整的时段：只含 1月1日至6月26日（177/365 天）</i>"]
    assert "%{hovertext}" in bars.hovertemplate
    assert fig.layout.title.subtitle.text.startswith("斜线浅色柱为不完整的时段")
    english = plot_articles_over_time(years, period="year", coverage=(dt.date(2023, 1, 3), dt.date(2025, 6, 26)),
                                      lang="en")
    assert english.data[0].hovertext[2] == "<br><i>Partial period: covers Jan 1 to Jun 26 (177 of 365 days)</i>"
    assert english.layout.title.subtitle.text.startswith("Hatched, lighter bars are partial periods")


def test_bars_too_short_to_see_beside_the_tallest_are_counted_in_a_note():
    from analysis.charts import plot_articles_over_time

    # one report a year, then a year of daily broadcasts (the real 1954-2026 store: 72 reports, 7,800 stories)
    years = pd.DataFrame({"group": None, "period": ["1990", "1991", "1992", "1993"], "n_articles": [1, 0, 2, 800]})
    fig = plot_articles_over_time(years, period="year")
    assert fig.layout.title.subtitle.text == "另有 2 个时段共 3 篇，不到最高柱的 1%，柱子矮得看不见：悬停或下载 CSV 可见其数。"
    english = plot_articles_over_time(years, period="year", lang="en").layout.title.subtitle.text
    assert english.startswith("2 more periods hold 3 articles in all, under 1% of the tallest bar")
    even = plot_articles_over_time(years.assign(n_articles=[100, 0, 8, 800]), period="year")
    assert not even.layout.title.subtitle.text  # 8 of 800 is 1%: short, but there


def test_the_date_filter_makes_the_periods_it_cuts_partial_and_whole_periods_stay_plain():
    from analysis.charts import plot_articles_over_time
    from analysis.charts.overview import period_coverage

    weeks = pd.Series(pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-15"]))
    covered = period_coverage(weeks, period="week", coverage=(dt.date(2024, 1, 3), dt.date(2024, 1, 21)))
    assert covered["covered_days"].tolist() == [5, 7, 7] and covered["end"].dt.day.tolist() == [7, 14, 21]
    months = pd.DataFrame({"group": None, "period": ["2024-01", "2024-02"], "n_articles": [3, 4]})
    plain = plot_articles_over_time(months, period="month", coverage=(dt.date(2024, 1, 1), dt.date(2024, 2, 29)))
    assert list(plain.data[0].marker.pattern.shape) == ["", ""] and not plain.layout.title.subtitle.text
    cut = plot_articles_over_time(months, period="month", coverage=(dt.date(2024, 1, 1), dt.date(2024, 2, 10)))
    assert list(cut.data[0].marker.pattern.shape) == ["", "/"]


BY_PLACE = pd.DataFrame({"adcode": ["620102", "620103", "620902"], "name": ["城关区", "七里河区", "肃州区"],
                         "n_articles": [5, 3, 0]})
NAMES = {"620102": "城关区（兰州市）", "620103": "七里河区（兰州市）", "620902": "肃州区（酒泉市）"}


def test_the_place_chart_adds_up_to_the_matched_articles_with_the_unplaced_ones_as_one_row():
    from ui.tab_overview import places_to_chart

    rows = places_to_chart(BY_PLACE, NAMES, selected=(), total=10)
    assert rows["group"].tolist()[:3] == ["城关区（兰州市）", "七里河区（兰州市）", "肃州区（酒泉市）"]
    assert pd.isna(rows["group"].iloc[3]) and rows["n_articles"].tolist() == [5, 3, 0, 2]
    chosen = places_to_chart(BY_PLACE, NAMES, selected=("620103",), total=3)
    assert chosen["group"].tolist() == ["七里河区（兰州市）"] and chosen["n_articles"].tolist() == [3]


def test_the_place_chart_says_how_many_places_it_leaves_off_and_how_many_articles_have_no_place():
    from analysis.charts import plot_articles_by_locality

    counts = pd.DataFrame({"group": pd.array([f"地{i:02d}" for i in range(40)] + [pd.NA], dtype="string"),
                           "n_articles": [*range(40, 0, -1), 291], "period": None})
    fig = plot_articles_by_locality(counts, top=30)
    assert len(fig.data[0].y) == 30
    assert fig.layout.title.subtitle.text == (
        "只显示文章数最多的 30 个地区（共 40 个）；下载 CSV 可得全部。 另有 291 篇（26%）未定位到这一级地区，未画出。")
    assert "(of 40)" in plot_articles_by_locality(counts, top=30, lang="en").layout.title.subtitle.text


@pytest.mark.parametrize(
    ("n", "zh", "en"),
    [(2_345, "2,345 字", "2,345 characters"), (1, "1 字", "1 character"), (0, "0 字", "0 characters"),
     (1_218_584, "121.9 万字", "1.22 million"), (250_000_000, "2.50 亿字", "250.00 million")],
)
def test_text_length_picks_a_unit_that_reads_well(n, zh, en):
    from ui.units import characters_text

    assert (characters_text(n, "zh"), characters_text(n, "en")) == (zh, en)


@pytest.mark.parametrize(
    ("days", "zh", "en"),
    [(1, "1 天", "1 day"), (730, "730 天", "730 days"), (731, "2.0 年", "2.0 years"),
     (26_525, "72.6 年", "72.6 years")],  # 1954-01-01 to 2026-08-15: the national work reports and 新闻联播
)
def test_a_long_time_span_is_written_in_years(days, zh, en):
    from ui.units import span_text

    assert (span_text(days, "zh"), span_text(days, "en")) == (zh, en)


def test_counts_are_singular_in_english_when_there_is_one():
    from ui.units import count_text

    assert [count_text(n, "articles_unit", "en") for n in (0, 1, 3000)] == ["0 articles", "1 article", "3,000 articles"]
    assert [count_text(n, "days_unit", "en") for n in (1, 2)] == ["1 day", "2 days"]
    assert count_text(1, "articles_unit", "zh") == "1 篇" and count_text(1, "places_unit", "en") == "1"


def place_chart(at: AppTest) -> dict:
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        if spec["layout"]["title"]["text"] in ("各地报道数量", "Articles by place"):
            return spec
    raise AssertionError("no place chart")


def test_at_county_level_the_chart_names_each_county_with_its_prefecture_and_lists_only_the_chosen(demo):
    at = demo
    at.radio(key="flt_level").set_value("county").run()
    spec = place_chart(at)
    assert all("（" in name and name.endswith("）") for name in spec["data"][0]["y"])
    assert spec["layout"]["title"]["subtitle"]["text"].startswith("只显示文章数最多的 34 个地区（共 ")
    place = at.multiselect(key="flt_places").options[0]
    at.multiselect(key="flt_places").set_value([place]).run()
    assert place_chart(at)["data"][0]["y"] == [at.multiselect(key="flt_places").format_func(
        at.multiselect(key="flt_places").value[0])]
    switch_language(at, "en")
    figures = [m.value for m in at.main.get("metric")]
    assert not any(" 1 articles" in f or f.startswith("1 days") or "0.00 M" in f for f in figures), figures
    switch_language(at, "zh")
    at.button(key="clear_filters").click().run()
    at.radio(key="flt_level").set_value("prefecture").run()


def test_clearing_the_filters_gives_clickable_charts_a_new_key_so_no_old_selection_stays_highlighted():
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    before = {element.proto.id for element in at.get("plotly_chart")}
    at.button(key="clear_filters").click().run()
    assert not at.exception, at.exception
    after = {element.proto.id for element in at.get("plotly_chart")}
    assert any("ov_time_chart@0" in chart for chart in before)
    assert any("ov_time_chart@1" in chart for chart in after) and not any("@0" in chart for chart in after)


def test_a_county_is_named_with_its_prefecture_or_else_its_province():
    from ui.app import place_names

    places = {
        "province": pd.DataFrame({"adcode": ["120000", "210000", "620000"], "name": ["天津市", "辽宁省", "甘肃省"],
                                  "parent": [None] * 3}),
        "prefecture": pd.DataFrame({"adcode": ["210100", "620100"], "name": ["沈阳市", "兰州市"],
                                    "parent": ["210000", "620000"]}),
        "county": pd.DataFrame({"adcode": ["120101", "210102", "620102"], "name": ["和平区", "和平区", "城关区"],
                                "parent": ["120000", "210100", "620100"]}),
    }
    assert place_names({"places": places})["county"] == {
        "120101": "和平区（天津市）", "210102": "和平区（沈阳市）", "620102": "城关区（兰州市）"}


def test_a_span_of_one_day_is_said_as_that_day_not_as_a_range_from_it_to_itself():
    from analysis.charts import plot_articles_over_time
    from analysis.charts.phrasing import date_span
    from ui.tab_overview import key_figures

    day = dt.date(2024, 6, 14)
    assert [date_span(day, day, lang) for lang in ("zh", "en")] == ["2024-06-14 当天", "2024-06-14 only"]
    assert date_span(day, dt.date(2024, 6, 15), "zh") == "2024-06-14 至 2024-06-15"
    month = pd.DataFrame({"group": None, "period": ["2024-06"], "n_articles": [4]})
    fig = plot_articles_over_time(month, period="month", coverage=(day, day))
    assert "（2024-06-14 当天）" in fig.layout.title.subtitle.text and " 至 " not in fig.layout.title.subtitle.text
    assert fig.data[0].hovertext[0] == "<br><i>不完整的时段：只含 6月14日当天（1/30 天）</i>"
    english = plot_articles_over_time(month, period="month", coverage=(day, day), lang="en")
    assert "(2024-06-14 only)" in english.layout.title.subtitle.text
    assert english.data[0].hovertext[0] == "<br><i>Partial period: covers Jun 14 only (1 of 30 days)</i>"
    one_day = {**summary_of(1, 1, 1), "first_date": pd.Timestamp(day), "last_date": pd.Timestamp(day), "days": 1}
    assert key_figures(one_day, "zh")[-1] == ("时间跨度", "1 天", "2024-06-14 当天")


def test_a_date_filter_of_one_day_is_said_as_that_day_in_the_chart_notes(demo):
    at = demo
    day = at.date_input(key="flt_dates").value[1]
    at.date_input(key="flt_dates").set_value((day, day)).run()
    at.segmented_control(key="ov_period").set_value("month").run()
    assert not at.exception, at.exception
    notes = [json.loads(e.proto.spec)["layout"]["title"].get("subtitle", {}).get("text", "")
             for e in at.get("plotly_chart")]
    assert any(f"（{day:%Y-%m-%d} 当天）" in note for note in notes), notes
    assert not any(f"{day:%Y-%m-%d} 至 {day:%Y-%m-%d}" in note for note in notes)
    at.button(key="clear_filters").click().run()


def test_a_link_to_one_month_opens_the_time_charts_at_weeks_and_keeps_the_step_when_the_dates_change():
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    corpus_step = at.segmented_control(key="ov_period").value
    first = at.date_input(key="flt_dates").value[0]
    month = (first.replace(day=1) + dt.timedelta(days=40)).replace(day=1)
    linked = AppTest.from_file(SCRIPT, default_timeout=240)
    linked.query_params["from"], linked.query_params["to"] = month.isoformat(), (month + dt.timedelta(days=29)).isoformat()
    linked.run()
    assert not linked.exception, linked.exception
    assert corpus_step != "week" and linked.segmented_control(key="ov_period").value == "week"
    assert linked.segmented_control(key="th_period").value == "month"  # the finest the themes tab offers
    linked.date_input(key="flt_dates").set_value((first, month + dt.timedelta(days=29))).run()
    assert linked.segmented_control(key="ov_period").value == "week"  # narrowing or widening: not switched
