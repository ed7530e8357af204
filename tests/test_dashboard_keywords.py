"""Keywords, network and map: names left out of keyness, honest network and map, small corpora.

Pure functions are tested on hand-countable fixtures; the tabs with AppTest by widget key.
"""

import json
import os

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis.charts import plot_choropleth, plot_cooccurrence_network, plot_slogan_spread
from analysis.charts.map_labels import DARK_HALO, DARK_TEXT, LIGHT_HALO, LIGHT_TEXT, dark_share, region_points
from analysis.charts.maps import FEW_OPACITY, short_region_name
from analysis.charts.network import select_edges
from analysis.charts.slogans import DAY_MS, date_ticks
from analysis.geo import load_boundaries
from analysis.name_terms import (
    author_names,
    count_name_contexts,
    load_name_lists,
    person_name_terms,
    place_name_terms,
)
from analysis.places import load_gazetteer
from tests.conftest import REPO_ROOT
from tests.test_dashboard import matched

os.environ.setdefault("GOVTHEMES_DEMO_ARTICLES", "600")
SCRIPT = str(REPO_ROOT / "dashboard.py")


# --- names left out of keyness ------------------------------------------------------------


@pytest.fixture(scope="module")
def lists():
    return load_name_lists()


def test_a_name_after_a_title_or_before_tongzhi_is_counted_with_the_given_name_the_segmenter_cut_off(lists):
    contexts = count_name_contexts(
        ["市政协主席龚怀宝主持会议。龚怀宝指出，要振兴乡村。", "主席崔东海带领视察组。", "王芳同志出席。回应委员关切。"],
        lists=lists,
    )
    assert contexts["龚怀宝"] == 2 and contexts["龚怀"] == 1  # after 主席 (2 and 3 characters), before 指出
    assert contexts["东海"] == 1  # 崔/东海: the given name after the surname
    assert contexts["王芳"] == 1  # before 同志
    assert contexts["关切"] == 1  # 关 is a surname: only not_names keeps it a word
    assert contexts["振兴"] == 0


def test_a_term_is_a_person_name_when_enough_of_its_uses_stand_where_names_stand(lists):
    frequencies = {"龚怀宝": 3, "东海": 2, "振兴": 40, "关切": 2, "黄秀雪": 1, "乡村": 10}
    contexts = {"龚怀宝": 1, "东海": 1, "振兴": 1, "关切": 2}
    names = person_name_terms(frequencies, contexts, authors={"黄秀雪"}, not_names=lists.not_names)
    assert names == {"龚怀宝", "东海", "黄秀雪"}  # 1/40 of 振兴 is a chair's name: stays a word
    assert author_names(["通讯员黄秀雪", "记者 王芳、李明", None]) == {"黄秀雪", "王芳", "李明"}


def test_place_names_are_every_form_of_prefectures_and_the_corpus_s_counties_but_not_ordinary_words(lists):
    names = place_name_terms(load_gazetteer(), provinces=["620000"], keep=lists.place_words)
    assert {"酒泉", "酒泉市", "敦煌", "瓜州", "肃州区", "阿克塞", "甘肃", "兰州"} <= names
    assert "合作" not in names  # 合作市, but mostly cooperation
    assert "城区" not in names and "全州" not in names  # counties of other provinces: ordinary words here
    assert "城区" not in place_name_terms(load_gazetteer(), provinces=["140000"])  # an ordinary word (jieba)
    assert {"沁县", "阳城"} <= place_name_terms(load_gazetteer(), provinces=["140000"])


def test_gansu_short_names_the_segmenter_cut_in_two_are_one_word():
    from analysis.tokenize import build_tokenizer

    tokenizer = build_tokenizer()
    for name in ("阿克塞", "张家川县", "肃南县", "瓜州县"):
        assert tokenizer.cut(f"本报{name}讯") == ["本报", name, "讯"]


@pytest.fixture(scope="module")
def store():
    from analysis.demo import generate_demo_articles
    from analysis.store import open_store

    store = open_store(None)
    store.ingest(generate_demo_articles(600, seed=0), workers=1)
    return store


