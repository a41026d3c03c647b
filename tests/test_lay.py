"""LAY: broken sentences, captions among the text, lost text, several articles in one file.

Checked on the seeds (every break, caption and lost passage listed in the seed README) and on
small real-text cases, valid and invalid."""

from __future__ import annotations

import pytest
from conftest import ROOT, SEEDS, seed_text

from corpuslint import Linter

EXPECTED_FIX = ROOT / "fixtures" / "expected-fix" / "001.lay-fixed.txt"


@pytest.fixture(scope="module")
def seeds():
    findings = Linter(select=["LAY"]).lint_paths([SEEDS]).findings
    out: dict[str, dict[str, list]] = {}
    for f in findings:
        out.setdefault(f.path.rsplit("/", 1)[-1][:3], {}).setdefault(f.code, []).append(f)
    return out


@pytest.fixture(scope="module")
def lay():
    return Linter(select=["LAY"])


def lines(findings) -> list[int]:
    return [f.location.line for f in findings]


def codes(linter, text: str) -> list[tuple[str, int]]:
    return [(f.code, f.location.line) for f in linter.lint_text(text)]


# -- seeds -------------------------------------------------------------------------------------
def test_every_broken_sentence_of_the_seeds_is_found(seeds):
    assert lines(seeds["001"]["LAY001"]) == [21, 29, 39, 53, 91, 99, 107, 117, 123]
    assert lines(seeds["004"]["LAY001"]) == [40, 64]
    continued = [r.location.line for f in seeds["001"]["LAY001"] for r in f.related]
    assert continued == [23, 31, 41, 55, 97, 101, 113, 119, 125]


def test_no_article_paragraph_is_a_break(seeds):
    for name in ("000", "002", "003"):
        assert "LAY001" not in seeds.get(name, {})


def test_captions_and_credits_of_the_seeds(seeds):
    assert lines(seeds["001"]["LAY002"]) == [7, 11, 61, 69, 95, 111, 139]
    assert lines(seeds["002"]["LAY002"]) == [10, 16, 26, 32, 42, 46, 58, 64]
    assert lines(seeds["004"]["LAY002"]) == [21, 22, 44, 74, 78, 82, 86]
    # Headings of the same files are not captions.
    assert not {17, 33, 45, 75, 77, 85, 103, 121} & set(lines(seeds["001"]["LAY002"]))
    assert not {24, 48, 56} & set(lines(seeds["004"]["LAY002"]))
    assert "LAY002" not in seeds.get("000", {}) and "LAY002" not in seeds.get("003", {})


def test_lost_text_and_cut_title(seeds):
    found = seeds["004"]["LAY003"]
    assert lines(found) == [3, 52]
    assert "长三" in found[0].message and found[1].related[0].location.line == 54
    for name in ("000", "001", "002", "003"):
        assert "LAY003" not in seeds.get(name, {})


def test_second_article_in_one_file(seeds):
    assert lines(seeds["001"]["LAY004"]) == [75]
    for name in ("000", "002", "003", "004"):
        assert "LAY004" not in seeds.get(name, {})


def test_fix_of_seed_001_joins_every_broken_sentence(lay):
    """Golden: fixtures/expected-fix/001.lay-fixed.txt was produced by this call and read by eye
    (every broken sentence joined, captions moved after the joined paragraph, nothing else)."""
    fixed, applied = lay.fix_text(seed_text("001"))
    assert fixed == EXPECTED_FIX.read_text(encoding="utf-8")
    assert len(applied) == 9
    assert "形成规模集聚效应" in fixed and "研究院、浙江大学" in fixed and "张弛有度" in fixed
    # Only line breaks moved: the same characters, in the same number.
    assert sorted(fixed.replace("\n", "")) == sorted(seed_text("001").replace("\n", ""))
    assert lay.fix_text(fixed)[1] == []  # a second run changes nothing


# -- broken sentences: invalid and valid -----------------------------------------------------
BROKEN = ("在产业上,打造以江丰电子、智昌科技为“链主”的新材料、机器人与智能装备新兴产业链,形\n\n"
          "成规模集聚效应,力争产销突破50亿元。\n")


