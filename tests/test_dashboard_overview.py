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


def matched(at: AppTest) -> int:
    metric = next(m for m in at.sidebar.get("metric"))
    return int(metric.value.split()[0].replace(",", ""))


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
    assert list(bars.hovertext) == ["", "", "<br><i>不完整的时段：只含 1月1日–6月26日（177/365 天）</i>"]
    assert "%{hovertext}" in bars.hovertemplate
    assert fig.layout.title.subtitle.text.startswith("斜线浅色柱为不完整的时段")
    english = plot_articles_over_time(years, period="year", coverage=(dt.date(2023, 1, 3), dt.date(2025, 6, 26)),
                                      lang="en")
    assert english.data[0].hovertext[2] == "<br><i>Partial period: only Jan 1 – Jun 26 (177 of 365 days)</i>"
    assert english.layout.title.subtitle.text.startswith("Hatched, lighter bars are partial periods")


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
