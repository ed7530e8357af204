"""The govthemes command line: articles, keywords and themes, reports, and clear errors."""

import json

import pytest

from analysis.cli import main
from tests.conftest import FIXTURES

PAGE = str(FIXTURES / "page_sample.txt")


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_articles_writes_one_json_object_per_article_with_the_contract_columns(capsys, tmp_path):
    report = tmp_path / "report.json"
    status, out, err = run(capsys, "articles", PAGE, "--edition-date", "2024-05-22", "--province", "甘肃省",
                           "--report", str(report))
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and len(rows) == 4
    first = rows[0]
    assert first["date"] == "2024-05-20" and first["edition_date"] == "2024-05-22"
    assert first["kicker"] is None and first["prefecture"] == "白银市" and first["adcode"] == "620400"
    assert isinstance(first["themes"], list) and "ecology" in first["themes"]
    assert rows[1]["county"] == "会宁县"
    (entry,) = json.loads(report.read_text(encoding="utf-8"))
    assert {k: entry[k] for k in ("status", "articles")} == {"status": "loaded", "articles": 4}
    assert set(entry) >= {"source", "status", "articles", "errors"}
    assert "articles: 4; files: 1 (1 loaded" in err


def test_missing_files_are_reported_not_a_traceback(capsys, tmp_path):
    report = tmp_path / "r.json"
    status, out, err = run(capsys, "articles", str(tmp_path / "nope.txt"), "--report", str(report))
    assert status == 2 and out == "" and "no articles were loaded" in err
    (entry,) = json.loads(report.read_text(encoding="utf-8"))
    assert entry["status"] == "failed" and entry["errors"][0]["message"] == "no such file or folder: check the spelling of the path"


def test_the_report_gives_each_reason_a_code_and_a_chinese_message(capsys, tmp_path):
    page = tmp_path / "news.jsonl"
    page.write_text('{"title": "甲", "text": "委员们开展调研，提出意见建议。"}\n{not json\n', encoding="utf-8")
    report = tmp_path / "r.json"
    status, _, err = run(capsys, "articles", str(page), "--report", str(report))
    (entry,) = json.loads(report.read_text(encoding="utf-8"))
    (error,) = entry["errors"]
    assert status == 0 and entry["status"] == "partial"
    assert error["line"] == 2 and error["code"] == "invalid_json_line"
    assert error["message"] == "not valid JSON (Expecting property name enclosed in double quotes at column 2)"
    assert error["message_zh"].startswith("不是有效的 JSON（第 2 列：字段名应当用英文双引号括起来）")
    assert f"{page}:2: not valid JSON" in err
    (warning,) = entry["warnings"]
    assert set(warning) == {"line", "code", "message", "message_zh"} and warning["code"] == "no_date"


def test_columns_the_tables_do_not_have_are_said_once_on_stderr_not_only_in_the_report(capsys, tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.csv").write_text(f"title,body\n标题{name},委员们开展调研。\n", encoding="utf-8")
    status, out, err = run(capsys, "articles", str(tmp_path), "--columns", "body=text,headline=title")
    assert status == 0 and len(out.splitlines()) == 2
    assert err.count("--columns names 'headline', which 2 table file(s) do not have") == 1


def test_a_table_whose_text_column_is_empty_everywhere_says_which_column_holds_text(capsys, tmp_path):
    table = tmp_path / "export.csv"
    table.write_text("标题,正文,摘要\n甲,,委员们围绕乡村振兴开展专题调研，提出意见建议。\n乙,,县政协召开常委会会议，协商建言。\n",
                     encoding="utf-8")
    status, out, err = run(capsys, "articles", str(table), "--report", str(tmp_path / "r.json"))
    assert (status, out) == (2, "")
    assert "the text column '正文' is empty in every record, while the column '摘要' holds text" in err
    assert "rename '正文' and name '摘要' 正文 (or, on the command line, map it with --columns '摘要=text')" in err
    (report,) = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert (report["records"], [e["code"] for e in report["errors"]]) == (2, ["empty_text_cell", "empty_text_cell"])
    status, out, _ = run(capsys, "articles", str(table), "--columns", "摘要=text")
    assert (status, len(out.splitlines())) == (0, 2)


def test_a_workbook_counts_once_among_the_files_that_lack_a_mapped_column(capsys, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["title", "body"])
    book.active.append(["甲", "委员们开展调研。"])
    june = book.create_sheet("6月")
    june.append(["title", "body"])
    june.append(["乙", "委员们提出建议。"])
    book.save(tmp_path / "book.xlsx")
    status, out, err = run(capsys, "articles", str(tmp_path / "book.xlsx"), "--columns", "body=text,headline=title")
    assert status == 0 and len(out.splitlines()) == 2
    assert "--columns names 'headline', which 1 table file(s) do not have" in err


def test_lang_zh_words_the_summary_and_the_reasons_on_stderr_in_chinese(capsys, tmp_path):
    page = tmp_path / "news.jsonl"
    page.write_text('{"title": "甲", "text": "委员们开展调研，提出意见建议。"}\n{not json\n', encoding="utf-8")
    status, _, err = run(capsys, "articles", str(page), "--lang", "zh")
    assert status == 0
    assert "共 1 个文件，载入 1 篇文章（已载入 0 个，部分载入 1 个，未载入 0 个）" in err
    assert f"部分载入：{page}:2：不是有效的 JSON（第 2 列：字段名应当用英文双引号括起来）" in err


def test_chinese_can_be_the_default_through_the_environment(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GOVTHEMES_LANG", "zh")
    status, out, err = run(capsys, "articles", str(tmp_path / "nope.txt"))
    assert status == 2 and out == ""
    assert "未载入：" in err and "找不到这个文件或文件夹" in err
    assert "1 个输入都没有载入任何文章：原因见上方" in err and "no articles" not in err
    status, _, err = run(capsys, "articles", str(tmp_path / "nope.txt"), "--lang", "en")
    assert status == 2 and "no articles were loaded from 1 input(s)" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["articles", PAGE, "--columns", "a=b"], "unknown field 'b'"),
        (["articles", PAGE, "--columns", '{"a": ["text"]}'], "unknown field '['text']'"),
        (["articles", PAGE, "--columns", "标题=text,正文=text"], "maps both '标题' and '正文' to text"),
        (["articles"], "give at least one PATH"),
        (["keywords", PAGE, "--top", "0"], "--top must be"),
    ],
)
def test_user_mistakes_get_one_line_and_status_2(capsys, argv, message):
    status, _, err = run(capsys, *argv)
    assert status == 2 and message in err and "Traceback" not in err


