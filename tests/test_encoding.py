"""Text encodings are detected, never silently mis-decoded."""

import codecs

import pytest

from analysis.loading.encoding import DecodingError, decode_bytes
from analysis.loading.gb_or_big5 import gbk_reading

TEXT = "本报嘉峪关讯 6月13日，市政协召开常委会会议，围绕“强工业”行动协商建言。\n第二段。"


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8 (BOM)"),
        ("utf-16", "utf-16-le (BOM)"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
    ],
)
def test_common_chinese_encodings_decode_exactly(encoding, reported):
    decoded = decode_bytes(TEXT.encode(encoding))
    assert (decoded.text, decoded.encoding) == (TEXT, reported)


def test_a_file_mixing_utf8_and_gb18030_lines_is_decoded_line_by_line_with_a_warning():
    data = "第一行是UTF-8。".encode() + b"\n" + "第二行是GBK。".encode("gbk")
    decoded = decode_bytes(data)
    assert decoded.text == "第一行是UTF-8。\n第二行是GBK。"
    assert decoded.warning.code == "mixed_encodings"
    assert "mixed encodings" in decoded.warning.message and "lines 2" in decoded.warning.message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (bytes(range(256)) * 8, "binary"),
        ("日本語のテキストです。新聞の記事がここにあります。".encode("shift_jis"), "unknown encoding"),
        ("Ünïcödé Latin-1 text".encode("latin-1"), "save the file as UTF-8"),
    ],
)
def test_what_cannot_be_trusted_is_refused_with_a_reason(data, message):
    with pytest.raises(DecodingError, match=message):
        decode_bytes(data)


TRADITIONAL = "本報蘭州訊 省政協召開常委會會議，圍繞鄉村振興開展專題協商。委員們認為，應當進一步加強基層治理。"


def test_big5_text_is_read_as_big5_with_a_warning_to_check_it():
    decoded = decode_bytes(TRADITIONAL.encode("big5"))
    assert (decoded.text, decoded.encoding, decoded.warning.code) == (TRADITIONAL, "big5", "big5_decoded")


def test_a_mostly_english_table_with_a_few_big5_words_is_not_read_as_gb18030_nonsense():
    rows = "".join(f"Report {i},2024-06-{i + 1:02d},English text about meeting number {i} held today.\n"
                   for i in range(20))
    table = f"title,date,text\n{rows}甘肅省政協,2024-06-30,委員會\n"
    decoded = decode_bytes(table.encode("big5"))
    assert (decoded.text, decoded.encoding) == (table, "big5")  # as GB18030: 〆\ue174穦… at 97% "readable"


def test_gbk_text_with_units_arrows_and_circled_numbers_is_still_gbk():
    text = "甘肃省政协召开常委会会议，气温25℃，①协商→②落实，±0.5%，№3。"
    assert decode_bytes(text.encode("gbk")).encoding == "gb18030"


@pytest.mark.parametrize(("encoding", "reported", "named"),
                         [("big5", "big5", "Big5"), ("gbk", "gb18030 (traditional)", "GB18030")])
def test_a_file_mixing_utf8_and_traditional_lines_reads_those_lines_in_their_encoding(encoding, reported, named):
    data = "第一行是UTF-8。".encode() + b"\n" + "第二行是繁體中文，區議會議員們認為。".encode(encoding)
    decoded = decode_bytes(data)
    assert decoded.text == "第一行是UTF-8。\n第二行是繁體中文，區議會議員們認為。"
    assert decoded.encoding == f"mixed utf-8/{reported}"
    assert f"1 are {named} (lines 2)" in decoded.warning.message


def test_korean_read_as_gb2312_characters_in_no_order_is_refused_not_loaded():
    korean = "국회는 오늘 본회의를 열고 예산안을 통과시켰다. 정부는 경제 정책을 발표했다. 한국어 신문 기사 텍스트입니다."
    with pytest.raises(DecodingError, match="perhaps a Western, Japanese or Korean encoding"):
        decode_bytes(korean.encode("euc-kr"))  # as GB18030: 茄惫绢 脚巩 扁荤…, all GB2312 characters


