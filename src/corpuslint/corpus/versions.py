"""Version groups: documents that are versions or reprints of one article.

Groups come from three places, merged: explicit groups in the config (``version-groups`` lists,
or ``version-pattern``, a regex whose first group is the article key in the path), a JSONL field
(``jsonl-group``), and near-duplicate detection over the corpus (DUP's signatures). Within a
group, every pair of documents gets a paragraph alignment — the unit VER and TYP compare.
Pure: ``analyses.py`` gives it the corpus's features, the detected pairs and how to load and
align documents.
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import TYPE_CHECKING, Any, Callable, Iterable

from ..core.document import Document
from .results import ParagraphMatch, VersionGroup, VersionPair

if TYPE_CHECKING:
    from .model import DocFeatures

__all__ = ["ParagraphMatch", "VersionGroup", "VersionIndex", "VersionPair", "build_version_index"]


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
def explicit_keys(config: Any, feats: Iterable[DocFeatures]) -> dict[int, tuple[str, str]]:
    """order -> (group key, source) from config lists, the path pattern and JSONL fields."""
    feats = list(feats)
    keys: dict[int, tuple[str, str]] = {}
    by_rel: dict[str, list[DocFeatures]] = {}
    for f in feats if config.version_groups else ():  # (read only by the groups' members)
        if f.path:
            by_rel.setdefault(config.relpath(f.path), []).append(f)
    for i, group in enumerate(config.version_groups):
        for member in group:
            for f in by_rel.get(config.relpath(member), []):
                keys[f.order] = (f"config:{i}", "config")
    if config.version_pattern:
        pattern = re.compile(config.version_pattern)
        for f in feats:
            m = pattern.search(config.relpath(f.path)) if f.path else None
            if m and f.order not in keys:
                keys[f.order] = (f"pattern:{m.group(1) if m.groups() else m.group(0)}", "pattern")
    for f in feats:
        group = f.meta.get("group")
        if group is not None and f.order not in keys:
            keys[f.order] = (f"jsonl:{group}", "jsonl")
    return keys


def build_version_index(config: Any, feats: list[DocFeatures], detected: list[VersionPair],
                        features_of: Callable[[Document], DocFeatures],
                        load: Callable[[DocFeatures], Document],
                        align: Callable[[DocFeatures, DocFeatures, str], VersionPair]) -> VersionIndex:
    """Version groups from the explicit keys of ``feats`` (the run's documents and the context
    ones) and the ``detected`` near-duplicate pairs: connected components, each member paired
    with every other (a detected pair keeps its alignment, others are aligned by ``align``)."""
    ranked = sorted(feats, key=lambda f: (config.relpath(f.path) if f.path and f.path != "-" else "",
                                          int(f.meta.get("jsonl_line", 0) or 0)))
    rank = {f.order: i for i, f in enumerate(ranked)}  # path order (sorted() is stable)
    by_order = {f.order: f for f in feats}
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry, key=rank.__getitem__)] = min(rx, ry, key=rank.__getitem__)

    sources: dict[tuple[int, int], str] = {}
    keyed: dict[str, list[int]] = {}
    explicit = explicit_keys(config, feats)
    for order, (key, source) in explicit.items():
        keyed.setdefault(key, []).append(order)
    for members in keyed.values():
        members.sort(key=rank.__getitem__)
        for x, y in combinations(members, 2):
            union(x, y)
            sources[(x, y)] = explicit[x][1]
    found: dict[tuple[int, int], VersionPair] = {}
    for pair in detected:
        x, y = features_of(pair.a).order, features_of(pair.b).order
        union(x, y)
        found[(x, y)] = pair
        sources.setdefault((x, y), "near-duplicate")
    groups: dict[int, list[int]] = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    out_groups: list[VersionGroup] = []
    pairs: list[VersionPair] = []
    for root in sorted(groups, key=rank.__getitem__):
        members = sorted(groups[root], key=rank.__getitem__)
        if len(members) < 2:
            continue
        g = VersionGroup(key=by_order[root].id, members=[load(by_order[m]) for m in members])
        for x, y in combinations(members, 2):
            pair = found.get((x, y))
            if pair is None:
                pair = align(by_order[x], by_order[y], sources.get((x, y), "near-duplicate"))
            g.sources.add(pair.source)
            pairs.append(pair)
        out_groups.append(g)
    return VersionIndex(out_groups, pairs)
