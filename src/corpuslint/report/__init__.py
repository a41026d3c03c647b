"""Output formats. Each takes findings (and the run's summary) and returns text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence, TextIO

from ..core.document import Document
from ..core.findings import Finding, Location, Severity
from ..core.rule import Rule

# GitHub code scanning rejects a SARIF run of more than 25,000 results (and shows the top 5,000).
GITHUB_MAX_RESULTS = 25_000
_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class FilePosition:
    """Where a location is in the file as a code host shows it. A JSONL record's finding is at
    the record's line of the file, column 1 (a column inside the JSON-escaped line cannot be
    made exact), with its position inside the record's text kept as ``record_*``."""

    line: int
    column: int
    end_line: int
    end_column: int
    record_line: int | None = None
    record_column: int | None = None
    record_end_line: int | None = None
    record_end_column: int | None = None

    @property
    def in_record(self) -> bool:
        return self.record_line is not None


@dataclass
class Report:
    findings: Sequence[Finding]
    files: int
    rules: Mapping[str, type[Rule]] = field(default_factory=dict)
    version: str = ""
    root: str | None = None  # paths in SARIF are made relative to it
    fixed: int = 0
    failed: int = 0  # files --fix could not write
    # the html format shows texts: the run's documents (kept for it) and its rule packs
    documents: Sequence[Document] = ()
    packs: Any = None
    version_pairs: Sequence[tuple[Any, Any]] = ()  # (path, record) pairs of the run's versions
    # the differences the rules classified, by version pair as above (shown, not classified again)
    pair_differences: Mapping[tuple[Any, Any], Sequence[Any]] = field(default_factory=dict)
    # (path, record id) -> the record's 1-based line in its JSONL file
    record_lines: Mapping[tuple[str | None, str], int] = field(default_factory=dict)
    max_results: int | None = None  # --max-results: findings past it are left out (and said so)

    def by_code(self) -> dict[str, int]:
        return dict(sorted(Counter(f.code for f in self.findings).items()))

    def position(self, loc: Location) -> FilePosition:
        line = self.record_lines.get((loc.path, loc.record)) if loc.record is not None else None
        if line is None:
            return FilePosition(loc.line, loc.column, loc.end_line, loc.end_column)
        return FilePosition(line, 1, line, 1, loc.line, loc.column, loc.end_line, loc.end_column)

    def shown(self, limit: int | None = None) -> Sequence[int]:
        """Indices of the findings an output shows under a cap (``--max-results``, else
        ``limit``): the most severe are kept, in their order, as GitHub keeps them."""
        n = len(self.findings)
        cap = self.max_results if self.max_results is not None else limit
        if cap is None or n <= cap:
            return range(n)
        ranked = sorted(range(n), key=lambda i: (_SEVERITY_RANK[self.findings[i].severity], i))
        return sorted(ranked[:cap])

    def shown_findings(self) -> Iterable[Finding]:
        """The findings an output shows, read in order (a spilled run's findings are read from
        disk as they come, never loaded whole)."""
        picked = self.shown()
        return self.findings if len(picked) == len(self.findings) else (self.findings[i] for i in picked)


def formatter(name: str) -> Callable[[Report], str]:
    from . import github, html, jsonl, sarif, text
    from . import json_output as json_

    table: dict[str, Callable[[Report], str]] = {
        "text": text.render,
        "concise": text.render_concise,
        "json": json_.render,
        "jsonl": jsonl.render,
        "sarif": sarif.render,
        "github": github.render,
        "html": html.render,
    }
    return table[name]


def writer(name: str) -> Callable[[Report, TextIO], None] | None:
    """The streaming writer of a format, if it has one (large outputs are written as they are
    encoded instead of built whole)."""
    from . import jsonl
    from . import json_output as json_

    return {"json": json_.write, "jsonl": jsonl.write}.get(name)


FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "html")
