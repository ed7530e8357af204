"""Charts and the counting helpers behind them, checked through ``fig.to_dict()``."""

from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis import charts
from analysis.charts.labels import LABELS, period_label
from analysis.charts.slogans import coinciding_slogans
from analysis.geo import BOUNDARY_CAPTION, load_boundaries, region_names
from analysis.overview import count_articles, count_articles_by_region, summarize_corpus
from analysis.schema import build_articles

THEMES = {"rural": "乡村振兴", "ecology": "生态保护", "safety": "安全生产"}


@pytest.fixture
def articles() -> pd.DataFrame:
    rows = [
        ("a1", "2024-01-05", "甘肃日报", "兰州市", "城关区", "620102", "一二三四"),
        ("a2", "2024-01-20", "甘肃日报", "兰州市", None, "620100", "五六"),
        ("a3", "2024-03-02", "兰州日报", "嘉峪关市", None, "620201", "七"),
        ("a4", "2024-03-30", "兰州日报", None, None, None, ""),
        ("a5", None, "每日甘肃网", "酒泉市", "敦煌市", "620982", "八九"),
    ]
    return build_articles([
        {"doc_id": d, "date": date, "outlet": outlet, "prefecture": pref, "county": county,
         "adcode": code, "text": text, "source": "f.txt",
         "province": "甘肃省" if code else None, "locality": county or pref}
        for d, date, outlet, pref, county, code, text in rows
    ])


@pytest.fixture
def theme_counts() -> pd.DataFrame:
    rows = [  # group, period, theme, n_articles, share, n_hits, group_articles
        ("兰州市", None, "rural", 3, 0.3, 7, 10),
        ("兰州市", None, "ecology", 5, 0.5, 9, 10),
        ("兰州市", None, "safety", 0, 0.0, 0, 10),
        ("酒泉市", None, "rural", 1, 0.25, 1, 4),
        ("酒泉市", None, "ecology", 2, 0.5, 4, 4),
        (None, "2024-01-01", "rural", 2, 0.4, 3, 5),
        (None, "2024-02-01", "rural", 1, 0.1, 1, 10),
        (None, "2024-01-01", "ecology", 4, 0.8, 6, 5),
        (None, "2024-02-01", "ecology", 5, 0.5, 5, 10),
    ]
    frame = pd.DataFrame(rows, columns=["group", "period", "theme", "n_articles", "share",
                                        "n_hits", "group_articles"])
    return frame.assign(group=frame["group"].astype("string"),
                        period=pd.to_datetime(frame["period"]))


def unpack(data) -> list:
    """Return a trace array from ``fig.to_dict()`` as a list (plotly 7 packs numbers as bdata)."""
    if isinstance(data, dict) and "bdata" in data:
        flat = np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
        shape = [int(n) for n in str(data.get("shape", len(flat))).split(",")]
        return flat.reshape(shape).tolist()
    return np.asarray(data, dtype=object).tolist() if not isinstance(data, list) else data


def assert_titled(fig: go.Figure, *, axes: bool = True) -> dict:
    spec = fig.to_dict()
    assert spec["layout"]["title"]["text"]
    if axes:
        assert spec["layout"]["xaxis"]["title"]["text"]
        assert spec["layout"]["yaxis"]["title"]["text"]
    for trace in spec["data"]:
        if trace.get("hoverinfo") != "skip":
            assert "%{" in trace["hovertemplate"], trace.get("name")
    return spec


# --- counting helpers -----------------------------------------------------------------


def test_count_articles_whole_corpus(articles):
    counts = count_articles(articles)
    assert counts.columns.tolist() == ["group", "period", "n_articles"]
    assert counts["n_articles"].tolist() == [5]
    assert counts["group"].isna().all() and counts["period"].isna().all()


def test_count_articles_by_month_fills_empty_months_and_drops_undated(articles):
    counts = count_articles(articles, period="month")
    assert counts["period"].dt.strftime("%Y-%m").tolist() == ["2024-01", "2024-02", "2024-03"]
    assert counts["n_articles"].tolist() == [2, 0, 2]


def test_count_articles_by_prefecture_keeps_unknown_as_na(articles):
    counts = count_articles(articles, by="prefecture")
    as_dict = dict(zip(counts["group"].fillna("NA"), counts["n_articles"], strict=True))
    assert as_dict == {"兰州市": 2, "嘉峪关市": 1, "酒泉市": 1, "NA": 1}


def test_count_articles_by_outlet_and_week_starts_on_monday(articles):
    counts = count_articles(articles, by="outlet", period="week")
    first = counts[counts["group"] == "甘肃日报"].iloc[0]
    assert first["period"] == pd.Timestamp("2024-01-01")  # Friday 5 Jan → Monday 1 Jan
    assert counts.groupby("group")["n_articles"].sum().to_dict() == {"兰州日报": 2, "甘肃日报": 2}


def test_count_articles_rejects_unknown_options(articles):
    with pytest.raises(ValueError, match="by must be one of"):
        count_articles(articles, by="city")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="period must be one of"):
        count_articles(articles, period="decade")  # type: ignore[arg-type]


def test_count_articles_on_an_empty_table():
    empty = build_articles([])
    assert count_articles(empty, by="outlet", period="month").empty
    assert summarize_corpus(empty)["articles"] == 0
    assert summarize_corpus(empty)["first_date"] is None


def test_summarize_corpus_key_figures(articles):
    summary = summarize_corpus(articles)
    assert summary == {
        "articles": 5, "first_date": pd.Timestamp("2024-01-05"),
        "last_date": pd.Timestamp("2024-03-30"), "days": 86, "provinces": 1,
        "prefectures": 3, "counties": 2, "localities": 4, "outlets": 3, "characters": 9,
    }


def test_count_articles_by_region_puts_jiayuguan_on_the_county_map(articles):
    regions = region_names(load_boundaries(level="county", province_code="620000"))
    counts = count_articles_by_region(articles, regions=regions)
    assert len(counts) == 87
    nonzero = counts[counts["n_articles"] > 0].set_index("adcode")["n_articles"].to_dict()
    assert nonzero == {"620102": 1, "620200": 1, "620982": 1}  # 620100 is no county


def test_count_articles_by_region_at_prefecture_level(articles):
    regions = region_names(load_boundaries(level="prefecture", province_code="620000"))
    counts = count_articles_by_region(articles, regions=regions).set_index("adcode")
    assert counts.loc["620100", "n_articles"] == 2
    assert counts.loc["620900", "n_articles"] == 1
    assert counts["n_articles"].sum() == 4


