"""TYP: OCR typos and misspellings — valid and invalid cases per rule, seeds, clean paragraphs."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from corpuslint import Linter, lint_text
from corpuslint.rules.typ import confusable_character as cc
from corpuslint.rules.typ._channel import read_ocr_table
from corpuslint.rules.typ import _guards
from corpuslint.rules.typ._verb_object import VerbObjectTables, reduplicated_before_object
from corpuslint.rules.typ._guards import in_given_name

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(select=["TYP001", "TYP002", "TYP003"])


def flagged(linter: Linter, text: str, code: str | None = None) -> list[str]:
    return [f.flagged_text for f in linter.lint_text(text) if code is None or f.code == code]


# --- TYP001 doubled-character -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("目前，开发区自今年3月份份成立运行以来，成效明显。", "份份"),
    ("余姚紧锣密鼓编制沪甬甬五年行动计划。", "甬甬"),
    # Both copies belong to words (效|效果), but the stray one costs a whole word.
    ("并且治疗效效果比较有限。", "效效"),
    ("国家对外贸贸易统制政策。", "贸贸"),
    # jieba lists 配配 with a token count of 3: not a word.
    ("集研发、试验和配配套于一体。", "配配"),
    # A doubled function word that joins no neighbour into a word.
    ("这是何等的的艰难。", "的的"),
    ("征集家庭合影和和故事。", "和和"),
    # A productive suffix doubled at the end of a run is a slip unless it is a place suffix.
    ("加快人才培养项目目，", "目目"),
    # A free character after a word that ends with it, costing a whole word.
    ("这是社会的基本特征征。", "征征"),
    # A suffix character before a verb that starts with it: no title of a name (农村厅|厅长).
    ("该公司表表示将继续合作。", "表表"),
    # A given-name character after a word that ends with it, where the word reading holds.
    ("这项规定正式式施行。", "式式"),
    # The same after a common word (曾经|经, 法国|国): at the name bar, not the name exemption.
    ("1926年，他曾经经到苏联接受过培训。", "经经"),
    ("听到这种话，法国国总统府吓了一跳。", "国国"),
    # The guards above do not reach these: a classifier inside a clause, a function character
    # before the organisation word, one doubling without a parallel.
    ("他们买了只只肥壮的羊。", "只只"),
    ("自今年3月份份成立的公司。", "份份"),
    ("由于气候原因，种粮粮难收。", "粮粮"),
    # A verb doubled before a complement or a bound half of a word is no verb-object doubling.
    ("他们决定退退出比赛。", "退退"),
    ("进一步保保障民生。", "保保"),
])
def test_doubled_invalid(linter: Linter, text: str, expected: str) -> None:
    assert flagged(linter, text, "TYP001") == [expected]


@pytest.mark.parametrize("text", [
    "他常常去看看那里的人人都说好，天天如此，个个高兴。",
    "谢谢妈妈，我们匆匆忙忙地走了，高高兴兴地回家。",
    "我们一一对应，一条条地核对，绿油油的麦田。",
    "中国国家统计局公布，人民民主专政，上海海关查获。",
    "以运输为目的的车辆，可以以此为据，所有有关单位。",
    "王莉莉和童童都说说笑笑，慢慢地走。",
    "农业农村厅厅长出席会议。",
    "北周296窟窟顶绘制的壁画。",
    "哈哈哈，太好了。",
    "清理克孜尔石窟窟前地段时发现了木简。",  # a noun, then the noun with a place word
    "货物今天运抵张家港港。",  # the port of Zhangjiagang
    "在中共党员林林的介绍下入党。",  # 员林 is a word, but 林林 is a name
    "妈妈给衣服扣扣子。",  # a verb and the noun made from it
    "有的是柿柿如意的好彩头。",  # a pun: neither copy joins a word
    "我问他他怎么变了，你觉得不得了了吗？",  # pronoun object then subject; 不得了|了
    "花开得红艳艳的，一片明艳艳。",  # ABB adjectives
    "城镇文化旅游站站长王晋强介绍。",  # jieba tags 站长 a verb: a title all the same
    "绵羊在自由自在地吃草，只只肥壮，像一头头小牛。",  # a classifier at a clause start: "every one"
    "通过资本运作，能源源注入西单商场。",  # the best reading takes 源源: 能|源源|注入
    "一道出来度度假也很自然，散散步。",  # a verb reduplicated before its object (度假)
    "美国爱美健健康食品公司生产的饮料。",  # a name (爱美健), then 健康食品公司
    "该商场坐落在北京京港城市广场。",  # 北京, then the name 京港城 of a plaza
    "由于气候原因，种粮粮难收，种树树不长。",  # parallel clauses, written on purpose
    "他只好改改口，说没有这回事。",  # a verb reduplicated before its object: 改口 (jieba's tags)
    "退休以后在家享享清福。",  # 享清福
    "上台以前润润嗓子再唱。",  # a noun after the doubled verb (嗓子), more common than jieba's 润嗓
    "芳草萋萋，寒风冽冽，杨柳依依。",  # literary doublings the lexicon lacks (typ/literary_doublings.txt)
    "山林蓊郁郁的一片。",  # 郁郁 is a word of its own, also after 蓊郁
])
def test_doubled_valid(linter: Linter, text: str) -> None:
    assert flagged(linter, text, "TYP001") == []


def test_doubled_fix_is_unsafe_deletion() -> None:
    text = "自今年3月份份成立运行以来"
    fixed, _ = Linter(select=["TYP001"]).fix_text(text, unsafe=True)
    assert fixed == "自今年3月份成立运行以来"
    unchanged, _ = Linter(select=["TYP001"]).fix_text(text, unsafe=False)
    assert unchanged == text


# --- TYP002 known-misspelling ---------------------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    # A variant form is reported where the document also writes the standard form.
    ("版权声明:部份内容收集于网络，部分图片来自读者。", "部份", "部分"),
    ("这是一个令人震憾的消息。", "震憾", "震撼"),
    ("他迫不急待地打开了礼物。", "迫不急待", "迫不及待"),
    ("请核对您的帐户余额，账户密码不要告诉别人。", "帐户", "账户"),
])
def test_misspelling_invalid(text: str, wrong: str, right: str) -> None:
    fs = lint_text(text, select=["TYP002"])
    assert [f.flagged_text for f in fs] == [wrong]
    assert right in fs[0].message
    assert fs[0].fix is not None and fs[0].fix.applicability.value == "safe"
    assert fs[0].fix.edits[0].content == right


@pytest.mark.parametrize("text", [
    "我们按时完成份额内的任务。",  # 完成|份额, not 成份
    "部分内容收集于网络。",
    # A consistent house style: the variant throughout, the standard form nowhere.
    "怎样把以农民为主要成份的红军建设成为无产阶级领导的人民军队，双方签定了协议。",
    "我们按时完成分配的任务，对以为可以媚众的娱乐成份不能自得。",  # 完成|分配 is not 成分
    # Traditional-script text: 部份 is standard Taiwan usage.
    "部份內容收集於網絡，如有不妥之處請聯繫我們刪除，本站所有文章均來自網絡轉載，版權歸原作者所有。",
])
def test_misspelling_valid(text: str) -> None:
    assert lint_text(text, select=["TYP002"]) == []


def test_misspelling_variants_option() -> None:
    text = "版权声明:部份内容收集于网络，部分图片来自读者。"
    assert [f.flagged_text for f in lint_text(text, select=["TYP002"])] == ["部份"]
    assert lint_text(text, select=["TYP002"], options={"TYP002": {"variants": False}}) == []


def test_misspelling_variants_alone_option() -> None:
    text = "版权声明:部份内容收集于网络。"
    assert lint_text(text, select=["TYP002"]) == []
    fs = lint_text(text, select=["TYP002"], options={"TYP002": {"variants_alone": True}})
    assert [f.flagged_text for f in fs] == ["部份"]
    assert "also writes" not in fs[0].message


# --- TYP003 confusable-character --------------------------------------------------------------

@pytest.mark.parametrize("text, wrong, right", [
    ("真正成为社会主义现代化新丽水建设蕞强增长极。", "蕞", "最"),
    ("犯罪嫌疑人、被告人聘请的律帅。", "帅", "师"),
    ("北洋政府统冶时期制定的宪法。", "冶", "治"),
    ("这是本年度蕞大的一笔投资。", "蕞", "最"),  # 蕞 = 艹 + 最: a component look-alike
    ("他前几天己经回到北京。", "己", "已"),  # a short-character OCR look-alike
])
def test_confusable_invalid(text: str, wrong: str, right: str) -> None:
    fs = lint_text(text, select=["TYP003"])
    assert [f.flagged_text for f in fs] == [wrong]
    assert fs[0].fix is not None and fs[0].fix.edits[0].content == right
    # the message names the likely word and the evidence in words, never internal units
    assert f"likely '{right}'" in fs[0].message and "is not a word" in fs[0].message
    assert "nats" not in fs[0].message and "count" not in fs[0].message


@pytest.mark.parametrize("text", [
    "真正成为社会主义现代化新丽水建设最强增长极。",
    "犯罪嫌疑人、被告人聘请的律师。",
    "北洋政府统治时期制定的宪法。",
    "后再取下丟掉。",  # a traditional character: a script matter, not a typo
    "全市抗疫工作取得阶段性成果，微博和微信上都在讨论。",
    "可是没有时间机会养牠们。",  # 牠: Taiwan-standard "it" (animals), a regional form
    "昨天队友黄大宪的裤子破了。",  # a name: 黄大仙 is too rare a word to overrule it
    "这种洇染技法很特别。",  # a rare character that only sounds like 印: a real word
    "他自己经常去北京。",  # 自己|经常: 己 is inside a word
])
def test_confusable_valid(text: str) -> None:
    assert lint_text(text, select=["TYP003"]) == []


@pytest.mark.parametrize("text, wrong, right", [
    # Pairs only the glyph table (rules/typ/shape_glyph.txt, rendered characters) knows.
    ("记者从市教育局荻悉，新学期将增加体育课。", "荻", "获"),
    ("本届运动会是该市举办的笫二届全民运动会。", "笫", "第"),
    ("这次试验取得了圆满咸功，团队非常高兴。", "咸", "成"),
    ("昨天下午这里发牛了一起交通事故。", "牛", "生"),  # 牛 is a surname, but ends the odd string
])
def test_confusable_glyph_lookalike(text: str, wrong: str, right: str) -> None:
    no_ocr = {"ocr_offset": -100.0}  # the recognizer's table off: the glyph table alone
    fs = lint_text(text, select=["TYP003"], options={"TYP003": no_ocr})
    assert [(f.flagged_text, f.fix.edits[0].content) for f in fs if f.fix] == [(wrong, right)]
    assert "in print" in fs[0].message
    # Without the glyph table (similarity bar above 1) the pair is unknown.
    off = {"TYP003": dict(no_ocr, glyph_similarity=1.1)}
    assert lint_text(text, select=["TYP003"], options=off) == []


@pytest.mark.parametrize("text", [
    "据陈木霖介绍，这片林场已经养护了三十年。",  # a name: 霖/森 is below the similarity bar
    "曾尔曼（厦门市科技局）出席了会议。",  # a surname starts the odd string (曾/普): a name
    "记者从市教育局获悉，新学期将增加体育课。",
    "这次试验取得了圆满成功，团队非常高兴。",
])
def test_confusable_glyph_valid(text: str) -> None:
    assert lint_text(text, select=["TYP003"]) == []


def test_rare_sound_alike_has_its_own_bar() -> None:
    # 洇 (rare) / 印 (same sound): 洇染 -> 印染 makes the context 12.9 (natural log) more probable.
    # A rare character that only sounds like the replacement gets log_p_rare_sound as its channel
    # log-probability, whatever log_p_sound says (bar 6, no bigram term here).
    text = "这种洇染技法很特别。"
    fixed = {"min_score": 6.0, "bigram_weight": 0.0}
    low = {"TYP003": dict(fixed, log_p_rare_sound=-6.0, log_p_sound=-100.0)}
    high = {"TYP003": dict(fixed, log_p_rare_sound=-8.0, log_p_sound=0.0)}
    assert [f.flagged_text for f in lint_text(text, select=["TYP003"], options=low)] == ["洇"]
    assert lint_text(text, select=["TYP003"], options=high) == []


# --- seeds and clean text ---------------------------------------------------------------------

def test_seed_findings() -> None:
    res = Linter(select=["TYP001", "TYP002", "TYP003"]).lint_paths(sorted(SEEDS.glob("*.txt")))
    got = sorted((Path(f.path).name[:3], f.location.line, f.code, f.flagged_text) for f in res.findings)
    assert got == [
        ("001", 37, "TYP001", "射射"),  # 辐射射材 (溅射靶材 garbled): the stray copy is a doubling too
        ("001", 37, "TYP001", "超超"),  # 超超纯 (超高纯 garbled)
        ("001", 83, "TYP001", "份份"),
        ("003", 53, "TYP003", "蕞"),
        ("003", 61, "TYP002", "部份"),
        ("004", 13, "TYP001", "甬甬"),
    ]


CLEAN = [
    # 000 (web version of the Yuyao article), a clean paragraph
    (SEEDS / "000_72fc13170244c7e3.txt").read_text(encoding="utf-8").splitlines()[70],
    "余姚经济开发区是1993年11月经浙江省人民政府批准设立的省级开发区，2013年3月经国务院批准升级为"
    "国家级经济技术开发区，是余姚经济发展的主引擎、产业集聚的主平台。",
    "下一步，丽水经开区将跨步进入“通航通港”新时代，大力践行浙西南革命精神，以气势如虹的"
    "全“丽水之干”，高水平建设特色半导体“万亩千亿”新产业平台。",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_paragraphs(linter: Linter, text: str) -> None:
    assert linter.lint_text(text) == []


# --- TYP005 rare-confusable-variant (corpus evidence, opt-in) ----------------------------------

def _docs(texts: list[str]) -> list:
    from corpuslint.load import document_from_text

    return [document_from_text(t, path=f"doc{i}.txt") for i, t in enumerate(texts)]


def test_corpus_confusable_finds_rare_variant() -> None:
    docs = _docs(["公司生产溅射靶材和高纯金属。"] * 6 + ["公司生产溅射耙材和高纯金属。"])
    fs = Linter(select=["TYP005"]).lint_documents(docs).findings
    assert [(f.path, f.flagged_text) for f in fs] == [("doc6.txt", "耙")]
    assert fs[0].fix is not None and fs[0].fix.edits[0].content == "靶"
    assert "6 times" in fs[0].message


def test_corpus_confusable_needs_evidence_and_is_off_by_default() -> None:
    few = _docs(["公司生产溅射靶材和高纯金属。"] * 2 + ["公司生产溅射耙材和高纯金属。"])
    assert Linter(select=["TYP005"]).lint_documents(few).findings == []
    many = _docs(["公司生产溅射靶材和高纯金属。"] * 6 + ["公司生产溅射耙材和高纯金属。"])
    assert [f for f in Linter(select=["TYP"]).lint_documents(many).findings if f.code == "TYP005"] == []


# --- the shared lexicon's fast word scan ---------------------------------------------------------

def test_lexicon_words_in_matches_brute_force() -> None:
    from corpuslint.core.packs import PackStore
    from corpuslint.text.lexicon import load_lexicon

    lex = load_lexicon(PackStore())
    text = "以新材料产业溅射靶材制造为核心，向上游拓展超高纯金属材料的提纯制备，中华人民共和国"
    for min_len in (1, 2, 3):
        brute = [(i, j, text[i:j]) for i in range(len(text))
                 for j in range(i + min_len, min(len(text), i + lex.max_len) + 1) if text[i:j] in lex.freqs]
        assert lex.words_in(text, min_len) == brute


# --- TYP003 guards, profile, channel --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "这家店的招牌写着“蕞强口味”，很多人专门来拍照。",  # quoted: a slogan or pun, spelled on purpose
    "他的新书《蕞强大脑》今天出版。",  # a title
    "新款iPhone蕞强的地方在于拍照。",  # a Latin-letter neighbour: a product name
])
def test_confusable_guards_stay_silent(text: str) -> None:
    assert lint_text(text, select=["TYP003"]) == []
    # the same string outside the guarded context is reported
    bare = text.replace("“", "").replace("”", "").replace("《", "").replace("》", "").replace("iPhone", "")
    assert [f.flagged_text for f in lint_text(bare, select=["TYP003"])] == ["蕞"]


def test_ocr_review_profile_lowers_the_bar() -> None:
    text = "据介绍，这个项目己经投入使用，效果很好。"
    cc.TRACE = []
    try:
        lint_text(text, select=["TYP003"], options={"TYP003": {"min_score": -50.0}})
        scores = [t[5] for t in cc.TRACE]
    finally:
        cc.TRACE = None
    assert scores
    review = {"TYP003": {"profile": "ocr-review", "review_min_score": -50.0, "min_score": 100.0}}
    default = {"TYP003": {"min_score": 100.0}}
    assert lint_text(text, select=["TYP003"], options=review)
    assert lint_text(text, select=["TYP003"], options=default) == []


def test_unknown_profile_is_a_clear_error() -> None:
    with pytest.raises(Exception, match="profile"):
        lint_text("今天天气很好。", select=["TYP003"], options={"TYP003": {"profile": "fast"}})


def test_ocr_table_reads_counts_as_probabilities() -> None:
    table = read_ocr_table(["土\t士\t3\t300", "人\t入\t0\t300", "bad line", "大\t太\t2\tx"])
    assert table == {"士": {"土": math.log(3 / 300)}}


@pytest.mark.parametrize("text", [
    "部长图伊莱帕·塞莱莱·马列莱高伊的邀请。",  # a transliterated foreign name
    "为了保护珍贵的剑羚羚角，动物园职工日夜值守。",  # 剑羚|羚角: doubling across a word boundary
    "像一股暖流流进灾民的心田。",  # 暖流|流进
])
def test_doubling_in_names_and_across_words_is_silent(text: str) -> None:
    assert lint_text(text, select=["TYP001"]) == []


@pytest.mark.parametrize("text, guard", [
    # 秉公 would split a name
    ("由著名刑法学家何秉松教授主编，根据新法编写。", "in_given_name next_to_title"),  # 教授 after
    ("送到王财章、包爱清夫妇家时，老人连连道谢。", "in_given_name next_to_title"),  # 夫妇 after
    ("但纵观８日的比赛，同众多对手相比。", "digit_neighbour"),  # a date: 日 is not 目
    ("推行股份制不是目的。（山东省枣庄市李论）", "in_short_parentheses"),  # a byline
    ("经过优中取优，“卡通狂欢夜”脱颖而出。", "parallel_repeat"),  # a parallel construction
])
def test_confusable_context_guards(text: str, guard: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # a low bar, and the older tables trusted more (李论/理论 only sound alike, 松/公 a curated look-alike)
    low = {"TYP003": {"min_score": 3.0, "log_p_sound": -7.0, "log_p_shape": -4.0}}
    assert lint_text(text, select=["TYP003"], options=low) == []
    # without that guard the same text is reported: the guard is what keeps it silent
    for name in guard.split():
        monkeypatch.setattr(_guards, name, lambda *args: False)
    assert lint_text(text, select=["TYP003"], options=low)


def test_given_name_guard_keeps_a_surname_taken_into_the_word() -> None:
    # 作为祖困的花朵: 祖国 takes the surname 祖 into the word, so it stays a finding
    assert not in_given_name("作为祖困的花朵", bytes(7), 0, 3, 2, frozenset("祖"))
    assert in_given_name("学家何秉松教授", bytes(7), 0, 4, 3, frozenset("何"))


def test_given_name_guard_on_a_three_character_name() -> None:
    surnames = frozenset("谭")
    words = {"元春", "京剧"}

    def okb(run: str) -> bytes:  # pair (k, k + 1) inside some word
        return bytes(any(run[k:k + 2] in w for w in words) for k in range(len(run) - 1))

    run = "京剧名家谭元寿演出"
    i = run.index("寿")
    assert in_given_name(run, okb(run), 0, i, i - 1, surnames)  # 元寿 -> 元春 splits the name
    assert in_given_name(run, okb(run), 0, i, i - 2, surnames)  # 谭元寿 -> 谭元春, a name for a name
    run2 = "京剧名家李元寿演出"
    assert not in_given_name(run2, okb(run2), 0, i, i - 1, surnames)  # no surname
    words.add("家谭")  # the would-be surname reads as part of a word before it
    assert not in_given_name(run, okb(run), 0, i, i - 1, surnames)


def test_verb_object_guard_reads_the_tables() -> None:
    tables = VerbObjectTables(verbs=frozenset("改润退"), vo_words=frozenset({"改口"}),
                              nouns=frozenset({"嗓子"}))
    freqs = {"润嗓": 3, "嗓子": 772, "退出": 2313}
    assert reduplicated_before_object("他改改口说", 1, tables, freqs, None)
    assert reduplicated_before_object("先润润嗓子", 1, tables, freqs, "润嗓")
    assert not reduplicated_before_object("决定退退出比赛", 2, tables, freqs, "退出")  # 出 is a complement
    assert not reduplicated_before_object("效效果", 0, tables, freqs, "效果")  # 效 is no verb
    assert not reduplicated_before_object("先润润嗓子", 1, tables, {"润嗓": 900, "嗓子": 772}, "润嗓")


def test_literary_doublings_seen_only_in_longer_words_are_not_trusted_after_a_word() -> None:
    low = {"TYP001": {k: 3.0 for k in ("min_gain", "min_gain_two_words", "min_gain_free",
                                        "min_gain_isolated", "min_gain_name", "min_gain_free_after")}}
    rows = {ln.split("\t")[0]: ln.split("\t")[1] for ln in
            (Path(__file__).resolve().parent.parent / "rules" / "typ" / "literary_doublings.txt")
            .read_text(encoding="utf-8").splitlines() if not ln.startswith("#")}
    assert rows["萋萋"] == "word" and rows["乎乎"] == "part"  # 乎乎 only inside 傻乎乎
    assert lint_text("芳草萋萋的河岸。", select=["TYP001"], options=low) == []
    # 在乎|乎: a word ends with the first copy, so the part-only entry does not excuse it
    assert [f.flagged_text for f in lint_text("他很在乎乎别人。", select=["TYP001"], options=low)] == ["乎乎"]


@pytest.mark.parametrize("text, guard", [
    ("他来到泉永乡，看望群众。", "before_place_unit"),  # a place name before an administrative unit
    ("他来到复兰路，看望群众。", "before_place_unit"),
    ("记者尹品端报道。", "next_to_title"),  # a name after a role
    ("区委副书记靳长喜出席会议。", "next_to_title"),
    ("１９７９年包玉星先生将原来的工厂", "next_to_title"),  # a name before a form of address
    ("提高自我消化的能力。泉永棉织集团共同营销。", "before_org_word"),  # a company's name
])
def test_name_context_guards(text: str, guard: str, monkeypatch: pytest.MonkeyPatch) -> None:
    bar0 = {"TYP003": {"min_score": 0.0}}
    assert lint_text(text, select=["TYP003"], options=bar0) == []
    monkeypatch.setattr(_guards, guard, lambda *args: False)
    assert lint_text(text, select=["TYP003"], options=bar0)


@pytest.mark.parametrize("text, flagged_char", [
    ("我到达了山西省析州市", "析"),  # the correction 杭州 takes the unit 州 into its word
    ("大家好，我是来白杭州的李博", "白"),  # the unit ends the word 杭州 after the odd character
    ("还有国立老师二起帮我选一个", "二"),  # 老师 follows names: no title before one
])
def test_name_context_guards_leave_misreadings(text: str, flagged_char: str) -> None:
    got = lint_text(text, select=["TYP003"], options={"TYP003": {"min_score": 0.0}})
    assert flagged_char in [f.flagged_text for f in got]


def test_org_word_guard_stops_at_a_function_character() -> None:
    names = _guards.NameContext(frozenset(), frozenset(), frozenset(), frozenset(), 0,
                                frozenset({"集团"}), 2, frozenset("的"))
    assert _guards.before_org_word("泉永棉织集团", 1, 2, names)
    assert not _guards.before_org_word("泉永的棉织集团", 1, 2, names)  # 的 between: no one name
    assert not _guards.before_org_word("泉永棉织工人联合会附属集团", 1, 2, names)  # more than six between
    assert not _guards.before_org_word("永集团", 0, 3, names)  # the correction's word takes the org word
