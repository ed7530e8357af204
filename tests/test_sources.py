"""The dashboard's folder source: a bounded look before reading, and a question before a large read."""

import os

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import FIXTURES, REPO_ROOT
from tests.test_dashboard import matched

pytestmark = pytest.mark.slow
os.environ.setdefault("GOVTHEMES_DEMO_ARTICLES", "600")
SCRIPT = str(REPO_ROOT / "dashboard.py")


def page_folder(folder, n_files):
    page = (FIXTURES / "page_sample.txt").read_text(encoding="utf-8")
    for number in range(n_files):
        (folder / f"2024-05-{10 + number:02d}_1版.txt").write_text(page.replace("白银", f"白银{number}"), encoding="utf-8")
    return folder


def test_a_folder_scan_fingerprints_files_and_stops_counting_past_the_limit(tmp_path):
    from ui.folder_scan import scan_folder

    page_folder(tmp_path, 3)
    scan = scan_folder(tmp_path)
    assert (scan.n_files, scan.too_many) == (3, False) and scan.n_bytes > 0
    assert scan_folder(tmp_path).signature == scan.signature
    (tmp_path / "2024-05-10_1版.txt").write_text("本报讯 近日,委员们开展调研。", encoding="utf-8")
    assert scan_folder(tmp_path).signature != scan.signature
    assert scan_folder(tmp_path, max_files=2).too_many


def open_folder(folder, monkeypatch) -> AppTest:
    """The app with ``folder`` (three pages) typed as the folder source."""
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(folder))
    page_folder(folder, 3)
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_path").input(str(folder)).run()
    assert not at.exception, at.exception
    return at


def test_a_large_folder_is_read_only_after_the_user_confirms(tmp_path, monkeypatch):
    monkeypatch.setattr("ui.folder_scan.CONFIRM_FOLDER_FILES", 2)
    at = open_folder(tmp_path, monkeypatch)
    assert any("这个文件夹有 3 个文件" in w.value for w in at.warning)
    assert not any("载入结果" in e.label for e in at.expander)
    at.button(key="folder_confirm").click().run()
    assert not at.exception, at.exception
    assert any("载入结果" in e.label for e in at.expander)


def test_a_folder_of_too_many_files_is_not_read_and_the_page_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr("ui.folder_scan.MAX_FOLDER_FILES", 2)
    at = open_folder(tmp_path, monkeypatch)
    assert any("govthemes ingest" in e.value for e in at.error)


def report_folder(folder):
    """Two long reports (about 6,000 characters each) as a CSV: documents, not news articles."""
    themes = ["推进乡村振兴，发展特色产业", "加强生态保护，推进节水治水", "办好民生实事，提升医疗服务水平"]
    rows = ["title,province,date,text"]
    for province in ("甘肃省", "青海省"):
        paragraphs = [f"第{n}项工作：{themes[n % 3]}，确保第{n}项任务落到实处，取得明显成效。" * 3 for n in range(60)]
        rows.append(f"{province}政府工作报告,{province},2026-01-20,\"{chr(10).join(paragraphs)}\"")
    (folder / "reports.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def test_long_documents_get_a_hint_and_a_button_that_splits_them_into_paragraphs(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_path").input(str(report_folder(tmp_path))).run()
    assert not at.exception, at.exception
    (hint,) = [i.value for i in at.info if "平均每篇" in i.value]
    assert "这 2 篇文章" in hint and "按段落拆分" in hint
    at.button(key="split_now").click().run()
    assert not at.exception, at.exception
    assert at.checkbox(key="folder_split").value is True
    assert any("2 篇长文档 → 120 段（每篇都在" in i.value for i in at.info)
    assert not any("平均每篇" in i.value for i in at.info)
    listed = at.dataframe(key="art_table").value
    later = next(d for d in listed["doc_id"] if d.endswith("#p2"))
    title = listed.set_index("doc_id").loc[later, "title"]  # the report's, then the paragraph's lead
    assert title.split("：")[0] in {"甘肃省政府工作报告", "青海省政府工作报告"} and title.endswith("…")
    at.session_state["art_pick"] = later
    at.run()
    assert not at.exception, at.exception
    page = " ".join(str(h.proto.body) for h in at.get("html"))
    assert "政府工作报告</h3>" in page  # the document's title heads a later paragraph in the reader


