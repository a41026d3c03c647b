"""NRM: punctuation width, mixed traditional/simplified script, full-width letters and digits."""

from __future__ import annotations

import pytest
from conftest import SEEDS, seed_text

from corpuslint import Linter
from corpuslint.corpus.normalize import to_traditional


@pytest.fixture(scope="module")
def nrm():
    return Linter(select=["NRM"])


def found(linter, text):
    return [(f.code, f.flagged_text) for f in linter.lint_text(text)]


def test_consistent_seeds_are_not_flooded(nrm):
    # Every seed writes ASCII , : ; ( ) consistently (an NFKC trace): no finding by default.
    assert nrm.lint_paths([SEEDS]).findings == []


# -- NRM001 punctuation width ------------------------------------------------------------------
MIXED = "余姚经济开发区，是我省首批省级经济开发区之一,2010年至2019年，在全省考评中实现“十连冠”。\n"


def test_mixed_commas_report_the_minority(nrm):
    assert found(nrm, MIXED) == [("NRM001", ",")]
    fixed, _ = nrm.fix_text(MIXED)
    assert fixed == MIXED.replace(",", "，")


def test_minority_full_width_in_a_half_width_document(nrm):
    text = "去年,宁波市政府印发了方案,决定走“少而精”道路，集中力量打造平台,再次吹响号角。\n"
    assert found(nrm, text) == [("NRM001", "，")]
    assert nrm.fix_text(text)[0] == text.replace("，", ",")


def test_parentheses_are_judged_as_pairs(nrm):
    text = "江丰生物(企业)与宁波阳明（余姚）研究院、浙大（余姚）研究院合作。\n"
    assert found(nrm, text) == [("NRM001", "(企业)")]
    assert nrm.fix_text(text)[0] == text.replace("(企业)", "（企业）")


@pytest.mark.parametrize("text", [
    # Numbers, times, Western usage with a space after, enumerators: not Chinese context.
    "下载量达到1,038次，浏览6,323次，时间是10:30。\n",
    "[1] 章炳林. C2C电子商务的物流配送[J]. 北京: 中华书局, 2008，第1期。\n",
    "主要内容如下：(1)物流；(2)配送，见附录。\n",
    # House style: ASCII parentheses with full-width commas is consistent per pair.
    "淘宝(中国)网络科技有限公司，是一家公司，成立于2003年(北京)。\n",
])
def test_not_mixed(nrm, text):
    assert [c for c, _ in found(nrm, text) if c == "NRM001"] == []


def test_prefer_option_enforces_one_style():
    text = seed_text("001")
    full = Linter(select=["NRM001"], options={"NRM001": {"prefer": "fullwidth"}})
    findings = full.lint_text(text)
    assert len(findings) > 100 and {f.flagged_text[0] for f in findings} <= set(",:;()!?")
    fixed, _ = full.fix_text("去年,宁波市政府印发了《方案》(试行);决定走道路!\n")
    assert fixed == "去年，宁波市政府印发了《方案》（试行）；决定走道路！\n"
    half = Linter(select=["NRM001"], options={"NRM001": {"prefer": "halfwidth"}})
    assert half.fix_text("去年，宁波市政府印发了方案：（试行）。\n")[0] == "去年,宁波市政府印发了方案:(试行)。\n"


# -- NRM002 mixed script ------------------------------------------------------------------------
def test_traditional_characters_in_simplified_text(nrm):
    text = seed_text("000").replace("发展", "發展", 1).replace("经济开发区", "經濟开发区", 1)
    hits = [f for f in Linter(select=["NRM002"]).lint_text(text)]
    assert [f.flagged_text for f in hits] == ["經濟", "發"]
    fixed, _ = Linter(select=["NRM002"]).fix_text(text, unsafe=True)
    assert fixed == seed_text("000")


def test_traditional_documents_are_not_mixed():
    lint = Linter(select=["NRM002"])
    for prefix in ("000", "001", "004"):
        assert lint.lint_text(to_traditional(seed_text(prefix))) == []


