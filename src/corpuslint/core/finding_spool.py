"""A list of findings that moves to disk when it grows large.

A corpus with shared boilerplate gives a finding for nearly every paragraph (millions on a
gigabyte), each ~1 KB in memory with its message and text (its related locations are shared
with the other findings on the same copies): held whole they, not the corpus
features, would set the peak memory of a run. ``FindingSpool`` holds the first
``in_memory`` findings as a list and, past that, writes every finding to an anonymous
temporary file, keeping only its offset. A finding is written as plain tuples through
``marshal`` (pickling the frozen dataclasses costs ~0.2 ms a finding, this a twentieth of it).
It is a ``Sequence`` (``len`` and indexing, one ``pread`` a finding once spilled) that only
grows: ``late_findings.ByDocument`` keeps pass 2's findings in one.
"""

from __future__ import annotations

import marshal
import os
import pickle
import tempfile
from array import array
from collections.abc import Sequence
from typing import Any, overload

from .findings import Applicability, Edit, Finding, Fix, Location, Related, Severity

IN_MEMORY = 300_000  # ~300 MB of findings before the rest goes to disk


class FindingSpool(Sequence[Finding]):
    def __init__(self, in_memory: int | None = None) -> None:
        self._limit = IN_MEMORY if in_memory is None else in_memory
        self._items: list[Finding] = []
        self._file: Any = None  # the temporary file once spilled
        self._offsets = array("q", [0])  # start of item i; the last entry is the end of the file

    # -- writing -----------------------------------------------------------------------------
    def append(self, finding: Finding) -> int:
        """Add a finding; its index."""
        if self._file is None:
            self._items.append(finding)
            if len(self._items) > self._limit:
                self._spill()
            return len(self._items) - 1 if self._file is None else len(self._offsets) - 2
        return self._write(finding)

    def _spill(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="corpuslint-findings-")
        items, self._items = self._items, []
        for f in items:
            self._write(f)

    def _write(self, finding: Finding) -> int:
        data = _dumps(finding)
        self._file.write(data)
        self._offsets.append(self._offsets[-1] + len(data))
        return len(self._offsets) - 2

    @property
    def spilled(self) -> bool:
        return self._file is not None

    # -- reading -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._items) if self._file is None else len(self._offsets) - 1

    @overload
    def __getitem__(self, i: int) -> Finding: ...
    @overload
    def __getitem__(self, i: slice) -> list[Finding]: ...
    def __getitem__(self, i: int | slice) -> Finding | list[Finding]:
        if self._file is None:
            return self._items[i]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = position(i, len(self))
        self._file.flush()
        start, end = self._offsets[i], self._offsets[i + 1]
        return _loads(os.pread(self._file.fileno(), end - start, start))

    def close(self) -> None:
        if self._file is not None:
            self._file.close()

    def __del__(self) -> None:
        self.close()


def position(i: int, n: int) -> int:
    """Index ``i`` (negative from the end) of a sequence of ``n`` findings, checked."""
    if i < 0:
        i += n
    if not 0 <= i < n:
        raise IndexError("finding index out of range")
    return i


# -- encoding ------------------------------------------------------------------------------------
def _loc(loc: Location) -> tuple[Any, ...]:
    return (loc.path, loc.record, loc.start, loc.end, loc.line, loc.column, loc.end_line, loc.end_column)


def _dumps(f: Finding) -> bytes:
    if type(f) is Finding and type(f.location) is Location:
        fix = None if f.fix is None else (tuple((e.start, e.end, e.content) for e in f.fix.edits),
                                          f.fix.applicability.value, f.fix.message, f.fix.encoding)
        try:
            return b"m" + marshal.dumps((f.code, f.name, f.severity.value, f.message, _loc(f.location),
                                         tuple((_loc(r.location), r.message) for r in f.related),
                                         fix, f.flagged_text, type(f.related) is list))
        except ValueError:
            pass  # a value marshal cannot write (a rule's own type): pickled below
    return b"p" + pickle.dumps(f, protocol=pickle.HIGHEST_PROTOCOL)


def _loads(data: bytes) -> Finding:
    if data[:1] == b"p":
        return pickle.loads(data[1:])
    code, name, severity, message, loc, related, fix, flagged, related_list = marshal.loads(data[1:])
    rel: Any = tuple(Related(_location(l), m) for l, m in related)
    return Finding(code, name, Severity(severity), message, _location(loc),
                   list(rel) if related_list else rel,
                   None if fix is None else Fix(tuple(Edit(*e) for e in fix[0]), Applicability(fix[1]), fix[2], fix[3]),
                   flagged)


_LOCATIONS: dict[tuple[Any, ...], Location] = {}


def _location(values: tuple[Any, ...]) -> Location:
    """A Location, shared with the findings read just before that had the same one: the
    findings of one group of duplicates name the same few places (and a frozen dataclass is
    slow to build)."""
    got = _LOCATIONS.get(values)
    if got is None:
        if len(_LOCATIONS) >= 4096:
            _LOCATIONS.clear()
        got = _LOCATIONS[values] = Location(*values)
    return got
