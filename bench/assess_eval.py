"""Measure ``Linter.assess`` and ``clean_text`` on labelled web pages (the chrome sets).

Every page of a labelled set (``*.raw.txt`` + ``line_labels.jsonl``, as built by
bench/chrome_build_pages.py or ../shared/dev/chrome) holds a real article, so:

* pages kept: share of pages ``assess`` keeps with the default policy (a drop is a false drop);
  the chrome share it drops on is printed per page with ``--show``;
* clean_text, content kept: share of ``content`` lines (lines of the gold article) still in the
  cleaned text (target: all);
* clean_text, other removed: share of ``other`` lines (menus, lists, footers, headline, byline)
  no longer in it.

A raw line is "still there" when the cleaned text holds a line equal to it once white space and
invisible characters are removed (hygiene fixes change a line without removing it).

Usage: python bench/assess_eval.py DIR [--ids-from-sorted N::2] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from corpuslint import Linter, clean_text

_INVISIBLE = re.compile(r"[\s\u00a0\u3000\u200b-\u200f\u2060\ufeff]+")


def _key(line: str) -> str:
    return _INVISIBLE.sub("", line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--exclude", help="folder whose page ids are left out (e.g. ../shared/dev/chrome)")
    ap.add_argument("--half", choices=("all", "even", "odd"), default="all",
                    help="sorted ids [0::2] (even) or [1::2] (odd)")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--safe-chrome", action="store_true", help="clean_text(chrome_unsafe=False)")
    args = ap.parse_args(argv)
    folder = Path(args.dir)
    labels = {json.loads(line)["id"]: json.loads(line)["labels"]
              for line in (folder / "line_labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    ids = sorted(labels)
    if args.exclude:
        skip = {p.name.split(".")[0] for p in Path(args.exclude).glob("*.raw.txt")}
        ids = [i for i in ids if i not in skip]
    if args.half != "all":
        ids = ids[0::2] if args.half == "even" else ids[1::2]
    kept_pages = 0
    totals: Counter[str] = Counter()
    for pid in ids:
        raw = (folder / f"{pid}.raw.txt").read_text(encoding="utf-8")
        lines = raw.splitlines()
        verdict = Linter().assess(raw)
        kept_pages += verdict.keep
        cleaned = Counter(_key(line) for line in clean_text(raw, chrome_unsafe=not args.safe_chrome).splitlines())
        page: Counter[str] = Counter()
        for line, label in zip(lines, labels[pid]):
            k = _key(line)
            if not k:
                continue
            there = cleaned[k] > 0
            if there:
                cleaned[k] -= 1
            page[f"{label}_total"] += 1
            page[f"{label}_there"] += there
        totals.update(page)
        if args.show:
            print(f"{pid}: keep={verdict.keep} reasons={verdict.reasons} chrome_share={verdict.chrome_share:.2f} "
                  f"score={verdict.score:.2f} content kept {page['content_there']}/{page['content_total']} "
                  f"other removed {page['other_total'] - page['other_there']}/{page['other_total']}")
    n = len(ids)
    print(f"pages: {n}; kept by assess: {kept_pages} ({kept_pages / max(1, n):.1%})")
    ct, ot = totals["content_total"], totals["other_total"]
    print(f"clean_text: content lines kept {totals['content_there']}/{ct} ({totals['content_there'] / max(1, ct):.1%}); "
          f"other lines removed {ot - totals['other_there']}/{ot} ({(ot - totals['other_there']) / max(1, ot):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
