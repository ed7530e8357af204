"""Only the open tab is drawn; the open tab lives in the URL and outlives a language switch.

These tests turn off the suite's seam (``GOVTHEMES_ALL_TABS``, set in conftest) to see the
page as a browser gets it: the open tab drawn, the other five empty until opened.
"""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO_ROOT
from ui.open_tab import ALL_TABS_ENV, OPEN_TAB, widget_key

pytestmark = pytest.mark.slow
SCRIPT = str(REPO_ROOT / "dashboard.py")
LABELS_ZH = ["概览", "关键词", "主题", "地图", "词语关联", "文章"]
LABELS_EN = ["Overview", "Keywords", "Themes", "Map", "Co-occurrence", "Articles"]


@pytest.fixture(autouse=True)
def _one_tab_at_a_time(monkeypatch):
    monkeypatch.delenv(ALL_TABS_ENV, raising=False)


def drawn_tabs(at: AppTest) -> list[str]:
    """The labels of the tabs that hold anything this run."""
    return [tab.label for tab in at.tabs if len(tab.children)]


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def open_tab(at: AppTest, label: str, lang: str = "zh") -> AppTest:
    """Switch tabs as a click does: the tab widget's value is the label."""
    at.session_state[widget_key(lang)] = label
    return run(at)


def test_the_page_opens_on_the_overview_and_draws_no_other_tab():
    at = run(AppTest.from_file(SCRIPT, default_timeout=240))
    assert [tab.label for tab in at.tabs] == LABELS_ZH
    assert drawn_tabs(at) == ["概览"]
    assert at.tabs[0].get("plotly_chart"), "the overview's charts are drawn"
    assert not at.get("image"), "the keywords tab's word cloud is not drawn while it is hidden"
    assert "tab" not in at.query_params  # the first tab is the default: URLs stay short


def test_opening_a_tab_draws_it_alone_and_names_it_in_the_url():
    at = run(AppTest.from_file(SCRIPT, default_timeout=240))
    open_tab(at, "关键词")
    assert drawn_tabs(at) == ["关键词"]
    assert at.get("image"), "the word cloud is drawn"
    assert at.query_params["tab"] == "keywords"
    open_tab(at, "概览")
    assert drawn_tabs(at) == ["概览"]
    assert "tab" not in at.query_params


def test_a_shared_link_opens_on_its_tab_and_an_unknown_tab_on_the_first():
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.query_params["tab"] = "map"
    run(at)
    assert drawn_tabs(at) == ["地图"]
    assert at.session_state[OPEN_TAB] == "map"

    other = AppTest.from_file(SCRIPT, default_timeout=240)
    other.query_params["tab"] = "nonsense"
    run(other)
    assert drawn_tabs(other) == ["概览"]


def test_a_choice_made_in_a_tab_is_kept_while_another_tab_is_open():
    at = run(AppTest.from_file(SCRIPT, default_timeout=240))
    open_tab(at, "关键词")
    at.slider(key="kw_top").set_value(10)
    run(at)
    open_tab(at, "主题")
    assert drawn_tabs(at) == ["主题"]
    open_tab(at, "关键词")
    assert at.slider(key="kw_top").value == 10


def test_switching_the_language_keeps_the_open_tab():
    at = run(AppTest.from_file(SCRIPT, default_timeout=240))
    open_tab(at, "词语关联")
    at.session_state["lang"] = "en"
    run(at)
    assert [tab.label for tab in at.tabs] == LABELS_EN
    assert drawn_tabs(at) == ["Co-occurrence"]
    assert at.query_params["tab"] == "network"
    open_tab(at, "Articles", "en")
    assert drawn_tabs(at) == ["Articles"]
