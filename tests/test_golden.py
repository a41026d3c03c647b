"""Golden tests: every rule's findings on the real seed corpus, checked exactly.

The expected output is fixtures/expected/seeds.json (the JSON report format, paths relative to
the repository). After an intended change, regenerate it with

    UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and review the diff line by line before committing: it is the record of what corpuslint says.
"""

import json
import os
import shutil

from conftest import ROOT, SEEDS

from corpuslint import Linter, __version__
from corpuslint.core.config import Config
from corpuslint.report import Report
from corpuslint.report.json_output import document

EXPECTED = ROOT / "fixtures" / "expected" / "seeds.json"


def seeds_report(folder, cwd) -> dict:
    linter = Linter(Config(root=cwd))
    result = linter.lint_paths([os.path.relpath(folder, cwd)])
    data = document(Report(result.findings, result.files, version=__version__))
    data.pop("version")
    return data


def test_seed_findings_match_golden(monkeypatch):
    monkeypatch.chdir(ROOT)
    got = seeds_report(SEEDS, ROOT)
    if os.environ.get("UPDATE_GOLDEN"):
        EXPECTED.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert got["summary"] == expected["summary"]
    for g, e in zip(got["findings"], expected["findings"]):
        assert g == e
    assert got == expected


def test_gbk_copy_gives_the_same_findings(tmp_path, monkeypatch):
    utf8, gbk = tmp_path / "utf8" / "seeds", tmp_path / "gbk" / "seeds"
    utf8.mkdir(parents=True)
    gbk.mkdir(parents=True)
    for src in sorted(SEEDS.glob("*.txt")):
        shutil.copy(src, utf8 / src.name)
        (gbk / src.name).write_bytes(src.read_text(encoding="utf-8").encode("gb18030"))
    monkeypatch.chdir(tmp_path / "utf8")
    a = seeds_report(utf8, tmp_path / "utf8")
    monkeypatch.chdir(tmp_path / "gbk")
    b = seeds_report(gbk, tmp_path / "gbk")
    b_findings = [f for f in b["findings"] if f["code"] != "ENC001"]
    assert len(b["findings"]) - len(b_findings) == 5  # one "not UTF-8" per file
    assert a["findings"] == b_findings
