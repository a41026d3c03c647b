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
import xxhash

from ..core.bounded import BoundedCache
from ..core.compiled import compiled
from ..core.document import Document

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


def _datasketch_permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutation parameters for (num_perm, seed), compiled once: importing
    datasketch costs more than a small run (it pulls in scipy)."""
    return compiled("minhash-permutations", [], lambda: _datasketch_permutations(num_perm, seed),
                    extra=f"{num_perm}|{seed}|{_datasketch_version()}")


@lru_cache(maxsize=1)
def _datasketch_version() -> str:
    from importlib.metadata import version

    return version("datasketch")


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


def text_hashes(texts: Sequence[str]) -> np.ndarray:
    """A 64-bit hash of each text (xxh3): identical folded paragraphs are grouped by it, so the
    corpus phase needs no paragraph text (two distinct paragraphs share a hash with probability
    about n^2 / 2^65)."""
    return np.fromiter((xxhash.xxh3_64_intdigest(t.encode("utf-8", "surrogatepass")) for t in texts),
                       dtype=np.uint64, count=len(texts))


@dataclass(eq=False)
class DocSignature:
    """What the corpus phase keeps of one document's paragraphs: no text, only lengths, hashes
    and LSH band keys (a few hundred bytes per paragraph)."""

    params: SignatureParams
    lengths: np.ndarray  # int32: folded length of every paragraph
    hashes: np.ndarray  # uint64: hash of every folded paragraph
    signed: np.ndarray  # int64: indices of the paragraphs with a sketch (folded length >= min_chars)
    bands: np.ndarray  # (len(signed), b) uint32 LSH band keys of their MinHash (``narrow_keys``)
    spans: np.ndarray  # (paragraphs, 4) int64: line, start, end, column of every paragraph
    whole: np.ndarray | None = None  # band keys of the whole text's MinHash (None: text too short)
    extra_bands: np.ndarray | None = None  # keys of a second banding (the persisted index's)
    _row: dict[int, int] | None = field(default=None, repr=False)

    def span(self, para: int) -> list[int]:
        """(line, start, end, column) of a paragraph as Python ints."""
        return self.spans[para].tolist()  # type: ignore[no-any-return]

    def row(self, para: int) -> int | None:
        if self._row is None:
            self._row = {int(p): r for r, p in enumerate(self.signed.tolist())}
        return self._row.get(para)

    def has(self, para: int) -> bool:
        return self.row(para) is not None


# Shingle sets by (n, folded paragraph), shared by every DocText of the process: exact (a set
# depends on nothing else) and bounded (``core.bounded``; ~20 MB at most).
_SHARED_SETS: BoundedCache[tuple[int, str], np.ndarray] = BoundedCache(20_000)


class DocText:
    """A document's folded paragraphs, re-read for exact checks: shingle sets computed on demand
    and cached while this object lives."""

    def __init__(self, folded: list[str], params: SignatureParams) -> None:
        self.folded = folded
        self.params = params
        self._sets: dict[int, np.ndarray] = {}
        self.inverted: object | None = None  # similarity's per-document inverted index

    def shingles(self, para: int) -> np.ndarray:
        """Sorted unique 64-bit shingle hashes of a paragraph (read-only)."""
        s = self._sets.get(para)
        if s is None:
            self.preload([para])
            s = self._sets[para]
        return s

    def preload(self, paras: Sequence[int]) -> None:
        """Shingle sets of many paragraphs in one vectorised pass; a paragraph text met in an
        earlier document (boilerplate recurs in thousands) is taken from ``_SHARED_SETS``."""
        todo = []
        n = self.params.n
        for p in dict.fromkeys(paras):
            if p in self._sets:
                continue
            known = _SHARED_SETS.get((n, self.folded[p]))
            if known is not None:
                self._sets[p] = known
            else:
                todo.append(p)
        if not todo:
            return
        texts = list(dict.fromkeys(self.folded[p] for p in todo))  # a text repeated here: once
        h, off = shingle_hashes(texts, n)
        made = {}
        for k, t in enumerate(texts):
            s = made[t] = np.unique(h[off[k]:off[k + 1]])
            s.flags.writeable = False  # shared between documents
            _SHARED_SETS.put((n, t), s)
        for p in todo:
            self._sets[p] = made[self.folded[p]]

    def whole_set(self) -> np.ndarray:
        h, _ = shingle_hashes(["".join(self.folded)], self.params.n)
        return np.unique(h)


def band_keys(minhashes: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(k, bands) uint64 keys: a 64-bit hash of each band of each MinHash row (vectorised)."""
    k = minhashes.shape[0]
    if k == 0:
        return np.zeros((0, bands), dtype=np.uint64)
    m = minhashes[:, : bands * rows].astype(np.uint64).reshape(k, bands, rows)
    with np.errstate(over="ignore"):
        h = np.zeros((k, bands), dtype=np.uint64) + np.arange(bands, dtype=np.uint64)[None, :] * np.uint64(0x9E3779B97F4A7C15)
        for r in range(rows):
            h = _fmix64(h * np.uint64(0x100000001B3) + m[:, :, r] + np.uint64(1))
    return h


