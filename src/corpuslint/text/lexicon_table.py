"""The lexicon's word frequencies as a hash table in a memory-mapped file.

Unpickling the 349 000-word frequency dict costs a run ~0.15-0.2 CPU-s (a Python dict of that
size cannot be made faster: hashing and allocating its strings is the cost), and a pre-commit
run on one file looks up a few hundred words at most. ``MappedFreqs`` answers ``get``, ``in``
and ``[]`` from the compiled file itself (open addressing on the words' xxh3 hash, ~1 µs a
look-up, no load time: the pages a run touches are read); once a run has looked up many words
(a corpus run, TYP's loops) it builds the ordinary dict once and hands it to its lexicon, so
the hot loops read a dict again. Iterating it, its length aside, builds the dict too.

File layout (little-endian): a header (magic, word count, slot mask, blob length, checksum of
the rest), the words' start offsets in the blob (uint32, one more than words), their
frequencies (int64), the slots (uint32: 0 empty, else word index + 1), then the blob: every word
in UTF-8, each followed by a newline.
"""

from __future__ import annotations

import mmap
import struct
import sys
from array import array
from pathlib import Path
from typing import Any, Iterator, Mapping

import xxhash

from ..core.compiled import cache_folder, input_key, prune
from ..core.replace_file import replace_file

MAGIC = b"CLLEXT01"
_HEAD = struct.Struct("<8sQQQQ")  # magic, words, slot mask, blob bytes, xxh3 of the rest
MATERIALIZE_AFTER = 50_000  # look-ups after which the dict is built (~0.05 s spent by then)
_MISSING = object()


def _encoded(word: str) -> bytes:
    return word.encode("utf-8", "surrogatepass")


def table_bytes(freqs: Mapping[str, int]) -> bytes | None:
    """The compiled table of ``freqs``, or None when it cannot hold them (a word with a newline,
    a frequency outside int64)."""
    words = list(freqs)
    if any("\n" in w for w in words):
        return None
    encoded = [_encoded(w) for w in words]
    offsets = array("I", [0])
    pos = 0
    for b in encoded:
        pos += len(b) + 1
        offsets.append(pos)
    try:
        values = array("q", [freqs[w] for w in words])
    except OverflowError:
        return None
    size = 1
    while size < 2 * len(words):
        size *= 2
    mask = size - 1
    slots = array("I", bytes(4 * size))
    for i, b in enumerate(encoded):
        at = xxhash.xxh3_64_intdigest(b) & mask
        while slots[at]:
            at = (at + 1) & mask
        slots[at] = i + 1
    blob = b"".join(b + b"\n" for b in encoded)
    if array("I").itemsize != 4 or array("q").itemsize != 8 or sys.byteorder != "little":
        return None
    body = offsets.tobytes() + values.tobytes() + slots.tobytes() + blob
    return _HEAD.pack(MAGIC, len(words), mask, len(blob), xxhash.xxh3_64_intdigest(body)) + body


class MappedFreqs(Mapping[str, int]):
    """Word -> frequency, read from a compiled table (see the module's docstring)."""

    def __init__(self, data: Any, owner: Any = None) -> None:
        magic, n, mask, blob_len = _HEAD.unpack_from(data, 0)[:4]
        if magic != MAGIC:
            raise ValueError("not a lexicon table")
        view = memoryview(data)
        at = _HEAD.size
        self._offsets = view[at:at + 4 * (n + 1)].cast("I")
        at += 4 * (n + 1)
        self._values = view[at:at + 8 * n].cast("q")
        at += 8 * n
        self._slots = view[at:at + 4 * (mask + 1)].cast("I")
        at += 4 * (mask + 1)
        self._blob_at = at
        self._data = data
        self._n, self._mask = n, mask
        self._asked = 0
        self._dict: dict[str, int] | None = None
        self.owner = owner  # a lexicon whose ``freqs`` becomes the dict once built

    @classmethod
    def open(cls, path: Path) -> MappedFreqs | None:
        """The table in ``path``, or None when it is not a whole, valid table."""
        try:
            with path.open("rb") as fh:
                data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return None
        try:
            magic, n, mask, blob_len, digest = _HEAD.unpack_from(data, 0)
            size = _HEAD.size + 4 * (n + 1) + 8 * n + 4 * (mask + 1) + blob_len
            if magic != MAGIC or len(data) != size or (mask + 1) & mask:
                return None
            if xxhash.xxh3_64_intdigest(memoryview(data)[_HEAD.size:]) != digest:
                return None
            return cls(data)
        except (struct.error, ValueError, TypeError):
            return None

    # -- look-ups ------------------------------------------------------------------------------
    def _find(self, word: object) -> object:
        d = self._dict
        if d is not None:
            return d.get(word, _MISSING)  # type: ignore[call-overload]
        self._asked += 1
        if self._asked > MATERIALIZE_AFTER:
            return self.materialize().get(word, _MISSING)  # type: ignore[call-overload]
        if not isinstance(word, str):
            return _MISSING
        b = _encoded(word)
        mask, slots, offsets, data, base = self._mask, self._slots, self._offsets, self._data, self._blob_at
        at = xxhash.xxh3_64_intdigest(b) & mask
        while True:
            s = slots[at]
            if not s:
                return _MISSING
            s -= 1
            start = offsets[s]
            if offsets[s + 1] - start - 1 == len(b) and data[base + start:base + start + len(b)] == b:
                return self._values[s]
            at = (at + 1) & mask

    def get(self, word: object, default: Any = None) -> Any:  # type: ignore[override]
        got = self._find(word)
        return default if got is _MISSING else got

    def __getitem__(self, word: str) -> int:
        got = self._find(word)
        if got is _MISSING:
            raise KeyError(word)
        return got  # type: ignore[return-value]

    def __contains__(self, word: object) -> bool:
        return self._find(word) is not _MISSING

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[str]:
        return iter(self.materialize())

    def keys(self):  # type: ignore[no-untyped-def,override]
        return self.materialize().keys()

    def items(self):  # type: ignore[no-untyped-def,override]
        return self.materialize().items()

    def values(self):  # type: ignore[no-untyped-def,override]
        return self.materialize().values()

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (self.materialize(),))  # pickled (a spawned worker, Ray) as a plain dict

    def materialize(self) -> dict[str, int]:
        """The frequencies as a dict, built once; the owner lexicon reads it from then on."""
        d = self._dict
        if d is None:
            blob = bytes(self._data[self._blob_at:])
            words = blob.decode("utf-8", "surrogatepass").split("\n")[:-1]
            d = self._dict = dict(zip(words, self._values.tolist()))
            owner = self.owner
            if owner is not None and owner.__dict__.get("freqs") is self:
                owner.__dict__["freqs"] = d
        return d


def compiled_table(name: str, inputs: list[Path], freqs: Any, *, extra: str = "") -> MappedFreqs | None:
    """The table of the frequencies ``freqs()`` gives, compiled once into the user cache folder
    (as ``core.compiled`` keys its tables: on the inputs' content) and memory-mapped; None
    without a cache folder or when it cannot be written or read."""
    folder = cache_folder()
    if folder is None:
        return None
    path = folder / f"{name}-{input_key(name, inputs, extra)}.table"
    got = MappedFreqs.open(path)
    if got is not None:
        return got
    data = table_bytes(freqs())
    if data is None:
        return None
    try:
        replace_file(path, lambda fh: fh.write(data), prefix=".tmp-", suffix=".table")
    except OSError:
        return None
    prune(folder, name, ".table")
    return MappedFreqs.open(path)
