"""Findings written as shards, by the workers: JSONL (one JSON contract finding a line, as the
``jsonl`` output format writes them) or Parquet (``rows.FINDING_SCHEMA``), for corpora whose
findings do not fit on the driver."""

from __future__ import annotations

import json

import pyarrow
import ray.data
from ray.data.block import BlockAccessor
from ray.data.datasource import BlockBasedFileDatasink

SHARD_FORMATS = ("jsonl", "parquet")


class JsonlFindings(BlockBasedFileDatasink):
    """JSONL shards written line by line from Arrow blocks (``write_json`` would go through
    pandas, which turns a missing line number into a float)."""

    def __init__(self, path: str) -> None:
        super().__init__(path, file_format="jsonl")

    def write_block_to_file(self, block: BlockAccessor, file: pyarrow.NativeFile) -> None:
        for row in block.to_arrow().to_pylist():
            file.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))


def write_findings(findings: ray.data.Dataset, folder: str, fmt: str = "jsonl") -> int:
    """Write ``findings`` (``lint_dataset``'s rows) into ``folder``; returns how many."""
    if fmt not in SHARD_FORMATS:
        raise ValueError(f"shard format must be one of {', '.join(SHARD_FORMATS)}, not {fmt!r}")
    findings = findings.materialize()
    if fmt == "parquet":
        findings.write_parquet(folder)
    else:
        findings.write_datasink(JsonlFindings(folder))
    return findings.count()
