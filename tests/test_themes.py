"""Theme hits, scores, assignment and counts: hand-counted fixtures, then the real corpora."""

from __future__ import annotations

import csv
import html
import json
import re
import tomllib

import numpy as np
import pandas as pd
import pytest
from conftest import corpus_path

from analysis.schema import build_articles
from analysis.theme_dictionary import load_themes, parse_themes
from analysis.themes import (
    COUNT_COLUMNS,
    HIT_COLUMNS,
    SCORE_COLUMNS,
    assign_themes,
    count_themes,
    match_themes,
    score_texts,
    score_themes,
    split_sentences,
)

# Weights, by theme_terms: discipline 党纪学习教育 2 (core), 党纪 1, 学习教育 1, 警示教育 0.5
# (shared with building), pattern 1; building 党支部 1, 主题党日 1, 党组 0.5, 警示教育 0.5;
# ecology 园林城市 1, 绿化 1. Titles count double; lengths are clipped to [100, 1000].
DICTIONARY = """\
threshold = 4.0
min_hits = 2
length_floor = 100
length_cap = 1000
title_weight = 2.0
core_weight = 2.0
ignore = ["党组书记"]

[[themes]]
id = "discipline"
label = "党纪"
label_en = "Discipline"
description = "discipline education"
core_terms = ["党纪学习教育"]
terms = ["党纪", "学习教育", "警示教育"]
patterns = ["党纪.{0,4}教育"]

[[themes]]
id = "building"
label = "党建"
label_en = "Party building"
description = "party branches"
terms = ["党支部", "主题党日", "党组", "警示教育"]
weights = { "党组" = 0.5 }

[[themes]]
id = "ecology"
label = "生态"
label_en = "Ecology"
description = "greening"
terms = ["园林城市", "绿化"]

[[themes]]
id = "water"
label = "节水"
label_en = "Water"
description = "a theme with no hits in the fixtures"
terms = ["节水型社会"]
"""

LONG = ("园林城市。" + "甲" * 95) * 20  # 2,000 characters, 20 hits: capped at 1,000


@pytest.fixture(scope="module")
def themes():
    return parse_themes(tomllib.loads(DICTIONARY), source="fixture")


@pytest.fixture(scope="module")
def articles():
    return build_articles(
        [
            {
                "doc_id": "a1",
                "title": "党支部开展主题党日",
                "text": "党员参加党纪学习教育。随后开展警示教育！党组书记讲党课\n党组会议研究绿化",
                "source": "fixture",
            },
            {"doc_id": "a2", "title": None, "text": "党纪法规教育很重要。党纪。教育", "source": "fixture"},
            {"doc_id": "a3", "title": "", "text": "", "source": "fixture"},
            {"doc_id": "a4", "title": "天气预报", "text": "明天晴。", "source": "fixture"},
            {"doc_id": "a5", "title": None, "text": LONG, "source": "fixture"},
            {"doc_id": "a6", "title": None, "text": "绿化园林城市", "source": "fixture"},
        ]
    )


# --- sentences ---------------------------------------------------------------------------


def test_sentences_split_on_chinese_and_ascii_ends_and_keep_closing_quotes():
    text = "一是。二是！“三是？”\n  四是;五是；\n\n六"
    assert split_sentences(text) == [
        (0, "一是。"),
        (3, "二是！"),
        (6, "“三是？”"),
        (14, "四是;"),
        (17, "五是；"),
        (22, "六"),
    ]
    assert split_sentences("") == []


# --- hits --------------------------------------------------------------------------------


def test_every_hit_is_traced_to_its_sentence(articles, themes):
    hits = match_themes(articles[articles["doc_id"].isin(["a1", "a2"])], themes=themes)
    expected = pd.DataFrame(
        [
            ("a1", "building", "党支部", 0, "党支部开展主题党日", 0, 2.0),
            ("a1", "building", "主题党日", 0, "党支部开展主题党日", 5, 2.0),
            ("a1", "discipline", "党纪学习教育", 1, "党员参加党纪学习教育。", 4, 2.0),
            ("a1", "discipline", "警示教育", 2, "随后开展警示教育！", 4, 0.5),
            ("a1", "building", "警示教育", 2, "随后开展警示教育！", 4, 0.5),
            ("a1", "building", "党组", 4, "党组会议研究绿化", 0, 0.5),
            ("a1", "ecology", "绿化", 4, "党组会议研究绿化", 6, 1.0),
            ("a2", "discipline", "党纪法规教育", 1, "党纪法规教育很重要。", 0, 1.0),
            ("a2", "discipline", "党纪", 2, "党纪。", 0, 1.0),
        ],
        columns=list(HIT_COLUMNS),
    )
    pd.testing.assert_frame_equal(hits, expected, check_dtype=False)
    assert hits.columns.tolist() == list(HIT_COLUMNS)


def test_overlapping_terms_count_once_longest_first(articles, themes):
    hits = match_themes(articles, themes=themes)
    assert "学习教育" not in set(hits["term"])  # only inside 党纪学习教育
    assert (hits["term"] == "党纪学习教育").sum() == 1


def test_ignore_phrases_hide_the_terms_inside_them(articles, themes):
    hits = match_themes(articles[articles["doc_id"] == "a1"], themes=themes)
    assert hits.loc[hits["term"] == "党组", "sentence"].tolist() == ["党组会议研究绿化"]


