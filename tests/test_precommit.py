"""The real pre-commit tool: a temporary git repo whose .pre-commit-config.yaml points at this
checkout's current commit; committing a seed fails, committing a clean file passes."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, seed_path

CLEAN = ("余姚经济开发区是我省首批省级经济开发区之一。\n\n"
         "开发区立足园区功能和产业特色，大力构建现代产业体系，推动产业集聚发展。\n")


def _run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


def test_pre_commit_blocks_seed_and_passes_clean_file(tmp_path):
    pre_commit = Path(sys.executable).with_name("pre-commit")
    if not pre_commit.exists() or shutil.which("git") is None:
        pytest.fail("pre-commit and git are needed: install the test extra (pip install -e '.[test]')")
    head = _run(ROOT, "git", "rev-parse", "HEAD")
    assert head.returncode == 0, "the checkout must be a git repository with a commit"
    repo = tmp_path / "corpus"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pc-home"),
           "PIP_DISABLE_PIP_VERSION_CHECK": "1", "GIT_AUTHOR_NAME": "t", "GIT_COMMITTER_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    assert _run(repo, "git", "init", "-q", env=env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT.as_posix()}\n  rev: {head.stdout.strip()}\n  hooks:\n  - id: corpuslint\n",
        encoding="utf-8",
    )
    assert _run(repo, str(pre_commit), "install", env=env).returncode == 0
    _run(repo, "git", "add", ".pre-commit-config.yaml", env=env)

    (repo / "clean.txt").write_text(CLEAN, encoding="utf-8")
    _run(repo, "git", "add", "clean.txt", env=env)
    ok = _run(repo, "git", "commit", "-q", "-m", "clean", env=env)
    assert ok.returncode == 0, ok.stdout + ok.stderr

    shutil.copy(seed_path("000"), repo / "seed000.txt")
    _run(repo, "git", "add", "seed000.txt", env=env)
    blocked = _run(repo, "git", "commit", "-q", "-m", "seed", env=env)
    assert blocked.returncode != 0
    assert "seed000.txt:3:1: ENC003" in blocked.stdout + blocked.stderr
    log = _run(repo, "git", "log", "--oneline", env=env)
    assert len(log.stdout.splitlines()) == 1  # the seed commit did not happen


def test_template_line_through_the_index_under_a_root_whose_path_holds_uri_characters(cli, tmp_path):
    """The index is read through a read-only SQLite URI: ``#``, ``?`` and ``%`` in the corpus
    root's path must not cut that URI short (CHR008 would silently see the checked file only)."""
    root = tmp_path / "稿件#2?v%1"
    root.mkdir()
    (root / ".git").mkdir()
    bodies = [
        "余姚经济开发区坚持项目为王,全力扩大有效投资,今年新引进亿元以上项目二十个。",
        "慈溪滨海经济开发区探索工业社区治理新路径,实行网格化管理,服务企业两千余家。",
        "丽水经开区打造半导体全产业链,三年来工业投资年均增长百分之二十七点七。",
        "宁波前湾新区加快建设汽车产业集群,整车产能突破一百万辆,配套企业超过三百家。",
        "温州龙湾区推进中国眼谷建设,集聚眼健康企业一百余家,形成完整产业链条。",
    ]
    for i, body in enumerate(bodies):
        (root / f"page{i}.txt").write_text(f"{body}\n\n浙江产业网 服务热线 欢迎投稿合作 关注我们获取更多资讯\n",
                                           encoding="utf-8")
    out = cli("check", "--select", "CHR008", "--output-format", "json", "page0.txt", cwd=root)
    found = json.loads(out.stdout)["findings"]
    assert [(f["path"], f["line"]) for f in found] == [("page0.txt", 3)]
    assert "in 5 documents" in found[0]["message"]