def test_simplified_characters_in_traditional_text():
    text = to_traditional(seed_text("004")).replace("發展", "发展", 1)
    hits = Linter(select=["NRM002"]).lint_text(text)
    assert [f.flagged_text for f in hits] == ["发"]
    assert "traditional '發'" in hits[0].message


@pytest.mark.parametrize("text", [
    "乾坤未定，他的著名著作在瞭望塔上写成，宫商角徵羽皆备。" * 3,
    "景昇智能玻璃有限公司与丞达精密签约，这是余姚开发区的又一个好项目，发展很快。" * 2,
])
def test_simplified_forms_that_look_traditional(text):
    assert Linter(select=["NRM002"]).lint_text(text) == []


def test_allow_and_quotes_options():
    text = "余姚经济开发区的发展很快，企业说“這是好事”，乾隆年间这里是海。" * 2
    lint = Linter(select=["NRM002"])
    assert {f.flagged_text for f in lint.lint_text(text)} == {"這"}
    quiet = Linter(select=["NRM002"], options={"NRM002": {"skip_quotes": True}})
    assert quiet.lint_text(text) == []
    allow = Linter(select=["NRM002"], options={"NRM002": {"allow": ["這是"]}})
    assert allow.lint_text(text) == []


def test_question_mark_for_a_lost_interpunct_is_left_alone(nrm):
    text = "约翰?史密斯说，他明天到。玛丽?居里来了，她会来吗？你去吗?我不去，真的。\n"
    assert found(nrm, text) == [("NRM001", "?")]
    assert nrm.fix_text(text)[0] == text.replace("吗?", "吗？")


def test_full_width_parentheses_are_not_pushed_to_ascii(nrm):
    text = "会议(北京)召开，代表(一百人)到会，报告(全文)发布，附件（二）见后。\n"
    assert found(nrm, text) == []
    strict = Linter(select=["NRM001"], options={"NRM001": {"prefer": "halfwidth"}})
    assert ("NRM001", "（二）") in found(strict, text)


# -- NRM003 full-width letters and digits -------------------------------------------------------
def test_fullwidth_digits_and_letters_on_request():
    text = "截至２０１２年底，ＧＤＰ增长７．５％，５Ｇ基站建成。\n"
    strict = Linter(select=["NRM003"], options={"NRM003": {"prefer": "halfwidth"}})
    assert [t for c, t in found(strict, text)] == ["２０１２", "ＧＤＰ", "７．５％", "５Ｇ"]
    assert strict.fix_text(text)[0] == "截至2012年底，GDP增长7.5%，5G基站建成。\n"


def test_fullwidth_house_style_is_not_a_defect(nrm):
    # a newspaper writing every number full-width: consistent, no finding by default
    text = "截至２０１２年底，ＧＤＰ增长７．５％，５Ｇ基站建成。\n" * 5
    assert found(nrm, text) == []


def test_mostly_fullwidth_with_some_halfwidth_is_one_finding(nrm):
    text = "截至２０１２年底，ＧＤＰ增长７．５％，５Ｇ基站建成。\n" * 5 + "另有3个项目。\n"
    got = [f for f in nrm.lint_text(text) if f.code == "NRM003"]
    assert len(got) == 1 and "20 times" in got[0].message and "half-width 1 times" in got[0].message
    assert nrm.fix_text(text)[0] == "截至2012年底，GDP增长7.5%，5G基站建成。\n" * 5 + "另有3个项目。\n"


def test_ascii_and_full_width_symbols_alone_are_fine(nrm):
    assert found(nrm, "最大功率：51Kw／6000rpm，售价５万元以内？不。") == [("NRM003", "５")]
    assert found(nrm, "最大功率：51Kw／6000rpm。") == []


def test_taiwan_and_hong_kong_traditional_are_not_mixed():
    import opencc

    lint = Linter(select=["NRM002"])
    for cfg in ("s2tw", "s2hk", "s2twp"):
        assert lint.lint_text(opencc.OpenCC(cfg).convert(seed_text("002"))) == []


