"""Pass 1 on Ray: the callable class that ``map_batches`` runs in each worker actor.

An actor builds the rule set once (packs compiled once per actor, as a ``-j N`` worker does) and
then, for every batch, turns rows into documents, runs the engine's own pass 1 on them
(``engine.DocumentPass``: document rules, inline suppressions, ``CorpusRule.extract``,
signatures) and returns one row per document: its filtered findings, its features and, when
corpus rules are enabled, the document packed as the spool stores it (the driver spools it, so
the corpus phase re-reads exactly what the document rules saw, wherever the actor ran).

Two kinds of input rows: a source file (``file``, ``path``: read here by the local engine's
loader, so decoding, JSONL records and ids are the same) or a record (its position ``LINE``
plus the text and id fields, built as ``Linter.lint_records`` builds them).
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np
import pyarrow as pa

from ..core.config import Config
from ..corpus.model import FeatureBuilder, corpus_settings
from ..corpus.spool import Ref, Spool
from ..engine import DocumentPass, RuleSet
from ..late_findings import doc_key
from ..load import SourceError, read_source, record_document

ROWS_PER_TABLE = 256  # documents per output block
LINE = "_corpuslint_pos"  # the 0-based position lint_dataset gives each record

# One row per document (or per unreadable source: ``rec`` -1 and ``error``).
CHECKED_SCHEMA = pa.schema([
    ("file", pa.int64()),  # position of the source (or of the record) in the run
    ("rec", pa.int64()),  # position of the document in its source
    ("key", pa.string()),  # engine.doc_key(path, record)
    ("path", pa.string()),
    ("findings", pa.binary()),  # pickled list[Finding], filtered and sorted
    ("features", pa.binary()),  # pickled DocFeatures; empty when it takes no part in the corpus phase
    ("doc", pa.binary()),  # the document as a spool packs it; empty without features
    ("folded", pa.binary()),  # its folded paragraphs as a spool packs them
    ("error", pa.string()),
])


class _Packer(Spool):
    """The spool of an actor: packs each document (and its folded paragraphs) exactly as a spool
    writes them, but keeps the bytes for the driver, whose spool takes them (``put_raw``)."""

    def __init__(self) -> None:  # no folder: nothing is written here
        self.packed: list[bytes] = []

    def _write(self, data: bytes) -> Ref:
        self.packed.append(data)
        return (-1, len(self.packed) - 1, len(data))

    def sync(self) -> None:
        pass

    def close(self) -> None:
        self.packed.clear()


class Checker:
    """``map_batches`` callable: built once per actor, called once per batch."""

    def __init__(self, config: Config, text_field: str = "text", id_field: str | None = "id",
                 path_field: str | None = None) -> None:
        self.config = config
        self.text_field, self.id_field, self.path_field = text_field, id_field, path_field
        self.rules = RuleSet(config)
        self.packer = _Packer()
        self.builder = None
        if self.rules.corpus_rules:
            settings, banding, _ = corpus_settings(self.rules.duplicate_options(), False)
            self.builder = FeatureBuilder(settings, banding, self.packer)
        self.one = DocumentPass(self.rules, None, self.builder)

    def __call__(self, batch: Mapping[str, np.ndarray]) -> Iterator[pa.Table]:
        """The batch's documents, a table every ``ROWS_PER_TABLE`` of them (a JSONL shard of a
        million records becomes many blocks, not one)."""
        checked: list[tuple[int, int, Any]] = []
        for item in self._documents(batch):
            checked.append(item)
            if len(checked) >= ROWS_PER_TABLE:
                yield self._table(checked)
                checked = []
        if checked:
            yield self._table(checked)

    def _documents(self, batch: Mapping[str, np.ndarray]) -> Iterator[tuple[int, int, Any]]:
        """(file, rec, Checked) per document, or (file, -1, (path, error)) per unreadable source."""
        if LINE not in batch:
            for file, path in zip(batch["file"].tolist(), batch["path"].tolist()):
                try:
                    docs = read_source(str(path), self.config)
                except SourceError as exc:
                    yield file, -1, (str(path), str(exc))
                    continue
                for rec, doc in enumerate(docs):
                    yield file, rec, self.one.run(doc, False)
            return
        for i, pos in enumerate(batch[LINE].tolist()):
            record = {k: _plain(v[i]) for k, v in batch.items() if k != LINE}
            path = record.get(self.path_field) if self.path_field else None
            doc = record_document(record, path=None if path is None else str(path), line_no=int(pos) + 1,
                                  config=self.config, text_field=self.text_field, id_field=self.id_field)
            yield int(pos), 0, self.one.run(doc, False)

    def _table(self, checked: list[tuple[int, int, Any]]) -> pa.Table:
        if self.builder is not None:
            self.builder.flush()  # signs the documents added since the last table
        rows = []
        for file, rec, c in checked:
            if rec < 0:
                rows.append(_row(file, rec, "", c[0], error=c[1]))
                continue
            doc_blob = folded_blob = b""
            if c.features is not None:
                assert c.features.ref is not None and c.features.folded_ref is not None
                doc_blob = self.packer.packed[c.features.ref[1]]
                folded_blob = self.packer.packed[c.features.folded_ref[1]]
                c.features.ref = c.features.folded_ref = None  # the driver's spool gives the real ones
            rows.append(_row(file, rec, c.key, c.path, findings=c.findings, features=c.features, doc=doc_blob,
                             folded=folded_blob))
        self.packer.packed.clear()
        return pa.Table.from_pylist(rows, schema=CHECKED_SCHEMA)


def _row(file: int, rec: int, key: str, path: str | None, *, findings: list | None = None,
         features: Any = None, doc: bytes = b"", folded: bytes = b"", error: str | None = None) -> dict[str, Any]:
    return {"file": int(file), "rec": int(rec), "key": key or doc_key(path, None), "path": path,
            "findings": pickle.dumps(findings or [], protocol=pickle.HIGHEST_PROTOCOL),
            "features": b"" if features is None else pickle.dumps(features, protocol=pickle.HIGHEST_PROTOCOL),
            "doc": doc, "folded": folded, "error": error}


def _plain(value: Any) -> Any:
    """A numpy scalar of a batch as the Python value a JSON record would hold."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return value
