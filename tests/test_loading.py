"""Every input format becomes the articles table, and every file and record is accounted for."""

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analysis.loading import LoadOptions, load_articles, load_uploads
from analysis.schema import ARTICLE_COLUMNS, validate_articles
from tests.conftest import FIXTURES

LEAD = "6月13日,临夏州政协召开主席会议,研究招商引资工作。会议强调要优化营商环境。"


def load(*paths, **options):
    return load_articles([str(p) for p in paths], LoadOptions(**options))


def report_of(result, name):
    (report,) = [r for r in result.reports if r.source.endswith(name)]
    return report


def one_sheet_book(path, *rows, merge=None):
    """Save an .xlsx workbook of one sheet holding ``rows`` (cells ``merge``d, e.g. ``A1:C1``)."""
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    if merge:
        book.active.merge_cells(merge)
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_column_name_the_header_repeats_keeps_the_first_column_and_names_the_other(tmp_path, suffix):
    rows = [["标题", "正文", "正文"], ["甲", LEAD, "编者按"]]
    path = tmp_path / f"twice{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(f'"{cell}"' for cell in row) for row in rows) + "\n", encoding="utf-8")
    else:
        one_sheet_book(path, *rows)
    result = load(path)
    assert result.articles["text"].tolist() == [LEAD]
    (reason,) = report_of(result, path.name).skipped
    assert (reason.line, reason.code, dict(reason.params)) == (
        1, "duplicate_column", {"column": "正文", "renamed": "正文 (2)"})
    assert "--columns '正文 (2)=text'" in reason.message


def test_a_quote_never_closed_is_named_with_the_lines_it_swallowed_not_loaded_as_one_article(tmp_path):
    path = tmp_path / "unclosed.csv"
    path.write_text(f'标题,正文\n甲,"{LEAD}"\n乙,"{LEAD}\n丙,{LEAD}\n丁,{LEAD}\n', encoding="utf-8")
    result = load(path)
    assert result.articles["title"].tolist() == ["甲"]
    report = report_of(result, "unclosed.csv")
    assert (report.status, report.records) == ("partial", 2)
    assert [(p.line, p.code) for p in report.errors] == [(3, "unclosed_quote")]
    assert "lines 3 to 5 read as one record" in report.errors[0].message


def test_csv_with_chinese_headers(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "编号,标题,发布时间,正文,来源,作者\n"
        f'a1,临夏州政协召开主席会议,2024-06-14 09:00,"{LEAD}",民主协商报,包伟斌\n'
        'a2,第二篇,2024/6/15,"<p>近日,委员们开展视察。</p><p>第二段。</p>",民主协商报,\n',
        encoding="utf-8",
    )
    result = load(path)
    articles = validate_articles(result.articles)
    assert list(articles.columns[: len(ARTICLE_COLUMNS)]) == list(ARTICLE_COLUMNS)
    assert articles["doc_id"].tolist() == ["a1", "a2"]
    assert articles["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-06-13", "2024-06-15"]
    assert articles["date_source"].astype(str).tolist() == ["text", "metadata"]
    assert articles["outlet"].tolist() == ["民主协商报", "民主协商报"]
    assert articles.loc[1, "text"] == "近日,委员们开展视察。\n第二段。"
    assert articles.loc[0, "author"] == "包伟斌"
    assert report_of(result, "export.csv").status == "loaded"


def test_tsv_and_explicit_column_mapping(tmp_path):
    path = tmp_path / "export.tsv"
    path.write_text("headline\tbody\twhen\n标题甲\t" + LEAD + "\t2024-06-14\n", encoding="utf-8")
    result = load(path, columns={"headline": "title", "body": "text", "when": "date"})
    assert result.articles.loc[0, "title"] == "标题甲"
    assert result.articles.loc[0, "date"] == pd.Timestamp("2024-06-13")


def test_a_table_without_a_text_column_fails_with_a_reason(tmp_path):
    path = tmp_path / "no_text.csv"
    path.write_text("标题,日期\n甲,2024-01-01\n", encoding="utf-8")
    report = report_of(load(path), "no_text.csv")
    assert report.status == "failed"
    assert "no text column" in report.errors[0].message and "'标题'" in report.errors[0].message


def test_a_table_with_no_header_row_says_its_first_row_may_be_an_article_and_how_to_map_it(tmp_path):
    path = one_sheet_book(tmp_path / "pasted.xlsx", ["市政协召开主席会议"], [LEAD], ["县委部署工作"], [LEAD + "二"])
    report = report_of(load(path), "pasted.xlsx")
    assert [(p.code, p.params) for p in report.errors] == [("text_column_unnamed", {"column": "市政协召开主席会议"})]
    assert "add a header row" in report.errors[0].message and "--columns '市政协召开主席会议=text'" in report.errors[0].message


def test_a_table_whose_only_long_cells_are_titles_or_addresses_gets_no_text_hint(tmp_path):
    path = tmp_path / "links.csv"
    path.write_text("标题,正文,链接\n[视频]我国陆军航空兵实现向主战突击型转变发展,,https://example.org/a/b/c/d.shtml\n",
                    encoding="utf-8")
    report = report_of(load(path), "links.csv")
    assert ([p.code for p in report.errors], report.warnings) == (["empty_text_cell"], [])


def test_csv_rows_of_the_wrong_width_are_reported_by_line(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text(f"标题,正文\n甲,\"{LEAD}\"\n乙,多,余\n丙,\"跨行\n的正文。\"\n", encoding="utf-8")
    result = load(path)
    report = report_of(result, "ragged.csv")
    assert (report.status, report.articles, report.records) == ("partial", 2, 3)
    assert report.errors[0].line == 3 and "3 fields" in report.errors[0].message


def test_excel(tmp_path):
    path = one_sheet_book(tmp_path / "sheet.xlsx", ["标题", "内容", "日期"],
                          ["甲", LEAD, dt.datetime(2024, 6, 14)], ["乙", None, dt.datetime(2024, 6, 14)])
    result = load(path)
    report = report_of(result, "sheet.xlsx")
    assert (report.status, report.articles) == ("partial", 1)
    assert report.errors[0].line == 3 and "empty text" in report.errors[0].message


def test_excel_every_sheet_loads_with_its_own_header_and_reasons_name_their_sheet(tmp_path):
    from openpyxl import Workbook

    undated = LEAD.replace("6月13日", "近日")  # so each date is the row's own
    book = Workbook()
    book.active.title = "5月"
    book.active.append(["标题", "内容", "日期"])
    book.active.append(["甲", undated, dt.datetime(2024, 5, 14)])
    june = book.create_sheet("6月")
    june.append([None])
    june.append(["发布时间", "title", "正文"])  # another order, other names, below a blank row
    june.append([dt.datetime(2024, 6, 15), "乙", undated])
    june.append([dt.datetime(2024, 6, 16), "丙", None])
    book.create_sheet("空白")  # an empty sheet holds nothing to lose
    book.create_sheet("只有表头").append(["标题", "内容"])
    book.create_sheet("说明").append(["说明"])
    book["说明"].append(["本表由某某导出"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    result = load(path)
    report = report_of(result, "book.xlsx")
    assert (report.status, report.records, report.articles) == ("partial", 4, 2)
    loaded = result.articles.assign(source=result.articles["source"].map(lambda s: Path(s).name))
    assert loaded[["title", "date", "source"]].astype(str).values.tolist() == [
        ["甲", "2024-05-14", "book.xlsx#5月!2"], ["乙", "2024-06-15", "book.xlsx#6月!3"]]
    assert [(e.code, e.line, e.params["sheet"]) for e in report.errors] == [
        ("empty_text_cell", 4, "6月"), ("no_text_column", None, "说明")]
    assert report.errors[0].message.startswith("sheet 6月: ")
    assert report.errors[1].text("zh").startswith("工作表「说明」：")


def test_excel_title_rows_above_the_header_are_left_out_by_name_and_the_header_found_below(tmp_path):
    path = one_sheet_book(tmp_path / "export.xlsx", ["2024年政协新闻汇总"], ["导出时间：2024-07-01", None, "共 2 条"],
                          [], ["标题", "正文", "日期"], ["甲", LEAD, dt.datetime(2024, 6, 14)],
                          ["乙", LEAD, dt.datetime(2024, 6, 15)], merge="A1:C1")
    result = load(path)
    report = report_of(result, "export.xlsx")
    assert (report.status, report.records, report.articles) == ("loaded", 2, 2)
    assert result.articles["title"].tolist() == ["甲", "乙"]
    assert [(p.code, p.line) for p in report.skipped] == [("rows_above_header", 1), ("rows_above_header", 2)]
    assert report.skipped[1].message == (
        "a row above the header (line 4), read as a title or note, not as an article: 导出时间：2024-07-01 共 2 条")


def test_csv_title_row_saved_from_excel_is_left_out_by_name(tmp_path):
    path = tmp_path / "saved.csv"
    path.write_text(f"2024年政协新闻汇总,,\n标题,内容,日期\n甲,\"{LEAD}\",2024-06-14\n乙,\"{LEAD}\",2024-06-15\n",
                    encoding="utf-8")
    result = load(path)
    report = report_of(result, "saved.csv")
    assert (report.status, report.records, report.articles) == ("loaded", 2, 2)
    assert [(p.code, p.line, p.params["header_line"]) for p in report.skipped] == [("rows_above_header", 1, 2)]
    assert result.articles["title"].tolist() == ["甲", "乙"]


def test_excel_header_named_by_columns_is_found_below_a_title_row(tmp_path):
    path = one_sheet_book(tmp_path / "mapped.xlsx", ["汇总表"], ["题目", "稿件"], ["甲", LEAD])
    result = load(path, columns={"稿件": "text", "题目": "title"})
    assert result.articles["title"].tolist() == ["甲"]
    assert [p.code for p in report_of(result, "mapped.xlsx").skipped] == ["rows_above_header"]


def test_json_unix_timestamps_in_milliseconds_date_the_records(tmp_path):
    path = tmp_path / "api.json"
    record = {"title": "甲", "content": LEAD.replace("6月13日", "近日"), "timestamp": 1718361847000}
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    loaded = load(path).articles
    assert loaded[["date", "date_source"]].astype(str).values.tolist() == [["2024-06-14", "metadata"]]


def test_json_list_nested_html_and_video_tags(tmp_path):
    day = {
        "total": 2,
        "videoList": [
            {"video_title": "[视频]山东打造一流营商环境", "pub_date": "2024-06-14 19:24:07",
             "video_detail": {"id": "V1", "source": "央视网", "content": "<p>央视网消息：山东推进改革。</p><p>第二段。</p>"}},
            {"video_title": "[视频]空条目", "pub_date": "2024-06-14 19:30:00",
             "video_detail": {"id": "V2", "source": "央视网", "content": ""}},
        ],
    }
    path = tmp_path / "20240614.json"
    path.write_text(json.dumps(day, ensure_ascii=False), encoding="utf-8")
    result = load(path)
    row = result.articles.iloc[0]
    assert (row.title, row.doc_id, row.outlet, row.text) == (
        "山东打造一流营商环境", "V1", "央视网", "山东推进改革。\n第二段。")  # the lead 央视网消息： is furniture
    assert row.edition_date == pd.Timestamp("2024-06-14")
    report = report_of(result, "20240614.json")
    assert (report.status, report.records, report.articles) == ("partial", 2, 1)
    assert report.errors[0].line == 2


def test_truncated_json_keeps_the_complete_records(tmp_path):
    records = [{"title": f"第{i}篇", "content": LEAD} for i in range(3)]
    text = json.dumps(records, ensure_ascii=False)
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) - 30], encoding="utf-8")
    result = load(path)
    report = report_of(result, "cut.json")
    assert (report.status, report.articles) == ("partial", 2)
    assert "truncated" in report.errors[0].message


