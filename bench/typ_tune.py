"""Tune TYP003's gain thresholds: score every candidate on the test sets and on clean news once,
then count, for a grid of thresholds, true findings (the flagged character is an annotated error),
findings on corrected sentences and findings on clean news.

    python bench/typ_tune.py
"""

from __future__ import annotations

import itertools

import typ_eval as te

from corpuslint import Linter
from corpuslint.rules.typ import confusable_character as cc


def collect() -> dict[str, list]:
    linter = Linter(select=["TYP003"], options={"TYP003": {
        "min_gain": 99.0, "min_gain_shape": 99.0, "min_gain_shape_derived": 99.0, "min_gain_shape_sound": 99.0, "min_gain_rare": 99.0}})
    feats: dict[str, list] = {"tp": [], "fp": [], "clean": []}
    cc.TRACE = []
    for name, rows in te.load_sets(None).items():
        if name.startswith("csc_hard"):
            continue
        for r in rows:
            if r["wrong"] != r["right"]:
                cc.TRACE.clear()
                linter.lint_text(r["wrong"])
                errs = {e["wrong"] for e in r["errors"]}
                feats["tp"] += [d for d in cc.TRACE if d[0] in errs]
            cc.TRACE.clear()
            linter.lint_text(r["right"])
            feats["fp"] += list(cc.TRACE)
    for _, text in te.clean_texts():
        cc.TRACE.clear()
        linter.lint_text(text)
        feats["clean"] += list(cc.TRACE)
    cc.TRACE = None
    return feats


def main() -> None:
    feats = collect()
    rows = []
    grid = itertools.product([10, 11, 12, 13], [9, 10, 11, 12], [12, 14, 16, 99], [8, 9, 10, 11], [6, 7, 8, 99])
    for gs, gh, gd, ghs, gr in grid:
        def keep(d: tuple) -> bool:
            if d[3] < 100 and d[7] != "shape-derived" and d[6] >= gr:
                return True
            return d[6] >= {"sound": gs, "shape": gh, "shape-derived": gd}.get(d[7], ghs)
        counts = {k: sum(1 for d in v if keep(d)) for k, v in feats.items()}
        rows.append((counts["clean"], -counts["tp"], counts["fp"], gs, gh, gd, ghs, gr))
    print("clean  tp  fp  | sound shape derived shape+sound rare")
    for clean in range(6):
        for r in sorted(x for x in rows if x[0] == clean)[:3]:
            print(f"{r[0]:5} {-r[1]:4} {r[2]:3}  | {r[3]:5} {r[4]:5} {r[5]:7} {r[6]:11} {r[7]:4}")


if __name__ == "__main__":
    main()