@pytest.mark.parametrize(("data", "encoding"), [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "utf-16-le")])
def test_a_byte_order_mark_with_no_text_after_it_is_an_empty_file(data, encoding):
    with pytest.raises(DecodingError) as refused:
        decode_bytes(data)
    assert refused.value.code == "empty_after_bom" and refused.value.params == {"encoding": encoding}


LONG = "市政协召开主席会议，研究招商引资工作。会议强调要优化营商环境，推动高质量发展。\n" * 12


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_few_nul_bytes_inside_text_are_removed_and_their_lines_named(encoding):
    data = TEXT.encode(encoding) + b"\n" + "第三段".encode(encoding) + b"\x00\x00" + "落款。\n".encode(encoding)
    decoded = decode_bytes(data)
    assert decoded.text == TEXT + "\n第三段落款。\n"
    assert decoded.repaired.code == "nul_bytes_removed" and decoded.repaired.params == {"count": 2, "lines": "3"}
    assert "2 NUL byte(s) in the text (lines 3)" in decoded.repaired.message


def test_many_nul_bytes_still_make_a_binary_file():
    with pytest.raises(DecodingError) as refused:
        decode_bytes(TEXT.encode() + b"\x00" * 20)
    assert refused.value.code == "binary_file"


@pytest.mark.parametrize("tail", [LONG, ""])
def test_windows_quotes_inside_gbk_text_are_read_as_quotes_not_as_rare_characters(tail):
    # Word on a Western Windows pastes “ and ” as the single bytes 0x93 and 0x94
    data = ("委员们说：".encode("gbk") + b"\x93" + "要优化营商环境".encode("gbk") + b"\x94" + "。\n".encode("gbk")
            + "他说".encode("gbk") + b"\x97\x97" + "好。\n".encode("gbk") + tail.encode("gbk"))
    decoded = decode_bytes(data)
    assert decoded.text == "委员们说：“要优化营商环境”。\n他说——好。\n" + tail
    assert decoded.warning.code == "windows_punctuation"
    assert decoded.warning.params == {"count": 4, "lines": "1, 2"}


def test_the_windows_reading_is_judged_once_on_its_way_to_being_the_text(monkeypatch):
    from analysis.loading import encoding, encoding_repairs

    judged = []

    def counted(data, windows):
        judged.append(windows)
        return windows_encoding(data, windows)

    windows_encoding = encoding_repairs.windows_encoding
    for module in (encoding, encoding_repairs):  # wherever it is asked
        monkeypatch.setattr(module, "windows_encoding", counted)
    data = "委员们说：".encode("gbk") + b"\x93" + "要优化营商环境".encode("gbk") + b"\x94" + "。".encode("gbk")
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.warning.code) == ("委员们说：“要优化营商环境”。", "windows_punctuation")
    assert judged == ["委员们说：“要优化营商环境”。"]  # was twice: to choose the reading, then to name it


def test_a_windows_dash_alone_in_gbk_text_is_a_dash_not_the_rare_character_gbk_makes_of_it():
    data = "他说".encode("gbk") + b"\x97\x97" + f"好。\n{LONG}".encode("gbk")  # 0x97 0x97 is GBK's 棗
    decoded = decode_bytes(data)
    assert decoded.text == f"他说——好。\n{LONG}" and decoded.warning.code == "windows_punctuation"


def test_gbk_text_with_a_rare_character_whose_first_byte_is_a_windows_quote_stays_gbk():
    rare = bytes([0x93, 0xA1]).decode("gbk")  # a GBK/3 character whose lead byte is 0x93
    text = f"委员{rare}提出意见。\n" + LONG
    decoded = decode_bytes(text.encode("gbk"))
    assert (decoded.text, decoded.warning) == (text, None)


