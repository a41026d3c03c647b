"""Tune how TYP003 uses the glyph look-alike table (rules/typ/shape_glyph.txt): score every
candidate once with all gain bars off, then count, for a grid of glyph options, sentences with a
finding per set and findings on clean news (the other bars at their defaults).

    python bench/typ_tune_glyph.py [--sets ocr_synth,ocr_synth_near,sighan15_test]

Mirrors ``ConfusableCharacter._why`` / ``_threshold``; keep them in step when the rule changes.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import pickle
from pathlib import Path

from typ_tune import traces

from corpuslint import Linter
from corpuslint.core.packs import PackStore
from corpuslint.rules.typ import confusable_character as cc
from corpuslint.rules.typ._common import confusions, glyph_confusions

GAINS = ["min_gain", "min_gain_shape", "min_gain_shape_derived", "min_gain_shape_sound",
         "min_gain_rare", "min_gain_rare_sound", "min_gain_contains", "min_gain_glyph"]
DEFAULTS = dict(cc.ConfusableCharacter.options)
CACHE = Path("/tmp/typ_tune_glyph.pkl")


def collect(sets: list[str]) -> list[tuple]:
    opts = {k: 99.0 for k in GAINS}
    opts.update(glyph_similarity=0.0, glyph_confirms=0)  # "why" from the tables; glyph looked up below
    return traces(Linter(select=["TYP003"], options={"TYP003": opts}), keep=lambda name: name in sets)


def bar(why: str, rare: bool, o: dict) -> float:
    if why in ("contains", "contains+sound"):
        if rare:
            return o["min_gain_rare"]
        return o["min_gain"] if why == "contains+sound" else o["min_gain_contains"]
    b = {"sound": o["min_gain"], "shape": o["min_gain_shape"], "glyph": o["min_gain_glyph"],
         "shape-derived": o["min_gain_shape_derived"]}.get(why, o["min_gain_shape_sound"])
    if rare and why == "sound":
        b = min(b, o["min_gain_rare_sound"])
    elif rare and why != "shape-derived":
        b = min(b, o.get("min_gain_rare_glyph", o["min_gain_rare"]) if why == "glyph" else o["min_gain_rare"])
    return b


def score(feats: list[tuple], o: dict, glyph: dict, known) -> tuple[list[str], dict]:  # type: ignore[no-untyped-def]
    pos: dict[str, set] = collections.defaultdict(set)
    neg: dict[str, set] = collections.defaultdict(set)
    clean = []
    for name, kind, k, c, alt, word, cf, af, wf, gain, why, win in feats:
        rare = cf < o["rare_char_freq"]
        sim = glyph.get(c, {}).get(alt, 0.0)
        is_g = sim >= (o["glyph_similarity_rare"] if rare else o["glyph_similarity"])
        why = known.of(c).get(alt)
        if why is None:
            if not is_g:
                continue
            why = "glyph"
        elif is_g and o["glyph_confirms"]:
            why = {"shape-derived": "shape", "sound": "shape+sound"}.get(why, why)
        b = bar(why, rare, o)
        if not rare and wf < o["rare_word_freq"]:
            b += o["rare_word_penalty"]
        if gain < b:
            continue
        if name == "clean":
            clean.append(f"{c}>{alt}")
        elif kind == "fp":
            neg[name].add(k)
        else:
            pos[name].add(k)
    return clean, {n: (len(pos[n]), len(neg[n])) for n in sorted(set(pos) | set(neg))}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="ocr_synth,ocr_synth_near,sighan15_test")
    ap.add_argument("--fresh", action="store_true")
    args = ap.parse_args()
    if CACHE.exists() and not args.fresh:
        feats = pickle.loads(CACHE.read_bytes())
    else:
        feats = collect(args.sets.split(","))
        CACHE.write_bytes(pickle.dumps(feats))
    packs = PackStore()
    glyph, known = glyph_confusions(packs), confusions(packs)
    rows = []
    for sim, simr, g, gr, conf in itertools.product([0.70, 0.72, 0.75, 0.78, 0.80], [0.70, 0.72, 0.75, 0.80],
                                                    [9, 10, 11, 12, 14, 99], [5, 6, 7, 8, 99], [0, 1]):
        o = dict(DEFAULTS, glyph_similarity=sim, glyph_similarity_rare=simr, min_gain_glyph=g,
                 min_gain_rare_glyph=gr, glyph_confirms=conf)
        clean, per_set = score(feats, o, glyph, known)
        ocr = sum(per_set.get(s, (0, 0))[0] for s in ("ocr_synth", "ocr_synth_near"))
        ocr_fp = sum(per_set.get(s, (0, 0))[1] for s in ("ocr_synth", "ocr_synth_near"))
        rows.append((len(clean), -ocr, ocr_fp, (sim, simr, g, gr, conf), " ".join(clean), per_set))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    print("clean findings, OCR true sentences, OCR false | sim sim_rare gain gain_rare confirms | per set (tp, fp)")
    for n in range(8):
        for r in [x for x in rows if x[0] == n][:4]:
            print(f"{r[0]:3} {-r[1]:4} {r[2]:3} | {r[3]} | {r[5]} | {r[4]}")


if __name__ == "__main__":
    main()
