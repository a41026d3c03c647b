"""Tune TYP003's noisy-channel score on FASPell's real-OCR **train** split and the tuning half of
the clean news (never the test split or the held-out news).

    python bench/typ_tune_channel.py [--clean-limit 400000]
    python bench/typ_tune_channel.py --clean-limit 1100000 --traces /tmp/tr.pkl \
        --search '{"bigram_weight": [0.25, 0.5], "log_p_sound": [-7, -10]}'

Runs TYP003 once with every scored candidate traced (bench hook ``TRACE``), then recomputes the
score for a grid of channel settings and bars offline: sentence-level precision/recall on the
train split and false findings per 100 000 characters of clean news, per setting. ``--search``
tries every combination of the listed option values (vectorised: seconds for a thousand) and
prints the settings with the highest recall at P >= ``--min-precision`` and at most ``--max-false``
per 100k.
"""

from __future__ import annotations

import argparse
import glob
import itertools
import json
import math
import pickle

import numpy as np
from pathlib import Path

import typ_eval as te

from corpuslint import Linter
from corpuslint.load import document_from_text
from corpuslint.corpus.ocr_data import GLYPH_SIMILARITY
from corpuslint.rules.typ import confusable_character as cc
from corpuslint.rules.typ._channel import GLYPH, KIND, OCR, OCR_REVERSE

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


_KINDS = ("sound", "shape", "shape-derived", "contains", "contains+sound", "shape+sound", "glyph")
_SHAPE = [k for k, name in enumerate(_KINDS) if name in cc._SHAPE_KINDS]


def _kind(cand: tuple, similarity: float) -> int:
    """The older tables' evidence of a candidate as ConfusableCharacter.channel reads it (-1: none)."""
    kind, glyph = cand[KIND], cand[GLYPH] >= similarity
    if glyph and kind == "shape-derived":
        kind = "shape"
    elif glyph and kind == "sound":
        kind = "shape+sound"
    elif glyph and kind is None:
        kind = "glyph"
    return _KINDS.index(kind) if kind else -1


def ocr_counts(path: Path) -> dict[tuple[str, str], int]:
    """(intended, observed) -> how often the recognizer made that misreading (the traced table)."""
    out = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        parts = row.split("\t")
        if len(parts) == 4 and not row.startswith("#"):
            out[(parts[0], parts[1])] = int(parts[2])
    return out


def flatten(traces: list[list[tuple]], by_position: bool,
            counts: dict[tuple[str, str], int]) -> tuple[np.ndarray, np.ndarray, int]:
    """The unguarded traced candidates as rows (gain - penalty, bigram, kind, rare, log P_ocr,
    log P_ocr reverse, count of the misreading, count of the reverse one) and the text (or
    text and position) each belongs to."""
    rows, keys = [], []
    for g, t in enumerate(traces):
        for x in t:
            if x[12]:
                continue
            cand = x[7]
            rows.append((x[5] - x[6], x[10], _kind(cand, GLYPH_SIMILARITY), x[8],
                         np.nan if cand[OCR] is None else cand[OCR],
                         np.nan if cand[OCR_REVERSE] is None else cand[OCR_REVERSE],
                         counts.get((x[1], x[0]), 0), counts.get((x[0], x[1]), 0)))
            keys.append((g, x[11]) if by_position else g)
    index = {k: i for i, k in enumerate(dict.fromkeys(keys))}
    return np.array(rows, dtype=np.float64).reshape(-1, 8), np.array([index[k] for k in keys], dtype=np.int64), len(index)


