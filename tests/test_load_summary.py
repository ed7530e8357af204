"""The load summary puts problems first, names files from their folder, and merges routine reasons."""

from analysis.report import FileReport, Problem
from ui.load_summary import file_rows, grouped_reasons, needs_attention, reason_rows, short_names

FOLDER = "/data/news"


def day(name: str, *, articles: int = 3, errors=(), skipped=()) -> FileReport:
    return FileReport(source=f"{FOLDER}/{name}", articles=articles, records=articles + len(errors),
                      errors=list(errors), skipped=list(skipped))


def rundown() -> Problem:
    return Problem.of("rundown", line=3, title="新闻摘要")


REPORTS = [
    day("20240601.md", skipped=[rundown()]),
    day("20240602.md", skipped=[rundown()], errors=[Problem.of("story_without_text", line=40)]),
    day("PROVENANCE.md", articles=0, errors=[Problem.of("documentation_file")]),
    day("20240603.md", skipped=[rundown()]),
]


def test_files_are_named_from_the_folder_they_share_and_keep_their_full_path():
    assert short_names([f"{FOLDER}/2026_上海市.csv", f"{FOLDER}/sub/2026_云南省.csv"]) == [
        "2026_上海市.csv", "sub/2026_云南省.csv"]
    assert short_names([f"{FOLDER}/2026_上海市.csv"]) == ["2026_上海市.csv"]  # one file: its name
    assert short_names(["/up/a.zip!x/b.txt", "/up/a.zip!c.txt"]) == ["a.zip!x/b.txt", "a.zip!c.txt"]
    assert short_names(["a.txt", "b.zip!c.txt"]) == ["a.txt", "b.zip!c.txt"]  # uploads: no folder
    table = file_rows(REPORTS, "zh")
    assert table["path"].tolist() == [f"{FOLDER}/{name}" for name in table["file"]]


def test_a_repeated_file_s_original_is_named_from_the_folder_like_the_files_column():
    repeat = FileReport(source=f"{FOLDER}/b/0705-04.txt").fail("duplicate_file", original=f"{FOLDER}/a/0705-01.txt")
    reports = [day("a/0705-01.txt"), repeat]
    assert file_rows(reports, "zh")["reasons"].iloc[0].startswith("与 a/0705-01.txt 内容完全相同")
    every = reason_rows(reports, "en")
    assert every["message"].iloc[0].startswith("duplicate: identical bytes to a/0705-01.txt,")
    assert every["path"].iloc[0] == f"{FOLDER}/b/0705-04.txt"  # the full path stays in its column
    upload = FileReport(source="b.txt").fail("duplicate_file", original="a.txt")
    assert file_rows([upload], "zh")["reasons"].iloc[0].startswith("与 a.txt 内容完全相同")


def test_failed_and_partial_files_come_first_then_the_loaded_ones_in_load_order():
    table = file_rows(REPORTS, "zh")
    assert table[["file", "status"]].values.tolist() == [
        ["PROVENANCE.md", "未载入"], ["20240602.md", "部分载入"],
        ["20240601.md", "已载入"], ["20240603.md", "已载入"]]
    assert table["reasons"].iloc[1] == "40：这则新闻的标题下面没有正文，未载入"


def test_a_reason_repeated_on_many_files_is_one_row_with_its_count_after_the_real_problems():
    every = reason_rows(REPORTS, "zh")
    assert len(every) == 5  # nothing is dropped from the full list
    assert every["kind"].tolist() == ["未载入", "未载入", "未计入的文字", "未计入的文字", "未计入的文字"]
    grouped = grouped_reasons(every, "zh")
    assert grouped[["kind", "count", "file", "line"]].values.tolist() == [
        ["未载入", 1, "20240602.md", "40"],
        ["未载入", 1, "PROVENANCE.md", "整个文件"],
        ["未计入的文字", 3, "20240601.md 等 3 个文件", ""]]
    assert grouped["message"].iloc[2].startswith("“新闻摘要”是节目提要或目录")
    english = grouped_reasons(reason_rows(REPORTS, "en"), "en")
    assert english["file"].iloc[2] == "20240601.md and others: 3 files"


def test_a_reason_a_file_gives_for_many_records_is_written_once_after_their_numbers():
    empty = [Problem.of("empty_text_cell", line=n, column="video_detail.content") for n in (1, 2, 3, 4, 9)]
    report = day("2012/20121015.json", articles=18, errors=[*empty, Problem.of("story_without_text", line=11)])
    reasons = file_rows([report], "zh")["reasons"].iloc[0]
    assert reasons.startswith("1、2、3 等 5 条：") and reasons.count("video_detail.content") == 1
    assert reasons.endswith("；11：这则新闻的标题下面没有正文，未载入")
    english = file_rows([report], "en")["reasons"].iloc[0]
    assert english.startswith("1, 2, 3 … (5 records): ")
    assert file_rows(REPORTS, "zh")["reasons"].iloc[1] == "40：这则新闻的标题下面没有正文，未载入"


def test_the_summary_opens_by_itself_for_a_file_that_failed_but_not_for_a_provenance_note_or_a_copy():
    notes = FileReport(source="corpus/PROVENANCE.md").fail("documentation_file")
    loaded = FileReport(source="corpus/articles.jsonl", articles=18, records=18)
    assert not needs_attention([notes, loaded])
    copy = FileReport(source="corpus/b.txt").fail("duplicate_file", original="corpus/a.txt")
    assert not needs_attention([notes, loaded, copy])  # its text is read, once, as corpus/a.txt
    empty = FileReport(source="corpus/failures.csv").fail("empty_file")
    assert needs_attention([notes, loaded, empty])
    partial = FileReport(source="corpus/day.json", articles=3, records=4).fail("invalid_json_line", line=2)
    assert needs_attention([loaded, partial])