def test_bad_dates_are_refused_in_one_line_pointing_to_the_command_s_help(capsys):
    status, _, err = run(capsys, "articles", PAGE, "--edition-date", "14/06/2024")
    assert status == 2
    assert err.splitlines() == ["govthemes: error: argument --edition-date: '14/06/2024' is not a date like "
                                "2024-06-14 (options: govthemes articles --help)"]


@pytest.mark.parametrize("value", ["1850-01-01", "2999-01-01", "1900-01-01"])
def test_an_edition_date_no_news_can_have_is_refused_naming_the_option_and_the_range(capsys, value):
    import datetime as dt

    status, out, err = run(capsys, "articles", PAGE, "--edition-date", value)
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert (status, out) == (2, "")
    assert err.splitlines() == [f"govthemes: error: argument --edition-date: '{value}' is no date a news item can "
                                f"have: give a date from 1949-10-01 to {tomorrow} (tomorrow) "
                                "(options: govthemes articles --help)"]


def test_an_edition_date_written_like_a_date_but_naming_no_day_is_refused_as_such(capsys):
    status, _, err = run(capsys, "themes", PAGE, "--edition-date", "2024-02-30", "--lang", "zh")
    assert status == 2 and "Traceback" not in err and len(err.splitlines()) == 1
    assert "参数 --edition-date 的取值 '2024-02-30' 写法像日期，但日历上没有这一天" in err


def test_the_first_and_last_plausible_edition_dates_are_accepted(capsys):
    import datetime as dt

    for value in ("1949-10-01", (dt.date.today() + dt.timedelta(days=1)).isoformat()):
        status, out, _ = run(capsys, "articles", PAGE, "--edition-date", value)
        assert status == 0 and json.loads(out.splitlines()[0])["edition_date"] == value


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["articles", PAGE, "--edition-date", "14/06/2024"], "参数 --edition-date 的取值 '14/06/2024' 不是日期"),
        (["articles", PAGE, "--format", "xml"], "参数 --format 的取值 'xml' 无效，可选：'jsonl', 'csv'"),
        (["keywords", PAGE, "--top", "many"], "参数 --top 的取值 'many' 无效：应为整数"),
        (["articles", PAGE, "--bogus"], "无法识别的参数：--bogus"),
        (["articles", PAGE, "--province"], "参数 --province 后面缺少取值"),
        (["nosuch"], "参数 命令 的取值 'nosuch' 无效"),
        (["articles"], "请至少给出一个 PATH"),
        (["keywords", PAGE, "--top", "0"], "--top 必须是正整数（1 或更大），现在是 0"),
        (["articles", PAGE, "--max-pdf-seconds", "-1"], "--max-pdf-seconds 必须是正数"),
        (["articles", PAGE, "--columns", "a=b"], "--columns 把“a”对应到未知字段“b”"),
        (["articles", PAGE, "--columns", "标题"], "应写成“列名=字段”"),
        (["articles", PAGE, "--columns", "标题=text,正文=text"], "--columns 把“标题”和“正文”都对应到了 text"),
        (["ingest", PAGE], "请用 --store DIR 指定库所在的文件夹"),
    ],
)
def test_command_line_mistakes_read_in_chinese_when_chinese_is_asked_for(capsys, monkeypatch, argv, message):
    monkeypatch.setenv("GOVTHEMES_LANG", "zh")
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.splitlines()[-1].startswith("govthemes：错误：") and message in err.splitlines()[-1]
    assert "Traceback" not in err


def test_lang_zh_on_the_command_line_is_heard_even_when_argparse_refuses_the_rest(capsys, monkeypatch):
    monkeypatch.delenv("GOVTHEMES_LANG", raising=False)
    for argv in (["articles", PAGE, "--lang", "zh", "--bogus"], ["articles", PAGE, "--lang=zh", "--bogus"]):
        status, _, err = run(capsys, *argv)
        assert status == 2 and err.splitlines() == ["govthemes：错误：无法识别的参数：--bogus（可用的选项见 govthemes articles --help）"]
    status, _, err = run(capsys, "articles", PAGE, "--bogus")
    assert err.splitlines() == ["govthemes: error: unrecognized arguments: --bogus (options: govthemes articles --help)"]


def help_of(capsys, *argv):
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    assert exited.value.code == 0
    return capsys.readouterr().out


