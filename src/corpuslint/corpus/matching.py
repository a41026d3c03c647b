"""Paragraph alignment of two documents: which paragraph of one matches which of the other.

Best exact-Jaccard pairs first, one-to-one, at or above ``PARA_THRESHOLD``; then the parts of a
paragraph broken over several lines in one version (each part mostly contained in a paragraph
of the other) join that paragraph's match. Works on ``DocText`` (folded paragraphs re-read for
the pair); each document's inverted index is built once and kept on its ``DocText``, so a
document aligned with many partners is indexed once, not once per pair.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from .results import ParagraphMatch
from .signatures import DocText, jaccard, shingle_hashes

PARA_THRESHOLD = 0.5  # exact Jaccard from which two paragraphs are aligned as versions
CONTAINED = 0.8  # share of a broken-off part's shingles that must lie in the whole paragraph


@dataclass(frozen=True)
class Alignment:
    matches: tuple[ParagraphMatch, ...]
    share_a: float  # share of a's signed paragraphs matched
    share_b: float
    text_share_a: float  # share of a's signed folded characters in matched paragraphs
    text_share_b: float


class _Inverted:
    """Shingle hash -> paragraphs of one document, to score one paragraph against all at once."""

    def __init__(self, text: DocText, paras: list[int]) -> None:
        text.preload(paras)
        sets = [text.shingles(p) for p in paras]
        self.paras = paras
        self.sizes = np.array([len(s) for s in sets], dtype=np.int64)
        if sets:
            hashes = np.concatenate(sets)
            labels = np.repeat(np.arange(len(sets)), self.sizes)
            order = np.argsort(hashes, kind="stable")
            self.hashes, self.labels = hashes[order], labels[order]
        else:
            self.hashes = np.zeros(0, dtype=np.uint64)
            self.labels = np.zeros(0, dtype=np.int64)

    def intersection_matrix(self, sets: list[np.ndarray]) -> np.ndarray:
        """(len(sets), paragraphs) |s ∩ set_j| for every set s and paragraph j, all sets in one
        vectorised pass (one pass per set was mostly numpy's call overhead). A hash can occur in
        several paragraphs: every [lo, hi) range of the sorted index is expanded."""
        rows, cols = len(sets), len(self.paras)
        sizes = np.fromiter((len(x) for x in sets), dtype=np.int64, count=rows)
        if len(self.hashes) == 0 or rows == 0 or sizes.sum() == 0:
            return np.zeros((rows, cols), dtype=np.int64)
        q = np.concatenate(sets)
        label = np.repeat(np.arange(rows), sizes)
        lo = np.searchsorted(self.hashes, q, side="left")
        hi = np.searchsorted(self.hashes, q, side="right")
        hit = hi > lo
        lo, hi, label = lo[hit], hi[hit], label[hit]
        counts = hi - lo
        idx = np.repeat(lo - np.cumsum(np.concatenate([[0], counts[:-1]])), counts) + np.arange(counts.sum())
        cells = np.repeat(label, counts) * cols + self.labels[idx]
        return np.bincount(cells, minlength=rows * cols).reshape(rows, cols)


def queried(text: DocText, signed: list[int]) -> list[int]:
    """The paragraphs alignment looks at: the signed ones and short lines of n+ characters
    (a heading broken over two lines may join a match as a part, never alone)."""
    n = text.params.n
    return sorted(set(signed) | {i for i, t in enumerate(text.folded) if n <= len(t)})


def _inverted(text: DocText, signed: list[int]) -> _Inverted:
    inv = text.inverted
    if not isinstance(inv, _Inverted):
        inv = text.inverted = _Inverted(text, queried(text, signed))
    return inv


def _joined_set(text: DocText, parts: Iterable[int]) -> np.ndarray:
    h, _ = shingle_hashes(["".join(text.folded[p] for p in parts)], text.params.n)
    return np.unique(h)


def align(ta: DocText, pa: list[int], tb: DocText, pb: list[int]) -> Alignment:
    """Align two documents given their folded paragraphs and signed paragraph indices."""
    short_whole = 4 * ta.params.min_chars
    qa = queried(ta, pa)
    inv_b = _inverted(tb, pb)
    qb = inv_b.paras
    ta.preload(qa)
    signed_a, signed_b = set(pa), set(pb)
    scored: list[tuple[float, int, int]] = []
    contained_b: dict[int, list[tuple[float, int]]] = defaultdict(list)  # b part -> (share, a)
    contained_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
    sets = [ta.shingles(i) for i in qa]
    inter = inv_b.intersection_matrix(sets)
    sizes_b = inv_b.sizes.tolist()
    rows, cols = np.nonzero(inter)  # row by row, as a loop over qa would meet them
    for r, j_pos, c in zip(rows.tolist(), cols.tolist(), inter[rows, cols].tolist()):
        i, j = qa[r], qb[j_pos]
        long_i, long_j = i in signed_a, j in signed_b
        if not (long_i or long_j):
            continue
        size_a, size_b = len(sets[r]), sizes_b[j_pos]
        if long_i and long_j:
            sim = c / (size_a + size_b - c)
            if sim >= PARA_THRESHOLD:
                scored.append((sim, i, j))
        if long_i and c / size_b >= CONTAINED and (long_j or len(ta.folded[i]) < short_whole):
            contained_b[j].append((c / size_b, i))
        if long_j and c / size_a >= CONTAINED and (long_i or len(tb.folded[j]) < short_whole):
            contained_a[i].append((c / size_a, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    # Groups of parts: [a parts, b parts]; a plain match is one part on each side.
    groups: list[tuple[set[int], set[int]]] = []
    group_a: dict[int, int] = {}
    group_b: dict[int, int] = {}
    for sim, i, j in scored:
        if i not in group_a and j not in group_b:
            group_a[i] = group_b[j] = len(groups)
            groups.append(({i}, {j}))
    # Broken paragraphs: an unmatched part wholly inside a paragraph of the other side joins
    # that paragraph's match when it lies near it (a caption or two may sit between parts).
    for j, cands in sorted(contained_b.items()):
        if j not in group_b:
            _join(groups, group_a, group_b, max(cands, key=lambda t: (t[0], -t[1]))[1], j, qb)
    for i, cands in sorted(contained_a.items()):
        if i not in group_a:
            _join(groups, group_b, group_a, max(cands, key=lambda t: (t[0], -t[1]))[1], i, qa, swap=True)
    matches: list[ParagraphMatch] = []
    for parts_a_set, parts_b_set in groups:
        parts_a, parts_b = sorted(parts_a_set), sorted(parts_b_set)
        if len(parts_a) == 1 and len(parts_b) == 1:
            sim = jaccard(ta.shingles(parts_a[0]), tb.shingles(parts_b[0]))
        else:
            sim = jaccard(_joined_set(ta, parts_a), _joined_set(tb, parts_b))
        if sim >= PARA_THRESHOLD:
            matches.append(ParagraphMatch(parts_a[0], parts_b[0], sim, tuple(parts_a[1:]), tuple(parts_b[1:])))
    matches.sort(key=lambda m: (m.a, m.b))
    matched_a = {x for m in matches for x in m.a_parts}
    matched_b = {x for m in matches for x in m.b_parts}
    return Alignment(
        tuple(matches),
        len(matched_a & signed_a) / max(1, len(pa)), len(matched_b & signed_b) / max(1, len(pb)),
        _text_share(ta, pa, matched_a), _text_share(tb, pb, matched_b),
    )


def _join(groups: list[tuple[set[int], set[int]]], g_whole: dict[int, int], g_part: dict[int, int],
          whole: int, part: int, part_paras: list[int], swap: bool = False) -> None:
    """Add ``part`` (of one side) to the group of ``whole`` (a paragraph of the other side)."""
    side_whole, side_part = (1, 0) if swap else (0, 1)
    g = g_whole.get(whole)
    if g is None:
        g = g_whole[whole] = len(groups)
        groups.append((set(), set()))
        groups[g][side_whole].add(whole)
    parts = groups[g][side_part]
    if parts and min(abs(_rank(part_paras, part) - _rank(part_paras, x)) for x in parts) > 3:
        return
    parts.add(part)
    g_part[part] = g


def _rank(paras: list[int], p: int) -> int:
    return bisect.bisect_left(paras, p)


def _text_share(text: DocText, paras: list[int], matched: set[int]) -> float:
    total = sum(len(text.folded[p]) for p in paras)
    return sum(len(text.folded[p]) for p in paras if p in matched) / total if total else 0.0
