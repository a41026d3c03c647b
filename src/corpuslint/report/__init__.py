"""Output formats. Each takes findings (and the run's summary) and returns text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence, TextIO

from ..core.document import Document
from ..core.findings import Finding
from ..core.rule import Rule


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

    def by_code(self) -> dict[str, int]:
        return dict(sorted(Counter(f.code for f in self.findings).items()))


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
