"""The overview tab and the filters around it, as an analyst uses them.

Clicking a bar filters to its whole period; switching the language keeps every filter and
the data source; a filter that matches nothing keeps the tabs; partial periods and places
left off the chart are said; key figures pick a unit that reads well in either language.
AppTest cannot click a chart, so the click → filter step is tested as a pure function
with the selection event Streamlit hands back.
"""

import datetime as dt
import os

import pytest

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
