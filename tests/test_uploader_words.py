"""The uploader's own English words (button, size line) are replaced in the Chinese page."""

from __future__ import annotations

from ui.uploader_words import BUTTON_TEXT, LIMIT_TEXT, css_string, uploader_style


def test_the_chinese_page_names_the_button_and_the_size_limit_in_chinese():
    style = uploader_style("zh", limit_mb=50)
    assert style.startswith("<style>") and style.endswith("</style>")
    assert f'{BUTTON_TEXT}::after{{content:"选择文件"' in style
    assert f'{LIMIT_TEXT}::after{{content:"每个文件最大 50 MB"' in style


def test_the_english_page_keeps_streamlits_own_words():
    assert uploader_style("en", limit_mb=50) == ""


def test_words_become_a_css_string_that_cannot_close_the_rule_or_the_style():
    assert css_string('a"b\\c') == '"a\\"b\\\\c"'
    assert css_string("</style><script>") == '"\\3C /style\\3E \\3C script\\3E "'
    assert css_string("two\nlines") == '"two\\A lines"'