@pytest.mark.parametrize(
    ("text", "shown", "utf8"),
    [("失业", "失业", "ʧҵ"), ("突然失业\n", "突然失业", "ͻȻʧҵ"), ("title,text\n一只,指示\n", "一只,指示", "һֻ,ָʾ")],
)
def test_short_gbk_text_that_is_valid_utf8_by_chance_is_read_as_gbk_with_a_warning(text, shown, utf8):
    data = text.encode("gbk")
    assert utf8 in data.decode("utf-8")  # 失业 as UTF-8 is ʧҵ: the trap
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.warning.code) == (text, "gb18030", "gbk_not_utf8")
    assert decoded.warning.params == {"utf8": utf8, "gbk": shown}
    assert f"('{utf8}')" in decoded.warning.message


@pytest.mark.parametrize(("text", "utf8"), [("谢谢", "лл"), ("位", "λ")])
def test_gbk_bytes_whose_utf8_reading_is_plausible_too_are_refused_as_ambiguous(text, utf8):
    with pytest.raises(DecodingError) as refused:
        decode_bytes(text.encode("gbk"))
    assert refused.value.code == "utf8_or_gbk"
    assert refused.value.params == {"utf8": utf8, "gbk": text}
    assert "UTF-8 with a BOM" in str(refused.value)


def test_a_gbk_file_with_one_line_that_is_valid_utf8_by_chance_is_read_as_gbk_throughout():
    text = "突然失业\n本报讯 市政协召开主席会议，研究招商引资工作。\n"
    decoded = decode_bytes(text.encode("gbk"))  # was: line 1 as ͻȻʧҵ and a 'mixed encodings' warning
    assert (decoded.text, decoded.encoding, decoded.warning) == (text, "gb18030", None)


@pytest.mark.parametrize(
    "text",
    ["失业", "谢谢", "位", "café", "Müller", "Temperature 25°C ± 2", "© 2024 Gansu Daily",
     "привет мир", "банк", "{\"title\": \"¡á\"}", "本报讯 今天堃㵘𠮷。", "Lánzhōu 兰州", "α粒子"],
)
def test_ordinary_utf8_short_or_with_rare_characters_stays_utf8(text):
    decoded = decode_bytes(text.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.warning) == (text, "utf-8", None)


def test_a_mixed_file_keeps_its_latin_utf8_line_as_utf8():
    data = "Café Müller".encode() + b"\n" + "第二行是GBK。".encode("gbk")
    assert decode_bytes(data).text == "Café Müller\n第二行是GBK。"


def test_json_which_is_written_in_utf8_is_read_as_utf8_when_ambiguous_with_a_warning():
    data = '{"x": "λ", "y": "μ"}'.encode()  # as GBK: {"x": "位", "y": "渭"}, and nothing tells which
    with pytest.raises(DecodingError):
        decode_bytes(data)
    decoded = decode_bytes(data, utf8_when_ambiguous=True)
    assert (decoded.text, decoded.encoding, decoded.warning.code) == ('{"x": "λ", "y": "μ"}', "utf-8", "utf8_assumed")


@pytest.mark.parametrize("text", ["團結", "學習", "領導", "視察", "定西", "營商環境", "標題,正文\n領導視察,團結\n"])
def test_short_big5_text_that_gbk_also_decodes_is_read_as_big5_not_as_gbk_nonsense(text):
    data = text.encode("big5")
    assert data.decode("gb18030") != text  # 團結 as GBK: 刮挡, common characters forming no word
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.warning.code) == (text, "big5", "big5_decoded")


@pytest.mark.parametrize("text", ["团结", "学习", "领导", "视察", "定西", "营商环境", "简讯", "标题,正文\n领导视察,团结\n"])
def test_short_gbk_text_that_big5_also_decodes_stays_gbk(text):
    data = text.encode("gbk")
    assert data.decode("big5hkscs") != text  # 团结 as Big5: 芶賦
    assert (decode_bytes(data).text, decode_bytes(data).encoding) == (text, "gb18030")


