"""``--output-format jsonl``: one finding per line, each object as in the JSON format."""

from __future__ import annotations

import json

from . import Report
from .json_output import finding_dict


def render(report: Report) -> str:
    return "".join(json.dumps(finding_dict(f), ensure_ascii=False) + "\n" for f in report.findings)
