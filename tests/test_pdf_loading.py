"""E-paper PDFs load like typed-out pages: articles, headlines, kickers, bylines, every page accounted for."""

import datetime as dt
import json
import re

import pandas as pd
import pytest

from analysis.cli import main
from analysis.loading import LoadOptions, load_articles, load_uploads
from analysis.loading.pdf_text import read_pdf_pages
from tests.conftest import corpus_path
from tests.pdf_fixture import FixtureArticle, build_pdf, newspaper_page

MEETING = FixtureArticle(
    "省政协召开党纪学习教育专题会议",
    ("本报讯（记者张三）6月13日，省政协召开党纪学习教育专题会议，传达学习中央有关精神，研究部署下一阶段工作。",
     "会议指出，要深入推进党纪学习教育走深走实，教育引导广大委员学纪知纪明纪守纪，以实际行动推动各项工作落地见效。"),
    kicker="学纪知纪明纪守纪",
)
SURVEY = FixtureArticle(
    "酒泉市政协调研新能源产业发展",
    ("本报酒泉讯（通讯员李四）近日，酒泉市政协组织部分委员深入企业调研新能源产业发展情况。",
     "调研组一行先后来到风电装备制造企业和光伏发电项目现场，详细了解项目建设进度。"),
)
COMMENT = FixtureArticle(
    "让更多群众共享发展成果",
    ("发展为了人民，发展成果由人民共享。这篇评论没有电头，标题只能从字号看出来。", "要坚持以人民为中心的发展思想。"),
)
MASTHEAD = "甘肃政协报 2024年6月14日 星期五 第3版"


@pytest.fixture(scope="module")
def page_pdf():
    return build_pdf([newspaper_page([MEETING, SURVEY, COMMENT], masthead=MASTHEAD)])


def test_a_laid_out_page_gives_its_articles_with_headlines_kickers_bylines_and_text(page_pdf):
    result = load_uploads([("20240614-03.pdf", page_pdf)], LoadOptions(province="甘肃省"))
    articles = result.articles
    assert articles["title"].tolist() == [MEETING.title, SURVEY.title, COMMENT.title]
    assert articles["kicker"].fillna("").tolist() == [MEETING.kicker, "", ""]
    assert articles["author"].fillna("").tolist() == ["张三", "李四", ""]
    assert articles.loc[1, "text"] == SURVEY.paragraphs[0].split("）", 1)[1] + "\n" + SURVEY.paragraphs[1]
    assert articles.loc[2, "text"] == "\n".join(COMMENT.paragraphs)
    assert articles["locality"].tolist()[:2] == ["甘肃省", "酒泉市"]
    assert articles["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-06-13", "2024-06-14", "2024-06-14"]
    assert articles["page"].tolist() == ["3", "3", "3"]
    assert articles["source"].tolist() == ["20240614-03.pdf#p1L2", "20240614-03.pdf#p1L6", "20240614-03.pdf#p1L9"]


def test_the_masthead_is_reported_as_page_furniture_not_lost(page_pdf):
    report = load_uploads([("page.pdf", page_pdf)]).reports[0]
    assert (report.status, report.articles, report.records, report.encoding) == ("loaded", 3, 3, "pdf")
    assert [(p.code, p.line) for p in report.skipped] == [("page_header_line", 1)]
    assert "甘肃政协报" in report.skipped[0].message


def test_every_page_of_a_many_page_pdf_is_read_and_a_scanned_page_is_named():
    pdf = build_pdf([newspaper_page([MEETING]), [], newspaper_page([SURVEY, COMMENT])])
    result = load_uploads([("edition.pdf", pdf)], LoadOptions(edition_date=dt.date(2024, 6, 14)))
    report = result.reports[0]
    assert result.articles["page"].tolist() == ["1", "3", "3"]
    first, second, third = result.articles["source"]
    assert first == "edition.pdf#p1"
    assert re.fullmatch(r"edition\.pdf#p3L\d+", second) and re.fullmatch(r"edition\.pdf#p3L\d+", third)
    page_one_lines = 4  # kicker, title, two paragraphs
    assert page_one_lines < int(second.rsplit("L", 1)[1]) < int(third.rsplit("L", 1)[1]), (
        "line numbers run on from page to page")
    assert report.status == "partial"
    assert [(p.code, p.params["page"]) for p in report.errors] == [("pdf_page_no_text", 2)]
    assert "第 2 页" in report.errors[0].text("zh")