def test_help_reads_in_chinese_when_asked_and_in_english_by_default(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("GOVTHEMES_LANG", raising=False)
    english = help_of(capsys, "keywords", "--help")
    assert english.startswith("usage: govthemes keywords") and "top N terms per group (default 50)" in english
    assert "show this help message and exit" in english
    chinese = help_of(capsys, "keywords", "--help", "--lang", "zh")
    assert chinese.startswith("用法：govthemes keywords") and "\n选项:\n" in chinese
    assert "每组取前 N 个词（默认 50）" in chinese and "显示本帮助并退出" in chinese
    assert "读取一个 PDF 超过此秒数即停止" in chinese and "120）" in chinese
    monkeypatch.setenv("GOVTHEMES_LANG", "zh")
    overview = help_of(capsys, "--help")
    assert "中国地方政治新闻中的治理主题分析" in overview and "把文章加入数据库，只分析新文章" in overview


def test_the_help_states_the_defaults_the_code_uses(capsys, monkeypatch):
    from analysis.loading.options import DEFAULT_MAX_PDF_SECONDS
    from analysis.store.ingest import BATCH_SIZE

    monkeypatch.setenv("COLUMNS", "200")
    ingest = help_of(capsys, "ingest", "--help", "--lang", "en")
    assert f"articles per transaction (default {BATCH_SIZE})" in ingest
    assert f"the pages left (default {DEFAULT_MAX_PDF_SECONDS:g})" in ingest
    assert f"（默认 {BATCH_SIZE}）" in help_of(capsys, "ingest", "--help", "--lang", "zh")


def test_chinese_help_fits_the_terminal_counting_two_columns_a_character(capsys, monkeypatch):
    from analysis.line_breaks import terminal_columns as _columns

    monkeypatch.setenv("COLUMNS", "80")
    for command in ("articles", "keywords", "themes", "ingest", "resegment", "store-info", "kwic", "slogans",
                    "keyness", "cooccurrence"):
        text = help_of(capsys, command, "-h", "--lang", "zh")
        for line in text.splitlines():
            if not line.lstrip().startswith(("[", "--by {", "用法")):  # argparse's own option lists
                assert sum(map(_columns, line)) <= 80, line


def test_wrapping_breaks_between_chinese_characters_but_not_before_punctuation():
    from analysis.cli_parser import wrap_by_columns

    assert wrap_by_columns("一二三四五六", 6) == ["一二三", "四五六"]
    assert wrap_by_columns("一二三，四五", 6) == ["一二", "三，四", "五"]
    assert wrap_by_columns("默认 en；设置", 8) == ["默认", "en；设置"]
    assert wrap_by_columns("plain words only", 10) == ["plain", "words only"]


def test_a_province_that_is_not_one_is_refused_before_any_file_is_read(capsys, monkeypatch):
    monkeypatch.setattr("analysis.cli.load_articles", lambda *a, **k: pytest.fail("files were read"))
    status, out, err = run(capsys, "articles", PAGE, "--province", "纽约", "--lang", "zh")
    assert (status, out) == (2, "")
    assert err.splitlines() == ["govthemes：错误：“纽约”不是中国的省级行政区：请填写省份名称（如 甘肃省 或 甘肃）或其代码（如 620000）"]


def test_store_info_on_a_folder_that_is_no_store_says_so_in_one_line(capsys, tmp_path):
    status, out, err = run(capsys, "store-info", "--store", str(tmp_path / "nostore"), "--lang", "en")
    assert (status, out) == (2, "")
    assert err.splitlines() == [f"govthemes: error: {tmp_path / 'nostore'} is not a store (no store.duckdb); "
                                "create it with govthemes ingest"]


@pytest.mark.parametrize("command", ["articles", "keywords", "themes"])
def test_analysis_commands_on_a_folder_that_is_no_store_say_so_in_one_line(capsys, tmp_path, command):
    status, out, err = run(capsys, command, "--store", str(tmp_path / "nostore"), "--lang", "zh")
    assert (status, out) == (2, "")
    assert err.splitlines() == [f"govthemes：错误：{tmp_path / 'nostore'} 不是已建好的库（里面没有 store.duckdb）："
                                "请先用 govthemes ingest 建库"]


def test_a_reader_that_goes_away_early_ends_the_command_quietly(capsys, monkeypatch):
    import analysis.cli as cli

    def closed_pipe(args):
        raise BrokenPipeError(32, "Broken pipe")

    cli._register_commands()
    name, (help_code, add_options, _) = "articles", cli.COMMANDS["articles"]
    monkeypatch.setitem(cli.COMMANDS, name, (help_code, add_options, closed_pipe))
    status, _, err = run(capsys, "articles", PAGE)
    assert status == 1 and err == ""


def test_keywords_by_a_level_says_how_many_articles_fall_in_no_group(capsys):
    status, out, err = run(capsys, "keywords", PAGE, "--province", "甘肃省", "--by", "county", "--top", "1",
                           "--lang", "en")
    groups = {json.loads(line)["group"] for line in out.splitlines()}
    assert status == 0 and None not in groups
    assert "2 of 4 articles name no place at county level and are in no group's counts" in err
    status, _, err = run(capsys, "keywords", PAGE, "--by", "month", "--lang", "zh")
    assert "4 篇文章中有 4 篇没有日期，不计入任何月份" in err
    status, _, err = run(capsys, "keywords", PAGE, "--by", "month", "--edition-date", "2024-05-22")
    assert "no date" not in err


def test_an_article_read_twice_counts_once_as_in_a_store_and_the_report_names_the_repeat(capsys, tmp_path):
    page = (FIXTURES / "page_sample.txt").read_text(encoding="utf-8")
    (tmp_path / "2024-05-22_a.txt").write_text(page, encoding="utf-8")
    (tmp_path / "2024-05-22_b.txt").write_bytes((page + "\n").encode("gb18030"))  # other bytes, same articles
    report = tmp_path / "r.json"
    status, out, err = run(capsys, "articles", str(tmp_path / "2024-05-22_a.txt"), str(tmp_path / "2024-05-22_b.txt"),
                           "--report", str(report), "--lang", "en")
    assert status == 0 and len(out.splitlines()) == 4
    assert "4 more repeated an earlier article" in err
    first, second = json.loads(report.read_text(encoding="utf-8"))
    assert (first["articles"], second["articles"]) == (4, 0)
    assert [w["code"] for w in second["warnings"]] == ["repeat_article"] * 4
    assert str(tmp_path / "2024-05-22_a.txt#L") in second["warnings"][0]["message"]
    store = str(tmp_path / "store")
    run(capsys, "ingest", str(tmp_path), "--store", store, "--workers", "1")
    _, from_files, _ = run(capsys, "themes", str(tmp_path))
    _, from_store, _ = run(capsys, "themes", "--store", store)
    assert from_files == from_store


def test_keywords_leave_place_and_person_names_out_unless_asked_to_keep_them(capsys, tmp_path):
    texts = ["兰州市政协主席龚怀宝主持会议，兰州各界委员围绕节水型社会建设建言。",
             "龚怀宝强调，兰州要推进节水型社会建设，加强黄河流域生态保护。"]
    table = tmp_path / "news.csv"
    table.write_text("标题,日期,正文\n" + "".join(f"会议{i},2024-05-0{i + 1},{text}\n" for i, text in enumerate(texts)),
                     encoding="utf-8")
    status, out, err = run(capsys, "keywords", str(table), "--format", "csv")
    terms = [line.split(",")[1] for line in out.splitlines()[1:]]
    assert status == 0 and "节水型社会" in terms
    assert not {"兰州", "兰州市", "龚怀宝"} & set(terms)
    assert "place and person names left out" in err and "龚怀宝" in err and "--names keep" in err
    status, out, err = run(capsys, "keywords", str(table), "--format", "csv", "--names", "keep")
    terms = [line.split(",")[1] for line in out.splitlines()[1:]]
    assert status == 0 and {"兰州", "龚怀宝"} <= set(terms) and "left out" not in err


def test_keywords_rows_and_grouping(capsys):
    status, out, _ = run(capsys, "keywords", PAGE, "--province", "甘肃省", "--by", "prefecture", "--top", "3")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert set(rows[0]) == {"group", "term", "frequency", "docfreq", "rate_per_10k", "rank"}
    assert {row["group"] for row in rows} >= {"白银市", "张掖市"}
    assert all(row["rank"] <= 3 for row in rows)
    status, out, _ = run(capsys, "keywords", PAGE, "--top", "5", "--format", "csv")
    assert out.splitlines()[0] == "group,term,frequency,docfreq,rate_per_10k,rank"
    assert out.splitlines()[1].startswith(",")


def test_themes_rows_by_place_and_period(capsys):
    status, out, _ = run(capsys, "themes", PAGE, "--edition-date", "2024-05-22", "--province", "甘肃省",
                         "--by", "prefecture", "--period", "month")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert set(rows[0]) == {"group", "period", "theme", "n_articles", "share", "n_hits", "group_articles"}
    baiyin = {r["theme"]: r for r in rows if r["group"] == "白银市" and r["period"] == "2024-05"}
    # 白银市's two May articles: its own ecology inspection and 会宁县 (a county of 白银市)
    assert baiyin["ecology"]["group_articles"] == 2
    assert baiyin["ecology"]["n_articles"] == 1 and baiyin["ecology"]["share"] == 0.5


def test_ingest_with_split_paragraphs_stores_each_paragraph_of_a_long_report(capsys, tmp_path):
    from analysis.store import open_store

    paragraphs = ["今年全省将坚持节水优先，推进水资源集约安全利用，新建高效节水灌溉面积，持续降低城市供水管网漏损率，"
                  "让每一滴水都用在刀刃上。",
                  "大力发展新质生产力，培育新能源和数字经济产业集群，推动传统产业向高端化、智能化、绿色化转型升级，"
                  "以科技创新引领产业创新。"]
    paragraphs = [paragraph * 30 for paragraph in paragraphs]  # a report: 3,000 characters or more
    news = {"标题": "委员视察河湖", "日期": "2026-01-26", "正文": "县政协组织委员视察河湖治理。\n委员们察看了河道整治情况。"}
    report = tmp_path / "report.json"
    report.write_text(json.dumps([{"标题": "政府工作报告", "日期": "2026-01-25", "正文": "\n".join(paragraphs)}, news],
                                 ensure_ascii=False), encoding="utf-8")
    status, _, err = run(capsys, "ingest", str(report), "--store", str(tmp_path / "store"), "--workers", "1",
                         "--split", "paragraphs")
    assert status == 0, err
    with open_store(tmp_path / "store", read_only=True) as store:
        assert store.count_articles() == 3  # two paragraphs of the report, the news article whole


def test_themes_of_long_documents_counted_whole_suggest_splitting_them(capsys, tmp_path):
    text = "\n".join(["坚持节水优先，推进水资源集约安全利用，提高用水效率，保护生态环境。" * 60] * 3)
    reports = tmp_path / "reports.json"
    reports.write_text(json.dumps([{"标题": f"{p}政府工作报告", "日期": "2026-01-25", "正文": text}
                                   for p in ("甘肃省", "青海省")], ensure_ascii=False), encoding="utf-8")
    status, _, err = run(capsys, "themes", str(reports))
    assert status == 0 and f"average {len(text):,} characters" in err and "add --split paragraphs" in err
    status, _, err = run(capsys, "themes", str(reports), "--split", "paragraphs")
    assert status == 0 and "average" not in err
    assert "2 long documents of 2 split into 6 paragraphs" in err and "0 shorter ones" in err


def test_theme_tables_say_when_whole_long_documents_hold_most_of_a_theme_s_text(capsys, tmp_path):
    # Written for this test: one long report on water and much else, and short news on water.
    report = "\n".join(["坚持节水优先，推进水资源集约安全利用，提高用水效率，保护生态环境。" * 60] * 3)
    news = [{"标题": f"县里治理河湖{i}", "日期": "2026-01-26", "正文": "县里推进河湖治理，保护水资源，节约用水。"}
            for i in range(3)]
    corpus = tmp_path / "corpus.json"
    corpus.write_text(json.dumps([{"标题": "甘肃省政府工作报告", "日期": "2026-01-25", "正文": report}, *news],
                                 ensure_ascii=False), encoding="utf-8")
    for command in (["keywords", "--by", "theme"], ["keyness", "--by", "theme", "--target", "water"]):
        status, _, err = run(capsys, *command, str(corpus), "--lang", "en")
        assert status == 0, err
        assert "1 long documents (3,000 characters or more" in err and "water 9" in err, err
        status, _, err = run(capsys, *command, str(corpus), "--split", "paragraphs", "--lang", "en")
        assert status == 0 and "long documents (3,000" not in err, err
    status, _, err = run(capsys, "keywords", "--by", "province", str(corpus), "--lang", "en")
    assert status == 0 and "long documents (3,000" not in err  # only theme tables are said to


def test_splitting_paragraphs_of_short_articles_only_says_none_was_long_enough(capsys, tmp_path):
    news = tmp_path / "news.json"
    news.write_text(json.dumps([{"标题": "委员视察河湖", "日期": "2026-01-26", "正文": "县政协组织委员视察河湖治理。"}],
                               ensure_ascii=False), encoding="utf-8")
    status, _, err = run(capsys, "themes", str(news), "--split", "paragraphs", "--lang", "en")
    assert status == 0, err
    assert ("--split paragraphs split nothing: none of the 1 articles is 3,000 characters or longer" in err
            and "0 long documents" not in err)


def broken_config(tmp_path, name: str, content: bytes):
    """A copy of the configuration folder with one file replaced."""
    import shutil

    from analysis.paths import data_dir

    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    target = folder / name
    if content:
        target.write_bytes(content)
    else:
        target.unlink()
    return folder


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("themes.toml", b"[[themes]\nid = 'x'\n", "themes.toml: not valid TOML"),
        ("userdict.txt", b"\xff\xfe\xfa\n", "userdict.txt: user dictionary is not UTF-8 text (byte 0)"),
        ("stopwords/general.txt", "的\n".encode("utf-16"), "stopword list is not UTF-8 text"),
        ("page_chrome.txt", b"([unclosed\n", "page_chrome.txt: line 1: invalid pattern"),
    ],
)
def test_a_broken_configuration_file_is_named_in_one_line_not_a_traceback(capsys, tmp_path, monkeypatch, name,
                                                                           content, message):
    monkeypatch.setenv("GOVTHEMES_DATA", str(broken_config(tmp_path, name, content)))  # another folder: read anew
    record = tmp_path / "records.jsonl"  # table records go through the page-chrome patterns
    record.write_text(json.dumps({"title": "标题", "text": "本报兰州讯 政协委员调研乡村振兴。"}, ensure_ascii=False),
                      encoding="utf-8")
    status, out, err = run(capsys, "keywords", PAGE, str(record))
    assert status == 2 and out == ""
    assert "govthemes: error in a configuration file:" in err and message in err
    assert "Traceback" not in err