def test_json_object_holding_its_records_by_key_loads_every_record(tmp_path):
    records = {"a1": {"title": "甲", "text": LEAD}, "a2": {"title": "乙", "text": LEAD + "第二篇。"}}
    (tmp_path / "keyed.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    one = {"meta": {"title": "甲", "date": "2024-06-14"}, "body": {"text": LEAD}}
    (tmp_path / "one.json").write_text(json.dumps(one, ensure_ascii=False), encoding="utf-8")
    result = load(tmp_path)
    assert result.articles["title"].tolist() == ["甲", "乙", "甲"]
    keyed = report_of(result, "keyed.json")
    assert (keyed.records, keyed.articles) == (2, 2)


def test_an_empty_json_object_or_list_holds_no_records_rather_than_a_record_without_columns(tmp_path):
    (tmp_path / "object.json").write_text("{}", encoding="utf-8")
    (tmp_path / "list.json").write_text("[]", encoding="utf-8")
    result = load(tmp_path)
    for name in ("object.json", "list.json"):
        report = report_of(result, name)
        assert (report.status, report.records, [e.code for e in report.errors]) == ("failed", 0, ["no_records"])


def test_json_nested_thousands_deep_is_reported_not_a_traceback(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    good = json.dumps({"title": "甲", "text": LEAD}, ensure_ascii=False)
    (tmp_path / "deep.jsonl").write_text(good + "\n" + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    result = load(tmp_path)
    whole, lines = report_of(result, "deep.json"), report_of(result, "deep.jsonl")
    assert (whole.status, [(p.line, p.code) for p in whole.errors]) == ("failed", [(None, "json_too_deep")])
    assert (lines.status, lines.articles, [(p.line, p.code) for p in lines.errors]) == (
        "partial", 1, [(2, "json_too_deep")])


def test_a_text_cell_holding_a_number_a_boolean_or_a_list_of_objects_is_named_not_loaded_as_its_repr(tmp_path):
    values = [12345, True, [{"p": LEAD}], {"p": LEAD}, LEAD]
    lines = [json.dumps({"title": f"第{i}篇", "text": v}, ensure_ascii=False) for i, v in enumerate(values)]
    (tmp_path / "types.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load(tmp_path / "types.jsonl")
    assert result.articles["title"].tolist() == ["第4篇"]
    report = report_of(result, "types.jsonl")
    assert [(p.line, p.code, p.params.get("found")) for p in report.errors] == [
        (1, "text_cell_not_text", "number"), (2, "text_cell_not_text", "boolean"),
        (3, "text_cell_not_text", "array"), (4, "empty_text_cell", None)]  # {"p": …} is flattened to text.p
    assert "一个数字" in report.errors[0].text("zh")


def test_a_csv_text_cell_of_only_digits_or_symbols_is_named_not_loaded_as_an_article(tmp_path):
    (tmp_path / "shifted.csv").write_text(f"标题,正文\n甲,12345\n乙,3.14\n丙,——\n丁,\"{LEAD}\"\n", encoding="utf-8")
    result = load(tmp_path / "shifted.csv")
    report = report_of(result, "shifted.csv")
    assert result.articles["title"].tolist() == ["丁"]
    assert [(p.line, p.code, p.params["found"]) for p in report.errors] == [
        (2, "text_cell_not_text", "number"), (3, "text_cell_not_text", "number"), (4, "text_cell_not_text", "symbols")]
    assert "只有数字或符号" in report.errors[2].text("zh")


def test_a_placeholder_or_future_date_in_a_date_column_is_loaded_with_a_warning(tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text("标题,正文,日期\n甲,近日委员们开展调研。,1900-01-01\n乙,近日委员们开展调研活动。,2099-01-01\n"
                    "丙,近日委员们开展视察活动。,2024-06-14\n", encoding="utf-8")
    report = report_of(load(path), "dates.csv")
    assert [(p.line, p.code, p.params["value"]) for p in report.warnings] == [
        (2, "date_cell_implausible", "1900-01-01"), (3, "date_cell_implausible", "2099-01-01")]


def test_an_implausible_date_cell_is_named_with_its_column_and_the_value_as_written(tmp_path):
    path = tmp_path / "stamps.csv"
    path.write_text("标题,正文,发布时间\n甲,近日委员们开展调研。,1900/1/1 0:00\n", encoding="utf-8")
    (warning,) = report_of(load(path), "stamps.csv").warnings
    assert warning.code == "date_cell_implausible"
    assert "the date column '发布时间' holds '1900/1/1 0:00' (read as 1900-01-01)" in warning.message
    assert "日期列“发布时间”的值“1900/1/1 0:00”（读作 1900-01-01）" in warning.text("zh")


@pytest.mark.parametrize("name", ["20991231.txt", "1900-01-01_3版.txt", "19000101/page.txt"])
def test_a_date_no_news_can_have_in_a_file_name_is_not_the_edition_date_and_is_named(tmp_path, name):
    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    path.write_text("市政协召开主席会议\n本报讯 近日，市政协召开主席会议，研究招商引资工作。\n", encoding="utf-8")
    result = load(path)
    report = report_of(result, path.name)
    assert [p.code for p in report.warnings][:1] == ["file_name_date_implausible"]
    assert "not taken as the edition date" in report.warnings[0].message
    assert result.articles["edition_date"].isna().all()
    assert not report_of(load(path, edition_date=dt.date(2024, 6, 14)), path.name).warnings  # given: no guess made


def test_json_lines_with_a_bad_line(tmp_path):
    path = tmp_path / "news.jsonl"
    good = json.dumps({"id": "x1", "title": "甲", "text": LEAD, "date": "2024-06-14"}, ensure_ascii=False)
    path.write_text(good + "\n{not json\n" + good.replace("x1", "x2") + "\n", encoding="utf-8")
    result = load(path)
    report = report_of(result, "news.jsonl")
    assert result.articles["doc_id"].tolist() == ["x1", "x2"]
    assert report.errors[0].line == 2 and report.status == "partial"


@pytest.mark.parametrize("end", ["\r", "\r\n"])
def test_json_lines_ending_in_cr_or_crlf_are_each_a_record_and_a_line_separator_inside_a_string_is_text(tmp_path, end):
    records = [{"title": "甲", "text": LEAD + "\u2028第二行"}, {"title": "乙", "text": LEAD}, {"title": "丙", "text": LEAD}]
    (tmp_path / "mac.jsonl").write_text(end.join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8",
                                        newline="")
    result = load(tmp_path / "mac.jsonl")
    report = report_of(result, "mac.jsonl")
    assert (result.articles["title"].tolist(), report.errors) == (["甲", "乙", "丙"], [])
    assert [source.rsplit("#", 1)[1] for source in result.articles["source"]] == ["1", "2", "3"]


def test_json_lines_comment_lines_and_blank_lines_are_left_out_by_line_not_records_that_failed(tmp_path):
    path = tmp_path / "news.jsonl"
    good = json.dumps({"title": "甲", "text": LEAD}, ensure_ascii=False)
    path.write_text(f"# exported 2024-06-14\n\n{good}\n  // end\n\n", encoding="utf-8")
    report = report_of(load(path), "news.jsonl")
    assert (report.status, report.records, report.articles, report.errors) == ("loaded", 1, 1, [])
    assert [(p.line, p.code) for p in report.skipped] == [(1, "json_comment_line"), (4, "json_comment_line")]
    assert "JSON Lines has no comments" in report.skipped[0].message


@pytest.mark.parametrize(("text", "found", "found_zh"), [
    ('"只是一句话"', "string", "一个字符串"), ("42", "number", "一个数字"), ("null", "null", "空值")])
def test_json_that_is_a_bare_string_number_or_null_says_what_it_holds(tmp_path, text, found, found_zh):
    path = tmp_path / "bare.json"
    path.write_text(text, encoding="utf-8")
    (error,) = report_of(load(path), "bare.json").errors
    assert error.code == "no_record_list" and error.message.endswith(f"holds a single JSON {found} value")
    assert found_zh in error.text("zh")


def test_parquet(tmp_path):
    path = tmp_path / "a.parquet"
    pd.DataFrame({"title": ["甲"], "content": [LEAD], "pub_date": ["2024-06-14"]}).to_parquet(path)
    assert load(path).articles.loc[0, "date"] == pd.Timestamp("2024-06-13")


def test_a_parquet_file_cut_short_or_not_parquet_at_all_says_which_and_one_under_another_name_loads(tmp_path):
    whole = tmp_path / "a.parquet"
    pd.DataFrame({"title": ["甲"], "content": [LEAD], "pub_date": ["2024-06-14"]}).to_parquet(whole)
    data = whole.read_bytes()
    (tmp_path / "cut.parquet").write_bytes(data[: len(data) // 2])
    (tmp_path / "text.parquet").write_text("标题,正文\n甲,乙\n", encoding="utf-8")
    (tmp_path / "export.csv").write_bytes(data)
    result = load(tmp_path / "cut.parquet", tmp_path / "text.parquet", tmp_path / "export.csv")
    cut, text, export = (report_of(result, name) for name in ("cut.parquet", "text.parquet", "export.csv"))
    assert [(p.code, p.params) for p in cut.errors] == [("parquet_truncated", {"size": len(data) // 2})]
    assert [(p.code, p.params) for p in text.errors] == [("not_parquet", {"start": "标题,正文\\n甲,乙\\n"})]
    assert (export.status, export.articles, [(p.code, p.params) for p in export.warnings]) == (
        "loaded", 1, [("parquet_misnamed", {"suffix": ".csv"})])


def test_a_workbook_holding_only_a_picture_says_its_text_is_in_a_picture(tmp_path):
    from openpyxl import Workbook
    from openpyxl.drawing.image import Image
    from PIL import Image as Picture

    Picture.new("RGB", (4, 4), "white").save(tmp_path / "scan.png")
    book = Workbook()
    book.active.add_image(Image(str(tmp_path / "scan.png")), "B2")
    book.save(tmp_path / "scan.xlsx")
    report = report_of(load(tmp_path / "scan.xlsx"), "scan.xlsx")
    assert [(p.code, p.params) for p in report.errors] == [("workbook_only_pictures", {"n_pictures": 1})]
    assert "OCR" in report.errors[0].message


def test_parquet_text_stored_as_bytes_is_read_as_text_and_bytes_that_are_no_text_are_named(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    cells = [LEAD.encode("utf-8"), LEAD.replace("临夏州", "兰州市").encode("gb18030"), b"\x00\x01\xff\xfe\x00"]
    path = tmp_path / "binary.parquet"
    titles = [title.encode("utf-8") for title in "甲乙丙"]
    pq.write_table(pa.table({"title": pa.array(titles), "content": pa.array(cells, pa.binary())}), path)
    result = load(path)
    report = report_of(result, "binary.parquet")
    assert (report.records, report.articles) == (3, 2)
    assert result.articles["title"].tolist() == ["甲", "乙"]
    assert result.articles["text"].str.contains("政协召开主席会议").all()
    (error,) = report.errors
    assert (error.line, error.code) == (3, "text_cell_not_text") and "(binary)" in error.message
    assert "二进制数据" in error.text("zh")


def test_parquet_text_in_a_large_binary_column_is_read_as_text_and_other_columns_as_they_are(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "large.parquet"
    table = pa.table({"title": pa.array(["甲"]), "content": pa.array([LEAD.encode("utf-8")], pa.large_binary()),
                      "page": pa.array([3])})
    pq.write_table(table, path)
    result = load(path)
    assert report_of(result, "large.parquet").articles == 1
    assert result.articles.loc[0, "title"] == "甲" and "政协召开主席会议" in result.articles.loc[0, "text"]


def test_markdown_day_file_skips_the_rundown(tmp_path):
    path = tmp_path / "20240614.md"
    path.write_text(
        "# 节目 (20240614)\n\n## 新闻摘要\n\n1.甲新闻；\n\n2.乙新闻；\n\n3.丙新闻。\n\n## 详细新闻\n\n"
        "### 甲新闻\n\n<p><strong>央视网消息</strong>：今天,甲地召开会议。</p>\n\n### 乙新闻\n\n<p>乙地推进乡村振兴。</p>\n",
        encoding="utf-8",
    )
    result = load(path)
    assert result.articles["title"].tolist() == ["甲新闻", "乙新闻"]
    assert result.articles.loc[0, "text"] == "今天,甲地召开会议。"  # without the lead 央视网消息：
    assert result.articles.loc[0, "date"] == pd.Timestamp("2024-06-14")
    assert "rundown" in report_of(result, "20240614.md").skipped[0].message


@pytest.mark.parametrize("name", ["page_sample_gb18030.txt", "page_sample_utf16.txt", "page_sample_bom.txt"])
def test_encodings_give_the_same_articles(name):
    reference = load(FIXTURES / "page_sample.txt").articles
    other = load(FIXTURES / name)
    assert other.articles["title"].tolist() == reference["title"].tolist()
    assert other.articles["text"].tolist() == reference["text"].tolist()
    assert report_of(other, name).encoding in {"gb18030", "utf-16-le (BOM)", "utf-8 (BOM)"}


def test_a_file_mixing_encodings_loads_whole_with_a_warning_not_as_left_out_text(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(f"本报讯 {LEAD}".encode() + b"\n" + "委员们围绕乡村振兴开展调研。".encode("gbk"))
    report = report_of(load(path, edition_date=dt.date(2024, 6, 14)), "mixed.txt")
    assert (report.status, report.encoding, report.skipped) == ("loaded", "mixed utf-8/gb18030", [])
    assert [w.code for w in report.warnings] == ["mixed_encodings"]


def test_edition_dates_from_file_names_and_the_override(tmp_path):
    page = (FIXTURES / "page_sample.txt").read_text(encoding="utf-8")
    path = tmp_path / "2024-05-22_3版.txt"
    path.write_text(page, encoding="utf-8")
    articles = load(path).articles
    assert set(articles["edition_date"]) == {pd.Timestamp("2024-05-22")}
    assert set(articles["page"]) == {"3"}
    assert articles["date"].dt.strftime("%m-%d").tolist() == ["05-20", "05-22", "04-02", "05-22"]
    assert articles["date_source"].astype(str).tolist() == ["text", "edition", "text", "edition"]
    override = load(path, edition_date=dt.date(2024, 6, 10)).articles
    assert override["date"].dt.strftime("%Y-%m-%d").tolist()[:3] == ["2024-05-20", "2024-06-10", "2024-04-02"]


@pytest.mark.parametrize(("header", "edition", "page"), [
    ("甘肃政协报  2024年5月22日  星期三  第3版", "2024-05-22", "3"),
    ("人民日报\n2024-05-22 星期三\nA3版 要闻", "2024-05-22", "3"),
    ("甘肃政协报\n第3版", None, "3"),
    ("甘肃政协报 2024年2月30日", None, None),
])
def test_edition_date_and_page_come_from_the_page_header_when_the_file_name_has_none(tmp_path, header, edition, page):
    path = tmp_path / "page.txt"
    path.write_text(header + "\n" + (FIXTURES / "page_sample.txt").read_text(encoding="utf-8"), encoding="utf-8")
    articles = load(path).articles
    assert set(articles["edition_date"].dt.strftime("%Y-%m-%d").fillna("none")) == {edition or "none"}
    assert set(articles["page"].fillna("none")) == {page or "none"}
    if edition:
        assert articles["date"].dt.strftime("%m-%d").tolist() == ["05-20", "05-22", "04-02", "05-22"]


def test_the_file_name_and_the_override_outrank_the_page_header(tmp_path):
    path = tmp_path / "2024-05-22_3版.txt"
    page = (FIXTURES / "page_sample.txt").read_text(encoding="utf-8")
    path.write_text("甘肃政协报  2023年1月1日  第9版\n" + page, encoding="utf-8")
    assert set(load(path).articles["edition_date"]) == {pd.Timestamp("2024-05-22")}
    assert set(load(path).articles["page"]) == {"3"}
    override = load(path, edition_date=dt.date(2025, 1, 10)).articles
    assert set(override["edition_date"]) == {pd.Timestamp("2025-01-10")}


def test_folders_are_read_recursively_and_every_file_is_accounted_for(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    page = (FIXTURES / "page_sample.txt").read_bytes()
    (tmp_path / "a" / "b" / "p1.txt").write_bytes(page)
    (tmp_path / "a" / "dup.txt").write_bytes(page)
    (tmp_path / "a" / "gbk.txt").write_bytes("本报讯 近日,委员们开展调研活动,收获很大。".encode("gbk"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "README.md").write_text("# 说明\n", encoding="utf-8")
    result = load(tmp_path)
    statuses = {r.source.split("/")[-1]: r.status for r in result.reports}
    assert statuses == {"p1.txt": "loaded", "dup.txt": "failed", "gbk.txt": "loaded",
                        "empty.txt": "failed", "blob.bin": "failed", "README.md": "failed"}
    reasons = {r.source.split("/")[-1]: r.errors[0].message for r in result.reports if r.errors}
    assert "duplicate" in reasons["dup.txt"] and "empty" in reasons["empty.txt"]
    assert "binary" in reasons["blob.bin"]
    assert len(result.articles) == 5


def test_a_file_named_twice_or_also_inside_a_given_folder_is_one_input_with_one_report(tmp_path):
    page = tmp_path / "2024-05-22_1版.txt"
    page.write_bytes((FIXTURES / "page_sample.txt").read_bytes())
    result = load_articles([page, page, tmp_path, str(tmp_path / "." / page.name)])
    assert [(r.source, r.status) for r in result.reports] == [(str(page), "loaded")]
    assert len(result.articles) == 4


def word_document(paragraphs: list[str]) -> bytes:
    """A minimal .docx holding ``paragraphs``, the last one inside a table cell."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    runs = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs[:-1])
    table = f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{paragraphs[-1]}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{ns}"><w:body>{runs}{table}</w:body></w:document>')
    return buffer.getvalue()


def test_a_word_document_is_read_paragraph_by_paragraph_and_split_like_a_typed_page(tmp_path):
    page = (FIXTURES / "page_sample.txt").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "2024-05-22_1版.docx"
    path.write_bytes(word_document(page))
    result = load(path)
    (report,) = result.reports
    assert report.status == "loaded" and len(result.articles) == 4
    from_text = load(FIXTURES / "page_sample.txt", edition_date=dt.date(2024, 5, 22)).articles
    assert list(result.articles["title"]) == list(from_text["title"])
    assert list(result.articles["text"]) == list(from_text["text"])


def test_a_damaged_word_document_and_files_that_are_not_text_say_what_they_are(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 cut short")
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20)
    (tmp_path / "pages.rar").write_bytes(b"Rar!\x1a\x07\x00" + b"\x01" * 20)
    reasons = {r.source.split("/")[-1]: (r.status, r.errors[0].code, r.errors[0].message) for r in load(tmp_path).reports}
    assert reasons["broken.docx"][:2] == ("failed", "docx_unreadable")
    assert reasons["scan.png"] == ("failed", "image_file", "this is a PNG image, not text: run it through OCR "
                                   "first and load the text it gives")
    assert reasons["old.doc"][1] == "office_binary_file" and "save it as .docx" in reasons["old.doc"][2]
    assert reasons["pages.rar"][1] == "archive_file"


def test_a_password_protected_workbook_or_document_says_so_and_a_workbook_cut_short_says_what_to_do(tmp_path):
    # encrypted, an .xlsx or .docx is an old-style Office container whose directory names this stream
    locked = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    for name in ("locked.xlsx", "locked.docx", "locked"):
        (tmp_path / name).write_bytes(locked + name.encode())  # each its own bytes: no duplicates
    book = io.BytesIO()
    one_sheet_book(book, ["标题", "正文"], ["甲", LEAD])
    (tmp_path / "cut.xlsx").write_bytes(book.getvalue()[:1000])
    reports = {Path(r.source).name: r.errors[0] for r in load(tmp_path).reports}
    assert {name: error.code for name, error in reports.items()} == {
        "cut.xlsx": "bad_xlsx", "locked": "office_encrypted", "locked.docx": "office_encrypted",
        "locked.xlsx": "office_encrypted"}
    assert "remove the password" in reports["locked.xlsx"].message and "取消密码" in reports["locked"].text("zh")
    assert "cut short (an interrupted download?)" in reports["cut.xlsx"].message


def test_a_store_kept_inside_the_folder_loaded_is_named_as_a_database_not_as_some_binary_file(tmp_path):
    from analysis.store import open_store

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "2024-05-22_1版.txt").write_text((FIXTURES / "page_sample.txt").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    with open_store(folder / "store") as store:
        store.ingest(load(folder).articles, workers=1)
    (folder / "notes.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    reports = {r.source.split("/")[-1]: r for r in load(folder).reports}
    assert reports["2024-05-22_1版.txt"].status == "loaded"
    database = reports["store.duckdb"]
    assert (database.status, database.errors[0].code) == ("failed", "database_file")
    assert "DuckDB database" in database.errors[0].message and "--store" in database.errors[0].message
    assert reports["notes.db"].errors[0].message.startswith("this is a SQLite database")


def test_zip_archives_and_zip_slip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("pages/p1.txt", (FIXTURES / "page_sample.txt").read_text(encoding="utf-8"))
        archive.writestr("../../etc/evil.txt", "本报讯 近日,会议召开。")
    result = load_uploads([("upload.zip", buffer.getvalue())])
    statuses = {r.source: r.status for r in result.reports}
    assert statuses == {"upload.zip!pages/p1.txt": "loaded", "upload.zip!../../etc/evil.txt": "failed"}
    evil = next(r for r in result.reports if "evil" in r.source)
    assert "zip slip" in evil.errors[0].message
    assert len(result.articles) == 4


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(("nested", "n_read"), [(False, 10), (True, 9)])
def test_a_zip_bomb_of_many_small_members_is_read_only_up_to_its_expansion_budget_and_the_rest_named(
        nested, n_read):
    # each member (1 MB of one digit and spaces, a few KB packed) is far under the per-member check
    members = {f"m{i:02d}.txt": str(i % 10).encode() + b" " * (2**20 - 1) for i in range(14)}
    data = zip_of(members)
    if nested:  # a zip inside draws on the outer one's budget (which its own packed bytes use too)
        data = zip_of({"a.zip": data})
    assert len(data) * 200 < 10 * 2**20  # so the budget is the 10 MB floor: ten members of 1 MB
    result = load_uploads([("bomb.zip", data)])
    codes = [r.errors[0].code if r.errors else None for r in result.reports]
    assert len(codes) == 14 and "zip_bomb_total" not in codes[:n_read]
    assert codes[n_read:] == ["zip_bomb_total"] * (14 - n_read)
    refused = result.reports[-1]
    assert refused.source == ("bomb.zip!a.zip!m13.txt" if nested else "bomb.zip!m13.txt")
    assert "past 10 MB, 200 times its own size" in refused.errors[0].message
    assert "压缩炸弹" in refused.errors[0].text("zh")


def test_a_workbook_named_zip_is_read_as_a_workbook_not_unpacked_into_its_xml_parts():
    book = io.BytesIO()
    one_sheet_book(book, ["标题", "正文"], ["甲", LEAD])
    result = load_uploads([("export.zip", book.getvalue())])
    (report,) = result.reports
    assert (report.source, report.articles, result.articles["title"].tolist()) == ("export.zip", 1, ["甲"])
    assert report.warnings[0].code == "office_misnamed"


def test_a_file_uploaded_twice_or_also_inside_an_uploaded_zip_is_read_once_and_named_a_duplicate():
    page = LEAD.encode("utf-8")
    result = load_uploads([("a.txt", page), ("copy.txt", page), ("pages.zip", zip_of({"again.txt": page}))])
    assert [(r.source, r.articles, [e.code for e in r.errors]) for r in result.reports] == [
        ("a.txt", 1, []), ("copy.txt", 0, ["duplicate_file"]), ("pages.zip!again.txt", 0, ["duplicate_file"])]
    assert len(result.articles) == 1 and "a.txt" in result.reports[1].errors[0].message


def test_empty_files_are_each_named_empty_not_duplicates_of_one_another(tmp_path):
    for name in ("a.txt", "b.txt", "c.csv"):
        (tmp_path / name).write_bytes(b"")
    reports = load(tmp_path).reports
    assert [(Path(r.source).name, r.errors[0].code) for r in reports] == [
        ("a.txt", "empty_file"), ("b.txt", "empty_file"), ("c.csv", "empty_file")]


def test_control_characters_and_right_to_left_marks_in_a_file_name_are_shown_escaped(tmp_path, capsys):
    from analysis.cli import main

    (tmp_path / "bad\nname\x1b[31m.txt").write_text("x", encoding="utf-8")  # fails: too short a text
    (tmp_path / "report\u202etxt.exe").write_text("", encoding="utf-8")
    report = tmp_path / "r.json"
    main(["articles", str(tmp_path), "--report", str(report)])
    err = capsys.readouterr().err
    names = [Path(r["source"]).name for r in json.loads(report.read_text(encoding="utf-8"))]
    assert names == ["bad\\nname\\x1b[31m.txt", "report\\u202etxt.exe"]
    assert "bad\\nname\\x1b[31m.txt" in err and "\x1b" not in err and "\u202e" not in err
    uploaded = load_uploads([("new\rline.txt", b""), ("pages.zip", zip_of({"a\tb.txt": b""}))]).reports
    assert [r.source for r in uploaded] == ["new\\rline.txt", "pages.zip!a\\tb.txt"]


def zip_with_unflagged_names(names: dict[bytes, str]) -> bytes:
    """A zip whose member names are raw bytes without the UTF-8 flag, as Linux zip or Windows write."""
    buffer = io.BytesIO()
    placeholders = {}
    with zipfile.ZipFile(buffer, "w") as archive:
        for index, (raw, text) in enumerate(names.items()):
            placeholder = "QZ"[index].encode() * len(raw)  # ASCII: Python sets no flag
            placeholders[placeholder] = raw
            archive.writestr(placeholder.decode(), text)
    data = buffer.getvalue()
    for placeholder, raw in placeholders.items():
        data = data.replace(placeholder, raw)
    return data


@pytest.mark.parametrize("name", ["export.csv", "export", "pages.zip!export.txt"])
def test_a_workbook_under_another_name_is_read_as_a_workbook_not_unpacked_into_its_xml(tmp_path, name):
    book = io.BytesIO()
    one_sheet_book(book, ["标题", "正文"], ["甲", LEAD])
    if "!" in name:
        archive, member = name.split("!")
        data = io.BytesIO()
        with zipfile.ZipFile(data, "w") as outer:
            outer.writestr(member, book.getvalue())
        result = load_uploads([(archive, data.getvalue())])
    else:
        result = load_uploads([(name, book.getvalue())])
    (report,) = result.reports
    assert (report.source, report.articles, result.articles["title"].tolist()) == (name, 1, ["甲"])
    assert [p.code for p in report.warnings][:1] == ["office_misnamed"]


@pytest.mark.parametrize("name", ["book.docx", "page.xlsx"])
def test_a_workbook_named_docx_or_a_word_document_named_xlsx_is_read_as_what_it_is(name, monkeypatch):
    from analysis.loading import archives, inputs, readers

    lead = "本报讯 市政协召开常委会议，研究乡村振兴工作，会议强调要抓好落实。"
    if name.endswith(".docx"):
        data = io.BytesIO()
        one_sheet_book(data, ["标题", "正文"], ["甲", lead])
        data, actual = data.getvalue(), ".xlsx"
    else:
        data, actual = word_document([lead]), ".docx"
    looked, original = [], inputs.open_zip

    def counted(content: bytes):
        looked.append(1)
        return original(content)

    monkeypatch.setattr(inputs, "open_zip", counted)
    monkeypatch.setattr(readers, "office_suffix", lambda content: looked.append(1) or archives.office_suffix(content))
    result = load_uploads([(name, data)])
    (report,) = result.reports
    assert (report.status, report.articles) == ("loaded", 1)
    assert report.warnings[0].code == "office_misnamed" and f"a {actual} file" in report.warnings[0].message
    assert len(looked) == 1  # the archive is opened once, its parts not looked at again by the reader


def test_an_empty_zip_or_one_of_hidden_files_only_is_one_failed_file_with_its_reason():
    empty, hidden = io.BytesIO(), io.BytesIO()
    zipfile.ZipFile(empty, "w").close()
    with zipfile.ZipFile(hidden, "w") as archive:
        archive.writestr("__MACOSX/._a.txt", b"x")
        archive.writestr("folder/", b"")
    result = load_uploads([("empty.zip", empty.getvalue()), ("hidden.zip", hidden.getvalue())])
    assert [(r.source, r.status, [p.code for p in r.errors]) for r in result.reports] == [
        ("empty.zip", "failed", ["empty_archive"]), ("hidden.zip", "failed", ["empty_archive"])]


def test_a_password_protected_zip_member_is_named_as_such_and_the_others_load():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("secret.txt", f"本报讯 {LEAD}")
        archive.writestr("open.txt", f"本报讯 {LEAD}第二篇。")
    data = bytearray(buffer.getvalue())
    data[6] |= 1  # the encrypted flag, in the first member's local header and central directory entry
    data[data.find(b"PK\x01\x02") + 8] |= 1
    result = load_uploads([("pages.zip", bytes(data))])
    assert [(r.source, [p.code for p in r.errors]) for r in result.reports] == [
        ("pages.zip!secret.txt", ["zip_encrypted"]), ("pages.zip!open.txt", [])]
    assert "password" in result.reports[0].errors[0].message and "密码" in result.reports[0].errors[0].text("zh")


def test_links_to_folders_pipes_and_broken_links_in_a_folder_are_each_named_not_passed_over(tmp_path):
    import os

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.txt").write_text(f"本报讯 {LEAD}", encoding="utf-8")
    (tmp_path / "data" / "loop").symlink_to(tmp_path / "data")
    (tmp_path / "data" / "sub").mkdir()
    (tmp_path / "data" / "sub" / "up").symlink_to("..")
    (tmp_path / "data" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "data" / "pipe.txt")
    result = load(tmp_path / "data", tmp_path / "data" / "pipe.txt")
    codes = {Path(r.source).relative_to(tmp_path / "data").as_posix(): [p.code for p in r.errors]
             for r in result.reports}
    assert codes == {"a.txt": [], "gone.txt": ["not_a_file"], "loop": ["linked_folder"],
                     "pipe.txt": ["not_a_file"], "sub/up": ["linked_folder"]}


def test_zip_member_names_in_utf8_or_gbk_without_the_flag_keep_their_chinese_name_and_date():
    page = (FIXTURES / "page_sample.txt").read_text(encoding="utf-8")
    data = zip_with_unflagged_names({
        "2024-05-22_甘肃版.txt".encode(): page,
        "报纸/2024-05-23_第2版.txt".encode("gbk"): page.replace("白银", "武威", 1),
    })
    result = load_uploads([("pages.zip", data)])
    sources = sorted(r.source for r in result.reports)
    assert sources == ["pages.zip!2024-05-22_甘肃版.txt", "pages.zip!报纸/2024-05-23_第2版.txt"]
    assert set(result.articles["edition_date"].dt.strftime("%Y-%m-%d")) == {"2024-05-22", "2024-05-23"}


def test_a_gbk_member_name_that_is_valid_utf8_by_chance_keeps_its_chinese_name():
    data = zip_with_unflagged_names({"突然失业/2024-05-23_指示.txt".encode("gbk"): f"本报讯 {LEAD}"})
    (report,) = load_uploads([("pages.zip", data)]).reports
    assert report.source == "pages.zip!突然失业/2024-05-23_指示.txt"  # as UTF-8: ͻȻʧҵ/2024-05-23_ָʾ.txt


def test_a_file_whose_name_is_gbk_bytes_on_disk_is_read_and_named_in_chinese(tmp_path):
    import os

    folder = tmp_path / "报纸"
    folder.mkdir()
    name = os.fsencode(folder) + b"/" + "2024-05-23_甘肃.txt".encode("gbk")
    with open(name, "wb") as handle:
        handle.write(f"本报讯 {LEAD}".encode())
    result = load(folder)
    (report,) = result.reports
    assert (report.source, report.status) == (str(folder / "2024-05-23_甘肃.txt"), "loaded")
    assert result.articles["edition_date"].tolist() == [pd.Timestamp("2024-05-23")]
    json.dumps([report.to_dict()], ensure_ascii=False).encode("utf-8")  # writable as a report


def test_under_a_root_a_link_to_a_file_outside_it_is_refused_and_named(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "secret.txt"
    (root / "pages").mkdir(parents=True)
    outside.write_text(f"本报讯 {LEAD}", encoding="utf-8")
    (root / "pages" / "ok.txt").write_text(f"本报讯 {LEAD}第二篇。", encoding="utf-8")
    (root / "pages" / "link.txt").symlink_to(outside)
    result = load_articles([root / "pages"], root=root)
    assert len(result.articles) == 1
    link = report_of(result, "link.txt")
    assert (link.status, [p.code for p in link.errors]) == ("failed", ["link_outside_root"])
    assert str(root) in link.errors[0].message
    assert len(load(root / "pages").articles) == 2  # on the command line, links are followed


def test_a_file_the_system_refuses_to_read_is_named_with_the_reason_and_the_others_load(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text(f"本报讯 {LEAD}", encoding="utf-8")
    (tmp_path / "locked.txt").write_text(f"本报讯 {LEAD}第二篇。", encoding="utf-8")
    read_bytes = Path.read_bytes

    def refuse(path):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = load(tmp_path)
    assert len(result.articles) == 1
    locked = report_of(result, "locked.txt")
    assert (locked.status, [p.code for p in locked.errors]) == ("failed", ["unreadable_file"])
    assert "Permission denied" in locked.errors[0].message


def test_files_over_the_size_limit_are_refused_with_the_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("本报讯 会议召开。" * 20000, encoding="utf-8")
    report = report_of(load(path, max_file_mb=0.1), "big.txt")
    assert report.status == "failed" and "0 MB limit" not in report.errors[0].message
    assert "limit per file" in report.errors[0].message


def test_a_five_megabyte_single_line_loads(tmp_path):
    path = tmp_path / "oneline.txt"
    sentence = "委员们围绕乡村振兴开展调研,提出意见建议。"
    path.write_text(sentence * (5_000_000 // len(sentence.encode("utf-8"))), encoding="utf-8")
    result = load(path)
    assert len(result.articles) == 1 and len(result.articles.loc[0, "text"]) > 1_000_000


def test_an_excel_sheet_without_a_text_column_fails_with_the_columns_it_has(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["编号", "日期"])
    book.active.append(["1", "2024-06-14"])
    path = tmp_path / "ids.xlsx"
    book.save(path)
    report = report_of(load(path), "ids.xlsx")
    assert report.status == "failed" and "no text column" in report.errors[0].message
    assert "'编号'" in report.errors[0].message


def test_a_text_cell_holding_a_formula_never_calculated_is_named_with_the_formula_and_what_to_do(tmp_path):
    # openpyxl, like any script, saves a formula without its value: only a spreadsheet program calculates it
    path = one_sheet_book(tmp_path / "scripted.xlsx", ["标题", "正文", "前半", "后半"],
                          ["甲", "=C2&D2", "本报讯 市政协召开会议，", "研究乡村振兴工作。"],
                          ["乙", LEAD, None, None], ["丙", None, None, None])
    result = load(path)
    report = report_of(result, "scripted.xlsx")
    assert (report.status, report.records, report.articles) == ("partial", 3, 1)
    assert [(p.line, p.code) for p in report.errors] == [(2, "formula_without_value"), (4, "empty_text_cell")]
    formula = report.errors[0]
    assert "'正文'" in formula.message and "(=C2&D2)" in formula.message
    assert "until Excel or LibreOffice opens it; open it there, save it" in formula.message
    assert "=C2&D2" in formula.text("zh") and "保存一次" in formula.text("zh")
    assert list(result.articles["title"]) == ["乙"]


def test_formulas_never_calculated_in_the_title_date_or_author_are_named_on_a_record_that_still_loads(tmp_path):
    path = one_sheet_book(tmp_path / "scripted.xlsx", ["标题", "正文", "日期", "作者", "备注"],
                          ["=E2", LEAD, "2024-06-14", "=UPPER(E2)", "甲"],
                          ["乙", "近日委员们开展调研。", "=TODAY()", "王五", "=E2"],
                          ["=E4", "=E4", "=TODAY()", None, "丙"])
    result = load(path)
    report = report_of(result, "scripted.xlsx")
    assert (report.status, report.records, report.articles) == ("partial", 3, 2)
    assert [(p.line, p.code, p.params.get("column")) for p in report.errors] == [
        (4, "formula_without_value", "正文")]  # its title and date formulas are not named again
    assert [(p.line, p.code, p.params.get("column"), p.params.get("formula")) for p in report.warnings] == [
        (2, "formula_cell_without_value", "标题", "=E2"), (2, "formula_cell_without_value", "作者", "=UPPER(E2)"),
        (3, "date_formula_without_value_no_date", "日期", "=TODAY()")]  # in place of "no date"; 备注 is no field
    assert "open it there, save it, and load it again" in report.warnings[0].message
    assert "the date column '日期' holds a formula (=TODAY()) without a saved value" in report.warnings[2].message
    assert result.articles["title"].isna().tolist() == [True, False]


def test_an_excel_error_value_in_the_title_or_author_is_named_and_not_loaded_as_the_title(tmp_path):
    path = tmp_path / "failed.csv"  # as Excel exports a sheet whose formulas failed
    path.write_text(f'标题,正文,作者\n#REF!,"{LEAD}",#N/A\n乙,"{LEAD}二",王五\n', encoding="utf-8")
    result = load(path)
    report = report_of(result, "failed.csv")
    assert result.articles["title"].isna().tolist() == [True, False]
    assert result.articles["author"].isna().tolist() == [True, False]
    failed = [p for p in report.warnings if p.code == "excel_error_in_column"]
    assert [(p.line, p.params["column"], p.params["value"]) for p in failed] == [(2, "标题", "#REF!"), (2, "作者", "#N/A")]
    assert "(a formula that failed), so the record was loaded without it" in failed[0].message


def test_a_workbook_without_a_formula_is_opened_once(tmp_path, monkeypatch):
    import openpyxl

    opened = []
    real = openpyxl.load_workbook
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: opened.append(k) or real(*a, **k))
    path = one_sheet_book(tmp_path / "plain.xlsx", ["标题", "正文", "作者"], ["甲", LEAD, None])
    assert report_of(load(path), "plain.xlsx").articles == 1
    assert [k["data_only"] for k in opened] == [True]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_header_repeated_mid_file_by_joined_exports_is_left_out_by_line_not_loaded_as_an_article(tmp_path, suffix):
    rows = [["标题", "正文"], ["甲", LEAD], ["标题", "正文"], ["乙", LEAD + "二"]]
    path = tmp_path / f"joined{suffix}"
    if suffix == ".csv":
        path.write_text("".join(",".join(f'"{cell}"' for cell in row) + "\n" for row in rows), encoding="utf-8")
    else:
        one_sheet_book(path, *rows)
    result = load(path)
    report = report_of(result, path.name)
    assert result.articles["title"].tolist() == ["甲", "乙"]
    assert (report.records, report.articles, report.errors) == (2, 2, [])
    assert [(p.line, p.code) for p in report.skipped] == [(3, "header_repeated")]


@pytest.mark.parametrize("name", ["saved.txt", "saved", "saved.csv"])
def test_a_web_page_saved_under_another_name_is_read_as_a_web_page_with_a_warning(tmp_path, name):
    page = ("<!DOCTYPE html>\n<html><head><title>网页标题</title><script>var a = 1;</script></head><body>"
            f"<h1>市政协召开主席会议</h1><p>本报讯 {LEAD}</p></body></html>")
    (tmp_path / name).write_text(page, encoding="utf-8")
    result = load(tmp_path / name)
    report = report_of(result, name)
    assert report.warnings[0].code == "web_page_misnamed" and "web page (HTML)" in report.warnings[0].message
    assert result.articles["title"].tolist() == ["市政协召开主席会议"]
    assert "<" not in result.articles["text"].iat[0] and "var a" not in result.articles["text"].iat[0]


GOV_PAGE = """<!DOCTYPE html>
<!-- saved from url=(0052)https://www.example.gov.cn/xwzx/zwyw/202406/t20240614.html -->
<html><head><title>市政协召开主席会议_政务要闻_某市人民政府</title><script>var _hmt = [];</script></head>
<body><div><a href="/">网站首页</a> | <a href="/xwzx">新闻中心</a> | <a>政务公开</a></div>
<div>当前位置：首页 &gt; 新闻中心 &gt; 政务要闻</div>
<h1>市政协召开主席会议</h1>
<div>发布时间：2024-06-14 10:30　来源：市政协办公室　【字号：大 中 小】</div>
<div><p>　　6月13日，市政协召开主席会议，研究招商引资工作。</p><p>　　会议强调，要优化营商环境，推动高质量发展。</p></div>
<div>版权所有：某市人民政府办公室　备案号：陇ICP备12345678号</div>
</body></html>"""


@pytest.mark.parametrize("name", ["article.htm", "article.txt"])
def test_a_web_page_saved_from_the_browser_loses_its_furniture_and_keeps_its_headline_date_and_source(tmp_path, name):
    (tmp_path / name).write_text(GOV_PAGE, encoding="utf-8")
    result = load(tmp_path / name)
    report = report_of(result, name)
    (article,) = result.articles.to_dict("records")
    assert (article["title"], article["text"]) == (
        "市政协召开主席会议", "6月13日，市政协召开主席会议，研究招商引资工作。\n会议强调，要优化营商环境，推动高质量发展。")
    assert pd.isna(article["kicker"]) and article["outlet"] == "市政协办公室"
    assert (article["edition_date"], article["date"]) == (pd.Timestamp("2024-06-14"), pd.Timestamp("2024-06-13"))
    assert [(p.line, p.code) for p in report.skipped] == [(n, "web_page_chrome") for n in (1, 2, 4, 7)]
    assert "版权所有" in report.skipped[-1].params["excerpt"]


def test_an_e_paper_page_saved_as_html_is_still_split_at_its_datelines(tmp_path):
    page = ("<html><body><p>市政协召开主席会议</p><p>本报讯 近日，市政协召开主席会议，研究招商引资工作。</p>"
            "<p>县政协开展专题视察</p><p>本报讯 近日，县政协组织委员开展专题视察活动。</p></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert load(tmp_path / "page.html").articles["title"].tolist() == ["市政协召开主席会议", "县政协开展专题视察"]


@pytest.mark.parametrize("document", [
    {"code": 0, "data": {"list": [{"title": "甲", "content": LEAD}], "total": 1}},
    {"payload": {"stories": [{"title": "甲", "content": LEAD}]}, "meta": {"page": 1}},
])
def test_a_json_list_inside_an_api_envelope_is_found(tmp_path, document):
    (tmp_path / "api.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = load(tmp_path / "api.json")
    assert result.articles["title"].tolist() == ["甲"]


@pytest.mark.parametrize("document", [
    {"标题": {"0": "甲", "1": "乙"}, "正文": {"0": LEAD, "1": LEAD + "二"}, "日期": {"0": 1718323200000, "1": None}},
    {"columns": ["标题", "正文", "日期"], "index": [0, 1], "data": [["甲", LEAD, 1718323200000], ["乙", LEAD + "二", None]]},
], ids=["columns", "split"])
def test_a_table_pandas_wrote_column_by_column_or_split_is_read_by_row(tmp_path, document):
    (tmp_path / "frame.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = load(tmp_path / "frame.json")
    report = report_of(result, "frame.json")
    assert (report.records, report.articles, report.errors) == (2, 2, [])
    assert result.articles["title"].tolist() == ["甲", "乙"]
    assert [(p.line, p.code) for p in report.warnings] == [(2, "no_date")]  # row 1 is dated by its date column


FRAME = pd.DataFrame({"标题": ["甲", "乙"], "正文": [LEAD, LEAD + "第二篇。"], "日期": ["2024-06-13", "2024-06-14"]})


@pytest.mark.parametrize("orient", ["records", "columns", "index", "split", "table"])
def test_every_pandas_json_orient_that_keeps_column_names_loads_by_row(tmp_path, orient):
    FRAME.to_json(tmp_path / "frame.json", orient=orient, force_ascii=False)
    result = load(tmp_path / "frame.json")
    report = report_of(result, "frame.json")
    assert (report.records, report.articles, report.errors, report.warnings) == (2, 2, [], [])
    assert result.articles["title"].tolist() == ["甲", "乙"]


def test_pandas_json_rows_without_column_names_fail_saying_what_was_found_and_how_to_write_it(tmp_path):
    FRAME.to_json(tmp_path / "frame.json", orient="values", force_ascii=False)
    report = report_of(load(tmp_path / "frame.json"), "frame.json")
    assert (report.status, [(p.code, p.params) for p in report.errors]) == (
        "failed", [("json_rows_without_names", {"n_rows": 2, "n_values": 3})])
    assert 'orient="values"' in report.errors[0].message and 'orient="records"' in report.errors[0].message


def test_json_rows_under_a_row_of_column_names_load_and_a_row_of_the_wrong_width_is_named(tmp_path):
    rows = [["标题", "正文"], ["甲", LEAD], ["乙"]]
    (tmp_path / "sheet.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    result = load(tmp_path / "sheet.json")
    report = report_of(result, "sheet.json")
    assert result.articles["title"].tolist() == ["甲"]
    assert [(p.line, p.code, p.params) for p in report.errors] == [
        (3, "json_row_width", {"n_values": 1, "n_columns": 2})]
    assert (report.status, report.records) == ("partial", 2)


@pytest.mark.parametrize("orient", ["columns", "index", "split"])
def test_a_pandas_index_that_holds_data_is_kept_as_a_column_with_a_warning_not_dropped(tmp_path, orient):
    FRAME.set_index("标题").to_json(tmp_path / "frame.json", orient=orient, force_ascii=False)
    report = report_of(load(tmp_path / "frame.json"), "frame.json")
    assert [(p.code, p.params) for p in report.warnings] == [("json_index_kept", {"example": "甲", "column": "index"})]
    assert "--columns index=title" in report.warnings[0].message
    mapped = load(tmp_path / "frame.json", columns={"index": "title"})
    assert mapped.articles["title"].tolist() == ["甲", "乙"]


def test_records_keyed_by_their_own_id_need_no_index_column(tmp_path):
    records = {"a1": {"id": "a1", "title": "甲", "text": LEAD}, "a2": {"id": "a2", "title": "乙", "text": LEAD}}
    (tmp_path / "keyed.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    report = report_of(load(tmp_path / "keyed.json"), "keyed.json")
    assert (report.articles, [p.code for p in report.warnings]) == (2, ["no_date", "no_date"])  # no json_index_kept


def test_json_lines_named_json_and_one_json_list_named_jsonl_are_each_read_as_what_they_are(tmp_path):
    records = [{"标题": "甲", "正文": LEAD, "日期": "2024-06-13"}, {"标题": "乙", "正文": LEAD + "二", "日期": "2024-06-14"}]
    (tmp_path / "lines.json").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    (tmp_path / "list.jsonl").write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    result = load(tmp_path / "lines.json", tmp_path / "list.jsonl")
    for name, code in (("lines.json", "json_lines_misnamed"), ("list.jsonl", "json_document_misnamed")):
        report = report_of(result, name)
        assert (report.status, report.records, report.articles, [p.code for p in report.warnings]) == (
            "loaded", 2, 2, [code]), name


def test_json_lines_named_json_with_a_bad_line_loads_the_others_and_names_it(tmp_path):
    good = json.dumps({"标题": "甲", "正文": LEAD, "日期": "2024-06-13"}, ensure_ascii=False)
    (tmp_path / "lines.json").write_text(f"{good}\n{{broken\n{good.replace('甲', '乙')}\n", encoding="utf-8")
    report = report_of(load(tmp_path / "lines.json"), "lines.json")
    assert (report.status, report.records, report.articles) == ("partial", 3, 2)
    assert [(p.line, p.code) for p in report.errors] == [(2, "invalid_json_line")]


def test_rows_without_names_inside_an_envelope_are_one_clear_error(tmp_path):
    (tmp_path / "api.json").write_text(json.dumps({"code": 0, "data": [["甲", LEAD], ["乙", LEAD]]}), encoding="utf-8")
    report = report_of(load(tmp_path / "api.json"), "api.json")
    assert [(p.code, p.params) for p in report.errors] == [("json_rows_without_names", {"n_rows": 2, "n_values": 2})]


def test_a_markdown_file_of_headings_with_no_text_fails_saying_so_not_loaded_as_a_page(tmp_path):
    (tmp_path / "toc.md").write_text("# 今日要闻\n\n## 市政协召开主席会议\n\n## 县委部署工作\n", encoding="utf-8")
    report = report_of(load(tmp_path / "toc.md"), "toc.md")
    assert [(p.code, p.params) for p in report.errors] == [
        ("markdown_headings_only", {"n_headings": 3, "sample": "今日要闻"})]


def test_an_article_s_own_nested_list_is_no_record_list(tmp_path):
    article = {"title": "甲", "content": LEAD, "media": {"images": [{"url": "a.jpg"}, {"url": "b.jpg"}]}}
    (tmp_path / "one.json").write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
    assert load(tmp_path / "one.json").articles["title"].tolist() == ["甲"]


@pytest.mark.parametrize(("opening", "closing", "field"), [("---", "---", "title: '{}'"), ("+++", "+++", 'title = "{}"')])
def test_front_matter_is_read_as_the_document_s_title_and_date_not_as_its_text(tmp_path, opening, closing, field):
    path = tmp_path / "note.md"
    path.write_text(f"{opening}\n{field.format('市政协召开主席会议')}\ndate: 2024-06-14\ntags: [政协]\n{closing}\n\n"
                    "本报讯 近日，市政协召开主席会议，研究招商引资工作。\n", encoding="utf-8")
    result = load(path)
    report = report_of(result, "note.md")
    assert result.articles[["title", "text"]].values.tolist() == [
        ["市政协召开主席会议", "近日，市政协召开主席会议，研究招商引资工作。"]]
    assert result.articles["edition_date"].tolist() == [pd.Timestamp("2024-06-14")]
    assert [(p.line, p.code, p.params) for p in report.skipped] == [
        (1, "front_matter", {"last_line": 5, "fields": "tags"})]
    assert (report.records, report.articles, report.warnings) == (1, 1, [])


def test_front_matter_above_stories_gives_the_day_s_date_and_keeps_each_story_s_heading(tmp_path):
    path = tmp_path / "day.md"
    path.write_text("---\ntitle: 新闻联播\ndate: 2024-06-14\n---\n### 甲新闻\n\n近日，甲地召开会议。\n\n"
                    "### 乙新闻\n\n近日，乙地开展调研。\n", encoding="utf-8")
    result = load(path)
    assert result.articles["title"].tolist() == ["甲新闻", "乙新闻"]
    assert result.articles["source"].str.endswith(("#L5", "#L9")).all()
    assert set(result.articles["edition_date"]) == {pd.Timestamp("2024-06-14")}


def test_a_rule_opening_a_markdown_file_is_no_front_matter(tmp_path):
    path = tmp_path / "rule.md"
    path.write_text("---\n市政协召开主席会议\n\n本报讯 近日，市政协召开主席会议。\n---\n", encoding="utf-8")
    report = report_of(load(path), "rule.md")
    assert "front_matter" not in [p.code for p in report.skipped]


def test_a_header_cell_merged_over_two_rows_names_its_column_from_the_row_above(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (["新闻", None, "发布时间"], ["标题", "正文", None], ["甲", "近日委员们开展调研。", "2024-06-14"]):
        sheet.append(row)
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:C2")
    book.save(tmp_path / "two_rows.xlsx")
    result = load(tmp_path / "two_rows.xlsx")
    report = report_of(result, "two_rows.xlsx")
    assert result.articles["date"].tolist() == [pd.Timestamp("2024-06-14")]
    assert [(p.line, p.code) for p in report.skipped] == [(1, "rows_above_header")]
    assert [(p.line, p.code, p.params) for p in report.warnings] == [
        (2, "header_name_from_above", {"column": 3, "name": "发布时间"})]


def test_a_title_row_not_just_above_the_header_names_no_column(tmp_path):
    path = tmp_path / "gap.csv"
    path.write_text("2024年汇总,,制表：某某\n\n标题,正文,\n甲,近日委员们开展调研。,x\n", encoding="utf-8")
    report = report_of(load(path), "gap.csv")
    assert "header_name_from_above" not in [p.code for p in report.warnings]


def test_a_zip_archive_is_opened_once_to_tell_it_from_an_office_file_and_to_read_its_members(monkeypatch):
    from analysis.loading import inputs

    opened, original = [], inputs.open_zip
    monkeypatch.setattr(inputs, "open_zip", lambda content: opened.append(1) or original(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("p1.txt", f"市政协召开主席会议\n本报讯 {LEAD}\n")
    result = load_uploads([("pages.zip", buffer.getvalue())])
    assert (len(result.articles), len(opened)) == (1, 1)


def test_a_sheet_stating_the_largest_size_excel_allows_is_read_at_the_size_of_its_cells():
    import re

    from analysis.loading.tables import read_excel

    book = io.BytesIO()
    one_sheet_book(book, ["标题", "正文"], ["甲", LEAD], ["乙", LEAD, "备注"])
    parts = zipfile.ZipFile(book)
    stated = io.BytesIO()  # as some writers state it: every row 16,384 cells wide, a million rows
    with zipfile.ZipFile(stated, "w") as archive:
        for name in parts.namelist():
            data = parts.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:XFD1048576"', data)
            archive.writestr(name, data)
    (sheet,) = read_excel(stated.getvalue())
    assert sheet.batch.columns == ["标题", "正文", "column_3"]
    assert [(n, r.get("column_3")) for n, r in sheet.batch.records] == [(2, None), (3, "备注")]


def test_a_year_only_column_takes_the_date_from_the_text_and_warns_about_the_rest(tmp_path):
    path = tmp_path / "reports.jsonl"
    rows = [
        {"title": "甲", "content": "——2024年3月5日在全市人民代表大会上\n各位代表：报告工作。", "year": "2024"},
        {"title": "乙", "content": "各位代表：现在报告工作。", "year": "2023"},
        {"title": "丙", "content": "各位代表：过去一年工作回顾。", "year": "2022"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    result = load(path)
    articles = result.articles
    assert articles["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-05", "2023-01-01", "2022-01-01"]
    assert articles["date_source"].astype(str).tolist() == ["text", "metadata", "metadata"]
    (warning,) = report_of(result, "reports.jsonl").warnings
    assert (warning.code, warning.line, dict(warning.params)) == ("year_only_dates", None, {"count": 2})
    assert "2" in warning.message and "1 月 1 日" in warning.text("zh")


def test_sizes_in_messages_use_kilobytes_or_bytes_below_a_megabyte():
    from analysis.loading.archives import size_text

    assert [size_text(n) for n in (200 * 2**20, 3 * 2**19, 3911, 1048, 512)] == ["200 MB", "1.5 MB", "3.8 KB", "1 KB", "512 B"]


def test_a_file_just_over_the_size_limit_gives_both_sizes_in_bytes(tmp_path):
    from analysis.loading.inputs import _too_large

    report = _too_large("big.txt", 2**20 + 24, 2**20)
    assert report.errors[0].params == {"size": "1,048,600 B", "limit": "1,048,576 B"}
    archive = tmp_path / "pages.zip"  # a member of a zip just over the limit says so the same way
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("big.txt", b"a" * (2**20 + 24))
    (member,) = load(archive, max_file_mb=1).reports
    assert member.errors[0].params == {"size": "1,048,600 B", "limit": "1,048,576 B"}


def test_a_date_cell_that_holds_no_date_is_named_with_its_column_and_value(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("标题,正文,日期\n"
                    "甲,近日委员们开展调研，提出意见建议。,not-a-date\n"
                    "乙,2024年6月3日，市政协召开会议。,2024-13-01\n"
                    "丙,委员们开展调研。,2024-06-05\n", encoding="utf-8")
    result = load(path)
    warnings = [(w.line, w.code, w.params.get("value")) for w in report_of(result, "news.csv").warnings]
    assert warnings == [(2, "date_cell_unreadable_no_date", "not-a-date"), (3, "date_cell_unreadable", "2024-13-01")]
    first, second = report_of(result, "news.csv").warnings
    assert first.message.startswith("no date: the date column '日期' holds 'not-a-date', which is not a date")
    assert "the article is dated by the date in its text instead" in second.message
    assert "改用正文中的日期作为日期" in second.text("zh")
    assert result.articles["date"].dt.strftime("%Y-%m-%d").fillna("").tolist() == ["", "2024-06-03", "2024-06-05"]


def test_a_date_cell_that_holds_no_date_falls_back_to_the_edition_date(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("标题,正文,日期\n甲,近日委员们开展调研，提出意见建议。,not-a-date\n", encoding="utf-8")
    result = load(path, edition_date=dt.date(2024, 6, 14))
    (warning,) = report_of(result, "news.csv").warnings
    assert warning.code == "date_cell_unreadable" and "dated by the edition date instead" in warning.message
    assert result.articles["date"].iloc[0] == pd.Timestamp("2024-06-14")


def test_a_markdown_footer_after_the_last_rule_is_left_out_and_named_but_a_closing_sentence_stays(tmp_path):
    story = "### 甲新闻\n\n<p>甲地召开会议。</p>\n"
    stamped = tmp_path / "stamped.md"
    stamped.write_text(f"{story}\n---\n\n(更新时间戳: 1718369611472)\n", encoding="utf-8")
    closing = tmp_path / "closing.md"
    closing.write_text(f"{story}\n---\n\n会后，代表们参观了展览。\n", encoding="utf-8")
    result = load(stamped, closing)
    stamped_text, closing_text = result.articles["text"].tolist()
    assert stamped_text == "甲地召开会议。" and closing_text.endswith("会后，代表们参观了展览。")
    (footer,) = report_of(result, "stamped.md").skipped
    assert (footer.code, footer.line, footer.params["excerpt"]) == ("markdown_footer", 5, "(更新时间戳: 1718369611472)")
    assert report_of(result, "closing.md").skipped == []


def test_a_misspelt_not_a_town_entry_is_named_before_any_file_is_read(tmp_path, monkeypatch):
    import shutil

    from analysis.paths import data_dir
    from analysis.places.alias_file import AliasFileError

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    aliases = folder / "locality_aliases.toml"
    aliases.write_text(aliases.read_text(encoding="utf-8") + '\n[[not_a_town]]\ntext = "石州镇"\nnote = "typo"\n',
                       encoding="utf-8")
    monkeypatch.setenv("GOVTHEMES_DATA", str(folder))
    page = tmp_path / "page.txt"
    page.write_text(f"委员调研\n{LEAD}\n", encoding="utf-8")
    read = []
    with pytest.raises(AliasFileError, match=r"locality_aliases.toml.*\[\[not_a_town\]\] entry 3 \('石州镇'\)"):
        load_articles([str(page)], progress=lambda done, source: read.append(source))
    assert read == []


def test_a_page_pasted_on_one_line_loads_as_its_articles_each_with_its_own_source_and_a_warning(tmp_path):
    page = (FIXTURES / "page_sample.txt").read_text(encoding="utf-8")
    (tmp_path / "2024-05-20_page.txt").write_text(" ".join(page.split()), encoding="utf-8")
    result = load(tmp_path / "2024-05-20_page.txt")
    report = report_of(result, "page.txt")
    assert result.articles["title"].tolist() == [
        "白银市政协开展黄河保护专题视察", "举办委员履职能力提升培训班", "委员工作室架起连心桥"]  # the photo item stays above
    assert result.articles["author"].tolist()[1] == "刘明、王芳、李华"
    assert result.articles["continued_from"].tolist()[2] == "1"
    assert result.articles["source"].is_unique
    assert result.articles["source"].iloc[1].startswith(f"{tmp_path / '2024-05-20_page.txt'}#L1C")
    assert [(p.line, p.code) for p in report.warnings] == [(1, "page_without_line_breaks")]
    assert (report.status, report.records, report.articles) == ("loaded", 3, 3)


def test_a_markdown_file_whose_text_stands_above_empty_headings_is_read_as_a_page(tmp_path):
    body = "本报兰州讯（记者 张明）5月21日，市政协召开常委会议，研究部署下一阶段工作。会议强调，要坚持稳中求进。"
    (tmp_path / "notes.md").write_text(f"{body}\n\n# 目录\n\n## 第一节\n", encoding="utf-8")
    result = load(tmp_path / "notes.md")
    report = report_of(result, "notes.md")
    assert report.errors == []
    assert [code for code in (p.code for p in report.skipped) if code == "text_before_first_story"] == []
    assert result.articles["text"].str.startswith("5月21日，市政协召开常委会议").tolist() == [True]


def test_a_tiny_file_is_read_in_its_sane_encoding_and_named_too_short_to_be_an_article(tmp_path):
    path = tmp_path / "tolerance.txt"
    path.write_bytes("±2".encode())  # as GBK 卤2: it was refused as an ambiguous encoding
    result = load(path)
    (report,) = result.reports
    assert (report.status, report.encoding, [p.code for p in report.errors]) == ("failed", "utf-8", ["no_article_text"])
    assert "'±2'" in report.errors[0].message and "at least one sentence" in report.errors[0].message
    assert [(p.line, p.code) for p in report.skipped] == [(1, "too_little_text")]


@pytest.mark.parametrize("name", ["pages.dat", "pages.txt", "pages"])
def test_a_zip_archive_under_another_name_is_opened_as_an_archive_and_named_once(name):
    data = zip_of({"p1.txt": f"市政协召开主席会议\n本报讯 {LEAD}\n".encode(),
                   "p2.txt": f"县政协开展调研\n本报讯 {LEAD}委员们提出建议。\n".encode()})
    result = load_uploads([(name, data)])
    assert [(r.source, r.articles) for r in result.reports] == [(f"{name}!p1.txt", 1), (f"{name}!p2.txt", 1)]
    notes = [p for r in result.reports for p in r.warnings if p.code == "zip_misnamed"]
    assert [(result.reports[0].warnings[0], len(notes))] == [(notes[0], 1)]  # said once, with the first member
    suffix = {"pages.dat": ".dat", "pages.txt": ".txt", "pages": "(no extension)"}[name]
    assert notes[0].message.startswith(f"'{name}' is a zip archive, named {suffix} rather than .zip")
    assert len(result.articles) == sum(r.articles for r in result.reports) == 2


@pytest.mark.parametrize(("name", "mimetype", "kind"), [
    ("report.odt", "application/vnd.oasis.opendocument.text", "OpenDocument text (.odt)"),
    ("book.epub", "application/epub+zip", "digital book (EPUB)"),
    ("report.zip", "application/vnd.oasis.opendocument.text", "OpenDocument text (.odt)"),
])
def test_an_opendocument_or_epub_package_is_named_not_unpacked_into_xml_articles(name, mimetype, kind):
    # a zip whose parts are XML: unpacked, its mimetype line and content.xml became "articles"
    data = zip_of({"mimetype": mimetype.encode(), "content.xml": f"<doc>市政协召开主席会议。{LEAD}</doc>".encode()})
    (report,) = load_uploads([(name, data)]).reports
    assert (report.source, report.status, [p.code for p in report.errors]) == (name, "failed", ["office_binary_file"])
    assert kind in report.errors[0].message and "save it as .docx" in report.errors[0].message


def test_a_short_big5_record_in_a_mixed_utf8_file_is_converted_to_simplified(tmp_path):
    path = tmp_path / "mixed.csv"  # written for this test: a UTF-8 export with one Big5 row
    path.write_bytes("title,date,text\n市政协召开主席会议,2024-06-14,市政协召开主席会议，协商议政。\n".encode()
                     + "縣政協調研,2024-06-14,委員們認為\n".encode("big5"))
    result = load(path)
    assert result.reports[0].encoding == "mixed utf-8/big5"
    assert result.articles[["title", "text"]].values.tolist()[1] == ["县政协调研", "委员们认为"]


def test_an_empty_zip_archive_under_another_name_is_named_an_empty_archive_not_a_binary_file(tmp_path):
    path = tmp_path / "pages.txt"
    path.write_bytes(zip_of({}))  # PK\x05\x06 and eighteen bytes, mostly NUL: was "a binary file"
    (report,) = load(path).reports
    assert (report.status, [p.code for p in report.errors], [p.code for p in report.warnings]) == (
        "failed", ["empty_archive"], ["zip_misnamed"])


def test_a_big5_table_whose_columns_are_named_in_traditional_characters_keeps_its_titles_and_outlet(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("標題,內容,來源\n領導視察,委員們認為應當加強基層治理。,甘肅日報\n".encode("big5"))
    result = load(path)
    (report,) = result.reports
    assert (report.encoding, report.articles) == ("big5", 1)
    assert result.articles[["title", "outlet"]].values.tolist() == [["领导视察", "甘肃日报"]]  # 標題 was passed over