def paragraph_spans(doc: Document) -> np.ndarray:
    """(paragraphs, 4) array of each paragraph's line, start, end and 1-based column."""
    lines = doc.lines
    rows = [(p.line, p.start, p.end, p.start - lines[p.line - 1].start + 1) for p in doc.paragraphs]
    return np.array(rows, dtype=np.int64).reshape(len(rows), 4)


@dataclass(frozen=True)
class Banding:
    """How signatures are banded: the LSH banding, the whole-text banding (with the fewest
    shingles a text needs for it) and an optional second banding (the persisted index's)."""

    lsh: tuple[int, int]
    whole: tuple[int, int] | None = None
    whole_min: int = 0
    extra: tuple[int, int] | None = None


def narrow_keys(keys: np.ndarray) -> np.ndarray:
    """64-bit band keys folded to 32 bits for the run's own candidate search: half the memory
    of the features, and a chance collision only adds a candidate that exact verification
    drops (about n^2 / 2^33 per band). The persisted index keeps its 64-bit keys."""
    return (keys ^ (keys >> np.uint64(32))).astype(np.uint32)


def _at_least_distinct(hashes: np.ndarray, offsets: np.ndarray, k: int) -> np.ndarray:
    """For each run ``hashes[offsets[i]:offsets[i+1]]``: does it hold at least ``k`` distinct
    values? The first ``2k`` values of every long run are sorted at once (one call for all
    runs; a prefix with ``k`` distinct values settles it); a run shorter than ``2k``, or whose
    prefix falls short, is counted whole."""
    sizes = offsets[1:] - offsets[:-1]
    out = sizes >= k
    if k <= 1:
        return out
    width = 2 * k
    undecided = out & (sizes < width)
    long = np.nonzero(sizes >= width)[0]
    if len(long):
        prefix = np.sort(hashes[offsets[long][:, None] + np.arange(width)[None, :]], axis=1)
        short_of_k = 1 + np.count_nonzero(prefix[:, 1:] != prefix[:, :-1], axis=1) < k
        undecided[long[short_of_k]] = True
    for i in np.nonzero(undecided)[0].tolist():
        out[i] = len(np.unique(hashes[offsets[i]:offsets[i + 1]])) >= k
    return out


def _whole_minhashes(docs: Sequence[list[str]], signed: list[np.ndarray], wh: np.ndarray, wo: np.ndarray,
                     para_mh: np.ndarray, params: SignatureParams) -> np.ndarray:
    """The MinHash of every document's whole folded text (shingles ``wh``, runs ``wo``) from its
    signed paragraphs' MinHashes (``para_mh``, in document order): a MinHash is a minimum, and
    the n-grams of the whole are those of its signed paragraphs (each at least n characters)
    plus the rest (n-grams across paragraph ends, those of shorter paragraphs), which alone are
    permuted. Equal to ``minhash_matrix(wh, wo, ...)``, for about half its work."""
    n = params.n
    inside = np.zeros(len(wh) + 1, dtype=np.int64)
    firsts: list[int] = []
    for d, (f, s) in enumerate(zip(docs, signed)):
        if not len(s):
            continue
        at = np.zeros(len(f) + 1, dtype=np.int64)
        np.cumsum([len(t) for t in f], out=at[1:])
        firsts.extend((int(wo[d]) + at[s]).tolist())
        inside_ends = int(wo[d]) + at[s] + np.array([len(f[i]) for i in s.tolist()], dtype=np.int64) - n + 1
        np.add.at(inside, inside_ends, -1)
    np.add.at(inside, np.array(firsts, dtype=np.int64), 1)
    rest = np.cumsum(inside[:-1]) == 0
    kept = np.zeros(len(wh) + 1, dtype=np.int64)
    np.cumsum(rest, out=kept[1:])
    out = minhash_matrix(wh[rest], kept[wo], params.num_perm, params.seed)
    counts = np.fromiter((len(s) for s in signed), dtype=np.int64, count=len(signed))
    has = np.nonzero(counts)[0]
    if len(has):
        row_at = np.zeros(len(signed), dtype=np.int64)
        np.cumsum(counts[:-1], out=row_at[1:])
        out[has] = np.minimum(out[has], np.minimum.reduceat(para_mh, row_at[has], axis=0))
    return out


