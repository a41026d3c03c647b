"""Per-guard ablation of the TYP rules on the dev data: FASPell OCR **train** and the People's
Daily tune and held splits (all dev data now; never the test sets).

    python bench/typ_guard_ablation.py                 # findings with context, all guards on
    python bench/typ_guard_ablation.py --ablate all    # each TYP003 guard switched off in turn

Prints, per setting, TP / FP on FASPell train (sentence level, as typ_eval.py) and the clean-news
findings per split, each clean finding with 12 characters of context either side.
"""

from __future__ import annotations

import argparse
import glob
import json
from pathlib import Path

from corpuslint import Linter
from corpuslint.load import document_from_text
from corpuslint.rules.typ import _guards
from corpuslint.rules.typ import doubled_character as dc

TRAIN = "/work/bench-data/faspell_ocr_train.jsonl"
# The guards silenced() calls (module functions of _guards, looked up at call time), and TYP001's.
TYP003_GUARDS = ("in_short_quote", "latin_neighbour", "next_to_name_dot", "digit_neighbour",
                 "in_short_parentheses", "parallel_repeat", "in_given_name", "before_place_unit",
                 "next_to_title", "before_org_word", "in_name_list", "in_address", "province_pair",
                 "before_pair_noun", "passive_suo")
TYP001_GUARDS = ("parallel_clauses", "clause_final_verb", "surname_before_title", "in_short_quotation")
SPLITS = {"tune": "/work/bench-data/clean_news/pd1998_tune.txt",
          "held": "/work/bench-data/clean_heldout/pd1998_held.txt"}


def news_docs(path: str) -> list[str]:
    lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines() if ln.strip()]
    return ["\n".join(lines[k:k + 20]) for k in range(0, len(lines), 20)]


def run(select: list[str], options: dict, verbose: bool) -> dict:
    linter = Linter(select=select, options=options)
    rows = [json.loads(ln) for ln in open(TRAIN, encoding="utf-8") if ln.strip()]
    texts, kinds = [], []
    for r in rows:
        if r["wrong"] != r["right"]:
            texts.append(r["wrong"])
            kinds.append("pos")
        texts.append(r["right"])
        kinds.append("neg")
    res = linter.lint_documents([document_from_text(t, path=f"s{i}") for i, t in enumerate(texts)])
    hit = {int(f.path[1:]) for f in res.findings}
    out = {"tp": sum(1 for i in hit if kinds[i] == "pos"), "fp": sum(1 for i in hit if kinds[i] == "neg"),
           "pos": kinds.count("pos")}
    if verbose:
        for f in res.findings:
            t = texts[int(f.path[1:])]
            a = f.location.start
            print(f"  [train {kinds[int(f.path[1:])]}] {f.code} {t[max(0, a - 12):a]}[{t[a:f.location.end]}]{t[f.location.end:a + 13]}")
    for name, path in SPLITS.items():
        docs = news_docs(path)
        res = linter.lint_documents([document_from_text(t, path=str(i)) for i, t in enumerate(docs)])
        out[name] = len(res.findings)
        out[name + "_chars"] = sum(map(len, docs))
        out[name + "_codes"] = {}
        for f in res.findings:
            out[name + "_codes"][f.code] = out[name + "_codes"].get(f.code, 0) + 1
            if verbose:
                t = docs[int(f.path)]
                a = f.location.start
                print(f"  [{name}] {f.code} {t[max(0, a - 12):a]}[{t[a:f.location.end]}]{t[f.location.end:a + 13]}".replace("\n", "/"))
    return out


def show(label: str, m: dict) -> None:
    p = m["tp"] / (m["tp"] + m["fp"]) if m["tp"] + m["fp"] else float("nan")
    print(f"{label:28} train P {p:.3f} R {m['tp'] / m['pos']:.3f} (TP {m['tp']} FP {m['fp']}); "
          + "; ".join(f"{s} {m[s]} = {m[s] / m[s + '_chars'] * 1e5:.2f}/100k {m[s + '_codes']}" for s in SPLITS),
          flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--select", default="TYP001,TYP002,TYP003")
    ap.add_argument("--ablate", help="comma-separated guard function names (of _guards, or of "
                    "doubled_character) to switch off in turn, or 'all'")
    ap.add_argument("--option", action="append", default=[], help="CODE.name=value")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    options: dict = {}
    for o in args.option:
        key, _, value = o.partition("=")
        code, _, name = key.partition(".")
        options.setdefault(code, {})[name] = float(value)
    select = args.select.split(",")
    show("all guards", run(select, options, args.verbose))
    names = list(TYP003_GUARDS + TYP001_GUARDS) if args.ablate == "all" else (args.ablate.split(",") if args.ablate else [])
    for g in names:
        saved = {m: getattr(m, g) for m in (_guards, dc) if hasattr(m, g)}  # both, if dc imports it
        for m in saved:
            setattr(m, g, lambda *a, **k: False)
        try:
            show(f"without {g}", run(select, options, args.verbose))
        finally:
            for m, f in saved.items():
                setattr(m, g, f)


if __name__ == "__main__":
    main()
