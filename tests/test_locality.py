"""Locality resolution: the place an article is about, from dateline, headline and body.

Every fixture text here is made up for the test.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.places import LOCALITY_COLUMNS, load_gazetteer, resolve_localities, resolve_locality
from analysis.places.locality import BODY_CHARS
from analysis.schema import STRING_DTYPE

# --- the cases named in the issue ---------------------------------------------------------


def test_dateline_and_headline_name_the_same_prefecture(where):
    assert where(dateline_place="嘉峪关", title="嘉峪关市政协围绕园林城市建设协商建言") == "620200"


def test_bare_dateline_prefers_the_prefecture_over_same_named_counties(where):
    assert where(dateline_place="临夏", title="委员走进社区听民意") == "622900"


def test_kicker_short_form_and_bare_dateline_give_the_autonomous_county(where):
    assert where(kicker="肃南县政协", dateline_place="肃南", title="协商议事进牧区") == "620721"


def test_county_level_city_resolves_under_its_prefecture(gazetteer):
    place = resolve_locality(
        title="玉门市政协：做细做实委员履职文章", dateline_place="玉门", text="", gazetteer=gazetteer
    )
    assert (place.adcode, place.province, place.prefecture, place.county) == (
        "620981",
        "甘肃省",
        "酒泉市",
        "玉门市",
    )


def test_body_county_organ_decides_when_the_headline_names_nothing(where):
    text = "近日，石川镇协商议事室里，漳县政协委员与群众围坐一起，共商村规民约修订。"
    assert where(text, title="“协商议事+共享法庭”赋能基层社会治理") == "621125"


def test_body_county_with_organ(where):
    assert where("瓜州县政协组织委员深入乡村开展调研。", title="委员工作室里听民声") == "620922"


def test_provincial_organ_means_the_hint_province(where):
    text = "省政协工商联界委员工作室日前开展“助企纾困”主题活动。"
    assert where(text, title="搭平台 解难题", province_hint="甘肃省") == "620000"


def test_ambiguous_district_alone_is_left_unresolved(where):
    assert where("朝阳区启动老旧小区改造协商。") is None


def test_ambiguous_district_is_decided_by_another_place(where):
    assert where("北京朝阳区启动老旧小区改造协商。") == "110105"


def test_ambiguous_district_is_decided_by_the_province_hint(gazetteer):
    place = resolve_locality(
        title=None, text="朝阳区启动老旧小区改造协商。", province_hint="吉林省", gazetteer=gazetteer
    )
    assert (place.adcode, place.prefecture, place.county) == ("220104", "长春市", "朝阳区")


# --- short forms --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("临夏州政协召开常委会议。", "622900"),
        ("肃南县召开牧民座谈会。", "620721"),
        ("甘南州政协组织委员视察。", "623000"),
        ("张家川县政协开展调研。", "620525"),
        ("阿克塞县政协召开会议。", "620924"),
        ("东乡县政协召开会议。", "622926"),
    ],
)
def test_short_forms_resolve_in_body_text(where, text, code):
    assert where(text) == code


# --- province hint ------------------------------------------------------------------------


@pytest.mark.parametrize("hint", ["甘肃省", "甘肃", "620000"])
def test_province_hint_may_be_a_name_a_bare_name_or_a_code(where, hint):
    assert where("全省政协系统开展学习。", province_hint=hint) == "620000"


def test_provincial_organ_without_a_hint_means_nothing(where):
    assert where("省委召开会议。") is None


def test_unknown_province_hint_is_an_error(where):
    with pytest.raises(ValueError, match="'兰州' is not a province"):
        where("省委召开会议。", province_hint="兰州")


def test_municipal_organ_in_a_municipality_paper_means_the_municipality(where):
    assert where("市委召开常委会。", province_hint="北京市") == "110000"


def test_generic_county_organs_place_the_article_in_the_hint_province(where):
    assert where("县政协召开常委会议，县委书记出席。", province_hint="甘肃") == "620000"
    assert where("县政协召开常委会议，县委书记出席。") is None


def test_article_naming_nothing_is_unresolved_even_with_a_hint(where):
    assert where("委员们认真学习会议精神。", title="学习会", province_hint="甘肃") is None
    assert where("") is None


# --- dateline and headline outrank the body -----------------------------------------------


def test_dateline_outranks_places_mentioned_in_the_body(where):
    text = "委员们学习兰州市、兰州新区和兰州的经验。"
    assert where(text, dateline_place="酒泉", title="委员视察") == "620900"


def test_headline_county_under_the_dateline_prefecture_wins(where):
    assert where(dateline_place="酒泉", title="瓜州县政协开展专题协商") == "620922"


def test_provincial_organ_in_the_headline_is_not_narrowed_by_a_capital_dateline(where):
    title = "十二届省政协第43次主席会议召开"
    text = "会议决定，常委会议在兰州召开。"
    assert where(text, dateline_place="兰州", title=title, province_hint="甘肃省") == "620000"


def test_body_may_refine_a_headline_prefecture_it_names_twice(where):
    text = "委员们在玉门市调研，玉门市政协负责同志介绍情况。"
    assert where(text, dateline_place="酒泉", title="委员视察新能源产业") == "620981"
    assert where("委员们在玉门市调研。", dateline_place="酒泉", title="委员视察") == "620900"


def test_dateline_with_a_level_word_and_unknown_dateline(where):
    assert where(dateline_place="临夏州") == "622900"
    assert where(dateline_place="高台") == "620724"
    assert where(dateline_place="火星") is None


# --- body mentions: frequency and specificity --------------------------------------------


def test_county_backed_by_its_prefecture_beats_a_lone_county(where):
    assert where("瓜州县政协与漳县政协交流，酒泉市委员参加。") == "620922"


def test_round_up_of_several_prefectures_stays_at_the_province(where):
    text = "甘肃省政协组织委员赴兰州市、天水市、酒泉市视察，甘肃省各级政协参与。"
    assert where(text) == "620000"


def test_province_named_often_and_its_capital_once_is_the_province(where):
    text = "甘肃省政协召开会议。甘肃省委出席。会议在兰州召开。甘肃省各级政协参加。"
    assert where(text) == "620000"


def test_tie_between_provinces_is_not_guessed(where):
    assert where("瓜州县政协与北京市政协交流。") is None
    assert where("瓜州县政协与北京市政协交流。", province_hint="甘肃") == "620922"


def test_only_the_first_body_chars_are_read(where):
    assert where("会" * BODY_CHARS + "瓜州县政协召开会议。") is None


# --- names that are ordinary words -------------------------------------------------------


def test_a_province_s_capital_dateline_in_a_paper_from_elsewhere_is_where_the_story_was_filed(where):
    text = "记者从省文化和旅游厅获悉：近年来，青海省红色旅游规模不断扩大，体系不断完善。"
    assert where(text, title="青海红色旅游持续升温", dateline_place="西宁") == "630000"
    text = "4日上午，湖南省首届职业技能大赛在株洲开幕，来自全省的选手参加比赛。"
    assert where(text, title="湖南举办职业技能大赛", dateline_place="长沙") == "430000"
    # a city that is no capital is the story's place, as before
    assert where("今年新增公园绿地。", title="湖南城市更新见成效", dateline_place="株洲") == "430200"


def test_a_province_s_capital_dateline_counts_when_named_or_in_its_province_s_paper(where):
    assert where("西宁市今年新增公园绿地。", title="青海城市更新见成效", dateline_place="西宁") == "630100"
    assert where("城北区今年新增公园绿地。", title="青海城市更新见成效", dateline_place="西宁") == "630100"
    assert where("今年新增公园绿地。", title="青海城市更新见成效", dateline_place="西宁",
                 province_hint="青海省") == "630100"
    # named nowhere else, it says the province the story was filed in
    assert where("今年新增公园绿地。", title="城市更新见成效", dateline_place="西宁") == "630000"


@pytest.mark.parametrize(
    "text",
    [
        "清水、高台、民乐、安宁、平川、城关、会宁",  # bare county names
        "形成县域经济新格局，提高县级统筹能力",  # 成县 inside 形成县域
        "创建国家示范县",  # 范县 inside 示范县
        "漳县",  # a two-character county name, alone
        "白银价格上涨",  # 白银 is silver
        "推进合作市场建设",  # 合作市 before 场
        "北京时间8点",
        "城区道路改造",
        "俄方称别尔哥罗德州多个村庄遭到炮击",  # a Russian oblast, not 德州
        "南里奥格兰德州海滩出现大量企鹅",  # a Brazilian state, not 德州
        "美国佛罗里达州遭飓风袭击",  # Florida, not 达州
        "美国德州遭遇寒潮",  # Texas
    ],
)
def test_ordinary_words_are_not_places(where, text):
    assert where(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("白银市政协召开会议。", "620400"),
        ("兰州市场监管局开展检查。", "620100"),
        ("定西市漳县开展调研。", "621125"),
        ("漳县的发展，漳县的未来。", "621125"),
        ("山东德州推进产业转型。", "371400"),
        ("委员们赴达州调研。", "511700"),
    ],
)
def test_real_places_next_to_those_words_still_resolve(where, text, code):
    assert where(text) == code


def test_blocked_word_still_works_as_a_dateline(where):
    assert where(dateline_place="白银", title="委员视察") == "620400"


# --- national news filed from the capital ---------------------------------------------------


def test_a_capital_dateline_over_national_news_places_nothing(where):
    text = "记者从水利部获悉：今年前5个月，全国水利建设新开工项目同比增加，各地加快推进。"
    assert where(text, title="全国水利建设提速", dateline_place="北京") is None


def test_a_capital_dateline_counts_when_the_headline_or_lead_names_beijing(where):
    assert where("北京市今年新增公园绿地。", title="城市更新见成效", dateline_place="北京") == "110000"
    assert where("今年新增公园绿地。", title="北京建设公园城市", dateline_place="北京") == "110000"
    assert where("今年新增公园绿地。", title="城市更新见成效", dateline_place="北京", province_hint="北京") == "110000"


@pytest.mark.parametrize(
    "text",
    [
        "全国人大常委会委员长24日在北京会见来访的外国议长。",
        "纪念大会在北京人民大会堂隆重举行。",
        "国务院总理结束出访回到北京。",
        "国家主席将出席上海合作组织成员国元首理事会会议。",
        "两国元首会晤。中方强调，台湾问题是中国核心利益中的核心。",
    ],
)
def test_venues_of_national_events_and_names_holding_a_place_name_place_nothing(where, text):
    assert where(text) is None


def test_beijing_named_for_itself_is_still_beijing(where):
    assert where("国务院总理在北京市调研，考察城市更新项目。") == "110000"
    assert where("北京实施237项改革任务，优化营商环境。") == "110000"


# --- bare county names, in articles about an unnamed county -------------------------------


def test_a_county_site_page_is_placed_in_the_county_it_names_bare(where):
    text = ("5月9日，县政协组织委员到各乡镇开展河湖专项民主监督。\n"
            "委员们表示，守护好一江碧水，关系安乡发展和安乡群众的切身利益。")
    assert where(text, title="县政协开展河湖专项民主监督") == "430721"  # 湖南常德安乡县


def test_a_bare_county_name_in_the_headline_counts_with_the_body(where):
    text = "近年来，苍南坚持生态优先，县委、县政府决定保留原生态海岸线。"
    assert where(text, title="浙江苍南：推进海洋生态保护") == "330327"


def test_a_bare_county_name_named_once_needs_a_place_above_it(where):
    once = "县政协委员赴安乡调研水利建设。"
    assert where(once) is None
    assert where("常德市政协与县政协委员赴安乡调研水利建设。") == "430721"


def test_bare_county_names_need_an_article_about_some_county(where):
    assert where("关系安乡发展和安乡群众的切身利益。") is None


@pytest.mark.parametrize(
    "text",
    [
        "县政协委员到松滋河巡查，松滋河沿岸整治有序推进。",  # a river named after 松滋市
        "县委书记到安乡镇调研，安乡镇党委汇报了工作。",  # a town of the name, wherever it is
        "县委强调，合作共赢，合作发展。",  # 合作 (合作市) is an ordinary word
        "全区上下齐心，且末、且末人民共同努力。",  # 全区: also an autonomous region's own word
    ],
)
def test_bare_county_names_are_not_read_as_parts_of_other_names_or_as_words(where, text):
    assert where(text) is None


def test_a_round_up_whose_one_item_names_a_county_bare_stays_unplaced(where):
    text = ("北京国际机器人大会开幕，来自15个国家的企业参展。\n"
            "浙江舟山输电铁塔建设进入冲刺阶段。湖北武汉举办军营开放活动。\n"
            "广东深圳发布新一批产业政策。云南通海抗震救灾有序展开，通海灾区物资充足，全县转移安置三万人。")
    assert where(text, title="国内联播快讯") is None


# --- the table API -----------------------------------------------------------------------


def test_resolve_localities_returns_the_contract_columns_on_the_same_index(gazetteer):
    articles = pd.DataFrame(
        {
            "title": ["玉门市政协召开会议", None, "学习会"],
            "kicker": [None, "肃南县政协", np.nan],
            "text": ["", "委员进牧区。", "委员学习。"],
            "dateline_place": ["玉门", "肃南", None],
        },
        index=[10, 20, 30],
    )
    before = articles.copy()
    out = resolve_localities(articles, gazetteer=gazetteer)
    expected = pd.DataFrame(
        {
            "adcode": ["620981", "620721", None],
            "locality": ["玉门市", "肃南裕固族自治县", None],
            "province": ["甘肃省", "甘肃省", None],
            "prefecture": ["酒泉市", "张掖市", None],
            "county": ["玉门市", "肃南裕固族自治县", None],
            "province_code": ["620000", "620000", None],
            "prefecture_code": ["620900", "620700", None],
            "county_code": ["620981", "620721", None],
        },
        index=[10, 20, 30],
    ).astype(STRING_DTYPE)
    pd.testing.assert_frame_equal(out, expected)
    pd.testing.assert_frame_equal(articles, before)


def test_resolve_localities_without_a_dateline_column_and_with_a_hint(gazetteer):
    articles = pd.DataFrame({"title": ["省政协召开会议"], "kicker": [None], "text": [""]})
    out = resolve_localities(articles, province_hint="甘肃", gazetteer=gazetteer)
    assert out.loc[0, "adcode"] == "620000"
    assert pd.isna(out.loc[0, "prefecture"]) and pd.isna(out.loc[0, "county"])


def test_municipality_district_row_has_no_prefecture(gazetteer):
    articles = pd.DataFrame({"title": ["北京市朝阳区政协开展协商"], "kicker": [None], "text": [""]})
    row = resolve_localities(articles, gazetteer=gazetteer).iloc[0]
    assert (row["adcode"], row["province"], row["county"]) == ("110105", "北京市", "朝阳区")
    assert pd.isna(row["prefecture"]) and pd.isna(row["prefecture_code"])


def test_resolve_localities_on_an_empty_table(gazetteer):
    empty = pd.DataFrame({"title": [], "kicker": [], "text": []})
    out = resolve_localities(empty, gazetteer=gazetteer)
    assert list(out.columns) == list(LOCALITY_COLUMNS) and out.empty
    assert all(out[c].dtype == STRING_DTYPE for c in LOCALITY_COLUMNS)


def test_resolve_localities_names_missing_columns(gazetteer):
    with pytest.raises(KeyError, match="kicker"):
        resolve_localities(pd.DataFrame({"title": [], "text": []}), gazetteer=gazetteer)


def test_unnamed_local_organs_in_a_provincial_paper_stay_in_its_province():
    gazetteer = load_gazetteer()
    text = "县政协把作风建设与本地发展规划和县委年度安排一并推进。县政协还召开了委员座谈会。"
    place = resolve_locality(title="融入日常 抓在经常", text=text, province_hint="甘肃省", gazetteer=gazetteer)
    assert place is not None and place.adcode == "620000"


# --- a bare name counts only where it stands as a word ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "外交部长沙罗表示，双方将加强合作。",  # 部长 + a foreign name in 沙
        "国防部副部长沙维奇会见来访代表团。",
        "风暴在地中海东部形成。",  # 地中海 + 东部, not 海东
        "来自天南海北的游客纷纷赶来。",  # an idiom, not 海北
        "舰队驶入阿拉伯海北部海域。",  # 阿拉伯海 + 北部
        "公路网覆盖天山南北。",  # 天山 + 南北, not 山南
        "美国明尼苏达州民众连日集会抗议。",  # Minnesota, not 达州
        "澳大利亚昆士兰州遭遇暴雨。",  # Queensland, not 兰州
        "双方表示，巴中关系坚如磐石，将推动巴中经济走廊建设。",  # Pakistan and China, not 巴中
        "韩国执政党在首尔市江西区补选中失利。",  # Seoul's Gangseo, not 江西
        "中国海军南宁舰参加联合演习。",  # a warship, not 南宁
        "罢工影响垃圾清理等多项城市服务。",  # 多项 + 城市, not 项城市
    ],
)
def test_a_short_place_name_inside_a_word_is_not_a_place(where, text):
    assert where(text) is None


def test_a_bare_city_name_right_after_its_province_is_read_though_segmented_with_it(where):
    # the segmenter keeps 云南昆明 as one word; 昆明 ends it, after a place above it
    assert where(title="第五届视听周在云南昆明开幕") == "530100"
    assert where("记者在四川眉山看到，春耕正忙。", title="春耕生产有序推进") == "511400"


def test_the_city_of_bazhong_is_still_read(where):
    assert where("四川巴中结束了不通高铁的历史。", title="巴中迈入高铁时代") == "511900"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("代表团来到长沙调研。", "430100"),
        ("湖南长沙推进城市更新。", "430100"),
        ("海东乐都区开展植树活动。", "630202"),
        ("山南市召开工作会议。", "540500"),
    ],
)
def test_a_short_place_name_standing_as_a_word_is_still_read(where, text, code):
    assert where(text) == code


# --- passing mentions do not outrank the headline, the dateline or the lead ----------------

NATIONAL_LEAD = (
    "国家有关部门近日发布上半年统计数据，各项主要指标总体平稳，市场预期持续改善，"
    "发展韧性不断增强，新动能加快成长，为实现全年目标任务打下了坚实基础。\n"
)
"""A made-up lead paragraph of more than 60 characters that names no place."""


def test_a_province_in_the_headline_is_not_narrowed_by_a_city_named_in_passing(where):
    text = (
        "福建坚持创新驱动。福建省各地加快产业升级，福建企业加大研发投入。"
        "厦门同安区建成一批新工厂，厦门同安区的经验在福建推广。福建还将出台新举措。"
    )
    assert where(text, title="福建加快建设现代化产业体系") == "350000"


def test_a_fully_named_county_still_refines_a_headline_province(where):
    text = "陈大妈家住湖北省宜昌市远安县的一个小山村，过去一家人靠种地为生。"
    assert where(text, title="湖北：一位老人的脱贫日记") == "420525"


def test_a_foreign_dateline_leaves_the_article_unplaced(where):
    text = "论坛期间，上海奖评选揭晓，上海全球城市论坛同期举行，上海代表介绍了经验。"
    assert where(text, dateline_place="华沙", title="世界城市论坛闭幕") is None
    assert where(text, dateline_place="华沙", title="甘肃代表团参加世界城市论坛") == "620000"


def test_a_place_named_once_deep_in_the_body_is_a_passing_mention(where):
    text = NATIONAL_LEAD + "中国队再次包揽全部金牌，这是继2011年上海世锦赛后的又一佳绩。"
    assert where(text, title="参赛十三项 夺得十三冠") is None


def test_a_few_scattered_places_in_a_national_text_are_passing_mentions(where):
    text = NATIONAL_LEAD + "上海特奥会成功举办，北京奥运会圆满成功，上海世博会筹备顺利。"
    assert where(text, title="政府工作报告") is None


def test_a_local_story_after_a_national_lead_is_still_placed(where):
    text = NATIONAL_LEAD + "在湖南郴州，丘陵山区占耕地七成。郴州推广小型农机，郴州农民说省力多了。"
    assert where(text, title="小农机上山岗") == "431000"


def test_the_national_roll_call_of_provinces_names_no_province(where):
    text = "5月14日0—24时，31个省（自治区、直辖市）和新疆生产建设兵团报告新增确诊病例5例。"
    assert where(text, title="卫生健康委通报最新疫情") is None


# --- author notes are not evidence ---------------------------------------------------------


@pytest.mark.parametrize(
    "note",
    ["（作者单位：云南大学法学院）", "（作者为海南热带海洋学院马克思主义学院教授）", "(作者系甘肃政法大学教授)"],
)
def test_an_author_affiliation_is_not_the_place_of_the_article(where, note):
    text = "数字经济健康发展离不开法治保障，要完善数据产权制度。" + note
    assert where(text, title="依法保障数字经济健康发展") is None


# --- 省政协 without a province hint -------------------------------------------------------


def test_a_provincial_meeting_filed_from_the_capital_is_the_province_without_a_hint(where):
    text = "会议决定，政协甘肃省第十二届委员会常务委员会会议在兰州召开。"
    assert where(text, dateline_place="兰州", title="十二届省政协第43次主席会议召开") == "620000"


def test_a_provincial_round_up_stays_at_the_province_without_a_hint(where):
    text = (
        "省政协部署专项民主监督，全省各级政协积极行动，为建设美丽湖南贡献力量。"
        "湘潭、郴州推进问题整改；长沙市政协组织委员赴浏阳市视察，在浏阳市召开座谈会；"
        "衡阳市政协召开推进会。"
    )
    assert where(text, title="各市州政协推动专项民主监督走深走实") == "430000"


# Rule 10: a headline's scope. Every article here is written for these tests.
ROUND_UP_TEXT = (
    "今年以来，各地扎实推进高标准农田建设，加强农田水利设施建设，提升耕地质量，确保粮食生产稳定。"
    "农业农村部门加强指导服务，推动建设任务落到实处，春耕备耕有序开展。\n"
    "在甘肃省定西市安定区，农民正在平整土地。据统计，已建成高标准农田10亿亩。"
)


@pytest.mark.parametrize(
    ("title", "hint", "expected"),
    [
        ("全国各地扎实推进高标准农田建设", None, None),  # national: the county is an example
        ("全国各地扎实推进高标准农田建设", "甘肃", None),  # national in a provincial paper too
        ("各地扎实推进高标准农田建设", None, None),  # a national outlet's round-up: the lead is national
        ("各地扎实推进高标准农田建设", "甘肃", "620000"),  # a provincial paper's 各地: its province
        ("定西各地扎实推进高标准农田建设", None, "621100"),  # a headline naming its place keeps it
        ("安定区扎实推进高标准农田建设", None, "621102"),  # no scope word: the rules as before
        ("让群众更多地享受建设成果", None, "621102"),  # 更多地 is an adverb, no 多地
    ],
)
def test_a_round_up_or_a_national_story_is_not_placed_by_its_example(where, title, hint, expected):
    assert where(ROUND_UP_TEXT, title=title, province_hint=hint) == expected


@pytest.mark.parametrize(
    ("title", "text", "hint", "expected"),
    [
        # a provincial paper's round-up of other provinces is not the paper's province
        ("南方多地迎来强降雨", "江西、湖南、广西等地出现强降雨，各地加强防范。", "甘肃", None),
        ("多地开展科技活动周", "广东深圳、浙江杭州等地开展科技活动周，吸引市民参与。", "甘肃", None),
        # a national outlet's round-up whose short lead runs on into its one example
        ("元旦假期 各地消费复苏回暖", "元旦假期，各地消费市场人气旺。在江苏淮安，商场客流明显增加。", None, None),
        # a provincial paper's round-up, no --province: its lead speaks of 全省
        ("各地抢抓农时开展春耕", "全省各地抢抓农时开展春耕生产。天水、陇南组织农技人员下乡指导。", None, "620000"),
    ],
)
def test_a_round_up_is_placed_only_where_all_its_places_lie(where, title, text, hint, expected):
    assert where(text, title=title, province_hint=hint) == expected


def test_the_scope_words_skip_their_ignore_phrases():
    from analysis.places.scope import headline_scope

    assert headline_scope().of("多地震区加强房屋抗震改造") is None
    assert headline_scope().of(None, "多地抢抓农时") == "roundup"  # the kicker counts too


def test_a_round_up_filed_from_a_city_is_that_city_s(where):
    text = "各县区抢抓农时开展春耕生产。秦州区组织农技人员下乡指导。"
    assert where(text, title="各县区抢抓农时开展春耕", dateline_place="天水") == "620500"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("省政协主席赴天水陇南调研乡村振兴工作", "620000"),  # a tour of two cities: their province
        ("天水、陇南两地签署协作协议", "620000"),
        ("兰州至天水高铁开通运营", "620000"),  # a route
        ("天水市麦积区推进乡村振兴", "620503"),  # an address, not a list: its county
        ("兰州马拉松在天水设分会场", "620500"),  # apart, but not side by side: the body decides
        ("考察团赴浙江宁波、山东青岛学习", None),  # two provinces share no place: none, never the body's
        ("天水陇南客商在北京推介农产品", "620000"),  # only the places listed side by side
    ],
)
def test_places_a_headline_lists_side_by_side_give_what_they_share(where, title, expected):
    text = "调研组先后来到天水市麦积区、秦州区，察看项目建设。调研组在天水市召开座谈会，陇南市参加。"
    assert where(text, title=title, province_hint="甘肃") == expected


def test_a_kicker_naming_the_visitors_leaves_the_listed_places_to_decide(where):
    text = "调研组先后来到天水市麦积区、秦州区，察看项目建设。调研组在天水市召开座谈会，陇南市参加。"
    assert where(text, title="赴天水陇南调研", kicker="四川省考察团") == "620000"


def test_the_headline_scope_words_are_checked_when_read(tmp_path):
    from analysis.paths import ConfigFileError
    from analysis.places.scope import load_headline_scope

    path = tmp_path / "headline_scope.toml"
    path.write_text('[national]\nwords = ["全国各地"]\n[roundup]\nwords = ["地"]\n[ignore]\nwords = ["更多地"]\n',
                    encoding="utf-8")
    with pytest.raises(ConfigFileError, match=r"\[roundup\].*two characters"):
        load_headline_scope(path)
