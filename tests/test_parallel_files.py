"""Files read on several cores give exactly what one process gives, and no file is lost.

The folder below holds pages (one article continued across two of them), a table, JSON
Lines with a bad line, Markdown, HTML, a zip archive under another name, an empty file, a
duplicate and a broken workbook: more files than are read without a pool.
"""

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from analysis.loading import LoadOptions, load_articles, load_uploads, locality_batches, parallel_files
from analysis.loading.readers import read_input
from analysis.store.parallel import PoolStart

OPTIONS = LoadOptions(province="甘肃省")
PAGE_ONE = (
    "甘肃政协报 2024年6月14日 星期五 第1版\n"
    "市政协召开常委会会议\n"
    "本报讯 6月13日，市政协召开常委会会议，围绕生态保护协商议政。（下转第2版）\n"
    "酒泉市政协调研新能源产业\n"
    "本报酒泉讯 近日，酒泉市政协组织委员调研新能源产业发展情况，提出意见建议。\n"
)
PAGE_TWO = (
    "甘肃政协报 2024年6月14日 星期五 第2版\n"
    "市政协召开常委会会议\n"
    "（上接第1版）会议在嘉峪关市举行，嘉峪关市政协主席主持会议，嘉峪关市各区负责人列席。\n"
    "张掖市政协开展民主监督\n"
    "本报张掖讯 近日，张掖市政协围绕河湖长制落实情况开展民主监督。\n"
)
PAGE_THREE = (
    "甘肃政协报 2024年6月14日 星期五 第3版\n"
    "天水市政协委员视察文旅融合\n"
    "本报天水讯 6月12日，天水市政协组织委员视察文旅融合发展，建议打造精品线路。\n"
)
TABLE = "标题,正文,日期\n白银市政协调研节水,白银市政协围绕节水型社会建设开展调研。,2024-06-10\n"
RECORDS = (
    '{"title": "平凉市政协座谈", "text": "平凉市政协召开座谈会，听取委员意见。", "date": "2024-06-11"}\n'
    "{this line is no JSON\n"
    '{"title": "庆阳市政协提案督办", "text": "庆阳市政协督办重点提案。", "date": "2024-06-12"}\n'
)
MARKDOWN = "# 定西市政协开展委员培训\n\n定西市政协举办委员履职培训班，委员们交流了履职体会。\n"
HTML = ("<html><head><title>陇南市政协</title></head><body><h1>陇南市政协调研乡村振兴</h1>"
        "<p>陇南市政协组织委员调研乡村振兴工作，提出建议。</p></body></html>")


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


