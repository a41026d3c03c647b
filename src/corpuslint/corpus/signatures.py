"""Per-paragraph signatures: character n-gram shingles hashed in bulk, and MinHash sketches.

Everything is computed over ``fold``ed paragraphs (NFKC, traditional -> simplified, lower case,
whitespace and punctuation dropped, digits kept), so a traditional reprint shingles like its
simplified original and two versions that differ in a figure still share most shingles.

Speed: a document's paragraphs are concatenated into one array of code points, every n-gram of
it is hashed at once with numpy (a polynomial over the code points, mixed to 64 bits), n-grams
crossing a paragraph boundary are dropped, and the MinHash of every paragraph is one vectorised
``min`` over the permuted hashes (``np.minimum.reduceat``). The permutations are datasketch's
own ("affine32" scheme: ``a * fmix32(h) + b mod 2**32`` with the ``a, b`` of
``MinHash(num_perm, seed, scheme="affine32")``), so ``sketch(i)`` is exactly the ``LeanMinHash``
datasketch would build with ``update_batch`` over the same 32-bit shingle hashes, and
``MinHashLSH`` indexes it as usual.

The exact shingle set of a paragraph is its sorted, unique 64-bit shingle hashes; the "exact"
Jaccard of two paragraphs is computed on those (a 64-bit hash collision between two distinct
n-grams is the only way it can differ from the Jaccard of the n-gram strings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

import numpy as np
from datasketch import LeanMinHash, MinHash

SCHEME = "affine32"
_M64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_P = np.uint64(0x100000001B3)  # odd multiplier of the polynomial n-gram hash (FNV prime)
_CHUNK = 1 << 13  # shingles permuted at once: bounds the (num_perm, chunk) work array


@dataclass(frozen=True)
class SignatureParams:
    """What a signature depends on; two signatures compare only if their params are equal."""

    n: int = 5  # characters per shingle
    num_perm: int = 128  # MinHash permutations
    min_chars: int = 10  # folded paragraphs shorter than this get no sketch
    seed: int = 1

    @property
    def key(self) -> str:
        return f"n{self.n}.p{self.num_perm}.m{self.min_chars}.s{self.seed}"


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutation parameters for (num_perm, seed)."""
    a, b = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _fmix64(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def _fmix32(h: np.ndarray) -> np.ndarray:
    # The MurmurHash3 finalizer datasketch applies before its affine32 permutations.
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)


