"""``--output-format github``: GitHub Actions workflow commands, one annotation per finding.

A JSONL record's finding is annotated at the record's line of the file. With ``--max-results``
the most severe findings are kept and a closing notice says how many were left out."""

from __future__ import annotations

from ..core.findings import Severity
from . import Report
from .text import where

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    out = []
    shown = report.shown()
    for i in shown:
        f = report.findings[i]
        loc = f.location
        file = loc.path or "-"
        pos = report.position(loc)
        if loc.record is not None:
            at = f" line {pos.record_line} col {pos.record_column}" if pos.in_record else ""
            message = f"[record {loc.record}{at}] {f.message}"
        else:
            message = f.message
        for r in f.related[:3]:
            rl = r.location
            message += f"\n  related: {where(rl.path, rl.record, rl.line, rl.column)} {r.message}".rstrip()
        props = [f"file={_escape_prop(file)}", f"line={pos.line}", f"col={pos.column}"]
        if loc.record is None:
            props += [f"endLine={pos.end_line}", f"endColumn={pos.end_column}"]
        props.append(f"title={_escape_prop(f'{f.code} {f.name}')}")
        out.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_escape_data(message)}\n")
    if len(shown) < len(report.findings):
        out.append(f"::notice title=corpuslint::{_escape_data(f'{len(report.findings) - len(shown)} more findings not annotated (--max-results {report.max_results})')}\n")
    return "".join(out)
