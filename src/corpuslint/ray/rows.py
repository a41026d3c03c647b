"""Findings as Dataset rows: the JSON contract's fields (``report.json_output``), one row per
finding, under a fixed Arrow schema so every block (and every Parquet shard) agrees. Positions
are as the finding has them (``finding_dict`` without a report): a JSONL record's finding keeps
its line in the record's text, not the record's line in the file."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from ..core.findings import Finding
from ..report.json_output import finding_dict

_LOCATION = [("path", pa.string()), ("record", pa.string()), ("line", pa.int64()), ("column", pa.int64()),
             ("end_line", pa.int64()), ("end_column", pa.int64()), ("record_line", pa.int64()),
             ("record_column", pa.int64())]
FINDING_SCHEMA = pa.schema([
    ("code", pa.string()), ("name", pa.string()), ("severity", pa.string()), ("message", pa.string()),
    *_LOCATION, ("start", pa.int64()), ("end", pa.int64()),
    ("related", pa.list_(pa.struct([*_LOCATION, ("message", pa.string())]))),
    ("fix", pa.struct([("applicability", pa.string()), ("message", pa.string()),
                       ("edits", pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64()),
                                                     ("content", pa.string())])))])),
])
# Columns that put the rows in the local engine's order and are then dropped: the document's
# position, then (start, end, code, message) as each document's findings are sorted, then
# whether the finding came from pass 1 or pass 2 and its place in that list (the local sort is
# stable over the document's own findings followed by its corpus findings).
HELPER_COLUMNS = ("_file", "_rec", "_source", "_index")
SORT_KEYS = ("_file", "_rec", "start", "end", "code", "message", "_source", "_index")
ROW_SCHEMA = pa.schema([*FINDING_SCHEMA, *(pa.field(c, pa.int64()) for c in HELPER_COLUMNS)])


def finding_rows(findings: Sequence[Finding], file: int, rec: int, *, source: int) -> pa.Table:
    rows = []
    for i, f in enumerate(findings):
        row = finding_dict(f)
        row.update({"_file": file, "_rec": rec, "_source": source, "_index": i})
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=ROW_SCHEMA)
