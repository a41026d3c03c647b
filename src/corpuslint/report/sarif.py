"""``--output-format sarif``: SARIF 2.1.0 as GitHub code scanning accepts it.

Paths are made relative to the corpus root (``%SRCROOT%``); columns are Unicode code points
(declared with ``columnKind``); each result carries a partial fingerprint built like the
baseline key, so code scanning tracks a finding across commits that move it.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from ..core.findings import Finding, Location, Severity
from ..core.rule import family_of
from . import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str | None, root: str | None) -> str:
    if not path or path == "-":
        return "stdin"
    p = Path(path)
    if root:
        try:
            p = p.resolve().relative_to(Path(root).resolve())
        except ValueError:
            p = Path(os.path.relpath(p.resolve(), Path(root).resolve()))
    return p.as_posix()


def _physical(loc: Location, root: str | None) -> dict[str, Any]:
    region = {
        "startLine": loc.line, "startColumn": loc.column,
        "endLine": loc.end_line, "endColumn": max(loc.end_column, loc.column),
        "charOffset": loc.start, "charLength": loc.end - loc.start,
    }
    phys: dict[str, Any] = {
        "artifactLocation": {"uri": _uri(loc.path, root), "uriBaseId": "%SRCROOT%"},
        "region": region,
    }
    return phys


def _result(f: Finding, index: int, root: str | None) -> dict[str, Any]:
    loc = f.location
    message = f.message if loc.record is None else f"[record {loc.record}] {f.message}"
    fingerprint = hashlib.sha1(
        f"{f.code}\0{_uri(loc.path, root)}\0{loc.record or ''}\0{f.flagged_text}".encode("utf-8", "surrogatepass")
    ).hexdigest()
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": _LEVEL[f.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": _physical(loc, root)}],
        "partialFingerprints": {"corpuslintFindingHash/v1": fingerprint},
    }
    if f.related:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(r.location, root),
             "message": {"text": r.message or f"related to {f.code}"}}
            for i, r in enumerate(f.related, 1)
        ]
    if f.fix is not None and f.fix.edits:
        result["fixes"] = [{
            "description": {"text": f"{f.fix.message} ({f.fix.applicability.value})"},
            "artifactChanges": [{
                "artifactLocation": {"uri": _uri(loc.path, root), "uriBaseId": "%SRCROOT%"},
                "replacements": [
                    {"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                     "insertedContent": {"text": e.content}}
                    for e in f.fix.edits
                ],
            }],
        }]
    return result


def render(report: Report) -> str:
    codes = sorted({f.code for f in report.findings} | set(report.rules))
    index = {code: i for i, code in enumerate(codes)}
    rules = []
    for code in codes:
        cls = report.rules.get(code)
        doc = cls.documentation() if cls is not None else ""
        rules.append({
            "id": code,
            "name": cls.name if cls is not None else code,
            "shortDescription": {"text": cls.summary if cls is not None else code},
            "fullDescription": {"text": (doc.split("\n\n")[1] if doc.count("\n\n") else doc) or code},
            "help": {"text": doc or code, "markdown": doc or code},
            "defaultConfiguration": {"level": _LEVEL[cls.severity] if cls is not None else "warning"},
            "properties": {"tags": [family_of(code)]},
        })
    root = report.root or os.getcwd()
    run = {
        "tool": {"driver": {
            "name": "corpuslint",
            "version": report.version,
            "semanticVersion": report.version,
            "informationUri": "https://pypi.org/project/corpuslint/",
            "rules": rules,
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(root).resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index[f.code], root) for f in report.findings],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