# --- overview charts ---------------------------------------------------------------------


def test_articles_over_time_single_series(articles):
    fig = charts.plot_articles_over_time(count_articles(articles, period="month"))
    spec = assert_titled(fig)
    (bar,) = spec["data"]
    assert unpack(bar["y"]) == [2, 0, 2]
    assert list(bar["customdata"]) == ["2024年1月", "2024年2月", "2024年3月"]
    assert "篇" in bar["hovertemplate"]
    assert spec["layout"]["yaxis"]["title"]["text"] == "报道数（篇）"


def test_articles_over_time_stacks_groups_and_folds_small_ones(articles):
    counts = count_articles(articles, by="outlet", period="month")
    fig = charts.plot_articles_over_time(counts, max_groups=1)
    names = [trace.name for trace in fig.data]
    assert names == ["兰州日报", "其他"] or names == ["甘肃日报", "其他"]
    assert fig.layout.barmode == "stack"
    assert sum(sum(trace.y) for trace in fig.data) == 4


def test_articles_by_locality_largest_on_top(articles):
    fig = charts.plot_articles_by_locality(count_articles(articles, by="prefecture"))
    spec = assert_titled(fig)
    (bar,) = spec["data"]
    assert list(bar["y"])[-1] == "兰州市" and unpack(bar["x"])[-1] == 2
    assert "未识别" not in list(bar["y"])
    assert np.allclose(sorted(unpack(bar["customdata"])), [0.2, 0.2, 0.4])  # of all 5
    assert spec["layout"]["title"]["subtitle"]["text"].startswith("另有 1 篇（20%）")
    shown = charts.plot_articles_by_locality(count_articles(articles, by="prefecture"),
                                             show_unknown=True)
    assert shown.data[0].y[0] == "未识别"  # at the bottom


def test_places_the_filter_leaves_no_article_in_get_no_bar_and_are_not_counted():
    counts = pd.DataFrame({"group": pd.array([f"县{i}" for i in range(40)], dtype="string"),
                           "n_articles": [3, 2] + [0] * 38})
    spec = charts.plot_articles_by_locality(counts).to_dict()
    assert list(spec["data"][0]["y"]) == ["县1", "县0"] and "subtitle" not in spec["layout"]["title"]
    all_provinces = pd.DataFrame({"group": pd.array([f"省{i}" for i in range(31)], dtype="string"),
                                  "n_articles": [1] * 31})
    assert len(charts.plot_articles_by_locality(all_provinces).data[0].y) == 31  # none left out


def test_hover_lines_name_values_with_a_full_width_colon_in_chinese(articles):
    counts = count_articles(articles, by="prefecture")
    chinese = charts.plot_articles_by_locality(counts).data[0].hovertemplate
    english = charts.plot_articles_by_locality(counts, lang="en").data[0].hovertemplate
    assert "报道数：%{x:,}" in chinese and ": " not in chinese
    assert "Articles: %{x:,}" in english


def test_english_labels(articles):
    fig = charts.plot_articles_by_locality(count_articles(articles, by="outlet"), lang="en")
    assert fig.layout.title.text == "Articles by place"
    assert fig.layout.xaxis.title.text == "Articles"


def test_every_label_has_both_languages():
    assert all(set(entry) == {"zh", "en"} for entry in LABELS.values())
    with pytest.raises(KeyError, match="no chart label"):
        charts.label("missing")


def test_the_label_tables_of_each_kind_of_chart_are_joined_and_none_hides_another():
    from analysis.charts import labels_keywords, labels_maps, labels_network, labels_overview, labels_themes
    from analysis.charts.labels import join_tables

    tables = [labels_overview.OVERVIEW_LABELS, labels_keywords.KEYWORD_LABELS, labels_themes.THEME_LABELS,
              labels_network.NETWORK_LABELS, labels_maps.MAP_LABELS]
    assert len(LABELS) == sum(map(len, tables))
    assert LABELS["map"] == labels_maps.MAP_LABELS["map"]
    with pytest.raises(ValueError, match="chart labels defined twice: map"):
        join_tables(labels_maps.MAP_LABELS, {"map": {"zh": "图", "en": "Map"}})


def test_period_labels():
    stamp = pd.Timestamp("2024-04-01")
    assert [period_label(stamp, p) for p in ("day", "week", "month", "quarter", "year")] == [
        "2024-04-01", "2024年第14周", "2024年4月", "2024年第2季度", "2024年"]
    assert period_label(stamp, "quarter", "en") == "2024 Q2"


# --- keyword charts ----------------------------------------------------------------------


@pytest.fixture
def keywords() -> pd.DataFrame:
    return pd.DataFrame({
        "group": pd.array([None, None, None, "兰州市"], dtype="string"),
        "term": ["乡村振兴", "营商环境", "河长制", "黄河"],
        "frequency": [30, 50, 10, 99], "docfreq": [12, 20, 5, 40],
        "rate_per_10k": [3.0, 5.0, 1.0, 9.9], "tfidf": [0.1, 0.2, 0.3, 0.4], "rank": [2, 1, 3, 1],
    })


def test_top_terms_frequency(keywords):
    spec = assert_titled(charts.plot_top_terms(keywords, top=2))
    (bar,) = spec["data"]
    assert list(bar["y"]) == ["乡村振兴", "营商环境"]  # largest on top = last
    assert unpack(bar["x"]) == [30, 50]
    assert spec["layout"]["xaxis"]["title"]["text"] == "词频（次）"
    assert "出现篇数" in bar["hovertemplate"]
    assert unpack(bar["customdata"])[1] == [50, 5.0, 20, 1]


def test_top_terms_rate_for_one_group(keywords):
    fig = charts.plot_top_terms(keywords, measure="rate_per_10k", group="兰州市")
    assert list(fig.data[0].y) == ["黄河"]
    assert "次/万词" in fig.layout.xaxis.title.text
    assert "兰州市" in fig.layout.title.text
    with pytest.raises(ValueError, match="measure"):
        charts.plot_top_terms(keywords, measure="tfidf")  # type: ignore[arg-type]


