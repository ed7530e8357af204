"""Splitting a printed page into articles: headlines, kickers, bylines, repairs."""

from pathlib import Path

import pytest

from analysis.loading.layout import names_from_byline, parse_continuation, parse_dateline
from analysis.loading.page import split_page
from tests.conftest import FIXTURES, corpus_path


@pytest.fixture(scope="module")
def sample_text():
    return (FIXTURES / "page_sample.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample(sample_text):
    return split_page(sample_text)


def test_a_headline_is_known_by_the_dateline_continuation_or_photo_credit_after_it(sample):
    assert [a.title for a in sample.articles] == [
        "白银市政协开展黄河保护专题视察",
        "举办委员履职能力提升培训班",
        "山丹县政协机关开展义务植树活动",
        "委员工作室架起连心桥",
    ]


def test_the_line_above_a_headline_is_its_kicker(sample):
    assert [a.kicker for a in sample.articles] == [None, "会宁县政协", None, None]


@pytest.mark.parametrize("header", ["甘肃政协报  2024年5月22日  星期三  第3版", "2024年5月22日", "第3版 要闻"])
def test_the_page_header_above_the_first_headline_is_not_its_kicker_and_is_kept_apart(sample_text, header):
    split = split_page(header + "\n" + sample_text)
    assert split.articles[0].kicker is None
    assert split.header == [header]
    assert [(p.code, p.line) for p in split.skipped][:1] == [("page_header_line", 1)]


def test_a_closing_continuation_mark_is_taken_out_of_the_text_and_says_where_the_article_goes_on():
    page = ("市政协召开常委会议\n本报讯 6月13日，市政协召开常委会议，研究部署工作。会议强调要优化营商环境。（下转第2版）\n"
            "县政协调研营商环境\n本报讯 近日，县政协组织委员调研营商环境，提出意见建议。\n（转A3版）\n")
    split = split_page(page)
    assert [a.text for a in split.articles] == [
        "6月13日，市政协召开常委会议，研究部署工作。会议强调要优化营商环境。",
        "近日，县政协组织委员调研营商环境，提出意见建议。",
    ]
    assert [(p.code, p.line, p.params["to_page"]) for p in split.skipped] == [
        ("continued_on_page", 2, "2"), ("continued_on_page", 5, "A3")]
    assert "转至第 2 版" in split.skipped[0].text("zh")


def test_bylines_and_photo_credits_become_authors(sample):
    assert [a.author for a in sample.articles] == ["周小明", "刘明、王芳", "李华", None]


def test_datelines_and_continuation_marks_are_kept_apart_from_the_text(sample):
    baiyin, huining, shandan, studio = sample.articles
    assert (baiyin.dateline_place, huining.dateline_place) == ("白银", "会宁")
    assert studio.continued_from == "1"
    assert baiyin.paragraphs[0].startswith("5月20日,白银市政协")
    assert "本报" not in baiyin.text and "摄影报道" not in shandan.text


def test_paragraphs_broken_by_the_layout_are_rejoined(sample):
    assert (
        sample.articles[0]
        .paragraphs[0]
        .endswith("沿河湿地修复和污水处理厂提标改造项目。委员们认为,要坚持生态优先、绿色发展。")
    )
    assert len(sample.articles[0].paragraphs) == 2


def test_subheads_stay_inside_their_article(sample):
    assert sample.articles[1].paragraphs[1] == "提高站位,把握方向"
    assert sample.articles[1].paragraphs[2].startswith("培训围绕")


def test_a_paragraph_printed_again_is_kept_once_and_reported(sample):
    studio = sample.articles[3]
    assert len(studio.paragraphs) == 2
    assert [p.line for p in sample.skipped] == [34]
    assert "repeats the paragraph on line 32" in sample.skipped[0].message


def test_every_line_is_in_an_article_or_reported(sample):
    text = (FIXTURES / "page_sample.txt").read_text(encoding="utf-8")
    kept = "".join(a.text + (a.title or "") + (a.kicker or "") for a in sample.articles)
    reported = {p.line for p in sample.skipped}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or number in reported or line.startswith(("本报", "(接")) or "摄影报道" in line:
            continue
        assert line.replace(" ", "") in kept.replace(" ", ""), f"line {number} lost: {line}"


def test_a_single_article_file_has_its_title_and_body():
    split = split_page(
        "\n湖州打造生态样板\n\n\u3000\u3000近年来,当地持续推进河湖治理。\n\u3000\u3000张三摄(影像中国)\n"
    )
    (article,) = split.articles
    assert (article.title, article.text, article.author) == (
        "湖州打造生态样板",
        "近年来,当地持续推进河湖治理。",
        "张三",
    )


def test_a_page_s_articles_keep_who_filed_their_datelines():
    split = split_page(
        "两国合作项目签约\n新华社万象7月4日电 两国有关部门签署合作文件，双方将深化务实合作。\n"
        "社区议事会开到家门口\n（接一版）本报万象讯 街道组织居民代表召开议事会，协商解决停车难问题。\n"
    )
    assert [(a.dateline_agency, a.dateline_place) for a in split.articles] == [("新华社", "万象"), ("本报", "万象")]
    assert split.articles[1].continued_from == "1"


def test_scraps_and_editor_lines_are_reported_not_loaded():
    split = split_page("\n广告\n\n")
    assert split.articles == []
    assert split.skipped[0].message.startswith("too little text")
    split = split_page("本版责编:王五 赵六\n")
    assert split.articles == [] and "editor" in split.skipped[0].message


@pytest.mark.parametrize(
    ("line", "agency", "place", "authors", "rest"),
    [
        ("本报嘉峪关讯(通讯员苏天泰)6月13日,会议召开", "本报", "嘉峪关", "苏天泰", "6月13日,会议召开"),
        ("本报北京7月4日电  （记者李晓晴）记者获悉", "本报", "北京", "李晓晴", "记者获悉"),
        ("本报讯(记者王 钊)1月7日", "本报", None, "王钊", "1月7日"),
        ("新华社北京7月4日电  7月4日,国家主席", "新华社", "北京", None, "7月4日,国家主席"),
        ("中新社万象电 老挝", "中新社", "万象", None, "老挝"),
    ],
)
def test_datelines(line, agency, place, authors, rest):
    dateline = parse_dateline(line)
    assert (dateline.agency, dateline.place, dateline.authors, dateline.rest) == (agency, place, authors, rest)


def test_continuation_marks_and_names():
    assert [parse_continuation(s) for s in ["(接一版)", "（上接第十二版）", "紧接01版 正文", "接受采访"]] == [
        "1",
        "12",
        "1",
        None,
    ]
    assert names_from_byline("卓  敏  曹高林") == "卓敏、曹高林"


def test_the_seed_page_gives_its_eleven_articles():
    page = corpus_path("seed-page") / "page.txt"
    split = split_page(page.read_text(encoding="utf-8"))
    titles = [a.title for a in split.articles]
    assert len(titles) == 11
    assert titles[0] == "嘉峪关市政协围绕巩固园林城市成果专题协商建言"
    assert titles[5] == "全委设立功能型党支部 推进党建工作有效覆盖"
    assert split.articles[5].kicker == "肃南县政协"
    assert titles[6] == "肃北县政协机关党支部开展主题党日活动"
    assert split.articles[6].author == "苏媛媛"
    assert [a.continued_from for a in split.articles].count("1") == 4
    assert [a.author for a in split.articles[:5]] == ["苏天泰", "茹建荣", "张强", "包伟斌", "向军"]
    first = split.articles[0].text
    assert "7名政协常委、委员" in first and "为着力打造“六个典范”注入" in first
    assert "加强交流沟通,多种措施解难题" in split.articles[8].paragraphs
    assert len(split.skipped) == 3 and all("repeats" in p.message for p in split.skipped)
    repeated = split.articles[7].paragraphs[-1]
    assert sum(repeated in a.text for a in split.articles) == 1


def test_path_helper_exists():
    assert isinstance(FIXTURES, Path)


def test_lines_rejoin_without_a_space_in_chinese_and_numbers_but_with_one_between_latin_words():
    from analysis.loading.paragraphs import glue

    assert "7名政协" + glue("7名政协", "常委") == "7名政协常委"
    assert "增长1." + glue("增长1.", "5%") == "增长1.5%"
    assert "参加APEC" + glue("参加APEC", "会议") == "参加APEC会议"
    assert "saves a PNG" + glue("saves a PNG", "of every tab") == "saves a PNG of every tab"
    assert "as it said," + glue("as it said,", "the plan") == "as it said, the plan"
    assert "详见www.gszx" + glue("详见www.gszx", "ww.gov.cn") == "详见www.gszxww.gov.cn"


@pytest.mark.parametrize(
    ("kicker", "title"),
    [
        ("临泽县：", "党建引领绘就乡村振兴新图景"),
        ("县政协委员、种粮大户王建国——", "“种好粮，就是我的本分”（委员风采）"),
    ],
)
def test_a_kicker_leading_into_the_title_with_a_colon_or_a_dash_is_the_kicker(kicker, title):
    body = "　　今年以来，临泽县坚持党建引领，推动产业发展，群众收入稳步增长。\n　　委员们表示，将继续履职尽责。"
    (article,) = split_page(f"{kicker}\n{title}\n\n{body}\n").articles
    assert (article.kicker, article.title) == (kicker, title)
    assert article.paragraphs[0].startswith("今年以来")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # the column tag marks the main title: the line below it is its subtitle …
        ("全省新建高标准农田三百万亩（新数据 新看点）", "已完成投资较去年同期增加二十亿元",
         (None, "全省新建高标准农田三百万亩（新数据 新看点）", "已完成投资较去年同期增加二十亿元")),
        # … and the line above it, even with a comma in the title, its kicker
        ("借助数字技术实现古村落修复", "一砖一瓦，重现百年古村（解码·文化遗产）",
         ("借助数字技术实现古村落修复", "一砖一瓦，重现百年古村（解码·文化遗产）", None)),
    ],
)
def test_the_headline_line_ending_in_a_column_tag_is_the_title(first, second, expected):
    body = "　　今年以来，各地加大投入，项目建设稳步推进，群众获得感持续增强。"
    (article,) = split_page(f"{first}\n{second}\n\n{body}\n").articles
    kicker, title, subtitle = expected
    assert (article.kicker, article.title) == (kicker, title)
    assert article.paragraphs[0] == (subtitle or "今年以来，各地加大投入，项目建设稳步推进，群众获得感持续增强。")


