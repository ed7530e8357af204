"""The real corpora in ../shared/corpora load with dates and, where the text names one, places."""

import re

import pandas as pd
import pytest

from analysis.loading import LoadOptions, load_articles
from analysis.loading.bundles import count_bundle_splits
from analysis.loading.repeats import count_repeats_once
from analysis.schema import validate_articles
from tests.conftest import corpus_path

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def seed():
    page = corpus_path("seed-page") / "page.txt"
    options = LoadOptions(edition_date=pd.Timestamp("2024-06-14").date(), province="甘肃省")
    return load_articles([page], options)


def test_the_seed_page_gives_eleven_articles_with_places_dates_and_bylines(seed):
    articles = validate_articles(seed.articles)
    expected = [
        ("嘉峪关市政协围绕巩固园林城市成果专题协商建言", "620200", "2024-06-13", "text", "苏天泰"),
        ("酒泉市政协召开党组(扩大)会议暨党纪学习教育会议", "620900", "2024-06-13", "text", "茹建荣"),
        ("定西市政协召开五届十七次常委会会议", "621100", "2024-06-12", "text", "张强"),
        ("临夏州政协召开十三届二十三次主席会议", "622900", "2024-06-13", "text", "包伟斌"),
        ("玉门市政协：做细做实“百企兴百村”工作", "620981", "2024-06-12", "text", "向军"),
        ("全委设立功能型党支部 推进党建工作有效覆盖", "620721", "2024-06-14", "edition", "柴学虎"),
        ("肃北县政协机关党支部开展主题党日活动", "620923", "2024-06-05", "text", "苏媛媛"),
        ("在联系界别群众中助力发展服务为民", "620000", "2024-06-14", "edition", None),
        ("“协商议事+共享法庭”赋能基层社会治理", "621125", "2024-06-14", "edition", None),
        ("打造“双进双联”品牌 以党建之功引领履职之效", "620922", "2024-06-14", "edition", None),
        ("融入日常 抓在经常 落在平常", "620000", "2024-06-14", "edition", None),
    ]
    actual = [
        (r.title, r.adcode, r.date.strftime("%Y-%m-%d"), str(r.date_source), None if pd.isna(r.author) else r.author)
        for r in articles.itertuples()
    ]
    assert actual == expected
    assert articles.loc[4, ["province", "prefecture", "county"]].tolist() == ["甘肃省", "酒泉市", "玉门市"]
    assert articles.loc[5, "kicker"] == "肃南县政协"
    assert articles["continued_from"].fillna("").tolist()[7:] == ["1", "1", "1", "1"]
    report = seed.reports[0]
    assert (report.status, report.articles, len(report.skipped)) == ("loaded", 11, 3)


def test_people_s_daily_files_take_date_and_page_from_their_names():
    result = load_articles([corpus_path("rmrb-20220705-articles")])
    articles = validate_articles(result.articles)
    assert len(articles) > 80
    assert set(articles["edition_date"]) == {pd.Timestamp("2022-07-05")}
    assert articles["date"].notna().all() and articles["page"].notna().all()
    assert articles.loc[articles["title"] == "港口忙 贸易旺", "locality"].tolist() == ["烟台市"]
    statuses = {r.source.rsplit("/", 1)[-1]: r for r in result.reports}
    assert statuses["20220705-11-05.txt"].status == "failed"
    assert sum(r.articles for r in result.reports) == len(articles)


def test_xwlb_json_days_load_with_html_removed_and_empty_items_reported():
    folder = corpus_path("xwlb-cctv-json") / "2024"
    result = load_articles(sorted(folder.glob("202406*.json")))
    articles = validate_articles(result.articles)
    assert len(articles) > 300 and articles["date"].notna().all()
    assert not articles["text"].str.contains("<p>").any()
    assert articles["locality"].notna().sum() > 50
    row = articles[articles["title"] == "优化政务服务 山东打造一流营商环境"].iloc[0]
    assert (row.province, row.date) == ("山东省", pd.Timestamp("2024-06-14"))
    errors = sum(len(r.errors) for r in result.reports)
    records = sum(r.records for r in result.reports)
    split, stories = count_bundle_splits(result.reports)  # 国内/国际联播快讯: one article per story
    assert not articles["title"].str.endswith("联播快讯").any()  # every bundle split, none loaded whole
    bundled = articles.loc[articles["kicker"].str.endswith("联播快讯", na=False), "source"]
    assert split == bundled.str.rpartition("#")[0].nunique() and stories == len(bundled) >= 2 * split
    assert records - split + stories == len(articles) + errors