def test_word_across_the_break(lay):
    assert codes(lay, BROKEN) == [("LAY001", 1)]
    fixed, _ = lay.fix_text(BROKEN)
    assert fixed == BROKEN.replace("形\n\n成", "形成")


def test_caption_between_halves_moves_after_the_paragraph(lay):
    text = ("目前,根据企业规模、数量、分布等,将2个工业社\n\n\n\n高质量推进慈东现代化小城市建设\n\n"
            "区划分为10个网格,配备社管员。\n\n下一段。\n")
    assert codes(lay, text) == [("LAY001", 1), ("LAY002", 5)]
    fixed, _ = lay.fix_text(text)
    assert fixed == ("目前,根据企业规模、数量、分布等,将2个工业社区划分为10个网格,配备社管员。"
                     "\n\n\n\n高质量推进慈东现代化小城市建设\n\n下一段。\n")


def test_open_quotation_and_sentence_final_word(lay):
    quote = "“我们通过增强企业研发强度来赋\n\n能生产力。”余姚市相关负责人说道。\n"
    assert codes(lay, quote) == [("LAY001", 1)]
    verb = ("此外,开发区紧盯数字赋能,加快推动产业数字化转型,重点围绕\n\n"
            "“35”产业集群,以新一代智能制造为主攻方向。\n")
    assert codes(lay, verb) == [("LAY001", 1)]


@pytest.mark.parametrize("text", [
    # A heading, then its text.
    "## 加快资源整合 催生发展新动能\n\n余姚经济开发区作为推动余姚经济新一轮发展的重要载体,是重要平台。\n",
    "政策扶持引导,优化创新生态\n\n企业创新发展,离不开政策、资金扶持。\n",
    "1. 电子商务物流配送概述\n1.1. 电子商务的概念\n电子商务是指各种商务活动，包括商品、服务。\n",
    # Title block: title, subtitle, byline.
    "长三角一体化新篇章\n\n高水平加快建设现代化美好活力“最名邑” 余姚 在长三角中心“抱团建群”\n\n"
    "陈 醉 劳超杰\n\n今年,长三角的“打开方式”是“拼”!\n",
    # A paragraph that only lacks its full stop, in a document with no proven break.
    "在汽车零配件产业,着力发展汽车轴承、汽车制动设备等制动配件\n\n"
    "培育新一代电子信息、新能源与节能两大新兴产业。电子信息制造业要抢抓窗口。\n",
    # List items.
    "  • 贵州遵义:“三进三增”活动优化人社服务\n\n  • 共享“服气” 服贸会上龙江元素满满\n",
])
def test_not_breaks(lay, text):
    assert [c for c, _ in codes(lay, text) if c in ("LAY001", "LAY003")] == []


# -- captions ----------------------------------------------------------------------------------
@pytest.mark.parametrize("line", [
    "谷志锋 摄", "陈章升/摄", "来凯制药落户余姚 金福中 摄", "领克汽车余姚工厂。余姚市委宣传部供图",
    "(本文配图均由余姚经济开发区提供)", "图为工人在车间内作业", "（新华社记者 李四 摄）",
    "图1. C2C产业链结构图",
])
def test_credit_lines_are_captions(lay, line):
    text = f"开发区现有经营企业743家,主要以化纤、电器为主。\n\n{line}\n\n企业服务到家。\n"
    assert ("LAY002", 3) in codes(lay, text)


@pytest.mark.parametrize("line", [
    "记者正在现场拍摄。", "本版文字统筹 周静 王旭丁", "政策扶持引导,优化创新生态", "责任编辑：张三",
])
def test_not_captions(lay, line):
    text = f"开发区现有经营企业743家,主要以化纤、电器为主。\n\n{line}\n\n企业服务到家。\n"
    assert ("LAY002", 3) not in codes(lay, text)


# -- lost text ---------------------------------------------------------------------------------
def test_passage_lost_between_paragraphs(lay):
    # in a document that shows extraction damage (a sentence broken mid-word, lines 5-7)
    text = ("此前,特斯联还与中国光大银行余姚支行、思必驰科技、上海千机、上海易行\n\n"
            "材料入选省先进制造业产业集群核心区,电子材料产业园建设稳步推进。\n\n"
            "目前，根据企业规模、数量、分布等，将两个工业社\n\n区划分为十个网格，配备社管员。\n")
    found = lay.lint_text(text)
    assert [(f.code, f.location.line) for f in found] == [("LAY003", 1), ("LAY001", 5)]
    assert lay.fix_text(text)[0] == text.replace("工业社\n\n区", "工业社区")  # the gap: nothing to join


