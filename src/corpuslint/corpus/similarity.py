"""Paragraph similarity and near-duplicate documents (first version: exact shingle sets with an
inverted index; to be replaced by MinHash/LSH signatures from the DUP family)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from .versions import ParagraphMatch, VersionPair

if TYPE_CHECKING:
    from .model import Corpus, DocFeatures

SHINGLE = 5
MIN_CHARS = 10
PARA_THRESHOLD = 0.5
DOC_SHARE = 0.3


def shingles(text: str, n: int = SHINGLE) -> set[str]:
    if len(text) <= n:
        return {text} if text else set()
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _sets(f: DocFeatures) -> list[set[str]]:
    cached = f.extra.get("shingle_sets")
    if cached is None:
        cached = [shingles(t) if len(t) >= MIN_CHARS else set() for t in f.folded]
        f.extra["shingle_sets"] = cached
    return cached


def align_paragraphs(fa: DocFeatures, fb: DocFeatures, *, source: str) -> VersionPair:
    sa, sb = _sets(fa), _sets(fb)
    index: dict[str, list[int]] = defaultdict(list)
    for j, s in enumerate(sb):
        for g in s:
            index[g].append(j)
    matches = []
    used_b: set[int] = set()
    for i, s in enumerate(sa):
        if not s:
            continue
        counts: dict[int, int] = defaultdict(int)
        for g in s:
            for j in index.get(g, ()):
                counts[j] += 1
        best, best_sim = -1, 0.0
        for j, c in counts.items():
            sim = c / (len(s) + len(sb[j]) - c)
            if sim > best_sim and j not in used_b:
                best, best_sim = j, sim
        if best >= 0 and best_sim >= PARA_THRESHOLD:
            used_b.add(best)
            matches.append(ParagraphMatch(i, best, best_sim))
    na = sum(1 for s in sa if s) or 1
    nb = sum(1 for s in sb if s) or 1
    return VersionPair(fa.doc, fb.doc, tuple(matches), len(matches) / na, len(matches) / nb, source)


def near_duplicate_documents(corpus: Corpus) -> list[VersionPair]:
    feats = list(corpus)
    out = []
    for i, fa in enumerate(feats):
        for fb in feats[i + 1 :]:
            if fa.doc.decode_error or fb.doc.decode_error:
                continue
            pair = align_paragraphs(fa, fb, source="near-duplicate")
            if max(pair.share_a, pair.share_b) >= DOC_SHARE and len(pair.matches) >= 2:
                out.append(pair)
    return out
