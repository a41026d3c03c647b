"""Dump every TYP001-TYP005 finding over a fixed text set, to check that a speed change leaves
findings identical, byte for byte.

    python bench/typ_same_findings.py out.json          # write the dump
    python bench/typ_same_findings.py --profile ocr-review out.json   # TYP003's review profile
    cmp before.json after.json                          # compare two dumps

Texts: the tuning news (``pd1998_tune.txt``) cut into ~2 000-character documents, FASPell's
train sentences (one document each, as written), and the seeds (as files, so TYP004 sees the
version pair). TYP005 (off by default) is selected explicitly.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from corpuslint import Linter
from corpuslint.load import document_from_text
from corpuslint.report.json_output import finding_dict

DATA = Path("/work/bench-data")
SEEDS = Path("/work/shared/seeds")
SELECT = ["TYP001", "TYP002", "TYP003", "TYP004", "TYP005"]


def news_docs(path: Path, size: int = 2000) -> list[str]:
    docs, cur, n = [], [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        cur.append(line)
        n += len(line) + 1
        if n >= size:
            docs.append("\n".join(cur))
            cur, n = [], 0
    if cur:
        docs.append("\n".join(cur))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--profile", default="default", help="TYP003's profile (default or ocr-review)")
    args = ap.parse_args()
    linter = Linter(select=SELECT, options={"TYP003": {"profile": args.profile}})
    out: list[dict] = []
    t0 = time.process_time()
    news = news_docs(DATA / "clean_news/pd1998_tune.txt")
    res = linter.lint_documents([document_from_text(d, path=f"news/{k}") for k, d in enumerate(news)])
    out += [finding_dict(f) for f in res.findings]
    rows = [json.loads(line) for line in (DATA / "faspell_ocr_train.jsonl").read_text(encoding="utf-8").splitlines()]
    res = linter.lint_documents([document_from_text(r["wrong"], path=r["id"]) for r in rows])
    out += [finding_dict(f) for f in res.findings]
    res = linter.lint_paths(sorted(str(p) for p in SEEDS.glob("*.txt")))
    out += [finding_dict(f) for f in res.findings]
    out.sort(key=lambda d: json.dumps(d, ensure_ascii=False, sort_keys=True))
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    counts: dict[str, int] = {}
    for d in out:
        counts[d["code"]] = counts.get(d["code"], 0) + 1
    print(f"{len(out)} findings {counts} in {time.process_time() - t0:.1f} CPU-s")


if __name__ == "__main__":
    main()