def test_a_pattern_replaces_the_shorter_term_of_its_theme_and_never_crosses_a_sentence(articles, themes):
    hits = match_themes(articles[articles["doc_id"] == "a2"], themes=themes)
    assert hits["term"].tolist() == ["党纪法规教育", "党纪"]  # not 党纪 twice, not 党纪。教育


def test_start_points_at_the_term_in_its_sentence(articles, themes):
    hits = match_themes(articles, themes=themes)
    for row in hits.itertuples():
        assert row.sentence[row.start : row.start + len(row.term)] == row.term


def test_no_articles_give_empty_tables_with_the_columns(themes):
    empty = build_articles([])
    assert match_themes(empty, themes=themes).columns.tolist() == list(HIT_COLUMNS)
    assert score_themes(empty, themes=themes).columns.tolist() == list(SCORE_COLUMNS)
    assert assign_themes(empty, themes=themes).tolist() == []
    assert count_themes(empty.assign(themes=[]), themes=themes).columns.tolist() == list(COUNT_COLUMNS)


# --- scores ------------------------------------------------------------------------------

EXPECTED_SCORES = pd.DataFrame(
    [
        # a1: 45 characters, counted as 100. discipline 2 + 0.5; building 2 + 2 + 0.5 + 0.5.
        ("a1", "discipline", 2, 25.0, True),
        ("a1", "building", 4, 50.0, True),
        ("a1", "ecology", 1, 10.0, False),  # one hit only
        ("a2", "discipline", 2, 20.0, True),
        ("a5", "ecology", 20, 20.0, True),  # 2,000 characters, counted as 1,000
        ("a6", "ecology", 2, 20.0, True),  # 6 characters, counted as 100
    ],
    columns=list(SCORE_COLUMNS),
)


def test_scores_are_weighted_hits_per_thousand_clipped_characters(articles, themes):
    scores = score_themes(articles, match_themes(articles, themes=themes), themes=themes)
    pd.testing.assert_frame_equal(scores, EXPECTED_SCORES, check_dtype=False)


def test_scoring_without_hits_scans_and_gives_the_same_table(articles, themes):
    pd.testing.assert_frame_equal(
        score_themes(articles, themes=themes),
        score_themes(articles, match_themes(articles, themes=themes), themes=themes),
    )


def test_ingest_scoring_of_titles_and_texts_gives_the_same_numbers(articles, themes):
    table = score_themes(articles, themes=themes)
    arrays = score_texts(articles["title"].tolist(), articles["text"].tolist(), themes=themes)
    assert articles["doc_id"].to_numpy()[arrays.doc].tolist() == table["doc_id"].tolist()
    assert np.asarray(themes.ids)[arrays.theme].tolist() == table["theme"].tolist()
    assert arrays.n_hits.tolist() == table["n_hits"].tolist()
    assert arrays.score.tolist() == table["score"].tolist()
    assert arrays.assigned.tolist() == table["assigned"].tolist()


def test_threshold_and_min_hits_can_be_overridden(articles, themes):
    scores = score_themes(articles, themes=themes, threshold=22.0, min_hits=1)
    assert scores["assigned"].tolist() == [True, True, False, False, False, False]


def test_hits_of_unknown_articles_are_refused(articles, themes):
    hits = match_themes(articles, themes=themes)
    with pytest.raises(ValueError, match="a1"):
        score_themes(articles[articles["doc_id"] != "a1"], hits, themes=themes)


# --- assignment --------------------------------------------------------------------------


def test_assigned_themes_are_listed_highest_score_first_aligned_with_the_index(articles, themes):
    shuffled = articles.set_index(pd.Index([60, 50, 40, 30, 20, 10]))
    assigned = assign_themes(shuffled, themes=themes)
    assert assigned.name == "themes"
    assert assigned.index.tolist() == [60, 50, 40, 30, 20, 10]
    assert assigned.tolist() == [["building", "discipline"], ["discipline"], [], [], ["ecology"], ["ecology"]]


# --- counts ------------------------------------------------------------------------------


@pytest.fixture()
def tagged():
    return build_articles(
        [
            {
                "doc_id": "d1",
                "province": "甘肃省",
                "date": "2024-06-05",
                "themes": ["discipline", "building"],
            },
            {"doc_id": "d2", "province": "甘肃省", "date": "2024-06-20", "themes": ["discipline"]},
            {"doc_id": "d3", "province": "甘肃省", "date": "2024-07-01", "themes": []},
            {"doc_id": "d4", "province": "上海市", "date": "2024-06-10", "themes": ["ecology"]},
            {"doc_id": "d5", "province": None, "date": None, "themes": ["building"]},
        ]
    ).assign(text="", source="fixture")


TAGGED_SCORES = pd.DataFrame(
    [
        ("d1", "discipline", 3, 9.0, True),
        ("d1", "building", 2, 5.0, True),
        ("d2", "discipline", 2, 6.0, True),
        ("d3", "ecology", 1, 2.0, False),
        ("d4", "ecology", 4, 8.0, True),
    ],
    columns=list(SCORE_COLUMNS),
)


