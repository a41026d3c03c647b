"""Tune TYP003's noisy-channel score on FASPell's real-OCR **train** split and the tuning half of
the clean news (never the test split or the held-out news).

    python bench/typ_tune_channel.py [--clean-limit 400000]

Runs TYP003 once with every scored candidate traced (bench hook ``TRACE``), then recomputes the
score for a grid of channel settings and bars offline: sentence-level precision/recall on the
train split and false findings per 100 000 characters of clean news, per setting.
"""

from __future__ import annotations

import argparse
import glob
import itertools
import json
from pathlib import Path

import typ_eval as te

from corpuslint import Linter
from corpuslint.load import document_from_text
from corpuslint.rules.typ import confusable_character as cc

BARS = (-2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 14.0)
TRAIN = "/work/bench-data/faspell_ocr_train.jsonl"
CLEAN_TUNE = ["/work/shared/dev/chrome/*.gold.txt", "/work/bench-data/clean_news/*.txt"]


def traced(linter: Linter, texts: list[str]) -> list[list[tuple]]:
    """Every traced candidate of each text."""
    out = []
    for t in texts:
        cc.TRACE = []
        linter.lint_documents([document_from_text(t, path="x")])
        out.append(cc.TRACE)
    cc.TRACE = None
    return out


def clean_docs(limit: int) -> list[str]:
    docs: list[str] = []
    for pat in CLEAN_TUNE:
        for p in sorted(glob.glob(pat)):
            text = Path(p).read_text(encoding="utf-8")
            if p.endswith(".gold.txt"):
                docs.append(text)
            else:
                lines = text.splitlines()
                docs += ["\n".join(lines[k:k + 20]) for k in range(0, len(lines), 20)]
    out, n = [], 0
    for d in docs:
        if n >= limit:
            break
        out.append(d)
        n += len(d)
    return out


def weight(rule: cc.ConfusableCharacter) -> float:
    o = rule.opts
    return o["review_bigram_weight"] if o["profile"] == "ocr-review" else o["bigram_weight"]


def best(rule: cc.ConfusableCharacter, trace: list[tuple], bar: float) -> bool:
    for c, alt, word, cf, f, gain, penalty, cand, rare, window, bigram in trace:
        lp, why = rule.channel(cand, rare)
        if gain + lp + weight(rule) * bigram >= bar + penalty:
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clean-limit", type=int, default=600_000)
    ap.add_argument("--profile", default="default")
    ap.add_argument("--grid", default="ocr_weight=1.0;ocr_offset=0.0")
    args = ap.parse_args()
    linter = Linter(select=["TYP003"], options={"TYP003": {"min_score": -50.0, "review_min_score": -50.0,
                                                           "profile": args.profile}})
    linter.lint_text("预热")
    rows = [json.loads(line) for line in open(TRAIN, encoding="utf-8")]
    pos = traced(linter, [r["wrong"] for r in rows if r["wrong"] != r["right"]])
    neg = traced(linter, [r["right"] for r in rows])
    docs = clean_docs(args.clean_limit)
    clean = traced(linter, docs)
    chars = sum(map(len, docs))
    rule = cc.ConfusableCharacter.__new__(cc.ConfusableCharacter)
    base = dict(cc.ConfusableCharacter.options)
    grid = [dict(kv.split("=") for kv in g.split(",")) for g in args.grid.split(";")]
    for g in grid:
        rule.opts = dict(base, profile=args.profile, **{k: float(v) for k, v in g.items()})
        rule._kind_log_p = {"sound": rule.opts["log_p_sound"], "shape": rule.opts["log_p_shape"],
                            "shape-derived": rule.opts["log_p_shape_derived"],
                            "contains": rule.opts["log_p_contains"],
                            "contains+sound": rule.opts["log_p_contains_sound"],
                            "shape+sound": rule.opts["log_p_shape_sound"]}
        for bar in BARS:
            tp = sum(best(rule, t, bar) for t in pos)
            fp = sum(best(rule, t, bar) for t in neg)
            cf = sum(sum(1 for x in t if x[5] + rule.channel(x[7], x[8])[0] + weight(rule) * x[10]
                         >= bar + x[6]) for t in clean)
            p = tp / (tp + fp) if tp + fp else float("nan")
            print(f"{g} bar {bar:4.1f}: train P {p:.3f} R {tp / len(pos):.3f} (TP {tp} FP {fp}); "
                  f"clean {cf} = {cf / chars * 1e5:.2f}/100k of {chars}", flush=True)


if __name__ == "__main__":
    main()