def test_one_character_that_reads_as_a_common_character_in_gbk_and_in_big5_is_refused_as_ambiguous():
    data = "环".encode("gbk")  # as Big5 a character as common once simplified: nothing tells
    with pytest.raises(DecodingError) as refused:
        decode_bytes(data)
    assert refused.value.code == "gbk_or_big5"
    assert refused.value.params == {"gbk": "环", "big5": data.decode("big5hkscs")}
    assert "save the file as UTF-8" in str(refused.value)


@pytest.mark.parametrize("text", ["±2", "25°", "5²", "3½", "©2024", "§3", "±2\n"])
def test_a_tiny_utf8_file_of_a_sign_by_a_number_is_utf8_not_ambiguous(text):
    data = text.encode()
    assert data.decode("gb2312") != text  # ±2 as GBK: 卤2, a lone character by a number
    assert (decode_bytes(data).text, decode_bytes(data).encoding) == (text, "utf-8")


@pytest.mark.parametrize(("text", "encoding", "read_as"), [("±2", "big5", "big5"), ("§3", "gbk", "gb18030"),
                                                             ("λ", "gbk", "gb18030"), ("定西", "big5", "big5")])
def test_a_tiny_file_in_gbk_or_big5_is_read_as_the_sign_or_word_it_holds(text, encoding, read_as):
    decoded = decode_bytes(text.encode(encoding))  # ±2 in Big5 is GBK's ∮2, §3 in GBK is Big5's ∫3
    assert (decoded.text, decoded.encoding) == (text, read_as)


@pytest.mark.parametrize("text", ["¥5", "5楼"])
def test_a_tiny_file_whose_sign_could_be_a_common_character_is_still_refused_saying_what_to_do(text):
    with pytest.raises(DecodingError) as refused:
        decode_bytes(text.encode("utf-8" if "¥" in text else "gbk"))  # ¥5 as GBK is 楼5
    assert refused.value.code == "utf8_or_gbk" and "save the file as UTF-8 with a BOM" in str(refused.value)


def test_a_mixed_file_whose_other_lines_are_short_big5_reads_them_as_big5_not_as_gbk_nonsense():
    data = "第一行是UTF-8。".encode() + b"\n" + "團結".encode("big5") + b"\n" + "領導視察".encode("big5")
    decoded = decode_bytes(data)  # the two lines as GBK: 刮挡, 烩旧跌诡
    assert (decoded.text, decoded.encoding) == ("第一行是UTF-8。\n團結\n領導視察", "mixed utf-8/big5")
    assert decoded.warning.params["lines"] == "2, 3"


@pytest.mark.parametrize(("encoding", "cell", "read_as"), [("big5", "領導視察", "big5"), ("gbk", "领导视察", "gb18030")])
def test_a_long_english_table_with_one_short_chinese_cell_at_its_end_is_judged_by_that_cell(encoding, cell, read_as):
    rows = "".join(f"Report {i},English text about meeting number {i} held today.\n" for i in range(2000))
    table = f"title,text\n{rows}x,{cell}\n"  # the Chinese cell lies past the first 50,000 characters
    decoded = decode_bytes(table.encode(encoding))
    assert (decoded.text, decoded.encoding) == (table, read_as)


HONG_KONG = [
    "本報香港訊 立法會昨日舉行會議，審議政府工作報告。",
    "區議會選舉將於明年舉行，選民登記工作已經開始。",
    "行政長官發表施政報告，強調經濟發展與民生並重。",
    "立法會財務委員會通過撥款，支持區議會推動社區建設。",
    "標題,正文\n立法會辯論,議員們圍繞經濟發展進行辯論。\n區議會會議,區議會討論社區環境衛生問題。\n",
]
"""Traditional text as a Hong Kong or Taiwan article re-saved on a mainland Windows machine holds it."""


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
@pytest.mark.parametrize("text", HONG_KONG)
def test_traditional_text_saved_in_gbk_is_read_as_gbk_not_refused(text, encoding):
    decoded = decode_bytes(text.encode(encoding))  # was: unknown encoding (few of its characters are in GB2312)
    assert (decoded.text, decoded.encoding, decoded.warning) == (text, "gb18030 (traditional)", None)


