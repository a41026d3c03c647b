"""``--output-format json``: the stable JSON contract.

    {"version": str,
     "findings": [{"code", "name", "severity", "message", "path", "record", "line", "column",
                   "end_line", "end_column", "start", "end",
                   "related": [{"path", "record", "line", "column", "end_line", "end_column",
                                "message"}],
                   "fix": null | {"applicability", "message",
                                  "edits": [{"start", "end", "content"}]}}],
     "summary": {"files", "findings", "by_code"}}

Lines and columns are 1-based; ``start``/``end`` are code-point offsets into the decoded text,
``end`` exclusive.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..core.findings import Finding, Location
from . import Report


def _location(loc: Location) -> dict[str, Any]:
    return {"path": loc.path, "record": loc.record, "line": loc.line, "column": loc.column,
            "end_line": loc.end_line, "end_column": loc.end_column}


def finding_dict(f: Finding) -> dict[str, Any]:
    loc = f.location
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity.value,
        "message": f.message,
        **_location(loc),
        "start": loc.start,
        "end": loc.end,
        "related": [{**_location(r.location), "message": r.message} for r in f.related],
        "fix": None if f.fix is None else {
            "applicability": f.fix.applicability.value,
            "message": f.fix.message,
            "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in f.fix.edits],
        },
    }


def document(report: Report) -> dict[str, Any]:
    return {
        "version": report.version,
        "findings": [finding_dict(f) for f in report.findings],
        "summary": {"files": report.files, "findings": len(report.findings), "by_code": report.by_code()},
    }


def render(report: Report) -> str:
    return json.dumps(document(report), ensure_ascii=False, indent=2) + "\n"


def write(report: Report, out: TextIO) -> None:
    """``render`` streamed, byte for byte: each finding is encoded and written on its own (at
    the indentation ``json.dumps(..., indent=2)`` gives it), nothing is built whole."""
    encode = json.JSONEncoder(ensure_ascii=False, indent=2).encode
    out.write("{\n" + f'  "version": {json.dumps(report.version, ensure_ascii=False)},\n  "findings": [')
    for i, f in enumerate(report.findings):
        out.write(("," if i else "") + "\n    " + encode(finding_dict(f)).replace("\n", "\n    "))
    out.write("\n  ]," if report.findings else "],")
    summary = {"files": report.files, "findings": len(report.findings), "by_code": report.by_code()}
    out.write('\n  "summary": ' + encode(summary).replace("\n", "\n  ") + "\n}\n")
