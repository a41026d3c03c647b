"""The ``corpuslint`` command's way out (``corpuslint.__main__.entry``): a completed run ends
without the interpreter's teardown, its output whole and its temporary spool removed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import seed_path


def _run(args, tmp):
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONIOENCODING": "utf-8"}
    env.pop("CORPUSLINT_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "corpuslint", *args], env=env, capture_output=True, timeout=300)


def test_a_completed_run_writes_everything_and_leaves_no_spool(tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    seeds = [str(seed_path(p)) for p in ("000", "001", "003")]
    rules = ["--select", "DUP,ENC"]  # a corpus rule (the spool) and many findings, a quick set-up
    proc = _run(["check", *seeds, *rules, "--no-cache", "--output-format", "jsonl"], tmp)
    assert proc.returncode == 1
    rows = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    stats = _run(["check", *seeds, *rules, "--no-cache", "--statistics"], tmp)
    total = int(stats.stdout.decode("utf-8").splitlines()[-2].split()[0])  # "N  total in 3 files"
    assert len(rows) == total > 10
    assert list(tmp.glob("corpuslint-spool-*")) == []


def test_an_error_exits_2_with_its_message(tmp_path):
    proc = _run(["check", str(tmp_path / "missing.txt")], tmp_path)
    assert proc.returncode == 2
    assert b"no such file or directory" in proc.stderr