def test_store_commands_speak_chinese_too(capsys, tmp_path):
    store = str(tmp_path / "store")
    status, _, err = run(capsys, "ingest", PAGE, "--store", store, "--workers", "1", "--lang", "zh")
    assert status == 0 and "govthemes：新增 4 篇，库中已有 0 篇" in err and "已载入 1 个" in err
    status, _, err = run(capsys, "resegment", "--store", store, "--workers", "1", "--lang", "zh")
    assert status == 0 and "govthemes：新增 0 篇，库中已有 0 篇，重新分析 0 篇" in err


@pytest.mark.parametrize("command", ["articles", "keywords", "themes"])
def test_paths_given_with_a_store_are_refused_not_silently_passed_over(capsys, tmp_path, command):
    status, out, err = run(capsys, command, "--store", str(tmp_path / "store"), PAGE, "--lang", "en")
    assert (status, out) == (2, "")
    assert err.splitlines()[0].startswith("govthemes: error: give PATHs or --store, not both")
    status, _, err = run(capsys, command, "--store", str(tmp_path / "store"), PAGE, "--lang", "zh")
    assert status == 2 and "PATH 和 --store 只能二选一" in err


def test_input_options_a_store_cannot_honour_are_named_in_one_note(capsys, tmp_path):
    store = str(tmp_path / "store")
    run(capsys, "ingest", PAGE, "--store", store, "--workers", "1", "--edition-date", "2024-05-22")
    _, plain, err = run(capsys, "themes", "--store", store, "--period", "month", "--lang", "en")
    assert "note" not in err
    status, out, err = run(capsys, "themes", "--store", store, "--period", "month", "--edition-date", "2024-01-01",
                           "--split", "paragraphs", "--max-file-mb", "200", "--lang", "en")
    assert status == 0 and out == plain  # --period, a store's own option, still works
    assert err.splitlines() == ["govthemes: note: a store holds its articles as ingested, so --edition-date, --split "
                                "had no effect here; give them to govthemes ingest when building the store"]


