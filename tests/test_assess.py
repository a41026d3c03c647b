"""Per-document assessment (keep/drop by a policy, score, tags) and clean_text."""

import pytest

from conftest import chrome_page, seed_text
from corpuslint import Linter, Policy, clean_text

CLEAN = "余姚经济开发区是我省首批省级经济开发区之一。\n\n2010年至2019年，开发区在全省综合考评中实现十连冠。\n"
MOJIBAKE = "浣欏鍖呮嫭缁忔祹寮€鍙戝尯鏄垜鐪侀鎵圭渷绾х粡娴庡紑鍙戝尯涔嬩竴銆?\n"


@pytest.fixture
def linter():
    return Linter()


def test_clean_text_is_kept_with_full_score(linter):
    a = linter.assess(CLEAN)
    assert (a.keep, a.score, a.by_family, a.tags, a.reasons, a.findings) == (True, 1.0, {}, [], [], [])


def test_mostly_chrome_page_is_dropped_by_a_configurable_share(linter):
    a = linter.assess(chrome_page())
    assert not a.keep and a.reasons == ["mostly-chrome"] and a.chrome_share > 0.9
    assert "chrome" in a.tags and a.by_family["CHR"] == sum(f.code.startswith("CHR") for f in a.findings)
    assert 0.0 < a.score < 0.1
    loose = Linter().assess(chrome_page(), policy=Policy(max_chrome_share=1.0))
    assert loose.keep and loose.score == a.score
    # a page whose chrome is many short lines around a long article is kept: its chrome is
    # for clean_text (a third of the characters, though most of the lines)
    page = Linter().assess(seed_text("003"))
    assert page.keep and "chrome" in page.tags and 0.2 < page.chrome_share < 0.5


def test_mojibake_and_undecodable_are_dropped_unless_the_policy_keeps_them(linter):
    a = linter.assess(MOJIBAKE)
    assert not a.keep and a.reasons == ["mojibake"] and "mojibake" in a.tags
    assert Linter().assess(MOJIBAKE, policy=Policy(drop_mojibake=False)).keep
    b = linter.assess({"id": "r9", "body": "正文。"})  # no "text" field: nothing to read
    assert not b.keep and b.reasons == ["undecodable"] and b.score == 0.0
    assert Linter().assess({"id": "r9", "body": "正文。"}, text_field="body").keep


def test_a_near_duplicate_of_an_earlier_batch_item_is_dropped_the_original_kept():
    linter = Linter()
    original, reprint = linter.assess_batch([seed_text("000"), seed_text("001")])
    assert original.keep and "near-duplicate" not in original.tags
    assert not reprint.keep and reprint.reasons == ["near-duplicate"]
    assert any(f.code == "DUP004" for f in original.findings)  # reported, but it is the first


def test_exact_repeat_of_an_earlier_text_is_dropped_and_score_orders_defects():
    linter = Linter()
    assert linter.assess(CLEAN).keep
    again = linter.assess(CLEAN)
    assert not again.keep and again.reasons == ["exact-duplicate"]
    assert Linter().assess(CLEAN).keep  # the memory is the linter's
    typo = Linter().assess("今年3月份份，开发区新引进项目二十个，总投资五十亿元。\n")
    assert typo.keep and typo.tags == ["typos"] and 0.5 <= typo.score < 1.0
    strict = Linter().assess("今年3月份份，开发区新引进项目二十个，总投资五十亿元。\n", policy=Policy(min_score=0.99))
    assert not strict.keep and strict.reasons == ["low-score"]
    with pytest.raises(ValueError, match="max_chrome_share"):
        Policy(max_chrome_share=2)


def test_clean_text_removes_chrome_repeats_and_hygiene_never_typos():
    page = seed_text("003")
    cleaned = clean_text(page)
    assert "当前位置:首页" in page and "当前位置:首页" not in cleaned  # breadcrumb (CHR001)
    assert "版权声明" not in cleaned and "相关文章" not in cleaned  # copyright, article list
    assert "蕞强增长极" in cleaned and "部份" not in cleaned  # look-alike guess kept; the notice holding 部份 went
    para = "余姚经济开发区是我省首批省级经济开发区之一，今年新引进亿元以上项目二十个。"
    text = f"{para}\n\n今年3月份份，开发区新引进项目。\n\n{para}\n\n正文\u200b结束。\n"
    assert clean_text(text) == f"{para}\n\n今年3月份份，开发区新引进项目。\n\n正文结束。\n"
    assert clean_text(text, repeats=False, hygiene=False) == text
    assert clean_text(clean_text(page)) == clean_text(page)  # idempotent


def test_lint_records_merged_yields_each_record_once_with_its_corpus_findings():
    records = [{"id": "web", "text": seed_text("000")}, {"id": "paper", "text": seed_text("001")}]
    streamed = list(Linter(select=["DUP004", "ENC003"]).lint_records(records))
    assert [rid for rid, _ in streamed] == ["web", "paper", "web", "paper"]  # corpus findings come later
    merged = list(Linter(select=["DUP004", "ENC003"]).lint_records(records, merged=True))
    assert [rid for rid, _ in merged] == ["web", "paper"]
    codes = {rid: sorted({f.code for f in fs}) for rid, fs in merged}
    assert codes == {"web": ["DUP004", "ENC003"], "paper": ["DUP004"]}
    assert all(fs == sorted(fs, key=lambda f: (f.location.start, f.location.end, f.code, f.message))
               for _, fs in merged)