def test_a_line_ending_in_a_colon_inside_an_article_stays_body_text():
    page = "县政协召开常委会议\n\n　　本报讯 近日，县政协召开常委会议。\n会议强调：\n　　要提高政治站位，扎实做好各项工作。\n"
    (article,) = split_page(page).articles
    assert article.title == "县政协召开常委会议" and "会议强调：" in article.text


RUN_ON_ARTICLES = [
    ("市政协开展黄河保护专题视察", "本报白银讯(通讯员周小明)",
     "5月20日，市政协组织委员开展专题视察。据新华社北京5月19日电，全国政协也作了部署。委员们认为，要坚持生态优先。"),
    ("县政协 举办委员履职培训班", "本报会宁讯", "近日，县政协举办委员履职能力提升培训班，全体委员参加培训。"),
    ("全国政协召开双周协商座谈会", "新华社北京5月21日电", "全国政协21日召开双周协商座谈会。（新华社北京5月21日电）"),
]


@pytest.mark.parametrize("joiner", ["", " ", "\u3000"])
def test_a_page_pasted_on_one_line_is_cut_at_its_datelines_and_the_cut_is_reported(joiner):
    text = "甘肃日报 2024年5月22日 第3版 " + joiner.join(f"{t}{joiner}{d}{body}" for t, d, body in RUN_ON_ARTICLES)
    split = split_page(text)
    assert [(a.kicker, a.title, a.text) for a in split.articles] == [
        (None, "市政协开展黄河保护专题视察", RUN_ON_ARTICLES[0][2]),
        ("县政协", "举办委员履职培训班", RUN_ON_ARTICLES[1][2]),
        (None, "全国政协召开双周协商座谈会", RUN_ON_ARTICLES[2][2]),
    ]  # 据新华社…电 and （新华社…电） inside sentences are no datelines to cut at
    assert [a.dateline_place for a in split.articles] == ["白银", "会宁", "北京"]
    assert split.header == ["甘肃日报", "2024年5月22日", "第3版"]
    assert [(p.line, p.code, p.params["n_datelines"]) for p in split.warnings] == [(1, "page_without_line_breaks", 3)]
    assert [a.first_line for a in split.articles] == [1, 1, 1]
    assert [a.first_column for a in split.articles] == sorted({a.first_column for a in split.articles})  # distinct


