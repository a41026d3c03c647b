"""ENC rules on real seed text and on constructed bad input."""

from conftest import seed_path, seed_text

from corpuslint import Linter, fix_text, lint_text
from corpuslint.load import document_from_bytes

ENC = Linter(select=["ENC"])


def codes(findings):
    return [(f.code, f.location.line) for f in findings]


def test_no_break_space_lines_of_seed_000():
    text = seed_text("000")
    expected = [i for i, l in enumerate(text.split("\n"), 1) if l and not l.strip("\u00a0 ")]
    found = [f.location.line for f in ENC.lint_text(text) if f.code == "ENC003"]
    assert found == expected and len(found) == 30


def test_clean_seeds_have_no_other_enc_findings():
    for prefix in ("001", "002", "003", "004"):
        assert ENC.lint_text(seed_text(prefix)) == []


def test_invisible_line_fix_is_safe_and_empties_the_line():
    new, applied = fix_text("第一段。\n\u00a0\u3000\n第二段。\n", select=["ENC"])
    assert new == "第一段。\n\n第二段。\n" and len(applied) == 1


def test_ideographic_space_indent_is_not_flagged():
    assert lint_text("\u3000\u3000余姚经济开发区是我省首批省级经济开发区之一。\n", select=["ENC"]) == []


def test_control_and_zero_width_characters():
    text = "余姚\x00经济\u200b开发区\u00ad。\x1b[0m\n"
    found = lint_text(text, select=["ENC"])
    assert [(f.code, text[f.location.start:f.location.end]) for f in found] == [
        ("ENC004", "\x00"), ("ENC005", "\u200b"), ("ENC005", "\u00ad"), ("ENC004", "\x1b"),
    ]
    new, _ = fix_text(text, select=["ENC"])
    assert new == "余姚经济开发区。[0m\n"


def test_zwj_inside_emoji_sequence_is_fine_but_between_hanzi_is_not():
    assert lint_text("家庭👨\u200d👩\u200d👧合影\n", select=["ENC005"]) == []
    found = lint_text("开\u200d发区\n", select=["ENC005"])
    assert len(found) == 1 and found[0].fix.applicability.value == "unsafe"


def test_mojibake_kinds():
    gbk = "新闻报道".encode("utf-8").decode("gbk")
    latin = "余姚新闻".encode("utf-8").decode("cp1252")
    found = lint_text(f"据{gbk}，{latin}。锟斤拷\n", select=["ENC006"])
    msgs = [f.message for f in found]
    assert len(found) == 3
    assert "'新闻报道'" in msgs[0] and "'余姚新闻'" in msgs[1] and "lost" in msgs[2]
    fixed, _ = fix_text(f"据{gbk}。\n", select=["ENC006"], unsafe=True)
    assert fixed == "据新闻报道。\n"


def test_mojibake_never_fires_on_real_chinese():
    for prefix in ("000", "001", "002", "003", "004"):
        assert lint_text(seed_text(prefix), select=["ENC006"]) == []


def test_gbk_file_reports_encoding_only(tmp_path):
    data = seed_path("003").read_bytes().decode("utf-8").encode("gb18030")
    doc = document_from_bytes(data, "x.txt")
    assert doc.encoding == "gb18030"
    found = ENC.lint_documents([doc]).findings
    assert codes(found) == [("ENC001", 1)]
    assert found[0].fix.encoding == "utf-8"
