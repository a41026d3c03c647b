"""TYP004: typos shown by another version of the same article."""

from __future__ import annotations

from pathlib import Path

from corpuslint import Linter
from corpuslint.core.document import Document

from conftest import seed_path


def lint_versions(*texts: str) -> list:
    docs = [Document(t, path=f"v{i}.txt", meta={"group": "article"}) for i, t in enumerate(texts)]
    return Linter(select=["TYP004"]).lint_documents(docs).findings


GOOD = ("做大做强机器人与智能装备、新材料两大主导产业。以新材料产业溅射靶材制造为核心，"
        "向上游拓展超高纯金属材料的提纯制备，带动基础材料企业的发展。\n")


def test_seed_typos_found_on_the_ocr_version():
    found = Linter(select=["TYP004"]).lint_paths([seed_path("000"), seed_path("001")]).findings
    assert sorted((Path(f.path).name[:3], f.location.line, f.flagged_text, f.fix.edits[0].content)
                  for f in found) == [("001", 37, "超超纯", "超高纯"), ("001", 37, "辐射射", "溅射靶")]
    for f in found:
        assert f.fix.applicability.value == "unsafe"
        assert Path(f.related[0].location.path).name[:3] == "000" and f.related[0].location.line == 71


def test_doubled_substitution():
    bad = GOOD.replace("溅射靶材", "辐射射材").replace("超高纯", "超超纯")
    expected = [("辐射射", "溅射靶"), ("超超纯", "超高纯")]
    found = lint_versions(GOOD, bad)
    assert [(f.path, f.flagged_text, f.fix.edits[0].content) for f in found] == [("v1.txt", *e) for e in expected]
    # The side with the typo gets the finding whichever version comes first.
    found = lint_versions(bad, GOOD)
    assert [(f.path, f.flagged_text, f.fix.edits[0].content) for f in found] == [("v0.txt", *e) for e in expected]


def test_doubled_insertion():
    a = "目前，开发区组建了2个工业社区，自今年3月份成立运行以来，成效明显。\n"
    found = lint_versions(a, a.replace("3月份", "3月份份"))
    assert [(f.path, f.flagged_text) for f in found] == [("v1.txt", "份份")]
    assert found[0].fix.edits[0].content == "份"


def test_legitimate_reduplication_is_not_a_typo():
    a = "他们经常来这里看看，了解企业的情况。\n"
    assert lint_versions(a, a.replace("经常", "常常")) == []


def test_word_swaps_are_not_typos():
    a = "淘宝可以以作为第四方监督在使用淘宝推荐的服务时进行赔付，以及其他服务。\n"
    assert lint_versions(a, a.replace("可以", "能够")) == []
    assert lint_versions(a, a.replace("以及", "和")) == []


def test_both_words_is_not_a_typo():
    a = "2022年新落户丞达精机、景昇智能玻璃等8个亿元以上投资项目。\n"
    assert lint_versions(a, a.replace("丞达精机", "丞达精密")) == []


def test_lookalike_where_neither_side_is_a_word():
    # 由 and 甲 form no word with their neighbours: the character bigrams and the words around
    # decide, in both versions' contexts
    a = "本次会议由市政府主持召开，各部门负责人参加。\n"
    for texts, bad in (((a, a.replace("由", "甲")), "v1.txt"), ((a.replace("由", "甲"), a), "v0.txt")):
        found = lint_versions(*texts)
        assert [(f.path, f.flagged_text, f.fix.edits[0].content) for f in found] == [(bad, "甲", "由")]


def test_lookalike_that_forms_a_word_with_its_neighbour():
    # 木轮 is a word, yet 男排木轮比赛 reads far worse than 男排本轮比赛
    a = "上海男排本轮比赛又输给了对手。\n"
    found = lint_versions(a, a.replace("本轮", "木轮"))
    assert [(f.path, f.flagged_text, f.fix.edits[0].content) for f in found] == [("v1.txt", "木轮", "本轮")]
    b = "他们自己动手修好了房子。\n"
    found = lint_versions(b, b.replace("自己", "自已"))
    assert [(f.path, f.flagged_text) for f in found] == [("v1.txt", "自已")]


def test_lookalikes_editors_swap_are_not_typos():
    # 至 and 到 look alike, but the recognizer never confused them and both read well
    for a in ("活动从3月1日至5月7日在全市开展。\n", "价格从3元提高至5元。\n"):
        assert lint_versions(a, a.replace("至", "到")) == []


def test_lookalike_beside_a_rewording_is_found():
    # the alignment merges 往/住 with the 的 dropped next to it (的损失往 / 损失住)
    a = "这次洪水造成的损失往往难以估计。\n"
    found = lint_versions(a, a.replace("的损失往往", "损失住往"))
    assert [(f.path, f.flagged_text, f.fix.edits[0].content) for f in found] == [("v1.txt", "住往", "往往")]


def test_word_cut_by_a_paragraph_break_is_not_a_typo():
    # 问题 / 难题 is an editor's swap; re-wrapping cut 难题 in the other version
    a = "不知这一问题是否已引起有关部门的重视。\n"
    assert lint_versions(a, a.replace("问题", "难\n\n题")) == []