# MinHash rows and their narrow LSH band keys by (params, banding, folded paragraph), shared by
# every batch of the process: a boilerplate paragraph recurs in every batch (a batch dedupes
# only its own texts). Exact (a sketch depends on nothing else) and bounded (``core.bounded``;
# ~640 bytes an item at 128 permutations, ~13 MB at most).
_SKETCHES: BoundedCache[tuple[str, tuple[int, int], str], tuple[np.ndarray, np.ndarray]] = BoundedCache(20_000)


def _sketches(texts: list[str], params: SignatureParams, lsh: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """MinHash rows ((len(texts), num_perm) uint32) of distinct texts and their narrow band
    keys (``lsh`` banding): those sketched before from ``_SKETCHES``, the others together."""
    key = params.key
    known = [_SKETCHES.get((key, lsh, t)) for t in texts]
    todo = [i for i, k in enumerate(known) if k is None]
    if len(todo) == len(texts):
        hashes, offsets = shingle_hashes(texts, params.n)
        mh = minhash_matrix(hashes, offsets, params.num_perm, params.seed)
        bands = narrow_keys(band_keys(mh, *lsh))
    else:
        mh = np.empty((len(texts), params.num_perm), dtype=np.uint32)
        bands = np.empty((len(texts), lsh[0]), dtype=np.uint32)
        for i, k in enumerate(known):
            if k is not None:
                mh[i], bands[i] = k
        if todo:
            hashes, offsets = shingle_hashes([texts[i] for i in todo], params.n)
            new = minhash_matrix(hashes, offsets, params.num_perm, params.seed)
            mh[todo] = new
            bands[todo] = narrow_keys(band_keys(new, *lsh))
    for i in todo:
        row, keys = mh[i].copy(), bands[i].copy()
        row.flags.writeable = keys.flags.writeable = False
        _SKETCHES.put((key, lsh, texts[i]), (row, keys))
    return mh, bands


def sign_many(docs: Sequence[list[str]], params: SignatureParams, banding: Banding,
              spans: Sequence[np.ndarray]) -> list[DocSignature]:
    """Signatures of many documents at once (folded paragraphs and their spans): one hashing and
    MinHash pass over all their paragraphs (the per-call overhead of numpy dominates for small
    documents). With a whole-text banding, each document's whole folded text (line breaks
    erased) gets band keys too when it has at least ``whole_min`` shingles."""
    signed = [np.array([i for i, t in enumerate(f) if len(t) >= params.min_chars], dtype=np.int64)
              for f in docs]
    # Each distinct paragraph is hashed and sketched once: a boilerplate paragraph recurs in
    # many documents of a batch, and equal texts have equal sketches.
    rows: dict[str, int] = {}
    which = np.fromiter((rows.setdefault(f[i], len(rows)) for f, s in zip(docs, signed) for i in s.tolist()),
                        dtype=np.int64)
    mh, distinct_bands = _sketches(list(rows), params, banding.lsh)
    bands = distinct_bands[which]
    extra = band_keys(mh, *banding.extra)[which] if banding.extra is not None else None
    whole: list[np.ndarray | None] = [None] * len(docs)
    if banding.whole is not None:
        wh, wo = shingle_hashes(["".join(f) for f in docs], params.n)
        enough = _at_least_distinct(wh, wo, banding.whole_min)
        if params.min_chars >= params.n:
            wmh = _whole_minhashes(docs, signed, wh, wo, mh[which], params)
        else:  # a short signed paragraph is one shingle of its own, not an n-gram of the whole
            wmh = minhash_matrix(wh, wo, params.num_perm, params.seed)
        wm = narrow_keys(band_keys(wmh, *banding.whole))
        whole = [wm[i] if enough[i] else None for i in range(len(docs))]
    out: list[DocSignature] = []
    r = 0
    for d, (f, s) in enumerate(zip(docs, signed)):
        k = len(s)
        out.append(DocSignature(params, np.fromiter((len(t) for t in f), dtype=np.int32, count=len(f)),
                                text_hashes(f), s, bands[r:r + k], spans[d], whole[d],
                                extra[r:r + k] if extra is not None else None))
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
