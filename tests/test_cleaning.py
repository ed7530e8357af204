"""Cleaning a record's text: links, URLs, leads, credits, breadcrumbs and metadata go; content stays."""

import pytest

from analysis.loading.cleaning import clean_record_text
from analysis.loading.paragraphs import Line, join_paragraphs

BODY = "全市召开乡村振兴工作推进会，部署高标准农田建设。"


def test_navigation_links_are_dropped_and_content_links_keep_their_text():
    text = f"{BODY}\n\n[查看原文](https://example.cn/a.shtml)\n请看[高标准农田](http://example.cn/b)建设方案。"
    cleaned = clean_record_text(text)
    assert cleaned.text == f"{BODY}\n请看高标准农田建设方案。"
    assert "查看原文" in cleaned.removed


@pytest.mark.parametrize("link", ["[阅读原文](https://a.cn/x)", "[原文链接](https://a.cn/x)",
                                  "[点击查看详情](https://a.cn/x)", "![图](https://a.cn/p.jpg)"])
def test_every_kind_of_navigation_link_and_image_is_dropped(link):
    assert clean_record_text(f"{BODY}\n{link}").text == BODY


def test_urls_never_reach_the_text():
    assert clean_record_text(f"{BODY}详见 https://www.example.cn/n/1.html 。").text == BODY + "详见 。"
    assert clean_record_text(f"{BODY}\n<https://example.cn/x>").text == BODY


def test_a_broadcasters_lead_is_removed_from_the_first_paragraph():
    for lead in ("央视网消息（新闻联播）：", "中国网络电视台消息(新闻联播)：", "央视网(新闻联播)消息："):
        assert clean_record_text(lead + BODY).text == BODY


def test_bracketed_editor_credits_are_removed_anywhere_in_a_paragraph():
    text = f"{BODY}(视频编辑：张三 文字编辑：李四)\n第二段。（责编：王五）"
    assert clean_record_text(text).text == f"{BODY}\n第二段。"


def test_a_breadcrumb_printed_one_crumb_a_line_is_removed_with_the_column_name_repeated():
    text = f"您的位置:\n首页\n>\n本地要闻\n本地要闻\n{BODY}"
    cleaned = clean_record_text(text)
    assert cleaned.text == BODY
    assert "本地要闻" in cleaned.removed


def test_metadata_whose_value_is_on_the_next_line_is_read_and_removed():
    text = f"发表时间：\n2026-02-09 09:45:30\n来源：\n某某日报客户端\n阅读量：\n分享：\n{BODY}"
    cleaned = clean_record_text(text)
    assert (cleaned.text, cleaned.outlet) == (BODY, "某某日报客户端")


def test_a_metadata_line_with_spaces_after_the_colons_is_removed_whole():
    text = f"发布时间: 2018-03-28 13:37:06 | 来源: 某某网 | 作者: 张三 | 责任编辑: 李四\n小标题一\n{BODY}"
    cleaned = clean_record_text(text)
    assert cleaned.text == f"小标题一\n{BODY}"
    assert (cleaned.outlet, cleaned.author) == ("某某网", "张三")


def test_a_date_and_time_alone_on_a_line_is_page_furniture():
    for stamp in ("2026-02-03 09:02:33", "2026年02月10日 07时41分", "2026-01-31"):
        assert clean_record_text(f"{stamp}\n{BODY}").text == BODY


def test_photo_ids_credits_and_captions_ending_in_the_photographers_credit_are_removed():
    text = (f"{BODY}\n2113590\n网络图 新华社图\n"
            "市长张三作政府工作报告。本报记者 李 四摄\n第二段。")
    assert clean_record_text(text).text == f"{BODY}\n第二段。"


def test_a_bare_photo_credit_still_gives_the_author():
    cleaned = clean_record_text(f"{BODY}\n新华社记者  白雪飞摄")
    assert (cleaned.text, cleaned.author) == (BODY, "白雪飞")


def test_the_headlines_listed_under_related_reports_are_dropped_but_subheads_stay():
    text = (f"{BODY}\n\n此前报道 ⬇ ⬇ ⬇\n\n走起!委员工作室响应倡议当好行动派\n\n"
            "明确监督清单、开展履职行动……两市推进专项监督\n\n多部门协同联动\n\n第二段。")
    assert clean_record_text(text).text == f"{BODY}\n多部门协同联动\n第二段。"


def test_the_delivery_line_of_a_report_stays_a_paragraph_of_its_own():
    text = "——2026年1月28日在某省第十四届人民代表大会第四次会议上\n省长 张三\n各位代表：\n" + BODY
    assert clean_record_text(text).text.split("\n")[:3] == [
        "——2026年1月28日在某省第十四届人民代表大会第四次会议上", "省长 张三", "各位代表："]
    lines = [Line(1, "2026年1月31日在某省第十四届人民代表大会第四次会议上", "2026年1月31日在某省第十四届人民代表大会第四次会议上"),
             Line(2, "省长 张三", "省长 张三")]
    assert len(join_paragraphs(lines)) == 2


def test_a_line_broken_mid_sentence_is_still_rejoined():
    text = "全市召开乡村振兴工作推进会，部署高标准农田建设、农村人居环境整治和\n产业发展。"
    assert clean_record_text(text).text == "全市召开乡村振兴工作推进会，部署高标准农田建设、农村人居环境整治和产业发展。"
