"""The signature index's rows as Python reads them (paths that are not UTF-8, paths as findings
show them) and read access to its paragraphs by text (``CorpusLines``: CHR008 counts a line of
a pre-commit run across the whole corpus). The index itself is ``corpus.index``."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..core.findings import Location

LINE_INDEX_MAX = 150  # folded paragraphs up to this length are indexed by text (corpus_lines)


def stored(text: str | bytes | None) -> str | bytes | None:
    """A path or record id as SQLite can store it: a file name that is not UTF-8 holds lone
    surrogates (``surrogateescape``), which SQLite's text cannot; it is stored as its bytes
    (already stored values pass through)."""
    if text is None or isinstance(text, bytes):
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape")


def loaded(value: str | bytes | None) -> str | None:
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    return value


def shown(path: str) -> str:
    """A path as findings show it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@dataclass(frozen=True)
class IndexedLine:
    """A paragraph of a file under the corpus root as the index stores it (no file is read)."""

    doc: int  # the document's id in the index
    key: str  # the file's index key (absolute path)
    record: str | None
    location: Location


class CorpusLines:
    """Read access to the paragraphs of every file under the corpus root, through the persisted
    index (CHR008 counts a line of a pre-commit run across the whole corpus). Use as a context
    manager; built by ``corpus_lines``."""

    def __init__(self, path: Path, run_files: set[str]) -> None:
        # A URI, so the connection is read-only; ``as_uri`` escapes ``?``, ``#`` and ``%`` in
        # the cache path, which SQLite would otherwise read as the query or fragment.
        self.db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
        self.run_files = run_files

    def __enter__(self) -> CorpusLines:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()

    def covers_more_than_run(self) -> bool:
        """Whether any indexed file is outside the run (else the run alone tells everything)."""
        return any(loaded(k) not in self.run_files
                   for (k,) in self.db.execute("SELECT DISTINCT path FROM docs"))

    def holders(self, folded: Iterable[str]) -> dict[str, list[IndexedLine]]:
        """Where each folded paragraph text (up to ``LINE_INDEX_MAX`` characters) occurs in the
        documents under the corpus root, the run's own included."""
        wanted = sorted({t for t in folded if t and len(t) <= LINE_INDEX_MAX})
        out: dict[str, list[IndexedLine]] = {}
        for chunk in chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                "SELECT p.folded, p.line, p.start, p.end, p.col, d.id, d.path, d.display, d.record "
                f"FROM paras p JOIN docs d ON d.id = p.doc WHERE p.folded IN ({marks}) "
                f"AND length(p.folded) <= {LINE_INDEX_MAX}", chunk)
            for text, line, start, end, col, doc, key, display, record in rows:
                key, display, record = loaded(key), loaded(display), loaded(record)
                loc = Location.in_line(shown(display), record, start, end, line, col)
                out.setdefault(text, []).append(IndexedLine(doc, key, record, loc))
        return out

    def paragraphs(self, doc: int, min_len: int) -> list[str]:
        """The folded paragraphs of an indexed document longer than ``min_len`` characters."""
        return [t for (t,) in self.db.execute(
            "SELECT folded FROM paras WHERE doc=? AND length(folded) > ? ORDER BY para", (doc, min_len))]
