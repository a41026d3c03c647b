"""The engine on Ray Data: pass 1 distributed, pass 2 on the driver with the local engine's code.

1. Pass 1 (``worker.Checker`` in ``map_batches`` actors, one rule set per actor): read, check,
   extract and sign every document; the result is materialised in the object store.
2. The driver gathers the compact features (signatures with their LSH band keys, what each
   corpus rule extracted) and spools the packed documents, orders them as the local engine
   does (source order, then record order) and fills a ``CorpusAnalyses`` through
   ``Corpus.append``.
3. Pass 2 is ``engine.corpus_pass``: the very code ``lint_paths`` runs — candidate pairs by
   sorted band keys, verification, deterministic components, version groups, template-line
   counts, the corpus rules' findings — so the findings are the local engine's by construction.
4. Findings: merged per document on the driver (``LintResult``, for the usual formats), or as a
   Dataset of rows (the JSON contract's fields) in which only the corpus findings came from the
   driver, sorted by Ray into the local engine's order (``findings_dataset``).
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
import ray
import ray.data

from ..core.config import Config
from ..core.findings import Finding
from ..corpus.analyses import CorpusAnalyses
from ..engine import Engine, LintResult, corpus_pass, merged
from ..load import expand_paths
from .cluster import cluster_cpus
from .rows import HELPER_COLUMNS, SORT_KEYS, finding_rows
from .worker import LINE, Checker

FILES_PER_BATCH = 8  # source files an actor reads and checks per batch
RECORDS_PER_BATCH = 256  # records per batch of a dataset of records


def read_paths(paths: Sequence[str], config: Config) -> ray.data.Dataset:
    """A Dataset of the sources under ``paths`` (files and JSONL files, expanded and ordered as
    the local engine expands them: config excludes apply): one row (``file``, ``path``) per
    source. The workers read them with the local engine's loader, so every worker must see the
    same paths (a local cluster, or a shared file system)."""
    files = expand_paths(paths, config)
    if "-" in files:
        raise ValueError("stdin (-) cannot be read on a Ray cluster")
    items = [{"file": i, "path": p} for i, p in enumerate(files)]
    return ray.data.from_items(items, override_num_blocks=max(1, min(len(items), 4 * cluster_cpus())))


def number_records(ds: ray.data.Dataset) -> ray.data.Dataset:
    """``ds`` with each row's 0-based position: what names a record without an id (``lineN``)
    and orders the records as ``Linter.lint_records`` orders them."""
    n = ds.count()
    return ds.zip(ray.data.range(n).rename_columns({"id": LINE}))


@dataclass
class Checked:
    """Pass 1 of a run, materialised, and pass 2's findings per document key."""

    engine: Engine
    rows: ray.data.Dataset  # worker.CHECKED_SCHEMA
    late: dict[str, list[Finding]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    paths: int = 0
    position: dict[str, tuple[int, int]] = field(default_factory=dict)  # doc key -> (file, rec)

    def result(self) -> LintResult:
        """Every finding on the driver, in the local engine's order."""
        docs: list[tuple[int, int, str, bytes]] = []
        for batch in self.rows.select_columns(["file", "rec", "key", "findings"]).iter_batches(batch_format="numpy"):
            docs.extend((f, r, k, b) for f, r, k, b in zip(batch["file"].tolist(), batch["rec"].tolist(),
                                                           batch["key"].tolist(), batch["findings"].tolist())
                        if r >= 0)
        docs.sort(key=lambda t: (t[0], t[1]))
        findings: list[Finding] = []
        late = dict(self.late)
        for _, _, key, blob in docs:
            own = pickle.loads(blob)
            extra = late.pop(key, None)
            findings.extend(merged(own, extra) if extra else own)
        return LintResult(findings, [], errors=list(self.errors), paths=self.paths)

    def findings_dataset(self) -> ray.data.Dataset:
        """Every finding as a Dataset row (``rows.FINDING_SCHEMA``), in the local engine's order."""
        own = self.rows.select_columns(["file", "rec", "findings"]).map_batches(_explode, batch_format="pyarrow")
        extra = []
        for key, found in self.late.items():
            file, rec = self.position[key]
            extra.append(finding_rows(found, file, rec, source=1))
        ds = own
        if extra:
            ds = own.union(ray.data.from_arrow(pa.concat_tables(extra)))
        return ds.sort(list(SORT_KEYS)).drop_columns(list(HELPER_COLUMNS))


def _explode(table: pa.Table) -> pa.Table:
    parts = [finding_rows(pickle.loads(b), f, r, source=0)
             for f, r, b in zip(table["file"].to_pylist(), table["rec"].to_pylist(), table["findings"].to_pylist())
             if r >= 0]
    return pa.concat_tables(parts) if parts else finding_rows([], 0, 0, source=0)


def check(engine: Engine, sources: ray.data.Dataset, *, records: bool = False, text_field: str = "text",
          id_field: str | None = "id", path_field: str | None = None, concurrency: int | None = None) -> Checked:
    """Run both passes of ``engine``'s rules over ``sources`` (``read_paths``, or records with a
    ``number_records`` position)."""
    actors = concurrency or cluster_cpus()
    rows = sources.map_batches(
        Checker, fn_constructor_kwargs={"config": engine.config, "text_field": text_field,
                                        "id_field": id_field, "path_field": path_field},
        batch_size=RECORDS_PER_BATCH if records else FILES_PER_BATCH, batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(min_size=1, max_size=actors), num_cpus=1,
    ).materialize()
    out = Checked(engine, rows)
    corpus = engine.new_corpus()
    gathered: list[tuple[int, int, Any]] = []
    seen: set[str | None] = set()
    columns = ["file", "rec", "key", "path", "features", "doc", "folded", "error"]
    for batch in rows.select_columns(columns).iter_batches(batch_format="numpy"):
        for file, rec, key, path, feats, doc, folded, error in zip(*(batch[c].tolist() for c in columns)):
            if rec < 0:
                gathered.append((file, rec, error))
                continue
            seen.add(path)
            # two documents with one key (a JSONL id used twice): the first gets the corpus
            # findings of both, as in the local engine
            out.position[key] = min(out.position.get(key, (file, rec)), (file, rec))
            if corpus is not None and feats:
                features = pickle.loads(feats)
                features.ref = corpus.spool.put_raw(doc)
                features.folded_ref = corpus.spool.put_raw(folded)
                gathered.append((file, rec, features))
    gathered.sort(key=lambda t: (t[0], t[1]))
    out.errors = [x for _, rec, x in gathered if rec < 0]
    out.paths = len(seen)
    if corpus is not None:
        for _, rec, features in gathered:
            if rec >= 0:
                corpus.append(features)
        out.late = _corpus_phase(engine, corpus)
    return out


def _corpus_phase(engine: Engine, corpus: CorpusAnalyses) -> dict[str, list[Finding]]:
    try:
        return corpus_pass(engine, corpus)
    finally:
        corpus.close()
