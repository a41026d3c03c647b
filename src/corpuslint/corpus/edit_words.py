"""The words around an edit between versions: the best segmentation of its clause window, which
characters it covers with known words, how well a window reads. A helper of the difference
classifier (``corpus.differences``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping

from .align import Stream
from ..text.lexicon import Lexicon

WINDOW = 6  # characters either side of an edit read for the words around it
WORD_FREQ = 3  # a lexicon entry this frequent counts as a word


class ContextWords:
    def __init__(self, lex: Lexicon, extra: Mapping[str, int]) -> None:
        self.lex = lex
        self.extra = extra  # words the lexicon lacks (name heads) with their frequency
        # the classifier asks about the same window several times per edit (covered, covering,
        # cover_span, score): each window string is segmented once
        self.read = lru_cache(maxsize=4096)(self._read)

    def _read(self, text: str) -> tuple[float, list[tuple[int, int]]]:
        return self.lex.best_segmentation(text, self.extra)

    def window(self, s: Stream, lo: int, hi: int) -> tuple[int, int]:
        """The clause window around ``lo:hi``: ``WINDOW`` characters either side, in its clause."""
        clo, _ = s.clause(lo)
        _, chi = s.clause(max(lo, hi - 1))
        return max(clo, lo - WINDOW), min(chi, hi + WINDOW)

    def segment(self, s: Stream, lo: int, hi: int) -> tuple[int, list[tuple[int, int]]]:
        """The best segmentation of the clause window around ``lo:hi``: (window start, spans)."""
        wlo, whi = self.window(s, lo, hi)
        return wlo, self.read(s.text[wlo:whi])[1]

    def score(self, s: Stream, lo: int, hi: int) -> float:
        """Log-probability of the best segmentation of the clause window around ``lo:hi``."""
        wlo, whi = self.window(s, lo, hi)
        return self.read(s.text[wlo:whi])[0]

    def word_spans(self, s: Stream, lo: int, hi: int) -> list[tuple[int, int]]:
        """Words (2+ characters, known) of the best segmentation that hold part of ``lo:hi``."""
        wlo, spans = self.segment(s, lo, hi)
        out = []
        for i, j in spans:
            i, j = i + wlo, j + wlo
            if j - i >= 2 and i < hi and lo < j and (self.lex.freq(s.text[i:j]) >= WORD_FREQ
                                                      or s.text[i:j] in self.extra):
                out.append((i, j))
        return out

    def covered(self, s: Stream, lo: int, hi: int) -> bool:
        words = self.word_spans(s, lo, hi)
        return all(any(i <= p < j for i, j in words) for p in range(lo, hi))

    def covering(self, s: Stream, lo: int, hi: int) -> list[str]:
        return [s.text[i:j] for i, j in self.word_spans(s, lo, hi)]

    def cover_span(self, s: Stream, lo: int, hi: int) -> tuple[int, int]:
        words = self.word_spans(s, lo, hi)
        return min([lo, *(i for i, _ in words)]), max([hi, *(j for _, j in words)])

    def word_at(self, t: str, p: int, direction: int) -> bool:
        """Whether a known word of 2-4 characters ends at ``p`` (direction -1: ``t[..p+1]``) or
        starts at ``p`` (1)."""
        for k in range(2, 5):
            w = t[p - k + 1:p + 1] if direction < 0 else t[p:p + k]
            if len(w) == k and p - k + 1 >= 0 and self.lex.freq(w) >= WORD_FREQ:
                return True
        return False
