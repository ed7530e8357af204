"""The dashboard runs on the demo corpus and on uploads; every filter changes its charts.

Streamlit's AppTest runs the real script headless. It cannot click a chart, so the
click → filter step is tested as pure functions in ``tests/test_ui_state.py``.
"""

import base64
import json
import os

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from analysis.loading import load_articles
from tests.conftest import FIXTURES, REPO_ROOT
from ui.load_summary import file_rows

pytestmark = pytest.mark.slow
os.environ.setdefault("GOVTHEMES_DEMO_ARTICLES", "600")
SCRIPT = str(REPO_ROOT / "dashboard.py")


def charts(at: AppTest) -> dict[str, dict]:
    """Plotly figures by chart key (the figure JSON is in the element's proto spec)."""
    found = {}
    for element in at.get("plotly_chart"):
        spec = json.loads(element.proto.spec)
        found[element.proto.id or str(len(found))] = spec
    return found


def numbers(data: object) -> np.ndarray:
    """A trace's numbers, also when plotly packed them as a binary array (``{"dtype", "bdata"}``)."""
    if isinstance(data, dict):
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"])
    return np.asarray(data)


def chart_titles(at: AppTest) -> list[str]:
    titles = []
    for spec in charts(at).values():
        title = spec.get("layout", {}).get("title", {})
        titles.append(title.get("text", "") if isinstance(title, dict) else str(title))
    return titles


def trace_values(at: AppTest, title_part: str) -> str:
    """The serialised traces of the first chart whose title contains ``title_part``."""
    for spec in charts(at).values():
        title = spec.get("layout", {}).get("title", {})
        text = title.get("text", "") if isinstance(title, dict) else str(title)
        if title_part in text:
            return json.dumps(spec.get("data", []), ensure_ascii=False, sort_keys=True)
    raise AssertionError(f"no chart titled like {title_part!r} in {chart_titles(at)}")


@pytest.fixture(scope="module")
def demo() -> AppTest:
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    return at


def test_the_demo_corpus_runs_without_exception_and_draws_every_tab(demo):
    assert not demo.exception, demo.exception
    assert len(demo.tabs) == 6
    assert any("合成" in w.value for w in demo.warning)  # labelled as synthetic
    titles = chart_titles(demo)
    assert len(titles) >= 8 and all(titles), titles
    assert demo.get("image"), "the word cloud is drawn"
    metric = next(m for m in demo.sidebar.get("metric"))
    assert "篇" in metric.value


