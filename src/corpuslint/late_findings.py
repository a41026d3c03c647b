"""The corpus rules' findings, held until each document's turn, and the run's findings view.

Pass 2 reports in no document order (a group of duplicates names many documents at once);
every output lists a document's findings together, in place order. ``ByDocument`` keeps
pass 2's findings by document key in a ``FindingSpool``, so that on a boilerplate-heavy corpus
(a finding for nearly every paragraph) they sit on disk, not in memory. When they did not spill,
the run's findings are a plain list, as always; when they did, ``Merged`` is a read-only
sequence over each document's own findings (in memory: there are few) and its spooled ones,
in the order a list would have: each spooled finding is read back when an output reaches it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from .core.finding_spool import FindingSpool
from .core.findings import Finding


class ByDocument:
    """Pass 2's findings by document key, as they come."""

    def __init__(self) -> None:
        self._spool = FindingSpool()
        self._ids: dict[str, list[int]] = {}

    def add(self, key: str, finding: Finding) -> None:
        self._ids.setdefault(key, []).append(self._spool.append(finding))

    @property
    def spilled(self) -> bool:
        return self._spool.spilled

    def pop(self, key: str) -> list[Finding]:
        """A document's findings, taken out (empty when it has none)."""
        return [self._spool[i] for i in self._ids.pop(key, ())]

    def numbered(self, key: str) -> list[tuple[int, Finding]]:
        """A document's findings with their numbers in the spool (for ``Merged``)."""
        return [(i, self._spool[i]) for i in self._ids.get(key, ())]

    def __getitem__(self, i: int) -> Finding:
        return self._spool[i]

    def close(self) -> None:
        self._spool.close()


# One document's findings in output order: ``n >= 0`` is finding n of the spool, ``-1 - j``
# the document's own finding j.
Order = array


class Merged(Sequence[Finding]):
    """The run's findings when pass 2's spilled: per document, its own and its spooled ones."""

    def __init__(self, late: ByDocument) -> None:
        self._late = late
        self._own: list[list[Finding]] = []
        self._order: list[Order | None] = []  # None: the document has only its own findings
        self._ends = array("q")  # cumulative count after each document

    def add(self, own: list[Finding], late: list[tuple[int, Finding]],
            order: Callable[[Finding], tuple]) -> None:
        """A document's turn: its own findings and its (already filtered) spooled ones."""
        if late:
            both = [(order(f), -1 - j) for j, f in enumerate(own)] + [(order(f), i) for i, f in late]
            both.sort(key=lambda t: t[0])  # stable: own before spooled at the same place, as before
            self._order.append(array("q", (n for _, n in both)))
        else:
            self._order.append(None)
        self._own.append(own)
        self._ends.append((self._ends[-1] if self._ends else 0) + len(own) + len(late))

    def _document(self, d: int) -> Iterator[Finding]:
        own, order = self._own[d], self._order[d]
        if order is None:
            yield from own
            return
        for n in order:
            yield own[-1 - n] if n < 0 else self._late[n]

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
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("finding index out of range")
        d = bisect_right(self._ends, i)
        start = self._ends[d - 1] if d else 0
        own, order = self._own[d], self._order[d]
        k = i - start
        if order is None:
            return own[k]
        m = order[k]
        return own[-1 - m] if m < 0 else self._late[m]

    def close(self) -> None:
        self._late.close()