@pytest.mark.parametrize("text", HONG_KONG)
def test_the_same_traditional_text_in_big5_is_still_read_as_big5(text):
    decoded = decode_bytes(text.encode("big5"))
    assert (decoded.text, decoded.encoding, decoded.warning.code) == (text, "big5", "big5_decoded")


@pytest.mark.parametrize("text", ["環境衛生", "選舉", "預算案", "行政長官", "領導", "通過"])
def test_short_traditional_gbk_is_not_read_as_the_big5_nonsense_its_bytes_also_make(text):
    data = text.encode("gbk")
    assert data.decode("big5hkscs") != text  # 環境衛生 in GBK is Big5's 虐噫苾汜, which was loaded
    assert (decode_bytes(data).text, decode_bytes(data).encoding) == (text, "gb18030 (traditional)")


NO_TEXT = ["da fe b5 78", "c9 57 e6 6a cd c7", "db 45 a9 de f5 ab ce 4a ee e2 ee 7b",
           "b7 4d d4 a1 e2 40 eb bc f5 76 e9 cf ed 44 eb 5d"]
"""Random byte pairs in the high range: as GBK rare characters that read as no Chinese (邺祒),
as Big5 rare ones in no order (罥硯)."""


@pytest.mark.parametrize("pairs", NO_TEXT)
@pytest.mark.parametrize("around", [("", ""), ("title,text\nx,", "\n")])
def test_short_bytes_that_read_as_neither_gbk_nor_big5_are_refused_not_loaded_as_big5_nonsense(pairs, around):
    data = around[0].encode() + bytes.fromhex(pairs) + around[1].encode()
    assert gbk_reading(data.decode("gb18030")) is None and data.decode("big5hkscs")  # Big5 alone was loaded
    with pytest.raises(DecodingError) as refused:
        decode_bytes(data)
    assert refused.value.code == "unknown_encoding" and "save the file as UTF-8" in str(refused.value)


@pytest.mark.parametrize("text", ["甘肅省", "彰化縣", "本報訊", "港珠澳大橋", "蘭州", "標題,正文\n要聞,甘肅省政協\n"])
def test_short_big5_text_whose_gbk_reading_is_none_is_still_read_as_big5(text):
    data = text.encode("big5")
    assert gbk_reading(data.decode("gb18030")) is None  # nothing to weigh it against: it stands alone
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.warning.code) == (text, "big5", "big5_decoded")


def test_a_mixed_file_whose_other_line_reads_as_neither_is_not_loaded_with_that_line_as_big5():
    data = "第一行是UTF-8。".encode() + b"\n" + bytes.fromhex(NO_TEXT[1])
    with pytest.raises(DecodingError) as refused:
        decode_bytes(data)  # its other line was Big5's 卬熝虰; whole, the file is neither UTF-8 nor GB18030
    assert refused.value.code == "not_utf8_or_gb18030" and "save the file as UTF-8" in str(refused.value)


@pytest.mark.parametrize(("text", "encoding"), [("這", "gbk"), ("廢", "big5")])
def test_one_traditional_character_that_reads_as_one_in_gbk_and_in_big5_is_refused_as_ambiguous(text, encoding):
    data = text.encode(encoding)  # 廢 in Big5 is GBK's 紀, as common once simplified: nothing tells
    with pytest.raises(DecodingError) as refused:
        decode_bytes(data)
    assert refused.value.code == "gbk_or_big5"
    assert refused.value.params == {"gbk": data.decode("gbk"), "big5": data.decode("big5hkscs")}


