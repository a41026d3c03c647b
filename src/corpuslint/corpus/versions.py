"""Version groups: documents that are versions or reprints of one article.

Groups come from three places, merged: explicit groups in the config (``version-groups`` lists,
or ``version-pattern``, a regex whose first group is the article key in the path), a JSONL field
(``jsonl-group``), and near-duplicate detection over the corpus (DUP's signatures). Within a
group, every pair of documents gets a paragraph alignment — the unit VER and TYP compare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from ..core.document import Document

if TYPE_CHECKING:
    from .model import Corpus


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


class VersionIndex:
    def __init__(self, groups: list[VersionGroup], pairs: list[VersionPair]) -> None:
        self.groups = groups
        self._pairs = pairs
        self._group_of = {id(d): g for g in groups for d in g.members}
        self._by_doc: dict[int, list[VersionPair]] = {}
        for p in pairs:
            self._by_doc.setdefault(id(p.a), []).append(p)
            self._by_doc.setdefault(id(p.b), []).append(p)

    def group_of(self, doc: Document) -> VersionGroup | None:
        return self._group_of.get(id(doc))

    def pairs(self) -> list[VersionPair]:
        return list(self._pairs)

    def partners(self, doc: Document) -> list[VersionPair]:
        return list(self._by_doc.get(id(doc), ()))

    def pair(self, a: Document, b: Document) -> VersionPair | None:
        for p in self._by_doc.get(id(a), ()):
            if p.b is b or p.a is b:
                return p
        return None


# -- building --------------------------------------------------------------------------------
def explicit_keys(corpus: Corpus) -> dict[int, tuple[str, str]]:
    """doc id -> (group key, source) from config lists, the path pattern and JSONL fields."""
    cfg = corpus.config
    keys: dict[int, tuple[str, str]] = {}
    by_rel: dict[str, list[Document]] = {}
    for doc in corpus.documents:
        if doc.path:
            by_rel.setdefault(cfg.relpath(doc.path), []).append(doc)
    for i, group in enumerate(cfg.version_groups):
        for member in group:
            for doc in by_rel.get(cfg.relpath(member), []):
                keys[id(doc)] = (f"config:{i}", "config")
    if cfg.version_pattern:
        pattern = re.compile(cfg.version_pattern)
        for doc in corpus.documents:
            m = pattern.search(cfg.relpath(doc.path)) if doc.path else None
            if m and id(doc) not in keys:
                keys[id(doc)] = (f"pattern:{m.group(1) if m.groups() else m.group(0)}", "pattern")
    for doc in corpus.documents:
        group = doc.meta.get("group")
        if group is not None and id(doc) not in keys:
            keys[id(doc)] = (f"jsonl:{group}", "jsonl")
    return keys


def build_version_index(corpus: Corpus) -> VersionIndex:
    from .similarity import align_paragraphs, near_duplicate_documents

    external = _external_versions(corpus)
    everything = sorted(
        [*corpus.documents, *corpus.context],
        key=lambda d: (corpus.config.relpath(d.path) if d.path and d.path != "-" else "",
                       int(d.meta.get("jsonl_line", 0) or 0)),
    )  # path order, context documents among the run's (sorted() is stable for equal keys)
    order = {id(d): i for i, d in enumerate(everything)}
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry, key=lambda r: order[r])] = min(rx, ry, key=lambda r: order[r])

    sources: dict[tuple[int, int], str] = {}
    keyed: dict[str, list[int]] = {}
    explicit = explicit_keys(corpus)
    for doc_id, (key, source) in explicit.items():
        keyed.setdefault(key, []).append(doc_id)
    for members in keyed.values():
        members.sort(key=order.__getitem__)
        for x, y in combinations(members, 2):
            union(x, y)
            sources[(x, y)] = explicit[x][1]

    docs_by_id = {id(d): d for d in everything}
    detected = {}
    for pair in near_duplicate_documents(corpus) + external:
        x, y = id(pair.a), id(pair.b)
        union(x, y)
        detected[(x, y)] = pair
        sources.setdefault((x, y), "near-duplicate")

    groups: dict[int, VersionGroup] = {}
    for x in parent:
        root = find(x)
        g = groups.setdefault(root, VersionGroup(key=docs_by_id[root].id))
        g.members.append(docs_by_id[x])
    for g in groups.values():
        g.members.sort(key=lambda d: order[id(d)])
    pairs: list[VersionPair] = []
    for g in sorted(groups.values(), key=lambda g: order[id(g.members[0])]):
        if len(g.members) < 2:
            continue
        for a, b in combinations(g.members, 2):
            key = (id(a), id(b))
            if key in detected:
                pair = detected[key]
            else:
                fa, fb = corpus.features(a), corpus.features(b)
                pair = align_paragraphs(fa, fb, source=sources.get(key, "near-duplicate"))
            g.sources.add(pair.source)
            pairs.append(pair)
    return VersionIndex([g for g in groups.values() if len(g.members) > 1], pairs)


def _external_versions(corpus: Corpus) -> list[VersionPair]:
    """Versions of the run's documents among the other files of the corpus root, found by the
    persisted signature index (only when the cache is on). Each such file is read once and added
    to the corpus as context, so a pre-commit check of one changed file still compares it with
    its other versions; findings are never reported on context documents."""
    if corpus.cache_dir is None or corpus.root is None:
        return []
    from ..load import SourceError, read_source
    from .index import duplicates_with_index
    from .similarity import align_paragraphs

    pairs: list[VersionPair] = []
    loaded: dict[tuple[str | None, str | None], Document | None] = {}
    for m in duplicates_with_index(corpus).documents:
        if (m.a.doc is None) == (m.b.doc is None):
            continue  # both in the run (near_duplicate_documents has them) or both outside
        outside = m.a if m.a.doc is None else m.b
        key = (outside.path, outside.record)
        if key not in loaded:
            loaded[key] = None
            try:
                found = [d for d in read_source(str(outside.path), corpus.config)
                         if d.record == outside.record and d.decode_error is None]
            except SourceError:
                found = []
            if found:
                loaded[key] = found[0]
                corpus.add_context(found[0])
        doc = loaded[key]
        if doc is None:
            continue
        inside = m.b.doc if m.a.doc is None else m.a.doc
        assert inside is not None
        # The earlier document (path order) is ``a``, as for pairs inside the run.
        first, second = sorted((inside, doc), key=lambda d: corpus.config.relpath(d.path or ""))
        pairs.append(align_paragraphs(corpus.features(first), corpus.features(second),
                                      source="near-duplicate"))
    return pairs
