"""Per-rule fixtures in the manner of ruff: ``tests/rules/<CODE>/valid.txt`` (text on which the rule
must stay silent: the precision cases) and ``invalid.txt`` with its expected findings,
``invalid.expected.json`` (line, end line, flagged text, message, fix applicability), checked
exactly with only that rule selected. A corpus rule (CHR008) has folders instead, ``valid/``
and ``invalid/``, whose documents are linted together (the expected findings name their file).
The seeds' golden file (tests/test_golden.py) is the integration test.

After an intended change, regenerate the expected files with

    UPDATE_RULE_FIXTURES=1 python -m pytest tests/test_rule_fixtures.py

and read the diff before committing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from corpuslint import Linter
from corpuslint.core import Document

CASES = sorted(p for p in (Path(__file__).parent / "rules").iterdir() if p.is_dir())


def _row(f) -> dict:  # type: ignore[no-untyped-def]
    return {"code": f.code, "line": f.location.line, "end_line": f.location.end_line,
            "text": f.flagged_text, "message": f.message,
            "fix": f.fix.applicability.value if f.fix else None}


def _findings(code: str, case: Path, name: str) -> list[dict]:
    """The findings of rule ``code`` alone on ``name``.txt, or on the documents of the folder
    ``name`` linted together (each finding then names its file)."""
    folder = case / name
    if folder.is_dir():
        docs = [Document(p.read_text(encoding="utf-8"), path=p.name) for p in sorted(folder.glob("*.txt"))]
        found = Linter(select=[code]).lint_documents(docs).findings
        return [{"path": f.path, **_row(f)} for f in found]
    text = (case / f"{name}.txt").read_text(encoding="utf-8")
    return [_row(f) for f in Linter(select=[code]).lint_text(text)]


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_valid_case_has_no_finding(case: Path) -> None:
    assert _findings(case.name, case, "valid") == []


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_invalid_case_has_the_expected_findings(case: Path) -> None:
    got = _findings(case.name, case, "invalid")
    expected_file = case / "invalid.expected.json"
    if os.environ.get("UPDATE_RULE_FIXTURES"):
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert got, "an invalid case must have findings"
    assert got == expected
