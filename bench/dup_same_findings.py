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
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from no_typ_same_findings import compare, sets  # noqa: E402
from scale import build_corpus  # noqa: E402


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
    sys.exit(compare(todo, base, args.write, ("--select", "DUP")))


if __name__ == "__main__":
    main()