def shingle_hashes(texts: Sequence[str], n: int) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of the character n-grams of every text, concatenated, and the offsets of
    each text's run (``offsets[i]:offsets[i+1]``). A text shorter than ``n`` (but not empty) is
    one shingle: itself."""
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    counts = np.where(lengths >= n, lengths - n + 1, (lengths > 0).astype(np.int64))
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    if offsets[-1] == 0:
        return np.zeros(0, dtype=np.uint64), offsets
    cps = codepoints("".join(texts))
    starts = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    total = len(cps)
    with np.errstate(over="ignore"):
        # h[i] = hash of cps[i : i+n] for every i (positions near the end are padded with 0s).
        padded = np.concatenate([cps, np.zeros(n, dtype=np.uint64)])
        h = np.zeros(total, dtype=np.uint64)
        for k in range(n):
            h = h * _P + padded[k : k + total] + np.uint64(1)
        h = _fmix64(h ^ np.uint64(n))
        keep = np.zeros(total, dtype=bool)
        # Valid n-gram starts: i in [start, start + len - n] for each long-enough text.
        long = lengths >= n
        if long.any():
            marks = np.zeros(total + 1, dtype=np.int64)
            np.add.at(marks, starts[long], 1)
            np.add.at(marks, starts[long] + lengths[long] - n + 1, -1)
            keep = np.cumsum(marks[:-1]) > 0
        out = h[keep]
        short = np.nonzero((lengths > 0) & ~long)[0]
        if len(short):
            # Rare (texts shorter than n): hash each one whole and splice it in at its offset.
            vals = np.empty(len(short), dtype=np.uint64)
            for j, i in enumerate(short):
                s = int(starts[i])
                acc = np.zeros(1, dtype=np.uint64)
                for k in range(int(lengths[i])):
                    acc = acc * _P + cps[s + k : s + k + 1] + np.uint64(1)
                vals[j] = _fmix64(acc ^ np.uint64(int(lengths[i])))[0]
            out = np.insert(out, offsets[short] - np.arange(len(short)), vals)
    return out, offsets


def minhash_matrix(hashes: np.ndarray, offsets: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """(len(offsets) - 1, num_perm) uint32 MinHash values, one row per run of ``hashes``; an
    empty run gets the all-max row (datasketch's empty sketch)."""
    a, b = permutations(num_perm, seed)
    rows = len(offsets) - 1
    out = np.full((rows, num_perm), np.uint32(0xFFFFFFFF), dtype=np.uint32)
    if rows == 0 or len(hashes) == 0:
        return out
    h32 = _fmix32((hashes & np.uint64(0xFFFFFFFF)).astype(np.uint32))
    nonempty = np.nonzero(offsets[1:] > offsets[:-1])[0]
    a_col, b_col = a[:, None], b[:, None]
    buf = np.empty((num_perm, min(_CHUNK, len(hashes))), dtype=np.uint32)
    # Chunks of whole runs, so each reduceat segment lies inside one chunk. The work array is
    # (num_perm, shingles): each permutation's row is contiguous, which makes the per-run
    # ``minimum.reduceat`` along it fast.
    i = 0
    with np.errstate(over="ignore"):
        while i < len(nonempty):
            j = i
            lo = offsets[nonempty[i]]
            while j < len(nonempty) and (offsets[nonempty[j] + 1] - lo <= _CHUNK or j == i):
                j += 1
            rows_ix = nonempty[i:j]
            hi = offsets[rows_ix[-1] + 1]
            width = int(hi - lo)
            work = buf[:, :width] if width <= buf.shape[1] else np.empty((num_perm, width), dtype=np.uint32)
            np.multiply(a_col, h32[None, lo:hi], out=work)
            np.add(work, b_col, out=work)
            out[rows_ix] = np.minimum.reduceat(work, offsets[rows_ix] - lo, axis=1).T
            i = j
    return out


@dataclass(eq=False)
class DocSignature:
    """Signatures of one document's paragraphs (indices into ``doc.paragraphs``)."""

    params: SignatureParams
    folded: list[str]
    signed: np.ndarray  # paragraph indices with a sketch (folded length >= min_chars)
    hashes: np.ndarray  # 64-bit shingle hashes of the signed paragraphs, concatenated
    offsets: np.ndarray  # runs of ``hashes`` per signed paragraph
    minhashes: np.ndarray  # (len(signed), num_perm) uint32
    _row: dict[int, int] = field(default_factory=dict, repr=False)
    _sets: dict[int, np.ndarray] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._row = {int(p): r for r, p in enumerate(self.signed)}

    def has(self, para: int) -> bool:
        return para in self._row

    def shingles(self, para: int) -> np.ndarray:
        """Sorted unique 64-bit shingle hashes of a paragraph (computed on demand)."""
        s = self._sets.get(para)
        if s is None:
            r = self._row.get(para)
            if r is not None:
                s = np.unique(self.hashes[self.offsets[r] : self.offsets[r + 1]])
            else:
                h, _ = shingle_hashes([self.folded[para]], self.params.n)
                s = np.unique(h)
            self._sets[para] = s
        return s

    def minhash(self, para: int) -> np.ndarray:
        return self.minhashes[self._row[para]]

    def sketch(self, para: int) -> LeanMinHash:
        return LeanMinHash(seed=self.params.seed, hashvalues=self.minhash(para), scheme=SCHEME)


def sign_folded(folded: list[str], params: SignatureParams) -> DocSignature:
    return sign_many([folded], params)[0]


def sign_many(docs: Sequence[list[str]], params: SignatureParams) -> list[DocSignature]:
    """``sign_folded`` for many documents at once: one hashing and MinHash pass over all their
    paragraphs (the per-call overhead of numpy dominates for small documents)."""
    signed = [np.array([i for i, t in enumerate(f) if len(t) >= params.min_chars], dtype=np.int64)
              for f in docs]
    texts = [f[i] for f, s in zip(docs, signed) for i in s.tolist()]
    hashes, offsets = shingle_hashes(texts, params.n)
    mh = minhash_matrix(hashes, offsets, params.num_perm, params.seed)
    out: list[DocSignature] = []
    r = 0
    for f, s in zip(docs, signed):
        k = len(s)
        lo, hi = offsets[r], offsets[r + k]
        out.append(DocSignature(params, f, s, hashes[lo:hi], offsets[r : r + k + 1] - lo, mh[r : r + k]))
        r += k
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two sorted unique hash arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of ``a``'s shingles that are in ``b``."""
    if len(a) == 0:
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / len(a)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """MinHash estimate: share of equal sketch values."""
    return float(np.count_nonzero(a == b)) / len(a)
