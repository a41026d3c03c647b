"""Throughput of every rule family and of the default rule set, with peak memory.

Corpus: the real text available here — the seeds, the 19 dev web pages (raw and gold) and the
corrected sentences of the dev spelling sets grouped into documents of ~40 sentences — repeated
until it reaches --mb megabytes (each copy with its own paths, so duplicate detection has real
work to do across documents). Run by hand: python bench/throughput.py [--mb 5]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from corpuslint import Linter
from corpuslint.core import Document

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
FAMILIES = ["ENC", "DUP", "CHR", "TYP", "VER", "LAY", "NRM"]


def corpus_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((DEV / "chrome").glob("*.txt"))]
    for p in sorted((DEV / "typos").glob("*.jsonl")):
        rows = [json.loads(l)["right"] for l in p.read_text(encoding="utf-8").splitlines() if l.strip()]
        texts += ["\n\n".join(rows[i:i + 40]) + "\n" for i in range(0, len(rows), 40)]
    return texts


def build(mb: float) -> list[Document]:
    base = corpus_texts()
    docs: list[Document] = []
    size = 0
    copy = 0
    while size < mb * 1e6:
        for i, t in enumerate(base):
            docs.append(Document(t, path=f"copy{copy:03d}/{i:04d}.txt"))
            size += len(t.encode("utf-8"))
        copy += 1
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    args = ap.parse_args()
    docs = build(args.mb)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {mb:.1f} MB, {sum(len(d.text) for d in docs) / 1e6:.2f} M characters")
    print(f"{'rules':<10} {'seconds':>8} {'MB/s':>8} {'findings':>9}")
    for sel in [*FAMILIES, "default"]:
        linter = Linter(select=None if sel == "default" else [sel])
        fresh = [Document(d.text, path=d.path) for d in docs]  # no cached lines/paragraphs
        t0 = time.perf_counter()
        result = linter.lint_documents(fresh)
        dt = time.perf_counter() - t0
        print(f"{sel:<10} {dt:8.2f} {mb / dt:8.2f} {len(result.findings):9d}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
