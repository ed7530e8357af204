"""The exploring commands: kwic, slogans, keyness and cooccurrence, from files and from a store."""

import json

import pytest

from analysis.cli import main

ARTICLES = [
    {"id": "a1", "title": "酒泉市政协推动“三抓三促”行动", "date": "2024-06-10",
     "text": "本报酒泉讯 酒泉市政协围绕“三抓三促”行动开展招商引资专题协商。委员们说，“三抓三促”要落到实处。"},
    {"id": "a2", "title": "张掖市政协调研生态保护", "date": "2024-07-01",
     "text": "本报张掖讯 张掖市政协委员调研湿地生态保护，推进“三抓三促”行动。"},
    {"id": "a3", "title": "酒泉市招商引资签约", "date": "2024-07-05",
     "text": "本报酒泉讯 酒泉市举行招商引资项目签约，优化营商环境。"},
]


@pytest.fixture
def news(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return str(path)


@pytest.fixture
def store(tmp_path, news, capsys):
    folder = str(tmp_path / "store")
    assert main(["ingest", news, "--store", folder, "--workers", "1"]) == 0
    capsys.readouterr()
    return folder


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err


def test_kwic_lists_each_occurrence_with_its_context_and_its_article(capsys, news):
    status, rows, err = run(capsys, "kwic", "三抓三促", news, "--window", "4", "--lang", "en")
    assert status == 0 and "三抓三促: 4 occurrences in 2 articles" in err
    assert [(r["doc_id"], r["field"], r["left"], r["match"], r["right"]) for r in rows] == [
        ("a1", "title", "协推动“", "三抓三促", "”行动"),  # the headline's line first
        ("a1", "text", "协围绕“", "三抓三促", "”行动开"), ("a1", "text", "们说，“", "三抓三促", "”要落到"),
        ("a2", "text", "，推进“", "三抓三促", "”行动。")]
    assert rows[0]["locality"] == "酒泉市" and rows[0]["date"] == "2024-06-10"
    assert rows[3]["title"] == "张掖市政协调研生态保护"


def test_kwic_says_when_its_limit_cut_the_list(capsys, news):
    status, rows, err = run(capsys, "kwic", "三抓三促", news, "--limit", "2", "--lang", "zh")
    assert status == 0 and len(rows) == 2
    assert "只输出了前 2 处" in err


def test_kwic_from_a_store_gives_the_same_lines_as_from_the_files(capsys, news, store):
    _, from_files, _ = run(capsys, "kwic", "招商引资", news)
    status, from_store, _ = run(capsys, "kwic", "招商引资", "--store", store)
    assert status == 0 and from_store == from_files
    assert [(r["doc_id"], r["field"]) for r in from_files] == [("a1", "text"), ("a3", "title"), ("a3", "text")]


def test_kwic_refuses_an_empty_term(capsys, news):
    status, rows, err = run(capsys, "kwic", " ", news, "--lang", "en")
    assert status == 2 and rows == [] and "give the word or phrase to find as TERM" in err


def test_slogans_count_mentions_articles_dates_and_places(capsys, news, store):
    status, rows, _ = run(capsys, "slogans", news)
    assert status == 0
    assert rows[0] == {"slogan": "三抓三促", "n_mentions": 4, "n_articles": 2, "first_date": "2024-06-10",
                       "last_date": "2024-07-01", "n_groups": 2, "groups": ["张掖市", "酒泉市"]}
    _, from_store, _ = run(capsys, "slogans", "--store", store)
    assert from_store == rows


def test_keyness_takes_a_short_place_name_and_ranks_what_sets_it_apart(capsys, news, store):
    status, rows, err = run(capsys, "keyness", news, "--by", "prefecture", "--target", "酒泉",
                            "--min-frequency", "2", "--lang", "en")
    assert status == 0 and "--target 酒泉 is read as 酒泉市" in err
    top = rows[0]
    assert top["term"] == "招商引资" and top["direction"] == "over"
    assert (top["target_frequency"], top["reference_frequency"]) == (3, 0)
    _, from_store, _ = run(capsys, "keyness", "--store", store, "--by", "prefecture", "--target", "酒泉市",
                           "--min-frequency", "2")
    assert from_store == rows


def test_keyness_names_the_groups_when_the_target_is_none_of_them(capsys, news):
    status, rows, err = run(capsys, "keyness", news, "--by", "prefecture", "--target", "兰州", "--lang", "en")
    assert status == 2 and rows == []
    assert "--target 兰州 is no group under --by prefecture; the groups are: 张掖市、酒泉市" in err


def test_keyness_by_period_compares_one_month_with_the_others(capsys, news):
    status, rows, _ = run(capsys, "keyness", news, "--by", "month", "--target", "2024-07", "--min-frequency", "1",
                          "--direction", "both", "--top", "100")
    assert status == 0
    by_term = {r["term"]: r for r in rows}
    assert (by_term["签约"]["target_frequency"], by_term["签约"]["reference_frequency"]) == (2, 0)
    assert by_term["专题协商"]["direction"] == "under"


def test_cooccurrence_pairs_the_top_terms_found_in_the_same_articles(capsys, news, store):
    status, rows, _ = run(capsys, "cooccurrence", news, "--top", "3", "--min-count", "1")
    assert status == 0
    pairs = {(r["term_a"], r["term_b"]): r["n_articles"] for r in rows}
    # the three terms in most articles, names left out: 三抓三促 (2), 招商引资 (2), 行动 (2)
    assert pairs == {("三抓三促", "招商引资"): 1, ("三抓三促", "行动"): 2, ("招商引资", "行动"): 1}
    _, from_store, _ = run(capsys, "cooccurrence", "--store", store, "--top", "3", "--min-count", "1")
    assert from_store == rows


@pytest.mark.parametrize("option", ["--limit", "--window", "--min-count"])
def test_counts_of_zero_are_refused_in_one_line(capsys, news, option):
    command = "cooccurrence" if option == "--min-count" else "kwic"
    argv = [command, *(["招商引资"] if command == "kwic" else []), news, option, "0", "--lang", "en"]
    status, rows, err = run(capsys, *argv)
    assert status == 2 and rows == [] and option in err and len(err.strip().splitlines()) == 1


def test_keywords_by_week_groups_by_iso_week(capsys, news):
    status, rows, _ = run(capsys, "keywords", news, "--by", "week", "--top", "1", "--names", "keep")
    assert status == 0
    assert [(r["group"], r["term"], r["frequency"]) for r in rows] == [("2024-W24", "三抓三促", 3),
                                                                          ("2024-W27", "招商引资", 2)]


def test_cooccurrence_and_keyness_by_place_score_no_themes_they_never_read(capsys, news, monkeypatch):
    import analysis.cli_analysis

    def refuse(*args, **kwargs):
        raise AssertionError("themes scored")

    monkeypatch.setattr(analysis.cli_analysis, "assign_themes", refuse)
    assert run(capsys, "cooccurrence", news, "--top", "3", "--min-count", "1")[0] == 0
    assert run(capsys, "keyness", news, "--by", "prefecture", "--target", "酒泉", "--min-frequency", "2")[0] == 0
    with pytest.raises(AssertionError, match="themes scored"):
        run(capsys, "keyness", news, "--by", "theme", "--target", "investment")
