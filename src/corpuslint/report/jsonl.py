"""``--output-format jsonl``: one finding per line, each object as in the JSON format (a JSONL
record's finding at the record's file line, ``record_line``/``record_column`` inside it)."""

from __future__ import annotations

import json
from typing import TextIO

from . import Report
from .json_output import finding_dict


def render(report: Report) -> str:
    return "".join(json.dumps(finding_dict(f, report), ensure_ascii=False) + "\n" for f in report.shown_findings())


def write(report: Report, out: TextIO) -> None:
    """``render`` streamed: one line written per finding, nothing built whole."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    for f in report.shown_findings():
        out.write(encode(finding_dict(f, report)) + "\n")
