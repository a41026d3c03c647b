"""The corpus layer's result types: what duplicate detection and version grouping produce and
rules read. Plain data, no algorithms; every other corpus module imports from here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..core.document import Document
from ..core.findings import Location
from .signatures import DocSignature


@dataclass(frozen=True, slots=True)
class ParagraphMatch:
    a: int  # paragraph index in the pair's first document
    b: int  # paragraph index in the second
    similarity: float  # exact Jaccard of the folded paragraphs' shingle sets (of all parts)
    # A paragraph broken over several lines in one version (a line break mid-sentence, maybe
    # with a caption between the halves) matches one paragraph of the other version: the further
    # parts, in document order, are listed here; ``a``/``b`` is always the first part.
    a_extra: tuple[int, ...] = ()
    b_extra: tuple[int, ...] = ()

    @property
    def a_parts(self) -> tuple[int, ...]:
        return (self.a, *self.a_extra)

    @property
    def b_parts(self) -> tuple[int, ...]:
        return (self.b, *self.b_extra)

    def swapped(self) -> ParagraphMatch:
        return ParagraphMatch(self.b, self.a, self.similarity, self.b_extra, self.a_extra)


@dataclass(frozen=True)
class VersionPair:
    a: Document  # earlier in corpus order
    b: Document
    matches: tuple[ParagraphMatch, ...]
    share_a: float  # share of a's (long enough) paragraphs matched in b
    share_b: float
    source: str  # "near-duplicate" | "config" | "jsonl" | "pattern"
    # Share of a's (long enough) folded characters that are in matched paragraphs: what decides
    # that two documents are near-duplicates (a long article outweighs a shared footer).
    text_share_a: float = 0.0
    text_share_b: float = 0.0

    def match_of_a(self, index: int) -> ParagraphMatch | None:
        """The match holding paragraph ``index`` of ``a`` (as its first or a further part)."""
        for m in self.matches:
            if index == m.a or index in m.a_extra:
                return m
        return None

    def match_of_b(self, index: int) -> ParagraphMatch | None:
        for m in self.matches:
            if index == m.b or index in m.b_extra:
                return m
        return None


@dataclass
class VersionGroup:
    key: str
    members: list[Document] = field(default_factory=list)  # in corpus order; the first is the original
    sources: set[str] = field(default_factory=set)


@dataclass(eq=False)
class Entry:
    """A document in duplicate detection: one of the run (``loader`` re-reads it) or one known
    only from the persisted index (``folded`` holds its folded paragraphs as stored there).
    Paragraph positions come from the signature, so locating a copy reads no text."""

    id: str
    path: str | None
    record: str | None
    order: tuple
    sig: DocSignature
    loader: Callable[[], Document] | None = None
    folded: list[str] | None = None
    folded_loader: Callable[[], list[str]] | None = None  # re-reads the run's folded paragraphs
    key: object = None  # identifies the document across Entry objects (caches of its text)
    index: int = -1  # position in ``Duplicates.entries``

    @property
    def in_run(self) -> bool:
        return self.loader is not None

    @property
    def doc(self) -> Document | None:
        """The run's document (re-read on demand), or None for an indexed file."""
        return self.loader() if self.loader is not None else None

    def line(self, para: int) -> int:
        return self.sig.span(para)[0]

    def location(self, para: int) -> Location:
        line, start, end, col = self.sig.span(para)
        return Location.in_line(self.path, self.record, start, end, line, col)

    def name(self) -> str:
        return self.id


@dataclass(frozen=True, slots=True)
class PairHit:
    other: int  # representative id of the partner paragraph text
    estimated: float  # MinHash estimate
    exact: float  # exact Jaccard of the shingle sets


@dataclass(eq=False)
class DocMatch:
    """Two near-duplicate documents and their paragraph alignment."""

    a: Entry
    b: Entry
    matches: tuple[ParagraphMatch, ...]
    share_a: float
    share_b: float
    text_share_a: float
    text_share_b: float
    # Matched as whole texts (re-wrapped versions): shares are of the whole text's shingles.
    whole_text: bool = False

    def version_pair(self, source: str = "near-duplicate") -> VersionPair:
        a, b = self.a.doc, self.b.doc
        assert a is not None and b is not None
        return VersionPair(a, b, self.matches, self.share_a, self.share_b, source,
                           self.text_share_a, self.text_share_b)

    def swapped(self) -> DocMatch:
        return DocMatch(self.b, self.a, tuple(m.swapped() for m in self.matches), self.share_b,
                        self.share_a, self.text_share_b, self.text_share_a, self.whole_text)
