"""``-j N``: the same findings, in the same order, as ``-j 1`` on a corpus of many tasks with
near-duplicate documents and versions across the workers' chunks of files."""

from __future__ import annotations

import random
import re

from conftest import SEEDS
from corpuslint import Linter
from corpuslint.engine import FILES_PER_TASK


def _corpus(folder):
    """Documents recombined from the seeds' paragraphs, and reprints of some of them (a figure
    changed, 人员 misread as 入员, a paragraph dropped) far apart in file order."""
    paras = [p.strip() for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n")
             if len(p.strip()) >= 30]
    rng = random.Random(3)
    docs = ["\n\n".join(rng.sample(paras, 5)) + "\n" for _ in range(3 * FILES_PER_TASK)]
    for i in range(0, 3 * FILES_PER_TASK, 5):
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), docs[i], count=1)
        text = text.replace("人员", "入员", 1)
        docs.append(text + "\n" + rng.choice(paras) + "\n")
    for i, text in enumerate(docs):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_two_workers_report_what_one_process_does(tmp_path):
    corpus = _corpus(tmp_path)
    one = Linter(jobs=1).lint_paths([str(corpus)]).findings
    two = Linter(jobs=2).lint_paths([str(corpus)]).findings
    codes = {f.code for f in one}
    assert {"DUP004", "VER001"} <= codes, codes
    assert list(one) == list(two)
