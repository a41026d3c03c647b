"""Tune TYP003's gain thresholds: score every candidate on the test sets and on clean news once,
then count, for a grid of thresholds, sentences with a finding per set (positives and corrected
negatives) and findings on clean news.

    python bench/typ_tune.py

The bars mirror ``ConfusableCharacter._threshold`` and the rare-word penalty of
``_best_replacement``; keep them in step when the rule changes.
"""

from __future__ import annotations

import collections
import itertools

import typ_eval as te

from corpuslint import Linter
from corpuslint.rules.typ import confusable_character as cc

GAIN_OPTIONS = ["min_gain", "min_gain_shape", "min_gain_shape_derived", "min_gain_shape_sound",
                "min_gain_rare", "min_gain_rare_sound", "min_gain_contains"]
REGIONAL = "牠祂妳"


def traces(linter: Linter, keep=lambda name: not name.startswith("csc_hard")) -> list[tuple]:  # type: ignore[no-untyped-def]
    """(set, "tp"/"fp", row index) + TRACE tuple for every candidate ``linter`` scores on the
    sets ``keep`` accepts (wrong sentences give true candidates, right ones and clean news false)."""
    feats: list[tuple] = []
    cc.TRACE = []
    for name, rows in te.load_sets(None).items():
        if not keep(name):
            continue
        for k, r in enumerate(rows):
            if r["wrong"] != r["right"]:
                cc.TRACE.clear()
                linter.lint_text(r["wrong"])
                feats += [(name, "tp", k) + d for d in cc.TRACE]
            cc.TRACE.clear()
            linter.lint_text(r["right"])
            feats += [(name, "fp", k) + d for d in cc.TRACE]
    for n, text in te.clean_texts():
        cc.TRACE.clear()
        linter.lint_text(text)
        feats += [("clean", "fp", n) + d for d in cc.TRACE]
    cc.TRACE = None
    return feats


def collect() -> list[tuple]:
    return traces(Linter(select=["TYP003"], options={"TYP003": {k: 99.0 for k in GAIN_OPTIONS}}))


def bar(why: str, rare: bool, o: dict) -> float:
    if why in ("contains", "contains+sound"):
        if rare:
            return o["rare"]
        return o["sound"] if why == "contains+sound" else o["contains"]
    b = {"sound": o["sound"], "shape": o["shape"], "shape-derived": o["derived"]}.get(why, o["ss"])
    if rare and why == "sound":
        b = min(b, o["rare_sound"])
    elif rare and why != "shape-derived":
        b = min(b, o["rare"])
    return b


def score(feats: list[tuple], o: dict) -> tuple[list[str], dict[str, tuple[int, int]]]:
    pos: dict[str, set] = collections.defaultdict(set)
    neg: dict[str, set] = collections.defaultdict(set)
    clean = []
    for name, kind, k, c, alt, word, cf, af, wf, gain, why, win in feats:
        if c in REGIONAL:
            continue
        b = bar(why, cf < 100, o)
        if cf >= 100 and wf < 500:
            b += o["lw"]
        if gain < b:
            continue
        if name == "clean":
            clean.append(c)
        elif kind == "fp":
            neg[name].add(k)
        else:
            pos[name].add(k)
    return clean, {n: (len(pos[n]), len(neg[n])) for n in sorted(set(pos) | set(neg))}


def main() -> None:
    feats = collect()
    base = dict(sound=13, shape=10, derived=16, ss=9, rare=7, rare_sound=16, contains=11, lw=2)
    rows = []
    for sh, de, so, co, ss in itertools.product([9, 10, 11], [12, 14, 16], [13, 15, 17], [9, 11, 13], [8, 9, 10]):
        o = dict(base, shape=sh, derived=de, sound=so, contains=co, ss=ss)
        clean, per_set = score(feats, o)
        ocr = sum(per_set.get(s, (0, 0))[0] for s in ("ocr_synth", "ocr_synth_near"))
        rows.append((len(clean), -ocr, o, "".join(clean), per_set))
    rows.sort(key=lambda r: (r[0], r[1]))
    print("clean findings, OCR true sentences | shape derived sound contains shape+sound | per set (tp, fp)")
    for n in range(6):
        for r in [x for x in rows if x[0] == n][:3]:
            o = r[2]
            print(f"{r[0]:3} {r[3]:6} {-r[1]:4} | {o['shape']:3} {o['derived']:3} {o['sound']:3} {o['contains']:3} "
                  f"{o['ss']:3} | {r[4]}")


if __name__ == "__main__":
    main()
