"""String tests on the two sides of an edit between versions: helpers of the difference
classifier (``corpus.differences``)."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .align import Stream


def clip(t: str, n: int = 24) -> str:
    return t if len(t) <= n else t[: n - 1] + "…"


def same_after(wa: str, wb: str, x: str, y: str) -> bool:
    return (x in wa and wa.replace(x, y) == wb) or (y in wa and wa.replace(y, x) == wb)


def occurs_over(text: str, word: str, lo: int, hi: int) -> bool:
    """Whether ``word`` occurs in ``text`` overlapping ``lo:hi``."""
    start = max(0, lo - len(word) + 1)
    i = text.find(word, start, hi + len(word) - 1)
    return i >= 0 and i < max(hi, lo + 1)


def differing_runs(ta: str, tb: str) -> list[tuple[int, int]]:
    """Runs of positions where two equally long strings differ."""
    runs: list[tuple[int, int]] = []
    for i, (x, y) in enumerate(zip(ta, tb)):
        if x != y:
            if runs and runs[-1][1] == i:
                runs[-1] = (runs[-1][0], i + 1)
            else:
                runs.append((i, i + 1))
    return runs


def single_replacements(ta: str, tb: str, keep: Callable[[str, str], bool]) -> list[tuple[int, int]]:
    """Positions (in ``ta``, in ``tb``) of the one-character replacements inside an edit that
    ``keep`` accepts, the two strings aligned on what they share (``力可以`` / ``刀能够``:
    力/刀 beside a synonym swap; ``的损失往`` / ``损失住``: 往/住 beside a dropped 的)."""
    out = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "replace" and i2 - i1 == j2 - j1 == 1 and keep(ta[i1], tb[j1]):
            out.append((i1, j1))
    return out


def term_change(words_a: list[str], words_b: list[str], is_word: Callable[[str], bool]) -> bool:
    """A term of 3+ characters changed in one character (``零配件``/``零部件``) — not a compound
    of two words where one word was swapped for another (``现实情况``/``现实状况``: a rewording)."""
    for x in words_a:
        for y in words_b:
            if len(x) == len(y) >= 3 and sum(p != q for p, q in zip(x, y)) == 1:
                if len(x) == 4 and all(is_word(h) for h in (x[:2], x[2:], y[:2], y[2:])):
                    continue
                return True
    return False


def shared(ta: str, tb: str, pa: int, pb: int, n: int, step: int) -> int:
    """How many of ``n`` characters next to positions ``pa``/``pb`` (leftwards with step -1,
    rightwards from the end with step 1) are the same in both texts."""
    k = 0
    while k < n:
        ia, ib = (pa - k - 1, pb - k - 1) if step < 0 else (pa + k, pb + k)
        if ia < 0 or ib < 0 or ia >= len(ta) or ib >= len(tb) or ta[ia] != tb[ib]:
            break
        k += 1
    return k


def context_ok(s: Stream, lo: int, hi: int) -> bool:
    """At least two characters of the same clause on the left or on the right of the edit."""
    left = lo >= 2 and not s.breaks[lo] and not s.breaks[lo - 1]
    right = hi + 1 < len(s.text) and not s.breaks[hi] and not s.breaks[hi + 1]
    return left or right


def layout_edge(sa: Stream, alo: int, ahi: int, sb: Stream, blo: int, bhi: int) -> bool:
    """A clause break at an edge of the edit in one version only (a word cut by re-wrapping:
    难 | 题 facing 问题): whether each side forms a word there cannot be compared."""
    def at(s: Stream, p: int) -> bool:
        return p < len(s.breaks) and bool(s.breaks[p])
    return at(sa, alo) != at(sb, blo) or at(sa, ahi) != at(sb, bhi)