def test_keyness_diverges_by_log_ratio():
    keyness = pd.DataFrame({
        "term": ["强省会", "脱贫", "改革"], "target_frequency": [40, 5, 20],
        "reference_frequency": [10, 60, 20], "target_total": 1000, "reference_total": 2000,
        "g2": [25.5, 30.1, 0.0], "log_ratio": [3.0, -2.6, 1.0], "p_value": [1e-6, 1e-7, 1.0],
        "direction": ["target", "reference", "target"],
    })
    spec = assert_titled(charts.plot_keyness(keyness, target_name="甘肃", reference_name="全国"))
    target, reference = spec["data"]
    assert (target["name"], reference["name"]) == ("甘肃", "全国")
    assert list(target["y"]) == ["强省会"] and unpack(target["x"]) == [25.5]  # zero G² left out
    assert list(reference["y"]) == ["脱贫"] and unpack(reference["x"]) == [-30.1]
    assert unpack(reference["customdata"])[0][1] == -2.6
    assert "对数比" in target["hovertemplate"]
    assert "G²" in spec["layout"]["xaxis"]["title"]["text"]


def test_slogans_chart():
    slogans = pd.DataFrame({
        "slogan": ["强省会战略", "河长制"], "n_mentions": [12, 30], "n_articles": [10, 25],
        "first_date": pd.to_datetime(["2024-01-01", "2023-05-01"]),
        "last_date": pd.to_datetime(["2024-06-01", "2024-02-01"]),
        "n_groups": [1, 3], "groups": [["兰州市"], ["兰州市", "天水市", "酒泉市"]],
    })
    spec = assert_titled(charts.plot_slogans(slogans))
    (bar,) = spec["data"]
    assert list(bar["y"]) == ["强省会战略", "河长制"]
    assert list(bar["customdata"][1]) == [25, "2023-05-01", "2024-02-01", 3, "兰州市、天水市、酒泉市"]


def test_slogans_and_terms_mentioned_once_tick_whole_mentions_not_0_0_0_1_1_1(keywords):
    # Zhejiang in June 2024 (real 新闻联播 store): two slogans named once; ticks 0.2 apart read 0 0 0 1 1 1
    slogans = pd.DataFrame({
        "slogan": ["四学联动", "百年百大"], "n_mentions": [1, 1], "n_articles": [1, 1],
        "first_date": pd.to_datetime(["2024-06-15", "2024-06-18"]),
        "last_date": pd.to_datetime(["2024-06-15", "2024-06-18"]), "n_groups": [1, 1], "groups": [["浙江省"]] * 2,
    })
    axis = charts.plot_slogans(slogans).layout.xaxis
    assert (axis.dtick, axis.tickformat) == (1, "d")
    few = keywords.assign(frequency=[3, 5, 1, 2])
    axis = charts.plot_top_terms(few).layout.xaxis
    assert (axis.dtick, axis.tickformat) == (1, "d")
    assert charts.plot_top_terms(keywords).layout.xaxis.dtick is None  # plotly's own ticks are whole


def test_counts_on_bars_and_axes_have_thousands_separators_like_the_keyword_bars():
    slogans = pd.DataFrame({
        "slogan": ["三抓三促"], "n_mentions": [1122], "n_articles": [900],
        "first_date": pd.to_datetime(["2023-02-01"]), "last_date": pd.to_datetime(["2024-06-01"]),
        "n_groups": [14], "groups": [["兰州市"]],
    })
    fig = charts.plot_slogans(slogans)
    assert list(fig.data[0].text) == ["1,122"] and fig.layout.xaxis.tickformat == ",d"
    counts = pd.DataFrame({"group": ["兰州市", "天水市"], "period": [None, None], "n_articles": [1092, 80]})
    fig = charts.plot_articles_by_locality(counts)
    assert list(fig.data[0].text) == ["80", "1,092"] and fig.layout.xaxis.tickformat == ",d"


# --- theme charts ------------------------------------------------------------------------


def test_theme_heatmap_cells_are_the_shares_fed_in(theme_counts):
    # drop_empty=False keeps 安全生产 (no article anywhere; dropped by default) to show the zero cells
    spec = assert_titled(charts.plot_theme_heatmap(theme_counts, theme_labels=THEMES, drop_empty=False))
    (heat,) = spec["data"]
    assert list(heat["x"]) == ["乡村振兴", "生态保护", "安全生产"]
    assert list(heat["y"]) == ["兰州市", "酒泉市"]
    assert unpack(heat["z"]) == [[0.3, 0.5, 0.0], [0.25, 0.5, 0.0]]
    assert heat["customdata"][0][1] == [5, 10, 9]  # n_articles, group_articles, n_hits
    assert heat["customdata"][1][2] == [0, 4, 0]  # no row: 0 of the group's 4 articles
    assert heat["texttemplate"] == "%{z:.0%}"
    assert "%{customdata[0]" in heat["hovertemplate"]


def test_with_a_theme_chosen_the_heatmap_keeps_the_places_that_speak_of_it(theme_counts):
    # 兰州市 has more articles, 酒泉市 more on 生态保护 by share but fewer by count: by count it is 兰州
    counts = pd.concat([theme_counts, pd.DataFrame(
        [("天水市", None, "safety", 3, 0.5, 3, 6)], columns=theme_counts.columns
    ).astype({"group": "string"})])
    fig = charts.plot_theme_heatmap(counts, theme_labels=THEMES, themes=["safety"], max_places=1)
    assert list(fig.data[0].y) == ["天水市"]  # not 兰州市, the largest place, with no article on it
    assert "所选主题文章最多的 1 个地区（共 3 个）" in fig.layout.title.subtitle.text


def test_each_heatmap_row_shows_its_number_of_articles_grey_when_few(theme_counts):
    counts = theme_counts.copy()
    counts.loc[counts["group"] == "兰州市", "group_articles"] = 30
    fig = charts.plot_theme_heatmap(counts, theme_labels=THEMES)
    assert list(fig.layout.yaxis.ticktext) == ["兰州市 · 30 篇", '<span style="color:#777777">酒泉市 · 4 篇</span>']
    assert list(fig.layout.yaxis.tickvals) == ["兰州市", "酒泉市"]  # clicks still name the place
    english = charts.plot_theme_heatmap(counts, theme_labels=THEMES, lang="en").layout.yaxis.ticktext
    assert english[0] == "兰州市 · 30 articles"  # not a bare "· 30": the number says what it counts
    assert "不足 20 篇" in fig.layout.title.subtitle.text


