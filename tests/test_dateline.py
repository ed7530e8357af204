"""A township in the dateline names its county: 本报石川镇讯, 本报肃南县马蹄乡讯, 本报马蹄讯.

Every fixture text here is made up for the test.
"""

from __future__ import annotations

import pytest

from analysis.places.towns import town_short_forms

TEXT = "委员们深入田间地头，听取群众意见建议，协商解决实际问题。"
"""A lead naming no place: only the dateline can place the article."""


def test_a_dateline_naming_only_a_township_gives_its_county(where):
    assert where(TEXT, dateline_place="石川镇", title="协商议事进村组") == "621125"  # 漳县


def test_a_dateline_township_after_its_county_or_prefecture_gives_the_county(where):
    # 马蹄藏族乡 of 肃南裕固族自治县, written as news writes it
    assert where(TEXT, dateline_place="肃南县马蹄乡", title="协商议事进牧区") == "620721"
    assert where(TEXT, dateline_place="张掖市马蹄乡", title="协商议事进牧区") == "620721"
    assert where(TEXT, dateline_place="漳县石川镇", title="协商议事进村组") == "621125"


def test_a_place_before_a_township_it_does_not_hold_stays_that_place(where):
    # 石川镇 is 漳县's, not 张掖's: the dateline is 张掖, never the other county
    assert where(TEXT, dateline_place="张掖市石川镇", title="协商议事进村组") == "620700"


def test_a_bare_township_dateline_needs_the_paper_s_province_and_one_county_there(where):
    # 马蹄: 马蹄藏族乡 (甘肃 肃南), 马蹄镇 (四川 古蔺, 贵州 汇川)
    assert where(TEXT, dateline_place="马蹄", title="协商议事进牧区", province_hint="甘肃省") == "620721"
    assert where(TEXT, dateline_place="马蹄", title="协商议事进牧区", province_hint="四川省") == "510525"
    assert where(TEXT, dateline_place="马蹄", title="协商议事进牧区") is None  # no province: no guess
    # 三岔: a 三岔镇 in three counties of 甘肃
    assert where(TEXT, dateline_place="三岔", title="协商议事进村组", province_hint="甘肃省") is None


@pytest.mark.parametrize(("city", "province"), [("柏林", "甘肃省"), ("米兰", "新疆维吾尔自治区")])
def test_a_city_abroad_in_a_dateline_is_no_bare_township(where, city, province):
    # 柏林镇 (甘肃 武都), 米兰镇 (新疆 兵团): 新华社柏林电 is Berlin
    assert where(TEXT, dateline_place=city, title="会谈取得积极成果", province_hint=province) is None


def test_a_shared_township_dateline_keeps_the_paper_s_province_and_asks_the_article(where):
    # 双塔镇: one each in 河北, 河南 and 甘肃 (瓜州县)
    assert where(TEXT, dateline_place="双塔镇", title="协商议事进村组", province_hint="甘肃省") == "620922"
    assert where(TEXT, dateline_place="双塔镇", title="协商议事进村组") is None
    # 城关镇 (82 of them) decided by the county the article names
    text = "永登县政协组织委员开展视察，了解群众所需所盼。"
    assert where(text, dateline_place="城关镇", title="协商议事进社区") == "620121"


def test_an_undecided_township_dateline_is_no_foreign_one(where):
    # 本报华沙讯 leaves the article unplaced; 本报三岔讯 is in China: the body still counts
    body = "日前，永登县政协组织委员开展视察，了解群众所需所盼，提出意见建议。"
    assert where(body, dateline_place="华沙", title="委员视察") is None
    assert where(body, dateline_place="三岔", title="委员视察") == "620121"
    assert where(body, dateline_place="三岔镇", title="委员视察") == "620121"


@pytest.mark.parametrize(
    ("name", "short"),
    [("马蹄藏族乡", "马蹄乡"), ("檀营满族蒙古族乡", "檀营乡"), ("得力其尔鄂温克民族乡", "得力其尔乡"),
     ("甲回族镇", None), ("乙丙苏木", None)],
)
def test_an_ethnic_township_is_also_known_without_its_people(name, short):
    towns = {name: (("620721", "620700", "620000"),)}
    forms = town_short_forms(towns, ethnic_groups=["回族", "藏族", "满族", "蒙古族", "鄂温克族"])
    assert forms[name] == towns[name]
    assert sorted(forms) == sorted({name, short} - {None})
    if short:
        assert forms[short] == towns[name]


def test_a_short_form_is_read_in_a_dateline_but_not_in_running_text(where):
    # 文明瑶族乡 (汝城县): 培育文明乡风 holds no township
    assert where("要培育文明乡风、良好家风、淳朴民风。", title="焕发乡村文明新气象") is None
    assert where(TEXT, dateline_place="文明乡", title="协商议事进村组") == "431026"


