"""A store made by older loaders (news bundles kept whole) is refused an ingest, with the rebuild command.

Every fixture text here is made up for the test.
"""

from __future__ import annotations

import pytest

from analysis.cli import main
from analysis.schema import LOADER_VERSION, build_articles
from analysis.store import StoreError, open_store
from analysis.store.loader_version import store_loader_version, whole_bundles

STRIKE = "英国初级医生开始新一轮罢工。医院推迟数千台手术。"
RAIN = "美国加州持续暴雨。多地发生洪水。当地政府宣布进入紧急状态。"
WHOLE_BUNDLE = f"英国医生罢工\n{STRIKE}\n美国加州遭遇暴雨\n{RAIN}"
"""A bundle's text as the loaders before version 2 stored it: sub-headlines and stories, one article."""


def table(*rows):
    return build_articles([
        {"doc_id": doc_id, "title": title, "text": text, "date": "2024-06-14", "date_source": "edition",
         "outlet": "央视网", "source": f"day.json#{doc_id}"}
        for doc_id, title, text in rows])


def old_store(folder, *rows):
    """A store as the loaders of version 1 left it: their articles, no loader version recorded."""
    with open_store(folder) as store:
        store.ingest(table(*rows), workers=1)
        store.sql("DELETE FROM meta WHERE key = 'loader_version'")  # as before versions were recorded
    return folder


def count(folder):
    with open_store(folder, read_only=True) as store:
        return int(store.sql("SELECT count(*) AS n FROM articles")["n"].iat[0])


def test_a_new_store_records_the_loaders_version(tmp_path):
    with open_store(tmp_path / "store") as store:
        assert store.info()["loader_version"] == LOADER_VERSION == "2"


def test_an_old_store_holding_a_whole_bundle_is_refused_with_the_rebuild_command(tmp_path):
    folder = old_store(tmp_path / "store", ("V1", "山东推进改革", "山东推进改革。"),
                       ("V2", "国际联播快讯", WHOLE_BUNDLE))
    stories = table(("V2#1", "英国医生罢工", STRIKE), ("V2#2", "美国加州遭遇暴雨", RAIN))
    with open_store(folder) as store, pytest.raises(StoreError) as caught:
        store.ingest(stories, workers=1)
    error = caught.value
    assert error.code == "store_loader_old" and error.params["n"] == 1
    message = str(error)
    assert "version 1" in message and "'国际联播快讯' from day.json#V2" in message
    assert "govthemes ingest PATH... --store NEW_FOLDER" in message and str(folder) in message
    assert "govthemes ingest 路径... --store 新文件夹" in error.render("zh")
    assert count(folder) == 2  # nothing written
    with open_store(folder, read_only=True) as store:
        assert store.info()["loader_version"] == "1"


def test_an_old_store_without_bundles_is_marked_current_and_ingests(tmp_path):
    folder = old_store(tmp_path / "store", ("V1", "山东推进改革", "山东推进改革。"),
                       ("V3", "国内联播", STRIKE))  # no bundle title
    with open_store(folder) as store:
        summary = store.ingest(table(("V4", "甘肃推进改革", "甘肃推进改革。")), workers=1)
        assert summary.new == 1 and store.info()["loader_version"] == LOADER_VERSION


def test_a_resegment_alone_needs_no_current_loaders(tmp_path):
    folder = old_store(tmp_path / "store", ("V2", "国际联播快讯", WHOLE_BUNDLE))
    with open_store(folder) as store:
        store.resegment(workers=1)
        assert store_loader_version(store._db.con) == "1"


def test_every_article_titled_as_a_bundle_is_named(tmp_path):
    # the stored text of 简讯 below is no list of stories; the input's markup may have been
    # (a bold sub-headline), so it counts too
    folder = old_store(tmp_path / "store", ("V2", "国际联播快讯", WHOLE_BUNDLE), ("V3", "简讯", STRIKE),
                       ("V4", "快讯速览", RAIN), ("V5", "要闻简讯", WHOLE_BUNDLE.replace("英国", "法国")))
    with open_store(folder) as store:
        found = whole_bundles(store._db.con)
    assert found.to_dict("records") == [
        {"doc_id": "V2", "title": "国际联播快讯", "source": "day.json#V2"},
        {"doc_id": "V3", "title": "简讯", "source": "day.json#V3"},
        {"doc_id": "V5", "title": "要闻简讯", "source": "day.json#V5"}]


@pytest.mark.parametrize("recorded", ["99", "2b"])
def test_a_store_of_newer_or_unknown_loaders_is_refused(tmp_path, recorded):
    with open_store(tmp_path / "store") as store:
        store.sql(f"UPDATE meta SET value = '{recorded}' WHERE key = 'loader_version'")
        with pytest.raises(StoreError, match="newer govthemes"):
            store.ingest(table(("V1", "山东推进改革", "山东推进改革。")), workers=1)


def test_the_command_line_says_to_rebuild_without_a_traceback(tmp_path, capsys):
    folder = old_store(tmp_path / "store", ("V2", "国际联播快讯", WHOLE_BUNDLE))
    page = tmp_path / "page.txt"
    page.write_text("山东推进改革\n山东推进改革，各项工作扎实开展，取得明显成效，群众满意度不断提高。\n", encoding="utf-8")
    status = main(["ingest", str(page), "--store", str(folder), "--workers", "1"])
    err = capsys.readouterr().err
    assert status == 2
    assert "govthemes ingest PATH... --store NEW_FOLDER" in err and "Traceback" not in err
    assert count(folder) == 1


@pytest.mark.slow
def test_the_dashboard_warns_of_a_store_of_older_loaders_with_the_rebuild_command(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import REPO_ROOT

    monkeypatch.setenv("GOVTHEMES_DATA_ROOT", str(tmp_path))
    old_store(tmp_path / "old", ("V1", "山东推进改革", "山东推进改革。"), ("V2", "国际联播快讯", WHOLE_BUNDLE))
    with open_store(tmp_path / "current") as store:
        store.ingest(table(("V1", "山东推进改革", "山东推进改革。")), workers=1)
    at = AppTest.from_file(str(REPO_ROOT / "dashboard.py"), default_timeout=240).run()
    at.radio(key="source_kind").set_value("store").run()
    at.text_input(key="store_path").input("current").run()
    assert not at.exception, at.exception
    assert not any("载入程序" in w.value for w in at.warning)
    at.text_input(key="store_path").set_value("old").run()
    assert not at.exception, at.exception
    warning = next(w.value for w in at.warning if "载入程序" in w.value)
    assert warning.startswith("注意：此库由第 1 版载入程序建立（当前为第 2 版）")
    assert "“国际联播快讯”" in warning and "`govthemes ingest 原始文件... --store 新文件夹`" in warning
    assert f"`{tmp_path / 'old'}`" in warning
    at.session_state["lang"] = "en"
    at.run()
    warning = next(w.value for w in at.warning if "loaders of version 1" in w.value)
    assert "`govthemes ingest PATH... --store NEW_FOLDER`" in warning