def test_keyness_of_a_place_leaves_out_its_place_and_person_names_and_says_which(store):
    kept = store.keyness(level="prefecture", target_adcode="620900", top=20)
    assert {"酒泉", "敦煌"} & set(kept["term"])  # the bare table is mostly names
    clean = store.keyness(level="prefecture", target_adcode="620900", top=20, leave_out=("place", "person"))
    left_out = clean.attrs["left_out"]
    assert {"酒泉", "敦煌"} <= set(left_out["place"]) and left_out["person"]
    assert not set(clean["term"]) & (set(left_out["place"]) | set(left_out["person"]))
    assert len(clean) == 20 and clean["g2"].is_monotonic_decreasing
    only_places = store.keyness(level="prefecture", target_adcode="620900", top=20, leave_out=("place",))
    assert set(only_places.attrs["left_out"]) == {"place"}


def test_the_left_out_caption_names_the_strongest_few_of_each_kind():
    from ui.name_toggles import left_out_caption

    caption = left_out_caption({"place": ["酒泉", "敦煌"], "person": list("甲乙丙丁戊己")}, "zh")
    assert "地名 2 个（酒泉、敦煌）" in caption and "人名 6 个（甲、乙、丙、丁、戊…）" in caption
    assert left_out_caption({}, "en") == "No place or person name was among these words: nothing was left out."


# --- network --------------------------------------------------------------------------------


@pytest.fixture
def pairs() -> pd.DataFrame:
    return pd.DataFrame({
        "term_a": ["协商", "协商", "乡村", "基层", "乡村", "产业"],
        "term_b": ["基层", "履职", "资源", "履职", "协商", "资源"],
        "n_articles": [50, 40, 30, 20, 3, 2],
        "pmi": [0.1] * 6, "npmi": [0.1] * 6,
    })


def test_the_network_draws_every_term_of_the_table_in_one_piece(pairs):
    edges = select_edges(pairs, top_edges=2)
    drawn = set(edges["term_a"]) | set(edges["term_b"])
    assert drawn == {"协商", "基层", "履职", "乡村", "资源", "产业"}
    # 乡村–资源 would float apart: its strongest link to the rest (乡村–协商, 3) is added
    assert ("乡村", "协商") in set(zip(edges["term_a"], edges["term_b"], strict=True))
    assert ("基层", "履职") not in set(zip(edges["term_a"], edges["term_b"], strict=True))  # not needed
    fig = plot_cooccurrence_network(pairs, top_edges=2, docfreq={"协商": 99})
    assert set(fig.data[-1].text) == drawn
    assert "分词后含该词的文章" in fig.data[-1].hovertemplate


def test_the_network_caption_says_how_many_terms_were_drawn_and_which_had_no_pair(pairs):
    from ui.tab_network import drawn_caption

    caption = drawn_caption(pairs, top=7, candidates=["协商", "基层", "孤词"], lang="zh")
    assert caption.startswith("画出 6 个词") and "未画出（没有这样的共现）：孤词" in caption
    english = drawn_caption(pairs, top=7, candidates=["协商", "孤词", "独字"], lang="en")
    assert english.endswith("孤词, 独字.") and "、" not in english


def test_the_search_notice_gives_both_counts_and_says_it_filters_every_tab():
    from ui.search_notice import search_message

    text = search_message("协商", 1979, 1622, "zh")
    assert "含该字串的文章 1,979 篇" in text and "1,622 篇" in text and "所有标签页" in text
    assert "segmented word" not in search_message("协商", 1622, 1622, "en")  # same count: said once


def test_a_search_from_a_shared_link_is_shown_as_typed_not_as_markdown():
    from ui.search_notice import search_message

    text = search_message("[登录](https://example.com)", 0, None, "zh")
    assert r"“\[登录\]\(https\://example\.com\)”" in text


# --- map -------------------------------------------------------------------------------------


def map_names(spec: dict) -> dict[str, dict]:
    """``{name: its properties (colour, halo)}`` of the names written on a map figure."""
    style = spec["layout"]["map"]["style"]
    features = style["sources"]["region-names"]["data"]["features"]
    return {f["properties"]["name"]: f["properties"] for f in features}


def test_regions_are_named_on_the_map_and_small_counts_drawn_pale():
    geojson = load_boundaries(level="prefecture", province_code="620000")
    values = pd.DataFrame({"adcode": ["620100", "620900"], "value": [0.2, 0.5], "articles": [300, 8]})
    fig = plot_choropleth(values, geojson=geojson, value_format=".0%", few=values["articles"] < 20,
                          few_text="文章太少", labels=None)
    spec = fig.to_dict()
    kinds = [trace["type"] for trace in spec["data"]]
    assert kinds[:2] == ["choroplethmap", "choroplethmap"] and "scattermap" not in kinds
    pale = spec["data"][1]
    assert list(pale["locations"]) == ["620900"] and pale["marker"]["opacity"] == FEW_OPACITY
    assert "文章太少" in pale["hovertemplate"]
    names = list(map_names(spec))
    assert {"兰州", "酒泉", "临夏", "甘南"} <= set(names) and len(names) == 14
    assert all(trace["below"] == "region-names" for trace in spec["data"])  # names above every fill
    assert "http" not in fig.to_json()
    assert short_region_name("阿克塞哈萨克族自治县", level="county") == "阿克塞"


