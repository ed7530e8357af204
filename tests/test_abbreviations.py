"""Province abbreviations in regional words (皖北, 陇东) and short names shared by two places (巴州).

Every fixture text here is made up for the test.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from analysis.places import load_gazetteer
from analysis.places.alias_file import AliasFileError, load_alias_file

CALM = "委员们深入田间地头，听取群众意见建议，协商解决实际问题。"
"""A body naming no place."""


# --- 巴州: 巴音郭楞 in 新疆, 巴中 in 四川 ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("巴州政协组织委员调研，了解新疆特色林果业发展情况。", "652800"),
        ("巴州政协组织委员调研，了解四川茶叶产业发展情况。", "511900"),
        ("巴州政协组织委员调研，了解特色产业发展情况。", None),  # nothing says which: no guess
    ],
)
def test_ba_zhou_is_decided_by_the_article_s_other_places_or_left_unplaced(where, text, expected):
    assert where(text, title="委员视察特色产业") == expected


def test_ba_zhou_is_decided_by_the_paper_s_province(where):
    text = "巴州政协组织委员调研，了解特色产业发展情况。"
    assert where(text, title="委员视察", province_hint="新疆维吾尔自治区") == "652800"
    assert where(text, title="委员视察", province_hint="四川省") == "511900"
    assert where(CALM, title="委员视察", dateline_place="巴州", province_hint="新疆") == "652800"
    assert where(CALM, title="委员视察", dateline_place="巴州") is None


def test_ba_zhou_district_is_still_found_by_its_full_name(gazetteer, where):
    assert where("巴州区政协组织委员开展视察。", title="委员视察") == "511902"
    assert sorted(p.adcode for p in gazetteer.lookup("巴州")) == ["511900", "652800"]


# --- province abbreviations ------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("皖北粮食生产再获丰收", "340000"),
        ("陇东能源基地建设提速", "620000"),
        ("豫西山区村村通上客车", "410000"),
        ("粤东西北振兴发展", "440000"),
        ("陇南市政协视察花椒产业", "621200"),  # a city's name stays the city
        ("陇南花椒飘香", "621200"),
        ("甘南草原生态保护", "623000"),
        ("湘西民族文化传承", "433100"),
    ],
)
def test_a_region_word_is_its_province_but_a_place_s_name_stays_the_place(where, title, expected):
    assert where(CALM, title=title) == expected


@pytest.mark.parametrize("title", ["做事不能鲁莽", "甘于奉献的人", "皖", "宁可多跑一趟"])
def test_an_abbreviation_alone_is_never_read(where, title):
    assert where(CALM, title=title) is None


@pytest.mark.parametrize(
    "text",
    ["厄瓜多尔发生地震，秘鲁北部也受到影响。", "秘鲁南部沿海地区出现强降雨。"],
)
def test_a_region_word_inside_a_foreign_name_is_not_read(where, text):
    # 秘鲁北部 (Peru's north) holds 鲁北, 秘鲁南部 鲁南: no word begins at 鲁
    assert where(text, title="国际快讯") is None


def test_a_region_word_in_a_dateline_is_its_province(where):
    assert where(CALM, title="委员视察", dateline_place="皖北") == "340000"


# --- the alias file's tables -----------------------------------------------------------


def write_aliases(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "aliases.toml"
    path.write_text('[name_rules]\nethnic_groups = ["回族"]\n' + textwrap.dedent(body), encoding="utf-8")
    return path


ANHUI = '[[province_abbreviation]]\nabbreviation = "皖"\nadcode = "340000"\nsource = "s"\n'
LONG = '[[province_abbreviation]]\nabbreviation = "陇"\nadcode = "620000"\nsource = "s"\n'


def test_region_words_and_shared_aliases_are_read_from_the_file(tmp_path):
    path = write_aliases(tmp_path, ANHUI + '[[region_word]]\ntext = "皖北"\nnote = "n"\n'
                         '[[shared_alias]]\nalias = "甲州"\nadcodes = ["620100", "620200"]\nnote = "n"\nsource = "s"\n')
    custom = load_gazetteer(aliases_path=path)
    assert [p.adcode for p in custom.lookup("皖北")] == ["340000"]
    assert [p.adcode for p in custom.lookup("甲州")] == ["620100", "620200"]
    assert custom.lookup("陇东") == []  # only what the file lists


def test_a_region_word_is_read_as_a_region_unless_it_names_the_whole_province(tmp_path):
    path = write_aliases(tmp_path, LONG + '[[region_word]]\ntext = "陇东"\nnote = "n"\n'
                         '[[region_word]]\ntext = "陇原"\nnote = "n"\nwhole_province = true\n')
    custom = load_gazetteer(aliases_path=path)
    assert [(m.adcode, m.kind) for m in custom.meanings("陇东")] == [("620000", "region")]
    assert [(m.adcode, m.kind) for m in custom.meanings("陇原")] == [("620000", "bare")]
    assert custom.matcher.entries["陇东"].region and not custom.matcher.entries["陇原"].region


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (LONG + '[[region_word]]\ntext = "陇原"\nnote = "n"\nwhole_province = "yes"\n',
         r"\[\[region_word\]\] entry 1 \('陇原'\): 'whole_province' must be true or false, got 'yes'"),
        (LONG + '[[region_word]]\ntext = "陇南"\nnote = "n"\n',
         r"\[\[region_word\]\] entry 1 \('陇南'\): already names 陇南市.*remove the entry"),
        (ANHUI + '[[region_word]]\ntext = "豫西"\nnote = "n"\n', "begins with 豫, which is no"),
        (ANHUI + '[[region_word]]\ntext = "皖"\nnote = "n"\n', "an abbreviation alone is never read"),
        ('[[province_abbreviation]]\nabbreviation = "兰"\nadcode = "620100"\nsource = "s"\n',
         "620100 is 兰州市, not a province"),
    ],
)
def test_region_word_errors_name_the_entry(tmp_path, body, message):
    with pytest.raises(AliasFileError, match=message):
        load_gazetteer(aliases_path=write_aliases(tmp_path, body))


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[[province_abbreviation]]\nabbreviation = "皖北"\nadcode = "340000"\nsource = "s"\n', "one character"),
        ('[[shared_alias]]\nalias = "甲州"\nadcodes = ["620100"]\nnote = "n"\nsource = "s"\n', "two places or more"),
        ('[[shared_alias]]\nalias = "甲州"\nadcodes = "620100"\nnote = "n"\nsource = "s"\n', "list of non-empty"),
        ('[[shared_alias]]\nalias = "甲州"\nadcodes = ["620100", "999999"]\nnote = "n"\nsource = "s"\n',
         "999999 is not in the gazetteer"),
        (ANHUI * 2, "lists '皖' twice"),
    ],
)
def test_abbreviation_and_shared_alias_errors_name_the_entry(tmp_path, body, message):
    with pytest.raises(AliasFileError, match=message):
        load_alias_file(write_aliases(tmp_path, body), known_codes={"620100": 1, "620200": 1, "340000": 1})