FILES = {
    "20240614-01.txt": PAGE_ONE.encode(),
    "20240614-02.txt": PAGE_TWO.encode(),
    "20240614-03.txt": PAGE_THREE.encode(),
    "copy of 20240614-03.txt": PAGE_THREE.encode(),
    "table.csv": TABLE.encode("gb18030"),
    "records.jsonl": RECORDS.encode(),
    "training.md": MARKDOWN.encode(),
    "page.html": HTML.encode(),
    "pages.bin": _zip({"20240615-01.txt": PAGE_THREE.replace("14日", "15日"), "empty.txt": ""}),
    "broken.xlsx": b"this is no workbook",
    "zero.txt": b"",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


@pytest.fixture
def pools(monkeypatch) -> list:
    """The pools the loads start (none for a small input)."""
    started: list = []

    def recorded(*args) -> PoolStart:
        started.append(PoolStart(*args))
        return started[-1]

    monkeypatch.setattr(parallel_files, "PoolStart", recorded)
    return started


def _load(paths, workers: int):
    progress: list = []
    result = load_articles(paths, OPTIONS, workers=workers, progress=lambda done, name: progress.append((done, name)))
    return result.articles, [report.to_dict() for report in result.reports], progress


def test_a_folder_read_on_two_cores_gives_the_table_reports_and_progress_of_one(folder, pools, monkeypatch):
    one = _load([folder], workers=1)  # places all resolved at the end, after the join
    assert pools == []
    monkeypatch.setattr(locality_batches, "BATCH_ARTICLES", 1)  # each file's, as it is read
    two = _load([folder], workers=2)
    assert len(pools) == 1
    assert two[0].equals(one[0])
    assert two[1] == one[1]
    assert two[2] == one[2]
    articles, reports, progress = two
    assert [done for done, _ in progress] == list(range(1, len(reports) + 1))
    status = {Path(r["source"]).name: (r["status"], [e["code"] for e in r["errors"]]) for r in reports}
    assert status["broken.xlsx"] == ("failed", ["xlsx_not_a_workbook"])
    assert status["zero.txt"] == ("failed", ["empty_file"])
    assert status["copy of 20240614-03.txt"] == ("failed", ["duplicate_file"])
    assert status["records.jsonl"] == ("partial", ["invalid_json_line"])
    member = next(r for r in reports if r["source"].endswith("pages.bin!20240615-01.txt"))
    assert [w["code"] for w in member["warnings"]][:1] == ["zip_misnamed"]
    # the continued article is one, and its place is read again from its whole text, rest included
    meeting = articles[articles["title"] == "市政协召开常委会会议"]
    assert len(meeting) == 1
    assert meeting["text"].iat[0].endswith("嘉峪关市各区负责人列席。")
    assert meeting["locality"].iat[0] == "嘉峪关市"


def test_the_place_of_a_continued_article_is_found_again_once_its_rest_is_joined(folder):
    # without its rest the first part names no city: the join must change its place
    alone = load_articles([folder / "20240614-01.txt"], OPTIONS, workers=1).articles
    assert alone.set_index("title").at["市政协召开常委会会议", "locality"] != "嘉峪关市"


def test_uploads_read_on_two_cores_give_what_one_gives(pools):
    files = list(FILES.items())
    one = load_uploads(files, OPTIONS, workers=1)
    two = load_uploads(files, OPTIONS, workers=2)
    assert len(pools) == 1
    assert two.articles.equals(one.articles)
    assert [r.to_dict() for r in two.reports] == [r.to_dict() for r in one.reports]


def test_a_few_files_are_read_in_this_process_without_starting_a_pool(folder, pools):
    names = [name for name in sorted(FILES) if name != "pages.bin"][: parallel_files.SMALL_INPUT_FILES - 1]
    result = load_articles([folder / name for name in names], OPTIONS, workers=4)
    assert pools == []
    assert len(result.reports) == len(names)


def read_or_die(name: str, data: bytes, options: LoadOptions, *, office: str | None) -> tuple:
    """A reader whose process dies on one file, as a reader crashing in C code would."""
    if name.endswith("training.md"):
        os._exit(70)
    return read_input(name, data, options, office=office)


def test_a_file_that_kills_its_worker_is_reported_failed_and_every_other_file_is_read(folder, monkeypatch):
    expected = {r["source"]: r for r in _load([p for p in sorted(folder.iterdir()) if p.name != "training.md"],
                                             workers=1)[1]}
    monkeypatch.setattr(parallel_files, "read_input", read_or_die)
    articles, reports, progress = _load([folder], workers=2)
    killer = next(r for r in reports if r["source"].endswith("training.md"))
    assert (killer["status"], [e["code"] for e in killer["errors"]]) == ("failed", ["reader_crashed"])
    assert "定西市政协开展委员培训" not in set(articles["title"])
    assert {r["source"]: r for r in reports if r is not killer} == expected
    assert len(progress) == len(reports) == len(expected) + 1


def refuse_to_start(*args) -> None:
    """A worker initializer that fails, as when no process can be started."""
    raise OSError("no process may start here")


def test_when_no_worker_can_start_the_files_are_read_in_this_process(folder, pools, monkeypatch):
    expected = _load([folder], workers=1)
    monkeypatch.setattr(parallel_files, "watch_parent", refuse_to_start)
    articles, reports, progress = _load([folder], workers=2)
    assert len(pools) == 1
    assert articles.equals(expected[0])
    assert (reports, progress) == expected[1:]


def test_reading_workers_import_the_readers_without_pandas():
    script = ("import sys\nimport analysis.loading.parallel_files\n"
              "print('pandas' in sys.modules)\n")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"


@pytest.mark.corpus
@pytest.mark.slow
def test_the_real_corpora_read_on_two_cores_give_what_one_process_gives(corpora, pools, monkeypatch):
    batch = locality_batches.BATCH_ARTICLES
    monkeypatch.setattr(locality_batches, "BATCH_ARTICLES", 10**9)  # places resolved after the join
    one = _load([corpora], workers=1)
    monkeypatch.setattr(locality_batches, "BATCH_ARTICLES", batch)  # as they are read
    two = _load([corpora], workers=2)
    assert len(pools) == 1
    assert len(one[0]) > 10_000
    assert two[0].equals(one[0])
    assert two[1] == one[1]
    assert two[2] == one[2]
