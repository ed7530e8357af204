"""The page's words come in Chinese and English from data/ui_strings.toml, and rendering never fails."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.messages import placeholders
from analysis.paths import data_path
from tests.conftest import REPO_ROOT, write_config
from ui.i18n import ENGLISH_ONLY, default_strings, read_strings, t
from ui.units import count_text


def write(tmp_path: Path, text: str) -> Path:
    return write_config(tmp_path, "ui_strings.toml", text)


def test_the_shipped_file_is_sound_and_every_key_has_chinese_and_english():
    strings = read_strings(data_path("ui_strings.toml"))
    assert strings.problems == ()
    assert len(strings.texts) >= 190
    for key, texts in strings.texts.items():
        assert set(texts) == {"zh", "en"}, key
        assert all(isinstance(text, str) for text in texts.values()), key


def test_both_languages_name_the_same_values_english_alone_the_plural_ending():
    for key, texts in default_strings().texts.items():
        zh, en = placeholders(texts["zh"]), placeholders(texts["en"])
        assert zh == en - ENGLISH_ONLY, f"[{key}]: zh names {zh}, en names {en}"


def test_a_string_is_rendered_in_either_language_with_its_values():
    values = {"files": 3, "loaded": 2, "partial": 0, "failed": 1, "articles": 12}
    assert t("summary_line", "zh", **values) == "共 3 个文件：2 个已载入，0 个部分载入，1 个未载入；12 篇文章。"
    assert t("summary_line", "en", **values) == "files: 3 (2 loaded, 0 partial, 1 failed); articles: 12."
    assert t("folder_large", "en", files=1200, mb=35.4) == (
        "This folder holds 1,200 files (35 MB): reading and segmenting them may take a while.")
    assert t("error_load", "en") == "Could not load: "  # the trailing space is kept
    assert t("places_unit", "en") == "" and count_text(1, "places_unit", "en") == "1"
    assert count_text(1, "days_unit", "en") == "1 day" and count_text(2, "days_unit", "en") == "2 days"


def test_words_are_returned_unfilled_when_no_values_are_given():
    assert t("upload_help", "en").startswith("Each file at most {mb} MB")


def test_broken_entries_are_named_by_their_key_and_the_page_falls_back(tmp_path, monkeypatch):
    path = write(tmp_path, """
not_a_table = "words"

[good]
zh = "好 {n:,}"
en = "fine {n:,} item{s}"

[no_english]
zh = "只有中文"
eng = "typo"

[unbalanced]
zh = "少了 {括号"
en = "a {brace"

[mismatch]
zh = "第 {line} 行"
en = "line {number}"
""")
    strings = read_strings(path)
    assert [problem.split(":")[0] for problem in strings.problems] == [
        "not_a_table", "[no_english]", "[no_english] en", "[unbalanced] zh", "[unbalanced] en", "[mismatch]"]
    assert "zh names ['line'] but en names ['number']" in strings.problems[-1]
    assert strings.texts["good"] == {"zh": "好 {n:,}", "en": "fine {n:,} item{s}"}
    monkeypatch.setenv("GOVTHEMES_DATA", str(tmp_path))
    with pytest.warns(UserWarning) as warned:  # once, when first used
        assert t("good", "en", n=2, s="s") == "fine 2 items"
    assert [str(w.message) for w in warned] == [f"interface strings: {p}" for p in strings.problems]
    assert t("no_english", "en") == "只有中文"  # the other language
    assert t("unbalanced", "zh") == "unbalanced"  # the key itself
    assert t("mismatch", "en", line=3) == "第 3 行"  # en names a value not given
    assert t("no_such_key", "zh", n=1) == "no_such_key"


def test_an_unreadable_file_is_reported_and_every_string_falls_back_to_its_key(tmp_path):
    strings = read_strings(write(tmp_path, "[broken\nzh = "))
    assert strings.texts == {} and "cannot read the interface strings" in strings.problems[0]
    assert "cannot read the interface strings" in read_strings(tmp_path / "missing.toml").problems[0]


def test_an_edited_copy_of_the_data_folder_brings_its_own_strings(tmp_path, monkeypatch):
    write(tmp_path, '[load_button]\nzh = "读取"\nen = "Read"\n')
    monkeypatch.setenv("GOVTHEMES_DATA", str(tmp_path))
    assert t("load_button", "zh") == "读取"
    monkeypatch.delenv("GOVTHEMES_DATA")
    assert t("load_button", "zh") == "载入"


def test_the_strings_are_read_once_and_not_when_the_module_is_imported():
    assert default_strings() is default_strings()
    code = ("import ui.i18n, ui.units, ui.app; "
            "assert ui.i18n._cached_strings.cache_info().currsize == 0, 'read at import'")
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True)


def test_the_former_constant_still_gives_every_key_as_a_chinese_english_pair():
    from ui.i18n import STRINGS

    assert STRINGS["load_button"] == ("载入", "Load")
    assert set(STRINGS) == set(default_strings().texts)


# ---- the file and the page agree ----------------------------------------------------------

SOURCES = sorted([*(REPO_ROOT / "ui").rglob("*.py"), REPO_ROOT / "dashboard.py"])


def literal_calls() -> list[tuple[str, str, set[str] | None]]:
    """``(where, key, value names given)`` for every ``t("key", …)`` call naming its key literally.

    The names are None when the values are spread from a dict (``**summary``).
    """
    calls = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                continue
            names = {keyword.arg for keyword in node.keywords}
            calls.append((f"{path.relative_to(REPO_ROOT)}:{node.lineno}", node.args[0].value,
                          None if None in names else names))
    return calls


def test_every_key_the_page_asks_for_exists_and_gets_the_values_its_words_name():
    texts = default_strings().texts
    calls = literal_calls()
    assert len(calls) >= 150
    for where, key, given in calls:
        assert key in texts, f"{where}: no [{key}] in data/ui_strings.toml"
        if given:
            for lang in ("zh", "en"):
                missing = placeholders(texts[key][lang]) - given
                assert not missing, f"{where}: the {lang} words of {key} name {missing}, not given there"
