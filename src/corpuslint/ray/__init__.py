"""The Ray Data engine (``pip install "corpuslint[ray]"``): the local engine's findings for a
corpus spread over a Ray cluster.

    import ray, corpuslint.ray as clr
    findings = clr.lint_dataset(ray.data.read_json("s3://bucket/shards/"), text_field="text")
    findings.write_parquet("findings/")

Document rules, corpus rules' extraction and signatures run in ``map_batches`` actors; the corpus
rules' global phase runs on the driver over the gathered features, with the same code as the
local engine (``run``). ``import ray`` in this package is the Ray library.
"""

from __future__ import annotations

try:
    import ray
    import ray.data
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("the Ray engine needs Ray: pip install 'corpuslint[ray]'") from exc

from collections.abc import Mapping, Sequence
from typing import Any

from ..api import Linter
from ..core.config import Config, discover_config
from ..engine import Engine, LintResult
from .cluster import connected
from .run import Checked, check, number_records, read_paths
from .shards import write_findings


def _engine(config: Config | Mapping[str, Any] | None, select: Sequence[str] | None,
            ignore: Sequence[str] | None, options: Mapping[str, Mapping[str, Any]] | None) -> Engine:
    return Linter(config, select=select, ignore=ignore, options=options).engine


def lint_dataset(ds: ray.data.Dataset, text_field: str = "text", id_field: str | None = "id", *,
                 path_field: str | None = None, config: Config | Mapping[str, Any] | None = None,
                 select: Sequence[str] | None = None, ignore: Sequence[str] | None = None,
                 options: Mapping[str, Mapping[str, Any]] | None = None) -> ray.data.Dataset:
    """The findings of a Dataset of records, one row per finding with the JSON contract's fields
    (``rows.FINDING_SCHEMA``): the findings of ``Linter.lint_documents`` over the same records
    in the same order (``load.record_document``; a record without ``id_field`` is named
    ``lineN`` by its 1-based position), each record's findings together and sorted as
    ``lint_paths`` sorts them. Runs on the connected cluster, else a local one for the call;
    sets the DataContext's ``preserve_order`` (the records are numbered in dataset order)."""
    engine = _engine(config, select, ignore, options)
    with connected():
        checked = check(engine, number_records(ds), records=True, text_field=text_field,
                        id_field=id_field, path_field=path_field)
        return checked.findings_dataset()


def lint_paths(paths: Sequence[str], *, config: Config | Mapping[str, Any] | None = None,
               select: Sequence[str] | None = None, ignore: Sequence[str] | None = None,
               address: str | None = None) -> LintResult:
    """``api.lint_paths`` on Ray: files and JSONL files under ``paths``, the findings on the driver.
    Connects to ``address`` (else ``RAY_ADDRESS``, else a local cluster for the call)."""
    engine = _engine(config if config is not None else discover_config(list(paths)), select, ignore, None)
    with connected(address):
        return check(engine, read_paths(list(paths), engine.config)).result()


def write_paths_findings(paths: Sequence[str], folder: str, fmt: str = "jsonl", *, config: Config | None = None,
                         address: str | None = None) -> tuple[int, LintResult]:
    """``corpuslint check --engine ray -o DIR``: the findings of ``paths`` written as shards into
    ``folder`` by the workers; returns how many, and the run's result without its findings."""
    engine = _engine(config if config is not None else discover_config(list(paths)), None, None, None)
    with connected(address):
        checked = check(engine, read_paths(list(paths), engine.config))
        count = write_findings(checked.findings_dataset(), folder, fmt)
    return count, LintResult([], [], errors=list(checked.errors), paths=checked.paths)


__all__ = ["Checked", "check", "connected", "lint_dataset", "lint_paths", "number_records", "read_paths",
           "write_findings", "write_paths_findings"]
