"""Figures of a version stream and how two figures facing each other across versions compare.

Part of the difference classifier (``corpus.differences``): figures are read per logical
paragraph (lines broken mid-sentence joined again) in simplified characters, placed in stream
positions, and compared by value — never by text (``corpus.figures``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

import regex

from ..core.document import Document
from .align import Stream
from .figures import Figure, FigureExtractor
from .normalize import simplified_aligned_many

FigureAt = tuple[Figure, int, int]  # a figure and its stream range
RelativeAt = tuple[int, int, str]  # a relative date word (去年) and its stream range

# labels (the classifier's kinds) a comparison returns
FIGURE, TYPO, NEUTRAL = "figure", "typo", "neutral"

_OPEN_END = regex.compile(r"[\p{Han}0-9０-９]$")
_OPEN_START = regex.compile(r"^[\p{Han}0-9０-９]")
# what a relative date word stands for, by its last character
_REL_CATEGORY = {"年": "year", "月": "month", "日": "day", "天": "day", "前": "day", "期": "day"}


def figures_in(extractor: FigureExtractor, doc: Document, stream: Stream) -> list[FigureAt]:
    out = []
    logical = list(_logical_paragraphs(doc))
    # read figures in simplified characters (萬 -> 万), offsets unchanged
    for (_, offsets), simple in zip(logical, simplified_aligned_many([t for t, _ in logical])):
        for f in extractor.extract(simple):
            start, end = offsets[f.start], offsets[f.end - 1] + 1
            f = replace(f, start=start, end=end, text=doc.text[start:end])
            lo, hi = stream.range_of(f.start, f.end)
            if lo < hi:
                out.append((f, lo, hi))
    return out


def relative_in(extractor: FigureExtractor, doc: Document, stream: Stream) -> list[RelativeAt]:
    return [(*stream.range_of(p.start + s, p.start + e), w)
            for p in doc.paragraphs for s, e, w in extractor.relative_dates(p.text)]


def figures_touching(figs: list[FigureAt], lo: int, hi: int) -> list[FigureAt]:
    """Figures an edit overlaps; for an insertion point, figures it touches (``3日`` -> ``13日``)."""
    if lo == hi:
        return [f for f in figs if f[1] <= lo <= f[2]]
    return [f for f in figs if f[1] < hi and lo < f[2]]


def relative_categories(rel_a: list[RelativeAt], a_lo: int, a_hi: int,
                        rel_b: list[RelativeAt], b_lo: int, b_hi: int) -> set[str]:
    """What the relative date words at an edit stand for ("2021年" facing "去年": a year)."""
    words = [w for s, e, w in rel_a if s <= a_hi and a_lo <= e] + [w for s, e, w in rel_b if s <= b_hi and b_lo <= e]
    return {_REL_CATEGORY.get(w[-1], "") for w in words}


def compare_figures(x: Figure, y: Figure, rel_cats: set[str], digits: bool) -> tuple[str | None, str, str]:
    """(label, reason, typo side) for two figures facing each other; None: not a pair.
    ``digits``: the edit changed a digit (then an impossible figure is a changed figure)."""
    bad_x, bad_y = (False, False) if digits else (_impossible(x), _impossible(y))
    if bad_x != bad_y:
        return TYPO, "an impossible figure", "a" if bad_x else "b"
    if x.comparable(y):
        if x.same_value(y) or x.category in rel_cats or y.category in rel_cats:
            return NEUTRAL, "the same figure", ""
        return FIGURE, x.category, ""
    if x.ordinal != y.ordinal or (x.date is None) != (y.date is None):
        return None, "", ""
    if x.value == y.value and x.unit and y.unit and not (rel_cats & {x.category, y.category}):
        return FIGURE, "unit", ""  # 3天 / 3年: the same number of other things
    return None, "", ""


def _impossible(f: Figure) -> bool:
    """A figure no text means: month 13 of a date, a year read as a day (``2023日05月``: its
    年 OCR'd as 日)."""
    if f.date is not None:
        _, m, d = f.date
        return (m is not None and not 1 <= m <= 12) or (d is not None and not 1 <= d <= 31)
    if f.unit in ("日", "号", "月份"):
        return 1900 <= f.value <= 2100 and f.value == int(f.value)
    return False


def _logical_paragraphs(doc: Document) -> Iterator[tuple[str, list[int]]]:
    """Paragraphs with lines broken mid-sentence joined again (``百分之七`` / ``十``), each with
    the offset in ``doc.text`` of every character."""
    text: list[str] = []
    offsets: list[int] = []
    for para in doc.paragraphs:
        if text and not (_OPEN_END.search(text[-1]) and _OPEN_START.match(para.text)):
            yield "".join(text), offsets
            text, offsets = [], []
        text.append(para.text)
        offsets.extend(range(para.start, para.end))
    if text:
        yield "".join(text), offsets
