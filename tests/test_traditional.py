"""Text written in traditional characters is converted to simplified, and the report says so."""

import json

from analysis.loading import load_articles
from analysis.loading.traditional import (
    is_traditional,
    to_simplified,
    traditional_share,
    traditional_throughout,
)
from analysis.messages import render

TRADITIONAL = "我們國家的經濟建設必須依靠人民群眾，發展農業和工業，實現國家的社會主義工業化。"
SIMPLIFIED = "我们国家的经济建设必须依靠人民群众，发展农业和工业，实现国家的社会主义工业化。"


def test_traditional_text_is_detected_and_converted_to_simplified():
    assert is_traditional(TRADITIONAL)
    assert to_simplified(TRADITIONAL) == SIMPLIFIED


def test_simplified_text_is_not_traditional_even_with_a_stray_traditional_name():
    assert traditional_share(SIMPLIFIED) == 0.0
    assert not is_traditional(SIMPLIFIED + "引自《國語》。")  # fewer than five traditional-only characters
    assert not is_traditional("")


def test_a_traditional_record_loads_simplified_with_a_warning_and_its_neighbours_are_untouched(tmp_path):
    path = tmp_path / "reports.jsonl"
    records = [{"title": "報告", "content": TRADITIONAL, "year": "1954"},
               {"title": "报告", "content": SIMPLIFIED, "year": "1955"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    result = load_articles([path])
    assert result.articles["text"].tolist() == [SIMPLIFIED, SIMPLIFIED]
    assert result.articles["title"].tolist() == ["报告", "报告"]
    warnings = [w for w in result.reports[0].warnings if w.code == "traditional_converted"]
    assert [w.line for w in warnings] == [1]
    assert "converted to simplified" in render(warnings[0].code, warnings[0].params, "en")
    assert "已转换为简体" in render(warnings[0].code, warnings[0].params, "zh")


def test_a_traditional_page_file_is_converted_whole(tmp_path):
    path = tmp_path / "2024-06-14.txt"
    path.write_text("人民代表大會開幕\n本報北京訊 " + TRADITIONAL + "\n", encoding="utf-8")
    result = load_articles([path])
    assert result.articles["title"].tolist() == ["人民代表大会开幕"]
    assert result.articles["text"].iloc[0] == SIMPLIFIED
    assert [w.code for w in result.reports[0].warnings] == ["traditional_converted"]


def test_a_big5_page_file_loads_in_simplified_with_both_warnings(tmp_path):
    path = tmp_path / "2024-06-14.txt"
    path.write_bytes(("人民代表大會開幕\n本報北京訊 " + TRADITIONAL + "\n").encode("big5"))
    result = load_articles([path])
    assert result.articles["title"].tolist() == ["人民代表大会开幕"]
    assert result.articles["text"].str.contains(SIMPLIFIED).all()
    report = result.reports[0]
    assert (report.status, report.encoding) == ("loaded", "big5")
    assert [w.code for w in report.warnings] == ["big5_decoded", "traditional_converted"]


def test_simplified_text_with_one_stray_traditional_character_is_not_traditional_throughout():
    assert traditional_throughout(TRADITIONAL)
    assert not traditional_throughout("，发展。棗")  # a Windows dash read as GBK: 发 is simplified
    assert not traditional_throughout(SIMPLIFIED)


def test_a_traditional_page_saved_in_gbk_loads_in_simplified(tmp_path):
    path = tmp_path / "2024-06-14.txt"
    path.write_bytes(("人民代表大會開幕\n本報北京訊 " + TRADITIONAL + "\n").encode("gbk"))
    result = load_articles([path])
    assert result.articles["title"].tolist() == ["人民代表大会开幕"]
    assert result.articles["text"].tolist() == [SIMPLIFIED]
    report = result.reports[0]
    assert (report.status, report.encoding, report.articles) == ("loaded", "gb18030 (traditional)", 1)
    assert [w.code for w in report.warnings] == ["traditional_converted"]


def test_short_traditional_records_in_a_gbk_table_are_converted_as_big5_ones_are(tmp_path):
    path = tmp_path / "records.csv"  # 委員們認為 holds four traditional-only characters, fewer than five
    path.write_bytes("標題,正文,日期\n區議會會議,委員們認為,2024-06-14\n立法會辯論,議員們圍繞經濟發展進行辯論。,2024-06-15\n"
                     .encode("gbk"))
    result = load_articles([path])
    assert result.articles[["title", "text"]].values.tolist() == [["区议会会议", "委员们认为"],
                                                                  ["立法会辩论", "议员们围绕经济发展进行辩论。"]]
    report = result.reports[0]
    assert (report.status, report.encoding, report.records, report.articles) == (
        "loaded", "gb18030 (traditional)", 2, 2)
    assert [(w.code, w.line) for w in report.warnings] == [("traditional_converted", 2), ("traditional_converted", 3)]