def test_xwlb_markdown_days_split_into_stories():
    result = load_articles([corpus_path("xwlb-cctv-md") / "20240614.md"])
    articles = result.articles
    # 14 stories: two are only their [查看原文](…) link (国际联播快讯 and its crawler stamp
    # footer, left out), reported, not loaded; 国内联播快讯 gives its 6 stories: 11 + 6
    assert len(articles) == 17
    report = result.reports[0]
    assert [e.code for e in report.errors] == ["story_without_text", "story_without_text"]
    assert [p.code for p in report.skipped] == ["markdown_footer", "rundown"]
    assert [(w.code, w.params["stories"]) for w in report.warnings] == [("bundle_split", 6)]
    stories = articles[articles["kicker"] == "国内联播快讯"]
    assert stories["title"].iloc[0] == "长征十号系列运载火箭完成一子级动力系统试车"  # its bold sub-headline
    assert stories["doc_id"].str.endswith(("#1", "#2", "#3", "#4", "#5", "#6")).all()
    assert articles["title"].iloc[0].startswith("【新思想引领新征程】")
    edition = pd.Timestamp("2024-06-14")
    assert set(articles["edition_date"]) == {edition}
    assert (articles["date"] <= edition).all() and (articles["date"] == edition).sum() >= 10


def test_government_work_reports_national_and_provincial():
    national = load_articles([corpus_path("gov-work-reports-national") / "government_work_reports.jsonl"])
    articles = national.articles
    assert len(articles) == 72
    report_2024 = articles[articles["title"] == "2024年中华人民共和国国务院政府工作报告"].iloc[0]
    assert (report_2024.date, report_2024.date_source) == (pd.Timestamp("2024-03-05"), "text")
    undated = articles["date"].isna().sum()
    no_date = [w for w in national.reports[0].warnings if w.code == "no_date"]
    assert undated == len(no_date)  # resolutions with no year nor full date
    provincial = load_articles(sorted(corpus_path("gov-work-reports-provincial-2026").glob("2026_*.csv")))
    reports = validate_articles(provincial.articles)
    assert len(reports) == 31 and reports["province"].nunique() == 31
    gansu = reports[reports["province"] == "甘肃省"].iloc[0]
    assert gansu.date == pd.Timestamp("2026-01-27")
    assert not gansu.text.startswith("下载")


def test_year_only_reports_take_their_delivery_line_and_the_rest_are_named_in_the_report():
    national = load_articles([corpus_path("gov-work-reports-national") / "government_work_reports.jsonl"])
    articles = national.articles
    by_title = articles.set_index("title")
    assert by_title.loc["2017年中华人民共和国国务院政府工作报告", "date"] == pd.Timestamp("2017-03-05")
    assert by_title.loc["1957年中华人民共和国国务院政府工作报告", "date"] == pd.Timestamp("1957-06-26")
    from_year = articles["date_source"] == "metadata"
    assert (articles.loc[from_year, "date"].dt.strftime("%m-%d") == "01-01").all()
    (warning,) = [w for w in national.reports[0].warnings if w.code == "year_only_dates"]
    assert warning.params["count"] == from_year.sum() > 40


def test_provincial_reports_are_dated_by_their_delivery_line_not_the_web_page_stamp():
    provincial = load_articles(sorted(corpus_path("gov-work-reports-provincial-2026").glob("2026_*.csv")))
    dates = provincial.articles.set_index("province")["date"].dt.strftime("%m-%d")
    assert (dates["云南省"], dates["四川省"], dates["宁夏回族自治区"]) == ("01-28", "02-03", "02-03")
    assert (dates["北京市"], dates["甘肃省"], dates["陕西省"]) == ("01-25", "01-27", "01-27")


def _xwlb_story(day, title_start):
    year = day[:4]
    articles = load_articles([corpus_path("xwlb-cctv-json") / year / f"{day}.json"]).articles
    (row,) = articles[articles["title"].str.startswith(title_start)].itertuples()
    return row.date.strftime("%Y-%m-%d"), str(row.date_source)


