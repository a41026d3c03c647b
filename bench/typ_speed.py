"""CPU throughput of the TYP family on real news, in MB (UTF-8) per CPU-second.

    python bench/typ_speed.py /path/to/news.txt [--select TYP] [--profile]

The file is cut into documents of 40 lines (article size). The lexicon and tables are loaded
before timing (a warm-up document); CPU time is the process's user+system time of linting.
"""

from __future__ import annotations

import argparse
import os
import cProfile
import pstats
import time
from pathlib import Path

from corpuslint import Linter
from corpuslint.load import document_from_text


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--select", default="TYP")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    lines = Path(args.path).read_text(encoding="utf-8").splitlines()
    docs = ["\n".join(lines[k:k + 40]) for k in range(0, len(lines), 40)]
    linter = Linter(select=args.select.split(","))
    linter.lint_text("预热：今天天气很好。")
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    prof = cProfile.Profile() if args.profile else None
    t0 = time.process_time()
    if prof:
        prof.enable()
    res = linter.lint_documents([document_from_text(d, path=str(k)) for k, d in enumerate(docs)])
    if prof:
        prof.disable()
    dt = time.process_time() - t0
    print(f"{args.select}: {mb:.2f} MB in {dt:.2f} CPU-s = {mb / dt:.2f} MB/CPU-s, {len(res.findings)} findings")
    if prof:
        # SORT (a pstats key, default tottime) and TOP (rows, default 15) from the environment
        order, rows = os.environ.get("SORT", "tottime"), int(os.environ.get("TOP", "15"))
        pstats.Stats(prof).sort_stats(order).print_stats(rows)


if __name__ == "__main__":
    main()
