"""``--output-format sarif``: SARIF 2.1.0 as GitHub code scanning accepts it.

Paths are made relative to the corpus root (``%SRCROOT%``); columns are Unicode code points
(declared with ``columnKind``). Each result carries a partial fingerprint of its rule, file,
record, flagged text and occurrence (the n-th finding of that rule on that text in that
document), so every result has its own and code scanning tracks a finding across commits that
move it. A JSONL record's finding is located at the record's line of the file (its region
inside the record is kept in the result's properties).

GitHub rejects a run of more than 25,000 results: the run holds at most that many (or
``--max-results``), the most severe first, and says in a tool notification how many were
left out.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from ..core.findings import Finding, Location, Severity
from ..core.rule import family_of
from . import GITHUB_MAX_RESULTS, Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
MAX_RELATED = 100  # locations GitHub shows for one result (it rejects more than 1,000)
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


def _physical(report: Report, loc: Location, root: str | None) -> dict[str, Any]:
    pos = report.position(loc)
    if pos.in_record:
        # The whole line of the record: offsets into the record's text are not the file's.
        region: dict[str, Any] = {"startLine": pos.line}
    else:
        region = {
            "startLine": pos.line, "startColumn": pos.column,
            "endLine": pos.end_line, "endColumn": max(pos.end_column, pos.column),
            "charOffset": loc.start, "charLength": loc.end - loc.start,
        }
    return {
        "artifactLocation": {"uri": _uri(loc.path, root), "uriBaseId": "%SRCROOT%"},
        "region": region,
    }


def fingerprints(findings: list[Finding], root: str | None) -> list[str]:
    """One distinct, stable fingerprint per finding: rule, file, record and flagged text, with
    the occurrence index among the document's findings of that rule on that same text."""
    seen: dict[tuple[str, str, str, str], int] = {}
    out = []
    for f in findings:
        loc = f.location
        key = (f.code, _uri(loc.path, root), loc.record or "", f.flagged_text)
        n = seen.get(key, 0)
        seen[key] = n + 1
        out.append(hashlib.sha1("\0".join((*key, str(n))).encode("utf-8", "surrogatepass")).hexdigest())
    return out


def _result(report: Report, f: Finding, index: int, fingerprint: str, root: str | None) -> dict[str, Any]:
    loc = f.location
    message = f.message if loc.record is None else f"[record {loc.record}] {f.message}"
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": _LEVEL[f.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": _physical(report, loc, root)}],
        "partialFingerprints": {"corpuslintFindingHash/v2": fingerprint},
    }
    pos = report.position(loc)
    if pos.in_record:
        result["properties"] = {"record": loc.record, "recordRegion": {
            "startLine": pos.record_line, "startColumn": pos.record_column,
            "endLine": pos.record_end_line, "endColumn": pos.record_end_column,
            "charOffset": loc.start, "charLength": loc.end - loc.start}}
    if f.related:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(report, r.location, root),
             "message": {"text": r.message or f"related to {f.code}"}}
            for i, r in enumerate(f.related[:MAX_RELATED], 1)
        ]
    if f.fix is not None and f.fix.edits and not pos.in_record:
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
    shown = report.shown(GITHUB_MAX_RESULTS)
    # Fingerprints count occurrences over every finding, so a cap does not change them.
    prints = fingerprints(list(report.findings), root)
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if len(shown) < len(report.findings):
        cap = report.max_results if report.max_results is not None else GITHUB_MAX_RESULTS
        invocation["toolExecutionNotifications"] = [{
            "descriptor": {"id": "corpuslint/results-capped"},
            "level": "warning",
            "message": {"text": f"{len(report.findings)} findings; only the {len(shown)} most severe are "
                                f"in this run (cap {cap}: GitHub code scanning takes at most "
                                f"{GITHUB_MAX_RESULTS} results a run; set it with --max-results)"},
        }]
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
        "invocations": [invocation],
        "results": [_result(report, report.findings[i], index[report.findings[i].code], prints[i], root)
                    for i in shown],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