def test_a_small_region_s_name_does_not_hide_its_larger_neighbour_s():
    china = load_boundaries(level="province")
    values = pd.DataFrame({"adcode": ["330000", "440000", "810000", "820000"], "value": [200, 50, 20, 10]})
    spec = plot_choropleth(values, geojson=china, labels=None).to_dict()
    names = list(map_names(spec))
    # Macau's and Hong Kong's names sit on Guangdong's coast: the map showed 澳门 there, and no 广东
    assert "广东" in names and "澳门" not in names and "香港" not in names
    assert {"浙江", "四川", "新疆", "湖南"} <= set(names)


def test_a_name_is_readable_on_whatever_fill_it_stands_on():
    geojson = load_boundaries(level="prefecture", province_code="620000")
    values = pd.DataFrame({"adcode": ["620900", "620200", "620100"], "value": [100, 5, 40]})
    spec = plot_choropleth(values, geojson=geojson, labels=None).to_dict()
    names = map_names(spec)
    # 酒泉 is dark: its name is white on a dark halo; 嘉峪关 (light, inside dark 酒泉) and the
    # light regions are dark on a white halo, which keeps 嘉峪关 readable where it runs over 酒泉
    assert (names["酒泉"]["colour"], names["酒泉"]["halo"]) == (LIGHT_TEXT, DARK_HALO)
    assert (names["嘉峪关"]["colour"], names["嘉峪关"]["halo"]) == (DARK_TEXT, LIGHT_HALO)
    assert names["张掖"]["colour"] == DARK_TEXT
    layer = spec["layout"]["map"]["style"]["layers"][-1]
    assert layer["paint"]["text-halo-color"] == ["get", "halo"] and layer["paint"]["text-halo-width"] > 1
    assert "http" not in json.dumps(spec["layout"]["map"]["style"])  # no tiles, no fonts to fetch
    # a name wider than its small region takes its colour from what lies under most of it
    points = region_points(geojson).set_index("short_name", drop=False)
    zoom = spec["layout"]["map"]["zoom"]
    share = dark_share(points.loc[["嘉峪关", "酒泉", "兰州"]], geojson, {"620900"}, zoom)
    assert 0.2 < share.iloc[0] < 0.8 and share.iloc[1] == 1.0 and share.iloc[2] == 0.0


# --- small corpora -------------------------------------------------------------------------------


def test_the_date_axis_of_a_short_span_ticks_days_not_months():
    days = pd.to_datetime(pd.Series(["2024-06-02", "2024-06-03"]))
    assert date_ticks(days) | {"range": None} == {"tickformat": "%Y-%m-%d", "dtick": DAY_MS, "range": None}
    years = pd.to_datetime(pd.Series(["2023-01-02", "2024-06-03"]))
    assert date_ticks(years)["tickformat"] == "%Y-%m" and "dtick" not in date_ticks(years)
    curve = pd.DataFrame({"slogan": ["甲", "乙"], "date": days, "place": ["兰州市"] * 2, "n_places": [1, 1]})
    layout = plot_slogan_spread(curve).to_dict()["layout"]
    assert layout["xaxis"]["dtick"] == DAY_MS and layout["hovermode"] == "x unified"
    first, last = pd.to_datetime(layout["xaxis"]["range"])
    assert first < days.min() and last > days.max()


