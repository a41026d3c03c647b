"""A bounded dictionary for process-wide caches of exact results (a text's folded form, its
shingle set): a value depends on its key alone, so dropping one costs only its recomputation.

Eviction rule (two generations, a cheap approximation of least-recently-used): new items go
into the current generation; when it holds ``max_items // 2`` items it becomes the old
generation and the previous old one is dropped whole. A hit in the old generation is copied
into the current one, so an item in use survives every turn over, while an item not asked for
during two turns is gone. At most ``max_items`` items are held; a look-up is one or two dict
look-ups (no per-hit bookkeeping as an ``OrderedDict`` LRU needs).
"""

from __future__ import annotations

from typing import Generic, Hashable, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """``get``/``put`` of at most ``max_items`` items (see the module's eviction rule)."""

    def __init__(self, max_items: int) -> None:
        if max_items < 2:
            raise ValueError(f"max_items must be at least 2, not {max_items}")
        self.max_items = max_items
        self._turn = max_items // 2  # items per generation
        self._new: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        got = self._new.get(key)
        if got is None:
            got = self._old.get(key)
            if got is not None:
                self.put(key, got)
        return got

    def put(self, key: K, value: V) -> None:
        if len(self._new) >= self._turn and key not in self._new:
            self._old = self._new
            self._new = {}
        self._new[key] = value

    def __contains__(self, key: object) -> bool:
        return key in self._new or key in self._old

    def __len__(self) -> int:
        """Distinct keys held (an item copied into the current generation counts once)."""
        return len(self._new) + sum(1 for k in self._old if k not in self._new)

    def clear(self) -> None:
        self._new = {}
        self._old = {}