def test_xwlb_announced_and_holiday_stories_are_not_pushed_back_a_year():
    assert _xwlb_story("20160815", "习近平主席将出席并主持二十国集团") == ("2016-08-15", "text")  # 8月15日 吹风会
    assert _xwlb_story("20230428", "“五一”假期") == ("2023-04-28", "edition")
    assert _xwlb_story("20240630", "习近平将出席上海合作组织") == ("2024-06-30", "edition")


def test_xwlb_the_event_wins_over_the_date_it_follows():
    assert _xwlb_story("20230305", "美国俄亥俄州又发生一起列车脱轨事故") == ("2023-03-04", "text")
    assert _xwlb_story("20131215", "“嫦娥三号”落月") == ("2013-12-14", "text")  # 12月14日21时11分


def test_people_s_daily_dateline_wins_over_a_forecast_in_the_lead():
    result = load_articles([corpus_path("rmrb-20220705-articles") / "20220705-14-02.txt"])
    (row,) = result.articles.itertuples()
    assert (row.date, row.date_source) == (pd.Timestamp("2022-07-04"), "text")


def test_cppcc_pages_skip_the_page_stamp_and_the_meeting_announced():
    by_id = load_articles([corpus_path("cppcc-local-news-pages") / "articles.jsonl"]).articles.set_index("doc_id")
    assert by_id.loc["sp-013", "date"] == pd.Timestamp("2018-03-20")  # not 发布时间: 2018-03-28
    assert by_id.loc["sp-018", "date"] == pd.Timestamp("2022-01-07")  # not the 1月14日 meeting it announces
    assert by_id.loc["sp-007", "date"] == pd.Timestamp("2023-11-18")  # the lead's own date, before its dateline


def test_local_cppcc_pages_load_with_chrome_removed():
    result = load_articles([corpus_path("cppcc-local-news-pages") / "articles.jsonl"])
    articles = validate_articles(result.articles)
    assert len(articles) == 18
    assert articles["date"].notna().sum() >= 16
    by_id = articles.set_index("doc_id")
    assert by_id.loc["sp-001", "continued_from"] == "1"
    assert by_id.loc["sp-018", "province"] == "甘肃省" and by_id.loc["sp-018", "author"] == "王钊"
    assert not by_id["text"].str.contains("网站首页|数字报首页|【打印正文】").any()


def test_theme_shares_of_provincial_reports_read_right_by_province():
    from analysis.loading.sections import split_into_paragraphs
    from analysis.theme_dictionary import load_themes
    from analysis.themes import assign_themes, count_themes

    loaded = load_articles(sorted(corpus_path("gov-work-reports-provincial-2026").glob("2026_*.csv")))
    paragraphs = split_into_paragraphs(loaded.articles)
    paragraphs = paragraphs.assign(themes=assign_themes(paragraphs, themes=load_themes()))
    shares = count_themes(paragraphs, by="province").pivot(index="group", columns="theme", values="share")
    assert shares.index.size == 31
    water = shares["water"].sort_values(ascending=False)
    assert "甘肃省" in water.index[:3] and water["上海市"] < 0.01  # the arid north-west talks water
    assert shares["energy"].idxmax() == "内蒙古自治区"
    assert shares["opening_up"].idxmax() == "海南省"  # the free-trade port
    assert (shares["industry"] > 0.05).all()  # every report talks industry


def test_xwlb_party_discipline_peaks_while_the_2024_campaign_ran():
    from analysis.theme_dictionary import load_themes
    from analysis.themes import assign_themes, count_themes

    folder = corpus_path("xwlb-cctv-json")
    days = sorted(folder.glob("2023/*.json")) + sorted(folder.glob("2024/*.json")) + sorted(folder.glob("2025/*.json"))
    articles = load_articles(days).articles
    articles = articles.assign(themes=assign_themes(articles, themes=load_themes()))
    counts = count_themes(articles, period="quarter")
    counts = counts[counts["group_articles"] >= 50]  # quarters with a few stray back-dated items are noise
    discipline = counts.pivot(index="period", columns="theme", values="share")["party_discipline"]
    assert discipline["2024Q2"] == discipline.max()
    assert discipline["2024Q2"] > 1.2 * discipline.drop("2024Q2").median()


