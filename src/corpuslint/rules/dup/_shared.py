"""Helpers shared by the DUP corpus rules (not a rule)."""

from __future__ import annotations

from typing import Any

from ...core.findings import Related
from ...corpus.results import Entry
from ...corpus.similarity import Duplicates

# Signature options every DUP corpus rule accepts; the first of DUP002, DUP003, DUP004 that sets
# one decides it for all (signatures are computed once per run: the engine hands every rule's
# ``duplicate_role`` and options to the corpus, see ``similarity.settings_from_options``).
SIGNATURE_OPTIONS = {"shingle_size": 5, "num_perm": 128}


def duplicates(corpus: Any) -> Duplicates:
    """The run's duplicates, with the documents of the persisted corpus index (other files under
    the corpus root) when the cache is on; computed once per corpus."""
    return corpus.duplicates  # type: ignore[no-any-return]


def where(entry: Entry, para: int) -> str:
    return f"{entry.id}:{entry.line(para)}"


def rel(entry: Entry, para: int, message: str) -> Related:
    return Related(entry.location(para), message)


def similarity_text(exact: float, estimated: float | None) -> str:
    if estimated is None:
        return f"Jaccard {exact:.2f}"
    return f"Jaccard {exact:.2f} exact, {estimated:.2f} estimated"
