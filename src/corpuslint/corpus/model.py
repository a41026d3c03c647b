"""The corpus model: what the streaming pass keeps of every document, and nothing more.

``Corpus.add(doc)`` is called once per document as it streams by. It keeps a ``DocFeatures``:
the document's identity (id, path, record, the metadata version grouping reads), its signature
(paragraph lengths, hashes, spans and LSH band keys: ``signatures.DocSignature``), the compact
data each corpus rule extracted from it (``CorpusRule.extract``), and a reference into the
``Spool`` where its text waits in a temporary file. The ``Document`` itself is dropped.

Documents are signed in batches (one vectorised pass per ``SIGN_BATCH`` documents) and re-read
on demand by ``document(feats)``: while any caller holds a re-read document, asking again gives
the same object (identity-keyed caches of VER and the version groups rely on it), and the last
``KEEP_LOADED`` ones stay loaded.

The analyses computed over the whole corpus (duplicates, version groups, the persisted index's
lines) live in ``analyses.py``, which extends this class; this module reads no analysis.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from ..core.config import Config
from ..core.document import Document
from ..core.packs import PackStore
from .normalize import folded_paragraphs
from .signatures import Banding, DocSignature, paragraph_spans, sign_many
from .similarity import Settings, settings_from_options
from .spool import Ref, Spool

SIGN_BATCH = 256
KEEP_LOADED = 64
# Files outside the run are found through paragraphs at least this similar (LSH tuned 0.1
# lower); a rule threshold below it lowers it. Version paragraphs are mostly far above it, and
# one shared paragraph is enough to load a document and align it exactly at 0.5.
INDEX_THRESHOLD = 0.7


@dataclass(eq=False)
class DocFeatures:
    """What the corpus phase knows of one document without re-reading it."""

    order: int  # position of the document in the run (-1 until the corpus takes it)
    id: str
    path: str | None
    record: str | None
    meta: Mapping[str, Any]
    ref: Ref | None  # where the spool keeps its text (None: held in memory)
    folded_ref: Ref | None = None  # where the spool keeps its folded paragraphs
    content_hash: str | None = None
    sig: DocSignature | None = None
    data: dict[str, Any] = field(default_factory=dict)  # rule code -> what the rule extracted
    suppressions: Any = None  # the document's inline suppressions (the engine's), if any
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # analyses' caches of loaded documents


def corpus_settings(duplicate_options: Sequence[tuple[str, Mapping[str, Any]]], with_index: bool
                    ) -> tuple[Settings, Banding, float]:
    """Signature settings, banding and the persisted index's threshold for a run."""
    settings = settings_from_options(duplicate_options)
    index_threshold = min([INDEX_THRESHOLD, *(float(o["threshold"]) for role, o in duplicate_options
                                              if role != "document" and "threshold" in o)])
    return settings, settings.banding(index_threshold if with_index else None), index_threshold


class FeatureBuilder:
    """Turns documents into features: spools each one and signs them in batches. Runs wherever
    the documents are read (the main process, or each worker of ``-j N``)."""

    def __init__(self, settings: Settings, banding: Banding, spool: Spool) -> None:
        self.settings = settings
        self.banding = banding
        self.spool = spool
        self._pending: list[tuple[DocFeatures, list[str], Any]] = []

    def add(self, doc: Document, data: Mapping[str, Any] | None = None, suppressions: Any = None) -> DocFeatures:
        folded = folded_paragraphs(doc)
        feats = DocFeatures(-1, doc.id, doc.path, doc.record, _meta(doc), self.spool.put(doc),
                            self.spool.put_folded(folded), doc.content_hash, data=dict(data or {}),
                            suppressions=suppressions)
        self._pending.append((feats, folded, paragraph_spans(doc)))
        if len(self._pending) >= SIGN_BATCH:
            self.flush()
        return feats

    def flush(self) -> None:
        """Sign the documents added since the last flush."""
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        sigs = sign_many([f for _, f, _ in pending], self.settings.params, self.banding, [s for *_, s in pending])
        for (feats, _, _), sig in zip(pending, sigs):
            feats.sig = sig
        self.spool.sync()


