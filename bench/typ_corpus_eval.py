"""TYP005 (corpus evidence) on real news with injected OCR misreadings: precision, recall and
false findings per 100 000 characters of the clean corpus.

    python bench/typ_corpus_eval.py [--heldout] [--rate 1000] [--option n=4 --option min_count=5]

The news (the tuning half of People's Daily, Jan 1998, by default; ``--heldout``: the held-out
half) is cut into documents of 20 lines. One character in ``rate`` that the OCR table
(rules/typ/ocr_confusions.tsv) has misreadings for is replaced by one of them, drawn in
proportion to the recognizer's counts (seed 7). A TYP005 finding on an injected character is a
true positive, any other a false one; recall is over all injected characters (most of them sit
in strings that occur too seldom in the corpus for any corpus evidence).
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from pathlib import Path

from corpuslint import Linter
from corpuslint.load import document_from_text

TUNE = Path("/work/bench-data/clean_news/pd1998_tune.txt")
HELD = Path("/work/bench-data/clean_heldout/pd1998_held.txt")
OCR = Path(__file__).resolve().parent.parent / "rules" / "typ" / "ocr_confusions.tsv"


def load_ocr() -> dict[str, tuple[list[str], list[int]]]:
    table: dict[str, tuple[list[str], list[int]]] = defaultdict(lambda: ([], []))
    for line in OCR.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) != 4 or not parts[2].isdigit():
            continue
        obs, weights = table[parts[0]]
        obs.append(parts[1])
        weights.append(int(parts[2]))
    return dict(table)


def documents(path: Path) -> list[str]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return ["\n".join(lines[k:k + 20]) for k in range(0, len(lines), 20)]


def inject(docs: list[str], rate: int, seed: int = 7) -> tuple[list[str], list[dict[int, str]]]:
    ocr = load_ocr()
    rng = random.Random(seed)
    out, truth = [], []
    for d in docs:
        chars = list(d)
        where = {}
        for i, c in enumerate(chars):
            if c in ocr and rng.random() < 1 / rate:
                obs, weights = ocr[c]
                chars[i] = rng.choices(obs, weights)[0]
                where[i] = c
        out.append("".join(chars))
        truth.append(where)
    return out, truth


def run(texts: list[str], options: dict) -> tuple[list, float]:
    linter = Linter(select=["TYP005"], options={"TYP005": options})
    t0 = time.process_time()
    res = linter.lint_documents([document_from_text(t, path=str(k)) for k, t in enumerate(texts)])
    return res.findings, time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--heldout", action="store_true")
    ap.add_argument("--rate", type=int, default=1000, help="one injected misreading per RATE candidate characters")
    ap.add_argument("--option", action="append", default=[], help="name=value of TYP005, e.g. min_count=3")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    options = {k: (v == "true" if v in ("true", "false") else int(v))
               for k, v in (o.split("=", 1) for o in args.option)}
    clean = documents(HELD if args.heldout else TUNE)
    chars = sum(map(len, clean))
    false_clean, dt = run(clean, options)
    noisy, truth = inject(clean, args.rate)
    found, _ = run(noisy, options)
    tp = [f for f in found if truth[int(f.path)].get(f.location.start)]
    fp = [f for f in found if not truth[int(f.path)].get(f.location.start)]
    right = [f for f in tp if f.fix and f.fix.edits[0].content == truth[int(f.path)][f.location.start]]
    injected = sum(map(len, truth))
    p = len(tp) / len(found) if found else float("nan")
    print(f"TYP005 {options or 'defaults'} on {'held' if args.heldout else 'tune'} news: {len(clean)} documents, "
          f"{chars} chars; clean: {len(false_clean)} findings = {len(false_clean) / chars * 1e5:.2f} per 100k "
          f"({chars / 1e6 / dt:.2f} M chars per CPU-s)")
    print(f"injected {injected}: found {len(tp)} (right correction {len(right)}), other findings {len(fp)}: "
          f"P {p:.3f} R {len(tp) / injected:.3f}")
    if args.verbose:
        for tag, fs, texts in (("clean", false_clean, clean), ("FP", fp, noisy), ("TP", tp, noisy)):
            for f in fs:
                t = texts[int(f.path)]
                a = f.location.start
                print(f"  [{tag}] {t[max(0, a - 8):a]}[{t[a]}]{t[a + 1:a + 8]}: {f.message[:90]}")


if __name__ == "__main__":
    main()
