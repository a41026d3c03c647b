"""Check that a speed change leaves the default rules minus TYP finding exactly what they found.

Runs ``corpuslint check --ignore TYP --output-format jsonl --no-cache`` (one process per set, as
a user would) over four sets and compares each set's findings, as sorted JSONL lines, byte for
byte with a stored baseline:

* ``seeds``: the repository's seeds (fixtures/seeds);
* ``chrome``: the raw scraped pages of /work/shared/dev/chrome (``*.raw.txt``);
* ``ordinary`` and ``boilerplate``: the 5 MB corpora of bench/scale.py (built there if missing).

Write the baseline once on a checkout of main, then compare on the branch::

    python bench/no_typ_same_findings.py --write      # on main's code
    python bench/no_typ_same_findings.py              # on the branch: exits 1 if any set differs

The baseline lives under ``--work`` (default /tmp/corpuslint-scale/no-typ-baseline), out of the
repository: the corpora's findings are megabytes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from scale import build_corpus  # noqa: E402

NL = b"\n"
CHROME = Path("/work/shared/dev/chrome")


def sets(work: Path) -> dict[str, list[str]]:
    """Each set's paths, as given to ``corpuslint check``."""
    return {
        "seeds": sorted(str(p) for p in (ROOT / "fixtures" / "seeds").glob("*.txt")),
        "chrome": sorted(str(p) for p in CHROME.glob("*.raw.txt")),
        "ordinary": [str(build_corpus("ordinary", 5, work))],
        "boilerplate": [str(build_corpus("boilerplate", 5, work))],
    }


def findings(paths: list[str], rules: tuple[str, ...] = ("--ignore", "TYP")) -> tuple[bytes, float]:
    """The sorted JSONL lines ``check RULES`` writes for ``paths``, and the child's CPU s."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "findings.jsonl"
        before = os.times()
        subprocess.run([sys.executable, "-m", "corpuslint", "check", *paths, *rules,
                        "--output-format", "jsonl", "--no-cache", "--exit-zero", "-q", "-o", str(out)],
                       check=True, cwd=ROOT)
        after = os.times()
        lines = out.read_bytes().splitlines(keepends=True)
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return b"".join(sorted(lines)), cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="store these findings as the baseline")
    ap.add_argument("--work", type=Path, default=Path("/tmp/corpuslint-scale"))
    ap.add_argument("--only", nargs="+", help="check only these sets")
    args = ap.parse_args()
    base = args.work / "no-typ-baseline"
    base.mkdir(parents=True, exist_ok=True)
    todo = {name: paths for name, paths in sets(args.work).items() if not args.only or name in args.only}
    sys.exit(compare(todo, base, args.write))


def compare(todo: dict[str, list[str]], base: Path, write: bool,
            rules: tuple[str, ...] = ("--ignore", "TYP")) -> int:
    """Check each set of ``todo`` and compare its findings with ``base``/NAME.jsonl (or store them
    there with ``write``); 1 when a set differs (its findings are left beside, as .got.jsonl)."""
    differ = []
    t0 = time.time()
    for name, paths in todo.items():
        got, cpu = findings(paths, rules)
        stored = base / f"{name}.jsonl"
        if write:
            stored.write_bytes(got)
            state = "written"
        elif not stored.exists():
            raise SystemExit(f"no baseline {stored}: run with --write on main first")
        elif stored.read_bytes() == got:
            state = "same"
        else:
            (base / f"{name}.got.jsonl").write_bytes(got)
            state = f"DIFFERENT (see {base / (name + '.got.jsonl')})"
            differ.append(name)
        print(f"{name:<16} {got.count(NL):7d} findings  {cpu:6.1f} CPU-s  {state}", flush=True)
    print(f"{time.time() - t0:.0f} s wall")
    return 1 if differ else 0


if __name__ == "__main__":
    main()
