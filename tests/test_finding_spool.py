"""core.finding_spool and late_findings: findings past the in-memory limit go to disk and read
back the same; a run whose corpus findings spilled reports exactly what an in-memory run does."""

from __future__ import annotations

import json

import pytest

import corpuslint.core.finding_spool as finding_spool
from corpuslint.core.config import Config
from corpuslint.core.finding_spool import FindingSpool
from corpuslint.core.findings import Finding, Location, Related, Severity
from corpuslint.engine import Engine
from corpuslint.late_findings import Merged, of_code, record_paths
from corpuslint.report import Report
from corpuslint.report import json_output, jsonl, text


def _finding(i: int) -> Finding:
    loc = Location("a.txt", None, i, i + 3, i + 1, 1, i + 1, 4)
    return Finding("DUP003", "x", Severity.WARNING, f"段落 {i}", loc,
                   (Related(Location("b.txt", None, 0, 3, 1, 1, 1, 4), "identical"),), flagged_text="重复段落" * (i % 3))


def test_spool_spills_past_its_limit_and_reads_back_in_order() -> None:
    spool = FindingSpool(in_memory=10)
    items = [_finding(i) for i in range(2500)]
    ids = [spool.append(f) for f in items]
    assert ids == list(range(2500))
    assert spool.spilled and len(spool) == 2500
    assert list(spool) == items
    assert spool[0] == items[0] and spool[-1] == items[-1] and spool[1234] == items[1234]
    assert spool[5:8] == items[5:8]
    with pytest.raises(IndexError):
        spool[2500]
    spool.close()


def test_a_spool_within_its_limit_stays_in_memory() -> None:
    spool = FindingSpool(in_memory=10)
    items = [_finding(i) for i in range(10)]
    for f in items:
        spool.append(f)
    assert not spool.spilled and list(spool) == items and spool[-1] is items[-1]


def _outputs(result, n_files: int) -> dict[str, str]:
    import io

    out = {}
    report = Report(findings=result.findings, files=n_files)
    for name, write in (("json", json_output.write), ("jsonl", jsonl.write), ("text", text.write)):
        buf = io.StringIO()
        write(report, buf)
        out[name] = buf.getvalue()
    out["render"] = text.render(report)
    return out


def test_a_spilled_run_reports_exactly_what_an_in_memory_run_does(tmp_path, monkeypatch) -> None:
    block = "本网站所有内容版权归本站所有，未经授权禁止转载，违者必究。\n\n"
    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(f"第{i}篇文章的正文写在这里，内容各不相同，编号{i}。\n\n" + block * 2, encoding="utf-8")
    engine = Engine(Config(select=("DUP",)))
    whole = engine.lint_paths([str(tmp_path)])
    assert isinstance(whole.findings, list) and len(whole.findings) > 12
    monkeypatch.setattr(finding_spool, "IN_MEMORY", 3)
    spilled = engine.lint_paths([str(tmp_path)])
    assert isinstance(spilled.findings, Merged)
    assert list(spilled.findings) == whole.findings
    assert [spilled.findings[i] for i in range(len(whole.findings))] == whole.findings
    assert spilled.findings[-1] == whole.findings[-1] and spilled.findings[2:5] == whole.findings[2:5]
    assert _outputs(spilled, 12) == _outputs(whole, 12)


def test_a_spilled_runs_codes_and_record_files_are_known_without_reading_it_back(tmp_path, monkeypatch) -> None:
    block = "本网站所有内容版权归本站所有，未经授权禁止转载，违者必究。"
    rows = [{"id": str(i), "text": f"第{i}篇文章的正文写在这里，内容各不相同，编号{i}。\n{block}\n{block}"}
            for i in range(8)]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    engine = Engine(Config(select=("DUP",)))
    whole = engine.lint_paths([str(corpus)])
    monkeypatch.setattr(finding_spool, "IN_MEMORY", 3)
    spilled = engine.lint_paths([str(corpus)])
    assert isinstance(spilled.findings, Merged)
    codes = {f.code for f in whole.findings}
    assert codes & {"DUP003", "DUP004"} and len(whole.findings) > 3
    read = []
    monkeypatch.setattr(FindingSpool, "__getitem__", lambda self, i: read.append(i) or pytest.fail("read back"))
    assert record_paths(spilled.findings) == record_paths(whole.findings) == {str(corpus)}
    assert list(of_code(spilled.findings, "ENC002")) == [] and read == []
