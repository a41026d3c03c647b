from corpuslint.core import Document
from corpuslint.load import decode_bytes, detect_newline, document_from_bytes


def test_lines_and_paragraphs_lf():
    doc = Document("标题\n\n\u00a0\n第一段。\n  第二段。  \n")
    assert [l.text for l in doc.lines] == ["标题", "", "\u00a0", "第一段。", "  第二段。  "]
    assert [(p.line, p.text) for p in doc.paragraphs] == [(1, "标题"), (4, "第一段。"), (5, "第二段。")]
    p = doc.paragraphs[2]
    assert doc.text[p.start:p.end] == "第二段。"


def test_crlf_offsets_keep_carriage_returns_out_of_lines():
    text = "甲乙\r\n丙丁\r\n"
    doc = Document(text, newline=detect_newline(text))
    assert doc.newline == "\r\n"
    assert [l.text for l in doc.lines] == ["甲乙", "丙丁"]
    assert doc.lines[1].start == 4
    assert doc.position(4).line == 2 and doc.position(4).column == 1
    start, end = doc.line_span(1)
    assert text[start:end] == "甲乙\r\n"


def test_position_is_one_based_code_points():
    doc = Document("ab\n余姚经济\n")
    pos = doc.position(5)
    assert (pos.line, pos.column) == (2, 3)
    end = doc.position(10_000)  # clamped to the end of the text
    assert (end.line, end.column) == (3, 1)


def test_no_trailing_newline_last_line():
    doc = Document("a\nb")
    assert [l.text for l in doc.lines] == ["a", "b"]
    assert doc.line_span(2) == (2, 3)


def test_decode_bom_and_legacy_encodings():
    text = "余姚经济开发区是我省首批省级经济开发区之一。"
    assert decode_bytes(text.encode("utf-8")).encoding == "utf-8"
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode()).encoding == "utf-8-sig"
    assert decode_bytes(text.encode("utf-16")).text == text
    assert decode_bytes(text.encode("utf-32")).text == text
    gbk = decode_bytes(text.encode("gbk"))
    assert gbk.text == text and gbk.encoding == "gb18030"
    trad = "餘姚經濟開發區是我省首批省級經濟開發區之一。"
    big5 = decode_bytes(trad.encode("big5"))
    assert big5.text == trad and big5.encoding == "big5"


def test_binary_is_an_error_not_an_exception():
    doc = document_from_bytes(bytes(range(256)) * 20, "x.bin")
    assert doc.decode_error and doc.text == ""
