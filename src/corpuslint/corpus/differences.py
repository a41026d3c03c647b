"""What differs between two versions of one article: every aligned difference, labelled once.

The one difference classifier of corpuslint: VER001 reports its figures, VER002 its names, VER003
its wording, VER004 its passages, TYP004 its typos, and the HTML report shows all of them. Each
version pair is aligned character by character (``corpus.align``); every *edit* between the two
streams gets one label:

* ``figure``  — the edit changes a figure and the values differ (``50亿元``/``60亿元``), edits at
  a figure's edge included (``3日``/``13日``), and a unit changed (``3天``/``3年``). Equal values
  written differently (``1.5万``/``15000``), a date facing a relative date word
  (``2021年``/``去年``) are ``neutral``.
* ``typo``    — one side forms no word in its context where the other does, whatever the
  characters' frequency as words alone (``工作入员``/``工作人员``, ``丙名``/``两名``), unless two
  grammatical characters were swapped (与/和: editors do that); or the characters are OCR
  look-alikes (``rules/typ`` shape and OCR data) and one side reads far worse in both contexts
  (``推进士地``: 进士 by accident; ``甲上述`` / ``由上述``: ``lookalike_reading``); or it doubles a character (``辐射射材``/``溅射靶材``); or a
  figure's unit became impossible (``2023年05月``/``2023日05月``).
* ``name``    — the edit is part of a name on either side: a proper noun, or a stem before an
  organisation head (``丞达精机``/``丞达精密``, ``浙江大学``/``浙工大学``, ``高新技术产业园区``/
  ``开发区``; ``corpus.names``), or a term of three characters or more changed in one character
  (``汽车零配件``/``汽车零部件``).
* ``wording`` — both sides are real words with another meaning; synonyms (``ver/synonyms.txt``).
* ``neutral`` — nothing to report: inserted or dropped words (``的``), abbreviations
  (``ver/equivalents.txt``: ``规上``/``规模以上``), equal figures, edits nothing decides.
* ``passage`` — a long run present in one version only, inside the part both share.

Punctuation and re-wrapping never reach the classifier: streams hold letters and digits only.
Its parts: ``difference_model`` (the kinds, the two sides of a difference, locating them),
``figure_differences`` (figures in stream positions, two figures compared),
``edit_words`` (the words around an edit), ``names`` (is a span part of a name),
``edit_strings`` (string tests), ``lookalike_reading`` (which side of a look-alike pair misreads),
``ocr_data`` (the look-alike table).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..core.document import Document
from ..text import is_han
from .align import Alignment, Edit, Stream, alignment_of, stream_of
from .difference_model import (  # noqa: F401 (the classifier's public names, read from here)
    FIGURE,
    KINDS,
    NAME,
    NEUTRAL,
    PASSAGE,
    TYPO,
    WORDING,
    Difference,
    EditContext,
    Side,
    location,
    other_version_has,
    side_of,
    versions_in_reach,
)
from .edit_strings import (
    clip,
    context_ok,
    differing_runs,
    layout_edge,
    occurs_over,
    same_after,
    shared,
    single_replacements,
    term_change,
)
from .edit_words import WORD_FREQ, ContextWords
from .figure_differences import (
    FigureAt,
    RelativeAt,
    compare_figures,
    figures_in,
    figures_touching,
    relative_categories,
    relative_in,
)
from .figures import FigureExtractor
from ..text.lexicon import Lexicon, load_lexicon
from .names import NameFinder
from .lookalike_reading import LookalikeReading
from .ocr_data import char_bigrams, lookalikes, ocr_table

FIGURES_KEY = "ver.figures"  # where a document's features keep its figures (read by corpus.prealign too)

if TYPE_CHECKING:
    from ..core.packs import PackStore
    from .model import Corpus
    from .results import VersionPair

MAX_WORD_EDIT = 6  # longest substitution (characters per side) classified as words
MAX_TYPO_EDIT = 4
MAX_FIGURE_EDIT = 12
MIN_PASSAGE = 30  # stream characters
COMMON_DOUBLE = 20  # a doubled character pair this frequent is a word (常常, 天天)
RARE_CHAR = 5000  # a character less frequent than this (as a word on its own) is rare



class DifferenceClassifier:
    """Loads the data once; labels the edits of version pairs (cached per pair in a corpus)."""

    def __init__(self, packs: PackStore) -> None:
        self.lex: Lexicon = load_lexicon(packs)
        self.figures = FigureExtractor(packs.table("ver/units.txt", 2), packs.lines("ver/relative_dates.txt"))
        # characters whose doubling is ordinary though the lexicon lacks it (年年, 说说; TYP's data)
        self.reduplicating = packs.chars("typ/reduplication.txt")
        self.names = NameFinder(packs, self.lex)
        self.equivalents = [tuple(r[:2]) for r in packs.table("ver/equivalents.txt", 2)]
        self.synonyms = [tuple(r[:2]) for r in packs.table("ver/synonyms.txt", 2)]
        self.lookalikes = lookalikes(packs)
        self._synonyms_longest = sorted(self.synonyms, key=lambda p: -len(p[1]))
        self.words = ContextWords(self.lex, {h: 100 for h in self.names.heads})  # heads read as words
        self.reading = LookalikeReading(self.words, lambda: char_bigrams(packs), ocr_table(packs))

    # -- per document --------------------------------------------------------------------------
    def figures_in(self, doc: Document, stream: Stream) -> list[FigureAt]:
        return figures_in(self.figures, doc, stream)

    def relative_in(self, doc: Document, stream: Stream) -> list[RelativeAt]:
        return relative_in(self.figures, doc, stream)

    def doc_figures(self, corpus: Corpus, doc: Document) -> list[FigureAt]:
        extra = corpus.features(doc).extra
        if FIGURES_KEY not in extra:
            extra[FIGURES_KEY] = self.figures_in(doc, stream_of(corpus, doc))
        return extra[FIGURES_KEY]

    def _doc_relative(self, corpus: Corpus, doc: Document) -> list[tuple[int, int, str]]:
        extra = corpus.features(doc).extra
        if "ver.relative" not in extra:
            extra["ver.relative"] = self.relative_in(doc, stream_of(corpus, doc))
        return extra["ver.relative"]

    # -- per pair ------------------------------------------------------------------------------
    def differences(self, corpus: Corpus, pair: VersionPair) -> list[Difference]:
        """Every labelled difference of a version pair (neutral ones included), once per run."""
        cache: dict[int, list[Difference]] = corpus.features(pair.a).extra.setdefault(_CACHE, {})
        got = cache.get(id(pair.b))
        if got is None:
            got = self.classify(alignment_of(corpus, pair), self.doc_figures(corpus, pair.a),
                                self.doc_figures(corpus, pair.b), self._doc_relative(corpus, pair.a),
                                self._doc_relative(corpus, pair.b), pair)
            cache[id(pair.b)] = got
        return got

    def figure_agreement(self, corpus: Corpus, pair: VersionPair) -> tuple[int, int]:
        """(figures of ``pair.a`` the other version repeats identically, figure differences)."""
        al = alignment_of(corpus, pair)
        same = sum(1 for _, lo, hi in self.doc_figures(corpus, pair.a) if al.map_range(lo, hi)[2])
        diff = sum(1 for d in self.differences(corpus, pair) if d.kind == FIGURE)
        return same, diff

    def classify(self, al: Alignment, figs_a: list[FigureAt], figs_b: list[FigureAt],
                 rel_a: list[tuple[int, int, str]], rel_b: list[tuple[int, int, str]],
                 pair: Any = None) -> list[Difference]:
        """Label every inner edit of an alignment (no corpus needed: the HTML report calls it)."""
        out: list[Difference] = []
        ctx = EditContext(al.a, al.b, figs_a, figs_b, rel_a, rel_b, pair)
        for e in al.edits:
            la, lb = e.a_hi - e.a_lo, e.b_hi - e.b_lo
            if not e.inner and (not la or not lb or max(la, lb) > MAX_FIGURE_EDIT):
                continue  # material before or after the shared part: another article, chrome
            out.extend(self._edit(ctx, e))
        return out

    def _edit(self, c: EditContext, e: Edit) -> list[Difference]:
        sa, sb = c.sa, c.sb
        la, lb = e.a_hi - e.a_lo, e.b_hi - e.b_lo
        if max(la, lb) >= MIN_PASSAGE and min(la, lb) * 4 <= max(la, lb):
            return [c.diff(PASSAGE, e.a_lo, e.a_hi, e.b_lo, e.b_hi,
                           clip(sa.text[e.a_lo:e.a_hi]), clip(sb.text[e.b_lo:e.b_hi]))]
        fa, fb = figures_touching(c.figs_a, e.a_lo, e.a_hi), figures_touching(c.figs_b, e.b_lo, e.b_hi)
        if fa and fb:
            return self._figures(c, e, fa, fb)
        ta, tb = sa.text[e.a_lo:e.a_hi], sb.text[e.b_lo:e.b_hi]
        if not la or not lb:
            d = self._doubling_insert(c, e)
            return [d if d is not None else c.diff(NEUTRAL, e.a_lo, e.a_hi, e.b_lo, e.b_hi, ta, tb,
                                                   reason="inserted or dropped")]
        if max(la, lb) > MAX_WORD_EDIT or (fa or fb) and (la != lb or la > 2):
            return [c.diff(NEUTRAL, e.a_lo, e.a_hi, e.b_lo, e.b_hi, ta, tb, reason="too long to tell")]
        whole = self._words(c, e.a_lo, e.a_hi, e.b_lo, e.b_hi, bool(fa), bool(fb))
        runs = differing_runs(ta, tb) if la == lb else []
        if any(y[0] - x[1] < 2 for x, y in zip(runs, runs[1:])):
            runs = []  # one rewording (很明显的 / 非常显著), not two changes
        if len(runs) > 1 and whole.kind in (NEUTRAL, WORDING):
            # two changes a character or two apart were merged by the alignment (本情况土 /
            # 木情况士): each on its own may be a typo or a name
            parts = [self._words(c, e.a_lo + i, e.a_lo + j, e.b_lo + i, e.b_lo + j,
                                 bool(figures_touching(c.figs_a, e.a_lo + i, e.a_lo + j)),
                                 bool(figures_touching(c.figs_b, e.b_lo + i, e.b_lo + j))) for i, j in runs]
            if any(d.kind not in (NEUTRAL, WORDING) for d in parts):
                return parts
        if whole.kind in (NEUTRAL, WORDING):
            # a look-alike misreading merged by the alignment with a rewording next to it
            typos = [d for d in (self._words(c, e.a_lo + i, e.a_lo + i + 1, e.b_lo + j, e.b_lo + j + 1, False, False)
                                 for i, j in single_replacements(ta, tb, self._looks_alike)
                                 if not (figures_touching(c.figs_a, e.a_lo + i, e.a_lo + i + 1)
                                         or figures_touching(c.figs_b, e.b_lo + j, e.b_lo + j + 1)))
                     if d.kind == TYPO]
            if typos and len(ta) + len(tb) > 2:
                return typos
        return [whole]

    # -- figures -------------------------------------------------------------------------------
    def _figures(self, c: EditContext, e: Edit, fa: list[FigureAt], fb: list[FigureAt]) -> list[Difference]:
        # "2021年" facing "去年": a relative date word where the other version has the figure;
        # it stands for a year, a month or a day, by its last character
        rel_cats = relative_categories(c.rel_a, e.a_lo, e.a_hi, c.rel_b, e.b_lo, e.b_hi)
        out: list[Difference] = []
        used: set[int] = set()
        # a changed digit is a changed figure, even when it makes an impossible one (10月/30月)
        digits = any(ch.isdigit() for ch in c.sa.text[e.a_lo:e.a_hi] + c.sb.text[e.b_lo:e.b_hi])
        for x, xlo, xhi in fa:
            for n, (y, ylo, yhi) in enumerate(fb):
                if n in used:
                    continue
                kind, reason, typo_side = compare_figures(x, y, rel_cats, digits)
                if kind is None:
                    continue
                used.add(n)
                if kind == TYPO:  # show and replace what differs, not the whole figure
                    out.append(self._typo(c, e.a_lo, e.a_hi, e.b_lo, e.b_hi, typo_side, reason))
                    break
                out.append(Difference(kind, c.pair, Side(c.sa.doc, xlo, xhi, x.start, x.end),
                                      Side(c.sb.doc, ylo, yhi, y.start, y.end), x.text, y.text,
                                      typo_side=typo_side, reason=reason, figure_a=x, figure_b=y))
                break
        if not out:
            out.append(c.diff(NEUTRAL, e.a_lo, e.a_hi, e.b_lo, e.b_hi, c.sa.text[e.a_lo:e.a_hi],
                              c.sb.text[e.b_lo:e.b_hi], reason="figures not comparable"))
        return out

    # -- inserted characters -------------------------------------------------------------------
    def _doubling_insert(self, c: EditContext, e: Edit) -> Difference | None:
        """One extra character that doubles its neighbour (``3月份份`` / ``3月份``): an OCR typo."""
        a_has = e.a_hi > e.a_lo
        x, lo, hi = (c.sa, e.a_lo, e.a_hi) if a_has else (c.sb, e.b_lo, e.b_hi)
        if hi - lo != 1:
            return None
        ch = x.text[lo]
        if not is_han(ch) or x.breaks[lo]:
            return None
        prev_same = lo > 0 and x.text[lo - 1] == ch
        next_same = hi < len(x.text) and x.text[hi] == ch and not x.breaks[hi]
        if not (prev_same or next_same) or self.lex.freq(ch + ch) >= COMMON_DOUBLE:
            return None
        s, t = (lo - 1, hi) if prev_same else (lo, hi + 1)
        side_x = side_of(x, s, t)
        y, ylo = (c.sb, e.b_lo) if a_has else (c.sa, e.a_lo)
        side_y = side_of(y, ylo - (1 if prev_same else 0), ylo + (0 if prev_same else 1))
        side_a, side_b = (side_x, side_y) if a_has else (side_y, side_x)
        return Difference(TYPO, c.pair, side_a, side_b, side_a.text, side_b.text,
                          typo_side="a" if a_has else "b", reason="a doubled character")

    # -- substitutions: typos, names, wording --------------------------------------------------
    def _words(self, c: EditContext, alo: int, ahi: int, blo: int, bhi: int, fig_a: bool, fig_b: bool) -> Difference:
        sa, sb = c.sa, c.sb
        ta, tb = sa.text[alo:ahi], sb.text[blo:bhi]
        wa, wb = sa.text[max(0, alo - 3):ahi + 3], sb.text[max(0, blo - 3):bhi + 3]
        if not all(is_han(ch) or ch.isdigit() for ch in ta + tb):
            return c.diff(NEUTRAL, alo, ahi, blo, bhi, ta, tb, reason="letters or symbols")
        if any(same_after(wa, wb, x, y) for x, y in self.equivalents):
            return c.diff(NEUTRAL, alo, ahi, blo, bhi, ta, tb, reason="an abbreviation")
        fn = self.names.function_chars
        if len(ta) == len(tb) == 1 and ta in fn and tb in fn and not self._looks_alike(ta, tb):
            return c.diff(NEUTRAL, alo, ahi, blo, bhi, ta, tb, reason="grammatical words swapped")
        word_swap = min(len(ta), len(tb)) >= 2 and self.lex.freq(ta) >= WORD_FREQ and self.lex.freq(tb) >= WORD_FREQ
        dbl_a, dbl_b = self._doubled(sa, alo, ahi), self._doubled(sb, blo, bhi)
        if max(len(ta), len(tb)) <= MAX_TYPO_EDIT and dbl_a != dbl_b and not word_swap:
            return self._typo(c, alo, ahi, blo, bhi, "a" if dbl_a else "b", "a doubled character")
        cov_a = fig_a or self.words.covered(sa, alo, ahi) or self._ordinary_double(sa, alo, ahi)
        cov_b = fig_b or self.words.covered(sb, blo, bhi) or self._ordinary_double(sb, blo, bhi)
        look = len(ta) == len(tb) and self._looks_alike(ta, tb)
        name_a, name_b = self.names.in_name(sa, alo, ahi), self.names.in_name(sb, blo, bhi)
        synonym = self._canon(wa) == self._canon(wb) or self._synonym_at(sa, alo, ahi, sb, blo, bhi)
        if (name_a or name_b) and not look and not synonym and not (fig_a or fig_b):
            return self._name(c, alo, ahi, blo, bhi, name_a, name_b, "a name")
        if len(ta) == len(tb) <= 2 and not word_swap and cov_a != cov_b and not layout_edge(sa, alo, ahi, sb, blo, bhi):
            # one side forms no word where the other does: a typo, whatever the characters'
            # frequency as words alone — unless grammatical characters are swapped for each other
            # (与/和, 于/在: editors do that) and OCR could not have made it
            bad, odd = ("b", tb) if cov_a else ("a", ta)
            if look or self._rare(odd) or not (all(ch in fn for ch in ta) and all(ch in fn for ch in tb)):
                return self._typo(c, alo, ahi, blo, bhi, bad, "not a word here")
        if look and len(ta) == len(tb) <= 2 and not synonym:
            # look-alikes where one side reads far worse in both contexts, whether both read as
            # words (推进士地: 进士 by accident; 本轮 / 木轮) or neither does (由上述 / 甲上述)
            gap = self.reading.evidence(sa, alo, ahi, sb, blo, bhi)
            if self.reading.decides(ta, tb, gap):
                return self._typo(c, alo, ahi, blo, bhi, "b" if gap > 0 else "a", "reads far worse")
        if fig_a or fig_b or not (cov_a and cov_b) or dbl_a or dbl_b:
            return c.diff(NEUTRAL, alo, ahi, blo, bhi, ta, tb, reason="nothing decides")
        if not (context_ok(sa, alo, ahi) and context_ok(sb, blo, bhi)):
            return c.diff(NEUTRAL, alo, ahi, blo, bhi, ta, tb, reason="no context")
        if synonym:
            return self._wording(c, alo, ahi, blo, bhi, "synonyms")
        words_a, words_b = self.words.covering(sa, alo, ahi), self.words.covering(sb, blo, bhi)
        if not word_swap and any(self.names.is_proper(s.text[i:j]) and i <= lo and hi <= j
               for s, lo, hi in ((sa, alo, ahi), (sb, blo, bhi)) for i, j in self.words.word_spans(s, lo, hi)):
            return self._name(c, alo, ahi, blo, bhi, None, None, "a proper noun")
        if len(ta) == len(tb) == 1 and term_change(words_a, words_b, self._is_word) and not self._predicate_swap(sa, alo, sb, blo):
            return self._name(c, alo, ahi, blo, bhi, None, None, "a term")
        return self._wording(c, alo, ahi, blo, bhi, "other words")

    def _typo(self, c: EditContext, alo: int, ahi: int, blo: int, bhi: int, which: str, reason: str) -> Difference:
        # show (and replace) the edit widened to the words covering it, over shared text
        side_a, side_b = self._widen(c, alo, ahi, blo, bhi, limit=2)
        return Difference(TYPO, c.pair, side_a, side_b, side_a.text, side_b.text, typo_side=which, reason=reason)

    def _name(self, c: EditContext, alo: int, ahi: int, blo: int, bhi: int,
              name_a: tuple[int, int] | None, name_b: tuple[int, int] | None, reason: str) -> Difference:
        side_a, side_b = self._widen(c, alo, ahi, blo, bhi, spans=(name_a, name_b))
        return Difference(NAME, c.pair, side_a, side_b, side_a.text, side_b.text, reason=reason)

    def _wording(self, c: EditContext, alo: int, ahi: int, blo: int, bhi: int, reason: str) -> Difference:
        side_a, side_b = self._widen(c, alo, ahi, blo, bhi)
        return Difference(WORDING, c.pair, side_a, side_b, side_a.text, side_b.text, reason=reason)

    def _widen(self, c: EditContext, alo: int, ahi: int, blo: int, bhi: int, *, limit: int = 4,
               spans: tuple[tuple[int, int] | None, tuple[int, int] | None] = (None, None)) -> tuple[Side, Side]:
        """Widen an edit on both sides alike to the words covering it (a name: to the name),
        over text both versions share."""
        left = right = 0
        for s, lo, hi, span in ((c.sa, alo, ahi, spans[0]), (c.sb, blo, bhi, spans[1])):
            wlo, whi = span if span is not None else self.words.cover_span(s, lo, hi)
            left, right = max(left, lo - wlo), max(right, whi - hi)
        limit = max(limit, 8) if any(spans) else limit
        left = shared(c.sa.text, c.sb.text, alo, blo, min(left, limit), -1)
        right = shared(c.sa.text, c.sb.text, ahi, bhi, min(right, limit), 1)
        return side_of(c.sa, alo - left, ahi + right), side_of(c.sb, blo - left, bhi + right)

    # -- words around an edit ------------------------------------------------------------------
    def _predicate_swap(self, sa: Stream, alo: int, sb: Stream, blo: int) -> bool:
        """The changed character makes a verb or an adverb with a neighbour on both sides
        (决定性 / 确定性: 决定 / 确定): a change of wording, not of a term."""
        def verbs(s: Stream, p: int) -> bool:
            return any(s.text[i:i + 2] in self.lex.predicates for i in (p - 1, p) if i >= 0)
        return verbs(sa, alo) and verbs(sb, blo)

    def _synonym_at(self, sa: Stream, alo: int, ahi: int, sb: Stream, blo: int, bhi: int) -> bool:
        """A synonym pair swapped in the edit, with other changes merged into it (高科技公司因此 /
        高科技企业所以: a generic head swapped for its synonym is no changed name)."""
        for x, y in self.synonyms:
            for p, q in ((x, y), (y, x)):
                if occurs_over(sa.text, p, alo, ahi) and occurs_over(sb.text, q, blo, bhi):
                    return True
        return False

    def _canon(self, t: str) -> str:
        """``t`` with every synonym written as the first of its pair (两处 swaps merged into one
        edit, 公司称因此 / 企业称所以, compare equal)."""
        for x, y in self._synonyms_longest:
            t = t.replace(y, x)
        return t

    def _is_word(self, t: str) -> bool:
        return self.lex.freq(t) >= WORD_FREQ

    def _looks_alike(self, ta: str, tb: str) -> bool:
        return all(x == y or y in self.lookalikes.get(x, ()) for x, y in zip(ta, tb))

    def _rare(self, t: str) -> bool:
        return all(self.lex.freq(ch) < RARE_CHAR for ch in t if is_han(ch))

    def _ordinary_double(self, s: Stream, lo: int, hi: int) -> bool:
        """The changed characters double a neighbour the way Chinese does (年年, 说说)."""
        t = s.text
        return all(t[p] in self.reduplicating and ((p > 0 and t[p - 1] == t[p]) or (p + 1 < len(t) and t[p + 1] == t[p]))
                   for p in range(lo, hi))

    def _doubled(self, s: Stream, lo: int, hi: int) -> bool:
        t = s.text
        for p in range(max(0, lo - 1), min(hi, len(t) - 1)):
            if t[p] == t[p + 1] and is_han(t[p]) and not s.breaks[p + 1]:
                if self.lex.freq(t[p] * 2) >= COMMON_DOUBLE or t[p] in self.reduplicating:
                    continue
                # 法规规避: a word ends with the character and the next one starts with it
                if self.words.word_at(t, p, -1) and self.words.word_at(t, p + 1, 1):
                    continue
                return True
        return False


_CACHE = "ver.diffs"  # DocFeatures.extra key: id(other version) -> the pair's differences
_CLASSIFIERS: dict[tuple, DifferenceClassifier] = {}


def classifier_for(packs: PackStore) -> DifferenceClassifier:
    """One classifier per set of pack folders and process (VER and TYP004 share it, and with it
    the per-pair cache: each pair is classified once)."""
    got = _CLASSIFIERS.get(tuple(packs.dirs))
    if got is None:
        got = _CLASSIFIERS[tuple(packs.dirs)] = DifferenceClassifier(packs)
    return got


def classified(corpus: Corpus, pair: VersionPair) -> list[Difference] | None:
    """The differences of a pair if a rule had it classified in this run (the HTML report shows
    them), without classifying it."""
    return corpus.features(pair.a).extra.get(_CACHE, {}).get(id(pair.b))


# -- iterating -----------------------------------------------------------------------------------
def iter_kind(classifier: Callable[[], DifferenceClassifier], corpus: Corpus, kind: str,
              pick: Callable[[Difference], tuple[Side, Side]]) -> Iterator[tuple[Difference, Side, Side]]:
    """Differences of one kind as (difference, side reported on, other side), each reported
    place once; ``pick`` chooses the side a finding goes on. ``classifier`` is called only
    when there is a pair: its data loads in a third of a second, which a pre-commit run on a
    file with no other version should not pay."""
    seen: set[tuple[int, int, int]] = set()
    pairs = corpus.versions.pairs()
    if not pairs:
        return
    model = classifier()
    for pair in pairs:
        for d in model.differences(corpus, pair):
            if d.kind != kind:
                continue
            target, other = pick(d)
            key = (id(target.doc), target.start, target.end)
            if key not in seen:
                seen.add(key)
                yield d, target, other
