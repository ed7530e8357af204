"""The filter state lives in the URL; clicks on charts become filters; text is shown safely."""

import datetime as dt

import pytest

from ui.html_view import code_span, highlight_html
from ui.paths import UnsafePathError, resolve_under_root
from ui.selection import select_cells, select_period, select_places, select_term, selected_points
from ui.state import Choices, FilterState, default_level, ignored_params, params_from_state, state_from_params

CHOICES = Choices(places={"prefecture": ["620900", "621100"], "county": ["620981"], "province": ["620000"]},
                  themes=["ecology", "water"], outlets=["甘肃政协报"])


def test_a_state_survives_the_round_trip_through_the_url():
    state = FilterState(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 6, 30), level="prefecture",
                        places=("620900",), themes=("ecology", "water"), outlets=("甘肃政协报",), search="节水", lang="en")
    assert state_from_params(params_from_state(state), CHOICES) == state


def test_defaults_make_short_urls():
    assert params_from_state(FilterState()) == {}


def test_a_corpus_of_provinces_opens_at_province_level_and_a_provincial_paper_at_prefectures():
    provinces = {"province": [f"{n}0000" for n in range(11, 42)], "prefecture": [], "county": []}
    assert default_level(provinces) == "province"
    assert default_level({"province": ["620000"], "prefecture": ["620900", "621100"], "county": []}) == "prefecture"
    assert default_level({"province": [], "prefecture": [], "county": []}) == "prefecture"


def test_a_corpus_that_places_most_articles_only_in_a_province_opens_at_province_level():
    places = {"province": ["110000", "440000", "620000"], "prefecture": ["440100", "440300", "620100", "620200"]}
    national = {"province": 229, "prefecture": 93, "county": 16}  # a national broadcast's stories
    provincial = {"province": 900, "prefecture": 820, "county": 300}  # a provincial paper
    assert default_level(places, national) == "province"
    assert default_level(places, provincial) == "prefecture"
    assert default_level(places, {"province": 10, "prefecture": 5, "county": 0}) == "prefecture"


def test_the_url_names_the_level_only_when_it_is_not_the_corpus_default():
    choices = Choices(places={"province": ["620000", "110000"], "prefecture": [], "county": []}, themes=[],
                      outlets=[], default_level="province")
    assert state_from_params({}, choices).level == "province"
    assert params_from_state(FilterState(level="province"), "province") == {}
    chosen = FilterState(level="prefecture")
    assert state_from_params(params_from_state(chosen, "province"), choices) == chosen


def test_unknown_or_malformed_values_in_a_url_are_dropped():
    params = {"from": "2024-13-01", "to": "2024-02-01", "level": "planet", "place": ["620900", "999999"],
              "theme": "ecology,unknown", "lang": "fr"}
    state = state_from_params(params, CHOICES)
    assert state == FilterState(date_to=dt.date(2024, 2, 1), places=("620900",), themes=("ecology",))


def test_the_values_a_url_loses_are_named_as_they_were_written():
    params = {"from": "2024-13-01", "to": "2024-02-01", "level": "county", "place": ["620981", "999999"],
              "theme": "ecology,unknown", "outlet": "甘肃政协报", "lang": "fr"}
    assert ignored_params(params, CHOICES) == ["from=2024-13-01", "place=999999", "theme=unknown"]
    assert ignored_params({"level": "planet", "place": "620900"}, CHOICES) == ["level=planet"]
    assert ignored_params(params_from_state(FilterState(places=("620900",))), CHOICES) == []


def test_reversed_dates_are_put_in_order():
    state = state_from_params({"from": "2024-06-01", "to": "2024-01-01"}, CHOICES)
    assert (state.date_from, state.date_to) == (dt.date(2024, 1, 1), dt.date(2024, 6, 1))


def test_clicking_a_bar_or_a_region_filters_to_that_place():
    state = FilterState()
    codes = {"酒泉市": "620900", "定西市": "621100"}
    assert select_places(state, [{"y": "酒泉市", "x": 12}], codes_by_name=codes).places == ("620900",)
    assert select_places(state, [{"location": "621100"}], codes_by_name=codes).places == ("621100",)
    assert select_places(state, [{"y": "未知"}], codes_by_name=codes) == state


def test_clicking_a_month_filters_to_that_month():
    state = select_period(FilterState(), [{"x": "2024-02-01"}], period="month")
    assert (state.date_from, state.date_to) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    state = select_period(FilterState(), [{"x": "2024-04-01"}, {"x": "2024-01-01"}], period="quarter")
    assert (state.date_from, state.date_to) == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))


def test_clicking_a_heatmap_cell_filters_to_place_and_theme():
    state = select_cells(FilterState(), [{"customdata": ["酒泉市", "water"]}], codes_by_name={"酒泉市": "620900"},
                         themes_by_label={})
    assert (state.places, state.themes) == (("620900",), ("water",))