def test_bad_prefer_value_is_an_option_error():
    from corpuslint.core import OptionError

    with pytest.raises(OptionError):
        Linter(select=["NRM001"], options={"NRM001": {"prefer": "wide"}}).lint_text("去年,宁波。")


def test_mixed_script_one_finding_per_word_fixing_every_occurrence():
    from corpuslint import Linter

    text = ("余姚经济开发区成立以後，发展迅速。" * 3 + "开发区现有企业七百多家，主要以化纤、电器为主，产业集聚发展。\n") * 2
    found = Linter(select=["NRM002"]).lint_text(text)
    assert len(found) == 1 and "6 times" in found[0].message
    assert len(found[0].fix.edits) == 6 and len(found[0].related) == 5
    fixed, _ = Linter(select=["NRM002"]).fix_text(text, unsafe=True)
    assert "後" not in fixed and fixed.count("以后") == 6


def test_simplified_conversion_goes_line_by_line():
    """NRM002 converts a document's paragraphs in one OpenCC call (joined by newlines) to see
    that none changes: that holds only while the conversion of the whole is that of each line."""
    from corpuslint.corpus.normalize import to_simplified

    for path in sorted(SEEDS.glob("*.txt")):
        lines = [x for x in to_traditional(path.read_text(encoding="utf-8")).splitlines() if x.strip()]
        assert to_simplified("\n".join(lines)) == "\n".join(to_simplified(x) for x in lines)


def test_traditional_line_among_simplified_lines_is_found(nrm):
    simplified = "余姚经济开发区走出了一条用创新浇筑的发展之路。\n\n" * 6
    text = simplified + "开发区的發展之路越走越宽。\n"
    found = [(f.code, f.location.line) for f in nrm.lint_text(text) if f.code == "NRM002"]
    assert found == [("NRM002", 13)]


def test_fullwidth_minority_runs_are_one_finding_per_document(nrm):
    text = "今年前4个月，全市完成投资120亿元，同比增长8.5%，其中工业投资５０亿元，增长１２%。\n"
    got = [f for f in nrm.lint_text(text) if f.code == "NRM003"]
    assert len(got) == 1 and "full-width 2 times" in got[0].message
    fixed, _ = Linter(select=["NRM003"]).fix_text(text)
    assert "50亿元" in fixed and "12%" in fixed


def test_punctuation_minority_is_one_finding_per_document_and_pair(nrm):
    text = ("去年，宁波市政府印发了方案，决定走“少而精”道路,集中力量打造平台，再次吹响号角。\n"
            "今年，开发区继续推进改革，招商引资,项目建设,营商环境都有进步，群众满意。\n")
    got = [f for f in nrm.lint_text(text) if f.code == "NRM001"]
    assert len(got) == 1 and "3 times" in got[0].message and got[0].flagged_text == ","
    fixed, _ = nrm.fix_text(text)
    assert fixed == text.replace(",", "，") and nrm.fix_text(fixed)[1] == []
    strict = Linter(select=["NRM001"], options={"NRM001": {"prefer": "fullwidth"}})
    assert len(strict.lint_text(text)) == 3  # a preferred style reports every mark


def test_japanese_paragraphs_and_many_quoted_words_do_not_flood(nrm):
    simplified = "余姚经济开发区走出了一条用创新浇筑的发展之路，开发区的发展越来越好。\n\n" * 6
    japanese = "小説家・夏目漱石の言葉を思い出した。\n"
    assert [f for f in nrm.lint_text(simplified + japanese) if f.code == "NRM002"] == []
    quoted = to_traditional("红楼梦第七十五回：开夜宴异兆发悲音，赏中秋新词得佳谶。贾母说这里的风景很好，众人听了都说是，"
                            "宝玉读书写字画画，凤姐管家理财算账。")
    got = [f for f in nrm.lint_text(simplified * 3 + quoted + "\n") if f.code == "NRM002"]
    assert len(got) == 1 and "different words" in got[0].message
