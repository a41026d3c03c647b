"""The corpus rules' findings, held until each document's turn, and the run's findings view.

Pass 2 reports in no document order (a group of duplicates names many documents at once);
every output lists a document's findings together, in place order. ``ByDocument`` keeps
pass 2's findings by document key in a ``FindingSpool``, so that on a boilerplate-heavy corpus
(a finding for nearly every paragraph) they sit on disk, not in memory. When they did not spill,
the run's findings are a plain list, as always; when they did, ``Merged`` is a read-only
sequence over each document's own findings (in memory: there are few) and its spooled ones,
in the order a list would have: each spooled finding is read back when an output reaches it
(pass 2's findings are filtered by suppressions and per-file ignores as they come, so the
count is known without reading them).
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from .core.finding_spool import FindingSpool, position
from .core.config import Config
from .core.findings import Finding


def doc_key(path: str | None, record: str | None) -> str:
    return f"{path}\0{record}"


def finding_order(f: Finding) -> tuple[int, int, str, str]:
    """The order of one document's findings in every output: by place, then code and message."""
    return (f.location.start, f.location.end, f.code, f.message)


def filtered(config: Config, found: list[Finding], suppressions: Any, path: str | None) -> list[Finding]:
    """A document's findings without those ignored for its file or suppressed, in output order."""
    ignored = config.ignored_for_path(path)
    return sorted((f for f in found if admitted(f, ignored, suppressions)), key=finding_order)


def admitted(f: Finding, ignored: tuple[str, ...], suppressions: Any) -> bool:
    """Not ignored for its file (``per-file-ignores``) nor suppressed by a comment."""
    if ignored and any(f.code.startswith(c) for c in ignored):
        return False
    return suppressions is None or not suppressions.suppresses(f)


class ByDocument:
    """Pass 2's findings by document key, as they come."""

    def __init__(self) -> None:
        self._spool = FindingSpool()
        self._ids: dict[str, list[int]] = {}
        # What outputs ask of every finding, kept as they come so that a spilled run is not
        # read back for it: each finding's code, and the files of the records they name.
        self._codes = array("H")
        self._code_ids: dict[str, int] = {}
        self._code_names: list[str] = []
        self.record_paths: set[str] = set()

    def add(self, key: str, finding: Finding) -> None:
        self._ids.setdefault(key, []).append(self._spool.append(finding))
        c = self._code_ids.get(finding.code)
        if c is None:
            c = self._code_ids[finding.code] = len(self._code_names)
            self._code_names.append(finding.code)
        self._codes.append(c)
        self.record_paths.update(_record_paths(finding))

    def code(self, i: int) -> str:
        """The code of spooled finding ``i``, without reading it back."""
        return self._code_names[self._codes[i]]

    @property
    def spilled(self) -> bool:
        return self._spool.spilled

    def pop(self, key: str) -> list[Finding]:
        """A document's findings, taken out (empty when it has none)."""
        return [self._spool[i] for i in self._ids.pop(key, ())]

    def ids(self, key: str) -> list[int]:
        """The numbers in the spool of a document's findings (for ``Merged``)."""
        return self._ids.get(key, [])

    def __getitem__(self, i: int) -> Finding:
        return self._spool[i]

    def close(self) -> None:
        self._spool.close()


class Merged(Sequence[Finding]):
    """The run's findings when pass 2's spilled: per document, its own findings and the
    numbers of its spooled ones (already filtered), merged in ``order`` when read."""

    def __init__(self, late: ByDocument, order: Callable[[Finding], Any]) -> None:
        self._late, self._order = late, order
        self._own: list[list[Finding]] = []
        self._ids: list[list[int]] = []
        self._ends = array("q")  # cumulative count after each document
        self._last: tuple[int, list[Finding]] = (-1, [])  # the document read last, for indexing

    def add(self, own: list[Finding], late_ids: list[int]) -> None:
        """A document's turn: its own findings and its spooled ones' numbers."""
        self._own.append(own)
        self._ids.append(late_ids)
        self._ends.append((self._ends[-1] if self._ends else 0) + len(own) + len(late_ids))

    def _document(self, d: int) -> list[Finding]:
        own, ids = self._own[d], self._ids[d]
        if not ids:
            return own
        # Stable: at the same place a document's own finding comes first, as ``lint_paths``
        # orders a list.
        return sorted([*own, *(self._late[i] for i in ids)], key=self._order)

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def __iter__(self) -> Iterator[Finding]:
        for d in range(len(self._own)):
            yield from self._document(d)

    @overload
    def __getitem__(self, i: int) -> Finding: ...
    @overload
    def __getitem__(self, i: slice) -> list[Finding]: ...
    def __getitem__(self, i: int | slice) -> Finding | list[Finding]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        i = position(i, len(self))
        d = bisect_right(self._ends, i)
        if self._last[0] != d:
            self._last = (d, self._document(d))
        return self._last[1][i - (self._ends[d - 1] if d else 0)]

    def of_code(self, code: str) -> Iterator[Finding]:
        """The findings with ``code``; spooled ones are read back only when they have it."""
        for own, ids in zip(self._own, self._ids):
            yield from (f for f in own if f.code == code)
            yield from (self._late[i] for i in ids if self._late.code(i) == code)

    def record_paths(self) -> set[str]:
        return {p for own in self._own for f in own for p in _record_paths(f)} | self._late.record_paths

    def close(self) -> None:
        self._late.close()


def _record_paths(f: Finding) -> Iterator[str]:
    """The files of the JSONL records a finding and its related locations are in."""
    if f.location.record is not None and f.location.path:
        yield f.location.path
    for r in f.related:
        if r.location.record is not None and r.location.path:
            yield r.location.path


def of_code(findings: Sequence[Finding], code: str) -> Iterator[Finding]:
    """The run's findings with ``code`` (in no promised order)."""
    if isinstance(findings, Merged):
        return findings.of_code(code)
    return (f for f in findings if f.code == code)


def record_paths(findings: Sequence[Finding]) -> set[str]:
    """The files of the JSONL records the run's findings (or their related locations) are in."""
    if isinstance(findings, Merged):
        return findings.record_paths()
    return {p for f in findings for p in _record_paths(f)}
