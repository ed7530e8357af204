"""Headlines and paragraphs are rebuilt from a PDF page's glyphs (hand-placed glyphs, no PDF)."""

from analysis.loading.pdf_layout import Glyph, page_text_from_glyphs

BODY = 10.0


def line(text, x, y, size=BODY, spacing=0.0):
    """Glyphs of ``text`` set from ``x`` on baseline ``y``, one em each (half for ASCII)."""
    glyphs = []
    for char in text:
        width = size * (0.5 if char.isascii() else 1.0)
        glyphs.append(Glyph(char, x, x + width, y, size))
        x += width + spacing
    return glyphs


def column(lines, x, top, size=BODY, leading=1.5):
    """Lines of a column; a line starting with ``>`` is indented two ems (a paragraph start).

    The columns here are eight ems wide: a full line has eight characters, or six after an
    indent.
    """
    glyphs = []
    for row, text in enumerate(lines):
        indent = 2 * size if text.startswith(">") else 0.0
        glyphs += line(text.lstrip(">"), x + indent, top - row * size * leading, size)
    return glyphs


def rebuilt(glyphs):
    page = page_text_from_glyphs(glyphs)
    return page.text.split("\n"), page.display_lines


def test_column_lines_are_rejoined_into_paragraphs_at_indents_and_short_lines():
    glyphs = column([">第一段第一行", "第一段的第二行字", "第一段结束。", ">第二段开头", "第二段结束了。"], 50, 700)
    lines, display = rebuilt(glyphs)
    assert lines == ["\u3000\u3000第一段第一行第一段的第二行字第一段结束。", "\u3000\u3000第二段开头第二段结束了。"]
    assert display == frozenset()


def test_a_paragraph_runs_on_from_the_foot_of_one_column_to_the_head_of_the_next():
    first = column([">甲乙丙丁戊己", "庚辛壬癸子丑寅卯"], 50, 700)
    second = column(["辰巳午未申酉结束", "了。", ">新的一段开始", "也结束了。"], 145, 700)
    lines, _ = rebuilt(first + second)
    assert lines == ["\u3000\u3000甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉结束了。", "\u3000\u3000新的一段开始也结束了。"]


def test_an_indented_line_at_the_head_of_a_column_starts_a_new_paragraph():
    first = column([">甲乙丙丁戊己", "庚辛壬癸子丑寅卯"], 50, 700)
    second = column([">另起一段的字", "到此结束了。"], 145, 700)
    lines, _ = rebuilt(first + second)
    assert lines == ["\u3000\u3000甲乙丙丁戊己庚辛壬癸子丑寅卯", "\u3000\u3000另起一段的字到此结束了。"]


def test_lines_in_a_larger_face_are_display_lines_and_a_wrapped_headline_is_joined():
    glyphs = (line("引题在这里", 50, 760, 14) + line("很长的标题第一行", 50, 740, 22) + line("标题第二行", 50, 712, 22)
              + column([">正文第一行", "正文的第二行字。", "正文结束。"], 50, 680))
    lines, display = rebuilt(glyphs)
    assert lines == ["引题在这里", "很长的标题第一行标题第二行", "\u3000\u3000正文第一行正文的第二行字。正文结束。"]
    assert display == {1, 2}


def test_a_short_line_with_space_above_it_is_a_subhead_written_flush_left():
    glyphs = (column([">第一段的开头", "第一段在此结束。"], 50, 700) + line("小标题在此", 50, 700 - 3.7 * BODY)
              + column([">第二段的开头", "第二段结束了。"], 50, 700 - 5.9 * BODY))
    lines, _ = rebuilt(glyphs)
    assert lines == ["\u3000\u3000第一段的开头第一段在此结束。", "小标题在此", "\u3000\u3000第二段的开头第二段结束了。"]


def test_a_line_break_adds_no_space_even_inside_a_web_address():
    glyphs = column([">网址是www.exa", "mple.cn，完。"], 50, 700)
    lines, _ = rebuilt(glyphs)
    assert lines == ["\u3000\u3000网址是www.example.cn，完。"]


def test_a_line_break_between_two_english_words_gives_the_space_back():
    glyphs = (line("Belt and", 50, 760, 22) + line("Road", 50, 732, 22)
              + column([">他说：Green and", "low-carbon growth", "是方向。"], 50, 700))
    lines, _ = rebuilt(glyphs)
    assert lines == ["Belt and Road", "\u3000\u3000他说：Green and low-carbon growth是方向。"]


def test_a_gap_wider_than_the_line_s_spacing_is_a_space_and_tracking_is_not():
    body = column([">正文第一行", "正文的第二行字。", "正文结束。", ">又一段正文", "正文的第二行字。"], 50, 500)
    words = line("融入日常", 50, 700, 20) + line("抓在经常", 50 + 5 * 20, 700, 20)
    tracked = line("通讯", 50, 640, 20, spacing=6)
    latin = line("New", 50, 580) + line("Year。", 50 + 3 * 5 + 3.5, 580)
    lines, _ = rebuilt(words + tracked + latin + body)
    assert lines[:3] == ["融入日常 抓在经常", "通讯", "\u3000\u3000New Year。"]


def test_two_columns_on_one_baseline_are_two_lines_not_one():
    glyphs = line("左栏的句子。", 50, 700) + line("右栏的句子。", 50 + 6 * BODY + 1.5 * BODY, 700)
    lines, _ = rebuilt(glyphs)
    assert lines == ["\u3000\u3000左栏的句子。", "\u3000\u3000右栏的句子。"]


def test_spaces_drawn_as_glyphs_do_not_start_lines_and_an_empty_page_gives_no_text():
    glyphs = [Glyph(" ", 40, 45, 700, BODY), *line("句子。", 45, 700)]
    assert rebuilt(glyphs)[0] == ["\u3000\u3000句子。"]
    assert page_text_from_glyphs([]).text == ""


def test_a_page_drawn_row_by_row_across_columns_is_read_column_by_column():
    left = column([">左栏第一段", "左栏第一段的续行", "到此结束。", ">左栏第二段", "左栏结束了。"], 50, 700)
    right = column([">右栏第一段", "右栏第一段的续行", "到此结束。"], 50 + 9.5 * BODY, 700)
    headline = line("标题在这里", 50, 740, 20)
    rows = sorted(left + right, key=lambda g: (-g.y, g.x0))  # a converter's order: row by row
    page = page_text_from_glyphs(headline + rows)
    assert page.reordered
    assert page.text.split("\n") == [
        "标题在这里",
        "\u3000\u3000左栏第一段左栏第一段的续行到此结束。",
        "\u3000\u3000左栏第二段左栏结束了。",
        "\u3000\u3000右栏第一段右栏第一段的续行到此结束。",
    ]
    assert not page_text_from_glyphs(headline + left + right).reordered


def test_headlines_are_display_lines_even_on_a_page_with_more_headline_than_body_characters():
    glyphs = line("一条很长很长的大标题在这里", 50, 760, 22) + column([">正文一句。"], 50, 720)
    page = page_text_from_glyphs(glyphs)
    assert page.text.split("\n") == ["一条很长很长的大标题在这里", "\u3000\u3000正文一句。"]
    assert page.display_lines == {1}
