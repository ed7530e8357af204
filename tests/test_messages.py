"""Messages come in English and Chinese from data/messages.toml, and rendering never fails."""

import ast
import pickle
from pathlib import Path

import pytest

from analysis.messages import (
    CodedError,
    MessageCatalog,
    default_catalog,
    placeholders,
    read_catalog,
    render,
)
from analysis.paths import data_path
from tests.conftest import REPO_ROOT, write_config

CATALOG = MessageCatalog(
    templates={
        "too_large": {"en": "the file is {size}, over the {limit} limit", "zh": "文件大小为 {size}，超过 {limit} 的上限"},
        "english_only": {"en": "only in English: {name}"},
        "zh_needs_more": {"en": "line {first_line}", "zh": "第 {first_line} 行，标题《{title}》"},
        "share": {"en": "{share:.0%} readable", "zh": "只有 {share:.0%} 是正常文字"},
        "json": {"en": "not valid JSON ({json_error})", "zh": "不是有效的 JSON（{json_error}）"},
    },
    values_zh={"json_error": {"Expecting ',' delimiter": "缺少逗号"}},
)


def write(tmp_path: Path, text: str) -> Path:
    return write_config(tmp_path, "messages.toml", text)


def test_the_shipped_catalog_is_sound_and_every_code_has_english_and_chinese():
    catalog = read_catalog(data_path("messages.toml"))
    assert catalog.problems == ()
    assert len(catalog.templates) >= 40
    assert all(set(entry) == {"en", "zh"} for entry in catalog.templates.values())


def test_a_message_is_rendered_in_either_language_with_its_values():
    params = {"size": "300 MB", "limit": "200 MB"}
    assert render("too_large", params, "en", catalog=CATALOG) == "the file is 300 MB, over the 200 MB limit"
    assert render("too_large", params, "zh", catalog=CATALOG) == "文件大小为 300 MB，超过 200 MB 的上限"
    assert render("share", {"share": 0.42}, "zh", catalog=CATALOG) == "只有 42% 是正常文字"


def test_words_inside_a_value_are_translated_for_chinese_only():
    params = {"json_error": "Expecting ',' delimiter"}
    assert render("json", params, "en", catalog=CATALOG) == "not valid JSON (Expecting ',' delimiter)"
    assert render("json", params, "zh", catalog=CATALOG) == "不是有效的 JSON（缺少逗号）"
    other = {"json_error": "Some new parser message"}
    assert render("json", other, "zh", catalog=CATALOG) == "不是有效的 JSON（Some new parser message）"


def test_a_missing_chinese_template_falls_back_to_english():
    assert render("english_only", {"name": "甲"}, "zh", catalog=CATALOG) == "only in English: 甲"


def test_a_template_naming_a_value_the_call_did_not_give_falls_back_to_english():
    assert render("zh_needs_more", {"first_line": 3}, "zh", catalog=CATALOG) == "line 3"


def test_an_unknown_code_or_missing_values_show_the_code_and_its_values():
    assert render("no_such_code", {"line_count": 3}, "zh", catalog=CATALOG) == "no_such_code (line_count=3)"
    assert render("too_large", {}, "en", catalog=CATALOG) == "too_large"
    assert render("share", {"share": "not a number"}, "en", catalog=CATALOG) == "share (share=not a number)"


def test_broken_entries_are_named_and_left_out(tmp_path):
    path = write(tmp_path, """
[good]
en = "fine {value}"
zh = "好 {value}"

[unbalanced]
en = "a {brace"
zh = "好"

[attribute]
en = "{value.__class__}"
zh = "{0}"

[no_chinese]
en = "English"
zn = "typo"

[values_zh.found]
array = 3
""")
    catalog = read_catalog(path)
    assert catalog.templates == {"good": {"en": "fine {value}", "zh": "好 {value}"}, "unbalanced": {"zh": "好"},
                                 "attribute": {}, "no_chinese": {"en": "English"}}
    assert [p.split(":")[0] for p in catalog.problems] == [
        "[values_zh.found]", "[unbalanced] en", "[attribute] en", "[attribute] zh", "[no_chinese]",
        "[no_chinese] zh"]
    assert render("unbalanced", {}, "en", catalog=catalog) == "unbalanced"
    assert render("no_chinese", {}, "zh", catalog=catalog) == "English"


@pytest.mark.parametrize("text", ["[broken\nen = ", "\udcff"])
def test_an_unreadable_catalog_is_reported_and_every_message_falls_back_to_its_code(tmp_path, text):
    path = tmp_path / "messages.toml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    catalog = read_catalog(path)
    assert catalog.templates == {} and "cannot read the message catalog" in catalog.problems[0]
    assert render("empty_file", {}, "zh", catalog=catalog) == "empty_file"
    assert read_catalog(tmp_path / "missing.toml").problems