def _rerun_with(at: AppTest, key: str, value) -> AppTest:
    at.session_state[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def matched(at: AppTest) -> int:
    metric = next(m for m in at.sidebar.get("metric"))
    return int(metric.value.split()[0].replace(",", ""))


def test_each_filter_changes_the_charts_it_should(demo):
    at = demo
    total = matched(at)
    over_time = trace_values(at, "随时间变化")
    # date range → fewer articles, different time series
    low, high = at.date_input(key="flt_dates").value
    at.date_input(key="flt_dates").set_value((low, low.replace(month=min(low.month + 5, 12)))).run()
    assert not at.exception and matched(at) < total
    assert trace_values(at, "随时间变化") != over_time
    at.date_input(key="flt_dates").set_value((low, high)).run()
    assert matched(at) == total
    # place → fewer articles
    at.multiselect(key="flt_places").set_value([_first_option(at, "flt_places")]).run()
    assert not at.exception and 0 < matched(at) < total
    at.multiselect(key="flt_places").set_value([]).run()
    # theme → fewer articles, heatmap restricted
    at.multiselect(key="flt_themes").set_value([_first_option(at, "flt_themes")]).run()
    assert not at.exception and 0 < matched(at) < total
    at.multiselect(key="flt_themes").set_value([]).run()
    # level → the by-place chart changes
    by_place = trace_values(at, "各地报道数量")
    at.radio(key="flt_level").set_value("county").run()
    assert not at.exception and trace_values(at, "各地报道数量") != by_place
    at.radio(key="flt_level").set_value("prefecture").run()
    # search → fewer articles
    at.text_input(key="flt_search").input("节水").run()
    assert not at.exception and 0 < matched(at) < total
    at.text_input(key="flt_search").input("").run()
    assert matched(at) == total


def _first_option(at: AppTest, key: str) -> str:
    widget = at.multiselect(key=key)
    return widget.options[0] if hasattr(widget, "options") else widget.proto.options[0]


def test_the_themes_tab_shows_what_every_theme_covers_and_how_articles_are_scored(demo):
    from analysis.theme_dictionary import load_themes

    assert any(e.label.startswith("主题词典") for e in demo.expander)
    glossary = next(d.value for d in demo.dataframe if "core_terms" in d.value.columns)
    assert glossary["label"].tolist() == [theme.label for theme in load_themes().themes]
    assert any("得分不低于 4.0、且命中至少 2 次" in c.value for c in demo.caption)
    labels = [b.proto.label for b in demo.get("download_button")]
    assert "⬇ 下载 CSV：主题词典（各主题的说明和词语）" in labels  # the table shown, as well as every term's weight
    assert "⬇ 下载 CSV：主题词典的词语及权重" in labels


def test_a_filter_that_matches_nothing_shows_a_friendly_message(demo):
    demo.text_input(key="flt_search").input("没有这个词语XYZ").run()
    assert not demo.exception
    assert any("没有符合当前筛选条件的文章" in info.value for info in demo.info)
    assert not demo.get("plotly_chart")
    demo.text_input(key="flt_search").input("").run()


def test_the_english_toggle_relabels_the_page(demo):
    demo.session_state["lang"] = "en"
    demo.run()
    assert not demo.exception
    assert demo.title[0].value.startswith("Governance themes")
    demo.session_state["lang"] = "zh"
    demo.run()


def test_download_buttons_name_their_table_in_the_page_language(demo):
    labels = [b.proto.label for b in demo.get("download_button")]
    assert "⬇ 下载 CSV：各地主题占比" in labels and "⬇ 下载 CSV：报道数量随时间变化" in labels
    assert "⬇ 下载 CSV：各地主题构成" in labels  # the theme mix's own table, beside its chart
    assert "⬇ 下载 PNG：词云" in labels
    assert not [label for label in labels if "_" in label]  # no internal name (themes_by_place)
    demo.session_state["lang"] = "en"
    demo.run()
    labels = [b.proto.label for b in demo.get("download_button")]
    assert "⬇ Download CSV: Theme shares by place" in labels and "⬇ Download CSV: Theme mix by place" in labels
    demo.session_state["lang"] = "zh"
    demo.run()


def test_a_shared_link_naming_an_unknown_place_opens_without_it_and_says_so():
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.query_params["level"], at.query_params["place"] = "county", "999999"
    at.run()
    assert not at.exception, at.exception
    assert at.radio(key="flt_level").value == "county" and at.multiselect(key="flt_places").value == []
    assert any(i.value == "链接中的 place=999999 在这批文章里没有（或格式不对），已忽略。" for i in at.info)


def test_a_shared_link_cannot_put_a_markdown_link_into_the_page():
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.query_params["place"] = "[请重新登录](https://example.com/login)"
    at.query_params["q"] = "[点此](https://example.com)|协商"  # either word: a query, named whole
    at.run()
    assert not at.exception, at.exception
    (notice,) = [i.value for i in at.info if "链接中的" in i.value]
    assert r"place=\[请重新登录\]\(https\://example\.com/login\)" in notice
    assert any(r"“\[点此\]\(https\://example\.com\)|协商”" in i.value for i in at.info)


def test_the_province_field_s_placeholder_reads_as_an_example_not_a_setting():
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("folder").run()
    province = at.text_input(key="folder_province")
    assert province.value == "" and province.placeholder == "如 甘肃省；全国报刊留空"


def test_an_uploaded_file_runs_without_exception():
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("upload").run()
    assert not at.exception
    uploader = at.get("file_uploader")[0].proto
    assert "每个文件最大 200 MB" in uploader.help  # the limit, said in Chinese before a file is refused
    style = at.get("html")[0].proto.body  # Streamlit's own "Upload" / "200MB per file", in Chinese
    assert 'content:"选择文件"' in style and 'content:"每个文件最大 200 MB"' in style
    from analysis.loading import LoadOptions, load_uploads
    from analysis.store import open_store
    from ui.sources import Source

    page = (FIXTURES / "page_sample.txt").read_bytes()
    result = load_uploads([("2024-05-22_1版.txt", page)], LoadOptions(province="甘肃省"))
    store = open_store(None)
    store.ingest(result.articles)
    at.session_state["upload_source"] = Source(store=store, label="upload:test", reports=result.reports)
    at.run()
    assert not at.exception, at.exception
    assert matched(at) == 4
    assert any("载入结果" in e.label for e in at.expander)


def test_a_folder_outside_the_data_root_is_refused_with_a_message(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_path").input("/etc").run()
    assert not at.exception
    assert any("“/etc”不在数据根目录" in e.value for e in at.error)
    at.session_state["lang"] = "en"
    at.run()
    assert any("outside the data folder" in e.value for e in at.error)
    at.text_input(key="folder_path").input("/etc/**x**").run()  # shown as typed, not as bold
    assert any(r"'/etc/\*\*x\*\*' is outside the data folder" in e.value for e in at.error)


def test_a_link_in_a_folder_to_a_file_outside_the_data_root_is_not_read(tmp_path, monkeypatch):
    root = tmp_path / "root"
    (root / "pages").mkdir(parents=True)
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(root))
    (root / "pages" / "2024-05-22_1版.txt").write_bytes((FIXTURES / "page_sample.txt").read_bytes())
    (tmp_path / "secret.txt").write_text("本报讯 机密文件不应被读取，这里有一句完整的话。", encoding="utf-8")
    (root / "pages" / "secret.txt").symlink_to(tmp_path / "secret.txt")
    at = open_folder("pages")
    assert matched(at) == 4
    assert _by_file(at, "status")["secret.txt"] == "未载入"
    assert "数据根目录" in _by_file(at, "reasons")["secret.txt"]


def test_a_province_that_is_not_one_is_named_and_the_folder_loads_without_it(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    (tmp_path / "2024-05-22_1版.txt").write_bytes((FIXTURES / "page_sample.txt").read_bytes())
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_province").input("纽约").run()
    at.text_input(key="folder_path").input(str(tmp_path)).run()
    assert not at.exception, at.exception
    assert any("“纽约”不是中国的省级行政区" in w.value and "这次载入不使用省份" in w.value for w in at.warning)
    assert matched(at) == 4


def test_a_folder_that_is_not_a_store_is_refused_with_a_message(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    (tmp_path / "notastore").mkdir()
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("store").run()
    at.text_input(key="store_path").input("notastore").run()
    assert not at.exception
    assert any("不是已建好的库" in e.value for e in at.error)
    at.session_state["lang"] = "en"
    at.run()
    assert any("is not a store" in e.value for e in at.error)


def open_folder(typed: str) -> AppTest:
    """The dashboard with ``typed`` entered in the folder form, run without an exception."""
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_path").input(typed).run()
    assert not at.exception, at.exception
    return at


def _by_file(at: AppTest, column: str) -> dict[str, object]:
    """A column of the load summary's file table, by file name (wrapped cells joined again)."""
    files = next(d.value for d in at.dataframe if "status" in d.value.columns).map(unbroken)
    return dict(zip(files["file"].map(lambda f: f.rsplit("/", 1)[-1]), files[column], strict=True))


def unbroken(cell: object) -> object:
    """A wrapped table cell as one line again: the page breaks long text into lines."""
    return cell.replace("\n", "") if isinstance(cell, str) else cell


def page_folder(root, monkeypatch):
    """``root/pages`` holding the sample page, with ``root`` as the data root."""
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(root))
    pages = root / "pages"
    pages.mkdir()
    (pages / "2024-05-22_1版.txt").write_bytes((FIXTURES / "page_sample.txt").read_bytes())
    return pages


def test_the_load_summary_s_reasons_are_read_whole_on_a_laptop_s_page_without_scrolling_sideways(
    tmp_path, monkeypatch
):
    from ui.html_view import escape_markdown
    from ui.load_summary import REASON_PX
    from ui.table_layout import LINE_PX, WRAP_ROW_HEIGHT

    pages = page_folder(tmp_path, monkeypatch)
    (pages / "子文件夹").mkdir()
    (pages / "子文件夹" / "导出的表格没有正文列的示例文件.csv").write_text("title,author\n标题,某某\n", encoding="utf-8")
    at = open_folder("pages")
    note = f"文件名从所载入的文件夹 {escape_markdown(pages)} 起算；文件表和全部原因的 CSV 下载中有完整路径。"
    assert note in [c.value for c in at.caption]
    for marker, reasons in (("status", "reasons"), ("kind", "message")):  # the file table, every reason
        table = next(d for d in at.dataframe if marker in d.value.columns)
        columns = json.loads(table.proto.columns)
        shown = [c for c in table.value.columns if not columns.get(c, {}).get("hidden")]
        assert "path" not in shown and "code" not in shown  # the full path is in the CSV, named in the caption
        before = shown[: shown.index(reasons) + 1]
        assert sum(columns[c]["width"] for c in before) <= 760  # a 1280-px laptop's page (and sidebar) holds them
        assert columns[reasons]["width"] == REASON_PX and table.proto.row_height > 64
        cells = table.value[reasons].dropna().map(lambda cell: cell.split("\n"))
        assert cells.map(len).max() > 1  # the CSV file's long reason wraps, broken into lines here
        assert table.proto.row_height == WRAP_ROW_HEIGHT + LINE_PX * (cells.map(len).max() - 3)  # every line


def test_a_folder_under_the_data_root_loads_with_a_load_summary_giving_every_reason_in_the_interface_language(
    tmp_path, monkeypatch
):
    pages = page_folder(tmp_path, monkeypatch)
    (pages / "empty.txt").write_bytes(b"")
    good = {"id": "x1", "title": "县政协调研营商环境", "date": "2024-05-21", "content": "调研组走访企业，优化营商环境。"}
    (pages / "news.jsonl").write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    at = open_folder("pages")
    assert matched(at) == 5
    summary = next(e for e in at.expander if "载入结果" in e.label)
    assert summary.label.startswith("载入结果：共 3 个文件") and "1 个未载入" in summary.label
    assert _by_file(at, "status") == {"2024-05-22_1版.txt": "已载入", "empty.txt": "未载入", "news.jsonl": "部分载入"}
    files = next(d.value for d in at.dataframe if "status" in d.value.columns).map(unbroken)
    assert files["file"].tolist() == ["empty.txt", "news.jsonl", "2024-05-22_1版.txt"]  # problems first
    assert files["path"].tolist() == [str(pages / name) for name in files["file"]]
    reasons = _by_file(at, "reasons")
    assert reasons["empty.txt"] == "文件是空的（0 字节），没有可以载入的内容"
    assert reasons["news.jsonl"] == "2：不是有效的 JSON（第 2 列：字段名应当用英文双引号括起来）：这一行未载入，其余各行照常载入"
    every = next(d.value for d in at.dataframe if "kind" in d.value.columns).map(unbroken)
    assert every[["line", "kind", "code"]].values.tolist() == [
        ["整个文件", "未载入", "empty_file"], ["2", "未载入", "invalid_json_line"], ["34", "未计入的文字", "layout_repeat"]]
    assert every["message"].iloc[2] == "与第 32 行的段落相同（版面重复印刷），只保留一次"
    assert any("逐条原因" in c.value for c in at.caption)

    loads = []
    monkeypatch.setattr("ui.sources.load_articles", lambda *a, **k: loads.append(a) or load_articles(*a, **k))
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    assert loads == []  # the reports word themselves in the new language: nothing is loaded again
    assert _by_file(at, "status") == {"2024-05-22_1版.txt": "loaded", "empty.txt": "failed", "news.jsonl": "partial"}
    assert _by_file(at, "reasons")["empty.txt"] == "the file is empty"
    every = next(d.value for d in at.dataframe if "kind" in d.value.columns).map(unbroken)
    assert every["message"].iloc[2] == "repeats the paragraph on line 32 (printed again by the layout); kept once"


def test_the_load_summary_is_tabulated_once_per_load_and_language_not_on_every_click(tmp_path, monkeypatch):
    from ui import load_summary

    pages = page_folder(tmp_path, monkeypatch)
    (pages / "later.txt").write_bytes(b"")
    built = []
    monkeypatch.setattr(load_summary, "file_rows", lambda reports, lang: built.append(lang) or file_rows(reports, lang))
    at = open_folder("pages")
    shown = next(d.value for d in at.dataframe if "status" in d.value.columns)
    at.slider(key="kw_top").set_value(30).run()  # a click that changes a chart, not the corpus
    at.run()
    assert not at.exception, at.exception
    assert built == ["zh"]
    assert next(d.value for d in at.dataframe if "status" in d.value.columns).equals(shown)
    at.session_state["lang"] = "en"
    at.run()
    at.session_state["lang"] = "zh"
    at.run()
    assert built == ["zh", "en"]  # each language's words once
    assert _by_file(at, "status")["later.txt"] == "未载入"
    (pages / "later.txt").write_text("县政协召开常委会议。\n\n会议听取了调研报告。\n", encoding="utf-8")
    at.button(key="folder_reload").click().run()  # read again: the same corpus label, other reports
    assert not at.exception, at.exception
    assert built == ["zh", "en", "zh"]
    assert _by_file(at, "status")["later.txt"] == "已载入"


def test_hostile_files_in_a_folder_each_get_their_reason_in_the_load_summary_and_names_show_as_escapes(
    tmp_path, monkeypatch
):
    import io
    import zipfile

    from openpyxl import Workbook

    pages = page_folder(tmp_path, monkeypatch)
    (pages / "a\nb\u202e.txt").write_bytes(b"")  # a line break and a right-to-left mark in the name
    book = Workbook()
    book.active.append(["标题", "正文", "前半"])
    book.active.append(["甲", "=C2", "本报讯 市政协召开会议，研究乡村振兴工作。"])
    book.save(pages / "scripted.xlsx")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        for i in range(11):
            archive.writestr(f"m{i}.txt", str(i).encode() + b" " * (2**20 - 1))
    (pages / "bomb.zip").write_bytes(bomb.getvalue())
    at = open_folder("pages")
    assert matched(at) == 4
    reasons = _by_file(at, "reasons")
    assert reasons["a\\nb\\u202e.txt"].startswith("文件是空的")
    assert "公式（=C2），但没有保存计算结果" in reasons["scripted.xlsx"]
    assert "压缩炸弹" in reasons["bomb.zip!m10.txt"]
    assert _by_file(at, "status")["scripted.xlsx"] == "未载入"


def test_the_load_summary_s_merged_reasons_download_as_shown_and_every_reason_too(tmp_path, monkeypatch):
    pages = page_folder(tmp_path, monkeypatch)
    for name in ("a.txt", "b.txt", "c.txt"):
        (pages / name).write_bytes(b"")  # each empty: one reason of three files, merged into one row
    at = open_folder("pages")
    grouped = next(d.value for d in at.dataframe if "count" in d.value.columns).map(unbroken)
    assert grouped["count"].tolist() == [3, 1] and grouped["file"].iloc[0] == "a.txt 等 3 个文件"
    labels = [b.proto.label for b in at.get("download_button")]
    assert "⬇ 下载 CSV：原因（相同的合并计数）" in labels and "⬇ 下载 CSV：全部原因" in labels


def test_repeated_articles_are_counted_once_and_named_in_the_load_summary(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    records = [
        {"id": "a1", "title": "市政协召开常委会会议", "date": "2024-05-20", "content": "会议协商议政，建言乡村振兴。"},
        {"id": "a2", "title": "市政协召开常委会会议", "date": "2024-05-20", "content": "会议协商议政，建言乡村振兴。"},
        {"id": "a3", "title": "县政协调研营商环境", "date": "2024-05-21", "content": "调研组走访企业，优化营商环境。"},
    ]
    (tmp_path / "items.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records),
                                          encoding="utf-8")
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_path").input("items.jsonl").run()
    assert not at.exception, at.exception
    assert matched(at) == 2  # three read, one repeat counted once
    summary = next(e for e in at.expander if "载入结果" in e.label)
    assert "3 篇文章" in summary.label and "其中 1 篇重复，只计一次" in summary.label
    repeated = next(d.value for d in at.dataframe if "same_as" in d.value.columns)
    assert repeated[["doc_id", "same_as"]].values.tolist() == [["a2", "a1"]]
    # named from the folder loaded, as in the file table (not /tmp/…/items.jsonl#2)
    assert repeated[["source", "same_as_source"]].values.tolist() == [["items.jsonl#2", "items.jsonl#1"]]


PROVINCIAL_REPORTS = [
    ("2026-01-20", "浙江省政府工作报告", "浙江省将加快发展新质生产力，推进科技创新和产业创新深度融合。"),
    ("2026-01-22", "海南省政府工作报告", "海南省扎实推进自由贸易港建设，持续扩大高水平对外开放。"),
    ("2026-02-05", "甘肃省政府工作报告", "甘肃省全面推进乡村振兴，巩固拓展脱贫攻坚成果，加强节水。"),
]


def load_reports_folder(tmp_path, monkeypatch, rows) -> AppTest:
    """The dashboard with ``rows`` (date, title, text) loaded from a CSV under the data root."""
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    table = "日期,标题,正文\n" + "\n".join(",".join(row) for row in rows) + "\n"
    (tmp_path / "reports.csv").write_text(table, encoding="utf-8")
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_path").input("reports.csv").run()
    assert not at.exception, at.exception
    return at


def test_a_corpus_of_provinces_opens_at_province_level_with_a_map_of_china(tmp_path, monkeypatch):
    at = load_reports_folder(tmp_path, monkeypatch, PROVINCIAL_REPORTS)
    assert at.radio(key="flt_level").value == "province"
    assert all(place in trace_values(at, "各地报道数量") for place in ("浙江省", "海南省", "甘肃省"))
    assert at.selectbox(key="map_province").value == "all"
    china = next(spec for spec in charts(at).values() if spec["data"][0].get("type") == "choroplethmap")
    assert len(china["data"][0]["geojson"]["features"]) >= 31
    assert china["data"][0]["colorbar"]["title"]["text"] == "文章数（篇）"
    assert china["layout"]["height"] == 760  # China, with its islands, needs the tallest map
    at.multiselect(key="flt_themes").set_value(["rural_revitalization"]).run()
    china = next(spec for spec in charts(at).values() if spec["data"][0].get("type") == "choroplethmap")
    assert china["layout"]["title"]["text"] == "各地报道数量分布（主题：乡村振兴与帮扶）"
    at.multiselect(key="flt_themes").set_value([]).run()
    at.session_state["map_metric"] = "theme_share"
    at.run()
    assert not at.exception, at.exception
    theme = at.selectbox(key="map_theme")
    shares = next(spec for spec in charts(at).values() if spec["data"][0].get("type") == "choroplethmap")
    assert shares["layout"]["title"]["text"] == f"各地“{theme.format_func(theme.value)}”报道占比"
    assert "报道占比（%）" in shares["data"][0]["colorbar"]["title"]["text"]


def test_the_map_says_how_many_filtered_articles_it_cannot_draw(tmp_path, monkeypatch):
    national = ("2026-02-06", "国务院常务会议研究稳就业", "会议指出，要稳定就业，加强职业技能培训。")  # no place
    at = load_reports_folder(tmp_path, monkeypatch, [*PROVINCIAL_REPORTS, national])
    assert at.selectbox(key="map_province").value == "all" and matched(at) == 4
    notes = [c.value for c in at.caption if "不在图上" in c.value]
    assert notes == ["地图画出 3 篇；另有 1 篇（25%）不在图上：未定位到这一级地区，或在所选省份之外。"]
    at.session_state["map_province"] = "620000"  # Gansu's prefectures: Zhejiang and Hainan are off it too
    at.run()
    assert next(c.value for c in at.caption if "不在图上" in c.value).startswith("地图画出 0 篇；另有 4 篇（100%）")


def test_long_reports_can_be_split_into_paragraphs_from_the_folder_form(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    paragraphs = ["过去一年，全省上下坚持把节约用水放在突出位置，推进水资源集约安全利用，新建高效节水灌溉面积一百万亩以上，"
                  "城市公共供水管网漏损率持续下降，农业用水效率明显提升。",
                  "今年要大力发展新质生产力，培育壮大新能源、新材料和数字经济等产业集群，推动传统产业高端化、智能化、绿色化"
                  "转型，让创新成为高质量发展的第一动力。",
                  "坚持以人民为中心，办好民生实事，扩大普惠托育服务供给，提高城乡居民基础养老金，加强基层医疗卫生机构建设，"
                  "让群众看病就医更方便。"]
    paragraphs = [paragraph * 20 for paragraph in paragraphs]  # a report: 3,000 characters or more
    report = {"标题": "某省政府工作报告", "日期": "2026-01-25", "正文": "\n".join(paragraphs)}
    (tmp_path / "report.json").write_text(json.dumps([report], ensure_ascii=False), encoding="utf-8")
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_path").input("report.json").run()
    assert matched(at) == 1
    at.checkbox(key="folder_split").check().run()
    assert not at.exception, at.exception
    assert matched(at) == 3
    assert any("1 篇长文档 → 3 段（每篇都在 3,000 字以上）。以下各视图中的“篇”指段落。" in note.value
               for note in at.info)  # no "0 shorter ones kept whole"


def test_a_broken_configuration_file_is_named_on_the_page_not_a_traceback(tmp_path, monkeypatch):
    import shutil

    import streamlit as st

    from analysis.paths import data_dir

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    (folder / "themes.toml").write_text("[[themes]\nid = 'x'\n", encoding="utf-8")
    monkeypatch.setenv("GOVTHEMES_DATA", str(folder))
    st.cache_resource.clear()  # the demo corpus cached by other tests was built with the good files
    try:
        at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    finally:
        st.cache_resource.clear()
    assert not at.exception, at.exception
    assert "配置文件有误" in at.error[0].value
    assert "themes.toml: 不是有效的 TOML 格式" in at.code[0].value


def _top_keyword(at: AppTest) -> str:
    """The first term of the keyword bar chart (the most frequent)."""
    for spec in charts(at).values():
        title = spec.get("layout", {}).get("title", {})
        if "高频词" in (title.get("text", "") if isinstance(title, dict) else str(title)):
            bars = spec["data"][0]
            counts = numbers(bars["x"]).tolist()
            return bars["y"][counts.index(max(counts))]
    raise AssertionError(f"no keyword chart in {chart_titles(at)}")


def test_an_edit_to_the_stopwords_or_themes_shows_on_the_next_run_without_a_restart(tmp_path, monkeypatch):
    import shutil

    from analysis.paths import data_dir

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    monkeypatch.setenv("GOVTHEMES_DATA", str(folder))
    at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    assert not at.exception, at.exception
    top = _top_keyword(at)
    assert "生态文明与环境" in at.multiselect(key="flt_themes").options
    with (folder / "stopwords" / "generic_words.txt").open("a", encoding="utf-8") as stopwords:
        stopwords.write(f"\n{top}\n")
    themes = folder / "themes.toml"
    themes.write_text(themes.read_text(encoding="utf-8").replace('label = "生态文明与环境"', 'label = "生态环境保护"'),
                      encoding="utf-8")
    at.run()
    assert not at.exception, at.exception
    assert _top_keyword(at) != top and top not in trace_values(at, "高频词")
    options = at.multiselect(key="flt_themes").options
    assert "生态环境保护" in options and "生态文明与环境" not in options


def test_a_store_analysed_with_other_data_files_says_so_and_how_to_update_it(tmp_path, monkeypatch):
    import shutil

    from analysis.cli import main
    from analysis.paths import data_dir

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    monkeypatch.setenv("GOVTHEMES_DATA", str(folder))
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    assert main(["ingest", str(FIXTURES / "page_sample.txt"), "--edition-date", "2024-05-22",
                 "--store", str(tmp_path / "store"), "--workers", "1"]) == 0
    at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    at.radio(key="source_kind").set_value("store").run()
    at.text_input(key="store_path").input("store").run()
    assert not at.exception, at.exception
    assert not any("resegment" in w.value for w in at.warning)
    with (folder / "stopwords" / "generic_words.txt").open("a", encoding="utf-8") as stopwords:
        stopwords.write("\n营商环境\n")  # not a stopword before
    at.run()
    warning = next(w.value for w in at.warning if "resegment" in w.value)
    assert warning.startswith("此库中有 ") and f"govthemes resegment --store {tmp_path / 'store'}" in warning


def test_the_keywords_tab_follows_how_the_widest_spread_slogans_reached_place_after_place():
    at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    spread = json.loads(trace_values(at, "政策提法的扩散"))
    assert len(spread) == 5 and all(trace["line"]["shape"] == "hv" for trace in spread)
    at.multiselect(key="kw_spread_slogans").set_value([spread[-1]["name"]]).run()
    assert not at.exception, at.exception
    assert [trace["name"] for trace in json.loads(trace_values(at, "政策提法的扩散"))] == [spread[-1]["name"]]
    at.multiselect(key="kw_spread_slogans").set_value([]).run()
    assert not at.exception and "政策提法的扩散" not in " ".join(chart_titles(at))


def test_the_slogan_table_counts_places_at_the_sidebar_s_level_like_the_spread_chart():
    at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    slogans = next(d.value for d in at.dataframe if "n_groups" in d.value.columns)
    assert slogans["n_groups"].max() > 1  # prefectures, the demo's default level
    at.radio(key="flt_level").set_value("province").run()
    assert not at.exception, at.exception
    by_province = next(d.value for d in at.dataframe if "n_groups" in d.value.columns)
    assert set(by_province["n_groups"]) == {1}
    assert set("、".join(by_province["groups"]).split("、")) == {"甘肃省"}


def test_the_slogan_table_lists_its_places_as_text_in_a_wide_column_that_wraps(demo):
    table = next(d for d in demo.dataframe if "n_groups" in d.value.columns)
    places = table.value["groups"]
    assert places.str.contains("、").any() and not places.str.contains("'").any()  # 兰州市、白银市, not a list
    assert json.loads(table.proto.columns)["groups"]["width"] == 400  # large, in pixels: the table is as wide as its columns
    assert table.proto.row_height > 64  # Streamlit wraps a cell's text only in rows over 4rem
    columns = json.loads(table.proto.columns)
    assert columns["n_mentions"]["type_config"]["format"] == "localized"  # 1,122 as on the bars, not 1122


def test_a_slogan_s_long_place_list_names_the_places_that_fit_and_how_many_in_all(demo):
    from ui.tab_keywords import PLACE_LIST_CHARS, place_list

    provinces = ["甘肃省", "青海省", "四川省", "云南省", "贵州省", "湖南省", "湖北省", "河南省", "河北省", "山西省"]
    assert place_list(provinces[:9], "zh") == "、".join(provinces[:9])  # 35 characters: all fit
    assert place_list(provinces, "zh") == "、".join(provinces[:9]) + "等 10 个地区"
    assert place_list(provinces, "en") == ", ".join(provinces[:7]) + " … (10 in all)"
    assert place_list(["内蒙古自治区" * 7], "zh") == "内蒙古自治区" * 7  # one long name stays whole
    # A cell of 31 provinces ran over the rows below it (three lines to a row): none does now.
    cells = next(d.value for d in demo.dataframe if "n_groups" in d.value.columns)["groups"].map(unbroken)
    assert cells.str.len().max() <= PLACE_LIST_CHARS + len("等 99 个地区")
    assert cells.str.endswith("个地区").any()  # the demo's slogans reach more places than fit


def test_the_map_shows_where_and_when_a_slogan_arrived_with_places_it_never_reached_grey():
    at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    at.session_state["map_metric"] = "slogan"
    at.run()
    assert not at.exception, at.exception
    slogan = at.selectbox(key="map_slogan").value
    spec = next(spec for spec in charts(at).values() if spec["data"][0].get("type") == "choroplethmap")
    assert spec["layout"]["title"]["text"] == f"“{slogan}”传到各地的先后"
    assert spec["data"][0]["colorbar"]["title"]["text"] == "比最早提及的地区晚（月）"
    months = numbers(spec["data"][0]["z"])
    assert months.min() == 0 and months.max() > 0  # it started somewhere and reached others later


def test_the_share_map_opens_on_the_sidebar_s_theme_and_keeps_one_picked_on_the_map():
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.query_params["theme"] = "ecology"  # a shared link; not the dictionary's first theme
    at.run()
    at.session_state["map_metric"] = "theme_share"
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="map_theme").value == "ecology"
    label = at.selectbox(key="map_theme").format_func("ecology")
    map_spec = next(spec for spec in charts(at).values() if spec["data"][0].get("type") == "choroplethmap")
    assert label in map_spec["layout"]["title"]["text"]
    at.session_state["map_theme"] = "consultation"  # picked on the map
    at.run()
    at.text_input(key="flt_search").input("发展").run()  # another filter: the map keeps its theme
    assert at.selectbox(key="map_theme").value == "consultation"
    at.multiselect(key="flt_themes").set_value(["party_building", "ecology"]).run()
    assert at.selectbox(key="map_theme").value == "party_building"


def test_a_click_on_a_slogan_s_bar_searches_the_articles_for_it(demo):
    from ui.selection import select_term
    from ui.state import FilterState

    chart = next(el for el in demo.get("plotly_chart") if "kw_slogans_chart" in el.proto.id)
    assert chart.proto.id.endswith("kw_slogans_chart@0") and list(chart.proto.selection_mode)  # clickable
    slogan = json.loads(chart.proto.spec)["data"][0]["y"][-1]
    assert select_term(FilterState(), [{"x": 17, "y": slogan}]).search == slogan


def test_keyness_of_a_quarter_against_before_shows_what_was_new_then():
    at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    at.session_state["kw_keyness_mode"] = "period"
    at.run()
    assert not at.exception, at.exception
    quarters = at.selectbox(key="kw_keyness_quarter").options
    assert quarters[0] > quarters[-1]  # latest first
    at.selectbox(key="kw_keyness_quarter").set_value("2024Q2").run()
    assert not at.exception, at.exception
    assert "党纪学习教育" in trace_values(at, "2024Q2 比此前更常用的词")  # the demo's 2024 Q2 campaign
    at.selectbox(key="kw_keyness_quarter").set_value(quarters[-1]).run()
    assert any("之前没有可比的文章" in info.value for info in at.info)


def test_the_network_slider_s_largest_value_draws_a_network_not_an_error():
    at = AppTest.from_file(SCRIPT, default_timeout=240).run()
    slider = at.slider(key="nw_top")
    slider.set_value(slider.max).run()
    assert not at.exception, at.exception
    assert "关键词共现网络" in " ".join(chart_titles(at))


def test_a_coded_error_while_drawing_is_said_in_the_page_not_a_traceback(monkeypatch):
    import ui.app
    from analysis.messages import CodedError

    def broken(lang):
        raise CodedError("town_package_missing")

    monkeypatch.setattr(ui.app, "draw", broken)
    at = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [ui.app.escape_markdown(CodedError("town_package_missing").render("zh"))]


def test_a_folder_read_again_after_its_files_changed_counts_the_new_files(tmp_path, monkeypatch):
    pages = page_folder(tmp_path, monkeypatch)
    at = open_folder("pages")
    before = matched(at)
    more = {"id": "x1", "title": "县政协调研营商环境", "date": "2024-05-21", "content": "调研组走访企业，优化营商环境。"}
    (pages / "news.jsonl").write_text(json.dumps(more, ensure_ascii=False) + "\n", encoding="utf-8")
    at.button(key="folder_reload").click().run()
    assert not at.exception, at.exception
    assert matched(at) == before + 1  # not the count cached for the folder as it was