def test_list_ending_a_headline_is_no_lost_text(lay):
    # the same shape in a document with no other damage: a headline or a title line of names
    text = ("综合治理，实行人口与经济、社会、资源、环境协调发展\n"
            "吕梁地区在两个文明建设的各项工作中，有机地融入计划生育工作，实施科教兴国战略。\n")
    assert lay.lint_text(text) == []


def test_paragraph_starting_mid_sentence(lay):
    text = "开发区现有经营企业743家。\n\n、电器、厨具、汽配、灯具等产业为主。\n"
    assert codes(lay, text) == [("LAY003", 3)]


def test_multiple_articles_needs_a_new_topic(lay):
    blocks = seed_text("001").split("\n\n")
    cut = next(i for i, b in enumerate(blocks) if b.startswith("## 慈溪"))
    first = "\n\n".join(blocks[:cut])
    # A second headline over more text on the same subject: sections, not a new article.
    same = first + "\n\n# 余姚经济开发区的新路径\n\n" + "\n\n".join(blocks[8:20])
    assert "LAY004" not in [c for c, _ in codes(lay, same)]
    other = first + "\n\n# 探索工业社区治理新路径\n\n" + "\n\n".join(blocks[cut + 2:])
    assert ("LAY004", first.count("\n") + 3) in codes(lay, other)


def test_windows_newlines_fix_alike(lay):
    text = seed_text("001")
    crlf = text.replace("\n", "\r\n")
    found = [(f.code, f.location.line, f.message) for f in lay.lint_text(text)]
    assert found and [(f.code, f.location.line, f.message) for f in lay.lint_text(crlf)] == found
    assert lay.fix_text(crlf)[0] == EXPECTED_FIX.read_text(encoding="utf-8").replace("\n", "\r\n")


def test_title_chunk_is_not_cut_when_it_is_the_usual_word(lay):
    text = ("专题 余姚经济开发区新篇章\n\n专题报道一:开发区发展很快。\n\n专题报道二:企业服务到家。\n\n"
            "长三角一体化发展上升为国家战略。\n")
    assert [c for c, _ in codes(lay, text) if c == "LAY003"] == []
    cut = "长三 谱写新篇章\n\n长三角的发展很快。\n\n长三角一体化上升为国家战略。\n"
    assert codes(lay, cut) == [("LAY003", 1)]


@pytest.mark.parametrize("text", ["", "\n\n", "形", "“", "(", "形\n\n成", "#\n\n##"])
def test_degenerate_input(lay, text):
    lay.lint_text(text)
    lay.fix_text(text, unsafe=True)


# -- LAY005 hard-wrapped text ----------------------------------------------------------------------
def _wrapped_seed(width_chars: int = 36) -> tuple[str, str]:
    """Seed 000's article paragraphs, hard-wrapped at ``width_chars`` characters per line."""
    paras = [l.strip("\u00a0 ") for l in seed_text("000").splitlines()[26:110]]
    paras = [p for p in paras if len(p) > 40]
    wrapped = "\n".join("\n".join(p[i:i + width_chars] for i in range(0, len(p), width_chars)) for p in paras) + "\n"
    return "\n".join(paras) + "\n", wrapped


def test_hard_wrapped_text_is_one_finding_not_hundreds():
    original, wrapped = _wrapped_seed()
    found = Linter(select=["LAY"]).lint_text(wrapped)
    assert [f.code for f in found] == ["LAY005"]
    assert "hard-wrapped at 36 characters" in found[0].message
    joined, applied = Linter(select=["LAY005"]).fix_text(wrapped, unsafe=True)
    assert len(applied) == 1
    # Paragraphs whose length is a multiple of the width end at the margin and get joined with
    # the next one (hence unsafe); every other paragraph comes back exactly.
    assert set(joined.splitlines()) >= {p for p in original.splitlines() if len(p) % 36}
    assert Linter(select=["LAY005"]).lint_text(joined) == []


