"""The synthetic demo corpus: a provincial 政协 paper covering all of Gansu, made up."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis.demo import BLOCK_SIZE, generate_demo_articles, iter_demo_batches
from analysis.demo_bank import DemoBankError, default_demo_dir, load_demo_bank
from analysis.demo_plan import place_table
from analysis.demo_text import cn_number
from analysis.places import load_gazetteer
from analysis.schema import ARTICLE_COLUMNS, validate_articles
from tests.conftest import corpus_path

DATELINE = re.compile(r"^本报(?P<place>[^讯]*)讯\((?P<role>通讯员|记者)(?P<name>[^)]+)\)(?P<rest>.*)")


@pytest.fixture(scope="module")
def demo() -> pd.DataFrame:
    return generate_demo_articles(3000, seed=0)


def share(mask: pd.Series, where: pd.Series) -> float:
    return float(mask[where].mean())


def test_same_seed_same_articles_and_ids() -> None:
    first = generate_demo_articles(400, seed=7)
    pd.testing.assert_frame_equal(first, generate_demo_articles(400, seed=7))
    other = generate_demo_articles(400, seed=8)
    assert not first["text"].equals(other["text"])
    assert first["doc_id"].iloc[0] == "demo-7-0000000"


def test_batches_add_up_to_the_whole_corpus_whatever_their_size() -> None:
    n = BLOCK_SIZE + 1500
    whole = generate_demo_articles(n, seed=3)
    batches = list(iter_demo_batches(n, batch_size=4000, seed=3))
    assert [len(b) for b in batches] == [4000, 4000, 3500]
    pd.testing.assert_frame_equal(pd.concat(batches, ignore_index=True), whole)


def test_satisfies_the_articles_contract(demo: pd.DataFrame) -> None:
    validate_articles(demo)
    assert list(demo.columns) == list(ARTICLE_COLUMNS)
    assert demo["doc_id"].is_unique
    assert demo["outlet"].eq("甘肃政协报（合成演示数据）").all()
    assert demo["source"].str.fullmatch(r"demo://\d{4}-\d{2}-\d{2}/\d+").all()
    assert demo["source"].is_unique
    assert demo["title"].notna().all() and demo["author"].notna().all()
    assert demo["continued_from"].isna().all()


def test_no_articles_is_an_empty_table() -> None:
    empty = generate_demo_articles(0)
    assert empty.empty and list(empty.columns) == list(ARTICLE_COLUMNS)


def test_covers_every_prefecture_and_nearly_every_county(demo: pd.DataFrame) -> None:
    assert demo["province_code"].eq("620000").all()
    assert demo["prefecture"].nunique() == 14
    assert demo["county"].nunique() >= 80
    provincial = demo["prefecture"].isna()
    assert 0.05 < provincial.mean() < 0.15
    assert demo.loc[provincial, "adcode"].eq("620000").all()
    counties = demo["county"].notna()
    assert (demo.loc[counties, "adcode"] == demo.loc[counties, "county_code"]).all()
    assert (demo["locality"] == demo["county"].fillna(demo["prefecture"]).fillna(demo["province"])).all()


def test_spans_thirty_months_with_event_dates_before_the_edition(demo: pd.DataFrame) -> None:
    months = demo["date"].dt.to_period("M")
    assert months.nunique() == 30
    assert months.min() == pd.Period("2023-01") and months.max() == pd.Period("2025-06")
    lag = (demo["edition_date"] - demo["date"]).dt.days
    from_text = demo["date_source"].eq("text")
    assert lag[from_text].between(1, 3).all()
    assert lag[~from_text].eq(0).all() and demo["date_source"].isin(["text", "edition"]).all()
    assert 0.05 < (~from_text).mean() < 0.2
    assert demo["edition_date"].dt.day_of_week.isin([1, 4]).all()


def test_lead_prints_the_event_date_or_jinri(demo: pd.DataFrame) -> None:
    for row in demo.sample(300, random_state=1).itertuples():
        rest = DATELINE.match(row.text)["rest"]
        if row.date_source == "text":
            assert rest.startswith(f"{row.date.month}月{row.date.day}日，")
        else:
            assert rest.startswith("近日，")


def test_dateline_place_agrees_with_adcode(demo: pd.DataFrame) -> None:
    parts = demo["text"].str.extract(DATELINE)
    assert parts["place"].notna().all()
    assert (parts["name"] == demo["author"]).all()
    provincial = demo["prefecture"].isna()
    assert parts.loc[provincial, "place"].eq("").all() and parts.loc[provincial, "role"].eq("记者").all()
    local = parts[~provincial].assign(adcode=demo["adcode"], locality=demo["locality"])
    assert local["role"].eq("通讯员").all()
    assert all(name.startswith(place) for place, name in zip(local["place"], local["locality"], strict=True))
    assert local.groupby("place")["adcode"].nunique().eq(1).all()


def test_place_names_as_the_paper_prints_them() -> None:
    table = place_table(load_gazetteer(), load_demo_bank()).set_index("adcode")
    expected = {
        "620000": ("省政协", ""),
        "622900": ("临夏州政协", "临夏"),
        "622901": ("临夏市政协", "临夏市"),
        "620721": ("肃南县政协", "肃南"),
        "621125": ("漳县政协", "漳县"),
        "620402": ("白银区政协", "白银区"),
        "620981": ("玉门市政协", "玉门"),
        "620200": ("嘉峪关市政协", "嘉峪关"),
    }
    for adcode, (org, dateline) in expected.items():
        assert (table.loc[adcode, "org"], table.loc[adcode, "dateline"]) == (org, dateline)


def test_articles_are_newspaper_length_with_headlines_and_some_kickers(demo: pd.DataFrame) -> None:
    lengths = demo["text"].str.len()
    assert lengths.between(300, 900).all()
    paragraphs = demo["text"].str.count("\n") + 1
    assert paragraphs.between(3, 8).all() and paragraphs.nunique() >= 4
    assert 0.1 < demo["kicker"].notna().mean() < 0.3
    assert demo["title"].str.len().between(6, 60).all()
    assert demo["title"].nunique() > 1000


def test_discipline_education_peaks_in_the_second_quarter_of_2024(demo: pd.DataFrame) -> None:
    mentions = (demo["title"] + demo["text"]).str.contains("党纪学习教育")
    peak = demo["date"].between("2024-04-01", "2024-07-31")
    assert share(mentions, demo["date"] < "2024-04-01") < 0.01
    assert share(mentions, demo["date"].dt.year == 2023) == 0
    assert share(mentions, peak) > 0.15
    assert share(mentions, demo["date"] >= "2024-10-01") < 0.03


def test_new_productive_forces_rise_from_late_2023(demo: pd.DataFrame) -> None:
    mentions = (demo["title"] + demo["text"]).str.contains("新质生产力")
    half = demo["date"].dt.year.astype(str) + "H" + ((demo["date"].dt.month > 6) + 1).astype(str)
    by_half = mentions.groupby(half).mean()
    assert by_half["2023H1"] == 0
    assert by_half["2023H1"] < by_half["2023H2"] < by_half["2024H1"] <= by_half["2025H1"]
    assert by_half["2025H1"] > 0.1


def test_themes_differ_by_place(demo: pd.DataFrame) -> None:
    text = demo["title"] + demo["text"]
    overall = {term: text.str.contains(term).mean() for term in ("节水", "招商引资", "乡村振兴", "文旅", "黄河")}
    assert share(text.str.contains("节水"), demo["prefecture"].eq("武威市")) > 2 * overall["节水"]
    assert share(text.str.contains("招商引资"), demo["prefecture"].eq("天水市")) > 2 * overall["招商引资"]
    assert share(text.str.contains("乡村振兴"), demo["prefecture"].eq("定西市")) > 1.5 * overall["乡村振兴"]
    assert share(text.str.contains("文旅"), demo["prefecture"].eq("酒泉市")) > 2 * overall["文旅"]
    assert share(text.str.contains("黄河"), demo["prefecture"].eq("甘南藏族自治州")) > 2 * overall["黄河"]
    assert set(demo.loc[text.str.contains("敦煌"), "prefecture"]) == {"酒泉市"}


def test_slogans_spread_from_one_place_to_the_others(demo: pd.DataFrame) -> None:
    mentions = demo[(demo["title"] + demo["text"]).str.contains("百企兴百村") & demo["prefecture"].notna()]
    first = mentions.groupby("prefecture")["date"].min()
    assert first.idxmin() == "酒泉市"
    early = mentions.loc[mentions["date"] < "2023-10-01", "prefecture"].nunique()
    late = mentions.loc[mentions["date"] >= "2025-01-01", "prefecture"].nunique()
    assert early <= 4 < late


def test_theme_dictionary_sees_the_trends(demo: pd.DataFrame) -> None:
    from analysis.theme_dictionary import load_themes
    from analysis.themes import assign_themes

    themes = assign_themes(demo, themes=load_themes())
    has = {theme: themes.map(lambda found, t=theme: t in found) for theme in ("party_discipline", "ecology", "water")}
    assert share(has["party_discipline"], demo["date"].between("2024-04-01", "2024-06-30")) > 1.3 * share(
        has["party_discipline"], demo["date"].dt.year == 2023
    )
    assert share(has["ecology"], demo["prefecture"].eq("甘南藏族自治州")) > 2 * has["ecology"].mean()
    assert share(has["water"], demo["prefecture"].eq("武威市")) > 2 * has["water"].mean()


def test_no_sentence_is_copied_from_the_real_corpora(demo: pd.DataFrame) -> None:
    seed = corpus_path("seed-page") / "page.txt"
    records = corpus_path("cppcc-local-news-pages") / "articles.jsonl"
    real = seed.read_text(encoding="utf-8") + "".join(
        json.loads(line)["text"] for line in records.read_text(encoding="utf-8").splitlines()
    )
    real = re.sub(r"\s+", "", real).replace(",", "，").replace("(", "（").replace(")", "）")
    windows = {real[i : i + 30] for i in range(len(real) - 29)}
    for text in (demo["title"] + "\n" + demo["text"]).sample(1000, random_state=2):
        flat = text.replace("(", "（").replace(")", "）").replace("\n", "")
        assert not any(flat[i : i + 30] in windows for i in range(len(flat) - 29))
        sentences = [s for s in re.split(r"[。！？\n]", text) if len(s) >= 15]
        assert not any(s in real for s in sentences)


def test_a_template_with_an_unknown_placeholder_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    shutil.copytree(default_demo_dir(), folder)
    events = folder / "events.toml"
    events.write_text(events.read_text(encoding="utf-8").replace("{org}召开主席会议", "{organ}召开主席会议"), encoding="utf-8")
    with pytest.raises(DemoBankError, match=r"events\.toml \[events\.chair\].*organ"):
        load_demo_bank(folder)


def test_a_topic_for_a_place_not_in_gansu_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    shutil.copytree(default_demo_dir(), folder)
    topics = folder / "topics.toml"
    topics.write_text(topics.read_text(encoding="utf-8").replace('"民勤县" = 3.0', '"民勤市" = 3.0'), encoding="utf-8")
    with pytest.raises(DemoBankError, match=r"topics\.water.*民勤市"):
        generate_demo_articles(10, bank=folder)


def test_numbers_are_printed_in_chinese() -> None:
    assert [cn_number(v) for v in (1, 10, 17, 20, 23, 99)] == ["一", "十", "十七", "二十", "二十三", "九十九"]
    assert cn_number(120) == "120"
