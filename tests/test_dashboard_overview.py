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
