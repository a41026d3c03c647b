"""TYP001 and TYP003 guards that read the sentence around a finding: lists of names, addresses,
regions named by their provinces, two abbreviated names before 两国, the passive 为……所, parallel
clauses, a tentative verb closing its clause, a surname before a title, a quoted expression, the
digits of a number.

Each valid case is silent with its guard and reported without it (the guard is what keeps it
silent); each invalid case is the same kind of misreading outside the context, still reported.
The examples are made up for the kind, not taken from the benchmark news.
"""

from __future__ import annotations

import pytest

from corpuslint import lint_text
from corpuslint.rules.typ import _doubling_guards as dg
from corpuslint.rules.typ import _guards
from corpuslint.rules.typ import doubled_character as dc

BAR0 = {"TYP003": {"min_score": 0.0}}


def _off(monkeypatch: pytest.MonkeyPatch, guard: str) -> None:
    """Switch a guard off wherever the rules look it up."""
    for module in (_guards, dc, dg):
        if hasattr(module, guard):
            monkeypatch.setattr(module, guard, lambda *args: False)


def _flagged(text: str, code: str) -> list[str]:
    return [f.flagged_text for f in lint_text(text, select=[code], options=BAR0)]


@pytest.mark.parametrize("text, guard, code", [
    ("评委有王建华、高己经、李国强等人。", "in_name_list", "TYP003"),  # a list of names
    ("评委有王建华、高设汁、李国强等人。", "in_name_list", "TYP003"),
    ("他来到山东省泰安市汊阳镇。", "in_address", "TYP003"),  # city | town name | town
    ("中蒙两国的友好关系", "before_pair_noun", "TYP003"),  # two abbreviated names before 两国
    ("他不为金钱所惑，一心工作。", "passive_suo", "TYP003"),  # 为……所 + verb
    ("坚持会会讲，周周查，并抓好落实。", "parallel_clauses", "TYP001"),  # the same shape twice
    ("要做到天天学，会会学。", "parallel_clauses", "TYP001"),
    ("这台机器他平时偶尔用用，很少出问题。", "clause_final_verb", "TYP001"),  # tentative VV
    ("这个工具大家都用用。", "clause_final_verb", "TYP001"),
    ("这件事的责任任老师已经说清楚了。", "surname_before_title", "TYP001"),  # 责任|任老师
    ("他的主任任同志来了。", "surname_before_title", "TYP001"),
    ("他说是来“充充电”的。", "in_short_quotation", "TYP001"),  # a quoted colloquialism
    ("请拨打服务电话二三六四三六七七查询。", "numeral_digits", "TYP001"),  # digits of a number
    ("服務電話（○二）二三六四三六七七詢問。", "numeral_digits", "TYP001"),
])
def test_guard_keeps_the_context_silent(text: str, guard: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _flagged(text, code) == []
    _off(monkeypatch, guard)
    assert _flagged(text, code)


@pytest.mark.parametrize("text, code, flagged", [
    ("会议由高己经主持。", "TYP003", "己"),  # no list: 己经 -> 已经 is a misreading
    ("评委有王建华、高己经、李国强等人。".replace("、", "，"), "TYP003", "己"),  # commas: no list of names
    ("笔者来到辽宁省沉阳市。", "TYP003", "沉"),  # a city after it: the lexicon knows 沈阳
    ("我到达了山西省析州市", "TYP003", "析"),  # the correction 杭州 takes a unit into its word
    ("《不不起的孩子》", "TYP001", "不不"),  # title brackets are not quotation marks
    ("他们完成了项目目，很少出问题。", "TYP001", "目目"),  # a noun closing its clause: no tentative verb
    ("他排在第七七名。", "TYP001", "七七"),  # an ordinal's digit doubled, no other digit beside it
])
def test_guards_leave_misreadings_outside_the_context(text: str, code: str, flagged: str) -> None:
    assert flagged in _flagged(text, code)


def test_name_list_reads_the_items_around() -> None:
    names = _guards.NameContext(frozenset(), frozenset(), frozenset(), frozenset(), 0, frozenset(), 0,
                                frozenset(), all_surnames=frozenset("高黄潘王李"), list_marks=frozenset("、"))
    text = "名单：王一、高某某、李二等"
    k = text.index("高")
    assert _guards.in_name_list(text, k, k + 3, names)
    note = "高某某（女）、李二"  # a parenthesised note after the name
    assert _guards.in_name_list(note, 0, 3, names)
    assert not _guards.in_name_list("名单：王一、张某某、李二", 6, 9, names)  # 张 is not among these surnames
    assert _guards.in_name_list("名单：张一、高某某、李二", 6, 9, names)  # 李二 after it is a name
    long_item = "名单：高某某、中华人民共和国"  # the other item is no name
    assert not _guards.in_name_list(long_item, 3, 6, names)
    assert not _guards.in_name_list("名单：王一、高某某某某、李二", 6, 11, names)  # too long for a name
    assert not _guards.in_name_list("发展高科技、新材料", 2, 5, names)  # 新材料 is no name: no list of names


def test_address_and_region_guards_on_their_own() -> None:
    units, small = frozenset("省市县镇乡村"), frozenset("镇乡村")
    assert _guards.in_address("某市甲阳镇", 2, 4, units, small)
    assert not _guards.in_address("某市甲阳市", 2, 4, units, small)  # a city: the lexicon knows it
    assert not _guards.in_address("某人甲阳镇", 2, 4, units, small)  # no unit before it
    names = _guards.NameContext(frozenset(), frozenset(), frozenset(), frozenset(), 0, frozenset(), 0,
                                frozenset(), provinces=frozenset("冀晋鲁豫云"), provinces_only=frozenset("冀豫"))
    assert _guards.province_pair("途经豫鲁边界", 2, names)
    assert not _guards.province_pair("途经云鲁边界", 2, names)  # 云 is more than a province's name
    assert not _guards.province_pair("途经豫东边界", 2, names)  # 东 names no province


def test_parallel_clauses_need_the_same_shape() -> None:
    assert dg.parallel_clauses("天天讲，月月讲。", 4)
    assert dg.parallel_clauses("事事关心，处处留心", 5)
    assert not dg.parallel_clauses("他们认真工作作，天天学习", 5)  # 3 from its clause's edge vs 0
    assert not dg.parallel_clauses("只有一个逗号里的作作。", 8)  # no neighbouring clause doubling


def test_numeral_digits_need_a_number_beside_them() -> None:
    assert dg.numeral_digits("二〇〇〇年", 1)
    assert dg.numeral_digits("四．七七亿美元", 2)  # a decimal point before
    assert dg.numeral_digits("七七亿元", 0)  # a large unit after
    assert not dg.numeral_digits("第七七名", 1)
    assert not dg.numeral_digits("他们的的确", 2)  # no digit


def test_clause_final_verb_and_surname_title() -> None:
    verbs = frozenset("用看")
    assert dg.clause_final_verb("，", "用", verbs)
    assert dg.clause_final_verb("", "看", verbs)  # the end of the text
    assert not dg.clause_final_verb("的", "用", verbs)
    assert not dg.clause_final_verb("，", "作", verbs)
    titles = frozenset({"老师", "同志"})
    assert dg.surname_before_title("主任任老师", 1, frozenset("任"), titles, 2)
    assert not dg.surname_before_title("主任任务重", 1, frozenset("任"), titles, 2)


def test_verb_object_thresholds_live_in_the_rule_data() -> None:
    from corpuslint.core.packs import PackStore
    from corpuslint.rules.typ._verb_object import verb_object_tables

    conf = PackStore().toml("typ/doubling.toml")["verb_object"]
    assert conf["min_verb_freq"] == 500 and "p" in conf["coverb_tags"]
    tables = verb_object_tables(PackStore())
    assert "改" in tables.verbs and "用" in tables.coverbs and "用" not in tables.verbs


@pytest.mark.parametrize("text, flagged", [
    # 中國|國際: two words in traditional script, read through their simplified form
    ("中央人民廣播電臺、中國國際廣播電臺和中央電視臺的記者今天在現場報道。", []),
    # the Taiwan particle 著 before 著名 (摆放着|著名), not a doubled slip
    ("展覽廳門口，赫然擺放著著名的郵票，大家都來參觀這個難得的展覽。", []),
    # a real slip in traditional script is still found
    ("展覽廳門口，赫然擺放著著名的郵票，自今年3月份份成立運行以來，大家都來參觀。", ["份份"]),
])
def test_doublings_in_traditional_script(text: str, flagged: list[str]) -> None:
    assert [f.flagged_text for f in lint_text(text, select=["TYP001"])] == flagged