def test_blank_line_hard_wrapped_text_is_found_like_single_newline_wrap():
    # the same wrapped text with a blank line after every line, paragraphs apart by two
    original, _ = _wrapped_seed()
    paras = original.splitlines()
    spaced = "\n\n\n".join("\n\n".join(p[i:i + 36] for i in range(0, len(p), 36)) for p in paras) + "\n"
    found = Linter(select=["LAY"]).lint_text(spaced)
    assert [f.code for f in found] == ["LAY005"]
    joined, _ = Linter(select=["LAY005"]).fix_text(spaced, unsafe=True)
    assert set(joined.rstrip("\n").split("\n\n\n")) >= {p for p in paras if len(p) % 36}


def test_paragraph_per_line_text_is_not_hard_wrapped():
    for prefix in ("000", "001", "002", "003", "004"):
        assert not [f for f in Linter(select=["LAY005"]).lint_text(seed_text(prefix))]


def test_caption_with_a_label_is_never_joined_into_the_next_paragraph():
    text = ("记者昨天走访了城东的几个社区，了解居民的生活情况。\n\n"
            "图注：市民在公园里观看表演，现场气氛热烈的\n\n"
            "场面令人难忘，许多人拍照留念。\n")
    found = Linter(select=["LAY001"]).lint_text(text)
    assert found == []
    assert Linter(select=["LAY"]).fix_text(text)[0] == text


def test_bio_paragraph_without_full_stop_is_not_lost_text():
    # the page shows damage (a sentence broken mid-word), and ends with the author's bio
    text = ("记者昨天走访了城东的几个社区，了解居民的生\n\n活情况，大家都很满意。\n\n"
            "他说，今后还要继续做好服务。\n\n"
            "张三，男，1960年生，北京人，教授，博士生导师，现任研究所所长\n")
    found = [(f.code, f.location.line) for f in Linter(select=["LAY"]).lint_text(text)]
    assert ("LAY001", 1) in found
    assert not [c for c, line in found if line == 7]


# -- clean edited news (bench/lay_eval.py --news): shapes that are no layout damage --------------
def test_line_above_a_credit_in_one_paragraph_a_line_text_is_no_caption(lay):
    # one paragraph a line: the headline above the credit is the article's, not a caption
    text = ("瑞雪降京城（图片）\n（新华社记者李刚摄）\n"
            "一月十三日，北京市区普降中雪，京城街头银装素裹，这场雪有利于缓解旱情。\n")
    assert ("LAY002", 1) not in codes(lay, text)
    assert ("LAY002", 2) in codes(lay, text)
    # set tight above its credit in text whose paragraphs stand apart, it is the caption
    spaced = "正文第一段写了一些事情，内容完整。\n\n智谷小镇,日新月异。\n谷志锋 摄\n\n正文第二段也写完了。\n"
    assert {("LAY002", 3), ("LAY002", 4)} <= set(codes(lay, spaced))


def test_shi_de_frame_ends_a_sentence(lay):
    text = ("如今，谁还会对杀猪宰羊再说什么呢？鸿雁若从此不飞，与鸡鸭的下场岂不是一样的\n\n"
            "看京剧《沙家浜》，郭建光同沙奶奶有一段对唱，说沙奶奶对伤员们照顾得太好了。\n")
    assert lay.lint_text(text) == []


def test_zhuo_opens_a_sentence(lay):
    text = ("在一个民族内，女子普遍穿长上衣的，可能就是水族了。\n\n"
            "着最短女上衣的是居住在我国东北地区的朝鲜族妇女，她们的上衣长仅及腋下。\n")
    assert lay.lint_text(text) == []


def test_poem_of_even_lines_is_not_hard_wrapped(lay):
    poem = ["普通的水，比空气还空", "随时享用，而又随时忘却", "普通的水，比骨头还硬", "隐身于我们的血肉之中",
            "连同青草和大树，因饱含水分", "而抵抗地心的引力", "普通的水，当然更像泪水", "因其喜悦而温热而流淌"]
    text = "\n".join(poem * 2) + "\n"
    assert [f.code for f in lay.lint_text(text) if f.code == "LAY005"] == []
