"""Per-rule fixtures in the manner of ruff: ``tests/rules/<CODE>/valid.txt`` (text on which the rule
must stay silent: the precision cases) and ``invalid.txt`` with its expected findings,
``invalid.expected.json`` (line, end line, flagged text, message, fix applicability), checked
exactly with only that rule selected. The seeds' golden file (tests/test_golden.py) is the
integration test.

After an intended change, regenerate the expected files with

    UPDATE_RULE_FIXTURES=1 python -m pytest tests/test_rule_fixtures.py

and read the diff before committing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from corpuslint import Linter

CASES = sorted(p for p in (Path(__file__).parent / "rules").iterdir() if p.is_dir())


def _findings(code: str, text: str) -> list[dict]:
    out = []
    for f in Linter(select=[code]).lint_text(text):
        out.append({"code": f.code, "line": f.location.line, "end_line": f.location.end_line,
                    "text": f.flagged_text, "message": f.message,
                    "fix": f.fix.applicability.value if f.fix else None})
    return out


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_valid_case_has_no_finding(case: Path) -> None:
    text = (case / "valid.txt").read_text(encoding="utf-8")
    assert _findings(case.name, text) == []


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_invalid_case_has_the_expected_findings(case: Path) -> None:
    text = (case / "invalid.txt").read_text(encoding="utf-8")
    got = _findings(case.name, text)
    expected_file = case / "invalid.expected.json"
    if os.environ.get("UPDATE_RULE_FIXTURES"):
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert got, "an invalid case must have findings"
    assert got == expected
