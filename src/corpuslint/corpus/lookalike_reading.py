"""Which side of a look-alike substitution between versions is the misreading (``人``/``入``,
``由``/``甲``, ``已``/``己``): a helper of the difference classifier (``corpus.differences``).

When two versions differ by characters OCR confuses, one of them is almost always a misreading;
the question is which. Each side's characters are read in *both* versions' contexts (the other
version's characters put in their place, everything else kept), so that other edits nearby (a
dropped ``的``, a synonym) weigh on neither reading. Two scores, in nats, each of them a
difference between the two readings of the same context:

* words: the best lexicon segmentation of the clause window (``edit_words``): 许多人不停地 reads
  as words, 许多入不停地 worse;
* characters: the character bigrams of running text (``typ/char_bigrams.tsv``) into, through and
  out of the changed characters: it decides where neither reading forms a word (由上述 / 甲上述)
  and where the wrong character forms a word with its neighbour (本轮 / 木轮).

The evidence is the mean over the two contexts of their sum; a pair the real recognizer confused
(``typ/ocr_confusions.tsv``, either direction) needs less of it than a pair only the shape tables
hold (至/到 are alike in shape, yet editors swap them and the recognizer never did).
"""

from __future__ import annotations

from functools import cached_property
from typing import Callable

from .align import Stream
from .edit_words import ContextWords
from .ocr_data import CharBigrams

OCR_EVIDENCE = 5.0  # nats that decide a pair the OCR table holds
SHAPE_EVIDENCE = 10.0  # nats that decide a pair only the shape tables hold


class LookalikeReading:
    def __init__(self, words: ContextWords, bigrams: Callable[[], CharBigrams], ocr: dict[str, dict[str, float]]) -> None:
        self.words = words
        self._bigrams = bigrams  # loaded at the first look-alike edit
        self.ocr = ocr  # observed -> intended -> log P_ocr

    @cached_property
    def bigrams(self) -> CharBigrams:
        return self._bigrams()

    def ocr_confused(self, ta: str, tb: str) -> bool:
        """Whether the recognizer misread every differing character one way or the other."""
        return all(x == y or x in self.ocr.get(y, {}) or y in self.ocr.get(x, {}) for x, y in zip(ta, tb))

    def evidence(self, sa: Stream, alo: int, ahi: int, sb: Stream, blo: int, bhi: int) -> float:
        """Nats by which ``a``'s characters read better than ``b``'s (negative: ``b``'s do)."""
        ta, tb = sa.text[alo:ahi], sb.text[blo:bhi]
        return (self._gap(sa, alo, ahi, ta, tb) + self._gap(sb, blo, bhi, ta, tb)) / 2

    def decides(self, ta: str, tb: str, evidence: float) -> bool:
        need = OCR_EVIDENCE if self.ocr_confused(ta, tb) else SHAPE_EVIDENCE
        return abs(evidence) >= need

    def _gap(self, s: Stream, lo: int, hi: int, x: str, y: str) -> float:
        """Reading ``x`` minus reading ``y`` in place of ``s.text[lo:hi]``, over its clause window."""
        wlo, whi = self.words.window(s, lo, hi)
        left, right = s.text[wlo:lo], s.text[hi:whi]
        return self._read(left, x, right) - self._read(left, y, right)

    def _read(self, left: str, mid: str, right: str) -> float:
        words = self.words.read(left + mid + right)[0]
        chars = left[-1:] + mid + right[:1]
        return words + sum(self.bigrams.log_prob(p, q) for p, q in zip(chars, chars[1:]))
