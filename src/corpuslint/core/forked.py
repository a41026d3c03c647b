"""A task run over ``range(n)`` in forked worker processes, results in order.

The corpus phase of ``-j N`` hands such a map to the analyses that can split their work
(``corpus.prealign``): a forked worker inherits the whole corpus as it is when the map starts,
so the task needs no pickling, only its results travel back. Off Linux there is no map and the
work stays in the calling process.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterator

CHUNKS_PER_WORKER = 4  # pairs differ in size: a few chunks each keep the workers busy to the end

_TASK: Callable[[int], Any] | None = None  # the running map's task, inherited by its workers


def _run(span: tuple[int, int]) -> list[Any]:
    assert _TASK is not None
    return [_TASK(i) for i in range(*span)]


def fork_map(workers: int) -> Callable[[Callable[[int], Any], int], Iterator[Any]] | None:
    """A map over ``workers`` forked processes, or None where processes are not forked: off
    Linux (macOS can fork, but its system libraries are not safe in a forked child)."""
    if workers < 2 or not sys.platform.startswith("linux"):
        return None

    def run(task: Callable[[int], Any], n: int) -> Iterator[Any]:
        global _TASK
        chunks = min(n, workers * CHUNKS_PER_WORKER)
        spans = [(n * k // chunks, n * (k + 1) // chunks) for k in range(chunks)]
        _TASK = task
        try:
            with ProcessPoolExecutor(max_workers=min(workers, chunks),
                                     mp_context=multiprocessing.get_context("fork")) as pool:
                for got in pool.map(_run, spans):
                    yield from got
        finally:
            _TASK = None

    return run
