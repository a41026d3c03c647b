"""A few files in two processes (``split_run``): the document rules in a forked child beside the
corpus phase give the findings of the one-process run, in the same order."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT, seed_path

from corpuslint import split_run
from corpuslint.core.config import Config
from corpuslint.engine import Engine

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")

SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
VERSIONS = sorted((ROOT / "fixtures" / "versions").glob("*.txt"))


def _corpus(tmp_path: Path) -> Path:
    """The seeds and the version fixtures under one root (near duplicates, versions, template
    lines, typos and chrome between them)."""
    root = tmp_path / "corpus"
    for src in [*SEEDS, *VERSIONS]:
        dest = root / src.parent.name / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, dest)
    (root / "pyproject.toml").write_text("[tool.corpuslint]\n", encoding="utf-8")
    return root


def _engine(root: Path, cache: bool) -> Engine:
    if cache:  # the index stays (it is what a pre-commit run reads); the results go
        shutil.rmtree(root / ".corpuslint_cache" / "results", ignore_errors=True)
    return Engine(Config(root=root), use_cache=cache)


@pytest.mark.parametrize("cache", [True, False])
def test_split_run_finds_what_one_process_finds(tmp_path, cache):
    root = _corpus(tmp_path)
    runs = [[str(SEEDS[0])], [str(p) for p in SEEDS[:3]], [str(VERSIONS[0]), str(VERSIONS[1])]]
    runs = [[str(root / Path(p).parent.name / Path(p).name) for p in run] for run in runs]
    for paths in runs:
        one = _engine(root, cache).lint_paths(paths)
        two = split_run.lint_paths_split(_engine(root, cache), paths, when_idle=False)
        assert two is not None
        assert list(two.findings) == list(one.findings)
        assert two.files == one.files and two.errors == one.errors
        assert one.findings  # the fixtures have something to find


def test_the_child_checks_and_a_failed_child_is_replaced(tmp_path, monkeypatch):
    """The document rules run in the child (another process); a child that dies hands its
    documents back to this process, with the same findings."""
    root = _corpus(tmp_path)
    paths = [str(root / "seeds" / SEEDS[1].name)]
    expected = list(_engine(root, True).lint_paths(paths).findings)
    parent = os.getpid()
    real = split_run._checked_here
    seen: list[int] = []

    def dying(engine, doc):
        if os.getpid() != parent:
            os._exit(3)
        seen.append(os.getpid())
        return real(engine, doc)

    monkeypatch.setattr(split_run, "_checked_here", dying)
    got = split_run.lint_paths_split(_engine(root, True), paths, when_idle=False)
    assert got is not None and list(got.findings) == expected
    assert seen == [parent]  # checked here once the child had died

    def marked(engine, doc):
        found = real(engine, doc)
        if os.getpid() != parent:
            (tmp_path / "child-ran").write_text(str(os.getpid()))
        return found

    monkeypatch.setattr(split_run, "_checked_here", marked)
    got = split_run.lint_paths_split(_engine(root, True), paths, when_idle=False)
    assert got is not None and list(got.findings) == expected
    assert int((tmp_path / "child-ran").read_text()) != parent


def test_an_error_in_a_rule_surfaces_as_in_one_process(tmp_path, monkeypatch):
    root = _corpus(tmp_path)
    paths = [str(root / "seeds" / SEEDS[0].name)]
    engine = _engine(root, True)

    def broken(doc):
        raise RuntimeError("rule failed")

    monkeypatch.setattr(engine.rules, "check", broken)
    with pytest.raises(RuntimeError, match="rule failed"):
        split_run.lint_paths_split(engine, paths, when_idle=False)


def test_runs_it_does_not_take(tmp_path):
    root = _corpus(tmp_path)
    for i in range(split_run.MAX_FILES):
        (root / "more" / f"{i}.txt").parent.mkdir(exist_ok=True)
        (root / "more" / f"{i}.txt").write_text(f"第{i}篇正文。\n", encoding="utf-8")
    many = [str(p) for p in sorted(root.rglob("*.txt"))]
    assert len(many) > split_run.MAX_FILES
    assert split_run.lint_paths_split(_engine(root, True), many, when_idle=False) is None
    jsonl = root / "r.jsonl"
    jsonl.write_text('{"id": "1", "text": "正文。"}\n', encoding="utf-8")
    assert split_run.lint_paths_split(_engine(root, True), [str(jsonl)], when_idle=False) is None
    assert split_run.lint_paths_split(Engine(Config(root=root), jobs=2), many[:1], when_idle=False) is None
    only_docs = Engine(Config(root=root, select=("ENC",)))
    assert split_run.lint_paths_split(only_docs, many[:1], when_idle=False) is None  # no corpus rule: nothing to split


def test_not_split_while_no_core_is_idle(tmp_path, monkeypatch):
    root = _corpus(tmp_path)
    paths = [str(root / "seeds" / SEEDS[0].name)]
    monkeypatch.setattr(os, "getloadavg", lambda: (64.0, 64.0, 64.0))
    assert not split_run.idle_core()
    assert split_run.lint_paths_split(_engine(root, True), paths) is None
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert split_run.idle_core() == (len(os.sched_getaffinity(0)) > 1)
