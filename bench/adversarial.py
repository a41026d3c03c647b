"""Issue 16's adversarial files at full size (1 MB by default), by hand:

    python bench/adversarial.py [KB]

For every rule group of tests/test_adversarial.py and every shape (identical lines,
near-identical lines, one line): the lint time at KB/4 and at KB, the ratio to a plain read at KB
and how much it grew (linear: about 1; quadratic: about 4). Above ~256 KB the plain read itself
leaves the CPU caches and grows faster than the size, so read the wall times too: a rule whose
time grows by much more than 4 is super-linear.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_adversarial import GROUPS, LINE, SHAPES, plain_read  # noqa: E402

from corpuslint import Linter  # noqa: E402


def main() -> None:
    kb = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    with tempfile.TemporaryDirectory() as tmp:
        for group in sorted(GROUPS):
            linter = Linter(select=GROUPS[group])
            linter.lint_text(LINE)
            for shape, make in SHAPES.items():
                row = []
                for size in (kb * 256, kb * 1024):
                    path = Path(tmp) / f"{shape}-{size}.txt"
                    path.write_text(make(size), encoding="utf-8")
                    t = time.perf_counter()
                    linter.lint_paths([path])
                    lint, read = time.perf_counter() - t, plain_read(path)
                    row.append((lint, lint / read))
                print(f"{group:18} {shape:15} {kb // 4:5} KB {row[0][0]:7.2f} s   {kb:5} KB "
                      f"{row[1][0]:7.2f} s   ratio to a plain read {row[1][1]:8.0f}   "
                      f"growth {row[1][1] / row[0][1]:4.2f}", flush=True)


if __name__ == "__main__":
    main()
