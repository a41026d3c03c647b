"""Tune how TYP003 uses the glyph look-alike table (rules/typ/shape_glyph.txt): score every
candidate once with all gain bars off, then count, for a grid of glyph options, sentences with a
finding per set and findings on clean news (the other bars at their defaults).

    python bench/typ_tune_glyph.py [--sets ocr_synth,ocr_synth_near,sighan15_test]

The kind of evidence is recomputed from the tables as ``ConfusableCharacter._why`` does; the bars
are the rule's own (typ_tune.bar).
"""

from __future__ import annotations

import argparse
import itertools
import pickle
from pathlib import Path

from typ_tune import DEFAULTS, GAIN_OPTIONS, score, traces

from corpuslint import Linter
from corpuslint.core.packs import PackStore
from corpuslint.corpus.ocr_data import glyph_confusions
from corpuslint.rules.typ._common import confusions

CACHE = Path("/tmp/typ_tune_glyph.pkl")


def collect(sets: list[str]) -> list[tuple]:
    opts = {k: 99.0 for k in GAIN_OPTIONS}
    opts.update(glyph_similarity=0.0, glyph_confirms=0)  # "why" from the tables; glyph looked up below
    return traces(Linter(select=["TYP003"], options={"TYP003": opts}), keep=lambda name: name in sets)


def evidence(glyph: dict, known) -> object:  # type: ignore[no-untyped-def]
    """``why_of`` for typ_tune.score: the table's reason, "glyph" for a pair only the glyph table
    gives at the option's similarity, a look-alike confirmed by the glyph table (the rule's ``_why``)."""

    def why_of(f: tuple, o: dict) -> str | None:
        c, alt = f[3], f[4]
        is_g = glyph.get(c, {}).get(alt, 0.0) >= o["glyph_similarity"]
        why = known.of(c).get(alt)
        if why is None:
            return "glyph" if is_g else None
        if is_g and o["glyph_confirms"]:
            return {"shape-derived": "shape", "sound": "shape+sound"}.get(why, why)
        return why

    return why_of


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
    why_of = evidence(glyph_confusions(packs), confusions(packs))
    rows = []
    for sim, g, conf in itertools.product([0.70, 0.72, 0.74, 0.75, 0.78, 0.80], [9, 10, 11, 12, 14, 99], [0, 1]):
        o = dict(DEFAULTS, glyph_similarity=sim, min_gain_glyph=g, glyph_confirms=conf)
        clean, per_set = score(feats, o, why_of)
        ocr = sum(per_set.get(s, (0, 0))[0] for s in ("ocr_synth", "ocr_synth_near"))
        ocr_fp = sum(per_set.get(s, (0, 0))[1] for s in ("ocr_synth", "ocr_synth_near"))
        rows.append((len(clean), -ocr, ocr_fp, (sim, g, conf), " ".join(clean), per_set))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    print("clean findings, OCR true sentences, OCR false | similarity gain confirms | per set (tp, fp)")
    for n in range(8):
        for r in [x for x in rows if x[0] == n][:4]:
            print(f"{r[0]:3} {-r[1]:4} {r[2]:3} | {r[3]} | {r[5]} | {r[4]}")


if __name__ == "__main__":
    main()