def test_clicking_a_term_searches_for_it():
    assert select_term(FilterState(), [{"y": "节水", "x": 30}]).search == "节水"
    assert select_term(FilterState(), [{"x": 0.2, "y": 0.4, "text": "乡村振兴"}]).search == "乡村振兴"


def test_selection_events_are_read_from_dicts_and_empty_events():
    assert selected_points(None) == []
    assert selected_points({"selection": {"points": [{"x": 1}]}}) == [{"x": 1}]


def test_article_text_cannot_inject_markup_or_scripts():
    text = '会议强调<script>alert("x")</script>\n[点此](javascript:alert(1)) **粗体** <img src=x onerror=alert(1)>'
    rendered = highlight_html(text, ["会议强调", "粗体"])
    assert "<script>" not in rendered and "<img" not in rendered
    assert "&lt;script&gt;" in rendered and "&lt;img src=x onerror=alert(1)&gt;" in rendered
    assert rendered.count("<mark") == 2 and rendered.count("<p>") == 2


def test_highlights_prefer_the_longer_term():
    rendered = highlight_html("党纪学习教育", ["学习教育", "党纪学习教育"])
    assert rendered.count("<mark") == 1 and ">党纪学习教育</mark>" in rendered


def test_typed_paths_stay_under_the_data_root(tmp_path):
    root = tmp_path / "root"
    (root / "pages").mkdir(parents=True)
    (tmp_path / "secret").mkdir()
    assert resolve_under_root("pages", root=root) == (root / "pages").resolve()
    for typed in ["../secret", str(tmp_path / "secret"), "/etc/passwd", "pages/../../secret"]:
        with pytest.raises(UnsafePathError, match="outside the data folder"):
            resolve_under_root(typed, root=root)
    (root / "link").symlink_to(tmp_path / "secret")
    with pytest.raises(UnsafePathError, match="outside"):
        resolve_under_root("link", root=root)
    with pytest.raises(UnsafePathError, match="does not exist"):
        resolve_under_root("missing", root=root)


def test_a_refused_path_says_why_in_the_interface_language(tmp_path):
    with pytest.raises(UnsafePathError) as refused:
        resolve_under_root("missing", root=tmp_path)
    assert refused.value.code == "path_missing"
    assert refused.value.render("zh") == f"数据根目录 {tmp_path.resolve()} 下没有“missing”：请检查路径的拼写"
    with pytest.raises(UnsafePathError) as refused:
        resolve_under_root("  ", root=tmp_path)
    assert refused.value.render("zh") == "请输入文件夹或文件的路径"


def test_clickable_cells_sit_only_on_the_places_the_heatmap_shows():
    import pandas as pd

    from analysis.charts import plot_theme_heatmap
    from ui.view import add_cell_targets

    counts = pd.DataFrame([{"group": f"地{i:02d}", "period": None, "theme": "ecology", "n_articles": 1,
                            "share": 1 / (i + 1), "n_hits": 1, "group_articles": i + 1} for i in range(50)])
    labels = {"ecology": "生态文明"}
    fig = add_cell_targets(plot_theme_heatmap(counts, theme_labels=labels, max_places=10), counts,
                           theme_labels=labels, lang="zh")
    assert set(fig.data[1].y) == set(fig.data[0].y) and len(fig.data[1].y) == 10
    # the hover's relative share still compares with all 50 places: 50 articles of 1,275 overall,
    # so 地49's 1 of 50 is (1/50) / (50/1275) = 0.51 times the average
    text = dict(zip(fig.data[1].y, fig.data[1].text, strict=True))["地49"]
    assert "相对全体平均 0.51×" in text


def test_the_english_page_shows_unknown_and_all_in_english_and_the_chinese_page_as_computed():
    import pandas as pd

    from ui.common import table_in_language

    table = pd.DataFrame(
        {"group": ["酒泉市", "未知", "全部"], "groups": [["未知", "兰州市"], [], ["全部"]], "n": [3, 1, 4]}
    )
    english = table_in_language(table, "en")
    assert english["group"].tolist() == ["酒泉市", "Unknown", "All"]
    assert english["groups"].tolist() == [["Unknown", "兰州市"], [], ["All"]]
    assert english["n"].tolist() == [3, 1, 4]
    assert table["group"].tolist() == ["酒泉市", "未知", "全部"]  # the data itself is untouched
    assert table_in_language(table, "zh") is table


def test_a_command_is_shown_as_code_whatever_its_path_holds():
    assert code_span("govthemes resegment --store /data/my_store") == "`govthemes resegment --store /data/my_store`"
    # a backtick in the path: a longer fence, so the span does not end inside it
    assert code_span("ls /data/a`b") == "``ls /data/a`b``"
    assert code_span("`x") == "`` `x ``"