def test_a_store_of_long_documents_gets_the_command_that_builds_it_split(tmp_path, monkeypatch):
    from analysis.cli import main as cli

    report_folder(tmp_path)
    assert cli(["ingest", str(tmp_path / "reports.csv"), "--store", str(tmp_path / "whole")]) == 0
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.query_params["store"] = "whole"
    at.run()
    assert not at.exception, at.exception
    (hint,) = [i.value for i in at.info if "平均每篇" in i.value]
    assert "这 2 篇文章" in hint and "govthemes ingest 原始文件... --split paragraphs --store 新文件夹" in hint
    assert not [b for b in at.button if b.key == "split_now"]  # a store has no form to tick


def test_short_news_articles_get_no_hint_to_split(tmp_path, monkeypatch):
    at = open_folder(tmp_path, monkeypatch)
    assert not any("平均每篇" in i.value for i in at.info)
    assert not [b for b in at.button if b.key == "split_now"]


def test_a_corpus_without_any_date_is_explored_without_a_date_filter(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    rows = ["title,text"] + [f"兰州市政协调研{n},兰州市政协组织委员围绕乡村振兴和生态保护开展第{n}次调研。" for n in range(6)]
    (tmp_path / "undated.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_path").input(str(tmp_path)).run()
    assert not at.exception, at.exception
    assert any("都没有日期" in c.value for c in at.sidebar.caption)
    assert sum("都没有日期" in i.value for i in at.info) == 2  # instead of the two charts over time
    # the short texts reach no theme's threshold: said, instead of a heatmap of zeros and an empty mix
    assert any("没有一篇归入任何主题" in i.value and "阈值可在主题词典中调整" in i.value for i in at.info)
    assert not [d for d in at.date_input if d.key == "flt_dates"]
    assert at.sidebar.metric[0].value.startswith("6")
    assert at.dataframe(key="art_table").value.shape[0] == 6  # the articles tab lists them
    at.radio(key="flt_level").set_value("county").run()
    at.text_input(key="flt_search").input("生态").run()
    assert not at.exception, at.exception


def test_a_shared_link_opens_the_same_folder_split_the_same_way_with_the_same_filters(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    report_folder(tmp_path)
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.run()
    at.radio(key="source_kind").set_value("folder").run()
    at.text_input(key="folder_path").input("reports.csv").run()
    at.checkbox(key="folder_split").check().run()
    at.multiselect(key="flt_places").set_value(["630000"]).run()
    assert not at.exception, at.exception
    link = {key: at.query_params[key] for key in at.query_params}
    assert link == {"folder": "reports.csv", "split": "1", "place": "630000"}  # the filters and the corpus
    shared = AppTest.from_file(SCRIPT, default_timeout=240)
    for key, value in link.items():
        shared.query_params[key] = value
    shared.run()
    assert not shared.exception, shared.exception
    assert shared.radio(key="source_kind").value == "folder" and shared.checkbox(key="folder_split").value
    assert shared.multiselect(key="flt_places").value == ["630000"] and not shared.session_state["url_ignored"]
    assert matched(shared) == matched(at) == 60  # 青海's report, in paragraphs


def test_a_link_to_a_store_outside_the_data_root_is_refused_like_a_typed_path(tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    at = AppTest.from_file(SCRIPT, default_timeout=240)
    at.query_params["store"] = "/etc"
    at.run()
    assert not at.exception, at.exception
    assert at.radio(key="source_kind").value == "store"
    assert any("/etc" in e.value for e in at.error)


class _Bar:
    """Stands for ``st.progress``: keeps what it was asked to show."""

    def __init__(self):
        self.shown = []

    def progress(self, value, *, text):
        self.shown.append((value, text))


def test_the_loading_bar_is_redrawn_once_per_percent_not_once_per_file():
    from ui.sources import _progress_callback

    bar = _Bar()
    update = _progress_callback(bar, 772, "en")
    for done in range(1, 773):
        update(done, f"/data/corpus/file{done}.txt")
    assert [value for value, _ in bar.shown] == [percent / 100 for percent in range(101)]  # 0%, 1%, .. 100%
    assert bar.shown[-1][1].endswith("772/772 file772.txt")


def test_a_few_files_still_move_the_loading_bar_at_every_file():
    from ui.sources import _progress_callback

    bar = _Bar()
    update = _progress_callback(bar, 3, "zh")
    for done in range(1, 4):
        update(done, f"page{done}.txt")
    assert [text.split()[-2:] for _, text in bar.shown] == [["1/3", "page1.txt"], ["2/3", "page2.txt"],
                                                            ["3/3", "page3.txt"]]
