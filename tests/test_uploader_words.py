"""The uploader's own English words (button, size line) are replaced in the Chinese page."""

from __future__ import annotations

from ui.uploader_words import BUTTON_TEXT, LIMIT_TEXT, REFUSED_TEXT, css_string, uploader_style


def test_the_chinese_page_names_the_button_and_the_size_limit_in_chinese():
    style = uploader_style("zh", limit_mb=50)
    assert style.startswith("<style>") and style.endswith("</style>")
    assert f'{BUTTON_TEXT}::after{{content:"选择文件"' in style
    assert f'{LIMIT_TEXT}::after{{content:"每个文件最大 50 MB"' in style


def test_the_english_page_keeps_streamlits_own_words():
    style = uploader_style("en", limit_mb=50)
    assert BUTTON_TEXT not in style and LIMIT_TEXT not in style


def test_a_file_refused_for_its_size_says_so_under_its_name_in_the_page_s_language():
    for lang, words in (("zh", "超过每个文件 50 MB 的上限，未上传、未载入"), ("en", "Over the 50 MB limit per file")):
        style = uploader_style(lang, limit_mb=50)
        assert f"{REFUSED_TEXT}{{position:static" in style
        assert f'{REFUSED_TEXT}::after{{content:"{words}' in style


def test_words_become_a_css_string_that_cannot_close_the_rule_or_the_style():
    assert css_string('a"b\\c') == '"a\\"b\\\\c"'
    assert css_string("</style><script>") == '"\\3C /style\\3E \\3C script\\3E "'
    assert css_string("two\nlines") == '"two\\A lines"'
