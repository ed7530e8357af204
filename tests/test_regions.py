"""Region words (陇东, 陕北, 苏南) are weak evidence of their province (rule 11 of the locality rules).

Every fixture text here is made up for the test.
"""

from __future__ import annotations

import pytest

PRESS = "今天，有关部门举行记者见面会，坚守陕北的一位乡村医生和几位基层干部讲述了各自的奋斗故事。"
"""A national story whose lead names a region word and no place."""

CALM = "委员们深入田间地头，听取群众意见建议，协商解决实际问题。"
"""A body naming no place."""


# --- alone -------------------------------------------------------------------------------


def test_a_region_word_in_the_lead_of_a_national_story_places_nothing(where):
    assert where(PRESS, title="有关部门举行记者见面会") is None


def test_a_region_word_named_again_and_again_in_the_body_still_places_nothing(where):
    text = PRESS + "\n" + "这位医生在陕北行医多年，走遍了陕北的山山水水。"
    assert where(text, title="有关部门举行记者见面会") is None


@pytest.mark.parametrize(("hint", "expected"), [("甘肃省", "620000"), ("陕西省", None)])
def test_a_provincial_paper_s_story_about_its_region_is_its_province(where, hint, expected):
    text = "陇东能源基地建设加快推进，一批项目陆续开工。"
    assert where(text, title="能源项目建设加快", province_hint=hint) == expected


def test_a_region_word_in_the_title_places_an_article_naming_no_place(where):
    assert where(CALM, title="陇东能源基地建设提速") == "620000"
    assert where(CALM, kicker="聚焦陇东", title="能源基地建设提速") == "620000"


def test_a_title_region_word_places_an_article_naming_a_place_of_its_province_in_passing(where):
    lead = ("能源基地建设持续提速，一批风电、光伏、储能项目陆续开工建设，新增装机规模创下历史新高，"
            "带动就业明显增加，为经济社会发展注入了新的动能。")
    text = lead + "\n" + "据介绍，今年还将有一批项目在庆阳落地。"
    assert where(text, title="陇东能源基地建设提速") == "620000"
    assert where(text, title="能源基地建设提速") is None  # 庆阳, once in passing, places nothing


def test_a_provincial_lead_speaks_of_its_region_word_s_province(where):
    text = "全省能源工作会议提出，加快陇东综合能源基地建设。"
    assert where(text, title="能源工作会议召开") == "620000"
    assert where("能源工作会议提出，加快陇东综合能源基地建设。", title="能源工作会议召开") is None


def test_region_words_of_two_provinces_place_nothing(where):
    assert where(CALM, title="豫南陕南小麦长势良好") is None
    assert where("目前仅在豫南、陕南等地零星发生病害。", title="病害防控取得成效") is None


def test_a_national_headline_keeps_its_region_word_from_placing_it(where):
    assert where(CALM, title="全国各地欢度佳节 陇东民俗活动精彩") is None


# --- beside other places -----------------------------------------------------------------


def test_a_region_word_does_not_tip_the_balance_between_two_provinces(where):
    text = "输电工程今天开工，线路起于陇东，建成后甘肃的电力将送往山东。"
    assert where(text, title="输电工程开工") is None
    # without it, the two provinces tie as well: the region word changes nothing
    assert where("输电工程今天开工，建成后甘肃的电力将送往山东。", title="输电工程开工") is None


def test_a_region_word_of_no_named_province_weighs_against_the_places(where):
    lead = "今天，陕北民歌音乐会在内蒙古鄂尔多斯首演，集中展现了陕北民歌的特色。"
    assert where(lead, title="陕北民歌音乐会巡演启动") is None
    assert where("今天，一场民歌音乐会在内蒙古鄂尔多斯首演。", title="民歌音乐会巡演启动") == "150600"


def test_a_headline_place_outranks_a_region_word_of_another_province(where):
    assert where(CALM, title="山东迎来首批陇东绿电") == "370000"


def test_a_title_listing_a_region_word_and_a_province_is_a_route_across_provinces(where):
    assert where(CALM, title="陇东至山东特高压工程开工") is None


def test_a_region_word_keeps_the_answer_at_its_province_when_the_places_lie_in_it(where):
    text = "今天，大运河苏南段航道扩容改造工程在镇江启动，预计三年完工。"
    assert where(text, title="大运河苏南段航道扩容改造启动") == "320000"
    assert where("今天，大运河航道扩容改造工程在镇江启动，预计三年完工。", title="大运河航道扩容改造启动") == "321100"


def test_a_region_word_never_places_what_its_province_s_places_leave_unplaced(where):
    lead = ("今天，有关部门举行记者见面会，坚守陕北的乡村医生、社区干部、乡村教师、科技工作者和铁路工人"
            "等五位代表讲述了各自的奋斗故事，赢得现场阵阵掌声。")
    text = lead + "\n" + "代表们表示，将继续立足岗位、服务群众。其中一位代表曾在延安工作多年。"
    assert where(text, title="有关部门举行记者见面会") is None
    # the one passing mention of 延安 alone leaves it unplaced too
    assert where(text.replace("陕北", "基层"), title="有关部门举行记者见面会") is None


# --- a name of the whole province ------------------------------------------------------


def test_a_name_of_the_whole_province_is_read_as_the_province(where):
    text = "春节将至，陇原大地处处洋溢着喜庆祥和的节日气氛。"
    assert where(text, title="欢欢喜喜迎新春") == "620000"