@pytest.mark.parametrize("text", ["經濟", "會議", "立法會", "們", "政府工作報告提出，要堅持穩中求進"])
def test_short_traditional_gbk_that_is_no_big5_is_read_as_gbk(text):
    assert (decode_bytes(text.encode("gbk")).text, decode_bytes(text.encode("gbk")).encoding) == (
        text, "gb18030 (traditional)")


@pytest.mark.parametrize("text", ["社區", "區域協調", "財務委員會通過撥款"])
def test_traditional_gbk_characters_starting_with_a_windows_quote_byte_are_characters_not_quotes(text):
    data = text.encode("gbk")  # 區 is 85 5E, and 0x85 is Windows-1252's …: 社區 is no 社…^
    assert (decode_bytes(data).text, decode_bytes(data).warning) == (text, None)


@pytest.mark.parametrize(
    ("data", "gbk"),
    [("基層治理們".encode("gbk") + b"\x93" + "審議發展".encode("gbk"), "基層治理們搶徸h發展"),
     ("審議".encode("gbk") + b"\x97\x97" + "，對外開放".encode("gbk"), "審議棗，對外開放")],
    ids=["quote_before_審", "dashes_or_棗"],
)
def test_traditional_gbk_with_windows_marks_that_could_be_characters_is_refused_not_garbled(data, gbk):
    with pytest.raises(DecodingError) as refused:
        decode_bytes(data)
    assert refused.value.code == "gbk_windows_or_traditional" and refused.value.params["gbk"] == gbk
    assert "save the file as UTF-8" in str(refused.value)


@pytest.mark.parametrize(
    ("pieces", "plain"),
    [(["工作", b"\x91\x91", "工作"], "工作憫工作"), (["。~", b"\x91", "会议", b"\x92"], "。~懟嵋閽"),
     (["会议", b"\x85", "^_^"], "会议區_^")],
)
def test_simplified_gbk_whose_windows_marks_make_traditional_characters_keeps_its_marks(pieces, plain):
    data = b"".join(p.encode("gbk") if isinstance(p, str) else p for p in pieces)
    assert data.decode("gb18030") == plain  # a traditional reading of sorts: 憫, 懟, 區
    decoded = decode_bytes(data)
    assert decoded.text == "".join(p if isinstance(p, str) else p.decode("cp1252") for p in pieces)
    assert (decoded.encoding, decoded.warning.code) == ("gb18030", "windows_punctuation")


@pytest.mark.parametrize(("text", "utf8"), [("一聲", "һ\x95"), ("還原", "߀ԭ")])
def test_short_traditional_gbk_that_is_valid_utf8_by_chance_is_read_as_gbk_with_a_warning(text, utf8):
    data = text.encode("gbk")
    assert data.decode("utf-8") == utf8  # GB2312 lacks 聲 and 還, so this was never questioned
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.warning.code) == (text, "gb18030 (traditional)", "gbk_not_utf8")


def test_a_traditional_gbk_table_with_a_line_that_is_valid_utf8_by_chance_is_gbk_throughout():
    text = "標題,正文\n還原\n依法治國，堅持憲法至上。\n"  # line 2 is valid UTF-8 (߀ԭ); 憲 is 91 97, two Windows marks
    decoded = decode_bytes(text.encode("gbk"))  # was, once traditional GBK loaded: a mixed file with line 2 as ߀ԭ
    assert (decoded.text, decoded.encoding, decoded.warning) == (text, "gb18030 (traditional)", None)


@pytest.mark.parametrize("text", ["凌厲", "嚴厲批評", "堅持憲法至上", "種植棗樹"])
def test_traditional_gbk_characters_made_of_two_windows_mark_bytes_are_read_where_they_form_words(text):
    data = text.encode("gbk")  # 厲 is 85 96 (…–), 憲 91 97 (‘—), 棗 97 97 (——)
    assert (decode_bytes(data).text, decode_bytes(data).encoding) == (text, "gb18030 (traditional)")
