"""The real pre-commit tool, on a temporary git repo, against this checkout."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, seed_path

CLEAN = ("余姚经济开发区是我省首批省级经济开发区之一。\n\n"
         "开发区立足园区功能和产业特色，大力构建现代产业体系，推动产业集聚发展。\n")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed by pre-commit itself")
def test_pre_commit_fails_seeds_and_passes_clean_file(tmp_path):
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists():
        pytest.fail("pre-commit is not installed: install the test extra (pip install -e '.[test]')")
    repo = tmp_path / "corpus"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.invalid")
    _git(repo, "config", "user.name", "t")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pc-home"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(pre_commit), "try-repo", str(ROOT), "corpuslint", "--files", *files],
            cwd=repo, env=env, capture_output=True, text=True, timeout=900,
        )

    (repo / "clean.txt").write_text(CLEAN, encoding="utf-8")
    shutil.copy(seed_path("000"), repo / "seed000.txt")
    _git(repo, "add", ".")
    clean = try_repo("clean.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    dirty = try_repo("seed000.txt")
    assert dirty.returncode == 1, dirty.stdout + dirty.stderr
    assert "seed000.txt:3:1: ENC003" in dirty.stdout
