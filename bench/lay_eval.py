"""Measure the LAY rules on clean real text: false breaks, captions and lost-text findings on
the hand-copied article bodies of /work/shared/dev/chrome/*.gold.txt, and how many synthetic
breaks (a long paragraph cut at a random point mid-sentence) LAY001 finds.

    python bench/lay_eval.py [DEV_DIR]
    python bench/lay_eval.py --news tune|held [--show]

``--news``: the LAY rules on clean edited news (the People's Daily articles of
bench/chrome_clean_news.py, one paragraph a line, and the same with a blank line between
paragraphs): every LAY finding there is a false alarm (target 0).

The gold texts are clean but not perfect: a few keep a real break around a figure (2397c95d),
a truncated last paragraph (bbdf5079); those findings are listed so they can be judged by eye.
In the damaged-document test, "false joins" in 2397c95d are those real breaks of the gold text.
Gold files put one paragraph per line; they are linted as they are and with a blank line
between paragraphs (the layout of the OCR seeds).
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from pathlib import Path

from corpuslint import Linter

DEV = Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else Path("/work/shared/dev")


def news(split: str, show: bool) -> None:
    """LAY findings on the clean news articles of ``split``, as they are and blank-line spaced."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from chrome_clean_news import FILES, articles

    from corpuslint.core import Document

    lines = [x.strip() for x in FILES[split].read_text(encoding="utf-8").splitlines() if x.strip()]
    arts = articles(lines)
    linter = Linter(select=["LAY"])
    for layout, sep in (("as-is", "\n"), ("blank-lines", "\n\n")):
        docs = [Document(sep.join(a) + "\n", path=f"article-{k:05d}.txt") for k, a in enumerate(arts)]
        t0 = time.process_time()
        found = linter.lint_documents(docs).findings
        cpu = time.process_time() - t0
        codes = Counter(f.code for f in found)
        files = len({f.path for f in found})
        print(f"{split} {layout}: {len(docs)} articles ({sum(map(len, arts))} paragraphs), {cpu:.1f} CPU-s; "
              f"LAY findings {len(found)} in {files} files {dict(sorted(codes.items()))} (target 0)")
        if show:
            for f in found:
                print(f"  {f.path}:{f.location.line}: {f.code} {f.message[:100]} | {f.flagged_text[:40]}")


def main() -> None:
    golds = sorted((DEV / "chrome").glob("*.gold.txt"))
    linter = Linter(select=["LAY"])
    counts: Counter[str] = Counter()
    paragraphs = 0
    t0 = time.perf_counter()
    for layout in ("as-is", "blank-lines"):
        print(f"== gold texts, {layout}")
        for path in golds:
            text = path.read_text(encoding="utf-8")
            if layout == "blank-lines":
                text = "\n\n".join(line for line in text.splitlines() if line.strip()) + "\n"
            else:
                paragraphs += sum(1 for line in text.splitlines() if line.strip())
            for f in linter.lint_text(text, path=path.name):
                counts[f"{layout} {f.code}"] += 1
                print(f"  {path.name[6:14]}:{f.location.line} {f.code} {f.message[:90]}")
    print(f"\n{len(golds)} gold texts, {paragraphs} paragraphs; findings: {dict(sorted(counts.items()))}")

    # Recall on synthetic breaks: cut long paragraphs at a random Han character.
    rng = random.Random(7)
    found = total = 0
    for path in golds:
        paras = [p for p in path.read_text(encoding="utf-8").splitlines() if p.strip()]
        for k, p in enumerate(paras):
            if len(p) < 60 or p.count("。") < 2:
                continue
            cut = rng.randrange(20, len(p) - 20)
            if not ("\u4e00" <= p[cut - 1] <= "\u9fff" and "\u4e00" <= p[cut] <= "\u9fff"):
                continue
            broken = paras[:k] + [p[:cut], p[cut:]] + paras[k + 1:]
            text = "\n\n".join(broken) + "\n"
            total += 1
            hits = [f for f in linter.lint_text(text) if f.code == "LAY001"
                    and f.location.line == 2 * k + 1]
            found += bool(hits)
    print(f"synthetic breaks found by LAY001: {found}/{total} "
          "(one break per document: only breaks with word or grammar evidence count here)")

    # Damaged documents: up to four breaks each (as OCR leaves them), blank lines between
    # paragraphs; every LAY001 not at an inserted break is a false join.
    found = total = false = 0
    for path in golds:
        paras = [p for p in path.read_text(encoding="utf-8").splitlines() if p.strip()]
        cands = [k for k, p in enumerate(paras) if len(p) >= 60]
        picks = set(rng.sample(cands, min(4, len(cands))))
        out: list[str] = []
        truth: set[int] = set()
        for k, p in enumerate(paras):
            cut = rng.randrange(20, len(p) - 20) if k in picks else 0
            if cut and "\u4e00" <= p[cut - 1] <= "\u9fff" and "\u4e00" <= p[cut] <= "\u9fff":
                truth.add(2 * len(out) + 1)
                out += [p[:cut], p[cut:]]
            else:
                out.append(p)
        hits = {f.location.line for f in linter.lint_text("\n\n".join(out) + "\n")
                if f.code == "LAY001"}
        total += len(truth)
        found += len(hits & truth)
        false += len(hits - truth)
        for line in sorted(hits - truth):
            print(f"  false join {path.name[6:14]}:{line}: {out[(line - 1) // 2][-30:]}")
    print(f"damaged documents: {found}/{total} inserted breaks found, {false} false joins")
    print(f"time {time.perf_counter() - t0:.1f}s")
    nrm(golds)


def nrm(golds: list[Path]) -> None:
    """NRM on the same clean text: findings per rule on the simplified gold texts, and NRM002 on
    traditional versions of them (mainland, Taiwan and Hong Kong standards: must stay silent),
    and on the correct sentences of the spelling test sets."""
    import json

    import opencc

    linter = Linter(select=["NRM"])
    counts: Counter[str] = Counter()
    for path in golds:
        text = path.read_text(encoding="utf-8")
        for f in linter.lint_text(text):
            counts[f"simplified {f.code}"] += 1
        for cfg in ("s2t", "s2tw", "s2hk"):
            for f in linter.lint_text(opencc.OpenCC(cfg).convert(text)):
                if f.code == "NRM002":
                    counts[f"{cfg} NRM002"] += 1
    script = Linter(select=["NRM002"])
    sentences = 0
    for path in sorted((DEV / "typos").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            sentences += 1
            counts["typos-right NRM002"] += len(script.lint_text(json.loads(line)["right"]))
    print(f"NRM on {len(golds)} gold texts (+ traditional versions) and {sentences} correct "
          f"sentences: {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    if "--news" in sys.argv:
        news(sys.argv[sys.argv.index("--news") + 1], "--show" in sys.argv)
    else:
        main()