def test_long_autonomous_place_names_are_written_short_on_the_axes_and_whole_in_hover(theme_counts):
    from analysis.charts.map_labels import short_place_label

    assert short_place_label("积石山保安族东乡族撒拉族自治县（临夏回族自治州）") == "积石山县（临夏州）"
    assert short_place_label("新疆维吾尔自治区") == "新疆" and short_place_label("东乡族自治县") == "东乡县"
    assert short_place_label("城关区（兰州市）") == "城关区（兰州市）" and short_place_label("未知") == "未知"
    assert short_place_label("香港特别行政区") == "香港" and short_place_label("澳门特别行政区") == "澳门"
    assert [short_place_label(name) for name in ("浙江省", "北京市", "黑龙江省", "兰州市", "杭州市（浙江省）")] == [
        "浙江", "北京", "黑龙江", "兰州市", "杭州市（浙江）"]  # provinces as news writes them, beside 新疆
    long = "阿克塞哈萨克族自治县（酒泉市）"
    counts = theme_counts.assign(group=theme_counts["group"].replace({"酒泉市": long}))
    heat = charts.plot_theme_heatmap(counts, theme_labels=THEMES)
    assert list(heat.layout.yaxis.tickvals) == ["兰州市", long]  # a click still names the place in full
    assert heat.layout.yaxis.ticktext[1].startswith('<span style="color:#777777">阿克塞县（酒泉市） · ')
    assert "%{y}" in heat.data[0].hovertemplate
    mix = charts.plot_theme_mix(counts, theme_labels=THEMES)
    assert list(mix.layout.yaxis.ticktext) == ["兰州市", "阿克塞县（酒泉市）"] and long in mix.data[0].y
    places = charts.plot_articles_by_locality(pd.DataFrame({"group": ["临夏回族自治州"], "n_articles": [3]}))
    assert list(places.layout.yaxis.ticktext) == ["临夏州"] and list(places.data[0].y) == ["临夏回族自治州"]


def test_articles_without_a_place_are_labelled_unknown_in_english_and_come_last(theme_counts):
    counts = theme_counts.copy()
    counts.loc[counts["group"] == "酒泉市", "group"] = "未知"
    english = charts.plot_theme_heatmap(counts, theme_labels=THEMES, lang="en").to_dict()["data"][0]
    chinese = charts.plot_theme_heatmap(counts, theme_labels=THEMES).to_dict()["data"][0]
    assert list(english["y"]) == ["兰州市", "Unknown"] and list(chinese["y"]) == ["兰州市", "未知"]
    mix = charts.plot_theme_mix(counts, theme_labels=THEMES, lang="en").to_dict()["data"][0]
    assert list(mix["y"]) == ["兰州市", "Unknown"]


def test_with_many_themes_the_heatmap_cells_show_the_percentage_without_its_sign(theme_counts):
    labels = {f"t{i}": f"主题{i}" for i in range(12)}
    rows = [("兰州市", None, theme, 1, 0.126 if theme == "t0" else 0.5, 1, 8) for theme in labels]
    counts = pd.DataFrame(rows, columns=theme_counts.columns).astype({"group": "string"})
    (heat,) = charts.plot_theme_heatmap(counts, theme_labels=labels).to_dict()["data"]
    assert heat["texttemplate"] == "%{text}"
    shares, text = unpack(heat["z"]), unpack(heat["text"])
    assert [[round(v * 100) for v in row] for row in shares] == text
    assert 13 in text[0] and 50 in text[0]


def test_a_heatmap_of_one_place_is_as_tall_as_one_of_five_so_its_colour_bar_can_be_read(theme_counts):
    labels = {f"t{i}": f"主题{i}" for i in range(12)}  # slanted labels, as with the real 29 themes

    def height(n_places: int) -> int:
        rows = [(f"地{p}", None, theme, 1, 0.1, 1, 8) for p in range(n_places) for theme in labels]
        counts = pd.DataFrame(rows, columns=theme_counts.columns).astype({"group": "string"})
        return charts.plot_theme_heatmap(counts, theme_labels=labels).layout.height

    assert height(1) == height(5) and height(6) == height(5) + 30


def test_theme_heatmap_needs_rows_without_period(theme_counts):
    by_period = theme_counts[theme_counts["period"].notna()]
    with pytest.raises(ValueError, match="split by period"):
        charts.plot_theme_heatmap(by_period, theme_labels=THEMES)


def test_theme_trends_one_line_per_theme(theme_counts):
    spec = assert_titled(charts.plot_theme_trends(theme_counts, theme_labels=THEMES))
    names = [trace["name"] for trace in spec["data"]]
    assert names == ["乡村振兴", "生态保护"]
    assert unpack(spec["data"][0]["y"]) == [0.4, 0.1]
    assert spec["data"][0]["customdata"][0] == ["2024年1月", 2, 5, 3]
    assert spec["layout"]["yaxis"]["tickformat"] == ".0%"


def test_theme_trends_of_the_unplaced_articles_are_titled_unknown_in_english(theme_counts):
    unplaced = theme_counts.assign(group=theme_counts["group"].fillna("未知"))
    english = charts.plot_theme_trends(unplaced, theme_labels=THEMES, group="未知", lang="en")
    assert english.layout.title.text.endswith(" · Unknown")
    assert charts.plot_theme_trends(unplaced, theme_labels=THEMES, group="未知").layout.title.text.endswith(" · 未知")


def test_theme_trends_say_which_themes_the_sidebar_chose_one_in_the_singular(theme_counts):
    def note(themes, lang):
        fig = charts.plot_theme_trends(theme_counts, theme_labels=THEMES, themes=themes, lang=lang)
        return fig.layout.title.subtitle.text

    assert note(["rural"], "en") == "Showing the theme chosen in the sidebar, as a share of all articles of each period."
    assert note(["rural", "ecology"], "en").startswith("Showing the 2 themes chosen in the sidebar, as shares")
    assert note(["rural"], "zh") == "显示侧栏所选的主题；占比的分母是同期全部文章。"
    assert note(["rural", "ecology"], "zh").startswith("显示侧栏所选的 2 个主题")


def test_theme_trends_mark_partly_covered_periods_with_open_markers_and_say_which_days(theme_counts):
    import datetime as dt

    fig = charts.plot_theme_trends(theme_counts, theme_labels=THEMES,
                                   coverage=(dt.date(2024, 1, 20), dt.date(2024, 2, 29)))
    line, hollow = fig.data[0], fig.data[1]  # the line, then its partial periods' open markers
    assert list(line.marker.size) == [0, 6] and list(hollow.y) == [0.4] and not hollow.showlegend
    assert hollow.marker.color == "white" and hollow.marker.line.color == line.line.color
    assert "1月20日至1月31日（12/31 天）" in line.hovertext[0] and line.hovertext[1] == ""  # January: 12 of 31 days
    assert "空心点为不完整的时段" in fig.layout.title.subtitle.text
    whole = charts.plot_theme_trends(theme_counts, theme_labels=THEMES)
    assert len(whole.data) == 2 and list(whole.data[0].marker.size) == [6, 6]  # two themes, no open markers


