"""CHR and NRM003 on clean edited news: every finding here is a false alarm.

Edited newspaper text (People's Daily, January 1998: bench/prepare_data.py writes the tune half
to /work/bench-data/clean_news and the held half to /work/bench-data/clean_heldout, one
paragraph a line) has no page chrome, and it writes digits and Latin letters full-width
throughout (a house style, not a defect). The text is split into articles (a line with no
sentence-final mark after a line with one starts a new article: the next headline), each linted
as a file of its own with the CHR rules and NRM003.

Targets (issue 11): no CHR finding on article text; NRM003 at most 1 finding per file.

Usage: python bench/chrome_clean_news.py [--split tune|held] [--limit N] [--show]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from corpuslint import Linter
from corpuslint.core import Document
from corpuslint.text import CHARS

DATA = Path("/work/bench-data")
FILES = {"tune": DATA / "clean_news" / "pd1998_tune.txt", "held": DATA / "clean_heldout" / "pd1998_held.txt"}
_ENDS = CHARS.sentence_final | CHARS.closers | CHARS.ellipsis


def _ends_sentence(line: str) -> bool:
    return bool(line) and line.rstrip()[-1:] in _ENDS


def articles(lines: list[str]) -> list[list[str]]:
    """Consecutive paragraphs split before each headline (an unfinished line after a finished one)."""
    out: list[list[str]] = []
    for line in lines:
        if not out or (not _ends_sentence(line) and _ends_sentence(out[-1][-1])):
            out.append([line])
        else:
            out[-1].append(line)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=sorted(FILES), default="held")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--show", action="store_true", help="print every finding")
    args = ap.parse_args()
    lines = [x.strip() for x in FILES[args.split].read_text(encoding="utf-8").splitlines() if x.strip()]
    arts = articles(lines)
    if args.limit:
        arts = arts[:args.limit]
    docs = [Document("\n".join(a) + "\n", path=f"article-{k:05d}.txt") for k, a in enumerate(arts)]
    t0 = time.process_time()
    found = Linter(select=["CHR", "NRM003"]).lint_documents(docs).findings
    cpu = time.process_time() - t0
    per_file: dict[str, Counter[str]] = {}
    for f in found:
        per_file.setdefault(f.path or "", Counter())[f.code] += 1
        if args.show:
            print(f"{f.path}:{f.location.line}: {f.code} {f.message} | {f.flagged_text[:60]}")
    chr_codes = Counter(c for cnt in per_file.values() for c, n in cnt.items() if c.startswith("CHR") for _ in range(n))
    chr_files = sum(1 for cnt in per_file.values() if any(c.startswith("CHR") for c in cnt))
    nrm = [cnt.get("NRM003", 0) for cnt in per_file.values()]
    print(f"{args.split}: {len(docs)} articles ({sum(map(len, arts))} paragraphs), {cpu:.1f} CPU-s")
    print(f"CHR findings: {sum(chr_codes.values())} in {chr_files} files"
          + (f" ({', '.join(f'{c} {n}' for c, n in sorted(chr_codes.items()))})" if chr_codes else "")
          + " (target 0)")
    print(f"NRM003: {sum(nrm)} findings, max {max(nrm, default=0)} per file, "
          f"{sum(1 for n in nrm if n > 1)} files with more than 1 (target <= 1 per file)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
