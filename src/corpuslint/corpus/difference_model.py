"""What the difference classifier (``corpus.differences``) hands out: the kinds of difference,
the two sides of one, and how rules locate and report them (the place a finding goes on, the
other version's place it points at)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.document import Document
from ..core.findings import Related, related
from .align import Stream
from .figures import Figure

if TYPE_CHECKING:
    from .figure_differences import FigureAt
    from .model import Corpus

FIGURE, TYPO, NAME, WORDING, NEUTRAL, PASSAGE = "figure", "typo", "name", "wording", "neutral", "passage"
KINDS = (FIGURE, NAME, TYPO, WORDING, PASSAGE, NEUTRAL)


@dataclass(frozen=True, slots=True)
class Side:
    doc: Document
    lo: int  # stream range
    hi: int
    start: int  # text offsets
    end: int

    @property
    def text(self) -> str:
        return self.doc.text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Difference:
    kind: str
    pair: Any  # the VersionPair (None when classified outside a corpus)
    a: Side
    b: Side
    a_show: str  # how each side is shown in a message
    b_show: str
    typo_side: str = ""  # "a" | "b" for typos
    reason: str = ""
    figure_a: Figure | None = None
    figure_b: Figure | None = None


@dataclass(frozen=True, slots=True)
class EditContext:
    """What classifying the edits of one pair needs."""

    sa: Stream
    sb: Stream
    figs_a: list[FigureAt]
    figs_b: list[FigureAt]
    rel_a: list[tuple[int, int, str]]
    rel_b: list[tuple[int, int, str]]
    pair: Any

    def diff(self, kind: str, alo: int, ahi: int, blo: int, bhi: int, a_show: str, b_show: str,
             reason: str = "") -> Difference:
        return Difference(kind, self.pair, side_of(self.sa, alo, ahi), side_of(self.sb, blo, bhi),
                          a_show, b_show, reason=reason)


# -- iterating and locating ---------------------------------------------------------------------
def location(doc: Document, side: Side) -> str:
    """``path:line`` of a side, as messages name the other version's place."""
    return f"{doc.id}:{doc.position(side.start).line}"


def other_version_has(other: Side) -> Related:
    """The related location every version finding points at: the other version's text."""
    return related(other.doc, other.start, other.end, f"the other version has `{other.text}`")


def versions_in_reach(corpus: Corpus) -> bool:
    """Whether another version of a document can exist: two documents in the run, or the
    corpus-root index (``cache_dir``) to find one outside it."""
    return len(corpus) >= 2 or corpus.cache_dir is not None


def side_of(s: Stream, lo: int, hi: int) -> Side:
    if hi > lo:
        start, end = s.span(lo, hi)
    else:
        start = end = s.offsets[lo] if lo < len(s.offsets) else len(s.doc.text)
    return Side(s.doc, lo, hi, start, end)