def test_people_s_daily_places_come_from_headline_dateline_and_lead_not_passing_mentions():
    articles = load_articles([corpus_path("rmrb-20220705-articles")]).articles
    locality = dict(zip(articles["title"], articles["locality"], strict=False))
    assert locality["福建加快建设现代化经济体系"] == "福建省"  # not 同安区, an example city
    assert pd.isna(locality["打造更可持续、更具韧性和包容性的未来"])  # 本报华沙电, 上海奖
    assert pd.isna(locality["参赛十三项，夺得十三冠"])  # Budapest; 2011年上海世锦赛
    assert pd.isna(locality["澜湄合作第七次外长会联合新闻公报"])  # 外交部长沙伦赛
    assert pd.isna(locality["依法保障数字经济健康发展（新知新觉）"])  # （作者单位：云南大学法学院）
    assert pd.isna(locality["科学把握功成的“有我”与“无我”（思想纵横）"])  # （作者为海南…学院…）
    assert locality["港口忙 贸易旺"] == "烟台市"  # 烟台港 still names 烟台
    assert pd.isna(locality["全国普通话普及率达80.72%"])  # 本报北京电, 记者从教育部了解到
    assert pd.isna(locality["金砖“中国年”计划继续举办约80场会议和活动"])  # 外交部发言人, 本报北京电
    beijing = articles[articles["province"] == "北京市"]
    assert len(beijing) <= 3, beijing["title"].tolist()  # national news is filed from the capital


def test_xwlb_national_events_in_the_capital_and_the_sco_are_not_placed():
    articles = load_articles([corpus_path("xwlb-cctv-md")]).articles
    locality = articles.groupby("title")["locality"].first()
    assert pd.isna(locality["赵乐际会见波兰总统"])  # 在北京会见
    assert pd.isna(locality["李强结束出访回到北京"])
    assert pd.isna(locality["习近平会见俄罗斯外长"])  # 上海合作组织
    assert pd.isna(locality["习近平同安哥拉总统会谈"])  # 台湾问题
    assert locality["北京实施237项改革 优化营商环境"] == "北京市"
    assert locality["【高质量发展调研行】上海：改革助推新质生产力走出实验室"] == "上海市"


def test_xwlb_words_that_hold_place_names_and_national_bulletins_are_not_placed():
    folder = corpus_path("xwlb-cctv-json")
    days = ["2023/20231009.json", "2015/20150915.json", "2021/20210615.json", "2014/20140615.json"]
    articles = load_articles([folder / day for day in days]).articles
    locality = articles.groupby("title")["locality"].first()
    assert pd.isna(locality["新一轮巴以冲突已致双方超1200人死亡 超5100人受伤"])  # 地中海东部
    assert locality["天山南北绽新颜：交通大发展 丝路新跨越"] == "新疆维吾尔自治区"  # not 山南市
    assert pd.isna(locality["国家卫生健康委通报最新疫情"])  # …和新疆生产建设兵团报告
    assert pd.isna(locality["关注伊拉克乱局：伊拉克多地交火继续"])  # 阿拉伯海北部
    assert locality["李强在浙江调研"] == "浙江省"


def test_national_government_work_reports_have_no_locality():
    articles = load_articles([corpus_path("gov-work-reports-national") / "government_work_reports.jsonl"]).articles
    assert articles["locality"].isna().all()


def test_local_cppcc_provincial_bodies_are_their_province_without_a_hint():
    articles = load_articles([corpus_path("cppcc-local-news-pages") / "articles.jsonl"]).articles
    by_id = articles.set_index("doc_id")
    assert by_id.loc["sp-018", "locality"] == "甘肃省"  # 十二届省政协…主席会议, 本报兰州讯
    assert by_id.loc["sp-014", "locality"] == "湖南省"  # 各市州政协 round-up
    assert by_id.loc["sp-013", "locality"] == "湖南省"


def test_a_county_cppcc_site_page_is_its_county_named_bare_in_the_text():
    articles = load_articles([corpus_path("cppcc-local-news-pages") / "articles.jsonl"]).articles
    page = articles.set_index("doc_id").loc["sp-012"]  # title 县政协开展…, the text says 安乡 (twice)
    assert (page["province"], page["prefecture"], page["county"]) == ("湖南省", "常德市", "安乡县")


