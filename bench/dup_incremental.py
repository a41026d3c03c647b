"""Incremental corpus-wide duplicate check: one changed file against a 10 000-file corpus.

Builds a synthetic corpus under a temporary folder: 10 000 text files of 3-8 paragraphs, each
paragraph 2-6 real Chinese sentences (the sentence pool of ``dup_speed.py``: chrome gold
articles, the "right" sentences of the typo test sets, the seeds) recombined at random. Then:

1. cold: ``corpuslint`` with the cache on lints one file; the persisted signature index
   (SQLite in ``.corpuslint_cache/``) is built for every file under the root;
2. warm, nothing changed: the same file again (the index is only stat-checked);
3. warm, one file changed: a paragraph of another file is pasted into it and only that file
   is linted — what pre-commit does. The target is under 2 s, and the copied paragraph must be
   reported (DUP003) against the file it came from, which the run never read;
4. with ``--footer-every N``: every N-th file ends with the same site footer, and the changed
   file (one of them) is linted with CHR008 (template lines): the footer must be reported from the
   one file linted, counted through the index. (The shared footer also makes those files LSH
   candidates of every run, which slows step 3: measure DUP without it.)

Times include building the ``Linter`` (rule setup), not the interpreter start.

    python bench/dup_incremental.py              # 10 000 files
    python bench/dup_incremental.py --files 2000
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dup_speed import rss_mb, sentences  # noqa: E402

from corpuslint import Linter  # noqa: E402
from corpuslint.core.config import Config  # noqa: E402


def build(folder: Path, files: int, seed: int, footer_every: int = 0) -> list[Path]:
    rng = random.Random(seed)
    pool = sentences()
    paths = []
    for i in range(files):
        sub = folder / f"part{i // 1000:02d}"
        sub.mkdir(exist_ok=True)
        paras = ["".join(rng.sample(pool, rng.randint(2, 6))) for _ in range(rng.randint(3, 8))]
        if footer_every and i % footer_every == 0:
            paras.append(FOOTER)
        p = sub / f"doc{i:05d}.txt"
        p.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        paths.append(p)
    return paths


FOOTER = "江南产业信息网 服务长三角企业 欢迎投稿合作"


def lint(root: Path, target: Path, select: str = "DUP"):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    linter = Linter(Config(root=root), select=[select], cache=True)
    findings = linter.lint_paths([target]).findings
    return time.perf_counter() - t, findings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--keep", action="store_true", help="keep the corpus folder")
    ap.add_argument("--footer-every", type=int, default=0, help="add a site footer to every N-th file (CHR008)")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="dup-incremental-"))
    try:
        t = time.perf_counter()
        paths = build(folder, args.files, args.seed, args.footer_every)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"corpus: {len(paths)} files, {size:.1f} MB, written in {time.perf_counter() - t:.1f} s ({folder})")
        target, source = paths[len(paths) // 2], paths[7]
        t_cold, found = lint(folder, target)
        db = folder / ".corpuslint_cache" / "dup-index.sqlite"
        print(f"cold (index built for every file): {t_cold:6.2f} s, {len(found)} findings, "
              f"index {db.stat().st_size / 1e6:.1f} MB, peak RSS {rss_mb():.0f} MB")
        t_warm, found = lint(folder, target)
        print(f"warm, nothing changed:             {t_warm:6.2f} s, {len(found)} findings")
        copied = source.read_text(encoding="utf-8").split("\n\n")[1]
        target.write_text(target.read_text(encoding="utf-8") + "\n" + copied + "\n", encoding="utf-8")
        t_changed, found = lint(folder, target)
        hit = [f for f in found if f.code == "DUP003" and f.related
               and f.related[0].location.path and Path(f.related[0].location.path).name == source.name]
        print(f"warm, one file changed:            {t_changed:6.2f} s, {len(found)} findings; copied paragraph "
              f"{'found against ' + source.name if hit else 'NOT FOUND'}  (target < 2 s: "
              f"{'met' if t_changed < 2 else 'missed'})")
        for f in found:
            print(f"  {f.code} line {f.location.line}: {f.message[:120]}")
        if not args.footer_every:
            return
        target = paths[0]  # a file with the footer
        t_chr, found = lint(folder, target, "CHR008")
        print(f"warm, one file, CHR008:            {t_chr:6.2f} s, {len(found)} findings: "
              + "; ".join(f.message[:60] for f in found))
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
