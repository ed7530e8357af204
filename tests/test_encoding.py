"""Text encodings are detected, never silently mis-decoded."""

import pytest

from analysis.loading.encoding import DecodingError, decode_bytes

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
        ("繁體中文的報紙內容很長，還有更多文字在這裡。".encode("big5"), "unknown encoding"),
        ("Ünïcödé Latin-1 text".encode("latin-1"), "save the file as UTF-8"),
    ],
)
def test_what_cannot_be_trusted_is_refused_with_a_reason(data, message):
    with pytest.raises(DecodingError, match=message):
        decode_bytes(data)