def test_counts_by_province_and_month_fill_the_grid_with_the_denominator(tagged, themes):
    counts = count_themes(tagged, by="province", period="month", scores=TAGGED_SCORES, themes=themes)
    rows = [
        ("上海市", "2024-06", "discipline", 0, 0.0, 0, 1),
        ("上海市", "2024-06", "building", 0, 0.0, 0, 1),
        ("上海市", "2024-06", "ecology", 1, 1.0, 4, 1),
        ("上海市", "2024-06", "water", 0, 0.0, 0, 1),
        ("甘肃省", "2024-06", "discipline", 2, 1.0, 5, 2),
        ("甘肃省", "2024-06", "building", 1, 0.5, 2, 2),
        ("甘肃省", "2024-06", "ecology", 0, 0.0, 0, 2),
        ("甘肃省", "2024-06", "water", 0, 0.0, 0, 2),
        ("甘肃省", "2024-07", "discipline", 0, 0.0, 0, 1),
        ("甘肃省", "2024-07", "building", 0, 0.0, 0, 1),
        ("甘肃省", "2024-07", "ecology", 0, 0.0, 1, 1),
        ("甘肃省", "2024-07", "water", 0, 0.0, 0, 1),
        ("未知", "未知", "discipline", 0, 0.0, 0, 1),
        ("未知", "未知", "building", 1, 1.0, 0, 1),
        ("未知", "未知", "ecology", 0, 0.0, 0, 1),
        ("未知", "未知", "water", 0, 0.0, 0, 1),
    ]
    pd.testing.assert_frame_equal(counts, pd.DataFrame(rows, columns=list(COUNT_COLUMNS)), check_dtype=False)


def test_theme_lists_read_back_from_parquet_as_arrays_count_the_same(tagged, themes):
    arrays = tagged.assign(themes=[np.array(t, dtype=object) for t in tagged["themes"]])
    pd.testing.assert_frame_equal(count_themes(arrays, by="province"), count_themes(tagged, by="province"))


def test_periods_are_labelled_by_quarter_and_year(tagged):
    quarters = count_themes(tagged, period="quarter")
    assert quarters["period"].drop_duplicates().tolist() == ["2024Q2", "2024Q3", "未知"]
    years = count_themes(tagged, period="year")
    assert years[["period", "group_articles"]].drop_duplicates().values.tolist() == [["2024", 4], ["未知", 1]]


def test_without_grouping_everything_is_one_cell_and_hits_are_na_without_scores(tagged):
    counts = count_themes(tagged)
    expected = pd.DataFrame(
        [
            ("全部", "全部", "building", 2, 0.4, pd.NA, 5),
            ("全部", "全部", "discipline", 2, 0.4, pd.NA, 5),
            ("全部", "全部", "ecology", 1, 0.2, pd.NA, 5),
        ],
        columns=list(COUNT_COLUMNS),
    ).astype({"n_hits": "Int64"})
    pd.testing.assert_frame_equal(counts, expected, check_dtype=False)


def test_counting_needs_a_themes_column_and_a_known_grouping(tagged):
    with pytest.raises(ValueError, match="themes"):
        count_themes(tagged.drop(columns="themes"))
    with pytest.raises(ValueError, match="cannot group by"):
        count_themes(tagged, by="township")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="period"):
        count_themes(tagged, period="week")  # type: ignore[arg-type]


def test_the_shipped_dictionary_scores_a_hand_made_sentence():
    real = load_themes()
    article = build_articles(
        [{"doc_id": "x", "title": "市政协召开党纪学习教育会议", "text": "", "source": "t"}]
    )
    hits = match_themes(article, themes=real)
    assert hits[["theme", "term", "weight"]].values.tolist() == [["party_discipline", "党纪学习教育", 4.0]]
    assert np.isclose(score_themes(article, hits, themes=real)["score"].iloc[0], 8.0)


@pytest.mark.parametrize("office", ["州发展和改革委员会", "省发展改革委", "县发展和改革局", "市发展改革局"])
def test_the_development_and_reform_commission_is_an_office_not_a_reform_story(office):
    real = load_themes()
    text = f"{office}负责同志介绍情况。会议要求全面深化改革。"
    article = build_articles([{"doc_id": "x", "title": "", "text": text, "source": "t"}])
    hits = match_themes(article, themes=real)
    assert hits[["theme", "term"]].values.tolist() == [["reform", "全面深化改革"]]


def shipped_hits(text: str) -> pd.DataFrame:
    """The hits of the shipped dictionary (data/themes.toml) in one article made of ``text``."""
    article = build_articles([{"doc_id": "x", "title": "", "text": text, "source": "t"}])
    return match_themes(article, themes=load_themes())


@pytest.mark.parametrize(
    ("text", "discipline_terms"),
    [
        ("副总理巡视博览会展馆，与参展企业交流。副总理随后巡视网上展厅。", []),  # a leader's tour
        ("巡视器开展巡视探测。本次巡视历时一周。", []),  # a rover, a line patrol
        ("市人大二级巡视员出席。", []),  # a civil-service rank
        ("抓好中央巡视反馈问题整改。认真抓好巡视、审计反馈问题。", ["中央巡视", "巡视、"]),
        ("二十届中央第一轮巡视完成进驻。", ["第一轮巡视"]),
    ],
)
def test_only_the_inspection_sense_of_xunshi_is_party_discipline(text, discipline_terms):
    hits = shipped_hits(text)
    assert hits.loc[hits["theme"] == "party_discipline", "term"].tolist() == discipline_terms


