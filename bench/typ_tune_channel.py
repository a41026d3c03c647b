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
import math
import pickle
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


def score(rule: cc.ConfusableCharacter, t: tuple) -> float:
    """A traced candidate's score minus its bar (>= 0: reported), or -inf when a guard silences it."""
    c, alt, word, cf, f, gain, penalty, cand, rare, window, bigram, pos, guarded = t
    if guarded:
        return -math.inf
    return gain + rule.channel(cand, rare)[0] + weight(rule) * bigram - penalty


def best(rule: cc.ConfusableCharacter, trace: list[tuple], bar: float) -> bool:
    return any(score(rule, t) >= bar for t in trace)


def flagged(rule: cc.ConfusableCharacter, trace: list[tuple], bar: float) -> int:
    """How many positions of a text would be reported."""
    return len({t[11] for t in trace if score(rule, t) >= bar})


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clean-limit", type=int, default=600_000)
    ap.add_argument("--profile", default="default")
    ap.add_argument("--grid", default="ocr_weight=1.0;ocr_offset=0.0")
    ap.add_argument("--traces", type=Path, help="pickle of the traces: written if absent, else read "
                    "(a grid over channel options then takes seconds; delete it after a table change)")
    args = ap.parse_args()
    if args.traces and args.traces.exists():
        pos, neg, clean, chars = pickle.loads(args.traces.read_bytes())
    else:
        linter = Linter(select=["TYP003"], options={"TYP003": {"min_score": -50.0, "review_min_score": -50.0,
                                                               "profile": args.profile}})
        linter.lint_text("预热")
        rows = [json.loads(line) for line in open(TRAIN, encoding="utf-8")]
        pos = traced(linter, [r["wrong"] for r in rows if r["wrong"] != r["right"]])
        neg = traced(linter, [r["right"] for r in rows])
        docs = clean_docs(args.clean_limit)
        clean = traced(linter, docs)
        chars = sum(map(len, docs))
        if args.traces:
            args.traces.write_bytes(pickle.dumps((pos, neg, clean, chars)))
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
            cf = sum(flagged(rule, t, bar) for t in clean)
            p = tp / (tp + fp) if tp + fp else float("nan")
            print(f"{g} bar {bar:4.1f}: train P {p:.3f} R {tp / len(pos):.3f} (TP {tp} FP {fp}); "
                  f"clean {cf} = {cf / chars * 1e5:.2f}/100k of {chars}", flush=True)


if __name__ == "__main__":
    main()