@pytest.mark.parametrize("indent", ["", "  ", "\u3000\u3000"])
def test_an_indented_run_on_line_keeps_its_first_headline_and_each_column_points_at_its_article(indent):
    line = indent + "".join(f"{t}{d}{body}" for t, d, body in RUN_ON_ARTICLES)
    split = split_page(line)
    assert [a.title for a in split.articles] == [
        "市政协开展黄河保护专题视察", "举办委员履职培训班", "全国政协召开双周协商座谈会"]
    assert split.skipped == []  # the first headline is no page header
    starts = [line[a.first_column - 1:] for a in split.articles]
    assert [start.startswith(t) for start, (t, _, _) in zip(starts, RUN_ON_ARTICLES, strict=True)] == [
        True, True, True]


@pytest.mark.parametrize("sentence", ["本报记者近日电话采访了有关负责人。", "新华社记者当天电告了这一消息。",
                                      "本报通讯员日前电话连线了驻村干部。", "本报近日收到讯息称，工作进展顺利。"])
def test_a_sentence_naming_a_reporter_and_a_phone_call_is_no_dateline_to_cut_at(sentence):
    body = f"5月21日，县政协召开常委会议，研究部署下一阶段工作。{sentence}他表示，将认真落实会议精神。"
    split = split_page(f"县政协召开常委会议\n本报讯（记者 张明）{body}\n")
    assert [(a.title, a.text) for a in split.articles] == [("县政协召开常委会议", body)]
    assert split.warnings == []