def test_gaza_s_crossing_and_a_petroleum_university_are_no_trade_or_energy_story():
    hits = shipped_hits("援助车队通过拉法口岸进入加沙。拉法口岸再次关闭。习近平复信中国石油大学（北京）留学生。")
    assert hits[["theme", "term"]].values.tolist() == [["education", "石油大学"], ["education", "学生"]]


def test_china_asean_cooperation_counts_half_for_opening_up_and_half_for_foreign_affairs():
    hits = shipped_hits("深化中国—东盟务实合作。")
    assert hits[["theme", "term", "weight"]].values.tolist() == [
        ["opening_up", "中国—东盟", 0.5], ["foreign_affairs", "中国—东盟", 0.5],
    ]  # fmt: skip


def test_a_meeting_of_legislatures_is_diplomacy_not_rule_of_law():
    hits = shipped_hits("双方同意加强两国立法机构交流，分享立法机构治国理政经验。")
    assert "grassroots_governance" not in set(hits["theme"])


@pytest.mark.parametrize(
    ("text", "theme", "term"),
    [
        ("两国在抗击新冠疫情中守望相助，双边关系不断发展。", "health", "新冠疫情"),
        ("两国共同抗击新冠肺炎疫情。", "health", "新冠肺炎疫情"),
        ("香港特别行政区派出救援队抵达灾区。", "hk_macao_taiwan", "香港特别行政区"),
        ("澳门特区政府举行升旗仪式。", "hk_macao_taiwan", "澳门特区政府"),
        ("俄罗斯总统发表新年贺词。", "foreign_affairs", "俄罗斯总统"),
        ("美国总统抵达当地。", "foreign_affairs", "美国总统"),
        ("交通运输部门加强值守。", "urban_infrastructure", "交通运输"),
    ],
)
def test_a_name_made_of_two_terms_is_one_hit_so_a_passing_mention_assigns_nothing(text, theme, term):
    hits = shipped_hits(text)
    assert hits.loc[hits["theme"] == theme, "term"].tolist() == [term]
    article = build_articles([{"doc_id": "x", "title": "", "text": text, "source": "t"}])
    assert theme not in assign_themes(article, themes=load_themes()).iloc[0]


@pytest.mark.parametrize(
    ("text", "consultation_terms"),
    [
        ("全国人大常委会会议在京举行。", []),
        ("中央政治局常委会会议研究部署防汛工作。", []),
        ("省纪委常委会会议传达学习有关精神。", []),
        ("县委常委会会议听取工作汇报。", []),
        ("市政协召开十届十七次常委会会议。", ["常委会会议"]),
        ("本次常委会会议协商议政。", ["常委会会议", "协商议政"]),
    ],
)
def test_only_the_cppcc_s_standing_committee_meeting_is_consultation(text, consultation_terms):
    # Written for this test: the NPC's, the Politburo's and a Party committee's meetings.
    hits = shipped_hits(text)
    assert hits.loc[hits["theme"] == "consultation", "term"].tolist() == consultation_terms


def test_a_university_named_for_industry_is_no_industry_story():
    # Written for this test: two team names in a league report.
    article = build_articles([{"doc_id": "x", "title": "", "text": "某工业大学队战胜某工业大学队，工业大学队夺冠。", "source": "t"}])
    hits = match_themes(article, themes=load_themes())
    assert hits.loc[hits["theme"] == "industry"].empty


def test_greeting_the_compatriots_of_the_special_administrative_regions_is_no_hong_kong_story():
    # Written for this test, in the shape of a report's closing thanks.
    text = "会议向香港特别行政区同胞、澳门特别行政区同胞和台湾同胞致以问候。"
    article = build_articles([{"doc_id": "x", "title": "", "text": text, "source": "t"}])
    hits = match_themes(article, themes=load_themes())
    assert hits.loc[hits["theme"] == "hk_macao_taiwan", "term"].tolist() == ["台湾同胞"]
    assert "hk_macao_taiwan" not in assign_themes(article, themes=load_themes()).iloc[0]


# --- the real corpora ----------------------------------------------------------------------
# Read from ../shared/corpora (never copied here); these pin what a reader checks.

SEED_EXPECTED = {  # a headline fragment -> themes a reader gives the article (any one will do)
    "园林城市": {"ecology"},
    "酒泉": {"party_discipline"},
    "定西": {"industry"},
    "临夏": {"investment", "health", "talent_sci_tech"},
    "百企兴百村": {"rural_revitalization"},
    "功能型党支部": {"party_building"},
    "主题党日": {"party_building", "party_discipline"},
    "联系界别群众中": {"member_duties"},
    "共享法庭": {"grassroots_governance", "consultation"},
    "双进双联": {"member_duties", "party_building"},
    "融入日常": {"party_discipline"},
}


def split_seed_page(raw: str) -> pd.DataFrame:
    """Crude split: a headline is a line followed by 本报…, (接一版) or a date (the photo item)."""
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    heads = [i for i in range(len(lines) - 1) if re.match(r"本报|\(接一版\)|\d+月\d+日", lines[i + 1])]
    records = []
    for n, head in enumerate(heads):
        body = [
            line
            for line in lines[head + 1 : heads[n + 1] if n + 1 < len(heads) else None]
            if line != "(接一版)"
        ]
        text = "".join(line + ("\n" if re.search(r"[。！？”:：]$", line) else "") for line in body)
        records.append({"doc_id": f"seed-{n:02d}", "title": lines[head], "text": text, "source": "seed"})
    return build_articles(records)