def test_an_edited_copy_of_the_data_folder_brings_its_own_catalog(tmp_path, monkeypatch):
    write(tmp_path, '[empty_file]\nen = "nothing in it"\nzh = "空文件"\n')
    monkeypatch.setenv("GOVTHEMES_DATA", str(tmp_path))
    assert render("empty_file", {}, "zh") == "空文件"
    monkeypatch.delenv("GOVTHEMES_DATA")
    assert render("empty_file", {}, "en") == "the file is empty"


def test_placeholders_are_the_names_a_template_fills_in():
    assert placeholders("{size} of {limit}, {share:.0%} {{literal}}") == {"size", "limit", "share"}
    with pytest.raises(ValueError, match="plain name"):
        placeholders("{0}")


class _Refusal(CodedError, ValueError):
    pass


def test_a_coded_error_is_english_as_a_string_and_renders_in_chinese():
    error = _Refusal("path_missing", typed="pages", root="/data")
    assert str(error) == "'pages' does not exist under /data"
    assert error.render("zh") == "数据根目录 /data 下没有“pages”：请检查路径的拼写"
    assert isinstance(error, ValueError)
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.code, copy.params, str(copy)) == (_Refusal, error.code, error.params, str(error))


def test_the_default_catalog_is_read_once():
    assert default_catalog() is default_catalog()


# ---- the catalog and the code base agree -------------------------------------------------

SOURCES = sorted([*(REPO_ROOT / "analysis").rglob("*.py"), *(REPO_ROOT / "ui").rglob("*.py"),
                  REPO_ROOT / "dashboard.py"])


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


def _coded_error_classes(trees: list[ast.Module]) -> set[str]:
    """CodedError and every class of the code base derived from it."""
    names = {"CodedError"}
    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    while grown := {c.name for c in classes if c.name not in names and any(_name(b) in names for b in c.bases)}:
        names |= grown
    return names


def coded_calls() -> list[tuple[str, str, set[str] | None]]:
    """``(where, code, value names given)`` for every call in the code base naming a code.

    Calls are ``report.fail(code, line=..., **values)``, ``Problem.of(code, ...)``, the
    command line's ``say(code, lang, **values)`` and the coded exceptions
    ``StoreError(code, **values)``, and ``render(code, {values}, lang)`` with a dict
    written out; the names are None when the values are spread from a dict
    (``**params``), which tests/test_report.py covers by rendering.
    """
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in SOURCES}
    callees = {"fail", "of", "say", "render"} | _coded_error_classes(list(trees.values()))
    calls = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) in callees and node.args):
                continue
            if _name(node.func) == "render" and not (len(node.args) > 1 and isinstance(node.args[1], ast.Dict)):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names = {keyword.arg for keyword in node.keywords}
                if _name(node.func) == "render":
                    names = {key.value if isinstance(key, ast.Constant) else None for key in node.args[1].keys}
                given = None if None in names else names - {"line"}
                calls.append((f"{path.relative_to(REPO_ROOT)}:{node.lineno}", first.value, given))
    return calls


def test_every_code_the_code_base_uses_has_both_templates_and_gets_the_values_they_name():
    templates = default_catalog().templates
    calls = coded_calls()
    assert len(calls) >= 50
    for where, code, given in calls:
        assert set(templates.get(code, {})) == {"en", "zh"}, f"{where}: {code} needs an en and a zh template"
        if given is None:
            continue
        for lang in ("en", "zh"):
            missing = placeholders(templates[code][lang]) - given
            assert not missing, f"{where}: the {lang} template of {code} names {missing}, not given there"


def test_argparse_s_complaints_have_both_templates_naming_only_what_their_pattern_captures():
    from analysis.cli_errors import ARGPARSE_COMPLAINTS

    templates = default_catalog().templates
    for pattern, code in ARGPARSE_COMPLAINTS:
        for lang in ("en", "zh"):
            assert placeholders(templates[code][lang]) <= set(pattern.groupindex), (code, lang)


def help_codes() -> set[str]:
    """Every ``help_…`` code the command line names: option help, command help, titles."""
    from analysis.cli_parser import HELP_CODE_PREFIX

    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in SOURCES]
    return {
        node.value for tree in trees for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and node.value.startswith(HELP_CODE_PREFIX) and node.value.isidentifier() and node.value != HELP_CODE_PREFIX
    }


def test_every_help_text_of_the_command_line_has_both_templates_naming_at_most_the_default():
    templates = default_catalog().templates
    codes = help_codes()
    assert len(codes) >= 30
    for code in codes:
        assert set(templates.get(code, {})) == {"en", "zh"}, f"{code} needs an en and a zh template"
        assert all(placeholders(templates[code][lang]) <= {"default"} for lang in ("en", "zh")), code


def test_every_code_in_the_catalog_is_used_by_the_code_base():
    from analysis.cli_errors import ARGPARSE_COMPLAINTS

    used = {code for _, code, _ in coded_calls()} | {code for _, code in ARGPARSE_COMPLAINTS} | help_codes()
    assert set(default_catalog().templates) - used == set()
