"""Build version pairs of real articles for the VER benchmark: the original, and a second version
with figures changed, paragraphs re-wrapped and small neutral edits.

    python bench/ver_pairs.py [--src DIR] [--out DIR] [--seed N]

Each source article ``X.gold.txt`` (default: the MIT-licensed gold articles of
/work/shared/dev/chrome) gives ``X_a.txt`` (the article) and ``X_b.txt`` (the other version) in
``--out``, and ``manifest.json`` lists every changed figure with its span in both files. The
second version gets:

* 1-3 changed figures (a digit of an Arabic figure with a unit changed; years by a few years);
* neutral edits that VER must not report: punctuation width (``，`` -> ``,``), abbreviations
  (``规模以上`` -> ``规上``), synonyms, equal figures written differently (``2012`` ->
  ``２０１２``, ``15000`` -> ``1.5万``), a word inserted (``达``);
* re-wrapping: paragraphs broken mid-sentence over two lines with a blank line between (some
  with a photo caption pasted between the halves), neighbouring paragraphs joined, an added
  source line at the end.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

OPEN, CLOSE = "\ue000", "\ue001"  # marks a changed figure until the spans are read off

FIGURE = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)(年|月|日|%|万元|亿元|元|万|亿|个|家|名|人|项|次|倍|岁|天|公里|吨|亩|户|辆|所|座)")
NEUTRAL_WORDS = [
    ("规模以上", "规上"), ("经济开发区", "经开区"), ("已经", "已"), ("但是", "但"),
    ("非常", "十分"), ("因此", "所以"), ("以及", "和"), ("进行", "开展"), ("目前", "当前"),
    ("可以", "能够"), ("表示", "指出"), ("大约", "约"), ("并且", "而且"), ("迅速", "快速"),
    ("立即", "马上"), ("仍然", "仍"), ("必须", "务必"), ("已于", "已在"),
    ("公司", "企业"), ("建设", "打造"), ("重要", "关键"), ("进一步", "更加"), ("同时", "此外"),
    ("发布", "公布"), ("记者", "本报记者"), ("称", "说"), ("增长", "增加"), ("今年", "2023年"),
]
CAPTIONS = ["图为活动现场。记者 摄", "（资料图片）", "本报记者 摄", "图片来源：网络"]


def change_figure(num: str, unit: str, rng: random.Random) -> str:
    if unit == "年" and len(num) == 4:
        return str(int(num) + rng.choice([-3, -2, -1, 1, 2]))
    digits = [i for i, c in enumerate(num) if c.isdigit()]
    i = rng.choice(digits)
    old = num[i]
    choices = [d for d in "0123456789" if d != old and not (i == 0 and d == "0")]
    return num[:i] + rng.choice(choices) + num[i + 1:]


def equal_rewrite(num: str, unit: str) -> str | None:
    """The same value written another way (full-width digits, 万, Chinese numerals)."""
    if unit == "%" and num.isdigit() and int(num) < 100:
        import cn2an

        return "百分之" + cn2an.an2cn(num) + "\x00"  # \x00: drop the unit
    if unit in ("个", "家", "名", "项", "次", "倍", "岁", "天") and num.isdigit() and int(num) <= 99:
        import cn2an

        return cn2an.an2cn(num)
    if "." not in num and len(num) >= 5 and num.endswith("000") and unit not in ("万", "亿", "万元", "亿元"):
        v = int(num) / 10000
        return (f"{v:g}万", unit)[0]
    return num.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def make_pair(text: str, rng: random.Random, column: int = 0) -> tuple[str, str, list[dict]]:
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    a_paras = list(paras)
    b_paras = list(paras)
    # figures: choose which to change, which to rewrite equally
    spots = [(pi, m) for pi, p in enumerate(paras) for m in FIGURE.finditer(p)]
    rng.shuffle(spots)
    changed = []
    n_change = min(len(spots), rng.randint(1, 3))
    for k, (pi, m) in enumerate(spots):
        if k < n_change:
            changed.append((pi, m, change_figure(m.group(1), m.group(2), rng)))
        elif rng.random() < 0.5:
            changed.append((pi, m, None))
    records = []
    for pi in sorted({c[0] for c in changed}, reverse=True):
        for _, m, new in sorted((c for c in changed if c[0] == pi), key=lambda c: -c[1].start()):
            s, e = m.span(1)
            if new is None:
                rw = equal_rewrite(m.group(1), m.group(2))
                if rw is not None and rw.endswith("\x00"):
                    b_paras[pi] = b_paras[pi][:s] + rw[:-1] + b_paras[pi][m.end():]
                elif rw is not None and not (rw.endswith("万") and m.group(2) in ("万", "亿")):
                    b_paras[pi] = b_paras[pi][:s] + rw + b_paras[pi][e:]
                continue
            b_paras[pi] = b_paras[pi][:s] + OPEN + new + m.group(2) + CLOSE + b_paras[pi][m.end():]
            a_paras[pi] = a_paras[pi][:s] + OPEN + m.group(1) + m.group(2) + CLOSE + a_paras[pi][m.end():]
            records.append({"old": m.group(0), "new": new + m.group(2)})
    # neutral edits
    for i, p in enumerate(b_paras):
        for x, y in NEUTRAL_WORDS:
            if x in p and rng.random() < 0.5:
                p = p.replace(x, y, 1)
        if rng.random() < 0.5:
            p = p.replace("，", ",").replace("：", ":").replace("（", "(").replace("）", ")").replace("；", ";")
        p = re.sub(r"(产值|总额|收入)(?=[0-9])", r"\1达", p, count=1) if rng.random() < 0.5 else p
        b_paras[i] = p
    # re-wrap: break paragraphs mid-sentence, paste captions, join neighbours
    out: list[str] = []
    for p in b_paras:
        if len(p) > 40 and rng.random() < 0.35:
            cut = rng.randint(10, len(p) - 10)
            while cut < len(p) - 5 and (_inside_mark(p, cut) or not _cjk(p[cut - 1]) or not _cjk(p[cut])):
                cut += 1
            if cut < len(p) - 5:
                out.append(p[:cut])
                if rng.random() < 0.4:
                    out.append(rng.choice(CAPTIONS))
                out.append(p[cut:])
                continue
        if out and rng.random() < 0.1:
            out[-1] += p
        else:
            out.append(p)
    if column:  # a newspaper column: every paragraph hard-wrapped at a fixed width
        wrapped = []
        for p in out:
            k = 0
            while k < len(p):
                end = min(len(p), k + column)
                while end < len(p) and _inside_mark(p, end):
                    end += 1
                wrapped.append(p[k:end])
                k = end
        out = wrapped
    out.append("（来源：本报综合）")
    return "\n\n".join(a_paras) + "\n", "\n\n".join(out) + "\n", records


def _inside_mark(p: str, i: int) -> bool:
    return p.rfind(OPEN, 0, i) > p.rfind(CLOSE, 0, i)


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def strip_marks(text: str) -> tuple[str, list[tuple[int, int]]]:
    spans = []
    out = []
    pos = 0
    start = 0
    for c in text:
        if c == OPEN:
            start = pos
        elif c == CLOSE:
            spans.append((start, pos))
        else:
            out.append(c)
            pos += 1
    return "".join(out), spans


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default="/work/shared/dev/chrome")
    ap.add_argument("--out", default="/tmp/ver_pairs")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--column", type=int, default=0, help="hard-wrap version b at this width")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    manifest = []
    for src in sorted(Path(args.src).glob("*.gold.txt")):
        text = src.read_text(encoding="utf-8")
        if len(text) < 300:
            continue
        a, b, records = make_pair(text, rng, args.column)
        a, a_spans = strip_marks(a)
        b, b_spans = strip_marks(b)
        stem = src.name.replace(".gold.txt", "")
        (out / f"{stem}_a.txt").write_text(a, encoding="utf-8")
        (out / f"{stem}_b.txt").write_text(b, encoding="utf-8")
        records.reverse()  # they were made from the end of the text backwards
        assert len(records) == len(a_spans) == len(b_spans)
        for r, sa, sb in zip(records, a_spans, b_spans):
            r["a_span"], r["b_span"] = sa, sb
        manifest.append({"a": f"{stem}_a.txt", "b": f"{stem}_b.txt", "figures": records})
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(manifest)} pairs, {sum(len(m['figures']) for m in manifest)} changed figures -> {out}")


if __name__ == "__main__":
    main()