def load_reports() -> pd.DataFrame:
    records = []
    for path in sorted(corpus_path("gov-work-reports-provincial-2026").glob("2026_*_政府工作报告.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                records.append(
                    {
                        "doc_id": row["province"],
                        "title": row["title"],
                        "text": row["full_text"],
                        "province": row["province"],
                        "date": row["publish_date"],
                        "source": path.name,
                    }
                )
    return build_articles(records)


def load_xwlb() -> pd.DataFrame:
    records = []
    for path in sorted(corpus_path("xwlb-cctv-json").glob("*/*.json")):
        day = json.loads(path.read_text(encoding="utf-8"))
        for i, item in enumerate(day.get("videoList") or []):
            content = (item.get("video_detail") or {}).get("content") or ""
            text = html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"(?i)</p>|<br\s*/?>", "\n", content)))
            title = re.sub(r"^\[视频\]", "", item.get("video_title") or "")
            records.append(
                {
                    "doc_id": f"{path.stem}-{i:02d}",
                    "title": title,
                    "text": text,
                    "date": path.stem,
                    "source": path.name,
                }
            )
    return build_articles(records)


@pytest.fixture(scope="module")
def real_themes():
    return load_themes()


@pytest.fixture(scope="module")
def seed_articles():
    return split_seed_page((corpus_path("seed-page") / "page.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def xwlb(real_themes):
    items = load_xwlb()
    return items.assign(themes=assign_themes(items, themes=real_themes))


@pytest.mark.corpus
def test_every_seed_page_article_gets_a_theme_a_reader_would_give_it(seed_articles, real_themes):
    assert len(seed_articles) == 11
    assigned = dict(
        zip(seed_articles["title"], assign_themes(seed_articles, themes=real_themes), strict=True)
    )
    for fragment, expected in SEED_EXPECTED.items():
        title = next(t for t in assigned if fragment in t)
        assert expected & set(assigned[title]), (title, assigned[title])
    dingxi = next(t for t in assigned if "定西" in t)
    assert "proposals" in assigned[dingxi]  # 提案办理情况的通报


def reference_scan(text: str, terms: set[str]) -> list[tuple[int, str]]:
    """Leftmost-longest, non-overlapping substring matching, the slow obvious way."""
    longest = max(map(len, terms))
    found, i = [], 0
    while i < len(text):
        match = next((text[i : i + n] for n in range(longest, 1, -1) if text[i : i + n] in terms), None)
        if match:
            found.append((i, match))
        i += len(match) if match else 1
    return found


@pytest.mark.corpus
def test_the_vectorised_scan_equals_the_obvious_one_on_real_text(seed_articles, xwlb, real_themes):
    matcher = real_themes.matcher
    terms = set(matcher.terms)
    texts = list(seed_articles["text"]) + list(xwlb["text"].iloc[::40])
    no_patterns = type(matcher)(terms=matcher.terms, entries=matcher.entries, patterns=())
    hits = no_patterns.find(texts).drop_duplicates(["text", "start"])
    for i, text in enumerate(texts):
        ours = hits[hits["text"] == i]
        expected = [(s, t) for s, t in reference_scan(text, terms) if matcher.entries[matcher.terms.index(t)]]
        assert list(zip(ours["start"], ours["term"], strict=True)) == expected, i


@pytest.mark.corpus
def test_work_reports_read_right_province_by_province(real_themes):
    reports = load_reports()
    assert len(reports) == 31
    scores = score_themes(reports, themes=real_themes)
    assigned = scores[scores["assigned"]].groupby("theme")["doc_id"].nunique()
    assert assigned["industry"] >= 29 and assigned["investment"] >= 29  # everywhere
    assert assigned["economy"] >= 29 and assigned["livelihood"] >= 29
    assert assigned.get("foreign_affairs", 0) <= 2 and assigned.get("proposals", 0) == 0
    score = scores.pivot(index="doc_id", columns="theme", values="score").fillna(0.0)
    for theme in ("water", "ecology"):
        assert score.loc["甘肃省", theme] > score.loc["上海市", theme]
        assert score.loc["宁夏回族自治区", theme] > score.loc["上海市", theme]
    paragraphs = build_articles(
        {"doc_id": f"{r.province}-{i}", "text": p, "province": r.province, "source": "report"}
        for r in reports.itertuples()
        for i, p in enumerate(p for p in r.text.split("\n") if len(p.strip()) >= 40)
    )
    paragraphs["themes"] = assign_themes(paragraphs, themes=real_themes)
    share = count_themes(paragraphs, by="province", themes=real_themes).pivot(
        index="group", columns="theme", values="share"
    )
    for theme in ("water", "ecology"):
        assert share.loc["甘肃省", theme] > share.loc["上海市", theme]
        assert share.loc["宁夏回族自治区", theme] > share.loc["上海市", theme]
    assert share.loc["海南省", "opening_up"] == share["opening_up"].max()  # the free-trade port
    assert share.loc["内蒙古自治区", "energy"] == share["energy"].max()


@pytest.mark.corpus
def test_xwlb_themes_follow_the_news_of_their_time(xwlb, real_themes):
    recent = xwlb[xwlb["date"].dt.year.between(2023, 2025)]
    quarters = count_themes(recent, period="quarter", themes=real_themes)
    discipline = quarters[quarters["theme"] == "party_discipline"].set_index("period")["share"]
    assert discipline.idxmax() == "2024Q2"  # 党纪学习教育, April to July 2024
    years = count_themes(xwlb, period="year", themes=real_themes)
    health = years[years["theme"] == "health"].set_index("period")["share"]
    assert health.idxmax() == "2020"
    days = xwlb["date"].drop_duplicates()
    monthly = days.groupby(days.dt.to_period("M")).agg(lambda d: d.iloc[(d.dt.day - 15).abs().argmin()])
    sample = xwlb[xwlb["date"].isin(set(monthly))]  # one day a month, as in 2012-2022

    def rural(first: int, last: int) -> float:
        span = sample[sample["date"].dt.year.between(first, last)]
        return span["themes"].map(lambda t: "rural_revitalization" in t).mean()

    assert rural(2021, 2026) > rural(2012, 2015)
    assert (xwlb["themes"].str.len() == 0).mean() < 0.15


def test_overall_theme_shares_divide_a_themes_articles_by_all_groups_articles():
    from analysis.themes import overall_theme_shares

    counts = pd.DataFrame({"group": ["甲", "甲", "乙", "乙"], "theme": ["a", "b", "a", "b"],
                           "n_articles": [1, 2, 3, 0], "group_articles": [4, 4, 6, 6]})
    assert overall_theme_shares(counts).to_dict() == {"a": 0.4, "b": 0.2}  # 4 of 10, 2 of 10


def test_a_port_story_is_infrastructure_and_a_port_counts_for_both_infrastructure_and_opening_up():
    text = ("港口新建两个万吨级泊位，航道疏浚完成，码头吞吐能力提升。" * 2)
    articles = build_articles([{"doc_id": "p", "title": "港口扩能", "text": text, "source": "t"}])
    themes = load_themes()
    assert "urban_infrastructure" in assign_themes(articles, themes=themes).iloc[0]
    hits = shipped_hits(text)
    ports = hits[hits["term"] == "港口"]
    assert set(ports["theme"]) == {"urban_infrastructure", "opening_up"}



# --- counter terms: a school in a shooting, a hospital under an air strike ------------------
# Every sentence below is written for these tests.

COUNTERED = """\
threshold = 4.0
min_hits = 1
length_floor = 100
length_cap = 1000
title_weight = 2.0

[[themes]]
id = "school"
label = "学校"
label_en = "School"
description = "schools"
terms = ["学校", "学生"]
counter_terms = ["枪击"]

[[themes]]
id = "crime"
label = "治安"
label_en = "Crime"
description = "a theme whose term is another's counter term"
terms = ["枪击"]
"""


@pytest.mark.parametrize(
    ("title", "text", "school_terms"),
    [
        ("", "一所学校发生枪击。", []),  # 学校 1, 枪击 1: dropped
        ("", "学校里的学生安然无恙，枪击发生在校外。", ["学校", "学生"]),  # 2 against 1: kept
        ("", "学校新建教学楼，学生喜迁新校。\n国外一所学校发生枪击。", ["学校", "学生"]),  # a bundle
        ("枪击事件后", "学校停课，学生回家。", []),  # the title's 枪击 weighs 2 against the paragraph
        ("学校枪击", "学生回家。", []),  # the title itself: 学校 against 枪击
        # a title on the shooting and not the school: 学校 3 + 学生 2 outweigh the title's 2,
        # and still go (the whole article is the shooting story)
        ("枪击事件后", "学校停课，学校、学生和学生家长都已撤离，学校关闭。", []),
        # a title that names the school as well (学校 + 学生 2 against 枪击 1): the paragraph
        # rule alone, 5 against the title's 2
        ("学校学生遭枪击后", "学校停课，学校、学生和学生家长都已撤离，学校关闭。",
         ["学校", "学生", "学校", "学校", "学生", "学生", "学校"]),
    ],
)
def test_counter_terms_take_a_themes_hits_away_in_the_paragraphs_they_dominate(title, text, school_terms):
    themes = parse_themes(tomllib.loads(COUNTERED), source="fixture")
    article = build_articles([{"doc_id": "x", "title": title, "text": text, "source": "t"}])
    hits = match_themes(article, themes=themes)
    assert hits.loc[hits["theme"] == "school", "term"].tolist() == school_terms
    assert hits.loc[hits["theme"] == "crime", "term"].tolist() == ["枪击"]  # a term of its own theme
    pd.testing.assert_frame_equal(score_themes(article, hits, themes=themes), score_themes(article, themes=themes))
    arrays = score_texts([title], [text], themes=themes)
    assert arrays.n_hits.tolist() == score_themes(article, themes=themes)["n_hits"].tolist()


@pytest.mark.parametrize(
    ("title", "text", "theme"),
    [
        ("某国一所小学发生枪击事件", "当地时间某日，某国一所小学发生枪击事件，造成多名学生遇害。校园枪击在该国屡见不鲜。",
         "education"),
        ("某地医院遭空袭", "某地最大的医院当天遭到空袭，造成多人伤亡。医院方面称，伤员无法得到救治。", "health"),
        ("某国称袭击了对方机场", "某国军方称，其导弹袭击了对方一座军用机场和一座铁路大桥。", "urban_infrastructure"),
    ],
)
def test_a_school_a_hospital_or_a_bridge_under_attack_is_no_education_health_or_infrastructure_story(
    title, text, theme
):
    article = build_articles([{"doc_id": "x", "title": title, "text": text, "source": "t"}])
    hits = match_themes(article, themes=load_themes())
    assert hits.loc[hits["theme"] == theme].empty
    assert theme not in assign_themes(article, themes=load_themes()).iloc[0]


def test_a_strike_abroad_is_labour_news_not_a_health_story():
    # written for this test: headline 护士 1 against 罢工 1, body 护士 + 医院 2 against 罢工 2
    text = "某国护士举行罢工\n某国数万名护士当天举行罢工，要求提高工资，罢工导致多家医院的手术推迟。"
    article = build_articles([{"doc_id": "x", "title": "国际快讯", "text": text, "source": "t"}])
    hits = match_themes(article, themes=load_themes())
    assert hits.loc[hits["theme"] == "health"].empty  # 3 hits, score 6, before 罢工 was a counter term
    assert "health" not in assign_themes(article, themes=load_themes()).iloc[0]


def test_the_gaza_war_is_a_foreign_affairs_story_and_an_ohio_town_is_not_palestine():
    # written for this test: 以色列 0.5 + 加沙地带 1 + 巴勒斯坦 0.5 = 2 in 36 characters (floor 500): 4.0
    article = build_articles([{"doc_id": "x", "title": "某方称打击了以军军车",
                               "text": "以色列军方称，以军在加沙地带北部展开行动。巴勒斯坦方面称打击了以军军车。",
                               "source": "t"}])
    assert set(assign_themes(article, themes=load_themes()).iloc[0]) == {"foreign_affairs", "world_conflict"}
    hits = shipped_hits("美国俄亥俄州东巴勒斯坦发生列车脱轨事故，东巴勒斯坦居民被疏散。")
    assert hits.loc[hits["theme"] == "foreign_affairs", "term"].tolist() == ["美国"]


def test_the_epidemic_as_backdrop_is_no_health_story_and_its_own_words_are():
    # written for this test; floor 500 characters: a hit of weight 1 scores 2
    backdrop = build_articles([{"doc_id": "x", "title": "", "source": "t",
                                "text": "受疫情影响，今年一季度出口下降。疫情发生以来，企业积极复工。"}])
    scores = score_themes(backdrop, themes=load_themes()).set_index("theme")
    assert scores.loc["health", "score"] == 2.0  # 疫情 0.5 x 2; 4.0 when it weighed 1
    assert not scores.loc["health", "assigned"]
    assert shipped_hits("面对百年变局和世纪疫情，两国携手合作。").query("theme == 'health'").empty
    outbreak = shipped_hits("国务院联防联控机制通报，新增确诊病例3例、无症状感染者5例。")
    assert outbreak.loc[outbreak["theme"] == "health", "term"].tolist() == ["联防联控机制", "确诊病例", "无症状感染者"]


def test_an_exhibition_of_sculpture_is_culture_and_a_trade_fair_is_not():
    # written for this test: 雕塑 2 + 画家 1 in 22 characters (floor 500): 6.0
    art = shipped_hits("雕塑作品展开幕，展出三位画家的雕塑和油画。")
    assert art.loc[art["theme"] == "culture", "term"].tolist() == ["雕塑", "画家", "雕塑"]
    assert shipped_hits("广交会展览面积创新高，展览吸引各国客商。").query("theme == 'culture'").empty


def test_summer_sowing_and_field_management_are_farming():
    hits = shipped_hits("各地抓好夏种夏管，加强田间管理。")  # written for this test
    assert hits.loc[hits["theme"] == "agriculture", "term"].tolist() == ["夏种", "夏管", "田间管理"]


def test_a_bundle_keeps_its_school_and_hospital_stories_beside_a_shooting_abroad():
    text = (
        "教育部部署义务教育招生工作\n教育部近日印发通知，要求各地做好义务教育学校招生入学工作，保障学生就近入学。\n"
        "县人民医院新院区投用\n县人民医院新院区今天投入使用，新增病床三百张，基层医疗服务能力进一步提升。\n"
        "某国一商场发生枪击事件\n某国一商场当天发生枪击事件，造成多人伤亡。"
    )
    article = build_articles([{"doc_id": "x", "title": "联播快讯", "text": text, "source": "t"}])
    themes = assign_themes(article, themes=load_themes()).iloc[0]
    assert {"education", "health"} <= set(themes)


@pytest.mark.corpus
def test_xwlb_war_and_shooting_reports_are_no_education_or_health_stories(xwlb):
    attacks = xwlb[xwlb["title"].str.contains("空袭|枪击|以军|哈马斯|交火|武装冲突|遭袭", na=False)]
    assert len(attacks) > 100
    assert not attacks["themes"].map(lambda t: "education" in t).any()  # 7 before counter terms
    # 26 of 147 before counter terms, 2 before a headline on the war took all a hospital's
    # hits (以方称哈马斯失去对加沙地带北部的控制…: six hospitals in one paragraph)
    assert not attacks["themes"].map(lambda t: "health" in t).any()
    # and they are international news: 129 of 147 before 以色列, 巴勒斯坦, 加沙地带 were terms
    international = attacks["themes"].map(lambda t: "foreign_affairs" in t or "world_conflict" in t)
    assert international.sum() >= 140
    # a war abroad is no story of China's defence (home_only): 129 of 147 were before
    assert attacks["themes"].map(lambda t: "defense" in t).sum() <= 15


@pytest.mark.parametrize(
    ("title", "text", "theme", "not_theme"),
    [
        # written for these tests: the daily report of a war abroad, and China's navy abroad
        ("俄称击退乌军进攻 乌称打击俄军指挥所",
         "当地时间5日，俄罗斯国防部称，俄军部队击退乌军多次进攻。乌克兰方面称，乌军空袭了俄军指挥所。",
         "world_conflict", "defense"),
        ("海军第50批护航编队起航",
         "海军第50批护航编队从某军港起航，赴亚丁湾、索马里海域执行护航任务。编队官兵将严格落实各项要求。",
         "defense", "world_conflict"),
    ],
)
def test_a_war_abroad_is_world_conflict_and_china_s_forces_abroad_are_defense(title, text, theme, not_theme):
    article = build_articles([{"doc_id": "x", "title": title, "text": text, "source": "t"}])
    themes = assign_themes(article, themes=load_themes()).iloc[0]
    assert theme in themes and not_theme not in themes


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("推进城乡融合发展，促进一二三产业融合发展。", []),  # written for this test
        ("深化两岸融合发展。", ["两岸融合发展"]),
        ("推动两岸各领域融合发展。", ["两岸各领域融合发展"]),
    ],
)
def test_only_cross_strait_integration_is_a_taiwan_story(text, terms):
    hits = shipped_hits(text)
    assert hits.loc[hits["theme"] == "hk_macao_taiwan", "term"].tolist() == terms