def test_a_short_form_that_is_another_township_s_name_means_both():
    towns = {"马蹄藏族乡": (("620721", "620700", "620000"),), "马蹄乡": (("510525", "510500", "510000"),)}
    forms = town_short_forms(towns, ethnic_groups=["藏族"])
    assert forms["马蹄乡"] == (("510525", "510500", "510000"), ("620721", "620700", "620000"))


@pytest.mark.parametrize(("town", "county"), [("乌镇", "330483"), ("博鳌", "469002"), ("横琴", "440402")])
def test_the_towns_agencies_file_from_are_their_counties(where, town, county):
    # written for this test: a forum's opening, filed from its town (新华社乌镇电)
    text = "论坛今天开幕，来自多个国家和地区的嘉宾出席。"
    assert where(text, dateline_place=town, dateline_agency="新华社", title="论坛开幕") == county


def test_an_agency_s_bare_dateline_name_is_a_city_never_a_township(where):
    # 万象街道 (浙江 莲都区): 本报万象讯 in a 浙江 paper is the street, 新华社万象电 is Vientiane
    talks = {"title": "会谈取得积极成果", "province_hint": "浙江省"}
    assert where(TEXT, dateline_place="万象", dateline_agency="本报", **talks) == "331102"
    assert where(TEXT, dateline_place="万象", dateline_agency="新华社", **talks) is None
    assert where(TEXT, dateline_place="万象", dateline_agency="中新社", **talks) is None
    herders = {"title": "协商议事进牧区", "province_hint": "甘肃省"}
    assert where(TEXT, dateline_place="马蹄", dateline_agency="本报", **herders) == "620721"
    assert where(TEXT, dateline_place="马蹄", dateline_agency="新华社", **herders) is None
    assert where(TEXT, dateline_place="柏林", dateline_agency="新华社", **talks | {"province_hint": "甘肃省"}) is None


def test_an_agency_s_dateline_still_names_cities_and_full_township_names(where):
    assert where(TEXT, dateline_place="兰州", dateline_agency="新华社", title="会议召开", province_hint="甘肃省") == "620100"
    assert where(TEXT, dateline_place="石川镇", dateline_agency="新华社", title="协商议事进村组") == "621125"


ZHEJIANG_PAGE = (
    "某某日报 2024年7月5日 星期五 第3版\n"
    "两国合作项目签约\n"
    "新华社万象7月4日电（记者甲乙）两国有关部门4日签署合作文件，双方表示将深化务实合作。\n"
    "社区议事会开到家门口\n"
    "本报万象讯（通讯员丙丁）近日，街道组织居民代表召开议事会，协商解决停车难问题。\n"
)


def test_a_loaded_page_reads_a_bare_township_only_from_the_paper_s_own_dateline():
    from analysis.loading import LoadOptions, load_uploads

    result = load_uploads([("20240705-03.txt", ZHEJIANG_PAGE.encode())], LoadOptions(province="浙江省"))
    articles = result.articles
    assert articles["title"].tolist() == ["两国合作项目签约", "社区议事会开到家门口"]
    assert articles["adcode"].fillna("").tolist() == ["", "331102"]


ZHEJIANG_TALKS = "双方签署合作文件。代表团团长、浙江省副省长表示，浙江愿同对方深化合作，浙江企业已在当地投资建厂。"
"""A story filed abroad whose body names a province of China again and again."""


@pytest.mark.parametrize("city", ["万象", "西港", "新山", "达卡", "某某"])
def test_an_agency_dateline_of_no_place_in_china_is_not_placed_by_its_body(where, city):
    # 万象街道, 西港镇, 新山乡, 达卡镇 exist; 新华社X电 is a city abroad: the body's 浙江 does not place it
    assert where(ZHEJIANG_TALKS, dateline_place=city, dateline_agency="新华社", title="会谈取得积极成果") is None
    assert where(ZHEJIANG_TALKS, dateline_place=city, dateline_agency="新华社", title="浙江代表团访问") == "330000"


def test_the_paper_s_own_undecided_township_dateline_still_lets_the_body_place_it(where):
    # 本报三岔讯: a township of China whose county the dateline does not decide; so is 新华社三岔镇电
    assert where(ZHEJIANG_TALKS, dateline_place="三岔", dateline_agency="本报", title="会谈取得积极成果") == "330000"
    assert where(ZHEJIANG_TALKS, dateline_place="三岔镇", dateline_agency="新华社", title="会谈取得积极成果") == "330000"
