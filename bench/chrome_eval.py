"""Measure the CHR rules on real pages with line labels.

For every page of a labelled set (default: ../shared/dev/chrome, 19 real Chinese web pages as
naive text, MIT, (c) 2022 Elwin, immortal-autumn/Chinese-Web-Content-Extraction-Dataset), run
every CHR rule and report, per page and overall:

* content flagged: share of `content` lines (lines of the gold article text) covered by a finding
  (target <= 3 %);
* other caught: share of `other` lines (menus, headline, meta, lists, footer) covered by a finding
  (target >= 70 %).

The labels are automatic (a raw line is `content` if it occurs in the gold text): the gold omits
headline, byline and date, so those count as `other`, and a few gold files keep some chrome, so a
few `content` lines are in fact chrome (one-character menu items such as `中国` that also occur in
the article, a related list kept in the gold). ``--show`` prints the disagreeing lines.

Per kind of site (news portal, government, blog, forum, newspaper, other; bench/chrome_kinds.json)
the same two figures are printed, and overall figures without pages of more than 1000 lines (one
encyclopedia page of the held-out set has 3077 lines, a third of all its lines).

A held-out set of 50 more pages of the same dataset, made the same way, is built with
bench/chrome_build_pages.py (e.g. into /work/bench-data/chrome-extra).

Usage: python bench/chrome_eval.py [DIR] [--show] [--select CHR001,CHR002]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from corpuslint import Linter
from corpuslint.core import Document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "dev" / "chrome"
KINDS = Path(__file__).resolve().parent / "chrome_kinds.json"
BIG = 1000  # pages with more lines than this are also left out of one overall figure


def flagged_lines(findings) -> dict[int, str]:  # type: ignore[no-untyped-def]
    out: dict[int, str] = {}
    for f in findings:
        for n in range(f.location.line, f.location.end_line + 1):
            out.setdefault(n, f.code)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=str(DEFAULT))
    ap.add_argument("--show", action="store_true", help="print flagged content and missed other lines")
    ap.add_argument("--select", default="CHR")
    args = ap.parse_args(argv)
    root = Path(args.dir)
    labels = [json.loads(line) for line in (root / "line_labels.jsonl").read_text().splitlines() if line]
    linter = Linter(select=args.select.split(","))
    docs = []
    for rec in labels:
        text = (root / f"{rec['id']}.raw.txt").read_text(encoding="utf-8")
        docs.append(Document(text, path=str(root / f"{rec['id']}.raw.txt")))
    t0 = time.perf_counter()
    result = linter.lint_documents(docs)
    elapsed = time.perf_counter() - t0
    by_path: dict[str, list] = {}
    for f in result.findings:
        by_path.setdefault(f.path, []).append(f)
    tot_c = tot_o = hit_c = hit_o = noise = 0
    kinds = json.loads(KINDS.read_text()) if KINDS.exists() else {}
    by_kind: dict[str, list[int]] = {}
    print(f"{'page':18} {'content':>8} {'flagged':>8} {'other':>6} {'caught':>7}")
    for rec, doc in zip(labels, docs):
        flagged = flagged_lines(by_path.get(doc.path, []))
        lines = doc.text.split("\n")
        gold_file = root / f"{rec['id']}.gold.txt"
        gold = {g.strip() for g in gold_file.read_text(encoding="utf-8").splitlines()} if gold_file.exists() else set()
        c = o = fc = fo = 0
        for n, lab in enumerate(rec["labels"], 1):
            if n > len(lines) or not lines[n - 1].strip():
                continue
            if lab == "content":
                c += 1
                if n in flagged:
                    fc += 1
                    if _substring_only(lines[n - 1], gold):
                        noise += 1
                    if args.show:
                        print(f"   FLAGGED content {rec['id']}:{n} [{flagged[n]}] {lines[n-1][:70]}")
            else:
                o += 1
                if n in flagged:
                    fo += 1
                elif args.show:
                    print(f"   missed other   {rec['id']}:{n} {lines[n-1][:70]}")
        tot_c, tot_o, hit_c, hit_o = tot_c + c, tot_o + o, hit_c + fc, hit_o + fo
        for key in (kinds.get(rec["id"], "unknown"), *(["small pages"] if len(rec["labels"]) <= BIG else [])):
            acc = by_kind.setdefault(key, [0, 0, 0, 0, 0])
            for k, v in enumerate((1, c, fc, o, fo)):
                acc[k] += v
        print(f"{rec['id']:18} {c:8d} {_pct(fc, c):>8} {o:6d} {_pct(fo, o):>7}")
    print(f"{'overall':18} {tot_c:8d} {_pct(hit_c, tot_c):>8} {tot_o:6d} {_pct(hit_o, tot_o):>7}")
    for key in sorted(by_kind, key=lambda k: (k == "small pages", k)):
        n, c, fc, o, fo = by_kind[key]
        label = f"{key} ({n})" if key != "small pages" else f"<= {BIG} lines ({n})"
        print(f"  {label:16} {c:8d} {_pct(fc, c):>8} {o:6d} {_pct(fo, o):>7}")
    print(f"content flagged {hit_c}/{tot_c} (target <= 3%), other caught {hit_o}/{tot_o} "
          f"(target >= 70%); {len(result.findings)} findings in {elapsed:.2f}s")
    print(f"of the flagged content lines, {noise} are short lines found in the gold only inside a "
          f"longer line (menu items such as `中国`): without them {_pct(hit_c - noise, tot_c - noise)}")
    return 0


def _substring_only(line: str, gold: set[str]) -> bool:
    """A short raw line labelled `content` only because it occurs inside a longer gold line."""
    t = line.strip()
    return len(t) <= 12 and t not in gold


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


if __name__ == "__main__":
    sys.exit(main())
