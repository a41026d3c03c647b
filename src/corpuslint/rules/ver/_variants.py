"""What differs between versions of one article, classified once per version pair.

Shared by the VER rules and TYP's version rule. Each version pair is aligned character by
character (``corpus.align``); every *edit* between the two streams is then classified:

* ``figure``  — the edit changes a figure on both sides and the values differ (``50亿元`` /
  ``60亿元``). Equal values written differently (``1.5万``/``15000``) and a figure facing a
  relative date word (``2021年``/``去年``) are not differences.
* ``typo``    — a short substitution where one side is not made of words: it doubles a character
  (``辐射射材``/``溅射靶材``, ``超超纯``/``超高纯``) or leaves characters no lexicon word covers,
  while the other side is made of known words.
* ``name``    — a short substitution where both sides are known words and one of them is (part of)
  a name: an organisation, company, zone or place head from ``ver/name_heads.txt``
  (``丞达精机``/``丞达精密``, ``高新技术产业园区``/``高新技术产业开发区``).
* ``wording`` — any other substitution of known words by known words (``零配件``/``零部件``).
* ``passage`` — a long run present in one version and missing in the other, inside the aligned
  part of both.

Abbreviations and full forms from ``ver/equivalents.txt`` (``规上``/``规模以上``) are never
differences; pure insertions and deletions of a few characters are neutral edits, except a
character doubled by OCR.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex
from typing import TYPE_CHECKING, Callable, Iterator

from ...core.document import Document
from ...core.findings import Edit as FixEdit, Finding, Fix, Related, related
from ...corpus.align import Alignment, Stream, alignment_of, stream_of
from ...corpus.figures import Figure, FigureExtractor
from ...corpus.lexicon import Lexicon, load_lexicon
from ...corpus.normalize import is_cjk, simplified_aligned

if TYPE_CHECKING:
    from ...core.packs import PackStore
    from ...core.rule import Rule
    from ...corpus.model import Corpus
    from ...corpus.versions import VersionPair

FIGURE, TYPO, NAME, WORDING, PASSAGE = "figure", "typo", "name", "wording", "passage"

MAX_WORD_EDIT = 6  # longest substitution (characters per side) taken for a name or wording change
MAX_TYPO_EDIT = 4
MAX_FIGURE_EDIT = 12
MIN_PASSAGE = 30  # stream characters
WINDOW = 6  # characters either side of an edit searched for covering words
COMMON_DOUBLE = 20  # a doubled character pair this frequent is a word (常常, 天天)
SINGLE_WORD = 5000  # a character this frequent as a word on its own is a word, not a typo


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
    pair: VersionPair
    a: Side
    b: Side
    a_show: str  # how each side is shown in a message
    b_show: str
    typo_side: str = ""  # "a" | "b" for typos
    reason: str = ""
    figure_a: Figure | None = None
    figure_b: Figure | None = None


class Analyzer:
    """Loads the data once; classifies the edits of version pairs (cached per pair)."""

    def __init__(self, packs: PackStore) -> None:
        self.lex: Lexicon = load_lexicon(packs)
        self.figures = FigureExtractor(packs.table("ver/units.txt", 2), packs.lines("ver/relative_dates.txt"))
        self.heads = set(packs.lines("ver/name_heads.txt"))
        self.equivalents = [tuple(r[:2]) for r in packs.table("ver/equivalents.txt", 2)]
        self.synonyms = [tuple(r[:2]) for r in packs.table("ver/synonyms.txt", 2)]
        # Grammatical characters that never start or continue a name leftwards (a closed class).
        self.function_chars = packs.chars("ver/function_chars.txt")

    # -- per document --------------------------------------------------------------------------
    def doc_figures(self, corpus: Corpus, doc: Document) -> list[tuple[Figure, int, int]]:
        feats = corpus.features(doc)
        got = feats.extra.get("ver.figures")
        if got is None:
            stream = stream_of(corpus, doc)
            got = []
            for text, offsets in _logical_paragraphs(doc):
                # read figures in simplified characters (萬 -> 万), offsets unchanged
                for f in self.figures.extract(simplified_aligned(text)):
                    start, end = offsets[f.start], offsets[f.end - 1] + 1
                    f = replace(f, start=start, end=end, text=doc.text[start:end])
                    lo, hi = stream.range_of(f.start, f.end)
                    if lo < hi:
                        got.append((f, lo, hi))
            feats.extra["ver.figures"] = got
        return got

    def doc_relative(self, corpus: Corpus, doc: Document) -> list[tuple[int, int, str]]:
        feats = corpus.features(doc)
        got = feats.extra.get("ver.relative")
        if got is None:
            stream = stream_of(corpus, doc)
            got = [(*stream.range_of(p.start + s, p.start + e), w)
                   for p in doc.paragraphs for s, e, w in self.figures.relative_dates(p.text)]
            feats.extra["ver.relative"] = got
        return got

    # -- per pair ------------------------------------------------------------------------------
    def differences(self, corpus: Corpus, pair: VersionPair) -> list[Difference]:
        cache: dict[int, list[Difference]] = corpus.features(pair.a).extra.setdefault("ver.diffs", {})
        got = cache.get(id(pair.b))
        if got is None:
            got = list(self._classify(corpus, pair))
            cache[id(pair.b)] = got
        return got

    def figure_agreement(self, corpus: Corpus, pair: VersionPair) -> tuple[int, int]:
        """(figures of ``pair.a`` the other version repeats identically, figure differences)."""
        al = alignment_of(corpus, pair)
        same = sum(1 for _, lo, hi in self.doc_figures(corpus, pair.a) if al.map_range(lo, hi)[2])
        diff = sum(1 for d in self.differences(corpus, pair) if d.kind == FIGURE)
        return same, diff

    def _classify(self, corpus: Corpus, pair: VersionPair) -> Iterator[Difference]:
        al = alignment_of(corpus, pair)
        sa, sb = al.a, al.b
        figs_a = self.doc_figures(corpus, pair.a)
        figs_b = self.doc_figures(corpus, pair.b)
        rel_a = self.doc_relative(corpus, pair.a)
        rel_b = self.doc_relative(corpus, pair.b)
        for e in al.edits:
            la, lb = e.a_hi - e.a_lo, e.b_hi - e.b_lo
            if not e.inner and (not la or not lb or max(la, lb) > MAX_FIGURE_EDIT):
                continue  # material before or after the shared part: another article, chrome
            if max(la, lb) >= MIN_PASSAGE and min(la, lb) * 4 <= max(la, lb):
                yield self._passage(pair, sa, sb, e.a_lo, e.a_hi, e.b_lo, e.b_hi)
                continue
            fa = _overlapping(figs_a, e.a_lo, e.a_hi)
            fb = _overlapping(figs_b, e.b_lo, e.b_hi)
            if fa or fb:
                if fa and fb and max(la, lb) <= MAX_FIGURE_EDIT:
                    yield from self._figures(pair, sa, sb, e, fa, fb, rel_a, rel_b)
                continue
            ta, tb = sa.text[e.a_lo:e.a_hi], sb.text[e.b_lo:e.b_hi]
            if any(c.isdigit() for c in ta + tb):
                continue
            if not la or not lb:
                d = self._doubling_insert(pair, sa, sb, e.a_lo, e.a_hi, e.b_lo, e.b_hi)
                if d is not None:
                    yield d
                continue
            if max(la, lb) <= MAX_WORD_EDIT:
                d = self._words(pair, sa, sb, e.a_lo, e.a_hi, e.b_lo, e.b_hi)
                if d is not None:
                    yield d

    # -- figures -------------------------------------------------------------------------------
    def _figures(self, pair, sa, sb, e, fa, fb, rel_a, rel_b) -> Iterator[Difference]:
        # "2021年" facing "去年": a relative date word where the other version has the figure;
        # it stands for a year, a month or a day, by its last character
        rel_cats = {_REL_CATEGORY.get(w[-1], "") for w in
                    _overlapping_words(rel_a, e.a_lo, e.a_hi) + _overlapping_words(rel_b, e.b_lo, e.b_hi)}
        used: set[int] = set()
        for x, xlo, xhi in fa:
            for n, (y, ylo, yhi) in enumerate(fb):
                if n in used or not x.comparable(y):
                    continue
                used.add(n)
                if x.same_value(y):
                    break
                if x.category in rel_cats or y.category in rel_cats:
                    break
                yield Difference(FIGURE, pair, Side(pair.a, xlo, xhi, x.start, x.end),
                                 Side(pair.b, ylo, yhi, y.start, y.end), x.text, y.text,
                                 reason=x.category, figure_a=x, figure_b=y)
                break

    # -- passages ------------------------------------------------------------------------------
    def _passage(self, pair, sa, sb, alo, ahi, blo, bhi) -> Difference:
        return Difference(PASSAGE, pair, _side(sa, alo, ahi), _side(sb, blo, bhi),
                          _clip(sa.text[alo:ahi]), _clip(sb.text[blo:bhi]))

    # -- words, names and typos ----------------------------------------------------------------
    def _doubling_insert(self, pair, sa, sb, alo, ahi, blo, bhi) -> Difference | None:
        """One extra character that doubles its neighbour (``3月份份`` / ``3月份``): an OCR typo."""
        a_has = ahi > alo
        x, lo, hi = (sa, alo, ahi) if a_has else (sb, blo, bhi)
        if hi - lo != 1:
            return None
        c = x.text[lo]
        if not is_cjk(c) or x.breaks[lo]:
            return None
        prev_same = lo > 0 and x.text[lo - 1] == c
        next_same = hi < len(x.text) and x.text[hi] == c and not x.breaks[hi]
        if not (prev_same or next_same) or self.lex.freq(c + c) >= COMMON_DOUBLE:
            return None
        s, e = (lo - 1, hi) if prev_same else (lo, hi + 1)
        side_x = _side(x, s, e)
        y, ylo = (sb, blo) if a_has else (sa, alo)
        side_y = _side(y, ylo - (1 if prev_same else 0), ylo + (0 if prev_same else 1))
        sa_side, sb_side = (side_x, side_y) if a_has else (side_y, side_x)
        return Difference(TYPO, pair, sa_side, sb_side, sa_side.text, sb_side.text,
                          typo_side="a" if a_has else "b", reason="a doubled character")

    def _words(self, pair, sa, sb, alo, ahi, blo, bhi) -> Difference | None:
        ta, tb = sa.text[alo:ahi], sb.text[blo:bhi]
        if not all(is_cjk(c) for c in ta + tb):
            return None
        wa = sa.text[max(0, alo - 3):ahi + 3]
        wb = sb.text[max(0, blo - 3):bhi + 3]
        for x, y in self.equivalents:
            if _same_after(wa, wb, x, y):
                return None
        dbl_a, dbl_b = self._doubled(sa, alo, ahi), self._doubled(sb, blo, bhi)
        size = max(ahi - alo, bhi - blo)
        # a word replaced by a word is never a typo, even next to a doubled character
        word_swap = (min(len(ta), len(tb)) >= 2 and self.lex.freq(ta) >= 3 and self.lex.freq(tb) >= 3)
        if size <= MAX_TYPO_EDIT and dbl_a != dbl_b and not word_swap:
            return self._typo(pair, sa, sb, alo, ahi, blo, bhi, "a" if dbl_a else "b", "a doubled character")
        cov_a1, cov_b1 = self._covered(sa, alo, ahi, 3), self._covered(sb, blo, bhi, 3)
        # an OCR substitution keeps the length; a character that is a common word on its own
        # (和, 与) is no typo however its neighbours read
        if size <= 2 and len(ta) == len(tb) and not word_swap:
            if not cov_a1 and self._rare_chars(ta) and self._covered(sb, blo, bhi, 5):
                return self._typo(pair, sa, sb, alo, ahi, blo, bhi, "a", "not a known word")
            if not cov_b1 and self._rare_chars(tb) and self._covered(sa, alo, ahi, 5):
                return self._typo(pair, sa, sb, alo, ahi, blo, bhi, "b", "not a known word")
        if not (cov_a1 and cov_b1) or dbl_a or dbl_b:
            return None
        if not (_context_ok(sa, alo, ahi) and _context_ok(sb, blo, bhi)):
            return None
        _, _, words_a = self._cover_span(sa, alo, ahi, 3)
        _, _, words_b = self._cover_span(sb, blo, bhi, 3)
        # a name on both sides: a name head (精机/精密, 园区/开发区) or a proper noun of the
        # lexicon (places, organisations) — a synonym swap of common words is only wording
        kind = WORDING
        if any(self._name_like(w) for w in words_a) and any(self._name_like(w) for w in words_b):
            kind = NAME
        for x, y in self.synonyms:
            if _same_after(wa, wb, x, y):
                kind = WORDING
        side_a, side_b = self._widen(sa, sb, alo, ahi, blo, bhi, 3, name=kind == NAME)
        return Difference(kind, pair, side_a, side_b, side_a.text, side_b.text)

    def _widen(self, sa: Stream, sb: Stream, alo: int, ahi: int, blo: int, bhi: int,
               min_freq: int, *, name: bool = False, limit: int = 4) -> tuple[Side, Side]:
        """Widen an edit on both sides alike to the known words covering it (and, for a name,
        over the characters before it that form no word), over text both versions share."""
        left = right = 0
        for s, lo, hi in ((sa, alo, ahi), (sb, blo, bhi)):
            wlo, whi, _ = self._cover_span(s, lo, hi, min_freq)
            if name:
                wlo = self._name_start(s, wlo)
            left, right = max(left, lo - wlo), max(right, whi - hi)
        left = _shared(sa.text, sb.text, alo, blo, min(left, limit), -1)
        right = _shared(sa.text, sb.text, ahi, bhi, min(right, limit), 1)
        return _side(sa, alo - left, ahi + right), _side(sb, blo - left, bhi + right)

    def _typo(self, pair, sa, sb, alo, ahi, blo, bhi, which: str, reason: str) -> Difference:
        # show (and replace) the edit widened to the words covering it, over shared text
        side_a, side_b = self._widen(sa, sb, alo, ahi, blo, bhi, 1, limit=2)
        return Difference(TYPO, pair, side_a, side_b, side_a.text, side_b.text, typo_side=which,
                          reason=reason)

    def _name_like(self, word: str) -> bool:
        return _is_head(word, self.heads) or word in self.lex.proper

    def _rare_chars(self, t: str) -> bool:
        return all(self.lex.freq(c) < SINGLE_WORD for c in t)

    def _doubled(self, s: Stream, lo: int, hi: int) -> bool:
        t = s.text
        for p in range(max(0, lo - 1), min(hi, len(t) - 1)):
            if t[p] == t[p + 1] and is_cjk(t[p]) and not s.breaks[p + 1]:
                if self.lex.freq(t[p] * 2) < COMMON_DOUBLE:
                    return True
        return False

    def _words_around(self, s: Stream, lo: int, hi: int, min_freq: int) -> list[tuple[int, int, str]]:
        clo, _ = s.clause(lo)
        _, chi = s.clause(max(lo, hi - 1))
        wlo, whi = max(clo, lo - WINDOW), min(chi, hi + WINDOW)
        text = s.text
        out = []
        maxlen = min(self.lex.max_len, 8)
        for i in range(wlo, hi):
            for j in range(max(i + 2, lo + 1), min(whi, i + maxlen) + 1):
                w = text[i:j]
                if self.lex.freq(w) >= min_freq or w in self.heads:
                    out.append((i, j, w))
        return out

    def _covered(self, s: Stream, lo: int, hi: int, min_freq: int) -> bool:
        words = self._words_around(s, lo, hi, min_freq)
        return all(any(i <= p < j for i, j, _ in words) for p in range(lo, hi))

    def _cover_span(self, s: Stream, lo: int, hi: int, min_freq: int) -> tuple[int, int, list[str]]:
        """The edit widened to the longest known word covering each of its characters."""
        words = self._words_around(s, lo, hi, min_freq)
        clo, chi, found = lo, hi, []
        for p in range(lo, hi):
            best = max((w for w in words if w[0] <= p < w[1]), key=lambda w: (w[1] - w[0], -w[0]), default=None)
            if best is not None:
                clo, chi = min(clo, best[0]), max(chi, best[1])
                found.append(best[2])
        return clo, chi, found

    def _name_start(self, s: Stream, lo: int) -> int:
        """Widen a name leftwards over characters that form no word (``丞达`` of ``丞达精机``)."""
        n = 0
        while n < 4 and lo > 0 and not s.breaks[lo] and is_cjk(s.text[lo - 1]):
            # stop where the character before ends a known word with its own left neighbour
            if lo >= 2 and not s.breaks[lo - 1] and self.lex.freq(s.text[lo - 2:lo]) >= 3:
                break
            if s.text[lo - 1] in self.function_chars:
                break
            lo -= 1
            n += 1
        return lo


_OPEN_END = regex.compile(r"[\p{Han}0-9０-９]$")
_OPEN_START = regex.compile(r"^[\p{Han}0-9０-９]")


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


# -- helpers ----------------------------------------------------------------------------------
def _side(s: Stream, lo: int, hi: int) -> Side:
    if hi > lo:
        start, end = s.span(lo, hi)
    else:
        start = end = s.offsets[lo] if lo < len(s.offsets) else len(s.doc.text)
    return Side(s.doc, lo, hi, start, end)


def _clip(t: str, n: int = 24) -> str:
    return t if len(t) <= n else t[: n - 1] + "…"


def _overlapping(figs: list[tuple[Figure, int, int]], lo: int, hi: int) -> list[tuple[Figure, int, int]]:
    if lo == hi:
        return [f for f in figs if f[1] < lo < f[2]]
    return [f for f in figs if f[1] < hi and lo < f[2]]


def _overlapping_words(words: list[tuple[int, int, str]], lo: int, hi: int) -> list[str]:
    return [w for s, e, w in words if s < hi and lo < e]


_REL_CATEGORY = {"年": "year", "月": "month", "日": "day", "天": "day", "前": "day", "期": "day"}


def _same_after(wa: str, wb: str, x: str, y: str) -> bool:
    return (x in wa and wa.replace(x, y) == wb) or (y in wa and wa.replace(y, x) == wb)


def _shared(ta: str, tb: str, pa: int, pb: int, n: int, step: int) -> int:
    """How many of ``n`` characters next to positions ``pa``/``pb`` (leftwards with step -1,
    rightwards from the end with step 1) are the same in both texts."""
    k = 0
    while k < n:
        ia, ib = (pa - k - 1, pb - k - 1) if step < 0 else (pa + k, pb + k)
        if ia < 0 or ib < 0 or ia >= len(ta) or ib >= len(tb) or ta[ia] != tb[ib]:
            break
        k += 1
    return k


def _context_ok(s: Stream, lo: int, hi: int) -> bool:
    """At least two characters of the same clause on the left or on the right of the edit."""
    left = lo >= 2 and not s.breaks[lo] and not s.breaks[lo - 1]
    right = hi + 1 < len(s.text) and not s.breaks[hi] and not s.breaks[hi + 1]
    return left or right


def _is_head(word: str, heads: set[str]) -> bool:
    return word in heads or any(len(h) >= 2 and word.endswith(h) for h in heads)


# -- reporting --------------------------------------------------------------------------------
def report(rule: Rule, analyzer: Analyzer, corpus: Corpus, kind: str, *,
           describe, skip_pair=None) -> Iterator[Finding]:
    """Findings for differences of one kind across all version groups.

    With two versions the finding goes on the later one and points at the earlier. With three
    or more, the value every version has is counted: when one value has a strict majority, each
    version with another value gets the finding, with an unsafe fix to the majority's text.
    ``describe(d, own, other, own_show, other_show, majority)`` returns the message.
    """
    index = corpus.versions
    seen: set[tuple[int, int, int]] = set()
    for pair in index.pairs():
        if skip_pair is not None and skip_pair(pair):
            continue
        group = index.group_of(pair.a)
        members = group.members if group is not None else [pair.a, pair.b]
        for d in analyzer.differences(corpus, pair):
            if d.kind != kind:
                continue
            target, other, t_show, o_show = d.b, d.a, d.b_show, d.a_show
            majority = None
            if len(members) >= 3:
                votes = _votes(analyzer, corpus, d, members)
                n = len(members)
                if votes is not None:
                    va, vb = votes
                    if va * 2 > n:
                        majority = (va, n)
                    elif vb * 2 > n:
                        target, other, t_show, o_show = d.a, d.b, d.a_show, d.b_show
                        majority = (vb, n)
            if majority is None and corpus.is_context(target.doc):
                # The other version lives outside this run: report on the run's document.
                target, other, t_show, o_show = other, target, o_show, t_show
            key = (id(target.doc), target.start, target.end)
            if key in seen:
                continue
            seen.add(key)
            fix = None
            if majority is not None and target.end > target.start:
                fix = Fix.unsafe(f"use `{other.text}`, as {majority[0]} of {majority[1]} versions do",
                                 FixEdit(target.start, target.end, other.text))
            message = describe(d, target, other, t_show, o_show, majority)
            yield rule.finding(target.doc, target.start, max(target.end, target.start), message,
                               fix=fix, related=[other_version_has(other)])


def _votes(analyzer: Analyzer, corpus: Corpus, d: Difference, members: list[Document]) -> tuple[int, int] | None:
    """How many versions side with ``d.a``'s text and with ``d.b``'s at this place."""
    sa, sb = stream_of(corpus, d.pair.a), stream_of(corpus, d.pair.b)
    ka, kb = sa.text[d.a.lo:d.a.hi], sb.text[d.b.lo:d.b.hi]
    va, vb = 1, 1
    for z in members:
        if z is d.pair.a or z is d.pair.b:
            continue
        p = corpus.versions.pair(d.pair.a, z)
        if p is None:
            continue
        al: Alignment = alignment_of(corpus, p)
        zlo, zhi, same = al.map_range(d.a.lo, d.a.hi, reverse=p.a is not d.pair.a)
        if same:
            va += 1
            continue
        zs = stream_of(corpus, z)
        kz = zs.text[zlo:zhi]
        if d.kind == FIGURE and d.figure_b is not None:
            figs = _overlapping(analyzer.doc_figures(corpus, z), zlo, zhi)
            vals = [f for f, _, _ in figs if f.comparable(d.figure_b)]
            if vals and vals[0].same_value(d.figure_b):
                vb += 1
            elif vals and d.figure_a is not None and vals[0].same_value(d.figure_a):
                va += 1
        elif kz == kb or kb in kz and len(kz) - len(kb) <= 2:
            vb += 1
        elif kz == ka:
            va += 1
    return va, vb


def location(doc: Document, side: Side) -> str:
    pos = doc.position(side.start)
    return f"{doc.id}:{pos.line}"


def versions_in_reach(corpus: Corpus) -> bool:
    """Whether another version of a document can exist: two documents in the run, or the
    corpus-root index (``cache_dir``) to find one outside it."""
    return len(corpus) >= 2 or corpus.cache_dir is not None


def iter_kind(analyzer: Analyzer, corpus: Corpus, kind: str,
              pick: Callable[[Difference], tuple[Side, Side]]) -> Iterator[tuple[Difference, Side, Side]]:
    """Differences of one kind as (difference, side reported on, other side), each reported
    place once; ``pick`` chooses the side a finding goes on."""
    seen: set[tuple[int, int, int]] = set()
    for pair in corpus.versions.pairs():
        for d in analyzer.differences(corpus, pair):
            if d.kind != kind:
                continue
            target, other = pick(d)
            key = (id(target.doc), target.start, target.end)
            if key not in seen:
                seen.add(key)
                yield d, target, other


def other_version_has(other: Side) -> Related:
    """The related location every version finding points at: the other version's text."""
    return related(other.doc, other.start, other.end, f"the other version has `{other.text}`")