def test_theme_trend_lines_break_over_periods_without_articles(theme_counts):
    sparse = theme_counts.copy()
    sparse.loc[sparse["period"] == "2024-02-01", "period"] = pd.Timestamp("2024-05-01")
    rural = charts.plot_theme_trends(sparse, theme_labels=THEMES).to_dict()["data"][0]
    assert [str(x)[:10] for x in rural["x"]] == ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"]
    assert [None if np.isnan(y) else y for y in unpack(rural["y"])] == [0.4, None, None, None, 0.1]
    assert rural.get("connectgaps") is not True  # plotly's default: no line across the gap
    assert rural["customdata"][4] == ["2024年5月", 1, 10, 1]


def test_theme_trends_leave_out_periods_with_too_few_articles_for_a_share_and_say_how_many(theme_counts):
    # January has 5 articles, February 10: at 6, January's shares are not drawn
    fig = charts.plot_theme_trends(theme_counts, theme_labels=THEMES, min_articles=6)
    rural = fig.to_dict()["data"][0]
    assert [str(x)[:10] for x in rural["x"]] == ["2024-02-01"]  # a thin first period is left off the axis
    assert "1 个时段文章不足 6 篇" in fig.layout.title.subtitle.text
    gap = theme_counts.assign(group_articles=theme_counts["group_articles"].where(
        theme_counts["period"] != "2024-01-01", 2))
    three = pd.concat([gap, theme_counts[theme_counts["period"] == "2024-02-01"].assign(
        period=pd.Timestamp("2023-12-01"))])  # December: 10 articles, January: 2, February: 10
    rural = charts.plot_theme_trends(three, theme_labels=THEMES, min_articles=5).to_dict()["data"][0]
    assert [None if np.isnan(y) else y for y in unpack(rural["y"])] == [0.1, None, 0.1]  # a gap between
    assert rural["customdata"][1] == ["2024年1月", 2, 2, 3]  # its counts stay in the hover data
    english = charts.plot_theme_trends(theme_counts, theme_labels=THEMES, min_articles=6, lang="en")
    assert "Periods with fewer than 6 articles (1)" in english.layout.title.subtitle.text
    whole = charts.plot_theme_trends(theme_counts, theme_labels=THEMES, min_articles=5)
    assert unpack(whole.to_dict()["data"][0]["y"]) == [0.4, 0.1]
    assert "不足" not in (whole.layout.title.subtitle.text or "")


def test_theme_trends_for_a_missing_group_names_the_groups(theme_counts):
    with pytest.raises(ValueError, match="兰州市"):
        charts.plot_theme_trends(theme_counts, theme_labels=THEMES, group="天水市")


def test_theme_mix_bars_add_up_to_one_per_locality(theme_counts):
    spec = assert_titled(charts.plot_theme_mix(theme_counts, theme_labels=THEMES))
    assert [trace["name"] for trace in spec["data"]] == ["乡村振兴", "生态保护", "安全生产"]
    totals = np.sum([np.asarray(unpack(trace["x"]), dtype=float) for trace in spec["data"]], axis=0)
    assert np.allclose(totals, [1.0, 1.0])
    assert np.allclose(unpack(spec["data"][0]["x"]), [3 / 8, 1 / 3])
    assert spec["layout"]["barmode"] == "stack"


# --- network -----------------------------------------------------------------------------


@pytest.fixture
def cooccurrence() -> pd.DataFrame:
    return pd.DataFrame({
        "term_a": ["乡村振兴", "乡村振兴", "营商环境", "河长制"],
        "term_b": ["产业", "营商环境", "产业", "生态"],
        "n_articles": [10, 4, 2, 1], "pmi": [1.5, 0.7, 0.2, 2.0], "npmi": [0.5, 0.2, 0.1, 0.9],
    })


def test_spring_layout_is_deterministic_for_a_seed():
    edges = np.array([[0, 1], [1, 2], [2, 0], [3, 4]])
    first = charts.spring_layout(5, edges, seed=3)
    assert np.array_equal(first, charts.spring_layout(5, edges, seed=3))
    assert not np.array_equal(first, charts.spring_layout(5, edges, seed=4))
    assert first.shape == (5, 2) and np.abs(first).max() == pytest.approx(1.0)


def test_network_nodes_edges_and_hover(cooccurrence):
    fig = charts.plot_cooccurrence_network(cooccurrence, docfreq={"乡村振兴": 40, "产业": 10})
    spec = assert_titled(fig, axes=False)
    nodes = spec["data"][-1]
    assert list(nodes["text"]) == ["乡村振兴", "营商环境", "河长制", "产业", "生态"]
    sizes = unpack(nodes["marker"]["size"])
    assert sizes[0] == max(sizes)
    assert nodes["customdata"][0][:3] == [40.0, 2, 14.0]  # docfreq, degree, co-articles
    edge_hover = spec["data"][-2]
    assert edge_hover["customdata"][0] == ["乡村振兴", "产业", 10, 1.5, 0.5]
    widths = [t["line"]["width"] for t in spec["data"][:-2] if len(unpack(t["x"]))]
    assert len(widths) >= 2  # thick and thin edges
    assert fig.to_json() == charts.plot_cooccurrence_network(
        cooccurrence, docfreq={"乡村振兴": 40, "产业": 10}).to_json()


def test_network_top_edges_and_empty_table(cooccurrence):
    fig = charts.plot_cooccurrence_network(cooccurrence, top_edges=1)
    # the strongest edge, then each other term's strongest: every term of the table is drawn
    assert list(fig.data[-1].text) == ["乡村振兴", "河长制", "产业", "营商环境", "生态"]
    empty = charts.plot_cooccurrence_network(cooccurrence.iloc[:0])
    assert len(empty.data[-1].x) == 0


# --- maps --------------------------------------------------------------------------------


def test_prefecture_map_draws_all_14_prefectures_offline():
    geojson = load_boundaries(level="prefecture", province_code="620000")
    values = pd.DataFrame({"adcode": ["620100", "620200"], "value": [7, 2],
                           "文章举例": ["兰州新闻", "嘉峪关新闻"]})
    fig = charts.plot_choropleth(values, geojson=geojson, title="测试地图")
    spec = fig.to_dict()
    main, grey = spec["data"]
    assert main["type"] == "choroplethmap" and len(main["locations"]) == 14
    z = dict(zip(main["locations"], unpack(main["z"]), strict=True))
    assert z["620100"] == 7 and z["620200"] == 2 and z["621200"] == 0
    assert "文章举例" in main["hovertemplate"] and "%{z" in main["hovertemplate"]
    assert sorted(grey["locations"]) == ["629700", "629800", "629900"]
    assert spec["layout"]["map"]["style"] == "white-bg"
    assert not spec["layout"]["map"].get("layers")
    assert "http" not in json.dumps(spec["layout"]) and "accesstoken" not in fig.to_json()
    assert "http" not in fig.to_json()
    assert spec["layout"]["annotations"][0]["text"] == BOUNDARY_CAPTION
    center = spec["layout"]["map"]["center"]
    west, south, east, north = geojson["bbox"]
    assert west < center["lon"] < east and south < center["lat"] < north
    assert 3 < spec["layout"]["map"]["zoom"] < 7


