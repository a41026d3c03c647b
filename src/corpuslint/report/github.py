"""``--output-format github``: GitHub Actions workflow commands, one annotation per finding."""

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
    for f in report.findings:
        loc = f.location
        file = loc.path or "-"
        if loc.record is not None:
            message = f"[record {loc.record}] {f.message}"
        else:
            message = f.message
        for r in f.related[:3]:
            rl = r.location
            message += f"\n  related: {where(rl.path, rl.record, rl.line, rl.column)} {r.message}".rstrip()
        props = [f"file={_escape_prop(file)}", f"line={loc.line}", f"col={loc.column}"]
        if loc.record is None:
            props += [f"endLine={loc.end_line}", f"endColumn={loc.end_column}"]
        props.append(f"title={_escape_prop(f'{f.code} {f.name}')}")
        out.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_escape_data(message)}\n")
    return "".join(out)
