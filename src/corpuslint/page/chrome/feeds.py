"""Feeds of other articles, for CHR010 (rules/chr/chrome_block.py): the same small group of
lines printed again and again outside the article, each group a teaser of another article
with its date on a line of its own —

    2024秋冬中国国际时装周开幕
    2024年3月23日，由中国服装设计师协会主办的……
    2024-03-26 21:07

A feed is at least `min_feed_items` groups of 2-4 lines (the same number in every group)
whose date lines stand at the same place in each group, every group holding a headline
(a line of at most 40 characters with no sentence end). A chronology of the article writes
its events as sentences and its dates inside them, so it has no headline in every group."""

from __future__ import annotations

from typing import Callable, Iterator

import regex

from ...text import CHARS, char_class
from ..layout import Block, Page

# a date (and time) alone on its line: `2024-03-26 21:07`, `2024/3/26`, `2024年3月26日`, `05-24 10:30`
_DATE = regex.compile(
    r"^\s*(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}-\d{1,2}(?=\s+\d))"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
_STRONG = regex.compile(char_class(CHARS.sentence_final_strong))
_MAX_GROUP, _HEADLINE_MAX, _LINE_MAX = 4, 40, 200


def date_line(b: Block) -> bool:
    return b.length <= 20 and bool(_DATE.match(b.text))


def _headline(b: Block) -> bool:
    return not b.prose and 2 <= b.length <= _HEADLINE_MAX and not _STRONG.search(b.text) \
        and not date_line(b)


def feeds(lay: Page, outside: Callable[[int], bool], min_items: int) -> Iterator[list[int]]:
    """Block indices of each feed on the page whose lines all satisfy ``outside`` (outside
    the article)."""
    blocks = lay.blocks
    dates = [i for i, b in enumerate(blocks) if date_line(b)]
    k = 0
    while k < len(dates):
        # the longest run of date lines a constant 2-4 lines apart from dates[k]
        best: list[int] = [dates[k]]
        if k + 1 < len(dates) and 2 <= dates[k + 1] - dates[k] <= _MAX_GROUP:
            gap = dates[k + 1] - dates[k]
            best = [dates[k]]
            j = k + 1
            while j < len(dates) and dates[j] - best[-1] == gap:
                best.append(dates[j])
                j += 1
            got = _feed(blocks, best, gap, outside) if len(best) >= min_items else None
            if got:
                yield got
                k = j
                continue
        k += 1


def _feed(blocks: list[Block], dates: list[int], gap: int, outside: Callable[[int], bool]) -> list[int] | None:
    """The feed's lines for date lines ``dates`` ``gap`` apart: each group holds its date at
    the same place (``shift`` lines after the group's first) and a headline."""
    fits: list[tuple[bool, int]] = []
    for shift in range(gap):
        first, last = dates[0] - shift, dates[-1] - shift + gap - 1
        if first < 1 or last >= len(blocks):
            continue
        if any(blocks[i].length > _LINE_MAX or not outside(i) for i in range(first, last + 1)):
            continue
        if all(any(_headline(blocks[i]) for i in range(d - shift, d - shift + gap)) for d in dates):
            # a group that opens with its headline first (`标题` / teaser / date)
            fits.append((not all(_headline(blocks[d - shift]) for d in dates), shift))
    if not fits:
        return None
    shift = min(fits)[1]
    return list(range(dates[0] - shift, dates[-1] - shift + gap))
