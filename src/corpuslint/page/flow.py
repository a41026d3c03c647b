"""The flow of a page's text, part of the page model: where a sentence was broken over two
paragraphs (perhaps with a caption between the halves), which short lines are captions among
the text, where text was lost or cut, and whether the whole text is hard-wrapped (``page.wrap``).

It reads the page's paragraph kinds (``page.kinds``) and is computed once per document and kept
on its Page (``flow(doc, packs)``), so every LAY rule — and any other family — reads one pass.
Data: rules/lay/layout.toml (characters that cannot open a sentence, words that cannot end
one) and the word lexicon (``text.lexicon``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import regex

from ..core import Document, PackStore, Paragraph
from ..text import CHARS, HAN, HAN_CLASS, char_class
from ..text.lexicon import Lexicon, load_lexicon
from .kinds import spaced as _spaced, unclosed
from .layout import SHORT_KINDS, page
from .wrap import Wrap, wrap_width, wrapped_breaks

PACK = "lay/layout.toml"

_SENTENCE_END = CHARS.sentence_final | CHARS.ellipsis | CHARS.closing_quotes
_CLAUSE_SPLIT = regex.compile(char_class(CHARS.clause, CHARS.sentence_final_strong, CHARS.colon))
# A title's first chunk: two to four Han characters, then a space.
_TITLE_CHUNK = regex.compile(rf"(?:#+\s*)?([{HAN_CLASS}]{{2,4}})[ \u3000]+\S")
_FIELD_SPLIT = regex.compile("(?:" + char_class(CHARS.clause, CHARS.enumeration, CHARS.colon) + r"|[\s|｜/])+")
_SENTENCE_INSIDE = regex.compile(char_class(CHARS.sentence_final_strong))


def _fields(text: str) -> bool:
    """A paragraph of short fields with no sentence in it: a byline or an author's bio
    (`张三，男，1960年生，北京大学教授`), a list of names or places. It ends without 。 by its
    nature: with nothing going on with it, it is not text cut short."""
    if _SENTENCE_INSIDE.search(text):
        return False
    parts = [x for x in _FIELD_SPLIT.split(text) if x]
    return len(parts) >= 3 and max(len(x) for x in parts) <= 12
# Caption positions: a caption or figure title is short.
# A hard wrap cuts words: of its breaks between two Han characters (when there are at least
# WRAP_HAN_JOINS), at least WRAP_WORD_SHARE run through a word (a poem's lines cut none).
WRAP_HAN_JOINS = 5
WRAP_WORD_SHARE = 0.2
CAPTION_MAX = 30  # a floating caption (no credit, no break around it)
BETWEEN_MAX = 60  # a line between the two halves of a broken sentence


@dataclass(frozen=True)
class FlowData:
    terminal: frozenset[str]
    continuing: frozenset[str]
    non_initial: frozenset[str]
    open_endings: frozenset[str]
    frame_endings: dict[str, str]  # ending word -> the word that opens its frame (的 <- 是)
    packs: PackStore

    @cached_property
    def lexicon(self) -> Lexicon:
        """Loaded on first use: most documents have no break the lexicon must judge, and a
        pre-commit run on one file should not pay for it (~0.25 s)."""
        return load_lexicon(self.packs)


@lru_cache(maxsize=8)
def _load(dirs: tuple) -> FlowData:  # type: ignore[type-arg]
    packs = PackStore(dirs[1:])
    data = packs.toml(PACK)
    return FlowData(
        terminal=CHARS.paragraph_final,
        continuing=CHARS.comma | CHARS.enumeration,
        non_initial=frozenset(data["non_initial"]),
        open_endings=frozenset(data["open_endings"]),
        frame_endings={end: opener for opener, end in data.get("frame_endings", [])},
        packs=packs,
    )


def flow_data(packs: PackStore | None = None) -> FlowData:
    return _load(tuple((packs or PackStore()).dirs))


@dataclass
class Break:
    """A sentence broken over paragraphs ``first`` .. ``second`` (indices), with ``captions``
    (indices) lying between them."""

    first: int
    second: int
    captions: tuple[int, ...]
    evidence: str  # why the halves form one sentence
    strong: bool


@dataclass
class Lost:
    """Text lost or cut: ``kind`` is "gap" (between two paragraphs), "end" (a paragraph stops
    mid-sentence), "start" (a paragraph starts mid-sentence) or "title" (a title cut short)."""

    kind: str
    para: int
    other: int | None
    message: str
    start: int
    end: int


@dataclass
class Flow:
    """The flow of a page's text: where sentences were broken, captions interleaved, text lost."""

    doc: Document
    paras: list[Paragraph]
    # the page model's kinds with its short items and link-like titles read as "short"
    # (``SHORT_KINDS``): "heading", "credit", "byline", "prose", "table", "short", "other"
    kinds: list[str]
    # Set when the whole text is hard-wrapped at a fixed width: then every line "breaks a
    # sentence", which is one finding for the document (LAY005), not hundreds.
    wrap: Wrap | None = None
    # with ``wrap``: the line breaks the wrapper made inside paragraphs (page.wrap)
    wrapped: list[tuple[int, int]] = field(default_factory=list)
    breaks: list[Break] = field(default_factory=list)
    captions: dict[int, str] = field(default_factory=dict)  # index -> reason
    lost: list[Lost] = field(default_factory=list)


