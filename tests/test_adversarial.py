"""Adversarial inputs (issue 16): every rule family handles a file of identical lines, of
near-identical lines and of one single line within a linear time budget.

The budget is a ratio, not a wall time: linting a file is compared with a plain read of the same
file (read, decode, look at every character once), at two sizes four times apart. A linear rule keeps the
ratio about constant; one that is quadratic in the lines (DUP001's block scan before issue 16)
or in the line length multiplies it by four. The files are small here so the suite stays fast;
``CORPUSLINT_ADVERSARIAL_KB=1024`` runs the 1 MB files of the issue by hand (and ``bench/
adversarial.py`` prints the figures).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from corpuslint import Linter
from corpuslint.core.registry import discover

SIZE_KB = int(os.environ.get("CORPUSLINT_ADVERSARIAL_KB", "16"))
GROWTH = 4  # the larger file is four times the smaller
MAX_RATIO_GROWTH = 3.0  # linear: ~1 (less with fixed costs); quadratic: ~4 and more

LINE = "余姚经济开发区是我省首批省级经济开发区之一。"


def identical(size: int, token: str = "") -> str:
    line = LINE[:-1] + token + LINE[-1]
    return (line + "\n") * (size // len((line + "\n").encode()))


def near_identical(size: int, token: str = "") -> str:
    return "".join(f"第{i}行的内容{token}在这里。\n" for i in range(size // 30))


def one_line(size: int, token: str = "") -> str:
    return token + "余姚经济开发区，" * (size // 24)


SHAPES = {"identical": identical, "near-identical": near_identical, "one-line": one_line}

# Rule groups linted together: each family, the corpus rules that share the duplicate analysis
# (DUP002-004 and CHR008) in one group so that analysis runs once per file.
CODES = sorted(discover())
SHARED = ["DUP002", "DUP003", "DUP004", "CHR008"]
GROUPS = {fam: [c for c in CODES if c.startswith(fam) and c not in SHARED]
          for fam in ("ENC", "NRM", "LAY", "TYP", "CHR", "VER", "DUP")}
GROUPS["DUP002-004+CHR008"] = SHARED


def plain_read(path: Path) -> float:
    """Read, decode and look once at every character: the least any linter does, linear in the
    file whatever its shape (a bare ``read()`` is mostly fixed cost on small files)."""
    best = float("inf")
    for _ in range(10):
        t = time.process_time()
        text = path.read_bytes().decode("utf-8")
        sum(1 for c in text if c == "\n")
        best = min(best, time.process_time() - t)
    return best


def lint_ratio(linter: Linter, folder: Path, make, size: int) -> float:
    """Lint time over plain-read time, the best of a few runs (the rest is the machine's load).
    Every run lints a new file (a token in its lines), so no memo of an earlier run helps it."""
    best = float("inf")
    spent = 0.0
    for run in range(3):
        path = folder / f"{make.__name__}-{size}-{run}.txt"
        path.write_text(make(size, f"{run}号"), encoding="utf-8")
        t = time.process_time()
        linter.lint_paths([path])
        took = time.process_time() - t
        best = min(best, took / plain_read(path))
        spent += took
        if spent > 0.15:
            break
    return best


def ratio_growth(linter: Linter, folder: Path, make, small: int, large: int) -> float:
    """How much the lint/read ratio grows from ``small`` to ``large`` bytes. Measured again when
    it looks too high: on a shared machine one measure can fall in a burst of load; a rule that
    is really super-linear is too slow every time."""
    growth = float("inf")
    for _ in range(2):
        large_ratio = lint_ratio(linter, folder, make, large)
        growth = min(growth, large_ratio / lint_ratio(linter, folder, make, small))
        if growth < MAX_RATIO_GROWTH:
            break
    return growth


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_rule_groups_are_linear_on_adversarial_files(group, tmp_path):
    linter = Linter(select=GROUPS[group])
    linter.lint_text(LINE)  # packs and lexicons load once, outside the measure
    for shape, make in SHAPES.items():
        growth = ratio_growth(linter, tmp_path, make, SIZE_KB * 1024, SIZE_KB * 1024 * GROWTH)
        assert growth < MAX_RATIO_GROWTH, (group, shape, growth)