@pytest.mark.parametrize("command", ["store-info", "themes", "ingest"])
def test_a_damaged_store_file_is_called_damaged_not_held_by_another_process(capsys, tmp_path, command):
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "store.duckdb").write_text("garbage\n", encoding="utf-8")
    paths = [PAGE] if command == "ingest" else []
    status, out, err = run(capsys, command, *paths, "--store", str(tmp_path / "store"), "--lang", "en")
    assert (status, out) == (2, "")
    assert err.splitlines() == [f"govthemes: error: {tmp_path / 'store' / 'store.duckdb'} is damaged or not a "
                                "govthemes store (it is not a DuckDB database); move it out of the folder (or give "
                                "another folder) and build the store again with govthemes ingest"]
    assert "another process" not in err


def test_a_real_store_file_is_known_as_a_duckdb_database(tmp_path):
    from analysis.store import open_store
    from analysis.store.store import is_duckdb_file

    with open_store(tmp_path / "store"):
        pass
    (tmp_path / "short").write_bytes(b"DUCK")
    assert is_duckdb_file(tmp_path / "store" / "store.duckdb") and not is_duckdb_file(tmp_path / "short")


@pytest.mark.parametrize("command", ["store-info", "keywords", "ingest"])
def test_a_store_that_is_a_file_is_refused_saying_a_store_is_a_folder(capsys, tmp_path, command):
    (tmp_path / "storefile").write_text("not a folder", encoding="utf-8")
    paths = [PAGE] if command == "ingest" else []
    status, out, err = run(capsys, command, *paths, "--store", str(tmp_path / "storefile"), "--lang", "zh")
    assert (status, out) == (2, "")
    assert err.splitlines() == [f"govthemes：错误：{tmp_path / 'storefile'} 是一个文件，而库是一个文件夹："
                                "请给出存放 store.duckdb 的文件夹，或给一个新文件夹的名字来新建库"]


