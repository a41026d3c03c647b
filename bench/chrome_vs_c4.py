"""CHR beside the line heuristics web-corpus pipelines use today, on the same labelled pages.

Peers: the C4 line filter (Raffel et al. 2020, as datatrove's ``C4QualityFilter`` applies it by
default: a line is dropped unless it ends in terminal punctuation `. ! ? "` and has at least 3
whitespace-separated words, or when it mentions "javascript" / "lorem ipsum" / a curly brace)
and the same filter with Chinese terminal punctuation added (`。！？”…`, what a careful user would
try first). The filters are re-implemented here from their published definitions (a dozen
lines), not imported. A line "flagged" is a line the filter would drop.

Usage: python bench/chrome_vs_c4.py [DIR]  (default ../shared/dev/chrome; also try
/work/bench-data/chrome-extra built by bench/chrome_build_pages.py)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable

from corpuslint import Linter
from corpuslint.core import Document

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "dev" / "chrome"
C4_END = (".", "!", "?", '"')
ZH_END = C4_END + ("。", "！", "？", "”", "…", "」")


def c4_drops(line: str, ends: tuple[str, ...] = C4_END) -> bool:
    t = line.strip()
    low = t.lower()
    if "javascript" in low or "lorem ipsum" in low or "{" in t:
        return True
    return not t.endswith(ends) or len(t.split()) < 3


def evaluate(root: Path, name: str, flagged_of: Callable[[str, Document], set[int]]) -> tuple[int, int, int, int]:
    labels = [json.loads(l) for l in (root / "line_labels.jsonl").read_text().splitlines() if l]
    c = o = fc = fo = 0
    for rec in labels:
        doc = Document((root / f"{rec['id']}.raw.txt").read_text(encoding="utf-8"), path=rec["id"])
        lines = doc.text.split("\n")
        flagged = flagged_of(rec["id"], doc)
        for n, lab in enumerate(rec["labels"], 1):
            if n > len(lines) or not lines[n - 1].strip():
                continue
            if lab == "content":
                c, fc = c + 1, fc + (n in flagged)
            else:
                o, fo = o + 1, fo + (n in flagged)
    print(f"{name:34} content flagged {100 * fc / c:5.1f}%   other caught {100 * fo / o:5.1f}%")
    return c, fc, o, fo


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    linter = Linter(select=["CHR"])
    labels = [json.loads(l) for l in (root / "line_labels.jsonl").read_text().splitlines() if l]
    docs = [Document((root / f"{r['id']}.raw.txt").read_text(encoding="utf-8"), path=r["id"]) for r in labels]
    found: dict[str, set[int]] = {}
    for f in linter.lint_documents(docs).findings:
        found.setdefault(f.path or "", set()).update(range(f.location.line, f.location.end_line + 1))

    def lines_where(pred: Callable[[str], bool]) -> Callable[[str, Document], set[int]]:
        return lambda _id, doc: {n for n, l in enumerate(doc.text.split("\n"), 1) if l.strip() and pred(l)}

    print(f"{len(labels)} pages in {root}")
    evaluate(root, "C4 line filter (datatrove default)", lines_where(c4_drops))
    evaluate(root, "C4 line filter + Chinese punctuation", lines_where(lambda l: c4_drops(l, ZH_END)))
    evaluate(root, "corpuslint CHR", lambda pid, _doc: found.get(pid, set()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