def test_county_map_of_articles_has_every_county(articles):
    fig = charts.plot_article_map(articles, level="county", province_code="620000")
    main = fig.to_dict()["data"][0]
    assert len(main["locations"]) == 87
    z = dict(zip(main["locations"], unpack(main["z"]), strict=True))
    assert z["620200"] == 1 and z["620102"] == 1 and sum(z.values()) == 3
    assert main["colorbar"]["title"]["text"] == "报道数（篇）"


def test_map_without_fill_draws_missing_regions_grey():
    geojson = load_boundaries(level="prefecture", province_code="620000")
    values = pd.DataFrame({"adcode": ["620100"], "value": [0.25]})
    fig = charts.plot_choropleth(values, geojson=geojson, missing_value=None,
                                 value_label="占比（%）", value_format=".1%", lang="en")
    main, grey = fig.data
    assert list(main.locations) == ["620100"] and list(main.z) == [0.25]
    assert len(grey.locations) == 13 + 3
    assert main.colorbar.tickformat == ".0%"
    assert "not" in fig.layout.annotations[0].text


def test_a_how_soon_map_is_darkest_where_it_started_and_says_why_a_region_is_grey():
    geojson = load_boundaries(level="prefecture", province_code="620000")
    values = pd.DataFrame({"adcode": ["620100", "620900"], "value": [0.0, 2.5]})
    fig = charts.plot_choropleth(values, geojson=geojson, missing_value=None, value_format=".1f",
                                 missing_text="尚未提及这一提法", early_dark=True)
    main, grey = fig.data
    assert main.colorscale[0][1] == "#08306B" and main.colorscale[-1][1] != "#FFFFFF"  # early = dark
    assert ["兰州市", "尚未提及这一提法"] not in grey.customdata
    assert ["白银市", "尚未提及这一提法"] in [list(row) for row in grey.customdata]


def test_map_values_need_adcode_and_value():
    geojson = load_boundaries(level="prefecture", province_code="620000")
    with pytest.raises(ValueError, match="adcode and value"):
        charts.plot_choropleth(pd.DataFrame({"code": ["620100"]}), geojson=geojson)


# --- export ------------------------------------------------------------------------------


def test_chart_config_saves_png_at_double_scale():
    config = charts.chart_config("主题/热力图 2024")
    assert config["toImageButtonOptions"] == {"format": "png", "filename": "主题_热力图_2024",
                                              "scale": 2}
    assert config["displaylogo"] is False


def test_the_chart_toolbar_and_month_names_are_chinese_on_the_chinese_page():
    chinese, english = charts.chart_config("x", "zh"), charts.chart_config("x", "en")
    assert chinese["locale"] == "zh-CN"
    words = chinese["locales"]["zh-CN"]
    assert words["dictionary"]["Download plot as a png"] == "下载为 PNG 图片"
    assert words["format"]["shortMonths"][:2] == ["1月", "2月"] and len(words["format"]["days"]) == 7
    assert "locale" not in english and "locales" not in english


def test_theme_charts_read_count_themes_labels():
    """count_themes writes "全部" for no split, period labels as strings and NA hits."""
    table = pd.DataFrame({
        "group": ["兰州市", "兰州市", "全部", "全部", "全部", "全部"],
        "period": ["全部", "全部", "2024Q1", "2024Q2", "2024Q1", "2024Q2"],
        "theme": ["rural", "ecology", "rural", "rural", "ecology", "ecology"],
        "n_articles": [3, 1, 2, 4, 1, 0], "share": [0.75, 0.25, 0.5, 0.4, 0.25, 0.0],
        "n_hits": pd.array([None] * 6, dtype="Int64"), "group_articles": [4, 4, 4, 10, 4, 10],
    })
    heat = charts.plot_theme_heatmap(table, theme_labels=THEMES).data[0]
    assert list(heat.y) == ["兰州市"] and unpack(heat.z) == [[0.75, 0.25]]
    assert "命中词次" not in heat.hovertemplate  # hits unknown: not shown as NaN
    trends = charts.plot_theme_trends(table, theme_labels=THEMES, period="quarter")
    rural = trends.data[0]
    assert [str(x)[:10] for x in rural.x] == ["2024-01-01", "2024-04-01"]
    assert [row[0] for row in rural.customdata] == ["2024Q1", "2024Q2"]
    over_time = charts.plot_articles_over_time(
        pd.DataFrame({"group": [pd.NA] * 2, "period": ["2024-01", "2024-02"],
                      "n_articles": [3, 5]}))
    assert [str(x)[:7] for x in over_time.data[0].x] == ["2024-01", "2024-02"]


def test_the_relative_heatmap_divides_each_share_by_the_themes_overall_share():
    counts = pd.DataFrame({"group": ["甲", "甲", "乙", "乙"], "period": [None] * 4, "theme": ["a", "b", "a", "b"],
                           "n_articles": [1, 2, 3, 0], "share": [0.25, 0.5, 0.75, 0.0], "n_hits": [1, 2, 3, 0],
                           "group_articles": [4, 4, 4, 4]})
    fig = charts.plot_theme_heatmap(counts, theme_labels={"a": "A", "b": "B"}, measure="relative")
    trace = fig.data[0]
    cells = {(g, x): z for g, row in zip(trace.y, trace.z, strict=True) for x, z in zip(trace.x, row, strict=True)}
    # theme a: 4 of 8 articles overall (0.5); 甲 0.25 → 0.5×, 乙 0.75 → 1.5×; theme b: 2 of 8 (0.25)
    assert cells == {("甲", "A"): 0.5, ("甲", "B"): 2.0, ("乙", "A"): 1.5, ("乙", "B"): 0.0}
    white_at = next(stop for stop, colour in trace.colorscale if colour.lower() == "#f7f7f7")
    assert white_at * (trace.zmax - trace.zmin) + trace.zmin == pytest.approx(1.0)
    assert "相对全体平均" in fig.layout.title.text


