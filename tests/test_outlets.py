"""One name per outlet: the outlet list (data/outlets.toml) names every loader's outlets alike.

Every fixture text here is made up for the test; the real corpora are read from
../shared/corpora (tests/conftest.py).
"""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from analysis.loading import LoadOptions, load_articles
from analysis.loading.outlets import OUTLETS_FILE, load_outlet_names, outlet_names
from analysis.paths import ConfigFileError, data_dir
from tests.conftest import corpus_path, write_config

LEAD = "6月13日,临夏州政协召开主席会议,研究招商引资工作。会议强调要优化营商环境。"
TWO_OUTLETS = """
[[outlet]]
name = "某某日报"
aliases = ["Mou Daily", "www.moudaily.example", "某某日报客户端"]
source = "made up for the test"

[[outlet]]
name = "某某网"
aliases = ["MOU.example"]
source = "made up for the test"
"""


def outlets_from(tmp_path, text):
    return load_outlet_names(write_config(tmp_path, "outlets.toml", text))


def records(tmp_path, *outlets, name="records.jsonl"):
    """A JSON Lines file of one record per outlet (None: a record naming none)."""
    path = tmp_path / name
    lines = [json.dumps({"标题": f"标题{i}", "正文": LEAD, **({"来源": o} if o else {})}, ensure_ascii=False)
             for i, o in enumerate(outlets)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def edited_data(tmp_path, monkeypatch, outlets_text):
    """A copy of the configuration folder with its outlet list replaced, in use for the test."""
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    (folder / OUTLETS_FILE).write_text(outlets_text, encoding="utf-8")
    monkeypatch.setenv("GOVTHEMES_DATA", str(folder))
    return folder


def test_an_alias_gives_its_outlet_s_name_whatever_its_case_width_or_surrounding_spaces(tmp_path):
    outlets = outlets_from(tmp_path, TWO_OUTLETS)
    assert [outlets.name(n) for n in ("Mou Daily", "mou daily", "ＭＯＵ　Ｄａｉｌｙ", " www.moudaily.example\n",
                                      "某某日报客户端", "mou.example", "某某网")] == [
        "某某日报", "某某日报", "某某日报", "某某日报", "某某日报", "某某网", "某某网"]


def test_an_outlet_the_list_does_not_know_stays_as_written_and_none_stays_none(tmp_path):
    outlets = outlets_from(tmp_path, TWO_OUTLETS)
    assert outlets.name("www.unlisted.example") == "www.unlisted.example"  # a host is never guessed at
    assert outlets.name("某某日报社") == "某某日报社"  # only whole names match
    assert outlets.name(" 别的报 ") == " 别的报 "
    assert outlets.name(None) is None


@pytest.mark.parametrize(("text", "message"), [
    (TWO_OUTLETS + '[[outlet]]\nname = "某某网"\naliases = ["x.example"]\nsource = "s"\n',
     "[[outlet]] entry 3 ('某某网'): an earlier [[outlet]] entry has the same name"),
    (TWO_OUTLETS + '[[outlet]]\nname = "别的网"\naliases = ["mou.EXAMPLE"]\nsource = "s"\n',
     "[[outlet]] entry 3 ('别的网'): the alias 'mou.EXAMPLE' already names 某某网"),
    (TWO_OUTLETS + '[[outlet]]\nname = "别的网"\naliases = ["某某日报"]\nsource = "s"\n',
     "[[outlet]] entry 3 ('别的网'): the alias '某某日报' already names 某某日报"),
    ('[[outlet]]\nname = "某某网"\naliases = ["x.example"]\n',
     "[[outlet]] entry 1 ('某某网'): 'source' must be a non-empty string, got None"),
    ('[[outlet]]\nname = "某某网"\naliases = []\nsource = "s"\n',
     "[[outlet]] entry 1 ('某某网'): 'aliases' must be a list of non-empty strings, got []"),
    ('[[outlet]]\nname = "某某网"\nalias = ["x.example"]\nsource = "s"\n',
     "[[outlet]] entry 1 ('某某网'): unknown keys alias; expected name, source, aliases"),
    ('[[outlet]\nname = "某某网"\n', "not valid TOML"),
])
def test_a_mistake_in_the_outlet_list_is_named_with_its_file_and_entry(tmp_path, text, message):
    with pytest.raises(ConfigFileError) as caught:
        outlets_from(tmp_path, text)
    assert str(caught.value).startswith(str(tmp_path / "outlets.toml")) and message in str(caught.value)


def test_the_shipped_list_reads_and_every_loader_s_outlet_takes_its_listed_name(tmp_path):
    outlets = outlet_names()
    assert outlets.name("CNTV") == outlets.name("新闻联播") == "央视网"
    assert outlets.name("cppcc.china.com.cn") == "人民政协网"
    assert outlets.name("www.hzzx.gov.cn") == "www.hzzx.gov.cn"  # its county is not named: left as it is
    path = records(tmp_path, "CNTV", "央视网", "cppcc.china.com.cn", "www.unlisted.example", None)
    articles = load_articles([str(path)]).articles
    assert articles["outlet"].tolist()[:4] == ["央视网", "央视网", "人民政协网", "www.unlisted.example"]
    assert pd.isna(articles["outlet"].iat[4])  # a record naming no outlet gets none


def test_the_outlet_given_on_the_command_line_takes_its_listed_name_too(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(f"委员调研\n{LEAD}\n", encoding="utf-8")
    articles = load_articles([str(page)], LoadOptions(outlet="cntv")).articles
    assert articles["outlet"].tolist() == ["央视网"]


def test_an_analyst_s_edit_of_the_list_takes_effect(tmp_path, monkeypatch):
    edited_data(tmp_path, monkeypatch, TWO_OUTLETS)
    path = records(tmp_path, "www.moudaily.example", "Mou Daily", "CNTV")
    assert load_articles([str(path)]).articles["outlet"].tolist() == ["某某日报", "某某日报", "CNTV"]


def test_a_broken_outlet_list_is_named_before_any_file_is_read(tmp_path, monkeypatch):
    edited_data(tmp_path, monkeypatch, TWO_OUTLETS + '[[outlet]]\nname = "别的报"\naliases = ["某某网"]\nsource = "s"\n')
    read = []
    with pytest.raises(ConfigFileError, match=r"outlets.toml.*\[\[outlet\]\] entry 3 \('别的报'\)"):
        load_articles([str(records(tmp_path, "某某网"))], progress=lambda done, source: read.append(source))
    assert read == []


def day(tmp_path, heading, name="20240614.md"):
    path = tmp_path / name
    path.write_text(f"{heading}\n\n## 详细新闻\n\n### 委员调研\n\n<p>{LEAD}</p>\n\n### 协商议政\n\n<p>{LEAD}</p>\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("heading", ["# 《某某新闻》 (20240614)", "# 《某某新闻》（2024年6月14日）",
                                     "# 《某某新闻》 2024-06-14"])
def test_a_markdown_day_s_masthead_names_the_outlet_of_its_stories(tmp_path, heading):
    articles = load_articles([str(day(tmp_path, heading))]).articles
    assert articles["outlet"].tolist() == ["某某新闻", "某某新闻"]


@pytest.mark.parametrize("heading", ["# 《关于加强委员履职的意见》", "## 《某某新闻》 (20240614)", "# 某某新闻 (20240614)"])
def test_a_title_in_brackets_without_a_date_or_below_the_top_names_no_outlet(tmp_path, heading):
    articles = load_articles([str(day(tmp_path, heading))]).articles
    assert len(articles) == 2 and articles["outlet"].isna().all()


def test_the_masthead_gives_way_to_the_outlet_given_and_takes_its_listed_name(tmp_path):
    path = day(tmp_path, "# 《新闻联播》 (20240614)")
    assert load_articles([str(path)]).articles["outlet"].tolist() == ["央视网", "央视网"]
    given = load_articles([str(path)], LoadOptions(outlet="某某台")).articles
    assert given["outlet"].tolist() == ["某某台", "某某台"]


def test_xwlb_json_and_markdown_days_name_one_outlet():
    json_days = corpus_path("xwlb-cctv-json") / "2012"  # the days whose items say CNTV as well as 央视网
    md_days = sorted(corpus_path("xwlb-cctv-md").glob("202406*.md"))[:3]
    articles = load_articles([json_days, *md_days]).articles
    from_md = articles["source"].str.endswith(".md", na=False) | articles["source"].str.contains(".md#", regex=False)
    assert from_md.sum() > 30 and (~from_md).sum() > 100
    assert set(articles["outlet"]) == {"央视网"}


def test_real_web_hosts_take_their_site_s_name_and_unknown_ones_stay_hosts():
    articles = load_articles([corpus_path("cppcc-local-news-pages")]).articles
    outlets = dict(zip(articles["source"].str.extract(r"#(\d+)$")[0].astype(int), articles["outlet"], strict=True))
    assert outlets[13] == "人民政协网" and outlets[18] == "民主协商报"  # sp-013 on cppcc.china.com.cn, sp-018 mzxsb.com
    assert outlets[10] == "www.hzzx.gov.cn"  # a 县政协 site whose county its page does not name


def test_people_s_daily_files_name_no_outlet_unless_one_is_given():
    files = sorted(corpus_path("rmrb-20220705-articles").glob("20220705-01-*.txt"))
    assert load_articles(files).articles["outlet"].isna().all()
    assert set(load_articles(files, LoadOptions(outlet="人民日报")).articles["outlet"]) == {"人民日报"}
