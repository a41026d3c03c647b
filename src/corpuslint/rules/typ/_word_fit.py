"""TYP003's pre-filter: which suspects could have a candidate that makes a word, tested for a
whole document at once in numpy.

A replacement ``x`` of the character ``c`` between ``L`` and ``R`` can make a word of 2-4
characters (frequency >= ``WORD_MIN_FREQ``) through ``x`` only if ``Lx`` ends such a word,
``xR`` starts one, or ``LxR`` lies inside one of 3-4 characters: every word ``words_through``
can find is one of these. ``WordFit`` joins those pairs and triples with the channel's
candidate table once (compiled and cached on disk), into sorted integer keys of what the text
shows: (``L``, ``c``) when some candidate ``x`` of ``c`` ends a word after ``L``, (``c``, ``R``)
when one starts a word before ``R``, (``L``, ``c``, ``R``) when one lies inside a word between
them. A document's suspects are then three sorted look-ups. The test is a superset: a suspect
it drops has no candidate that ``words_through`` would find, whatever the rule's options (they
only remove candidates), so the findings are those of the full search.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

import numpy as np

_B = 16  # the text's side of every key is a BMP character: a pair fits in 32 bits, a triple in 48
_BMP = 1 << _B


@dataclass(frozen=True)
class WordFit:
    """Sorted keys of (neighbour, character) pairs (uint32) and (left, character, right)
    triples (uint64) for which some candidate of the character makes a word with the
    neighbour(s); BMP characters only (TYP003 questions BMP characters between CJK neighbours)."""

    lefts: np.ndarray  # L << 16 | c: some candidate x of c, "Lx" ends a word
    rights: np.ndarray  # c << 16 | R: some candidate x of c, "xR" starts a word
    middles: np.ndarray  # L << 32 | c << 16 | R: some candidate x of c, "LxR" lies inside a word

    @classmethod
    def build(cls, words: Iterable[str], candidates: Mapping[str, Iterable[str]]) -> "WordFit":
        """``words``: the words a replacement may make (2-4 characters); ``candidates``: observed
        character -> the characters it may stand for."""
        return cls.unpack(build_keys(words, candidates))

    @classmethod
    def unpack(cls, packed: np.ndarray) -> "WordFit":
        """The tables from ``build_keys``'s one uint32 array (views: a memory-mapped array
        stays so)."""
        packed = packed.view(np.ndarray)  # a plain array over the same memory: no memmap overhead per look-up
        a, b, c, start = (int(v) for v in packed[:4])
        return cls(packed[4:4 + a], packed[4 + a:4 + a + b], packed[start:start + 2 * c].view(np.uint64))

    def may_fit(self, chars: np.ndarray, lefts: np.ndarray, rights: np.ndarray) -> np.ndarray:
        """For each suspect (code points ``chars``, with neighbours ``lefts``/``rights``, 0 where
        the run ends): whether some candidate could make a word with the neighbours."""
        c, left, right = chars.astype(np.uint32), lefts.astype(np.uint32), rights.astype(np.uint32)
        b = np.uint32(_B)
        hit = _member(self.lefts, (left << b) | c) & (left != 0)
        hit |= _member(self.rights, (c << b) | right) & (right != 0)
        rest = ~hit & (left != 0) & (right != 0)
        if rest.any():
            wide = np.uint64(_B)
            hit[rest] = _member(self.middles, (left[rest].astype(np.uint64) << (wide + wide))
                                | (c[rest].astype(np.uint64) << wide) | right[rest])
        return hit


def fitting(fit: WordFit, cps: np.ndarray, suspects: np.ndarray, starts: np.ndarray,
            ends: np.ndarray) -> np.ndarray:
    """Which ``suspects`` (offsets into the code points ``cps``, inside CJK runs
    ``starts``/``ends``) stand in a run of 3+ characters and pass ``WordFit.may_fit`` with
    their neighbours in the run."""
    keep = ends - starts >= 3
    lefts = np.where(suspects > starts, cps[suspects - 1], 0)
    rights = np.where(suspects + 1 < ends, cps[np.minimum(suspects + 1, len(cps) - 1)], 0)
    return keep & fit.may_fit(cps[suspects], lefts, rights)


def build_keys(words: Iterable[str], candidates: Mapping[str, Iterable[str]]) -> np.ndarray:
    """``WordFit``'s three key tables in one uint32 array (their lengths and where the triples
    start, the pairs, the triples as pairs of uint32), to be cached on disk and read by memory
    map."""
    by_len: dict[int, list[str]] = {}
    for w in words:
        by_len.setdefault(len(w), []).append(w)
    ends, starts, inner = [], [], []
    for n, ws in by_len.items():
        cps = _code_points("".join(ws)).reshape(-1, n)
        starts.append(cps[:, :2])
        ends.append(cps[:, -2:])
        inner += [cps[:, k:k + 3] for k in range(n - 2)]
    end = _rows(ends, 2, 1)  # (L, x), by x
    start = _rows(starts, 2, 0)  # (x, R), by x
    mid = _rows(inner, 3, 1)  # (L, x, R), by x
    observed = [c for c in candidates if len(c) == 1]
    rows = ["".join(candidates[c]) for c in observed]
    cand = np.stack([np.repeat(_code_points("".join(observed)), [len(r) for r in rows]),
                     _code_points("".join(rows))], axis=1) if observed else np.zeros((0, 2), dtype=np.int64)
    # Join each (c, x) with the word pairs/triples holding x in the candidate's place.
    cand = cand[cand[:, 0] < _BMP]
    end, start = end[end[:, 0] < _BMP], start[start[:, 1] < _BMP]
    mid = mid[(mid[:, 0] < _BMP) & (mid[:, 2] < _BMP)]
    left_c, left_row = _join(cand, end[:, 1])
    start_c, start_row = _join(cand, start[:, 0])
    mid_c, mid_row = _join(cand, mid[:, 1])
    lefts = _distinct((end[:, 0][left_row] << _B) | left_c).astype(np.uint32)
    rights = _distinct((start_c << _B) | start[:, 1][start_row]).astype(np.uint32)
    middles = _distinct((mid[:, 0][mid_row] << 2 * _B) | (mid_c << _B) | mid[:, 2][mid_row])
    at = 4 + len(lefts) + len(rights)
    at += at % 2  # the triples start 8-byte aligned (the .npy data is)
    head = np.array([len(lefts), len(rights), len(middles), at], dtype=np.uint32)
    pad = np.zeros(at - 4 - len(lefts) - len(rights), dtype=np.uint32)
    return np.concatenate([head, lefts, rights, pad, middles.view(np.uint32)])


def _code_points(s: str) -> np.ndarray:
    return np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


def _rows(parts: list[np.ndarray], width: int, k: int) -> np.ndarray:
    """The distinct rows of ``width`` code points among ``parts``, ordered by column ``k``
    (each column contiguous)."""
    if not parts:
        return np.zeros((0, width), dtype=np.int64)
    rows = np.concatenate(parts)
    key = rows[:, 0]
    for j in range(1, width):
        key = (key << 21) | rows[:, j]  # any code point (words may hold non-BMP ones)
    _, first = np.unique(key, return_index=True)
    rows = rows[first]
    return np.asfortranarray(rows[np.argsort(rows[:, k], kind="stable")])


def _distinct(keys: np.ndarray) -> np.ndarray:
    """The sorted distinct values of non-negative int64 ``keys``, as uint64."""
    keys = keys.view(np.uint64)  # a fresh array of non-negative values: reinterpret, sort in place
    keys.sort()
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    return keys


def _join(cand: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For (c, x) rows of ``cand`` and sorted ``keys`` (the x of each table row): every pair of
    a candidate row and a table row with the same x, as (c, table row index)."""
    size = int(max(keys.max(initial=0), cand[:, 1].max(initial=0))) + 1
    per_x = np.bincount(keys, minlength=size)
    first_of_x = np.cumsum(per_x) - per_x
    x = cand[:, 1]
    lo, counts = first_of_x[x], per_x[x]
    total = int(counts.sum())
    owner = np.repeat(np.arange(len(cand)), counts)
    row = np.repeat(lo - np.cumsum(counts) + counts, counts) + np.arange(total)
    return cand[:, 0][owner], row


def _member(table: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Whether each key is in the sorted ``table`` (keys looked up in increasing order)."""
    if not len(table) or not len(keys):
        return np.zeros(len(keys), dtype=bool)
    uniq, inverse = np.unique(keys, return_inverse=True)
    idx = np.searchsorted(table, uniq)
    idx[idx >= len(table)] = 0
    return (table[idx] == uniq)[inverse]