@pytest.mark.parametrize(
    ("title", "text", "theme"),
    [
        # written for these tests: wage arrears, a labour dispute, the union's help for workers
        ("某县集中治理欠薪", "某县人社局开展根治欠薪专项行动，为农民工追回拖欠工资。", "livelihood"),
        ("劳动争议调解中心揭牌", "中心调处劳动争议，维护新就业形态劳动者权益。", "livelihood"),
        ("县总工会送清凉", "县总工会向户外劳动者发放高温津贴，走访困难职工。", "livelihood"),
        ("【大国工匠】焊工老李", "三十年来，他弘扬工匠精神，带出一批产业工人。", "talent_sci_tech"),
    ],
)
def test_labour_stories_are_livelihood_and_skilled_workers_are_talent(title, text, theme):
    article = build_articles([{"doc_id": "x", "title": title, "text": text, "source": "t"}])
    assert theme in assign_themes(article, themes=load_themes()).iloc[0]


def test_the_union_s_hardship_fund_is_no_rural_aid_and_the_labour_ministry_no_social_security_story():
    hits = shipped_hits("全国总工会下拨职工困难帮扶资金。人力资源社会保障部发布通知。")  # written for this test
    assert hits.loc[hits["theme"] == "rural_revitalization"].empty
    assert hits.loc[hits["theme"] == "livelihood", "term"].tolist() == ["全国总工会", "职工困难帮扶"]


