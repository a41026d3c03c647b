"""Hard wrapping: a text broken into lines at a fixed width, so that line breaks fall inside
sentences throughout. Part of the page model (``page.flow`` reads it): when the whole text is
wrapped, every line "breaks a sentence", which is one finding for the document (LAY005), not
hundreds of broken sentences.

A wrapper counts terminal cells (a CJK character is two) or characters; it breaks before a
character that would overflow, so lines fall a cell or a few short of the width."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from ..core import Document, Paragraph
from ..text import CHARS, cell_width

# Hard wrapping: at least this many lines of at least WRAP_MIN_CELLS cells, the most common width
# held by WRAP_MODE_SHARE of them and widths within WRAP_SLACK cells below it by WRAP_NEAR_SHARE
# (a wrapper breaks before a character that would overflow, so lines fall a cell or a few short).
WRAP_MIN_LINES = 12
WRAP_MIN_CELLS = 20
WRAP_MODE_SHARE = 0.3
WRAP_NEAR_SHARE = 0.6
WRAP_SLACK = 6

_INDENT = (" ", "\t", "\u3000", "\u00a0")
_ENDS = CHARS.sentence_final_strong | CHARS.closing_quotes | CHARS.ellipsis


@dataclass(frozen=True)
class Wrap:
    width: int
    unit: str  # "columns" (terminal cells: a CJK character is two) or "characters"

    def measure(self, text: str) -> int:
        return cell_width(text) if self.unit == "columns" else len(text)

    @property
    def slack(self) -> int:
        return WRAP_SLACK if self.unit == "columns" else WRAP_SLACK // 2


def wrap_width(paras: Sequence[Paragraph]) -> Wrap | None:
    """How a hard-wrapped text was wrapped, or None when lines are paragraphs. Wrappers count
    terminal cells or characters; either measure may show it."""
    # a character takes at most two cells: with fewer than WRAP_MIN_LINES paragraphs of half
    # the least width in characters, neither measure can find enough lines (most articles)
    half = (WRAP_MIN_CELLS // 2 + 1) // 2
    if sum(1 for p in paras if len(p.text) >= half) < WRAP_MIN_LINES:
        return None
    for unit in ("columns", "characters"):
        wrap = Wrap(0, unit)
        widths = [w for w in (wrap.measure(p.text) for p in paras) if w >= WRAP_MIN_CELLS // 2]
        if len(widths) < WRAP_MIN_LINES:
            return None
        width, count = Counter(widths).most_common(1)[0]
        near = sum(1 for w in widths if width - wrap.slack <= w <= width + 1)
        if (wrap.measure("中" * (WRAP_MIN_CELLS // 2)) <= width * (2 if unit == "characters" else 1)
                and count >= WRAP_MODE_SHARE * len(widths) and near >= WRAP_NEAR_SHARE * len(widths)):
            return Wrap(width, unit)
    return None


def wrapped_breaks(doc: Document, paras: Sequence[Paragraph], wrap: Wrap) -> list[tuple[int, int]]:
    """The line breaks a wrapper made inside paragraphs, as (paragraph index, next paragraph
    index): the line is filled to the margin (or a little short of it and ends no sentence), the
    next line is not indented, and no more blank lines stand between them than the text usually
    puts between its lines (more is a paragraph break)."""
    gaps = Counter(q.line - p.line - 1 for p, q in zip(paras, paras[1:]))
    usual = gaps.most_common(1)[0][0] if gaps else 0
    out: list[tuple[int, int]] = []
    for i, (p, q) in enumerate(zip(paras, paras[1:])):
        body = doc.lines[p.line - 1].text.rstrip()
        size = wrap.measure(body)
        # A line filled to the margin was wrapped; one a little short of it was wrapped too
        # unless it ends a sentence (then it is taken as the end of its paragraph).
        full = size >= wrap.width - 1 or (size >= wrap.width - wrap.slack and body[-1:] not in _ENDS)
        if not full or q.line - p.line - 1 > usual:
            continue
        if doc.lines[q.line - 1].text.startswith(_INDENT):
            continue
        out.append((i, i + 1))
    return out
