from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def seed_text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


def chrome_page() -> str:
    """A scraped page whose article is one sentence among its chrome (seed 003's head and tail)."""
    page = seed_text("003")
    return (page[:page.index("  “全力支持")] + "  丽水经开区特色半导体新产业平台正式列入全省“万亩千亿”新产业培育平台。\n\n"
            + page[page.index("葛毅明微信号"):])


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    full_env.pop("CORPUSLINT_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "corpuslint", *args], cwd=cwd, input=stdin,
        capture_output=True, env=full_env, timeout=300,
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def cli_inproc(monkeypatch, capsys):
    """``corpuslint.cli.main`` in this process (no interpreter start-up): for tests of what the
    command prints and returns, not of the installed entry point."""
    import io

    from corpuslint.cli import main

    def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        capsys.readouterr()
        code = main(list(args))
        out = capsys.readouterr()
        return subprocess.CompletedProcess(list(args), code, out.out, out.err)

    return run
