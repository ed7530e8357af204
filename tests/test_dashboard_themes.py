"""The themes tab: shares that a theme filter cannot inflate, one colour per theme, a readable heatmap.

A six-article store whose every number can be counted by hand:

| doc | place | month | themes |
|---|---|---|---|
| a1 | 兰州市 | 2024-01 | rural_revitalization |
| a2 | 兰州市 | 2024-01 | ecology |
| a3 | 兰州市 | 2024-02 | water |
| a4 | 兰州市 | 2024-02 | rural_revitalization, ecology |
| b1 | 临夏州 | 2024-01 | rural_revitalization |
| b2 | 临夏州 | 2024-02 | water |
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_charts import unpack
from test_store import LANZHOU, LINXIA, article

from analysis.charts import plot_theme_heatmap, plot_theme_mix, plot_theme_trends, theme_colours
from analysis.charts.style import THEME_PALETTE
from analysis.charts.theme_mix import draw_theme_mix, theme_mix_table
from analysis.charts.theme_parts import shorten_label, wrap_label
from analysis.schema import build_articles
from analysis.store import Filters, open_store
from analysis.theme_dictionary import load_themes

RURAL = "推进乡村振兴。巩固拓展脱贫攻坚成果，防止返贫。"
ECO = "加强生态保护和污染防治，践行绿水青山就是金山银山理念。"
WATER = "建设节水型社会，保护水资源，推进水利工程。"
SIX = build_articles([
    article("a1", "兰州乡村振兴", RURAL, "2024-01-05", "甲报", LANZHOU),
    article("a2", "兰州生态", ECO, "2024-01-10", "甲报", LANZHOU),
    article("a3", "兰州节水", WATER, "2024-02-03", "甲报", LANZHOU),
    article("a4", "兰州乡村振兴生态", RURAL + ECO, "2024-02-20", "甲报", LANZHOU),
    article("b1", "临夏乡村振兴", RURAL, "2024-01-08", "乙报", LINXIA),
    article("b2", "临夏节水", WATER, "2024-02-11", "乙报", LINXIA),
])
RURAL_ONLY = Filters(themes=("rural_revitalization",))
CELL_CLICK = Filters(themes=("rural_revitalization",), level="prefecture", places=("620100",))


@pytest.fixture(scope="module")
def store():
    store = open_store(None)
    store.ingest(SIX, workers=1)
    yield store
    store.close()


def cells(counts: pd.DataFrame, theme: str) -> dict[str, tuple[int, int, float]]:
    """``{group or period: (n_articles, group_articles, share)}`` of one theme."""
    rows = counts[counts["theme"] == theme]
    keys = rows["period"] if rows["group"].eq("全部").all() else rows["group"]
    return {str(k): (int(n), int(g), float(s)) for k, n, g, s in
            zip(keys, rows["n_articles"], rows["group_articles"], rows["share"], strict=True)}


def test_the_fixture_assigns_the_themes_in_the_table(store):
    assigned = store.list_articles().set_index("doc_id")["themes"].map(sorted).to_dict()
    assert assigned == {"a1": ["rural_revitalization"], "a2": ["ecology"], "a3": ["water"],
                        "a4": ["ecology", "rural_revitalization"], "b1": ["rural_revitalization"],
                        "b2": ["water"]}


# --- 1. a theme's share is among all articles, whatever the theme filter ----------------------


def test_a_theme_filter_does_not_make_the_theme_100_percent_of_each_place(store):
    by_place = store.theme_counts(RURAL_ONLY, by="prefecture")
    assert cells(by_place, "rural_revitalization") == {"兰州市": (2, 4, 0.5), "临夏回族自治州": (1, 2, 0.5)}
    assert cells(by_place, "water") == {"兰州市": (1, 4, 0.25), "临夏回族自治州": (1, 2, 0.5)}
    assert by_place.equals(store.theme_counts(by="prefecture"))  # the theme filter changes no number


def test_a_clicked_cell_keeps_the_place_and_dates_but_not_the_theme_in_the_denominator(store):
    by_month = store.theme_counts(CELL_CLICK, by=None, period="month")
    assert cells(by_month, "rural_revitalization") == {"2024-01": (1, 2, 0.5), "2024-02": (1, 2, 0.5)}
    january = Filters(themes=("rural_revitalization",), date_from=pd.Timestamp("2024-01-01").date(),
                      date_to=pd.Timestamp("2024-01-31").date())
    assert cells(store.theme_counts(january, by="prefecture"), "rural_revitalization") == {
        "兰州市": (1, 2, 0.5), "临夏回族自治州": (1, 1, 1.0)}
    searched = store.theme_counts(Filters(themes=("water",), search="节水"), by=None)
    assert cells(searched, "water") == {"全部": (2, 2, 1.0)}  # search still narrows: both 节水 articles


def test_the_trend_and_heatmap_show_the_true_share_with_its_denominator_in_the_hover(store):
    labels = load_themes().labels
    trends = plot_theme_trends(store.theme_counts(RURAL_ONLY, by=None, period="month"), theme_labels=labels,
                               themes=["rural_revitalization"]).to_dict()
    (line,) = trends["data"]
    assert unpack(line["y"]) == [pytest.approx(2 / 3), pytest.approx(1 / 3)]
    assert [row[1:3] for row in line["customdata"]] == [[2, 3], [1, 3]]  # n_articles / all articles that month
    assert "%{customdata[1]:,.0f} / %{customdata[2]:,.0f}" in line["hovertemplate"]
    heat = plot_theme_heatmap(store.theme_counts(CELL_CLICK, by="prefecture"), theme_labels=labels,
                              themes=["rural_revitalization"]).to_dict()["data"][0]
    assert heat["x"] == ["乡村振兴与帮扶"] and heat["y"] == ["兰州市"]
    assert unpack(heat["z"]) == [[0.5]] and heat["customdata"][0][0][:2] == [2, 4]


# --- 2. one colour per theme ------------------------------------------------------------------


def test_every_theme_of_the_dictionary_has_its_own_colour():
    ids = load_themes().ids
    colours = theme_colours(ids)
    assert len(ids) == len(THEME_PALETTE) == 29
    assert len(set(colours.values())) == 29
    assert colours[ids[0]] == THEME_PALETTE[0] and colours[ids[28]] == THEME_PALETTE[28]


def test_no_two_theme_colours_are_hard_to_tell_apart():
    from analysis.charts.palette import delta_e, distinct_colours, hex_to_lab, smallest_difference
    from analysis.charts.style import OTHERS_COLOUR, PALETTE

    assert distinct_colours(PALETTE, 29) == THEME_PALETTE  # the palette is what the rule picks
    assert smallest_difference(THEME_PALETTE) > 15  # was 7.3: 改革 #990099 and 体育 #7F3C8D
    assert smallest_difference(["#990099", "#7F3C8D"]) < 8
    others = hex_to_lab([OTHERS_COLOUR])[0]
    assert delta_e(hex_to_lab(THEME_PALETTE), others).min() > 15  # no theme looks like "others"
    assert delta_e(hex_to_lab(["#FFFFFF"]), hex_to_lab(["#000000"]))[0] == pytest.approx(100, abs=0.01)


def _colours_by_name(fig) -> dict[str, str]:
    out = {}
    for trace in fig.to_dict()["data"]:
        colour = trace.get("marker", {}).get("color") or trace.get("line", {}).get("color")
        out[trace["name"]] = colour
    return out


def test_a_theme_has_the_same_colour_in_the_trend_and_mix_charts_under_any_filter(store):
    themes = load_themes()
    labels = themes.labels
    expected = {labels[t]: THEME_PALETTE[i] for i, t in enumerate(themes.ids)}
    seen = []
    for f, chosen in [(Filters(), None), (RURAL_ONLY, ["rural_revitalization"]),
                      (Filters(themes=("water", "ecology")), ["water", "ecology"]),
                      (Filters(level="prefecture", places=("622900",)), None)]:
        trends = plot_theme_trends(store.theme_counts(f, by=None, period="month"), theme_labels=labels,
                                   themes=chosen)
        mix = plot_theme_mix(store.theme_counts(f, by="prefecture"), theme_labels=labels, themes=chosen,
                             max_themes=1)
        for fig in (trends, mix):
            drawn = {name: colour for name, colour in _colours_by_name(fig).items() if name in expected}
            assert drawn and drawn == {name: expected[name] for name in drawn}
            seen.extend(drawn)
    assert {"乡村振兴与帮扶", "生态文明与环境", "水资源与节水"} <= set(seen)


def test_the_mix_drawn_from_the_table_the_page_downloads_is_the_same_chart(store):
    labels = load_themes().labels
    counts = store.theme_counts(by="prefecture")
    table = theme_mix_table(counts, theme_labels=labels, themes=["water"], max_themes=1)
    drawn = draw_theme_mix(table, theme_labels=labels, max_places=2).to_dict()
    assert drawn == plot_theme_mix(counts, theme_labels=labels, themes=["water"], max_themes=1,
                                   max_places=2).to_dict()
    assert [trace["name"] for trace in drawn["data"]] == ["水资源与节水", "其他主题"]


def test_the_mix_keeps_the_chosen_theme_apart_and_says_what_it_merged(store):
    labels = load_themes().labels
    mix = plot_theme_mix(store.theme_counts(by="prefecture"), theme_labels=labels, themes=["water"],
                         max_themes=1).to_dict()
    assert [trace["name"] for trace in mix["data"]] == ["水资源与节水", "其他主题"]
    assert mix["layout"]["title"]["subtitle"]["text"].startswith("单列文章最多的 1 个主题，其余 2 个合并")


def test_the_mix_table_downloads_what_the_bars_draw(store):
    labels = load_themes().labels
    counts = store.theme_counts(by="prefecture")
    table = theme_mix_table(counts, theme_labels=labels, themes=["water"], max_themes=1)
    assert list(table.columns) == ["group", "theme", "label", "n_articles", "group_articles", "share", "mix"]
    rows = [(g, lab, int(n), int(of), round(m, 2)) for g, lab, n, of, m in
            zip(table["group"], table["label"], table["n_articles"], table["group_articles"], table["mix"],
                strict=True)]
    # 兰州: 4 articles, 5 article-theme pairs (water 1; rural 2 and ecology 2 folded); 临夏: 2 and 2
    assert rows == [("兰州市", "水资源与节水", 1, 4, 0.2), ("兰州市", "其他主题", 4, 4, 0.8),
                    ("临夏回族自治州", "水资源与节水", 1, 2, 0.5), ("临夏回族自治州", "其他主题", 1, 2, 0.5)]
    assert table["theme"].isna().tolist() == [False, True, False, True]  # "other themes" has no id
    assert table.attrs == {"themes": ["water"], "n_folded": 2}
    bars = plot_theme_mix(counts, theme_labels=labels, themes=["water"], max_themes=1).to_dict()["data"]
    assert [unpack(bar["x"]) for bar in bars] == [[pytest.approx(0.2), 0.5], [pytest.approx(0.8), 0.5]]
    english = theme_mix_table(counts, theme_labels=labels, themes=["water"], max_themes=1, lang="en")
    assert english["label"].tolist()[1] == "Other themes"


# --- 3. a readable heatmap --------------------------------------------------------------------


def test_themes_without_articles_are_dropped_from_the_heatmap_and_counted_in_a_note(store):
    labels = load_themes().labels
    fig = plot_theme_heatmap(store.theme_counts(by="prefecture"), theme_labels=labels).to_dict()
    assert fig["data"][0]["x"] == ["生态文明与环境", "水资源与节水", "乡村振兴与帮扶"]
    assert "另有 26 个主题在所选范围内没有文章" in fig["layout"]["title"]["subtitle"]["text"]
    english = plot_theme_heatmap(store.theme_counts(by="prefecture"), theme_labels=labels, lang="en")
    assert english.layout.title.subtitle.text.startswith("26 more themes have no article")
    chosen = plot_theme_heatmap(store.theme_counts(by="prefecture"), theme_labels=labels, themes=["sports"])
    assert list(chosen.data[0].x) == ["体育"]  # a theme asked for is drawn even with no article


def _shares(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame([{"group": g, "period": None, "theme": t, "n_articles": round(s * 100), "share": s,
                          "n_hits": 1, "group_articles": 100} for g, t, s in rows])


def test_one_dominant_theme_does_not_wash_out_the_colour_scale_and_cells_keep_true_numbers():
    rows = [(f"地{i:02d}", "big", 0.7) for i in range(20)] + [(f"地{i:02d}", "small", i / 100) for i in range(20)]
    counts = _shares(rows)
    heat = plot_theme_heatmap(counts, theme_labels={"big": "大", "small": "小"}).data[0]
    # 40 cells, 95th percentile is among the 0.7s only when > 5% of cells are 0.7: here half are, so no cap
    assert heat.zmax == pytest.approx(0.7)
    rows = [(f"地{i:02d}", f"t{j}", 0.7 if j == 0 else (i + j) / 100) for i in range(10) for j in range(25)]
    labels = {f"t{j}": f"主题{j}" for j in range(25)}
    fig = plot_theme_heatmap(_shares(rows), theme_labels=labels)
    heat = fig.data[0]
    assert heat.zmax < 0.7
    assert heat.colorbar.ticktext[-1] == f"≥{heat.zmax:.0%}"
    assert [row[0] for row in heat.text][:2] == [70, 70]  # cells print the true 70%
    assert "色阶上限为" in fig.layout.title.subtitle.text


def test_within_theme_colouring_scales_each_column_to_its_own_top():
    counts = _shares([("甲", "a", 0.7), ("乙", "a", 0.35), ("甲", "b", 0.02), ("乙", "b", 0.04)])
    fig = plot_theme_heatmap(counts, theme_labels={"a": "A", "b": "B"}, measure="column").to_dict()
    (heat,) = fig["data"]
    assert heat["y"] == ["乙", "甲"]  # as many articles each: by name
    assert unpack(heat["z"]) == [[0.5, 1.0], [1.0, 0.5]]
    assert heat["text"] == [["35%", "4%"], ["70%", "2%"]]
    assert heat["customdata"][0][1] == [4, 100, 1, 0.04]
    assert "customdata[3]" in heat["hovertemplate"] and "customdata[1]" in heat["hovertemplate"]
    assert "各主题列内比较" in fig["layout"]["title"]["text"]


def test_slanted_theme_labels_stay_on_one_line_and_the_hover_keeps_the_whole_label():
    labels = {f"t{j}": f"主题{j}" for j in range(9)} | {"hk": "港澳台与祖国统一"}
    rows = [("甲", t, 0.1) for t in labels]
    fig = plot_theme_heatmap(_shares(rows), theme_labels=labels)
    assert fig.layout.xaxis.tickangle == -45 and "港澳台与祖国统一" in fig.layout.xaxis.ticktext
    english = {f"t{j}": f"Theme {j}" for j in range(9)} | {"hk": "Hong Kong, Macao, Taiwan and reunification"}
    fig = plot_theme_heatmap(_shares([("甲", t, 0.1) for t in english]), theme_labels=english, lang="en")
    assert "Hong Kong, Macao, Taiwan…" in fig.layout.xaxis.ticktext
    assert "Hong Kong, Macao, Taiwan and reunification" in fig.data[0].x  # hover and clicks use the whole label
    few = plot_theme_heatmap(_shares([("甲", "hk", 0.1)]), theme_labels={"hk": "港澳台与祖国统一"})
    assert few.layout.xaxis.tickangle == 0 and few.layout.xaxis.ticktext == ("港澳台<br>与祖国<br>统一",)


def test_labels_wrap_before_yu_and_shorten_with_an_ellipsis():
    assert wrap_label("乡村振兴与帮扶", width=4) == "乡村振兴<br>与帮扶"
    assert wrap_label("教育", width=4) == "教育"
    assert wrap_label("Rural revitalisation and poverty alleviation", width=12, lang="en") == (
        "Rural<br>revitalisation<br>and poverty<br>alleviation")
    assert shorten_label("Consultation and deliberation", width=26) == "Consultation and…"
    assert shorten_label("党纪学习教育与作风建设", width=11) == "党纪学习教育与作风建设"


def test_the_trend_chart_says_which_themes_it_shows(store):
    labels = load_themes().labels
    counts = store.theme_counts(by=None, period="month")
    fig = plot_theme_trends(counts, theme_labels=labels, max_themes=2)
    assert fig.layout.title.subtitle.text.startswith("显示文章最多的 2 个主题（共 3 个主题有文章）")
    assert "侧栏" in fig.layout.title.subtitle.text
    chosen = plot_theme_trends(counts, theme_labels=labels, themes=["water"], lang="en")
    assert chosen.layout.title.subtitle.text.startswith("Showing the theme chosen in the sidebar")


# --- the tab, by widget key -------------------------------------------------------------------


@pytest.mark.slow
def test_the_tab_keeps_shares_and_colours_when_a_theme_is_chosen():
    from streamlit.testing.v1 import AppTest

    from tests.test_dashboard import SCRIPT, charts, numbers

    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    assert not at.exception, at.exception
    rural = theme_colours(load_themes().ids)["rural_revitalization"]

    def theme_charts() -> dict[str, dict]:
        found = {}
        for spec in charts(at).values():
            title = spec["layout"]["title"]["text"]
            if title in ("主题报道占比随时间变化", "各地主题构成") or title.startswith("各地主题报道占比"):
                found[title[:6]] = spec
        return found

    before = theme_charts()
    assert before["主题报道占比"]["layout"]["title"]["subtitle"]["text"].startswith("显示文章最多的 8 个主题")
    at.multiselect(key="flt_themes").set_value(["rural_revitalization"]).run()
    assert not at.exception, at.exception
    after = theme_charts()
    # one line; a demo corpus whose first or last period is partial adds its open markers (no legend)
    (line,) = [t for t in after["主题报道占比"]["data"] if t.get("showlegend") is not False]
    assert line["name"] == "乡村振兴与帮扶" and line["line"]["color"] == rural
    shares = numbers(line["y"]).astype(float)
    assert 0 < np.nanmax(shares) < 0.9  # a share of all articles, not 100% every month
    assert after["各地主题报道"]["data"][0]["x"] == ["乡村振兴与帮扶"]
    assert any("占比的分母仍是" in c.value for c in at.caption)
    mix = {t["name"]: t["marker"]["color"] for t in after["各地主题构成"]["data"]}
    assert mix["乡村振兴与帮扶"] == rural
    at.session_state["th_measure"] = "column"
    at.run()
    assert not at.exception, at.exception


def test_the_heatmap_tells_two_counties_of_one_name_apart_by_their_prefecture():
    import pandas as pd

    from ui.state import FilterState
    from ui.view import View

    names = {"county": {"620102": "城关区（兰州市）", "540102": "城关区（拉萨市）"}}
    view = View(store=None, source_label="t", state=FilterState(level="county"), filters=None, names=names,
                theme_labels={}, lang="zh")
    counts = pd.DataFrame({"group": ["城关区", "城关区", "未知"], "group_code": ["620102", "540102", pd.NA],
                           "theme": ["ecology"] * 3, "n_articles": [1, 2, 3]})
    assert view.with_display_names(counts)["group"].tolist() == ["城关区（兰州市）", "城关区（拉萨市）", "未知"]
    assert view.codes_by_name()["城关区（拉萨市）"] == "540102"