@pytest.mark.parametrize("option", ["--output", "-o", "--report"])
def test_an_output_that_is_a_folder_is_refused_before_any_file_is_read(capsys, tmp_path, monkeypatch, option):
    monkeypatch.setattr("analysis.cli.load_articles", lambda *a, **k: pytest.fail("files were read"))
    status, out, err = run(capsys, "themes", PAGE, option, str(tmp_path), "--lang", "en")
    shown = "--output" if option == "-o" else option
    assert (status, out) == (2, "")
    assert err.splitlines() == [f"govthemes: error: {shown} {tmp_path} is a folder: give the name of a file to write, "
                                f"e.g. {tmp_path}/out.csv"]


def test_an_output_in_a_folder_that_does_not_exist_is_refused_before_any_file_is_read(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("analysis.cli.load_articles", lambda *a, **k: pytest.fail("files were read"))
    target = tmp_path / "nofolder" / "out.csv"
    status, _, err = run(capsys, "keywords", PAGE, "-o", str(target), "--lang", "zh")
    assert status == 2
    assert err.splitlines() == [f"govthemes：错误：--output {target}：文件夹 {tmp_path / 'nofolder'} 不存在："
                                "请先建好这个文件夹，或检查路径的拼写"]


def test_themes_by_a_level_leaves_out_articles_with_no_place_there_and_says_how_many(capsys):
    status, out, err = run(capsys, "themes", PAGE, "--province", "甘肃省", "--by", "county", "--lang", "en")
    rows = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and {row["group"] for row in rows} == {"会宁县", "山丹县"}
    assert sum({row["group"]: row["group_articles"] for row in rows}.values()) == 2
    assert "2 of 4 articles name no place at county level and are in no group's counts" in err
    _, out, err = run(capsys, "themes", PAGE, "--province", "甘肃省", "--by", "county", "--lang", "zh")
    assert "未知" not in out and "4 篇文章中有 2 篇没有县区一级的地名，不计入任何分组" in err


def test_themes_by_outlet_leaves_out_articles_with_no_outlet_and_says_how_many(capsys):
    status, out, err = run(capsys, "themes", PAGE, "--by", "outlet", "--lang", "en")
    assert (status, out) == (0, "")
    assert "4 of 4 articles name no outlet and are in no group's counts (give one with --outlet)" in err
    status, out, err = run(capsys, "themes", PAGE, "--by", "outlet", "--outlet", "甘肃政协报")
    assert status == 0 and {json.loads(line)["group"] for line in out.splitlines()} == {"甘肃政协报"}
    assert "no outlet" not in err


def test_themes_by_period_leaves_out_undated_articles_and_says_how_many(capsys):
    status, out, err = run(capsys, "themes", PAGE, "--period", "month", "--lang", "en")
    assert (status, out) == (0, "")
    assert "4 of 4 articles have no date and are in no month's counts" in err
    _, out, err = run(capsys, "themes", PAGE, "--period", "month", "--edition-date", "2024-05-22")
    assert out and "no date" not in err


def test_the_analysis_function_still_counts_unknown_places_for_the_dashboard():
    import pandas as pd

    from analysis.themes import UNKNOWN_LABEL, count_themes

    articles = pd.DataFrame({"doc_id": ["a", "b"], "county": ["会宁县", None], "themes": [["ecology"], []]})
    assert set(count_themes(articles, by="county")["group"]) == {"会宁县", UNKNOWN_LABEL}


def test_lang_help_mentions_the_report_only_for_commands_that_write_one(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    for command in ("resegment", "store-info"):
        for lang, words in (("en", "the report holds both"), ("zh", "报告文件")):
            text = help_of(capsys, command, "--help", "--lang", lang)
            assert words not in text and "--lang" in text
    assert "the report holds both" in help_of(capsys, "themes", "--help", "--lang", "en")
    assert "the report holds both" in help_of(capsys, "ingest", "--help", "--lang", "en")


@pytest.mark.parametrize("command", ["ingest", "resegment", "store-info"])
def test_store_commands_show_store_as_required(capsys, monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "200")
    usage = help_of(capsys, command, "--help", "--lang", "en").split("\n\n")[0]
    assert " --store DIR " in usage and "[--store DIR]" not in usage
    assert "[--store DIR]" in help_of(capsys, "themes", "--help", "--lang", "en").split("\n\n")[0]
    status, _, err = run(capsys, command, "--lang", "en")
    assert status == 2 and "give the store folder with --store DIR" in err


def test_themes_help_states_what_by_and_period_do_when_not_given(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    english = help_of(capsys, "themes", "--help", "--lang", "en")
    assert "(default: no grouping, all articles as one group)" in english
    assert "(default: not split, the whole time span as one period)" in english
    chinese = help_of(capsys, "themes", "--help", "--lang", "zh")
    assert "默认不分组" in chinese and "默认不拆分" in chinese


def test_themes_by_a_period_points_to_the_period_option(capsys):
    status, out, err = run(capsys, "themes", PAGE, "--by", "month", "--lang", "en")
    assert (status, out) == (2, "")
    assert err.splitlines() == ["govthemes: error: argument --by: 'month' is a period, not a group: use --period month "
                                "(--by takes a place level or outlet) (options: govthemes themes --help)"]
    status, _, err = run(capsys, "themes", PAGE, "--by", "quarter", "--lang", "zh")
    assert status == 2 and "请用 --period quarter" in err


def test_lang_before_the_command_is_heard_by_the_help_and_the_command(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("GOVTHEMES_LANG", raising=False)
    overview = help_of(capsys, "--lang", "zh", "--help")
    assert overview.startswith("用法：govthemes") and "显示版本号并退出" in overview
    status, _, err = run(capsys, "--lang", "zh", "articles", str(tmp_path / "nope.txt"))
    assert status == 2 and "找不到这个文件或文件夹" in err
    status, _, err = run(capsys, "--lang", "zh", "articles", str(tmp_path / "nope.txt"), "--lang", "en")
    assert status == 2 and "no articles were loaded" in err  # the last --lang counts


def test_version_prints_the_package_version(capsys):
    from importlib.metadata import version

    assert help_of(capsys, "--version").strip() == f"govthemes {version('govthemes')}"


@pytest.mark.parametrize(
    "argv",
    [
        ["ingest", PAGE, "--workers", "0"],
        ["ingest", PAGE, "--batch-size", "0"],
        ["resegment", "--workers", "-2"],
        ["keywords", PAGE, "--top", "0"],
    ],
)
def test_counts_of_zero_or_less_are_refused_before_anything_is_read_or_written(capsys, tmp_path, monkeypatch, argv):
    monkeypatch.setattr("analysis.cli.load_articles", lambda *a, **k: pytest.fail("files were read"))
    store = tmp_path / "store"
    extra = ["--store", str(store)] if argv[0] in ("ingest", "resegment") else []
    status, out, err = run(capsys, *argv, *extra, "--lang", "en")
    option, value = argv[-2], argv[-1]
    assert (status, out) == (2, "") and not store.exists()
    assert err.splitlines() == [f"govthemes: error: {option} must be a positive whole number (1 or more), not {value}"]


@pytest.mark.parametrize(("option", "writer"), [("--output", "analysis.cli.write_table"),
                                                 ("--report", "analysis.cli.write_reports")])
def test_a_file_that_cannot_be_written_is_named_with_its_option_and_the_reason(capsys, tmp_path, monkeypatch,
                                                                                option, writer):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, full)
    target = tmp_path / "out.json"
    status, _, err = run(capsys, "articles", PAGE, option, str(target), "--lang", "zh")
    assert status == 2
    assert err.splitlines()[-1] == (f"govthemes：错误：无法写入 {option} {target}（No space left on device）："
                                    "请换一个有写入权限、磁盘空间充足的文件夹中的文件")


@pytest.mark.parametrize(("command", "message"), [
    ("articles", "govthemes：已中断"),
    ("ingest", "govthemes：已中断；库 {store} 保留了中断前已完整写入的各批文章"),
])
def test_ctrl_c_exits_with_one_line_saying_what_the_store_keeps(capsys, tmp_path, monkeypatch, command, message):
    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("analysis.cli.load_articles", interrupt)
    monkeypatch.setattr("analysis.store.ingest_paths", interrupt)
    store = tmp_path / "store"
    extra = ["--store", str(store), "--workers", "1"] if command == "ingest" else []
    status, out, err = run(capsys, command, PAGE, *extra, "--lang", "zh")
    assert (status, out) == (130, "")
    assert err.splitlines()[-1].startswith(message.format(store=store)) and "Traceback" not in err


@pytest.mark.parametrize("option", ["--output", "--report"])
@pytest.mark.parametrize("given", ["file", "folder"])
def test_an_output_that_is_an_input_file_is_refused_before_it_is_overwritten(capsys, tmp_path, option, given):
    data = tmp_path / "news.csv"
    data.write_text("标题,正文\n甲,委员们开展调研，提出意见建议。\n", encoding="utf-8")
    before = data.read_bytes()
    status, out, err = run(capsys, "articles", str(data if given == "file" else tmp_path), option, str(data),
                           "--lang", "en")
    assert (status, out, data.read_bytes()) == (2, "", before)
    assert err.splitlines() == [f"govthemes: error: {option} {data} is one of the files being read: writing it "
                                "would overwrite your data; give another file name"]


@pytest.mark.parametrize("value", ["nan", "inf"])
@pytest.mark.parametrize("option", ["--max-file-mb", "--max-pdf-seconds"])
def test_a_size_or_time_that_is_not_a_finite_number_is_refused_in_one_line(capsys, monkeypatch, option, value):
    monkeypatch.setattr("analysis.cli.load_articles", lambda *a, **k: pytest.fail("files were read"))
    status, out, err = run(capsys, "articles", PAGE, option, value, "--lang", "en")
    assert (status, out) == (2, "")
    assert err.splitlines() == [f"govthemes: error: {option} must be a positive number"]


def test_a_configuration_folder_that_does_not_exist_is_named_in_one_line_in_the_user_s_language(
        capsys, monkeypatch, recwarn):
    monkeypatch.setenv("GOVTHEMES_DATA", "/nonexistent/govthemes-data")
    status, out, err = run(capsys, "themes", PAGE, "--lang", "zh")
    assert (status, out) == (2, "")
    assert err.splitlines() == ["govthemes：错误：配置文件夹 /nonexistent/govthemes-data（环境变量 GOVTHEMES_DATA）不存在或"
                                "不是文件夹：请把 GOVTHEMES_DATA 指向 data/ 文件夹的副本，或取消这个变量以使用 govthemes 自带的配置"]
    status, _, err = run(capsys, "themes", PAGE, "--lang", "en")
    assert status == 2 and err.startswith("govthemes: error: the configuration folder /nonexistent/govthemes-data")
    assert "config_not_found" not in err and not [w for w in recwarn if "message catalog" in str(w.message)]


def test_an_empty_folder_is_said_to_hold_no_files_not_to_have_reasons_above(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    status, out, err = run(capsys, "articles", str(tmp_path / "empty"), "--lang", "en")
    assert (status, out) == (2, "")
    assert err.splitlines()[-1] == (f"govthemes: error: no files to read in {tmp_path / 'empty'}: the folder is empty "
                                    "(files and folders whose names start with a dot are passed over)")
    assert "see the reasons above" not in err
    status, _, err = run(capsys, "ingest", str(tmp_path / "empty"), "--store", str(tmp_path / "s"), "--workers", "1",
                         "--lang", "zh")
    assert status == 2 and f"{tmp_path / 'empty'} 中没有可读取的文件：文件夹是空的" in err
    assert not (tmp_path / "s").exists() and "0 new" not in err  # said first, and no empty store made


def test_resegment_of_a_store_that_is_not_there_is_refused_and_makes_none(capsys, tmp_path):
    status, _, err = run(capsys, "resegment", "--store", str(tmp_path / "nostore"))
    assert status == 2 and f"{tmp_path / 'nostore'} is not a store (no store.duckdb)" in err
    assert not (tmp_path / "nostore").exists()


def test_a_file_holding_only_a_byte_order_mark_is_said_to_be_empty(capsys, tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf")
    status, _, err = run(capsys, "articles", str(tmp_path / "bom.txt"), "--lang", "en")
    assert status == 2
    assert "the file is empty after its utf-8 byte-order mark (BOM): it holds no text" in err
    assert "no article text found" not in err


def test_sizes_below_a_megabyte_never_read_as_0_mb(capsys, tmp_path):
    (tmp_path / "page.txt").write_bytes(b"x" * 3000)
    status, _, err = run(capsys, "articles", str(tmp_path / "page.txt"), "--max-file-mb", "0.001", "--lang", "en")
    assert status == 2 and "the file is 2.9 KB, over the 1 KB limit per file" in err and "0 MB" not in err


def test_a_missing_path_gets_the_same_advice_in_english_as_in_chinese(capsys, tmp_path):
    _, _, english = run(capsys, "articles", str(tmp_path / "nope.txt"), "--lang", "en")
    _, _, chinese = run(capsys, "articles", str(tmp_path / "nope.txt"), "--lang", "zh")
    assert "no such file or folder: check the spelling of the path" in english and "请检查路径的拼写" in chinese


def test_csv_written_to_a_file_starts_with_a_byte_order_mark_for_excel_but_stdout_does_not(capsys, tmp_path):
    target = tmp_path / "themes.csv"
    status, out, _ = run(capsys, "themes", PAGE, "--format", "csv", "-o", str(target))
    assert (status, out) == (0, "")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfgroup,period,theme,")
    _, out, _ = run(capsys, "themes", PAGE, "--format", "csv")
    assert out.startswith("group,period,theme,") and data.decode("utf-8-sig") == out
    run(capsys, "themes", PAGE, "-o", str(tmp_path / "themes.jsonl"))
    assert (tmp_path / "themes.jsonl").read_bytes().startswith(b'{"group"')


def test_the_command_also_runs_as_python_m_analysis_console(tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT

    page = tmp_path / "2024-06-14_1版.txt"
    page.write_text("委员建言乡村振兴\n\n本报兰州讯 13日，委员们围绕乡村振兴建言。\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "analysis.console", "articles", str(page)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[0])["title"] == "委员建言乡村振兴"


def test_the_summary_says_how_many_bundles_were_split_into_how_many_stories(capsys, tmp_path):
    bundle = {"id": "k1", "title": "简讯", "date": "2024-05-20",
              "text": "县政协调研乡村振兴\n委员们走进田间地头。\n市政协召开常委会议\n会议协商讨论营商环境。"}
    other = {"id": "k2", "title": "县政协召开主席会议", "date": "2024-05-20", "text": "会议研究了年度工作。"}
    path = tmp_path / "page.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (bundle, other)), encoding="utf-8")
    status, out, err = run(capsys, "articles", str(path), "--lang", "en")
    assert status == 0 and len(out.splitlines()) == 3
    assert "split into one article per story: 1 records gave 2 articles" in err


def test_short_big5_tiny_and_misnamed_zip_inputs_are_each_read_or_named_in_the_report(capsys, tmp_path):
    import io
    import zipfile

    body = "本报讯 6月13日，市政协召开主席会议，研究招商引资工作。会议强调要优化营商环境。"
    (tmp_path / "titles.csv").write_bytes("標題,正文\n團結,委員們認為應當團結。\n領導視察,應當加強基層治理。\n".encode("big5"))
    (tmp_path / "tolerance.txt").write_bytes("±2".encode())
    (tmp_path / "one.txt").write_bytes("环".encode("gbk"))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as pages:
        pages.writestr("p1.txt", f"市政协召开主席会议\n{body}\n")
    (tmp_path / "pages.dat").write_bytes(archive.getvalue())
    report = tmp_path / "r.json"
    status, out, _ = run(capsys, "articles", str(tmp_path), "--report", str(report), "--lang", "en")
    rows = [json.loads(line) for line in out.splitlines()]
    entries = {entry["source"].rsplit("/", 1)[-1]: entry for entry in json.loads(report.read_text(encoding="utf-8"))}
    assert status == 0 and len(rows) == sum(entry["articles"] for entry in entries.values()) == 3
    assert sorted(row["title"] for row in rows if row["source"].startswith(str(tmp_path / "titles.csv"))) == [
        "团结", "领导视察"]  # Big5, converted to simplified; as GBK they were 刮挡 and 烩旧跌诡
    titles = entries["titles.csv"]
    assert (titles["encoding"], titles["records"], titles["articles"]) == ("big5", 2, 2)
    assert [(e["line"], e["code"]) for e in entries["tolerance.txt"]["errors"]] == [(None, "no_article_text")]
    assert entries["tolerance.txt"]["encoding"] == "utf-8" and "'±2'" in entries["tolerance.txt"]["errors"][0]["message"]
    (ambiguous,) = entries["one.txt"]["errors"]
    assert ambiguous["code"] == "gbk_or_big5" and "save the file as UTF-8" in ambiguous["message"]
    member = entries["pages.dat!p1.txt"]
    assert (member["articles"], member["warnings"][0]["code"]) == (1, "zip_misnamed")