def test_a_political_text_published_is_party_study_and_a_book_fair_is_culture():
    # written for this test: a study text announced (出版发行, 3 x 出版 before) and a book fair
    text = "《关于某某工作论述摘编》近日出版发行。该书由中央文献出版社出版，在全国发行。论述摘编分8个专题。"
    themes = assign_themes(build_articles([{"doc_id": "x", "title": "《关于某某工作论述摘编》出版发行",
                                            "text": text, "source": "t"}]), themes=load_themes()).iloc[0]
    assert "party_building" in themes and "culture" not in themes
    fair = build_articles([{"doc_id": "y", "title": "某地图书交易博览会开幕", "source": "t",
                            "text": "图书交易博览会今天开幕，数百家出版社参展，举办阅读活动。"}])
    assert "culture" in assign_themes(fair, themes=load_themes()).iloc[0]


@pytest.mark.parametrize(
    ("text", "theme", "terms"),
    [
        # written for these tests: a term across a word boundary is no hit of it
        ("始终把人民生命安全放在首位，保障居民生活用水。", "livelihood", []),
        ("提高人民生活品质，办好民生实事。", "livelihood", ["人民生活", "民生实事"]),
        ("加强干部队伍建设，开展干部队伍教育整顿。", "defense", []),
        ("我军地面部队展开演练，我军地对空导弹升空。", "defense", ["部队"]),  # no 军地 (军民 ties)
        ("上海交通大学举办招生咨询会。", "urban_infrastructure", []),
        ("上海交通大学举办招生咨询会。", "education", ["交通大学", "招生"]),
        ("维护国家政治安全。", "grassroots_governance", []),
    ],
)
def test_a_term_hidden_across_a_word_boundary_is_no_hit(text, theme, terms):
    hits = shipped_hits(text)
    assert hits.loc[hits["theme"] == theme, "term"].tolist() == terms


def test_the_short_forms_of_hong_kong_and_macao_stories_count_and_a_port_is_no_hong_kong():
    # written for this test
    hits = shipped_hits("“港车北上”车辆经港珠澳大桥入境，横琴粤澳深度合作区通关顺畅。针对港口拥堵出台措施。")
    assert hits.loc[hits["theme"] == "hk_macao_taiwan", "term"].tolist() == ["港车北上", "横琴粤澳深度合作区"]
    talks = shipped_hits("双方在涉台、涉港、涉疆问题上相互支持。")
    assert talks.loc[talks["theme"] == "hk_macao_taiwan", "term"].tolist() == []