def test_time_axes_put_each_bar_inside_its_month_and_label_every_month_once():
    counts = pd.DataFrame({"group": [None, None], "period": ["2026-01", "2026-02"], "n_articles": [21, 10]})
    fig = charts.plot_articles_over_time(counts, period="month")
    assert fig.data[0].xperiod == "M1" and fig.data[0].xperiodalignment == "middle"
    assert fig.layout.xaxis.dtick == "M1" and fig.layout.xaxis.ticklabelmode == "period"
    assert fig.layout.xaxis.tickformat == "%Y-%m"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_quarter_axes_read_like_the_tables(lang):
    quarters = pd.DataFrame({"group": None, "period": ["2024Q1", "2024Q2", "2024Q3"], "n_articles": [3, 1, 2]})
    assert charts.plot_articles_over_time(quarters, period="quarter", lang=lang).layout.xaxis.tickformat == "%YQ%q"


def test_a_single_period_sits_between_two_empty_ones_so_its_label_shows():
    one_month = pd.DataFrame({"group": [None], "period": ["2024-06"], "n_articles": [11]})
    fig = charts.plot_articles_over_time(one_month, period="month")
    assert fig.layout.xaxis.range == ("2024-05-01 00:00:00", "2024-08-01 00:00:00")
    assert fig.data[0].width == pytest.approx(0.3 * 30.44 * 86_400_000)  # not plotly's 1 ms, nor a third of the chart
    assert fig.data[0].text == ("11 篇",) and fig.data[0].textposition == "outside"  # its number on it
    assert charts.plot_articles_over_time(one_month, period="month", lang="en").data[0].text == ("11 articles",)
    two_weeks = pd.DataFrame({"group": None, "period": ["2024-06-03", "2024-06-10"], "n_articles": [4, 7]})
    assert charts.plot_articles_over_time(two_weeks, period="week").layout.xaxis.range == (
        "2024-05-27 00:00:00", "2024-06-24 00:00:00")
    three_months = pd.DataFrame({"group": None, "period": ["2024-04", "2024-05", "2024-06"], "n_articles": 1})
    assert charts.plot_articles_over_time(three_months, period="month").layout.xaxis.range is None


def test_long_time_axes_label_every_kth_period_and_years_tick_by_whole_years():
    months = pd.DataFrame({"group": None, "period": [f"{y}-{m:02d}" for y in (2023, 2024, 2025) for m in range(1, 13)],
                           "n_articles": 1})
    assert charts.plot_articles_over_time(months, period="month").layout.xaxis.dtick == "M3"  # 36 months / 12
    years = pd.DataFrame({"group": None, "period": ["2016", "2017", "2018"], "n_articles": [1, 2, 3]})
    fig = charts.plot_articles_over_time(years, period="year")
    assert fig.layout.xaxis.dtick == "M12" and fig.data[0].xperiod == "M12"


def test_small_counts_are_ticked_in_whole_articles():
    counts = pd.DataFrame({"group": ["上海市", "海南省"], "period": [None, None], "n_articles": [1, 1]})
    fig = charts.plot_articles_by_locality(counts)
    assert fig.layout.xaxis.dtick == 1 and fig.layout.xaxis.tickformat == "d"
    many = counts.assign(n_articles=[120, 80])
    assert charts.plot_articles_by_locality(many).layout.xaxis.dtick is None


def test_heatmap_and_mix_show_the_places_with_most_articles_and_say_so():
    rows = [{"group": f"地{i:02d}", "period": None, "theme": theme, "n_articles": i % 3, "share": (i % 3) / (i + 1),
             "n_hits": i % 3, "group_articles": i + 1} for i in range(50) for theme in ("a", "b")]
    counts = pd.DataFrame(rows)
    fig = charts.plot_theme_heatmap(counts, theme_labels={"a": "A", "b": "B"}, max_places=10)
    assert list(fig.data[0].y) == [f"地{i:02d}" for i in range(49, 39, -1)]  # the ten largest, largest first
    assert "10" in fig.layout.title.subtitle.text and "50" in fig.layout.title.subtitle.text
    relative = charts.plot_theme_heatmap(counts, theme_labels={"a": "A", "b": "B"}, max_places=10, measure="relative")
    # still measured against all 50 places: theme a's overall share is sum(i % 3) / sum(i + 1)
    overall_a = sum(i % 3 for i in range(50)) / sum(i + 1 for i in range(50))
    assert relative.data[0].z[0][0] == pytest.approx((49 % 3) / 50 / overall_a)
    mix = charts.plot_theme_mix(counts, theme_labels={"a": "A", "b": "B"}, max_places=10)
    assert len(mix.data[0].y) == 10 and mix.layout.title.subtitle.text


def test_a_cut_place_list_keeps_the_unplaced_row_and_does_not_count_it_as_a_place():
    rows = [{"group": name, "period": None, "theme": "a", "n_articles": 1, "share": 1 / size, "n_hits": 1,
             "group_articles": size} for name, size in (("兰州市", 30), ("酒泉市", 20), ("天水市", 10), ("未知", 99))]
    counts = pd.DataFrame(rows)
    heat = charts.plot_theme_heatmap(counts, theme_labels={"a": "A"}, max_places=2)
    assert list(heat.data[0].y) == ["兰州市", "酒泉市", "未知"]  # the 99 unplaced articles keep their row
    assert "只显示文章数最多的 2 个地区（共 3 个）" in heat.layout.title.subtitle.text  # 未知 is no place
    mix = charts.plot_theme_mix(counts, theme_labels={"a": "A"}, max_places=2)
    assert list(mix.data[0].y) == ["兰州市", "酒泉市", "未知"] and "（共 3 个）" in mix.layout.title.subtitle.text


def test_a_detached_pair_of_keywords_is_drawn_next_to_the_main_network_not_at_a_far_edge():
    from analysis.charts.network import spring_layout

    clique = [(a, b) for a in range(8) for b in range(a + 1, 8)]
    pos = spring_layout(10, np.array([*clique, (8, 9)]))
    main_low, main_high = pos[:8].min(axis=0), pos[:8].max(axis=0)
    centre = pos[8:].mean(axis=0)
    gap = np.maximum(np.maximum(main_low - centre, centre - main_high), 0)  # distance outside the box
    # the plot spans [-1, 1]: the main network fills at least half of it each way, and the
    # pair sits closer to it than the network is wide (left alone, the pair is flung ~1.3 away
    # and the network shrinks to a third of the plot)
    assert np.all(main_high - main_low >= 1.0) and np.all(gap < 0.8), (gap, pos)