def test_the_1954_national_report_in_traditional_characters_is_converted_and_gets_themes():
    from analysis.theme_dictionary import load_themes
    from analysis.themes import assign_themes

    result = load_articles([corpus_path("gov-work-reports-national") / "government_work_reports.jsonl"])
    articles = result.articles
    report_1954 = articles[articles["title"].str.startswith("1954年")].iloc[0]
    assert "我们" in report_1954.text and "們" not in report_1954.text
    converted = [w for w in result.reports[0].warnings if w.code == "traditional_converted"]
    assert len(converted) == 1  # the 1955 and 1957 reports quote a few traditional characters only
    themes = assign_themes(articles.loc[[report_1954.name]], themes=load_themes())
    assert len(themes.iloc[0]) >= 3


def test_xwlb_markdown_keeps_no_navigation_links_urls_or_leads():
    days = sorted(corpus_path("xwlb-cctv-md").glob("2022*.md"))
    text = load_articles(days).articles["text"]
    assert len(text) > 40
    assert not text.str.contains("查看原文|https?://|央视网消息").any()


def test_xwlb_2012_json_loses_its_leads_and_editor_credits():
    text = load_articles(sorted((corpus_path("xwlb-cctv-json") / "2012").glob("*.json"))).articles["text"]
    assert not text.str.contains("文字编辑|视频编辑|中国网络电视台消息|[(（]新闻联播[)）]消息").any()


def test_provincial_reports_open_with_the_delivery_line_not_page_furniture():
    provincial = load_articles(sorted(corpus_path("gov-work-reports-provincial-2026").glob("2026_*.csv")))
    by_province = provincial.articles.set_index("province")["text"]
    furniture = r"^>|分享[:：]|发表时间|阅读量|政府信息公开|\d{2}:\d{2}:\d{2}|记者\s*\S{1,4}\s*摄"
    assert not by_province.str.contains(furniture).any()
    yunnan = by_province["云南省"].split("\n")
    assert yunnan[0] == "——2026年1月28日在云南省第十四届人民代表大会第四次会议上"


def test_cppcc_pages_lose_metadata_photo_credits_and_related_headlines():
    articles = load_articles([corpus_path("cppcc-local-news-pages") / "articles.jsonl"]).articles
    by_id = articles.set_index("doc_id")
    hunan = by_id.loc["sp-013"]
    assert hunan.text.split("\n")[0] == "湖南省政协人资环委通报2018年工作要点"
    assert hunan.author == "王双"
    assert not by_id["text"].str.contains("秦金月|2113590|新华社图|当好行动派").any()


def test_xwlb_keywords_lead_with_themes_not_generic_words_or_link_text():
    from analysis.keywords import count_keywords
    from analysis.tokenize import build_tokenizer, tokenize_articles

    articles = load_articles(sorted(corpus_path("xwlb-cctv-md").glob("2024*.md"))).articles
    tokens = tokenize_articles(articles, tokenizer=build_tokenizer())
    top = count_keywords(tokens, top=30)["term"].tolist()
    generic = {"中国", "国家", "全国", "国际", "地区", "人民", "发布", "原文", "查看", "下午", "时间"}
    assert not generic & set(top)
    assert "高质量发展" in top


def test_people_s_daily_kickers_leading_into_the_title_with_a_dash_or_colon():
    folder = corpus_path("rmrb-20220705-articles")
    names = ["20220705-06-03.txt", "20220705-19-04.txt", "20220705-20-01.txt"]
    articles = load_articles([folder / name for name in names]).articles
    heads = list(zip(articles["kicker"], articles["title"], strict=True))
    assert heads[1] == ("山东寿光市：", "选优配强乡村振兴“头雁方阵”")
    assert heads[2] == ("航天员王亚平讲述神舟十三号乘组出舱活动——", "出舱，拥抱浩瀚太空（开卷知新）")
    assert heads[0][0].endswith("孙家栋院士——") and heads[0][1].startswith("“国家需要，我就去做”")


def test_people_s_daily_column_tag_marks_the_main_title():
    folder = corpus_path("rmrb-20220705-articles")
    articles = load_articles([folder / "20220705-01-04.txt", folder / "20220705-12-01.txt"]).articles
    data, culture = articles.itertuples()
    assert pd.isna(data.kicker) and data.title.endswith("（新数据 新看点）")
    assert data.text.startswith("已完成投资较去年同期增加1090亿元")  # the subtitle opens the text
    assert culture.title.endswith("（解码·文化数字化）") and culture.kicker.startswith("借助三维扫描")


