"""Check that a DUP change leaves ``check --select DUP`` finding exactly what it found.

The pattern of bench/no_typ_same_findings.py with ``--select DUP``: the seeds, the raw chrome
pages of /work/shared/dev/chrome and bench/scale.py's 5 MB ordinary and boilerplate corpora (and
``--extra KIND:MB`` more, e.g. ``boilerplate:10``), sorted JSONL lines compared byte for byte
with a baseline written by the same script run on main's code::

    /tmp/venv-main/bin/python bench/dup_same_findings.py --write --work /tmp/scale-dupbp
    python bench/dup_same_findings.py --work /tmp/scale-dupbp       # exits 1 if a set differs

The baseline lives under ``--work``/dup-baseline (out of the repository).
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
from no_typ_same_findings import sets  # noqa: E402
from scale import build_corpus  # noqa: E402

NL = b"\n"


def findings(paths: list[str]) -> tuple[bytes, float]:
    """The sorted JSONL lines ``check --select DUP`` writes for ``paths``, and the child's CPU s."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "findings.jsonl"
        before = os.times()
        subprocess.run([sys.executable, "-m", "corpuslint", "check", *paths, "--select", "DUP",
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
    ap.add_argument("--extra", nargs="*", default=[], help="more scale corpora as KIND:MB")
    args = ap.parse_args()
    base = args.work / "dup-baseline"
    base.mkdir(parents=True, exist_ok=True)
    todo = sets(args.work)
    for spec in args.extra:
        kind, mb = spec.split(":")
        todo[f"{kind}-{mb}"] = [str(build_corpus(kind, float(mb), args.work))]
    differ = []
    t0 = time.time()
    for name, paths in todo.items():
        got, cpu = findings(paths)
        stored = base / f"{name}.jsonl"
        if args.write:
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
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
