"""The git listing the signature index was last brought up to date with, in a file of its own
beside the index (``dup-index.listing``), and what changed since.

A warm pre-commit run under git compares git's listing of the corpus (``git ls-files -s``:
one entry per tracked file, ~7 MB for 100 000 files) with the one stored last time. Kept in the
SQLite index, that listing was read, split into a set, diffed and written back as a blob every
run (~0.2 CPU-s of a 1 s budget). Here it is one file read and written whole, and the two
listings, both in git's path order, are compared as bytes: only the stretch between their
common head and their common tail is split into entries.

The file belongs to one state of the index: it names the index's *generation*, which every
update of the index raises (``SignatureIndex.refresh``). A listing written for another
generation (a run killed between the two writes, two runs at once, an index rebuilt) or for
other settings, a torn or truncated file: all read as no listing, and the index then compares
every stored hash, as on its first run under git.
"""

from __future__ import annotations

import glob
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
import xxhash

from ..core.replace_file import replace_file

MAGIC = "corpuslint-git-listing"
FORMAT = 1
STALE_TEMPORARY_SECONDS = 60  # a write takes milliseconds; an older temporary is a killed run's
CHUNK = 1 << 18  # bytes compared at once when two listings differ
MANY_SUBSTITUTIONS = 64  # entries to rewrite past which one split and join beats a search each


@dataclass(frozen=True)
class StoredListing:
    """git's listing as the index last stood, and the untracked files stat'ed then."""

    listing: bytes  # ``git ls-files -s -z`` entries, each ended by NUL, in git's order
    untracked: frozenset[str]


def read_listing(path: Path, key: str, generation: int) -> StoredListing | None:
    """The listing stored for the index's ``generation`` and these settings (``key``), else None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    nl = data.find(b"\n")
    try:  # the body is checked and cut through a view: 7 MB are copied once, not three times
        meta = json.loads(data[:nl])
        if nl < 0 or meta.get("magic") != MAGIC or meta.get("format") != FORMAT:
            return None
        if meta.get("key") != key or meta.get("generation") != generation:
            return None
        size, extra = int(meta["listing"]), int(meta["untracked"])
        body = memoryview(data)[nl + 1:]
        if len(body) != size + extra or xxhash.xxh3_64_hexdigest(body) != meta["xxh3"]:
            return None
    except (ValueError, KeyError, TypeError):
        return None
    untracked = bytes(body[size:]).decode("utf-8", "surrogateescape")
    return StoredListing(bytes(body[:size]), frozenset(k for k in untracked.split("\0") if k))


def write_listing(path: Path, key: str, generation: int, listing: bytes, untracked: list[str]) -> None:
    """Store ``listing`` for the index's ``generation``: written whole to a temporary file and
    renamed over the old one (private, as the index is). A failure leaves no listing, which is
    safe: the next run compares every stored hash."""
    extra = "\0".join(untracked).encode("utf-8", "surrogateescape")
    digest = xxhash.xxh3_64(listing)
    digest.update(extra)  # the body's hash without joining its 7 MB
    head = json.dumps({"magic": MAGIC, "format": FORMAT, "key": key, "generation": generation,
                       "listing": len(listing), "untracked": len(extra), "xxh3": digest.hexdigest()})
    def write(fh: BinaryIO) -> None:
        fh.write(head.encode("ascii") + b"\n")
        fh.write(listing)
        fh.write(extra)

    try:
        replace_file(path, write, prefix=f".{path.name}.", suffix=".tmp")
    except OSError:
        remove_listing(path)
    _remove_stale_temporaries(path)


def _remove_stale_temporaries(path: Path) -> None:
    """The temporaries of runs killed between writing and renaming (7 MB each for 100 000
    files): older than a minute, so never a live run's."""
    now = time.time()
    try:
        for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            if now - tmp.lstat().st_mtime > STALE_TEMPORARY_SECONDS:
                tmp.unlink()
    except OSError:
        pass


def remove_listing(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def listing_changes(old: bytes, new: bytes) -> tuple[list[bytes], list[bytes]]:
    """(entries of ``new`` not in ``old``, entries of ``old`` not in ``new``) of two listings of
    NUL-ended entries. Entries in the common head and tail of the two are the same in both, so
    only the stretch between is split and compared as sets."""
    head = _common_head(old, new)
    head = old.rfind(b"\0", 0, head) + 1  # back to the start of the entry it falls in
    tail = _common_tail(old, new, len(old) - head, len(new) - head)
    cut = len(old) - tail
    if cut < len(old) and (cut == 0 or old[cut - 1] != 0):
        cut = old.find(b"\0", cut) + 1  # on to the start of the next whole entry
    tail = len(old) - cut
    a = set(old[head:len(old) - tail].split(b"\0"))
    b = set(new[head:len(new) - tail].split(b"\0"))
    a.discard(b"")
    b.discard(b"")
    return sorted(b - a), sorted(a - b)


def _common_head(a: bytes, b: bytes) -> int:
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return n
    x, y = np.frombuffer(a, np.uint8, n), np.frombuffer(b, np.uint8, n)
    for lo in range(0, n, CHUNK):  # chunk by chunk: a change is usually one entry in 100 000
        differ = x[lo:lo + CHUNK] != y[lo:lo + CHUNK]
        if differ.any():
            return lo + int(differ.argmax())
    return n


def _common_tail(a: bytes, b: bytes, room_a: int, room_b: int) -> int:
    """How many bytes ``a`` and ``b`` share at their end, at most the room left after the head."""
    n = min(room_a, room_b)
    if n <= 0:
        return 0
    x = np.frombuffer(a, np.uint8, n, len(a) - n)
    y = np.frombuffer(b, np.uint8, n, len(b) - n)
    for hi in range(n, 0, -CHUNK):
        lo = max(0, hi - CHUNK)
        differ = np.flatnonzero(x[lo:hi] != y[lo:hi])
        if len(differ):
            return n - (lo + int(differ[-1]) + 1)
    return n


def with_entries(listing: bytes, replaced: dict[bytes, bytes]) -> bytes:
    """``listing`` with some entries replaced by others of the same length (another blob id):
    the order of the entries, and so the listing's comparison with git's next time, is kept."""
    if not replaced:
        return listing
    if len(replaced) > MANY_SUBSTITUTIONS:
        return b"".join(replaced.get(e, e) + b"\0" for e in listing.split(b"\0")[:-1])
    out = bytearray(listing)
    for entry, other in replaced.items():
        at = _find_entry(listing, entry)
        if at >= 0:
            out[at:at + len(entry)] = other
    return bytes(out)


def _find_entry(listing: bytes, entry: bytes) -> int:
    """Where the whole entry ``entry`` starts in ``listing``, or -1."""
    if listing.startswith(entry + b"\0"):
        return 0
    at = listing.find(b"\0" + entry + b"\0")
    return at + 1 if at >= 0 else -1