# --- the tabs ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_tabs_leave_out_names_say_what_a_search_filtered_and_pick_a_map_colour_by_key():
    at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    at.selectbox(key="kw_keyness_target").set_value("620900").run()
    assert not at.exception, at.exception
    keyness = _chart(at, "比其他地市更常用的词")
    assert keyness["layout"]["title"]["text"].startswith("酒泉市 比其他地市更常用的词")
    terms = {term for trace in keyness["data"] for term in trace["y"]}
    assert "酒泉" not in terms and any("已略去地名" in c.value for c in at.caption)
    at.toggle(key="kw_keyness_places").set_value(True).run()
    assert "酒泉" in {term for trace in _chart(at, "比其他地市")["data"] for term in trace["y"]}

    at.text_input(key="flt_search").set_value("协商").run()
    assert any("含该字串的文章" in info.value for info in at.info)
    one_word = matched(at)
    at.text_input(key="flt_search").set_value("协商 -乡村振兴").run()  # a query: 协商 without 乡村振兴
    assert not at.exception and 0 < matched(at) < one_word
    assert any(f"已按检索式“协商 -乡村振兴”筛选：符合的文章 {matched(at):,} 篇" in info.value for info in at.info)
    at.button(key="nw_clear_search").click().run()
    assert at.text_input(key="flt_search").value == ""

    assert at.selectbox(key="map_metric").options == ["文章数", "某一主题的占比", "某一提法的扩散"]


@pytest.mark.slow
def test_keyness_compares_the_place_chosen_in_the_sidebar_after_the_page_was_drawn():
    at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    assert at.selectbox(key="kw_keyness_target").value is None  # no place yet: the picker asks for one
    at.multiselect(key="flt_places").set_value(["620900"]).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="kw_keyness_target").value == "620900"
    assert _chart(at, "比其他地市更常用的词")["layout"]["title"]["text"].startswith("酒泉市")
    at.selectbox(key="kw_keyness_target").set_value("620100").run()  # the analyst's own pick then stands
    assert at.selectbox(key="kw_keyness_target").value == "620100"
    at.text_input(key="flt_search").set_value("协商").run()
    assert at.selectbox(key="kw_keyness_target").value == "620100"


def _chart(at: AppTest, title_part: str) -> dict:
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        if title_part in spec.get("layout", {}).get("title", {}).get("text", ""):
            return spec
    raise AssertionError(f"no chart titled like {title_part!r}")



def test_the_word_cloud_png_names_the_filters_it_was_drawn_under():
    import datetime as dt

    from ui.state import FilterState
    from ui.tab_keywords import wordcloud_subtitle
    from ui.view import View

    names = {"prefecture": {"620100": "兰州市", "620500": "天水市"}}
    labels = {"rural_revitalization": "乡村振兴与帮扶"}
    bounds = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))

    def view(lang="zh", **state):
        return View(store=None, source_label="t", state=FilterState(**state), filters=None, names=names,
                    theme_labels=labels, lang=lang, date_bounds=bounds)

    assert wordcloud_subtitle(view(), ("place", "person")) == "全部文章（未筛选） · 未计地名和人名"
    chosen = view(places=("620100", "620500"), themes=("rural_revitalization",),
                  date_from=dt.date(2024, 3, 1), search="协商")
    assert wordcloud_subtitle(chosen, ()) == (
        "地区：兰州市、天水市 · 主题：乡村振兴与帮扶 · 日期：2024-03-01 至 2024-12-31 · 检索：协商")
    many = View(store=None, source_label="t", state=FilterState(outlets=("甲报", "乙报", "丙报")), filters=None,
                names=names, theme_labels=labels, lang="en")
    assert many.filter_description(most=2) == "Outlets: 甲报, 乙报 … (3 in all)"
    assert wordcloud_subtitle(view("en"), ("place",)) == "All articles (no filter) · place names left out"
    june = dt.date(2024, 6, 14)
    assert view(date_from=june, date_to=june).filter_description() == "日期：2024-06-14 当天"
    assert view("en", date_from=june, date_to=june).filter_description() == "Date: 2024-06-14 only"


def test_the_spread_chart_starts_with_the_slogans_in_most_places_none_in_no_place():
    from ui.tab_keywords import spread_defaults

    table = pd.DataFrame({"slogan": ["三农", "一带一路", "河长制", "强省会"], "n_mentions": [30, 28, 3, 5],
                          "n_groups": [0, 0, 1, 1]})
    assert spread_defaults(table) == ["强省会", "河长制"]
    assert spread_defaults(table.assign(n_groups=0)) == []


def test_a_few_months_of_first_mentions_tick_each_month_once():
    months = pd.Series(pd.to_datetime(["2023-08-10", "2023-11-20"]))  # plotly ticked 2023-09 twice
    assert date_ticks(months) == {"tickformat": "%Y-%m", "dtick": "M1"}
    assert "dtick" not in date_ticks(pd.Series(pd.to_datetime(["2016-01-01", "2026-01-01"])))