@pytest.mark.parametrize("sentence", ["本报记者近日电话采访了有关负责人。", "本报记者从省电力公司获悉，供电正常。",
                                      "本报记者致电县农业农村局核实。"])
def test_a_paragraph_opening_with_a_reporter_s_words_is_no_dateline(sentence):
    first = "5月21日，县政协召开常委会议，研究部署下一阶段工作。"
    split = split_page(f"县政协召开常委会议\n本报讯（记者 张明）{first}\n　　{sentence}\n")
    assert [(a.title, a.text) for a in split.articles] == [("县政协召开常委会议", f"{first}\n{sentence}")]


def test_a_page_whose_lines_are_each_a_few_articles_long_is_cut_line_by_line():
    first, second, third = (f"{t}{d}{body}" for t, d, body in RUN_ON_ARTICLES)
    split = split_page(f"{first}{second}\n{third}")
    assert [(a.title, a.first_line) for a in split.articles] == [
        ("市政协开展黄河保护专题视察", 1), ("举办委员履职培训班", 1), ("全国政协召开双周协商座谈会", 2)]
    assert [(p.line, p.params["n_datelines"]) for p in split.warnings] == [(1, 2), (2, 1)]


def test_an_ordinary_page_gets_no_run_on_warning(sample):
    assert sample.warnings == []


def test_a_very_long_line_with_no_dateline_to_cut_at_is_reported_not_silently_one_article():
    text = "市政协召开常委会会议，围绕强工业行动协商建言。" * 200
    split = split_page(text)
    assert len(split.articles) == 1
    assert [(p.line, p.code, p.params) for p in split.warnings] == [(1, "long_line_not_split", {"n_chars": len(text)})]
    assert "could not be separated" in split.warnings[0].message
