"""Names of organisations, companies, zones and places in a version stream: is a changed span
part of one?

A name is a proper noun of the lexicon (jieba's ``ns``/``nt`` words: 余姚, 浙江大学) or a *stem*
followed by an organisation *head* (``ver/name_heads.txt``: 公司, 大学, 研究院, 开发区 …):
``丞达精机``, ``浙江大学``, ``高新技术产业园区``. A bare head word is not a name (``该公司``,
``这家企业``, ``公司的发展``): the stem must be two characters or more, reaching back from the
head over characters that are not grammatical ones (``ver/function_chars.txt``: particles,
prepositions, demonstratives). Read by the difference classifier (``corpus.differences``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import is_han
from ..text.lexicon import Lexicon

if TYPE_CHECKING:
    from ..core.packs import PackStore
    from .align import Stream

STEM_REACH = 6  # characters between a changed span and the head of its name, at most
MAX_STEM = 8  # longest stem read leftwards from a head


class NameFinder:
    def __init__(self, packs: PackStore, lex: Lexicon) -> None:
        self.lex = lex
        self.heads = frozenset(packs.lines("ver/name_heads.txt"))
        self.max_head = max((len(h) for h in self.heads), default=1)
        self.function_chars = packs.chars("ver/function_chars.txt")

    def is_head(self, word: str) -> bool:
        return word in self.heads or any(len(h) >= 2 and word.endswith(h) for h in self.heads)

    def is_proper(self, word: str) -> bool:
        return len(word) >= 2 and word in self.lex.proper

    def head_after(self, s: Stream, pos: int, reach: int = STEM_REACH) -> tuple[int, int] | None:
        """The first head starting within ``reach`` characters from ``pos`` in the same clause,
        with no grammatical character before it: (start, end) in the stream."""
        text, n = s.text, len(s.text)
        for i in range(pos, min(n, pos + reach + 1)):
            if i > pos and (s.breaks[i] or text[i - 1] in self.function_chars):
                return None
            for k in range(min(self.max_head, n - i), 1, -1):
                if text[i:i + k] in self.heads:
                    return i, i + k
        return None

    def stem_start(self, s: Stream, head_lo: int, *, over_words: bool = True) -> int:
        """How far left the stem of a name whose head starts at ``head_lo`` reaches: over the
        CJK characters and letters of the same clause, up to a grammatical character. With
        ``over_words`` False it also stops before a known word (what a name's unknown part is:
        ``丞达`` of ``新落户丞达精机``), as a message shows it."""
        lo = head_lo
        text = s.text
        while lo > 0 and head_lo - lo < MAX_STEM and not s.breaks[lo]:
            c = text[lo - 1]
            if c in self.function_chars or c.isdigit() or not (is_han(c) or c.isalpha()):
                break
            if lo >= 2 and not s.breaks[lo - 1] and self.lex.freq(text[lo - 2:lo]) >= 3:
                if not over_words or text[lo - 2] in self.function_chars or text[lo - 2:lo] in self.lex.predicates:
                    break  # a verb or an adverb is no part of a name (选择仲裁委员会)
                lo -= 2
                continue
            lo -= 1
        return lo

    def in_name(self, s: Stream, lo: int, hi: int) -> tuple[int, int] | None:
        """The name (stem + head) holding the changed span ``lo:hi`` of ``s``, if it is part of one
        whose stem has two characters or more; a changed span made only of grammatical characters
        is never part of a name."""
        if hi > lo and all(c in self.function_chars for c in s.text[lo:hi]):
            return None
        # the span is (part of) the head itself: 园区 / 开发区 after 高新技术产业
        for start in range(max(0, lo - self.max_head + 1), hi):
            for k in range(self.max_head, 1, -1):
                # the head holds the end of the change (建工 of 改建工作 / 改建事务 does not)
                if start + k < hi or start >= hi or start + k > len(s.text):
                    continue
                if s.text[start:start + k] in self.heads and not _crosses_break(s, start, start + k):
                    first = min(start, lo)
                    stem = self.stem_start(s, first)
                    if first - stem >= 2:
                        return self.stem_start(s, first, over_words=False), max(hi, start + k)
        # the span is in the stem: 浙江 / 浙工 before 大学
        head = self.head_after(s, hi)
        if head is not None:
            stem = self.stem_start(s, head[0])
            if stem <= lo and head[0] - stem >= 2:
                return min(lo, self.stem_start(s, head[0], over_words=False)), head[1]
        return None


def _crosses_break(s: Stream, lo: int, hi: int) -> bool:
    return any(s.breaks[i] for i in range(lo + 1, hi))