def vector_scores(a: np.ndarray, o: dict) -> np.ndarray:
    """ConfusableCharacter's score minus bar penalty for every row of ``flatten`` (as ``score``).
    Two settings of the table itself are tried here only: ``min_count`` (pairs seen fewer times
    are left out, as the build's --min-count) and ``discount`` (log P_ocr from count - discount)."""
    kind, rare = a[:, 2].astype(int), a[:, 3] > 0
    a = a.copy()
    for col, n in ((4, a[:, 6]), (5, a[:, 7])):
        keep = n >= o.get("min_count", 0)
        d = o.get("discount", 0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            a[:, col] = np.where(keep, a[:, col] + np.log(np.maximum(n - d, 1e-9) / np.maximum(n, 1)), np.nan)
    names = [name.replace("-", "_").replace("+", "_") for name in _KINDS]
    lp = np.array([o["log_p_" + n] for n in names] + [-np.inf])
    if o["profile"] == "ocr-review":
        lp[0] = o["review_log_p_sound"]
    lp = lp[kind]
    lp = np.where(rare & (kind == 0), o["log_p_rare_sound"], lp)
    lp = np.where(rare & np.isin(kind, _SHAPE), np.maximum(lp, o["log_p_rare_shape"]), lp)
    ocr = np.where(np.isnan(a[:, 4]), o["ocr_weight"] * a[:, 5] + o["ocr_offset"] + o["ocr_reverse_offset"],
                   o["ocr_weight"] * a[:, 4] + o["ocr_offset"])
    lp = np.maximum(lp, np.nan_to_num(ocr, nan=-np.inf))
    w = o["review_bigram_weight"] if o["profile"] == "ocr-review" else o["bigram_weight"]
    return a[:, 0] + lp + w * a[:, 1]


def search(pos: list, neg: list, clean: list, chars: int, space: dict, max_false: float, profile: str,
           min_p: float, table: Path) -> None:
    counts = ocr_counts(table)
    flat = [flatten(pos, False, counts), flatten(neg, False, counts), flatten(clean, True, counts)]
    rule = cc.ConfusableCharacter.__new__(cc.ConfusableCharacter)
    base = dict(cc.ConfusableCharacter.options, profile=profile)
    names, found = list(space), []
    for combo in itertools.product(*space.values()):
        o = dict(base, **dict(zip(names, combo)))
        most = []
        for a, group, n in flat:
            m = np.full(n, -np.inf)
            np.maximum.at(m, group, vector_scores(a, o))
            most.append(m)
        if not found and o.get("min_count", 0) <= 1 and not o.get("discount"):  # the vectorised score is ConfusableCharacter's (checked on the first setting)
            set_options(rule, o)
            want = [max((score(rule, x) for x in t), default=-np.inf) for t in pos]
            got = np.full(len(pos), -np.inf)
            got[[k for k, t in enumerate(pos) if any(not x[12] for x in t)]] = most[0]
            assert np.allclose(np.array(want), got), "vector_scores disagrees with ConfusableCharacter.channel"
        for bar in np.arange(-2.0, 14.01, 0.5):
            tp, fp, cf = (int((m >= bar).sum()) for m in most)
            found.append((tp, tp / (tp + fp) if tp + fp else 0.0, fp, cf, float(bar), combo))
    ok = sorted((r for r in found if r[1] >= min_p and r[3] / chars * 1e5 <= max_false), key=lambda r: -r[0])
    print(names)
    for tp, p, fp, cf, bar, combo in ok[:30]:
        print(f"R {tp / len(pos):.3f} P {p:.3f} (TP {tp} FP {fp}) clean {cf} = {cf / chars * 1e5:.2f}/100k "
              f"bar {bar} {combo}")


def set_options(rule: cc.ConfusableCharacter, opts: dict) -> None:
    rule.opts = opts
    sound = opts["review_log_p_sound" if opts.get("profile") == "ocr-review" else "log_p_sound"]
    rule._kind_log_p = {"sound": sound, "shape": opts["log_p_shape"],
                        "shape-derived": opts["log_p_shape_derived"], "contains": opts["log_p_contains"],
                        "contains+sound": opts["log_p_contains_sound"], "shape+sound": opts["log_p_shape_sound"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clean-limit", type=int, default=600_000)
    ap.add_argument("--profile", default="default")
    ap.add_argument("--grid", default="ocr_weight=1.0;ocr_offset=0.0")
    ap.add_argument("--traces", type=Path, help="pickle of the traces: written if absent, else read "
                    "(a grid over channel options then takes seconds; delete it after a table change)")
    ap.add_argument("--search", help="JSON: option -> list of values to combine")
    ap.add_argument("--table", type=Path, default=Path(__file__).resolve().parent.parent / "rules/typ/ocr_confusions.tsv",
                    help="the OCR table the traces were made with (--search reads its counts)")
    ap.add_argument("--with-held", action="store_true", help="add the People's Daily held split to the clean "
                    "news (dev data since it was looked at; raise --clean-limit to take it all)")
    ap.add_argument("--min-precision", type=float, default=0.90, help="on the train split (--search)")
    ap.add_argument("--max-false", type=float, default=1.0, help="false findings per 100k clean news (--search)")
    args = ap.parse_args()
    if args.with_held:
        CLEAN_TUNE.append("/work/bench-data/clean_heldout/*.txt")
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
    if args.search:
        search(pos, neg, clean, chars, json.loads(args.search), args.max_false, args.profile, args.min_precision, args.table)
        return
    rule = cc.ConfusableCharacter.__new__(cc.ConfusableCharacter)
    base = dict(cc.ConfusableCharacter.options)
    grid = [dict(kv.split("=") for kv in g.split(",")) for g in args.grid.split(";")]
    for g in grid:
        set_options(rule, dict(base, profile=args.profile, **{k: float(v) for k, v in g.items()}))
        for bar in BARS:
            tp = sum(best(rule, t, bar) for t in pos)
            fp = sum(best(rule, t, bar) for t in neg)
            cf = sum(flagged(rule, t, bar) for t in clean)
            p = tp / (tp + fp) if tp + fp else float("nan")
            print(f"{g} bar {bar:4.1f}: train P {p:.3f} R {tp / len(pos):.3f} (TP {tp} FP {fp}); "
                  f"clean {cf} = {cf / chars * 1e5:.2f}/100k of {chars}", flush=True)


if __name__ == "__main__":
    main()