def test_the_labels_of_a_dense_network_do_not_overlap_each_other_or_other_markers():
    from analysis.charts.network import LABEL_FONT_PX, PLOT_PX

    # 40 six-character keywords, each sharing articles with half the others: a spring layout
    # packs them so tight that the labels of its core run into each other
    heads = ("乡村振兴", "营商环境", "生态保护", "基层治理", "民生保障")
    terms = [head + tail for head in heads for tail in ("行动", "工程", "示范", "建设", "试点", "项目", "规划", "体系")]
    pairs = [(a, b) for i, a in enumerate(terms) for j, b in enumerate(terms) if i < j and (i + j) % 2]
    table = pd.DataFrame({"term_a": [a for a, _ in pairs], "term_b": [b for _, b in pairs],
                          "n_articles": [10] * len(pairs), "pmi": [1.0] * len(pairs), "npmi": [0.5] * len(pairs)})
    nodes = charts.plot_cooccurrence_network(table, top_edges=len(pairs)).data[-1]
    x, y = unpack(nodes.x), unpack(nodes.y)
    marker = unpack(nodes.marker.size)
    label_width = 6 * LABEL_FONT_PX  # six CJK characters, a full em each
    for i in range(len(x)):
        # every marker and the label above it lie inside the plot area ...
        assert label_width / 2 <= x[i] <= PLOT_PX[0] - label_width / 2
        assert marker[i] / 2 <= y[i] <= PLOT_PX[1] - marker[i] / 2 - LABEL_FONT_PX
        for j in range(i + 1, len(x)):
            # ... and two nodes are either a label's width apart or a marker and label's height
            apart_x = abs(x[i] - x[j]) >= label_width
            apart_y = abs(y[i] - y[j]) >= (marker[i] + marker[j]) / 2 + LABEL_FONT_PX
            assert apart_x or apart_y, (terms[i], terms[j], x[i], x[j], y[i], y[j])


def test_a_map_of_china_with_one_article_a_province_has_a_whole_number_scale_from_zero():
    china = load_boundaries(level="province")
    fig = charts.plot_choropleth(pd.DataFrame({"adcode": ["620000", "330000"], "value": [1, 1]}), geojson=china)
    assert len(fig.data[0].locations) >= 31 and fig.data[0].zmin == 0 and fig.data[0].colorbar.dtick == 1
    empty = charts.plot_choropleth(pd.DataFrame({"adcode": ["620000"], "value": [0]}), geojson=china)
    assert empty.data[0].zmax == 1  # not plotly's −0.5…0.5 for an all-zero map


# --- slogan spread --------------------------------------------------------------------------


def test_the_slogan_spread_chart_draws_one_step_line_per_slogan_widest_first_with_places_on_hover():
    curve = pd.DataFrame({
        "slogan": ["甲", "甲", "乙", "乙", "乙"],
        "date": pd.to_datetime(["2024-01-05", "2024-03-01", "2024-02-01", "2024-02-03", "2024-04-01"]),
        "place": ["白银市", "兰州市", "酒泉市", "张掖市", "天水市"],
        "n_places": [1, 2, 1, 2, 3],
    })
    fig = charts.plot_slogan_spread(curve)
    spec = assert_titled(fig)
    assert spec["layout"]["title"]["text"] == "政策提法的扩散：累计提及地区数"
    assert spec["layout"]["yaxis"]["title"]["text"] == "已提及的地区数（个）"
    assert [t["name"] for t in spec["data"]] == ["乙", "甲"]  # three places before two
    widest = spec["data"][0]
    assert (widest["line"]["shape"], unpack(widest["y"])) == ("hv", [1, 2, 3])
    assert [row[0] for row in widest["customdata"]] == ["酒泉市", "张掖市", "天水市"]
    assert "首次提及" in widest["hovertemplate"] and spec["layout"]["yaxis"]["dtick"] == 1
    chosen = charts.plot_slogan_spread(curve, order=["甲", "丙"], lang="en")
    assert [t.name for t in chosen.data] == ["甲"] and chosen.layout.xaxis.title.text == "Date of first mention there"
    assert "重合" not in spec["layout"]["title"]["subtitle"]["text"]  # two different lines


def test_the_slogan_spread_chart_names_slogans_whose_lines_lie_on_top_of_each_other():
    days = pd.to_datetime(["2024-01-05", "2024-03-01"])
    curve = pd.DataFrame({
        "slogan": ["甲", "甲", "乙", "乙", "丙", "丙", "丁"],
        "date": [*days, *days, days[0], pd.Timestamp("2024-03-02"), days[0]],
        "place": ["白银市", "兰州市", "酒泉市", "张掖市", "天水市", "定西市", "陇南市"],
        "n_places": [1, 2, 1, 2, 1, 2, 1],
    })  # 甲 and 乙 reach a second place on the same day; 丙 a day later; 丁 stops at one
    assert coinciding_slogans(curve, ["甲", "乙", "丙", "丁"]) == [["甲", "乙"]]
    subtitle = charts.plot_slogan_spread(curve, order=["甲", "乙", "丙", "丁"]).to_dict()["layout"]["title"]["subtitle"]
    assert subtitle["text"].split("<br>")[1] == "甲、乙在同样的日期传到同样多的地区：它们的线完全重合，只看得到最后画的一条。"
    layout = charts.plot_slogan_spread(curve, order=["甲", "乙"]).to_dict()["layout"]
    assert layout["margin"]["t"] == 66 + 18 * 2  # two lines of notes above the plot, not over it
    english = charts.plot_slogan_spread(curve, order=["甲", "乙"], lang="en").layout.title.subtitle.text
    assert "甲, 乙 reached as many places on the same dates" in english


def test_the_slogan_spread_chart_says_so_when_no_slogan_has_spread_beyond_one_place():
    curve = pd.DataFrame({"slogan": ["甲", "乙"], "date": pd.to_datetime(["2023-11-18", "2020-06-10"]),
                          "place": ["江门市", "南充市"], "n_places": [1, 1]})
    notes = charts.plot_slogan_spread(curve).layout.title.subtitle.text.split("<br>")
    assert notes[1] == "这些提法各只在一个地区出现过，尚未扩散到别处：每条线只有一级台阶。"
    english = charts.plot_slogan_spread(curve, lang="en").layout.title.subtitle.text
    assert "none has spread yet" in english
    spread = curve.assign(n_places=[1, 2], slogan=["甲", "甲"])
    assert "尚未扩散" not in charts.plot_slogan_spread(spread).layout.title.subtitle.text
