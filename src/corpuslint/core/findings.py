"""Findings, locations and fixes: what a rule reports, independent of how it is printed."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(str, enum.Enum):
    """Whether a fix may be applied without a human looking at it (ruff's terms)."""

    SAFE = "safe"  # meaning is kept; applied by --fix
    UNSAFE = "unsafe"  # may change meaning or lose text; needs --unsafe-fixes


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``content`` (code-point offsets, end exclusive)."""

    start: int
    end: int
    content: str = ""

    @classmethod
    def delete(cls, start: int, end: int) -> Edit:
        return cls(start, end, "")


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability
    message: str
    # When set, the fixer writes the file in this encoding (transcoding fixes); edits may be empty.
    encoding: str | None = None

    @classmethod
    def safe(cls, message: str, *edits: Edit) -> Fix:
        return cls(tuple(edits), Applicability.SAFE, message)

    @classmethod
    def unsafe(cls, message: str, *edits: Edit) -> Fix:
        return cls(tuple(edits), Applicability.UNSAFE, message)

    @property
    def span(self) -> tuple[int, int]:
        if not self.edits:
            return (0, 0)
        return min(e.start for e in self.edits), max(e.end for e in self.edits)


@dataclass(frozen=True, slots=True)
class Location:
    """A span in a document, with 1-based line/column for both ends."""

    path: str | None
    record: str | None
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, doc: Document, start: int, end: int) -> Location:
        a = doc.position(start)
        b = doc.position(end)
        return cls(doc.path, doc.record, start, end, a.line, a.column, b.line, b.column)

    @classmethod
    def in_line(cls, path: str | None, record: str | None, start: int, end: int, line: int,
                column: int) -> Location:
        """A span inside one line, known without its document (a paragraph stored in the index)."""
        return cls(path, record, start, end, line, column, line, column + (end - start))


@dataclass(frozen=True, slots=True)
class Related:
    location: Location
    message: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Related, ...] = ()
    fix: Fix | None = None
    # Text the finding is about; keys the baseline so that a finding survives unrelated edits.
    flagged_text: str = field(default="", compare=False)

    @property
    def path(self) -> str | None:
        return self.location.path

    @property
    def record(self) -> str | None:
        return self.location.record


def related(doc: Document, start: int, end: int, message: str = "") -> Related:
    return Related(Location.of(doc, start, end), message)

