"""VER: figures and names that differ between versions of one article."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpuslint import Linter
from corpuslint.core.document import Document
from corpuslint.core.packs import PackStore
from corpuslint.corpus.align import align_streams, build_stream
from corpuslint.corpus.figures import FigureExtractor, parse_number

from conftest import ROOT, seed_path

VERSIONS = ROOT / "fixtures" / "versions"


@pytest.fixture(scope="module")
def fx() -> FigureExtractor:
    packs = PackStore()
    return FigureExtractor(packs.table("ver/units.txt", 2), packs.lines("ver/relative_dates.txt"))


def lint_versions(*texts: str, select=("VER",), options=None) -> list:
    docs = [Document(t, path=f"v{i}.txt", meta={"group": "article"}) for i, t in enumerate(texts)]
    return Linter(select=list(select), options=options).lint_documents(docs).findings


# -- figures ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,value,category", [
    ("2021年", 2021, "year"),
    ("２０１２年", 2012, "year"),
    ("210亿元", 210e8, "money"),
    ("1.5万人", 15000, "people"),
    ("15000人", 15000, "people"),
    ("百分之四十", 40, "percent"),
    ("40%", 40, "percent"),
    ("75％", 75, "percent"),
    ("二十三家", 23, "count"),
    ("五千万元", 5e7, "money"),
    ("12,000元", 12000, "money"),
    ("第四批", 4, "ordinal"),
    ("50多家", 50, "count"),
    ("四成", 40, "percent"),
    ("零点五个百分点", 0.5, "pp"),
])
def test_figure_values(fx, text, value, category):
    figs = fx.extract(text)
    assert len(figs) == 1, figs
    assert figs[0].value == pytest.approx(value)
    assert figs[0].category == category


@pytest.mark.parametrize("text", ["一体化发展", "统一思想", "汽车零部件", "十四五期间", "LED2灯", "万一出现"])
def test_not_figures(fx, text):
    assert fx.extract(text) == []


@pytest.mark.parametrize("x,y", [("1.5万", "15000"), ("２０１２年", "2012年"), ("百分之四十", "40%"),
                                 ("二十三个", "23个"), ("210亿元", "21000000000元")])
def test_equal_figures_written_differently(fx, x, y):
    fa, fb = fx.extract(x)[0], fx.extract(y)[0]
    assert fa.comparable(fb) and fa.same_value(fb)


@pytest.mark.parametrize("x,y,same", [
    ("2022-07-15", "2022年7月15日", True), ("2022.7.15", "二〇二二年七月十五日", True),
    ("2022-07-15", "7月15日", True), ("2022-07-15", "2022-07-16", False),
    ("1992年6月", "1993年6月", False),
])
def test_dates(fx, x, y, same):
    (fa,), (fb,) = fx.extract(x), fx.extract(y)
    assert fa.category == fb.category == "date"
    assert fa.comparable(fb) and fa.same_value(fb) is same


def test_parse_number():
    assert parse_number("1.5万") == 15000
    assert parse_number("二十三") == 23
    assert parse_number("十四五") is None


def test_relative_dates(fx):
    assert [w for _, _, w in fx.relative_dates("去年,宁波市政府印发了")] == ["去年"]


# -- alignment --------------------------------------------------------------------------------
def test_alignment_ignores_rewrapping_captions_and_punctuation():
    a = Document("余姚经济开发区按照市委部署，紧盯重点指标，全力争先进位。在产业上，形成规模集聚效应。\n")
    b = Document("余姚经济开发区按照市委部署,紧盯重点指标,全力争先进位。在产业上,形\n\n图为开发区一角\n\n成规模集聚效应。\n")
    al = align_streams(build_stream(a), build_stream(b))
    assert [(al.a.text[e.a_lo:e.a_hi], al.b.text[e.b_lo:e.b_hi]) for e in al.edits] == [("", "图为开发区一角")]
    # offsets map back into the original text
    lo = al.a.text.index("形成")
    blo, bhi, same = al.map_range(lo, lo + 1)
    assert same and b.text[al.b.offsets[blo]] == "形"


def test_alignment_keeps_decimal_points():
    al = align_streams(build_stream(Document("总投资约为1.5亿元。")), build_stream(Document("总投资约为15亿元。")))
    assert al.edits


# -- pairs ------------------------------------------------------------------------------------
BASE = ("2022年新落户丞达精机、景昇智能玻璃等8个亿元以上投资项目，总投资约为15亿元。"
        "目前，余姚经济开发区在库工业投资项目达26个，其中10亿元以上项目2个。\n"
        "2021年，规上工业总产值210亿元，高新技术产业产值占总产值比重达75%。\n")


def test_changed_figure_found_with_both_values_and_locations():
    found = lint_versions(BASE, BASE.replace("15亿元", "13亿元"))
    assert [f.code for f in found] == ["VER001"]
    f = found[0]
    assert f.path == "v1.txt" and "`13亿元`" in f.message and "`15亿元`" in f.message
    assert f.related and f.related[0].location.path == "v0.txt"
    assert f.fix is None  # two versions: nobody knows which is right


@pytest.mark.parametrize("old,new", [("75%", "78%"), ("2021年", "2020年"), ("26个", "28个"), ("210亿元", "201亿元")])
def test_changed_figures(old, new):
    found = lint_versions(BASE, BASE.replace(old, new))
    assert [f.code for f in found] == ["VER001"], found
    assert new in found[0].message


@pytest.mark.parametrize("old,new", [
    ("2021年", "去年"),                       # relative date
    ("规上工业总产值210亿元", "规模以上工业总产值达210亿元"),
    ("15亿元", "１５亿元"),                    # full-width digits
    ("75%", "百分之七十五"),
    ("，", ","),                              # punctuation width
    ("8个", "八个"),
    ("2021年，", "2021年6月30日，"),           # a date made more precise
])
def test_neutral_edits_are_not_findings(old, new):
    assert lint_versions(BASE, BASE.replace(old, new)) == []


def test_rewrapped_version_with_caption_is_clean():
    b = BASE.replace("总投资约为", "总投资约\n\n图为项目签约现场\n\n为")
    assert lint_versions(BASE, b) == []


def test_name_mismatch():
    found = lint_versions(BASE, BASE.replace("丞达精机", "丞达精密"))
    assert [f.code for f in found] == ["VER002"]
    assert "丞达精密" in found[0].message and "丞达精机" in found[0].message


def test_term_changed_in_one_character_is_reported():
    # 零配件 / 零部件: a product term of the article changed in one character is reported like a
    # name (a maintainer comparing two printings wants to see it); a synonym pair is not
    a = "提升小家电、塑料模具、汽车零部件三大传统产业。在汽车零配件产业，着力发展汽车轴承。\n"
    found = lint_versions(a, a.replace("汽车零配件产业", "汽车零部件产业"))
    assert [(f.code, f.flagged_text) for f in found] == [("VER002", "零部件")]


def test_word_swapped_in_a_compound_is_wording_not_a_term():
    # 现实情况 / 现实状况: two words, one swapped for another, is a rewording
    a = "我们必须从现实情况出发，研究解决新问题。\n"
    b = a.replace("现实情况", "现实状况")
    assert lint_versions(a, b) == []
    assert [f.code for f in lint_versions(a, b, select=["VER003"])] == ["VER003"]


def test_synonym_is_wording_not_name():
    a = "公司表示，将继续推动产业升级，并进一步扩大生产规模。\n"
    b = a.replace("推动产业", "推进产业")
    assert lint_versions(a, b) == []
    found = lint_versions(a, b, select=["VER003"])
    assert [f.code for f in found] == ["VER003"]


def test_common_word_swap_is_not_a_name():
    a = "公司表示，将继续加大研发投入，推动产业升级，并进一步扩大生产规模。\n"
    assert lint_versions(a, a.replace("公司表示", "企业表示")) == []
    assert lint_versions(a, a.replace("推动", "促进")) == []


def test_three_versions_majority_gets_fix():
    web = (VERSIONS / "taihang_web.txt").read_text(encoding="utf-8")
    paper = (VERSIONS / "taihang_paper.txt").read_text(encoding="utf-8")
    reprint = (VERSIONS / "taihang_reprint.txt").read_text(encoding="utf-8")
    found = lint_versions(web, paper, reprint)
    assert [(f.code, f.path) for f in found] == [("VER001", "v1.txt")]
    f = found[0]
    assert "八千万元" in f.message and "2 of 3" in f.message
    assert f.fix is not None and f.fix.applicability.value == "unsafe"
    assert f.fix.edits[0].content == "五千万元"


def test_two_real_versions_only_the_changed_figure():
    web = (VERSIONS / "taihang_web.txt").read_text(encoding="utf-8")
    paper = (VERSIONS / "taihang_paper.txt").read_text(encoding="utf-8")
    found = lint_versions(web, paper, select=["VER", "TYP004"])
    assert [(f.code, f.flagged_text) for f in found] == [("VER001", "八千万元")]


def test_missing_passage_is_opt_in():
    a = BASE + "企业是发展的生命线。余姚经济开发区紧盯重点企业，全力破难纾困，积极当好服务企业发展的服务员。\n结尾一句话在这里。\n"
    b = BASE + "结尾一句话在这里。\n"
    assert lint_versions(a, b) == []
    found = lint_versions(a, b, select=["VER004"])
    assert [(f.code, f.path) for f in found] == [("VER004", "v0.txt")]


# -- seeds ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_findings():
    return Linter(select=["VER", "TYP004"]).lint_paths([seed_path("000"), seed_path("001")]).findings


def _at(findings, prefix, line):
    return [f for f in findings if Path(f.path).name.startswith(prefix) and f.location.line == line]


def test_seed_names(seed_findings):
    (jing,) = _at(seed_findings, "001", 25)
    assert jing.code == "VER002" and "丞达精密" in jing.message and "丞达精机" in jing.message
    assert jing.related[0].location.line == 51
    zone = _at(seed_findings, "001", 47)
    assert [f.code for f in zone] == ["VER002", "VER002"]
    assert all("开发区" in f.flagged_text and f.related[0].location.line == 91 for f in zone)


def test_seed_no_finding_on_relative_date_or_abbreviation(seed_findings):
    for prefix, line in (("000", 35), ("001", 15), ("000", 95), ("001", 49)):
        assert not _at(seed_findings, prefix, line)


def test_seed_only_expected_lines(seed_findings):
    got = sorted({(Path(f.path).name[:3], f.location.line, f.code) for f in seed_findings})
    assert got == [("001", 25, "VER002"), ("001", 37, "TYP004"), ("001", 41, "VER002"), ("001", 47, "VER002")]


def test_template_editions_are_not_versions():
    day1 = ("本市今日天气：最高气温12度，最低气温3度，空气质量指数45，湿度60%，"
            "风力3级，日出时间6点15分，今日共有航班120架次起降。\n明日天气将继续晴好。\n")
    day2 = ("本市今日天气：最高气温15度，最低气温5度，空气质量指数72，湿度48%，"
            "风力2级，日出时间6点13分，今日共有航班131架次起降。\n明日天气将继续晴好。\n")
    assert lint_versions(day1, day2) == []


def test_traditional_reprint():
    from corpuslint.corpus.normalize import to_traditional

    web = (VERSIONS / "taihang_web.txt").read_text(encoding="utf-8")
    trad = to_traditional(web)
    assert lint_versions(web, trad) == []
    found = lint_versions(web, trad.replace("五千萬元", "八千萬元"))
    assert [(f.code, f.flagged_text) for f in found] == [("VER001", "八千萬元")]


# -- the difference classifier (corpus.differences) -------------------------------------------
def _labels(a: str, b: str) -> list[tuple[str, str, str]]:
    from corpuslint.corpus.differences import NEUTRAL, classifier_for

    c = classifier_for(PackStore())
    da, db = Document(a, path="a"), Document(b, path="b")
    sa, sb = build_stream(da), build_stream(db)
    diffs = c.classify(align_streams(sa, sb), c.figures_in(da, sa), c.figures_in(db, sb),
                       c.relative_in(da, sa), c.relative_in(db, sb))
    return [(d.kind, d.a_show, d.b_show) for d in diffs if d.kind != NEUTRAL]


@pytest.mark.parametrize("a,b,want", [
    # OCR look-alikes whose wrong character is a common word on its own
    ("现场工作人员到场处置。", "现场工作入员到场处置。", ("typo", "工作人员", "工作入员")),
    ("了解基本情况后决定。", "了解基木情况后决定。", ("typo", "基本", "基木")),
    ("推进土地整治工作。", "推进士地整治工作。", ("typo", "进土地", "进士地")),  # 进士 is a word by accident
    # next to a figure, at a figure's edge, inside a date
    ("现场两名员工受伤。", "现场丙名员工受伤。", ("typo", "两名", "丙名")),
    ("会议于3日举行。", "会议于13日举行。", ("figure", "3日", "13日")),
    ("报告于2023年05月发布。", "报告于2023日05月发布。", ("typo", "年", "日")),
    # a name changed on one side only, its other side an ordinary word
    ("学生考入浙江大学读书。", "学生考入浙工大学读书。", ("name", "浙江大学", "浙工大学")),
])
def test_classifier_labels(a, b, want):
    assert _labels(a, b) == [want]


@pytest.mark.parametrize("a,b", [
    ("该公司表示，将扩大生产。", "该企业表示，将扩大生产。"),  # a bare head is no name
    ("这家公司的发展很快。", "这家企业发展很快。"),
    ("他称将继续推进改革。", "他说将继续推进改革。"),
    ("规模以上工业总产值210亿元。", "规上工业总产值达210亿元。"),
    ("2021年营收增长。", "去年营收增长。"),
    ("依照法律规定处理。", "依照法规规定处理。"),  # 规规 across two words is no doubling
    ("患者每年发病两次。", "患者年年发病两次。"),  # an ordinary doubling
    ("推进厕所新建改建工作。", "推进厕所新建改建事务。"),  # 建工 straddles: no head
    ("这是决定性的一步。", "这是确定性的一步。"),  # 决定/确定: wording, not a term
    ("这与规定相符。", "这和规定相符。"),  # grammatical words swapped
])
def test_classifier_silent_or_wording(a, b):
    assert all(kind == "wording" for kind, _, _ in _labels(a, b))


def test_paraphrased_reprint_is_silent_by_default():
    a = ("公司表示，因此将继续推动产业升级。记者了解到，目前园区已经引进企业和项目，"
         "同时加强服务保障，迅速落实各项政策。\n")
    b = ("企业指出，所以将继续推进产业升级。本报记者了解到，当前园区已引进项目和企业，"
         "此外强化服务保障，快速落实各项政策。\n")
    assert lint_versions(a, b, select=("VER", "TYP004")) == []