_KEY = "page.flow"


def flow(doc: Document, packs: PackStore | None = None) -> Flow:
    """The flow of ``doc``'s text, computed once and kept on its Page."""
    pg = page(doc, packs)
    got = pg.extra.get(_KEY)
    if not isinstance(got, Flow):
        got = pg.extra[_KEY] = _Analyser(doc, flow_data(packs), pg.kinds).run()
    return got


class _Analyser:
    def __init__(self, doc: Document, data: FlowData, kinds: list[str]) -> None:
        self.doc = doc
        self.d = data
        self.paras = doc.paragraphs
        self.kinds = ["short" if k in SHORT_KINDS else k for k in kinds]
        self.layout = Flow(doc, self.paras, self.kinds)

    def _terminated(self, text: str) -> bool:
        return text[-1] in self.d.terminal

    def _cut(self, i: int) -> bool:
        """Paragraph ``i`` is prose that stops without sentence-final punctuation."""
        text = self.paras[i].text
        if self.kinds[i] != "prose" or self._terminated(text):
            return False
        # A line ending in digits or Latin text is a metadata or reference line (`浏览: 6,323`,
        # a DOI, English keywords) far more often than a broken sentence.
        return bool(HAN.match(text[-1])) or text[-1] in self.d.continuing \
            or unclosed(text) is not None

    def _continuation(self, j: int) -> bool:
        """Paragraph ``j`` can be the second half of a sentence: prose, or short text that
        ends a sentence (``普通公路网融合等深入合作。``)."""
        text = self.paras[j].text
        if self.kinds[j] == "prose":
            return True
        return self.kinds[j] == "short" and text[-1] in _SENTENCE_END \
            and not _spaced(text) and len(text) >= 6

    def _between(self, j: int) -> bool:
        """Paragraph ``j`` may be a caption lying between two halves of a sentence."""
        text = self.paras[j].text
        if self.kinds[j] == "credit":
            return True
        return self.kinds[j] in ("short", "byline") and len(text) <= BETWEEN_MAX \
            and not self._terminated(text)

    # -- evidence that two halves are one sentence -------------------------------------------
    def _evidence(self, a: str, b: str) -> str | None:
        d = self.d
        reason = self._cut_evidence(a)
        if reason:
            return reason
        if b[0] in d.non_initial and not self._opens_word(b):
            return f"the next part starts with {b[0]!r}"
        if not (HAN.match(a[-1]) and HAN.match(b[0])):
            return None
        tail, head = a[-6:], b[:6]
        cut = len(tail)
        pos = 0
        segments = d.lexicon.segment(tail + head)
        for seg in segments:
            end = pos + len(seg)
            if pos < cut < end:
                return f"the word {seg!r} spans the break"
            pos = end
        return None

    def _cut_evidence(self, a: str) -> str | None:
        """Evidence from the first half alone that its sentence goes on."""
        if a[-1] in self.d.continuing:
            return f"ends with {a[-1]!r}"
        opened = unclosed(a)
        if opened:
            return f"leaves {opened[0]!r} open"
        if HAN.match(a[-1]):
            last = self.d.lexicon.segment(a[-6:])[-1]
            opener = self.d.frame_endings.get(last)
            framed = opener is not None and opener in _CLAUSE_SPLIT.split(a)[-1][:-len(last)]
            if last in self.d.open_endings and not framed:
                return f"a sentence cannot end with {last!r}"
        return None

    def _spans_word(self, a: str, b: str) -> bool:
        """A word of the lexicon runs across the join of ``a`` and ``b``."""
        tail, head = a[-6:], b[:6]
        pos = 0
        for seg in self.d.lexicon.segment(tail + head):
            if pos < len(tail) < pos + len(seg):
                return True
            pos += len(seg)
        return False

    def _splits_words(self, joins: list[tuple[int, int]]) -> bool:
        """A wrapper breaks lines wherever the margin falls, so some of its breaks between two
        Han characters cut a word (`道|路`, `改|造`); a poem's lines of one length end where
        its phrases end and cut none. Fewer than WRAP_HAN_JOINS such breaks prove nothing."""
        han = [(self.paras[i].text, self.paras[j].text) for i, j in joins
               if HAN.match(self.paras[i].text[-1]) and HAN.match(self.paras[j].text[0])]
        if len(han) < WRAP_HAN_JOINS:
            return True
        return sum(1 for a, b in han if self._spans_word(a, b)) >= WRAP_WORD_SHARE * len(han)

    def _opens_word(self, text: str) -> bool:
        """``text`` opens with a word of two to four characters (`的确`, `了解`), so its
        non-initial first character (`的`, `了`) does not show a sentence going on."""
        return any(text[:k] in self.d.lexicon for k in (2, 3, 4))

    def _discontinuous(self, a: str, b: str) -> bool:
        """The second half does not go on with the first: the first stops inside a list of
        names (``与A、B、C``) and the second neither lists nor closes a list."""
        last_clause = _CLAUSE_SPLIT.split(a)[-1]
        first_clause = _CLAUSE_SPLIT.split(b)[0]
        return last_clause.count("、") >= 2 and "、" not in first_clause and "等" not in first_clause

    # -- the pass -----------------------------------------------------------------------------
    def run(self) -> Flow:
        n = len(self.paras)
        lay = self.layout
        lay.wrap = wrap_width(self.paras)
        if lay.wrap is not None:
            lay.wrapped = wrapped_breaks(self.doc, self.paras, lay.wrap)
            if not self._splits_words(lay.wrapped):
                lay.wrap, lay.wrapped = None, []
            self._captions()
            return lay
        weak: list[Break] = []
        gaps: list[Lost] = []  # text lost between two paragraphs (kept where damage is shown)
        ends: list[int] = []  # cut paragraphs that nothing continues
        for i in range(n):
            if not self._cut(i):
                continue
            a = self.paras[i].text
            # The next paragraph goes on with the sentence.
            if i + 1 < n and self._continuation(i + 1):
                b = self.paras[i + 1].text
                ev = self._evidence(a, b)
                if b[-1] not in _SENTENCE_END and (ev is None or ev.startswith("ends with")):
                    # Without proof from the words, the second half must end a sentence: a list
                    # of cut teasers (`…湿、郁、虚，` / `出现气短胸闷？医生：这两种人可能是由这些`)
                    # is not one broken sentence.
                    ends.append(i)
                    continue
                if ev is not None:
                    lay.breaks.append(Break(i, i + 1, (), ev, True))
                elif self._discontinuous(a, b):
                    gaps.append(self._gap(i, i + 1))
                else:
                    weak.append(Break(i, i + 1, (), "the first part is running text without "
                                      "final punctuation", False))
                continue
            # Captions lie between the halves: only join on positive evidence.
            j = i + 1
            while j < n and j - i <= 3 and self._between(j):
                j += 1
            if j > i + 1 and j < n and self._continuation(j):
                ev = self._evidence(a, self.paras[j].text)
                caps = tuple(range(i + 1, j))
                if ev is not None:
                    lay.breaks.append(Break(i, j, caps, ev, True))
                    continue
                if all(self.kinds[c] == "credit" for c in caps):
                    # Lines that are captions by their own form (a credit, `图1.`) may be
                    # skipped on weaker evidence.
                    weak.append(Break(i, j, caps, "the first part is running text without final "
                                      "punctuation", False))
                    continue
            ends.append(i)
        # A paragraph that merely lacks its full stop looks like a weak break. Layout damage
        # comes from the extraction, which breaks many lines of a document at once: accept the
        # weak ones only where the document shows breaks proven by a word or a quotation.
        # Proof of damage: a break shown by a word, a quotation, a sentence-final word or a
        # non-initial character (a bare trailing comma is also how teaser lists are cut).
        damaged = any(not b.evidence.startswith("ends with") for b in lay.breaks)
        if damaged:
            lay.breaks = sorted(lay.breaks + weak, key=lambda b: b.first)
            # A list left open before a paragraph that does not go on with it is lost text only
            # where extraction damage is shown: a headline or a title line of names
            # (`…实行人口与经济、社会、资源、环境协调发展`, `…国务院证券委主任、中国证监会主席周正庆`)
            # above the first paragraph stops the same way.
            lay.lost.extend(gaps)
        else:
            ends.extend(b.first for b in weak if b.captions)
        for b in lay.breaks:
            for c in b.captions:
                lay.captions[c] = "between the two halves of a broken sentence"
        for i in sorted(ends):
            p = self.paras[i]
            if _fields(p.text):
                continue
            if damaged or self._cut_evidence(p.text):
                lay.lost.append(Lost("end", i, None, "paragraph stops mid-sentence "
                                     f"(…{p.text[-12:]}); the rest may be lost",
                                     max(p.start, p.end - 12), p.end))
        self._orphans({b.second for b in lay.breaks})
        self._captions()
        self._title_cut()
        return lay

    def _gap(self, i: int, j: int) -> Lost:
        a, b = self.paras[i], self.paras[j]
        msg = (f"text lost between line {a.line} and line {b.line}: a paragraph stops "
               f"mid-sentence (…{a.text[-10:]}) and the next starts mid-sentence "
               f"({b.text[:10]}…) without going on with it")
        return Lost("gap", i, j, msg, max(a.start, a.end - 10), a.end)

    def _orphans(self, joined: set[int]) -> None:
        """Paragraphs that start mid-sentence with nothing before them to continue."""
        d = self.d
        for j, p in enumerate(self.paras):
            if j in joined or j == 0 or self.kinds[j] not in ("prose", "short"):
                continue
            c = p.text[0]
            # The mark must be followed by text (`、电器、厨具…`), not by more marks (`：：：`).
            if c in d.non_initial and len(p.text) > 1 and HAN.match(p.text[1]) \
                    and not self._opens_word(p.text) \
                    and not self._cut(j - 1):
                self.layout.lost.append(Lost(
                    "start", j, None, f"paragraph starts mid-sentence ({p.text[:10]}…); the text "
                    "before it may be lost", p.start, min(p.end, p.start + 10)))

    def _captions(self) -> None:
        lay = self.layout
        paras, kinds = self.paras, self.kinds
        n = len(paras)
        gaps = [paras[k].line - paras[k - 1].line - 1 for k in range(1, n)]
        usual = Counter(gaps).most_common(1)[0][0] if gaps else 1
        in_break = {b.first for b in lay.breaks} | {b.second for b in lay.breaks}

        def gap_before(k: int) -> int | None:
            return gaps[k - 1] if k > 0 else None

        def gap_after(k: int) -> int | None:
            return gaps[k] if k < n - 1 else None

        for k in range(n):
            if k in lay.captions or k in in_break:
                continue
            text = paras[k].text
            if kinds[k] == "credit":
                lay.captions[k] = "a photo credit or figure caption"
                # The caption text may sit on the line just above its credit.
                # Only where it sits tighter to the credit than the text's paragraphs sit to each
                # other: in text written one paragraph a line, the line above a credit is the
                # article's own (a headline `瑞雪降京城（图片）`, a date, the last sentence).
                if k > 0 and gaps[k - 1] == 0 < usual and kinds[k - 1] in ("short", "prose") \
                        and len(paras[k - 1].text) <= CAPTION_MAX and k - 1 not in in_break:
                    lay.captions[k - 1] = "the caption of the photo credited on the next line"
                continue
            if kinds[k] != "short" or len(text) > CAPTION_MAX or text[-1] in _SENTENCE_END \
                    or len(HAN.findall(text)) < 4:
                continue
            # A floating short line: set apart from the text by more blank lines than the
            # document puts between paragraphs (layout leaves space around pictures), and not
            # introducing a section: it ends the text, follows another caption, or is set apart
            # on both sides and followed by no running text.
            before, after = gap_before(k), gap_after(k)
            if before is None or before < 2 or before <= usual:
                continue
            if after is None or (k - 1) in lay.captions or (
                    after >= 2 and after > usual and kinds[k + 1] != "prose"):
                lay.captions[k] = "set apart from the text by blank space"

    def _title_cut(self) -> None:
        """A title whose first chunk is a fragment of a word used elsewhere: ``长三 谱写长三角…``
        (every other ``长三`` in the document goes on as ``长三角``)."""
        paras = self.paras
        if not paras:
            return
        text = self.doc.text
        for k, p in enumerate(paras[:3]):
            if self.kinds[k] not in ("short", "heading"):
                continue
            m = _TITLE_CHUNK.match(p.text)
            if not m:
                continue
            frag = m.group(1)
            follow = Counter()
            pos = text.find(frag)
            while pos != -1:
                if not (p.start <= pos < p.end):
                    nxt = text[pos + len(frag): pos + len(frag) + 1]
                    follow[nxt] += 1
                pos = text.find(frag, pos + 1)
            total = sum(follow.values())
            if total < 2:
                continue
            char, count = follow.most_common(1)[0]
            # The longer form must be the usual word: 长三角 (a word) over 长三 (rare alone);
            # a title's first word that the text happens to extend alike is not cut.
            lex = self.d.lexicon
            if HAN.match(char) and count == total and lex.freq(frag + char) > lex.freq(frag):
                start = p.start + m.start(1)
                self.layout.lost.append(Lost(
                    "title", k, None, f"title cut short: {frag!r} stands alone here, but the text "
                    f"always writes {frag + char!r}", start, start + len(frag)))
                return