def test_each_page_s_masthead_gives_the_edition_date_and_its_page_number():
    pdf = build_pdf([newspaper_page([MEETING], masthead="甘肃政协报 2024年6月14日 星期五 第1版"),
                     newspaper_page([SURVEY], masthead="甘肃政协报 2024年6月14日 星期五 第4版")])
    articles = load_uploads([("download.pdf", pdf)]).articles
    assert articles["page"].tolist() == ["1", "4"]
    assert set(articles["edition_date"]) == {pd.Timestamp("2024-06-14")}
    assert articles["date"].dt.strftime("%Y-%m-%d").tolist() == ["2024-06-13", "2024-06-14"]


@pytest.mark.parametrize(("pdf", "code"), [
    (build_pdf([[], []]), "pdf_no_text"),
    (build_pdf([newspaper_page([MEETING])], encrypt=True), "pdf_locked"),
    (build_pdf([newspaper_page([MEETING])], to_unicode=False), "pdf_page_unmapped"),
    (build_pdf([newspaper_page([MEETING])])[:900], "pdf_damaged"),
])
def test_a_pdf_that_cannot_give_text_fails_with_a_reason_and_no_traceback(pdf, code):
    result = load_uploads([("bad.pdf", pdf)])
    report = result.reports[0]
    assert (report.status, len(result.articles)) == ("failed", 0)
    assert [p.code for p in report.errors] == [code]
    assert report.errors[0].text("zh") != code


@pytest.fixture(scope="module")
def four_page_pdf():
    return build_pdf([newspaper_page([article]) for article in (MEETING, SURVEY, COMMENT, MEETING)])


def test_a_pdf_cut_short_keeps_the_pages_that_arrived_and_names_the_pages_lost(four_page_pdf):
    third_page = [m.start() for m in re.finditer(rb"<< /Type /Page /Parent", four_page_pdf)][2]
    cut_short = four_page_pdf[:third_page]  # an interrupted download: pages 3 and 4 never arrived
    result = load_uploads([("download.pdf", cut_short)], LoadOptions(edition_date=dt.date(2024, 6, 14)))
    report = result.reports[0]
    assert result.articles["title"].tolist() == [MEETING.title, SURVEY.title]
    assert (report.status, report.articles) == ("partial", 2)
    assert [(p.code, p.params["pages_read"], p.params["pages"]) for p in report.errors] == [("pdf_partly_read", 2, 4)]
    assert "共 4 页，只读出了前 2 页" in report.errors[0].text("zh")


def test_a_pdf_whose_end_is_lost_after_its_last_page_loads_whole_with_a_warning(four_page_pdf):
    without_trailer = four_page_pdf[:four_page_pdf.rindex(b"xref")]
    result = load_uploads([("download.pdf", without_trailer)], LoadOptions(edition_date=dt.date(2024, 6, 14)))
    report = result.reports[0]
    assert result.articles["title"].tolist() == [MEETING.title, SURVEY.title, COMMENT.title, MEETING.title]
    assert (report.status, report.errors) == ("loaded", [])
    assert [(p.code, p.params["pages"]) for p in report.warnings] == [("pdf_recovered", 4)]


def test_reading_a_pdf_stops_at_a_page_boundary_once_its_time_is_spent_and_names_the_pages_left(four_page_pdf):
    ticks = iter(range(0, 1000, 100))  # every look at the clock finds 100 s more spent
    reading = read_pdf_pages(four_page_pdf, max_seconds=150, clock=lambda: next(ticks))
    assert [page.number for page in reading.pages] == [1, 2]
    assert reading.unread is not None
    assert (reading.unread.code, reading.unread.params["page"], reading.unread.params["pages"]) == (
        "pdf_time_limit", 3, 4)
    assert "pages 3 to 4 were not loaded" in reading.unread.message


def test_reading_a_cut_short_pdf_again_spends_the_same_time_budget_not_a_new_one(four_page_pdf):
    third_page = [m.start() for m in re.finditer(rb"<< /Type /Page /Parent", four_page_pdf)][2]
    times = iter([0.0])  # the budget starts at 0; every later look finds the first read took 1000 s

    reading = read_pdf_pages(four_page_pdf[:third_page], max_seconds=150, clock=lambda: next(times, 1000.0))
    assert [page.number for page in reading.pages] == [1]
    assert reading.unread is not None and reading.unread.code == "pdf_time_limit"


