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


def identical(size: int) -> str:
    return (LINE + "\n") * (size // len((LINE + "\n").encode()))


def near_identical(size: int) -> str:
    return "".join(f"第{i}行的内容在这里。\n" for i in range(size // 30))


def one_line(size: int) -> str:
    return "余姚经济开发区，" * (size // 24)


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
    for _ in range(5):
        t = time.perf_counter()
        text = path.read_bytes().decode("utf-8")
        sum(1 for c in text if c == "\n")
        best = min(best, time.perf_counter() - t)
    return best


def lint_time(linter: Linter, path: Path) -> float:
    """The best of a few runs when a run is short (timer noise), one run otherwise."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        linter.lint_paths([path])
        best = min(best, time.perf_counter() - t)
        if best > 0.2:
            break
    return best


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_rule_groups_are_linear_on_adversarial_files(group, tmp_path):
    linter = Linter(select=GROUPS[group])
    linter.lint_text(LINE)  # packs and lexicons load once, outside the measure
    for shape, make in SHAPES.items():
        ratios = []
        for size in (SIZE_KB * 1024, SIZE_KB * 1024 * GROWTH):
            path = tmp_path / f"{shape}-{size}.txt"
            path.write_text(make(size), encoding="utf-8")
            ratios.append(lint_time(linter, path) / plain_read(path))
        assert ratios[1] / ratios[0] < MAX_RATIO_GROWTH, (group, shape, ratios)


@pytest.mark.xfail(strict=True, reason=(
    "DUP003 is quadratic in the copies of a paragraph inside one document: for every copy, "
    "CrossDocumentDuplicateParagraph.finish walks the whole list of copies (skipping the "
    "document's own); 3 912 identical lines take 2.8 s, 7 825 take 12.4 s. Reported to the lead "
    "(rules/dup/cross_document_duplicate_paragraph.py is not this change's); the fix is to "
    "compute the shown copies once per (text, document)."))
def test_cross_document_duplicates_are_linear_in_copies_within_a_document(tmp_path):
    linter = Linter(select=["DUP003"])
    linter.lint_text(LINE)
    ratios = []
    for lines in (1500, 6000):
        path = tmp_path / f"identical-{lines}.txt"
        path.write_text((LINE + "\n") * lines, encoding="utf-8")
        ratios.append(lint_time(linter, path) / plain_read(path))
    assert ratios[1] / ratios[0] < MAX_RATIO_GROWTH, ratios
