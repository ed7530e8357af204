"""A record bundling several short stories (联播快讯, 简讯) loads as one article per story."""

import json

import pytest

from analysis.loading import LoadOptions, load_articles
from analysis.loading.bundles import bundle_stories, count_bundle_splits, load_bundle_titles
from analysis.loading.cleaning import ChromePatternError

STRIKE = "英国初级医生开始新一轮罢工。医院推迟数千台手术。"
RAIN = "美国加州持续暴雨。多地发生洪水。"
RAIN_MORE = "当地政府宣布进入紧急状态。"
BUNDLE_HTML = (f"<p>央视网消息（新闻联播）：</p><p>英国医生罢工</p><p>{STRIKE}</p>"
               f"<p>美国加州遭遇暴雨</p><p>{RAIN}</p><p>{RAIN_MORE}</p>")


def item(title, content, guid):
    return {"video_title": f"[视频]{title}", "pub_date": "2024-06-14 19:30:00",
            "video_detail": {"id": guid, "source": "央视网", "content": content}}


def write_day(tmp_path, *items):
    path = tmp_path / "20240614.json"
    path.write_text(json.dumps({"videoList": list(items)}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_bundle_gives_one_article_per_story_titled_by_its_sub_headline(tmp_path):
    path = write_day(tmp_path, item("山东推进改革", "<p>山东推进改革。</p>", "V1"),
                     item("国际联播快讯", BUNDLE_HTML, "V2"))
    result = load_articles([path])
    table = result.articles
    assert table["title"].tolist() == ["山东推进改革", "英国医生罢工", "美国加州遭遇暴雨"]
    assert table["kicker"].tolist()[1:] == ["国际联播快讯", "国际联播快讯"]
    assert table["text"].tolist()[1:] == [STRIKE, f"{RAIN}\n{RAIN_MORE}"]
    assert table["doc_id"].tolist() == ["V1", "V2#1", "V2#2"]
    assert table["source"].tolist()[1:] == [f"{path}#2#1", f"{path}#2#2"]
    assert set(table["outlet"]) == {"央视网"} and set(table["edition_date"].dt.day) == {14}
    (report,) = result.reports
    assert (report.records, report.articles, report.errors) == (2, 3, [])
    (warning,) = report.warnings
    assert (warning.code, warning.line, warning.params["stories"]) == ("bundle_split", 2, 2)
    assert "2 articles" in warning.message and "国际联播快讯" in warning.message
    assert count_bundle_splits(result.reports) == (1, 2)  # records - 1 + 2 == articles + errors


def test_a_markdown_bundle_with_bold_sub_headlines_splits_the_same_way(tmp_path):
    body = ("<p><strong>央视网消息</strong>（新闻联播）：</p><p><strong>英国医生罢工</strong></p>"
            f"<p>{STRIKE}</p><p><strong>美国加州遭遇暴雨</strong></p><p>{RAIN}</p>")
    path = tmp_path / "20240614.md"
    path.write_text(f"# 新闻联播\n\n### 国际联播快讯\n\n{body}\n\n[查看原文](https://tv.cctv.com/x.shtml)\n",
                    encoding="utf-8")
    result = load_articles([path])
    assert result.articles["title"].tolist() == ["英国医生罢工", "美国加州遭遇暴雨"]
    assert result.articles["text"].tolist() == [STRIKE, RAIN]  # the link stays out of the last story
    assert result.articles["source"].tolist() == [f"{path}#L3#1", f"{path}#L3#2"]


@pytest.mark.parametrize("content", [
    f"<p>央视网消息（新闻联播）：{STRIKE}</p><p>美国加州遭遇暴雨</p><p>{RAIN}</p>",  # first story untitled
    f"<p>英国医生罢工</p><p>英国罢工持续</p><p>{STRIKE}</p><p>美国加州遭遇暴雨</p><p>{RAIN}</p>",  # two heads
    f"<p>英国医生罢工</p><p>{STRIKE}</p><p>美国加州遭遇暴雨</p>",  # ends with a sub-headline
    f"<p>英国医生罢工</p><p>{STRIKE}</p>",  # one story only
])
def test_a_bundle_title_over_text_of_another_shape_loads_whole_and_is_named(tmp_path, content):
    result = load_articles([write_day(tmp_path, item("国际联播快讯", content, "V2"))])
    assert result.articles["title"].tolist() == ["国际联播快讯"]
    assert result.articles["doc_id"].tolist() == ["V2"]
    (report,) = result.reports
    assert [w.code for w in report.warnings] == ["bundle_not_split"]
    assert "loaded whole" in report.warnings[0].message
    assert count_bundle_splits(result.reports) == (0, 0)


def test_sub_headlines_under_another_title_are_a_story_s_sections_not_a_bundle(tmp_path):
    content = f"<p>英国医生罢工</p><p>{STRIKE}</p><p>美国加州遭遇暴雨</p><p>{RAIN}</p>"
    result = load_articles([write_day(tmp_path, item("习近平发表署名文章", content, "V3"))])
    assert result.articles["title"].tolist() == ["习近平发表署名文章"]
    assert result.reports[0].warnings == []


def test_a_local_paper_s_plain_text_news_in_brief_column_splits_too(tmp_path):
    record = {"id": "p7", "title": "简讯", "date": "2024-05-20",
              "text": "县政协调研乡村振兴\n委员们走进田间地头。\n市政协召开常委会议\n会议协商讨论营商环境。"}
    path = tmp_path / "page.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    table = load_articles([path]).articles
    assert table[["doc_id", "title", "kicker"]].values.tolist() == [
        ["p7#1", "县政协调研乡村振兴", "简讯"], ["p7#2", "市政协召开常委会议", "简讯"]]


def test_a_title_that_only_contains_a_bundle_name_is_no_bundle():
    text = f"英国医生罢工\n{STRIKE}\n美国加州遭遇暴雨\n{RAIN}"
    assert bundle_stories("国际联播快讯", text) is not None
    assert bundle_stories("国际联播快讯回顾", text) is None and bundle_stories(None, text) is None


def test_an_invalid_bundle_title_pattern_is_named_with_its_line(tmp_path):
    path = tmp_path / "bundle_titles.txt"
    path.write_text("# titles\n联播快讯\n简讯(\n", encoding="utf-8")
    with pytest.raises(ChromePatternError) as caught:
        load_bundle_titles(path)
    assert "line 3" in str(caught.value) and "简讯(" in str(caught.value)


def test_each_story_of_a_bundle_keeps_who_filed_its_dateline(tmp_path):
    # 万象街道 (浙江 莲都区): only the paper's own 本报万象讯 is the street, 新华社万象电 is Vientiane
    record = {"id": "p8", "title": "简讯", "date": "2024-05-20",
              "text": "社区议事会开到家门口\n本报万象讯 街道组织居民代表协商停车难题。\n"
                      "两国合作项目签约\n新华社万象电 两国有关部门签署合作文件。"}
    path = tmp_path / "page.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    table = load_articles([path], LoadOptions(province="浙江省")).articles
    assert table["title"].tolist() == ["社区议事会开到家门口", "两国合作项目签约"]
    assert table["adcode"].fillna("").tolist() == ["331102", ""]
