"""The shared corpus model: what corpus rules read, computed once per run and never per rule.

Per document (cached on first use): folded paragraphs and their signatures. Across documents
(cached on first use): version groups — which documents are versions or reprints of one article,
and how their paragraphs align. DUP builds them, VER/TYP/CHR read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from ..core.config import Config
from ..core.document import Document, Paragraph
from ..core.packs import PackStore
from .normalize import folded_paragraphs

if TYPE_CHECKING:
    from .versions import VersionIndex


@dataclass(eq=False)
class DocFeatures:
    """Per-document data every corpus rule may need; built lazily, once."""

    doc: Document
    order: int  # position of the document in the run (path order): decides "first copy"
    extra: dict[str, Any] = field(default_factory=dict, repr=False)  # rule-family caches

    @property
    def paragraphs(self) -> list[Paragraph]:
        return self.doc.paragraphs

    @property
    def folded(self) -> list[str]:
        """``fold`` of each paragraph, aligned with ``paragraphs``."""
        return folded_paragraphs(self.doc)


class Corpus:
    """All documents of a run plus the structures computed over them.

    ``targets`` are the documents the user asked about (findings are reported only on them);
    ``root`` is the corpus root (where the config was found) whose other files corpus rules may
    consult through the persisted index in ``cache_dir`` without re-reading them.
    """

    def __init__(self, config: Config, packs: PackStore, *, cache_dir: Path | None = None) -> None:
        self.config = config
        self.packs = packs
        self.root = config.root
        self.cache_dir = cache_dir
        self._features: dict[int, DocFeatures] = {}
        self.documents: list[Document] = []
        # Versions of the run's documents found in other files of the corpus root (through the
        # persisted index): read so VER and TYP can compare them, never reported on.
        self.context: list[Document] = []

    def add(self, doc: Document) -> DocFeatures:
        feats = self._features.get(id(doc))
        if feats is None:
            feats = DocFeatures(doc, len(self.documents))
            self._features[id(doc)] = feats
            self.documents.append(doc)
        return feats

    def features(self, doc: Document) -> DocFeatures:
        feats = self._features.get(id(doc))
        return feats if feats is not None else self.add(doc)

    def add_context(self, doc: Document) -> DocFeatures:
        feats = DocFeatures(doc, len(self.documents) + len(self.context))
        self._features[id(doc)] = feats
        self.context.append(doc)
        return feats

    def is_context(self, doc: Document) -> bool:
        return any(d is doc for d in self.context)

    def __iter__(self) -> Iterator[DocFeatures]:
        return (self._features[id(d)] for d in self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    @cached_property
    def versions(self) -> VersionIndex:
        """Version groups over the whole corpus, built once on first use."""
        from .versions import build_version_index

        return build_version_index(self)
