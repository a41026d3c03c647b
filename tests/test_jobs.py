"""``-j N``: the same findings, in the same order, as ``-j 1`` on a corpus of many tasks with
near-duplicate documents and versions across the workers' chunks of files."""

from __future__ import annotations

import random
import re

import pytest

from conftest import SEEDS
from corpuslint import Linter
from corpuslint.core.forked import fork_map
from corpuslint.corpus import align, analyses, differences, prealign
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


def test_two_workers_report_what_one_process_does(tmp_path, monkeypatch):
    """Pass 1 in two workers, and the version pairs aligned in two forked workers (every pair
    of this small corpus: ``MIN_PAIRS`` lowered) before the rules read them."""
    corpus = _corpus(tmp_path)
    one = Linter(jobs=1).lint_paths([str(corpus)]).findings
    aligned: list[int] = []

    def spy(*args):
        aligned.append(prealign.align_elsewhere(*args))
        return aligned[-1]

    here: list[str] = []  # pairs aligned, figures read by the rules in this process (none)
    real_align, real_figures = align.align_streams, differences.figures_in

    def counted_align(*args):
        here.append("aligned")
        return real_align(*args)

    def counted_figures(*args):
        here.append("figures")
        return real_figures(*args)

    monkeypatch.setattr(prealign, "MIN_PAIRS", 1)
    monkeypatch.setattr(analyses, "align_elsewhere", spy)
    monkeypatch.setattr(align, "align_streams", counted_align)
    monkeypatch.setattr(differences, "figures_in", counted_figures)
    two = Linter(jobs=2).lint_paths([str(corpus)]).findings
    codes = {f.code for f in one}
    assert {"DUP004", "VER001"} <= codes, codes
    assert aligned and aligned[0] >= 10 and not here, here
    assert list(one) == list(two)


def test_one_process_aligns_nothing_elsewhere(tmp_path, monkeypatch):
    monkeypatch.setattr(prealign, "MIN_PAIRS", 1)
    monkeypatch.setattr(analyses, "align_elsewhere", lambda *a: pytest.fail("aligned elsewhere at -j 1"))
    found = Linter(jobs=1, select=["VER001"]).lint_paths([str(_corpus(tmp_path))]).findings
    assert {f.code for f in found} == {"VER001"}


def test_fork_map_gives_results_in_order():
    run = fork_map(2)
    assert run is not None and fork_map(1) is None
    table = [i * i for i in range(37)]  # inherited by the forked workers, not pickled
    assert list(run(lambda i: table[i] + 1, 37)) == [i * i + 1 for i in range(37)]
