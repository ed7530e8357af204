"""Every reason a loader gives has a code and reads in English and in Chinese.

Each bad input below is written here (no corpus text) to provoke one reason; the test
checks the code it gets, that its values fill every placeholder of both templates, and
that the Chinese reads as Chinese.
"""

import codecs
import functools
import io
import json
import re
import zipfile

import pytest

from analysis.loading import LoadOptions, load_articles, load_uploads
from analysis.loading.page import PageArticle
from analysis.loading.paragraphs import dedupe_paragraphs
from analysis.messages import default_catalog, fallback_text, placeholders
from analysis.report import FileReport, Problem, problems_table
from tests.conftest import FIXTURES
from tests.pdf_fixture import FixtureArticle, build_pdf, newspaper_page

BODY = "6月13日,市政协召开常委会议,研究招商引资工作。会议强调要优化营商环境,推动高质量发展。"
PDF_ARTICLES = [FixtureArticle("市政协召开常委会议", (f"本报讯 {BODY}",))]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _xlsx(*rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _parquet() -> bytes:
    import pandas as pd

    buffer = io.BytesIO()
    pd.DataFrame({"title": ["甲"], "text": [BODY]}).to_parquet(buffer)
    return buffer.getvalue()


def _picture_book() -> bytes:
    from openpyxl import Workbook
    from openpyxl.drawing.image import Image
    from PIL import Image as Picture

    picture = io.BytesIO()
    Picture.new("RGB", (4, 4), "white").save(picture, format="PNG")
    book = Workbook()
    book.active.add_image(Image(picture), "B2")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _jsonl(*lines: str) -> bytes:
    return "\n".join(lines).encode()


GOOD_RECORD = json.dumps({"title": "甲", "text": BODY, "date": "2024-06-14"}, ensure_ascii=False)
CUT_JSON = json.dumps([{"title": f"第{i}篇", "content": BODY} for i in range(3)], ensure_ascii=False)[:-30]
MARKDOWN = (
    "# 节目\n\n开场的话是一段很长的文字。\n\n## 新闻摘要\n\n1.甲；\n\n2.乙；\n\n3.丙。\n\n"
    "### 甲新闻\n\n<p>今天,甲地召开会议。</p>\n\n### 空新闻\n\n<p></p>\n"
)

BAD_UPLOADS = [
    ("empty.txt", b"", "empty_file"),
    ("old.xls", b"\xd0\xcf\x11\xe0", "xls_format"),
    ("cut.pdf", b"%PDF-1.7 ...", "pdf_damaged"),
    ("locked.pdf", build_pdf([newspaper_page(PDF_ARTICLES)], encrypt=True), "pdf_locked"),
    ("scan.pdf", build_pdf([[], []]), "pdf_no_text"),
    ("half-scan.pdf", build_pdf([newspaper_page(PDF_ARTICLES), []]), "pdf_page_no_text"),
    ("no-unicode.pdf", build_pdf([newspaper_page(PDF_ARTICLES)], to_unicode=False), "pdf_page_unmapped"),
    ("blob.bin", bytes(range(256)) * 4, "binary_file"),
    ("nul.txt", f"市政协召开常委会议\n本报讯 {BODY}".encode().replace("。".encode(), "。\x00".encode(), 1),
     "nul_bytes_removed"),
    ("quotes.txt", "市政协召开常委会议\n本报讯 委员说：".encode("gbk") + b"\x93" + "要优化营商环境".encode("gbk") + b"\x94\n",
     "windows_punctuation"),
    ("big5.txt", "本報蘭州訊 省政協召開常委會會議，圍繞鄉村振興開展專題協商。".encode("big5"), "big5_decoded"),
    ("sjis.txt", "日本語のテキストです。新聞の記事がここにあります。".encode("shift_jis"), "unknown_encoding"),
    ("latin.txt", "Ünïcödé Latin-1 text".encode("latin-1"), "not_utf8_or_gb18030"),
    ("bom.txt", codecs.BOM_UTF8 + b"\xff\xfe", "bom_mismatch"),
    ("mixed.txt", "第一行是UTF-8。".encode() + b"\n" + "第二行是GBK。".encode("gbk"), "mixed_encodings"),
    ("scrap.txt", "广告\n".encode(), "too_little_text"),
    ("scrap2.txt", "广告\n".encode(), "no_article_text"),
    ("credit.txt", "本版责编:王五 赵六\n".encode(), "editor_line"),
    ("header.txt", f"甘肃日报\n第3版\n要闻\n2024年6月14日\n星期五\n市政协召开常委会议\n本报讯 {BODY}\n".encode(),
     "page_header_line"),
    ("repeat.txt", (FIXTURES / "page_sample.txt").read_bytes(), "layout_repeat"),
    ("repeat2.txt", f"市政协召开常委会议\n本报讯 {BODY}\n县政协调研营商环境\n本报讯 {BODY}\n".encode(),
     "repeat_only_article"),
    ("day.md", MARKDOWN.encode(), "rundown"),
    ("day2.md", MARKDOWN.encode(), "text_before_first_story"),
    ("day3.md", MARKDOWN.encode(), "story_without_text"),
    ("note.md", f"---\ntitle: 甲\nauthor: 乙\n---\n本报讯 {BODY}\n".encode(), "front_matter"),
    ("note2.md", f"---\ntitle: 甲\ndate: 1900-01-01\n---\n本报讯 {BODY}\n".encode(), "document_date_implausible"),
    ("header_only.csv", "标题,正文\n".encode(), "no_records"),
    ("bom_only.csv", codecs.BOM_UTF8, "empty_after_bom"),
    ("spaces.txt", b"  \r\n\n\t\n", "blank_file"),
    ("spaces.json", b"   ", "blank_file"),
    ("commas_only.csv", b",,\n", "no_header"),
    ("ragged.csv", f'标题,正文\n甲,"{BODY}"\n乙,多,余\n'.encode(), "wrong_field_count"),
    ("unclosed.csv", f'标题,正文\n甲,"{BODY}\n乙,{BODY}\n'.encode(), "unclosed_quote"),
    ("no_text.csv", "标题,日期\n甲,2024-01-01\n".encode(), "no_text_column"),
    ("blank.csv", f'标题,正文\n甲,"{BODY}"\n乙,\n'.encode(), "empty_text_cell"),
    ("chrome.csv", "标题,正文\n甲,网站首页\n".encode(), "only_page_chrome"),
    ("undated.csv", "标题,正文\n甲,近日委员们开展调研，提出意见建议。\n".encode(), "no_date"),
    ("bad_date.csv", "标题,正文,日期\n甲,近日委员们开展调研。,2024-13-01\n".encode(), "date_cell_unreadable_no_date"),
    ("placeholder_date.csv", "标题,正文,日期\n甲,近日委员们开展调研。,1900-01-01\n".encode(), "date_cell_implausible"),
    ("bad_date2.csv", "标题,正文,日期\n甲,2024年6月3日，委员们开展调研。,not-a-date\n".encode(), "date_cell_unreadable"),
    ("broken.xlsx", b"PK\x03\x04 cut short", "bad_xlsx"),
    ("renamed.xlsx", f'标题,正文\n甲,"{BODY}"\n'.encode(), "xlsx_not_a_workbook"),
    ("export.csv", _xlsx(["标题", "正文"], ["甲", BODY]), "office_misnamed"),
    ("blank.xlsx", _xlsx(), "empty_sheet"),
    ("failed_formula.xlsx", _xlsx(["标题", "正文"], ["甲", BODY], ["乙", "#N/A"]), "excel_error_cell"),
    ("failed_title.xlsx", _xlsx(["标题", "正文"], ["#VALUE!", BODY]), "excel_error_in_column"),
    ("title_formula.xlsx", _xlsx(["标题", "正文"], ["=C2", BODY]), "formula_cell_without_value"),
    ("date_formula.xlsx", _xlsx(["标题", "正文", "日期"], ["甲", "2024年6月3日，委员们开展调研。", "=TODAY()"]),
     "date_formula_without_value"),
    ("date_formula2.xlsx", _xlsx(["标题", "正文", "日期"], ["甲", "委员们开展调研。", "=TODAY()"]),
     "date_formula_without_value_no_date"),
    ("20991231.txt", f"市政协召开常委会议\n本报讯 {BODY}\n".encode(), "file_name_date_implausible"),
    ("broken.parquet", b"not parquet", "not_parquet"),
    ("cut.parquet", (lambda data: data[: len(data) // 2])(_parquet()), "parquet_truncated"),
    ("damaged.parquet", b"PAR1" + b"\x00" * 40 + b"PAR1", "bad_parquet"),
    ("export.csv", _parquet(), "parquet_misnamed"),
    ("scan.xlsx", _picture_book(), "workbook_only_pictures"),
    ("short.txt", "失业".encode("gbk"), "gbk_not_utf8"),
    ("shorter.txt", "谢谢".encode("gbk"), "utf8_or_gbk"),
    ("one_character.txt", "环".encode("gbk"), "gbk_or_big5"),
    ("shorter.json", '{"x": "λ", "y": "μ"}'.encode(), "utf8_assumed"),
    ("values.json", json.dumps([["甲", BODY]], ensure_ascii=False).encode(), "json_rows_without_names"),
    ("rows.json", json.dumps([["标题", "正文"], ["甲"]], ensure_ascii=False).encode(), "json_row_width"),
    ("indexed.json", json.dumps({"正文": {"甲": BODY}}, ensure_ascii=False).encode(), "json_index_kept"),
    ("lines.json", _jsonl(GOOD_RECORD, GOOD_RECORD.replace("甲", "乙")), "json_lines_misnamed"),
    ("list.jsonl", f"[{GOOD_RECORD}]".encode(), "json_document_misnamed"),
    ("one_line.txt", f"市政协召开常委会议 本报讯 {BODY}县委部署工作 本报讯 {BODY}".encode(), "page_without_line_breaks"),
    ("long_line.txt", (BODY * 100).encode(), "long_line_not_split"),
    ("toc.md", "# 今日要闻\n\n## 市政协召开常委会议\n".encode(), "markdown_headings_only"),
    ("empty_text.csv", f'标题,正文,摘要\n甲,,"{BODY}"\n'.encode(), "text_column_empty"),
    ("pasted.csv", f'"{BODY}"\n"{BODY}二"\n'.encode(), "text_column_unnamed"),
    ("news.jsonl", _jsonl(GOOD_RECORD, "{not json", GOOD_RECORD), "invalid_json_line"),
    ("lists.jsonl", _jsonl(GOOD_RECORD, "[1, 2]"), "not_a_json_object"),
    ("numbers.jsonl", _jsonl(GOOD_RECORD, '{"title": "乙", "text": [{"p": "委员们开展调研。"}]}'), "text_cell_not_text"),
    ("scalar.json", b'"just a string"', "no_record_list"),
    ("broken.json", b'{"title": oops', "invalid_json"),
    ("cut.json", CUT_JSON.encode(), "truncated_json"),
    ("bad.zip", b"PK\x03\x04 not really a zip", "bad_zip"),
    ("evil.zip", _zip({"pages/p1.txt": f"本报讯 {BODY}".encode(), "../../etc/evil.txt": BODY.encode()}), "zip_slip"),
    ("bomb.zip", _zip({"zeros.txt": b"0" * (11 * 2**20)}), "zip_bomb"),
    ("twice.zip", _zip({"a.txt": f"本报讯 {BODY}".encode(), "b.txt": f"本报讯 {BODY}".encode()}), "duplicate_file"),
    ("empty.zip", _zip({}), "empty_archive"),
    ("pages.dat", _zip({"a.txt": f"本报讯 {BODY}".encode()}), "zip_misnamed"),
    ("pages", _zip({}), "zip_misnamed"),
    ("nested.zip", functools.reduce(lambda data, level: _zip({f"{level}.zip": data}), range(1200),
                                    _zip({"a.txt": f"本报讯 {BODY}".encode()})), "zip_too_deep"),
    ("deep.json", b"[" * 5000 + b"]" * 5000, "json_too_deep"),
    ("twice.csv", f'标题,正文,正文\n甲,"{BODY}",按\n'.encode(), "duplicate_column"),
    ("two_rows.csv", f'新闻,,日期\n标题,正文,\n甲,"{BODY}",2024-06-14\n'.encode(), "header_name_from_above"),
    ("joined.csv", f'标题,正文\n甲,"{BODY}"\n标题,正文\n'.encode(), "header_repeated"),
    ("page.txt", f"<html><body><p>本报讯 {BODY}</p></body></html>".encode(), "web_page_misnamed"),
    ("page2.html", f"<html><body><p>网站首页 | 新闻中心 | 政务公开</p><p>本报讯 {BODY}</p></body></html>".encode(),
     "web_page_chrome"),
]


def problems(reports: list[FileReport]) -> list[Problem]:
    return [p for r in reports for p in (*r.errors, *r.skipped, *r.warnings)]


def assert_reads_in_both_languages(problem: Problem) -> None:
    templates = default_catalog().templates[problem.code]
    for lang in ("en", "zh"):
        missing = placeholders(templates[lang]) - set(problem.params)
        assert not missing, f"{problem.code} {lang}: no value for {missing}"
    english, chinese = problem.text("en"), problem.text("zh")
    fallback = fallback_text(problem.code, problem.params)
    assert english == problem.message and english != fallback
    assert CJK.search(chinese) and chinese not in {english, fallback}, chinese


@pytest.mark.parametrize(("name", "data", "code"), BAD_UPLOADS, ids=[c for _, _, c in BAD_UPLOADS])
def test_each_bad_input_gets_its_code_and_reads_in_english_and_chinese(name, data, code):
    found = problems(load_uploads([(name, data)], LoadOptions()).reports)
    assert code in {p.code for p in found}, [(p.code, p.message) for p in found]
    for problem in found:
        assert_reads_in_both_languages(problem)


def test_folder_level_reasons_read_in_both_languages(tmp_path):
    (tmp_path / "README.md").write_text("# 说明\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text("本报讯 会议召开。" * 20000, encoding="utf-8")
    result = load_articles([tmp_path, tmp_path / "nope"], LoadOptions(max_file_mb=0.1))
    found = problems(result.reports)
    assert {p.code for p in found} == {"documentation_file", "too_large", "no_such_path"}
    for problem in found:
        assert_reads_in_both_languages(problem)


def test_an_untitled_article_that_only_repeats_is_reported_from_its_first_line():
    first = PageArticle(title="甲", paragraphs=[BODY], paragraph_lines=[2], first_line=1, last_line=2)
    untitled = PageArticle(paragraphs=[BODY], paragraph_lines=[5], first_line=4, last_line=5)
    skipped: list[Problem] = []
    assert dedupe_paragraphs([first, untitled], skipped) == [first]
    assert [(p.line, p.code) for p in skipped] == [(5, "layout_repeat"), (4, "repeat_only_untitled")]
    assert skipped[1].message == "the untitled article from line 4 only repeats earlier paragraphs; not kept"
    assert_reads_in_both_languages(skipped[1])


def test_unknown_columns_named_in_the_mapping_are_reported_in_both_languages(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(f'标题,正文\n甲,"{BODY}"\n', encoding="utf-8")
    (report,) = load_articles([path], LoadOptions(columns={"正文列": "text"})).reports
    (problem,) = report.skipped
    assert (problem.code, problem.message) == ("unknown_columns",
                                               "--columns names columns this file does not have: '正文列'")
    assert_reads_in_both_languages(problem)


def test_a_bad_json_lines_line_reads_as_an_analyst_would_say_it():
    problem = Problem.of("invalid_json_line", line=12, json_error="Expecting ',' delimiter", column=5)
    assert problem.message == "not valid JSON (Expecting ',' delimiter at column 5)"
    assert problem.text("zh") == "不是有效的 JSON（第 5 列：缺少逗号）：这一行未载入，其余各行照常载入"


def test_the_report_json_gives_the_code_and_the_chinese_next_to_the_english():
    report = FileReport(source="news.jsonl").fail("invalid_json_line", line=2, json_error="Expecting value",
                                                  column=1)
    (error,) = report.to_dict()["errors"]
    assert error == {
        "line": 2,
        "code": "invalid_json_line",
        "message": "not valid JSON (Expecting value at column 1)",
        "message_zh": "不是有效的 JSON（第 1 列：此处缺少值）：这一行未载入，其余各行照常载入",
    }


def test_the_problems_table_lists_every_reason_of_every_file_in_the_language_asked():
    page = FileReport(source="page.txt", articles=1, records=1)
    page.skipped.append(Problem.of("layout_repeat", line=34, first_line=32))
    page.warnings.append(Problem.of("no_date", line=1))
    pdf = FileReport(source="edition.pdf", articles=2, records=2).fail("pdf_page_no_text", page=2)
    reports = [FileReport(source="empty.txt").fail("empty_file"), page, pdf]
    table = problems_table(reports, "zh")
    assert list(table.columns) == ["file", "line", "page", "kind", "code", "message"]
    assert table[["file", "kind", "code"]].values.tolist() == [
        ["empty.txt", "error", "empty_file"],
        ["page.txt", "left_out", "layout_repeat"],
        ["page.txt", "warning", "no_date"],
        ["edition.pdf", "error", "pdf_page_no_text"],
    ]
    assert table["line"].isna().tolist() == [True, False, False, True] and table["line"].tolist()[1:3] == [34, 1]
    assert table["page"].isna().tolist() == [True, True, True, False] and table.loc[3, "page"] == 2
    assert table.loc[1, "message"] == "与第 32 行的段落相同（版面重复印刷），只保留一次"
    assert problems_table(reports, "en").loc[0, "message"] == "the file is empty"
    assert problems_table([FileReport(source="ok.txt", articles=1, records=1)], "zh").empty
