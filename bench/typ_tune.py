"""Tune TYP003's gain thresholds: score every candidate on the test sets and on clean news once,
then count, for a grid of thresholds, sentences with a finding per set (positives and corrected
negatives) and findings on clean news.

    python bench/typ_tune.py

The bars are the rule's own (``ConfusableCharacter._threshold``, called with the grid's options)
plus the rare-word penalty of ``_best_replacement``, which the trace does not apply.
"""

from __future__ import annotations

import collections
import itertools

import typ_eval as te

from corpuslint import Linter
from corpuslint.rules.typ import confusable_character as cc

GAIN_OPTIONS = ["min_gain", "min_gain_shape", "min_gain_shape_derived", "min_gain_shape_sound",
                "min_gain_rare", "min_gain_rare_sound", "min_gain_contains", "min_gain_glyph"]
DEFAULTS = dict(cc.ConfusableCharacter.options)


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


class _Options:
    """Stands in for a rule instance: ``_threshold`` reads only ``self.opts``."""

    def __init__(self, opts: dict) -> None:
        self.opts = opts


def bar(why: str, rare: bool, word_freq: int, o: dict) -> float:
    """The bar TYP003 sets for a candidate under options ``o``."""
    b = cc.ConfusableCharacter._threshold(_Options(o), why, rare)  # type: ignore[arg-type]
    if not rare and word_freq < o["rare_word_freq"]:
        b += o["rare_word_penalty"]
    return b


def score(feats: list[tuple], o: dict, why_of=lambda f, o: f[10]) -> tuple[list[str], dict[str, tuple[int, int]]]:  # type: ignore[no-untyped-def]
    """Clean-news findings ("c>alt") and (true, false) sentences per set under options ``o``;
    ``why_of(feat, o)`` gives a candidate's kind of evidence (None: not a candidate)."""
    pos: dict[str, set] = collections.defaultdict(set)
    neg: dict[str, set] = collections.defaultdict(set)
    clean = []
    for f in feats:
        name, kind, k, c, alt, _word, cf, _af, wf, gain, _why, _win = f
        why = why_of(f, o)
        if why is None or gain < bar(why, cf < o["rare_char_freq"], wf, o):
            continue
        if name == "clean":
            clean.append(f"{c}>{alt}")
        elif kind == "fp":
            neg[name].add(k)
        else:
            pos[name].add(k)
    return clean, {n: (len(pos[n]), len(neg[n])) for n in sorted(set(pos) | set(neg))}


def main() -> None:
    feats = collect()
    rows = []
    for sh, de, so, co, ss in itertools.product([9, 10, 11], [12, 14, 16], [13, 15, 17], [9, 11, 13], [8, 9, 10]):
        o = dict(DEFAULTS, min_gain_shape=sh, min_gain_shape_derived=de, min_gain=so, min_gain_contains=co,
                 min_gain_shape_sound=ss)
        clean, per_set = score(feats, o)
        ocr = sum(per_set.get(s, (0, 0))[0] for s in ("ocr_synth", "ocr_synth_near"))
        rows.append((len(clean), -ocr, o, " ".join(clean), per_set))
    rows.sort(key=lambda r: (r[0], r[1]))
    print("clean findings, OCR true sentences | shape derived sound contains shape+sound | per set (tp, fp)")
    for n in range(6):
        for r in [x for x in rows if x[0] == n][:3]:
            o = r[2]
            print(f"{r[0]:3} {-r[1]:4} | {o['min_gain_shape']:3} {o['min_gain_shape_derived']:3} {o['min_gain']:3} "
                  f"{o['min_gain_contains']:3} {o['min_gain_shape_sound']:3} | {r[4]} | {r[3]}")


if __name__ == "__main__":
    main()