def test_the_pdf_time_limit_is_an_option_of_every_load_and_of_the_cli(tmp_path, four_page_pdf, capsys):
    result = load_uploads([("big.pdf", four_page_pdf)], LoadOptions(max_pdf_seconds=1e-9))
    assert result.articles["title"].tolist() == [MEETING.title]
    assert [p.code for p in result.reports[0].errors] == ["pdf_time_limit"]
    (tmp_path / "big.pdf").write_bytes(four_page_pdf)
    assert main(["articles", str(tmp_path / "big.pdf"), "--max-pdf-seconds", "0"]) == 2
    assert "--max-pdf-seconds" in capsys.readouterr().err
    assert main(["articles", str(tmp_path / "big.pdf"), "--max-pdf-seconds", "60"]) == 0
    read = capsys.readouterr()  # page 4 prints page 1's article again: counted once
    assert len(read.out.splitlines()) == 3 and "1 more repeated an earlier article" in read.err


@pytest.mark.parametrize("name", ["download", "misnamed.txt"])
def test_a_pdf_without_the_pdf_extension_is_known_by_its_signature_never_decoded_as_text(page_pdf, name):
    result = load_uploads([(name, page_pdf)])
    assert result.articles["title"].tolist() == [MEETING.title, SURVEY.title, COMMENT.title]
    assert result.reports[0].encoding == "pdf"


def test_the_cli_reads_pdfs_and_reports_them(tmp_path, page_pdf, capsys):
    (tmp_path / "20240614-03.pdf").write_bytes(page_pdf)
    (tmp_path / "scan.pdf").write_bytes(build_pdf([[]]))
    report_path = tmp_path / "report.json"
    assert main(["articles", str(tmp_path), "--report", str(report_path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["title"] for r in rows] == [MEETING.title, SURVEY.title, COMMENT.title]
    statuses = {r["source"].rsplit("/", 1)[1]: r["status"] for r in json.loads(report_path.read_text())}
    assert statuses == {"20240614-03.pdf": "loaded", "scan.pdf": "failed"}


def _as_fixture_articles(articles: pd.DataFrame) -> list[FixtureArticle]:
    return [
        FixtureArticle(row.title if isinstance(row.title, str) else "无题", tuple(row.text.split("\n")),
                       kicker=row.kicker if isinstance(row.kicker, str) else None)
        for row in articles.itertuples()
    ]


@pytest.mark.corpus
def test_the_seed_page_laid_out_as_a_pdf_loads_back_to_the_same_eleven_articles():
    options = LoadOptions(edition_date=dt.date(2024, 6, 14), province="甘肃省")
    seed = load_articles([corpus_path("seed-page") / "page.txt"], options).articles
    fixtures = _as_fixture_articles(seed)
    pdf = build_pdf([newspaper_page(fixtures[i:i + 3]) for i in range(0, len(fixtures), 3)])
    from_pdf = load_uploads([("page.pdf", pdf)], options).articles
    columns = ["title", "kicker", "text"]
    pd.testing.assert_frame_equal(from_pdf[columns], seed[columns])


@pytest.mark.corpus
def test_the_seed_page_drawn_row_by_row_is_put_back_in_column_order_with_a_warning():
    options = LoadOptions(edition_date=dt.date(2024, 6, 14), province="甘肃省")
    seed = load_articles([corpus_path("seed-page") / "page.txt"], options).articles
    fixtures = _as_fixture_articles(seed)
    pages = [newspaper_page(fixtures[i:i + 3], row_by_row=True) for i in range(0, len(fixtures), 3)]
    result = load_uploads([("page.pdf", build_pdf(pages))], options)
    columns = ["title", "kicker", "text"]
    pd.testing.assert_frame_equal(result.articles[columns], seed[columns])
    warnings = result.reports[0].warnings
    assert [(w.code, w.params["page"]) for w in warnings] == [("pdf_page_reordered", n) for n in range(1, 5)]
    assert "已按栏重新排序" in warnings[0].text("zh")


@pytest.mark.corpus
@pytest.mark.parametrize("corpus", ["rmrb-20220705-articles", "cppcc-local-news-pages"])
def test_real_articles_laid_out_in_columns_come_back_whole(corpus):
    source = load_articles([corpus_path(corpus)]).articles
    fixtures = _as_fixture_articles(source)
    pdf = build_pdf([newspaper_page(fixtures[i:i + 2]) for i in range(0, len(fixtures), 2)])
    result = load_uploads([("pages.pdf", pdf)])
    back = result.articles
    assert result.reports[0].status == "loaded"
    assert back["title"].tolist() == [f.title for f in fixtures]

    def squeeze(text):
        return re.sub(r"\s", "", text)

    assert back["text"].map(squeeze).tolist() == source["text"].map(squeeze).tolist()
