"""An article continued on another page (下转第2版 … 上接第1版) is one article when both pages load."""

import datetime as dt

from analysis.loading import LoadOptions, load_uploads
from tests.pdf_fixture import FixtureArticle, build_pdf, newspaper_page

OPTIONS = LoadOptions(province="甘肃省")
PAGE_ONE = (
    "甘肃政协报 2024年6月14日 星期五 第1版\n"
    "省政协召开常委会会议\n"
    "本报讯（记者张三）6月13日，省政协召开十三届常委会会议，围绕生态保护和高质量发展协商议政。\n"
    "会议指出，要坚持生态优先、绿色发展，推动黄河流域生态保护取得新成效。（下转第2版）\n"
    "酒泉市政协调研新能源产业\n"
    "本报酒泉讯 近日，酒泉市政协组织委员调研新能源产业发展情况，提出意见建议。\n"
)
PAGE_TWO = (
    "甘肃政协报 2024年6月14日 星期五 第2版\n"
    "省政协召开常委会会议\n"
    "（上接第1版）会议要求，各级政协组织要聚焦生态环境突出问题，深入调查研究，提出务实管用的建议。\n"
    "会议还审议通过了有关人事事项。\n"
    "张掖市政协开展民主监督\n"
    "本报张掖讯 近日，张掖市政协围绕河湖长制落实情况开展民主监督。\n"
)
REST = "会议要求，各级政协组织要聚焦生态环境突出问题，深入调查研究，提出务实管用的建议。\n会议还审议通过了有关人事事项。"


def load(*pages: tuple[str, str]):
    return load_uploads([(name, text.encode()) for name, text in pages], OPTIONS)


def test_the_rest_printed_on_another_page_is_joined_to_its_first_part_and_counted_once():
    result = load(("20240614-01.txt", PAGE_ONE), ("20240614-02.txt", PAGE_TWO))
    articles = result.articles
    assert articles["title"].tolist() == ["省政协召开常委会会议", "酒泉市政协调研新能源产业", "张掖市政协开展民主监督"]
    meeting = articles.iloc[0]
    assert meeting["text"].endswith("推动黄河流域生态保护取得新成效。\n" + REST)
    assert (meeting["page"], meeting["locality"], meeting["author"]) == ("1", "甘肃省", "张三")
    assert meeting["date"] == dt.datetime(2024, 6, 13)
    first_page, second_page = result.reports
    assert (first_page.articles, second_page.articles) == (2, 1)
    joined = [p for p in second_page.warnings if p.code == "continuation_joined"]
    assert [(p.line, p.params["on_page"], p.params["into"]) for p in joined] == [(2, "2", "20240614-01.txt#L2")]
    assert "已与前半部分 20240614-01.txt#L2（《省政协召开常委会会议》）合并" in joined[0].text("zh")
    # nothing lost: every article read is loaded or named in a report
    assert len(articles) + len(joined) == 4


def test_without_the_first_page_the_rest_stays_an_article_of_its_own_with_its_page_of_origin():
    articles = load(("20240614-02.txt", PAGE_TWO)).articles
    assert articles["title"].tolist() == ["省政协召开常委会会议", "张掖市政协开展民主监督"]
    assert articles["continued_from"].tolist()[0] == "1"


def test_parts_of_different_editions_or_outlets_are_never_joined():
    other_day = PAGE_TWO.replace("2024年6月14日", "2024年6月15日")
    articles = load(("20240614-01.txt", PAGE_ONE), ("20240615-02.txt", other_day)).articles
    assert len(articles) == 4


def test_where_several_parts_could_match_the_headlines_decide_and_an_unmatched_rest_is_left_alone():
    two_continued = PAGE_ONE.replace(
        "提出意见建议。\n", "提出意见建议。（下转第2版）\n")
    two_rests = PAGE_TWO + "酒泉新能源产业\n（上接第1版）调研组建议，加快风光电基地建设，完善储能配套。\n"
    articles = load(("20240614-01.txt", two_continued), ("20240614-02.txt", two_rests)).articles
    by_title = articles.set_index("title")["text"]
    assert len(articles) == 3
    assert by_title["省政协召开常委会会议"].endswith(REST)
    assert by_title["酒泉市政协调研新能源产业"].endswith("提出意见建议。\n调研组建议，加快风光电基地建设，完善储能配套。")
    # a third rest whose headline matches neither first part is not guessed into one
    stray = two_rests + "政协委员风采\n（上接第1版）他长期扎根基层，为群众办实事。\n"
    articles = load(("20240614-01.txt", two_continued), ("20240614-02.txt", stray)).articles
    assert "政协委员风采" in articles["title"].tolist() and len(articles) == 4


def test_an_article_over_three_pages_of_one_pdf_is_read_whole_in_page_order():
    first = FixtureArticle("全省政协系统推进协商民主建设", ("本报讯 6月13日，全省政协系统协商民主建设推进会召开。（下转第2版）",))
    middle = FixtureArticle("全省政协系统推进协商民主建设", ("（上接第1版）会议交流了各地经验做法。（下转第3版）",))
    last = FixtureArticle("推进协商民主建设", ("（上接第2版）会议对下一步工作作出部署。",))
    pdf = build_pdf([newspaper_page([first]), newspaper_page([middle]), newspaper_page([last])])
    result = load_uploads([("20240614.pdf", pdf)], OPTIONS)
    assert result.articles["text"].tolist() == [
        "6月13日，全省政协系统协商民主建设推进会召开。\n会议交流了各地经验做法。\n会议对下一步工作作出部署。"]
    assert result.reports[0].articles == 1
    joined = [p.params["on_page"] for p in result.reports[0].warnings if p.code == "continuation_joined"]
    assert joined == ["2", "3"]
