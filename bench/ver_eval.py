"""Measure the VER rules on generated version pairs (bench/ver_pairs.py).

    python bench/ver_eval.py [--seeds 1,2,3] [--src DIR] [-v]

For each seed, pairs are generated into a temporary folder and linted together as one corpus
(so version linking is tested against every other article too). Reports:

* figure recall: changed figures with a VER001 finding on either version overlapping them;
* false VER findings per pair: default-enabled VER findings that touch no changed figure;
* pairs linked: generated pairs that ``corpus.versions`` groups (and any false links);
* TYP004 findings (there are no typos in the generated pairs: all are false);
* time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpuslint import Linter

HERE = Path(__file__).resolve().parent


def overlaps(f, span) -> bool:
    return f.location.start < span[1] and span[0] < f.location.end


def run(folder: Path, verbose: bool) -> dict:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    linter = Linter(select=["VER", "TYP004"])
    t = time.perf_counter()
    result = linter.lint_paths(sorted(str(p) for p in folder.glob("*.txt")))
    elapsed = time.perf_counter() - t
    by_name: dict[str, list] = {}
    for f in result.findings:
        by_name.setdefault(Path(f.path).name, []).append(f)
    # linking: rebuild the corpus index the rules used
    corpus = linter.engine.new_corpus()
    for d in result.documents:
        corpus.add(d)
    pairs = {(Path(p.a.path).name, Path(p.b.path).name) for p in corpus.versions.pairs()}
    wanted = {(m["a"], m["b"]) for m in manifest}
    found = total = false = typ = found_linked = total_linked = 0
    for m in manifest:
        fa, fb = by_name.get(m["a"], []), by_name.get(m["b"], [])
        for fig in m["figures"]:
            total += 1
            hit = any(f.code == "VER001" and overlaps(f, fig["a_span"]) for f in fa) or any(
                f.code == "VER001" and overlaps(f, fig["b_span"]) for f in fb)
            found += hit
            if (m["a"], m["b"]) in pairs:
                total_linked += 1
                found_linked += hit
            if not hit and verbose:
                print(f"  MISSED {m['b']}: {fig['old']} -> {fig['new']}")
        for name, fs, key in ((m["a"], fa, "a_span"), (m["b"], fb, "b_span")):
            for f in fs:
                if f.code == "TYP004":
                    typ += 1
                    if verbose:
                        print(f"  TYP004 {name}:{f.location.line} {f.message}")
                    continue
                if not f.code.startswith("VER"):
                    continue
                if f.code == "VER001" and any(overlaps(f, fig[key]) for fig in m["figures"]):
                    continue
                false += 1
                if verbose:
                    print(f"  FALSE {name}:{f.location.line} {f.code} {f.message}")
    linked = len(wanted & pairs)
    return {"pairs": len(manifest), "figures": total, "found": found,
            "figures_linked": total_linked, "found_linked": found_linked, "false": false, "typ": typ,
            "linked": linked, "false_links": len(pairs - wanted), "seconds": elapsed}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--src", default="/work/shared/dev/chrome")
    ap.add_argument("--column", default="0", help="hard-wrap the second versions at this width")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    tot: dict[str, float] = {}
    for seed in args.seeds.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, str(HERE / "ver_pairs.py"), "--src", args.src, "--out", tmp,
                            "--seed", seed, "--column", args.column], check=True, stdout=subprocess.DEVNULL)
            r = run(Path(tmp), args.verbose)
        print(f"seed {seed}: {r}")
        for k, v in r.items():
            tot[k] = tot.get(k, 0) + v
    print(f"figure recall   {tot['found'] / max(1, tot['figures']):.3f} ({int(tot['found'])}/{int(tot['figures'])})")
    print(f"  in linked pairs {tot['found_linked'] / max(1, tot['figures_linked']):.3f} "
          f"({int(tot['found_linked'])}/{int(tot['figures_linked'])})")
    print(f"false VER/pair  {tot['false'] / max(1, tot['pairs']):.3f} ({int(tot['false'])} in {int(tot['pairs'])} pairs)")
    print(f"TYP004/pair     {tot['typ'] / max(1, tot['pairs']):.3f}")
    print(f"pairs linked    {tot['linked'] / max(1, tot['pairs']):.3f} (false links: {int(tot['false_links'])})")
    print(f"lint time       {tot['seconds']:.1f} s")


if __name__ == "__main__":
    main()
