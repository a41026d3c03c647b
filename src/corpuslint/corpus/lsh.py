"""LSH banding over numpy arrays: candidate pairs by sorting band keys, not per-key sets.

datasketch is the reference: ``banding`` asks ``MinHashLSH`` for its optimal (bands, rows) for a
threshold (cached on disk: the import costs seconds), and a band key here is a hash of the same
rows of the same MinHash values, so two sketches collide in a band exactly when datasketch would
put them in one bucket. What replaces ``MinHashLSH``'s storage (a dict of sets per band, ~2 KB of
Python objects per sketch) is ``candidate_pairs``: each band's keys are sorted once and every run
of equal keys yields its pairs — linear memory, and a join instead of an insertion per sketch.

A bucket of more than ``MAX_BUCKET`` sketches (thousands of distinct lines of one template,
``第N行的内容在这里。``) would make its n²/2 pairs the whole cost of a run; such a bucket yields
each member's pair with the bucket's first member and with its neighbour in the run instead
(every member stays connected to the group, at 2n pairs).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..core.compiled import compiled

MAX_BUCKET = 100


def _datasketch_banding(threshold: float, num_perm: int) -> tuple[int, int]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


@lru_cache(maxsize=16)
def banding(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's (bands, rows) for ``MinHashLSH(threshold, num_perm)``."""
    return compiled("lsh-banding", [], lambda: _datasketch_banding(threshold, num_perm),
                    extra=f"{threshold!r}|{num_perm}")


Buckets = list[tuple[np.ndarray, np.ndarray, np.ndarray]]  # per band: order, run starts, run sizes


def buckets(keys: np.ndarray) -> Buckets:
    """Per band of ``keys`` ((n, bands) uint64): the rows in runs of two or more equal keys,
    run after run (``order``), and where each run starts in it and how long it is. Sorted once,
    read by both pair passes; rows in no run are not kept (most rows of ordinary text: the
    sort order of every row in every band would be the largest array of a large corpus)."""
    n = keys.shape[0]
    out: Buckets = []
    if n < 2:
        return out
    for band in range(keys.shape[1]):
        col = keys[:, band]
        order = np.argsort(col, kind="stable")
        sorted_keys = col[order]
        # runs of equal keys: [starts[i], ends[i])
        edge = np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1
        starts = np.concatenate([[0], edge])
        ends = np.concatenate([edge, [n]])
        sizes = ends - starts
        multi = sizes >= 2
        if multi.any():
            starts, sizes = starts[multi], sizes[multi]
            packed = np.cumsum(sizes) - sizes  # where each run starts among the kept rows
            at = np.repeat(starts - packed, sizes) + np.arange(int(sizes.sum()))
            out.append((order[at], packed, sizes))
    return out


def spanning_pairs(runs: Buckets, n: int) -> np.ndarray:
    """Each bucket's members joined to its first (n - 1 pairs a bucket): the same connected
    components as ``candidate_pairs``, in linear size."""
    found: list[np.ndarray] = []
    for order, starts, sizes in runs:
        others = sizes - 1
        first = np.repeat(starts, others)
        # position of each other member: first + 1, first + 2, ... inside its run
        at = first + 1 + np.arange(int(others.sum())) - np.repeat(np.cumsum(others) - others, others)
        found.append(np.stack([order[first], order[at]], axis=1))
    return _unique_pairs(found, n)


def candidate_pairs(keys: np.ndarray, skip: np.ndarray | None = None, runs: Buckets | None = None) -> np.ndarray:
    """Pairs ``(x, y)``, ``x < y``, of rows of ``keys`` ((n, bands) uint64) equal in at least one
    band, as an (m, 2) int64 array sorted by x then y, without repeats. A bucket whose first
    member is marked in ``skip`` yields no pair (``clusters.collapse`` pairs those rows)."""
    n = keys.shape[0]
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    found: list[np.ndarray] = []
    for order, starts, sizes in (buckets(keys) if runs is None else runs):
        if skip is not None:
            kept = ~skip[order[starts]]
            starts, sizes = starts[kept], sizes[kept]
        small = sizes <= MAX_BUCKET
        if small.any():
            found.append(_all_pairs(order, starts[small], sizes[small]))
        for s, k in zip(starts[~small].tolist(), sizes[~small].tolist()):
            members = np.sort(order[s:s + k])
            first = np.full(k - 1, members[0])
            found.append(np.stack([first, members[1:]], axis=1))
            found.append(np.stack([members[1:-1], members[2:]], axis=1))
    return _unique_pairs(found, n)


def _unique_pairs(found: list[np.ndarray], n: int) -> np.ndarray:
    found = [f for f in found if len(f)]
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(found)
    pairs = np.sort(pairs, axis=1)
    code = np.unique(pairs[:, 0] * n + pairs[:, 1])
    return np.stack([code // n, code % n], axis=1)


def _all_pairs(order: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Every pair inside each run ``order[starts[i] : starts[i] + sizes[i]]`` (vectorised)."""
    out = []
    for k in np.unique(sizes).tolist():
        s = starts[sizes == k]
        members = order[s[:, None] + np.arange(k)[None, :]]  # (runs, k)
        i, j = np.triu_indices(k, 1)
        out.append(np.stack([members[:, i].ravel(), members[:, j].ravel()], axis=1))
    return np.concatenate(out)