def _xwlb_place(day, title_start):
    articles = load_articles([corpus_path("xwlb-cctv-json") / day[:4] / f"{day}.json"]).articles
    (row,) = articles[articles["title"].str.startswith(title_start)].itertuples()
    return None if pd.isna(row.county_code) else (row.province, row.county)


def test_xwlb_a_township_places_a_story_in_its_county():
    assert _xwlb_place("20170815", "新闻特写：他们离灾难最近") == ("四川省", "九寨沟县")  # 漳扎镇, lead says 四川
    assert _xwlb_place("20231220", "【党旗在基层一线高高飘扬】无畏艰险") == (  # 大河家镇 alone
        "甘肃省", "积石山保安族东乡族撒拉族自治县")
    assert _xwlb_place("20230107", "【新春走基层】北纬53°") == ("黑龙江省", "漠河市")  # 北极镇: 黑龙江's, not 陕西's


def test_xwlb_townships_in_their_places_sentences_leave_roundups_unplaced():
    # 河北阜平龙泉关镇, 西藏林芝波密县，扎木镇, 江西南昌…南矶乡: each the same address named once
    assert _xwlb_place("20230314", "为推进强国建设民族复兴添砖加瓦") is None
    assert _xwlb_place("20191115", "【“不忘初心、牢记使命”主题教育进行时】各地认真学习") is None
    assert _xwlb_place("20230512", "发展护士队伍") is None


@pytest.fixture(scope="module")
def xwlb_june_both():
    """The 新闻联播 days of June 2024 in both exports, loaded together."""
    days = [corpus_path("xwlb-cctv-json") / "2024", corpus_path("xwlb-cctv-md")]
    return load_articles([p for folder in days for p in sorted(folder.glob("202406*.*"))])


def test_xwlb_bundles_split_at_the_sub_headlines_the_markdown_prints_in_bold(xwlb_june_both):
    articles = xwlb_june_both.articles
    stories = articles[articles["kicker"].str.endswith("联播快讯", na=False)]
    from_md = stories["source"].str.contains("xwlb-cctv-md")
    assert from_md.sum() >= 100 and (~from_md).sum() >= 200
    for path in sorted(corpus_path("xwlb-cctv-md").glob("202406*.md")):
        mine = stories.loc[stories["source"].str.startswith(f"{path}#"), "title"].tolist()
        assert mine == _bold_sub_headlines(path), path.name
    by_day = stories.assign(day=stories["edition_date"], md=from_md).groupby(["day", "kicker", "md"])["title"]
    titles = by_day.agg(tuple).unstack("md").dropna()
    assert len(titles) >= 30 and (titles[True] == titles[False]).all()  # both exports split alike


def _bold_sub_headlines(path):
    """The paragraphs printed wholly in bold under the ``### …联播快讯`` headings of a Markdown day."""
    sections = re.split(r"^### ", path.read_text(encoding="utf-8"), flags=re.M)
    bundles = "".join(s for s in sections if s.split("\n", 1)[0].strip().endswith("联播快讯"))
    bold = re.findall(r"<p><strong>((?:[^<]|</strong><strong>)*)</strong>(?:<br>)?</p>", bundles)
    return [b.replace("</strong><strong>", "").replace("&nbsp;", " ").strip() for b in bold]


def test_xwlb_the_same_story_in_both_exports_counts_once(xwlb_june_both):
    kept, repeats = count_repeats_once(xwlb_june_both)
    assert repeats >= 300
    articles = kept.articles
    md = articles["source"].str.contains("xwlb-cctv-md")
    key = articles["edition_date"].astype(str) + "|" + articles["title"]
    twins = articles[md & key.isin(set(key[~md]))]  # a Markdown story kept beside its JSON twin
    json_text = dict(zip(key[~md], articles.loc[~md, "text"], strict=True))
    for row_key, text in zip(key[twins.index], twins["text"], strict=True):  # only a real edit keeps both
        assert re.sub(r"\s+", "", text) != re.sub(r"\s+", "", json_text[row_key])
    assert len(twins) <= 10