class Corpus:
    """All documents of a run, as features, plus access to their text.

    ``root`` is the corpus root (where the config was found) whose other files corpus analyses
    may consult through the persisted index in ``cache_dir``; ``duplicate_options`` are the
    (role, options) of the rules that read duplicates (see ``similarity.settings_from_options``).
    """

    def __init__(self, config: Config, packs: PackStore, *, cache_dir: Path | None = None,
                 duplicate_options: Sequence[tuple[str, Mapping[str, Any]]] = ()) -> None:
        self.config = config
        self.packs = packs
        self.root = config.root
        self.cache_dir = cache_dir
        self.duplicate_options = list(duplicate_options)
        self.settings, self.banding, self.index_threshold = corpus_settings(self.duplicate_options, self.uses_index)
        self.features_list: list[DocFeatures] = []
        self.spool = Spool()
        self.builder = FeatureBuilder(self.settings, self.banding, self.spool)
        self._of: weakref.WeakKeyDictionary[Document, DocFeatures] = weakref.WeakKeyDictionary()
        self._live: weakref.WeakValueDictionary[int, Document] = weakref.WeakValueDictionary()
        self._recent: OrderedDict[int, Document] = OrderedDict()
        # Versions of the run's documents found in other files of the corpus root (through the
        # persisted index): read so VER and TYP can compare them, never reported on.
        self.context: list[Document] = []
        self._context_ids: set[int] = set()

    @property
    def uses_index(self) -> bool:
        return self.cache_dir is not None and self.root is not None

    # -- the streaming pass --------------------------------------------------------------------
    def add(self, doc: Document, data: Mapping[str, Any] | None = None, suppressions: Any = None) -> DocFeatures:
        """Keep a document's features (``data``: what each corpus rule extracted from it)."""
        feats = self._of.get(doc)
        if feats is not None:
            return feats
        feats = self.append(self.builder.add(doc, data, suppressions))
        self.remember(doc, feats)
        return feats

    def append(self, feats: DocFeatures) -> DocFeatures:
        """Take features built elsewhere (a worker's ``FeatureBuilder`` on this spool's folder)."""
        feats.order = len(self.features_list)
        self.features_list.append(feats)
        return feats

    def add_context(self, doc: Document) -> DocFeatures:
        feats = DocFeatures(len(self.features_list) + len(self.context), doc.id, doc.path, doc.record,
                            _meta(doc), None, None, doc.content_hash)
        self.remember(doc, feats)
        self.context.append(doc)
        self._context_ids.add(id(doc))
        feats.sig = sign_many([folded_paragraphs(doc)], self.settings.params, self.banding,
                              [paragraph_spans(doc)])[0]
        return feats

    def flush(self) -> None:
        self.builder.flush()

    # -- reading -------------------------------------------------------------------------------
    def __iter__(self) -> Iterator[DocFeatures]:
        self.flush()
        return iter(self.features_list)

    def __len__(self) -> int:
        return len(self.features_list)

    def features(self, doc: Document) -> DocFeatures:
        feats = self._of.get(doc)
        return feats if feats is not None else self.add(doc)

    def document(self, feats: DocFeatures) -> Document:
        """The document of ``feats``, re-read from the spool unless it is still loaded."""
        doc = self._live.get(feats.order)
        if doc is None:
            if feats.ref is None:
                raise LookupError(f"{feats.id}: document not kept")
            doc = self.spool.get(feats.ref)
            self.remember(doc, feats)
        self._recent[feats.order] = doc
        self._recent.move_to_end(feats.order)
        if len(self._recent) > KEEP_LOADED:
            self._recent.popitem(last=False)
        return doc

    def folded(self, feats: DocFeatures) -> list[str]:
        """The folded paragraphs of ``feats``' document, without re-reading the document."""
        if feats.folded_ref is None:
            return folded_paragraphs(self.document(feats))
        return self.spool.get_folded(feats.folded_ref)

    def documents(self) -> Iterator[Document]:
        """Every document of the run, re-read one at a time, in run order."""
        for feats in self:
            yield self.document(feats)

    def is_context(self, doc: Document) -> bool:
        return id(doc) in self._context_ids and any(d is doc for d in self.context)

    def remember(self, doc: Document, feats: DocFeatures) -> None:
        """Tie a loaded document to its features (the engine does so for documents linted elsewhere)."""
        self._of[doc] = feats
        self._live[feats.order] = doc

    def close(self) -> None:
        self.spool.close()


def _meta(doc: Document) -> dict[str, Any]:
    """The metadata the corpus phase reads without the document (order and version groups)."""
    return {k: doc.meta[k] for k in ("jsonl_line", "group") if k in doc.meta}
