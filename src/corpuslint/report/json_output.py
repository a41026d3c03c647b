"""``--output-format json``: the stable JSON contract.

    {"version": str,
     "findings": [{"code", "name", "severity", "message", "path", "record", "line", "column",
                   "end_line", "end_column", "record_line", "record_column", "start", "end",
                   "related": [{"path", "record", "line", "column", "end_line", "end_column",
                                "record_line", "record_column", "message"}],
                   "fix": null | {"applicability", "message",
                                  "edits": [{"start", "end", "content"}]}}],
     "summary": {"files", "findings", "by_code"}}

Lines and columns are 1-based; ``start``/``end`` are code-point offsets into the decoded text
(a JSONL record's text field), ``end`` exclusive. For a finding in a JSONL record, ``line`` is
the record's line in the file and ``column`` 1 (``end_line``/``end_column`` the same), and
``record_line``/``record_column`` are where it is inside the record's text; both are null
otherwise. With ``--max-results`` the most severe findings are kept.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..core.findings import Finding, Location
from . import Report


def _location(report: Report, loc: Location) -> dict[str, Any]:
    if loc.record is None:  # ``report.position`` is the location's own (no FilePosition built)
        return {"path": loc.path, "record": None, "line": loc.line, "column": loc.column,
                "end_line": loc.end_line, "end_column": loc.end_column,
                "record_line": None, "record_column": None}
    pos = report.position(loc)
    return {"path": loc.path, "record": loc.record, "line": pos.line, "column": pos.column,
            "end_line": pos.end_line, "end_column": pos.end_column,
            "record_line": pos.record_line, "record_column": pos.record_column}


def finding_dict(f: Finding, report: Report | None = None) -> dict[str, Any]:
    loc = f.location
    report = report if report is not None else _PLAIN
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        **_location(report, loc),
        "start": loc.start,
        "end": loc.end,
        "related": [{**_location(report, r.location), "message": r.message} for r in f.related],
        "fix": None if f.fix is None else {
            "applicability": f.fix.applicability.value,
            "message": f.fix.message,
            "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in f.fix.edits],
        },
    }


_PLAIN = Report(findings=(), files=0)  # no record lines known: positions as the finding has them


def document(report: Report) -> dict[str, Any]:
    return {
        "version": report.version,
        "findings": [finding_dict(f, report) for f in report.shown_findings()],
        "summary": {"files": report.files, "findings": len(report.findings), "by_code": report.by_code()},
    }


def render(report: Report) -> str:
    return json.dumps(document(report), ensure_ascii=False, indent=2) + "\n"


def write(report: Report, out: TextIO) -> None:
    """``render`` streamed, byte for byte: each finding is encoded and written on its own (at
    the indentation ``json.dumps(..., indent=2)`` gives it), nothing is built whole."""
    encode = json.JSONEncoder(ensure_ascii=False, indent=2).encode
    out.write("{\n" + f'  "version": {json.dumps(report.version, ensure_ascii=False)},\n  "findings": [')
    i = -1
    for i, f in enumerate(report.shown_findings()):
        out.write(("," if i else "") + "\n    " + encode(finding_dict(f, report)).replace("\n", "\n    "))
    out.write("\n  ]," if i >= 0 else "],")
    summary = {"files": report.files, "findings": len(report.findings), "by_code": report.by_code()}
    out.write('\n  "summary": ' + encode(summary).replace("\n", "\n  ") + "\n}\n")
