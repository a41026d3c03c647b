"""Measure VER and TYP004 on generated version pairs of real articles (bench/ver_pairs.py) and on
real reprint pairs.

    python bench/ver_eval.py [--split tune|held|pd-tune|fresh|pd-blind] [--seeds 1,2,3] [-v]

Each article gives a pair (its two versions linked by a JSONL-style group, so this measures the
classifier, not version linking); the default rule set is run (VER003/VER004 are off). Reports,
over all pairs:

* figures found: changed figures with a VER001 finding overlapping them on either version;
* OCR substitutions found: TYP004 on them (strict), or any VER/TYP004 finding (lenient);
* names found: VER002 on them (strict), or any VER/TYP004 finding (lenient);
* false findings per pair: VER/TYP004 findings touching no changed span (neutral edits,
  paraphrase, re-wrapping are all that remains);
* the same on paraphrase-only pairs (no substantive change at all);
* the real reprint pairs: the seeds' 000/001 (tuning data: its expected findings are known) and
  fixtures/versions (taihang web/paper/reprint): findings beyond the known differences.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from corpuslint import Linter
from corpuslint.core.document import Document

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from ver_pairs import articles, make_pair, strip_marks  # noqa: E402

CODES = ("VER", "TYP004")


def _overlaps(f, span) -> bool:
    s, e = span
    return f.location.start < max(e, s + 1) and s < f.location.end


def evaluate(split: str, seeds: list[int], verbose: bool) -> dict:
    linter = Linter()
    tot = {"pairs": 0, "false": 0, "para_pairs": 0, "para_false": 0}
    for kind in ("figure", "ocr", "name"):
        tot[kind] = tot[kind + "_strict"] = tot[kind + "_any"] = 0
    started = time.perf_counter()
    for seed in seeds:
        rng = random.Random(seed)
        docs, truth = [], []
        for name, text in articles(split):
            for changes in (True, False):
                a, b, records = make_pair(text, rng, changes=changes)
                a, sa = strip_marks(a)
                b, sb = strip_marks(b)
                assert len(records) == len(sa) == len(sb), name
                key = f"{name}-{seed}-{int(changes)}"
                docs += [Document(a, path=f"{key}_a.txt", meta={"group": key}),
                         Document(b, path=f"{key}_b.txt", meta={"group": key})]
                truth.append((key, changes, [(r, x, y) for r, x, y in zip(records, sa, sb)]))
        # pairs with changes and paraphrase-only pairs of one article in separate runs (they
        # would be four versions of one article otherwise)
        found = [f for run in (True, False)
                 for f in linter.lint_documents([d for d, (_, ch, _) in zip(docs, [t for t in truth for _ in (0, 1)])
                                                 if ch is run]).findings if f.code.startswith(CODES)]
        docs_by = {d.path: d for d in docs}
        by_path: dict[str, list] = {}
        for f in found:
            by_path.setdefault(f.path, []).append(f)
        for key, changes, recs in truth:
            fa, fb = by_path.get(f"{key}_a.txt", []), by_path.get(f"{key}_b.txt", [])
            tot["pairs" if changes else "para_pairs"] += 1
            for r, x, y in recs:
                hits = [f for f in fa if _overlaps(f, x)] + [f for f in fb if _overlaps(f, y)]
                want = {"figure": "VER001", "ocr": "TYP004", "name": "VER002"}[r["kind"]]
                tot[r["kind"]] += 1
                tot[r["kind"] + "_strict"] += any(f.code == want for f in hits)
                tot[r["kind"] + "_any"] += bool(hits)
                if verbose and not any(f.code == want for f in hits):
                    ctx = docs_by[f"{key}_a.txt"].text[max(0, x[0] - 6):x[1] + 6]
                    print(f"  MISSED {r['kind']} {key}: {r['old']} -> {r['new']} {[f.code for f in hits]} in {ctx!r}")
            for fs, spans in ((fa, [x for _, x, _ in recs]), (fb, [y for _, _, y in recs])):
                for f in fs:
                    if not any(_overlaps(f, s) for s in spans):
                        tot["false" if changes else "para_false"] += 1
                        if verbose:
                            print(f"  FALSE {f.path}:{f.location.line} {f.code} {f.message}")
    tot["seconds"] = time.perf_counter() - started
    return tot


def real_pairs(verbose: bool) -> list[tuple[str, int, int]]:
    """(pair, findings, expected findings) on real reprint pairs."""
    root = HERE.parent
    out = []
    seeds = sorted((root / "fixtures" / "seeds").glob("00[01]_*.txt"))
    # expected: 丞达精密, 零部件, 开发区 twice (VER002); 辐射射, 超超纯 (TYP004)
    if len(seeds) == 2:
        found = [f for f in Linter().lint_paths([str(p) for p in seeds]).findings if f.code.startswith(CODES)]
        out.append(("seeds 000/001", len(found), 6))
        if verbose:
            for f in found:
                print(f"  seeds {Path(f.path).name[:3]}:{f.location.line} {f.code} {f.message}")
    vers = root / "fixtures" / "versions"
    names = ["taihang_web.txt", "taihang_paper.txt", "taihang_reprint.txt"]
    if all((vers / n).exists() for n in names):
        docs = [Document((vers / n).read_text(encoding="utf-8"), path=n, meta={"group": "t"}) for n in names]
        found = [f for f in Linter().lint_documents(docs).findings if f.code.startswith(CODES)]
        out.append(("taihang web/paper/reprint", len(found), 1))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="tune", choices=("tune", "held", "fresh", "pd-tune", "pd-blind"))
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    t = evaluate(args.split, [int(s) for s in args.seeds.split(",")], args.verbose)
    print(f"split {args.split}: {t['pairs']} pairs with changes, {t['para_pairs']} paraphrase-only pairs")
    for kind, code in (("figure", "VER001"), ("ocr", "TYP004"), ("name", "VER002")):
        n = max(1, t[kind])
        print(f"{kind:<7} found {t[kind + '_strict'] / n:.3f} by {code} ({t[kind + '_strict']}/{t[kind]}), "
              f"{t[kind + '_any'] / n:.3f} by any VER/TYP004")
    print(f"false VER/TYP004 per pair  {t['false'] / max(1, t['pairs']):.3f} ({t['false']} in {t['pairs']})")
    print(f"  paraphrase-only pairs    {t['para_false'] / max(1, t['para_pairs']):.3f} "
          f"({t['para_false']} in {t['para_pairs']})")
    for name, n, expected in real_pairs(args.verbose):
        print(f"real pair {name}: {n} findings ({expected} expected)")
    print(f"time {t['seconds']:.1f} s")


if __name__ == "__main__":
    main()
