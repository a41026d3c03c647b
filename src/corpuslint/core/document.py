"""The document: decoded text plus what is needed to locate, report and write it back.

Offsets everywhere are code points into ``Document.text`` exactly as decoded (line endings
included), so a finding's ``start``/``end`` can be used to slice the text the user has.
Lines and columns are 1-based and derived from those offsets through a lazily built line index.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Mapping

# Characters that make a line "blank" even though it is not empty: the invisible padding that
# scraped pages leave behind (no-break space, ideographic space, zero-width characters, BOM).
BLANK_CHARS = " \t\r\f\v\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff\u202f\u2007\u205f"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document, without its line terminator."""

    number: int  # 1-based
    start: int  # offset of the first character
    end: int  # offset just past the last character, before "\r\n" / "\n"
    text: str

    @property
    def is_blank(self) -> bool:
        return not self.text.strip(BLANK_CHARS)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: one non-blank line.

    Scraped and OCR'd Chinese corpora put one paragraph (or one page block) on a line, so a line
    is the unit every rule family aligns, compares and removes. ``start``/``end`` cover the line's
    content with its surrounding blank padding trimmed.
    """

    index: int  # 0-based position among the document's paragraphs
    line: int  # 1-based line number
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in code points


@dataclass(eq=False)
class Document:
    """A decoded text file or JSONL record.

    ``path`` is the file path as given (or ``"-"`` for stdin); ``record`` is the JSONL record id
    when the document is one record of a JSONL file. ``encoding`` is the codec the bytes were
    decoded with (``None`` for text that never was bytes), ``newline`` the dominant line ending.
    """

    text: str
    path: str | None = None
    record: str | None = None
    encoding: str | None = "utf-8"
    newline: str = "\n"
    meta: Mapping[str, Any] = field(default_factory=dict)
    # Set when the bytes could not be decoded: the text is then empty and no rule but ENC runs.
    decode_error: str | None = None
    # Hash of the raw bytes (or text) the document came from; keys caches and baselines.
    content_hash: str | None = None

    @property
    def id(self) -> str:
        """A stable identifier: ``path`` or ``path#record``."""
        base = self.path if self.path is not None else "<text>"
        return f"{base}#{self.record}" if self.record is not None else base

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    @cached_property
    def lines(self) -> list[Line]:
        parts = self.text.split("\n")
        if len(parts) > 1 and not parts[-1]:
            parts.pop()  # the text ends with a newline: no empty last line
        out: list[Line] = []
        append = out.append
        start = 0
        for number, part in enumerate(parts, 1):
            size = len(part)
            if size and part[-1] == "\r":
                append(Line(number, start, start + size - 1, part[:-1]))
            else:
                append(Line(number, start, start + size, part))
            start += size + 1
        return out

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        out: list[Paragraph] = []
        append = out.append
        for line in self.lines:
            text = line.text
            stripped = text.strip(BLANK_CHARS)
            if not stripped:
                continue
            if len(stripped) == len(text):
                append(Paragraph(len(out), line.number, line.start, line.end, text))
                continue
            start = line.start + len(text) - len(text.lstrip(BLANK_CHARS))
            append(Paragraph(len(out), line.number, start, start + len(stripped), stripped))
        return out

    def position(self, offset: int) -> Position:
        """1-based line and column of a code-point offset (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return Position(index + 1, offset - self._line_starts[index] + 1)

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def line_span(self, number: int, *, with_newline: bool = True) -> tuple[int, int]:
        """Offsets of a whole line; with ``with_newline`` the span includes its terminator, so
        deleting it removes the line."""
        starts = self._line_starts
        start = starts[number - 1]
        if with_newline and number < len(starts):
            return start, starts[number]
        return start, self.lines[number - 1].end
