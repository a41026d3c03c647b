"""## What it finds
A character that OCR or an input method most likely put in place of another: it leaves a
non-word where a confusable character makes a common word in the same place. `士地` is not a
word; `土地` is, and OCR often reads 土 as 士. `社会主义现代化新丽水建设蕞强增长极`: the rare
`蕞` joins no neighbour into a word, while `最` (same sound, similar shape) makes `最强`.

It is one noisy-channel detector. A character that forms no character pair found in any word
of the lexicon (jieba's dictionary, 349k words) with either neighbour is questioned; each
candidate replacement comes from the channel (`rules/typ/ocr_confusions.tsv`: what the PP-OCRv4
recognizer read for each of the ~6 000 commonest characters rendered and degraded, built by
`tools/typ_build_ocr_confusions.py`; and, for characters outside the recognizer's alphabet and
for sound-alikes of typed text, the older sound-alike, look-alike, component and rendered-glyph
tables). One score decides: how much more probable the ±4-character context reads with the
replacement (maximum-probability segmentation over the lexicon's word frequencies), plus the
log-probability of the misreading under the channel. A function character is scored like any
other: the channel says whether OCR produces it (人/入, 于/手, 大/太).

It stays silent when the text says the string is meant: a traditional character (a script matter) or
a regional standard form (`牠`, `妳`: `rules/typ/regional_chars.txt`); a rare character right after a
surname (a given name); a character one or two after a surname (not bound into a word with what
precedes it) when the correction leaves the surname out (`何秉松` is not `秉公`, `包爱清` not `爱情`; `祖困` ->
`祖国` is still reported); a digit neighbour (a date or quantity: `８日的比赛` is not `目的`); short
parentheses (a byline: `（闻艺摘）`); the same character within three either side (a parallel
construction: `优中取优`, `仿来仿去`); the end of a name whose surname stands alone (`谭元寿`, `沈国舫` are not
`谭元春`, `沈国放`); a place name: an administrative or street unit (乡, 县, 路: `typ/name_context.toml`)
directly after the character or one later, outside the correction's word and starting no word
(`泉永乡`, `复兰路`; `析州市` -> `杭州市` is still reported); a person's name: a title or role ending at most
one character before the character (`记者尹品端`, `副书记靳长喜`) or a title or form of address starting at
most one after it (`包玉星先生`); an organisation's name: a word that ends one (集团, 公司: `org_words` of
`typ/doubling.toml`) within six characters after, no function character between (`泉永棉织集团`); an item
of a list of names (`王一、高某某、李二`: two or three characters from a surname, next to `、`); an address
(`某某市|某阳|镇`: a unit before, a town, village or street unit after); a region named by its provinces
(`豫鲁`); two abbreviated names before `两国`, `双方` (`中蒙两国`); the verb of a passive `为……所` (`为金钱所惑`); a
surname that starts the odd string when only the glyph table pairs it (曾尔曼); a string repeated in
the document (a term: `智造`, `赋能`); a short span in quotation marks or title brackets (`“默默无蚊”`,
`《蕞美》`: titles, brands and puns); a transliterated foreign name (next to `·`); a Latin-letter
neighbour (`iPhone`); a replacement that leaves its neighbours outside words (a rare name or title).
Traditional-script documents are skipped.

## Why it matters
OCR and input methods replace characters with look-alikes and sound-alikes. The result reads as
garbage to tokenisers and search, and survives every check that only looks for invalid bytes.

## Example
`真正成为新丽水建设蕞强增长极` → `真正成为新丽水建设最强增长极`.

## Fix
Replace the character with the suggested one. **Unsafe**: the suggestion is the most probable
reading, not a certainty (names and rare terms can look like typos).

## Options
- `profile` (str, default `"default"`): `"ocr-review"` uses the lower bar `review_min_score`
  and also questions a character that pairs with a neighbour in some word but lies inside no
  word in this place (slower), for a maintainer proof-reading a freshly OCR'd batch: more
  misreadings found, more false alarms.
- `min_score` (float, default 7.5): the bar for the score (context gain + channel
  log-probability, natural log) in the default profile.
- `review_min_score` (float, default 0.5): the bar in the `ocr-review` profile.
- `bigram_weight` (float, default 0.25) and `review_bigram_weight` (float, default 0.5, the
  `ocr-review` profile): the weight of the character bigram term, the change in
  ln P(character | previous) + ln P(next | character) of running text (`rules/typ/char_bigrams.tsv`).
- `ocr_weight` (float, default 1.0) and `ocr_offset` (float, default 1.0): the channel
  log-probability of a pair measured on the recognizer is `ocr_weight * log P_ocr + ocr_offset`;
  `ocr_reverse_offset` (float, default -1.0) is added when only the other direction was seen.
- `log_p_sound`, `log_p_shape`, `log_p_shape_derived`, `log_p_contains`,
  `log_p_contains_sound`, `log_p_shape_sound`, `log_p_glyph` (floats): the channel
  log-probability given to a pair known only from the older tables, by kind (sound-alike,
  curated look-alike, computed look-alike, component pair, both, rendered glyphs). A pair that
  only sounds alike is weak evidence of a misreading by OCR: `log_p_sound` is -14 in the default
  profile and `review_log_p_sound` (-7) in `ocr-review`, where sound-alikes add recall.
- `log_p_rare_shape` (float, default -1.0): the least log-probability of a look-alike pair when
  the character in the text is rare (OCR turns common characters into rare look-alikes: 蕞 for
  最); `log_p_rare_sound` (float, default -10.0): the log-probability of a pair that only sounds
  alike when the character is rare (洇染, 堠门 are real words the lexicon lacks).
- `glyph_similarity` (float, default 0.74, `corpus.ocr_data.GLYPH_SIMILARITY`, which VER shares): the image
  similarity a glyph-table pair needs.
- `rare_char_freq` (int, default 100): characters below this lexicon count are rare.
- `rare_word_freq` (int, default 500) and `rare_word_penalty` (float, default 2.0): the bar is
  raised by the penalty when the replacement word is rarer than this (围拢, 伊犁 make poor
  evidence against 围垄, 伊梨).
- `document_evidence` (float, default 0.0, off): lower the bar by this much when the corrected
  word is written correctly elsewhere in the same document (`最强` elsewhere makes `蕞强` a slip).
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Iterable

import numpy as np

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix
from ...core.rule import OptionError
from ...corpus.ocr_data import GLYPH_SIMILARITY, char_bigrams
from ...text.lexicon import lexicon_key, load_lexicon
from ._channel import GLYPH, INTENDED, KIND, OCR, OCR_REVERSE, Candidate, channel_tables, decode_row, cjk_mask, code_points, pairs_in_words, word_fit, words_through
from ._channel import MIN_INTENDED_FREQ, WORD_MIN_FREQ
from ._common import CJK_RUN, is_traditional, word_covered
from ._guards import NameContext, silenced
from ._word_fit import fitting
from ._messages import confusion_message

# Benchmarks (bench/typ_tune.py) set this to a list to receive every scored candidate.
TRACE: list | None = None
_CTX = 4  # characters of context on each side
_MAX_WORD = 4  # longest replacement word considered
_TOP = 3  # candidate replacements (by word frequency) whose context is scored
_MIN_WORD_FREQ = WORD_MIN_FREQ  # a replacement must make a word at least this frequent (50)
_MIN_ALT_CHAR_FREQ = MIN_INTENDED_FREQ  # a replacement must be a common character (lexicon count, 1000)
_FUNCTION_FREQ = 50_000  # one-character words this common (的, 和, 在) are no part of a name
_SURNAME_WORD_FREQ = 25_000  # a surname more frequent than this as a word alone is no sign of a name
_NEAR = 2  # characters either side of the correction that must then read as words
_EMPTY = ""
_SHAPE_KINDS = ("shape", "shape+sound", "contains", "contains+sound", "glyph")
# No replacement in FASPell's or SIGHAN's sentences makes its context more probable than this
# (natural log): a candidate whose channel log-probability is lower cannot clear the bar.
_MAX_GAIN = 30.0
# How far below the bar the quick estimate of the context gain may fall and the candidate still
# be scored in full (the estimate ignores how the neighbours regroup). On FASPell train and 700k
# characters of clean news, 6.0 keeps 168 of the 169 findings of an unbounded search in 3/4 of
# its time; 3.0 kept 160.
_BOUND_SLACK = 6.0
_MAX_MEMO = 200_000  # entries of the per-context memo before it is cleared (bounded memory)
_NEAR_TEXT = 100_000  # how far around a candidate repetitions are counted (bounded work per candidate)


def _repeated(text: str, at: int, s: str) -> bool:
    """Whether ``s`` occurs at least twice in the text near offset ``at``."""
    return text.count(s, max(0, at - _NEAR_TEXT), at + _NEAR_TEXT) >= 2


def _elsewhere(text: str, at: int, word: str) -> bool:
    """Whether ``word`` occurs in the text near offset ``at`` (the candidate itself differs)."""
    return text.find(word, max(0, at - _NEAR_TEXT), at + _NEAR_TEXT) >= 0


class ConfusableCharacter(DocumentRule):
    code = "TYP003"
    name = "confusable-character"
    summary = "A character OCR or typing put in place of a look-alike/sound-alike that makes a word"
    fix = Applicability.UNSAFE
    options = {"profile": "default", "min_score": 7.5, "review_min_score": 0.5,
               "bigram_weight": 0.25, "review_bigram_weight": 0.5,
               "ocr_weight": 1.0, "ocr_offset": 1.0, "ocr_reverse_offset": -1.0,
               "log_p_sound": -14.0, "review_log_p_sound": -7.0, "log_p_shape": -5.0, "log_p_shape_derived": -10.0,
               "log_p_contains": -5.0, "log_p_contains_sound": -7.0, "log_p_shape_sound": -3.0,
               "log_p_glyph": -3.0, "log_p_rare_shape": -1.0, "log_p_rare_sound": -10.0,
               "glyph_similarity": GLYPH_SIMILARITY, "rare_char_freq": 100,
               "rare_word_freq": 500, "rare_word_penalty": 2.0, "document_evidence": 0.0}

    def setup(self) -> None:
        packs = self.ctx.packs
        self.lex = load_lexicon(packs)
        tables = self.tables = channel_tables(self.lex, packs, lexicon_key(packs))
        self.bigrams = char_bigrams(packs)
        self.after, self.before = tables.after, tables.before
        self.candidates = tables.candidates
        self.traditional_only = tables.traditional
        self.surnames = packs.chars("typ/surnames.txt")
        self.free = packs.chars("typ/free_chars.txt")
        self.regional = packs.chars("typ/regional_chars.txt")
        # Characters TYP003 may question: with candidates, and neither a traditional character
        # in simplified text (a script matter, NRM) nor a regional standard form.
        self.has_candidates = np.zeros(0x10000, dtype=bool)
        for c in self.candidates:
            if ord(c) < 0x10000 and c not in self.traditional_only and c not in self.regional:
                self.has_candidates[ord(c)] = True
        o = self.opts
        if o["profile"] not in ("default", "ocr-review"):
            raise OptionError(f"TYP003: option 'profile' must be \"default\" or \"ocr-review\", got {o['profile']!r}")
        self.review = o["profile"] == "ocr-review"
        self.bar = o["review_min_score"] if self.review else o["min_score"]
        self.bigram_weight = o["review_bigram_weight"] if self.review else o["bigram_weight"]
        # The quick estimate leaves out the bigram term: allow for it (a swing of ~12 is rare).
        self.slack = _BOUND_SLACK + 12.0 * self.bigram_weight
        self._shorts: dict[str, float] = {}
        self._fits: dict[str, dict] = {}
        # Keys of fits (left + c + "<", c + right + ">") that some position found empty.
        self._no_fit: tuple[set[str], set[str]] = (set(), set())
        self._rows: dict[tuple[str, bool], list[tuple[str, float, str, Candidate]]] = {}
        self._kind_log_p = {"sound": o["review_log_p_sound" if self.review else "log_p_sound"], "shape": o["log_p_shape"],
                            "shape-derived": o["log_p_shape_derived"], "contains": o["log_p_contains"],
                            "contains+sound": o["log_p_contains_sound"], "shape+sound": o["log_p_shape_sound"]}

    @cached_property  # from the lexicon on first use: a run of cached files never loads it (~0.25 s)
    def name_surnames(self) -> frozenset[str]:
        """Surnames that are seldom words of their own (和, 都, 那, 于 are mostly not names)."""
        return frozenset(c for c in self.surnames if self.lex.freqs.get(c, 0) < _SURNAME_WORD_FREQ)

    @cached_property  # reads the lexicon's frequencies: built on first use, as name_surnames
    def names(self) -> NameContext:
        function = frozenset(w for w in self.free if self.lex.freqs.get(w, 0) >= _FUNCTION_FREQ)
        return NameContext.of(self.ctx.packs, self.name_surnames, function)

    _fit = cached_property(lambda self: word_fit(self.tables, self.lex, self.ctx.packs, lexicon_key(self.ctx.packs)))
    _unknown = cached_property(lambda self: math.log(0.5 / self.lex.total) - 5.0)  # as Lexicon.best_segmentation

    def channel(self, cand: Candidate, rare: bool) -> tuple[float, str]:
        """log P(observed | intended) for a candidate and the evidence it rests on ("ocr", or a
        table kind): the best of the recognizer's measurement and the older tables."""
        o = self.opts
        kind = cand[KIND]
        glyph = cand[GLYPH] >= o["glyph_similarity"]
        if glyph and kind == "shape-derived":
            kind = "shape"  # two independent measures of shape agree
        elif glyph and kind == "sound":
            kind = "shape+sound"
        elif glyph and kind is None:
            kind = "glyph"
        best, why = -math.inf, ""
        if kind is not None:
            lp = o["log_p_glyph"] if kind == "glyph" else self._kind_log_p[kind]
            if rare and kind == "sound":
                lp = o["log_p_rare_sound"]
            elif rare and kind in _SHAPE_KINDS:
                lp = max(lp, o["log_p_rare_shape"])
            best, why = lp, kind
        if cand[OCR] is not None:
            lp = o["ocr_weight"] * cand[OCR] + o["ocr_offset"]
            if lp >= best:
                best, why = lp, "ocr"
        elif cand[OCR_REVERSE] is not None:
            # Only the other direction was seen (the recognizer read the rarer character as the
            # commoner one): the shapes are alike, weaker evidence of this misreading.
            lp = o["ocr_weight"] * cand[OCR_REVERSE] + o["ocr_offset"] + o["ocr_reverse_offset"]
            if lp >= best:
                best, why = lp, "ocr"
        return best, why

    def _row(self, c: str, rare: bool) -> list[tuple[str, float, str, Candidate]]:
        """The candidates for ``c`` that could clear the bar at all: a common replacement
        character, and a channel log-probability within reach of the best context gain."""
        key = (c, rare)
        row = self._rows.get(key)
        if row is None:
            char_freqs = self.lex.char_freqs
            floor = self.bar - self.opts["document_evidence"] - _MAX_GAIN
            row = []
            encoded = self.candidates.get(c)
            for cand in decode_row(encoded) if encoded else ():
                if char_freqs.get(cand[INTENDED], 0) < _MIN_ALT_CHAR_FREQ:
                    continue
                lp, why = self.channel(cand, rare)
                if lp >= floor:
                    row.append((cand[INTENDED], lp, why, cand))
            self._rows[key] = row
        return row

    def _short(self, s: str) -> float:
        """The best segmentation score of a string of 0-3 characters, memoised."""
        got = self._shorts.get(s)
        if got is None:
            got = self._shorts[s] = self.lex.best_segmentation(s)[0] if s else 0.0
        return got

    def _reads_well(self, window: str, i: int) -> bool:
        """After the correction, every character near it is part of a word or a free-standing
        function character: a typo sits in ordinary text, a rare name or title does not."""
        freqs = self.lex.freqs
        n = len(window)
        for k in range(max(0, i - _NEAR), min(n, i + _NEAR + 1)):
            if window[k] in self.free:
                continue
            # some lexicon word of 2-4 characters inside the window holds position k
            if not any(window[s:e] in freqs for s in range(max(0, k - _MAX_WORD + 1), k + 1)
                       for e in range(max(k + 1, s + 2), min(n, s + _MAX_WORD) + 1)):
                return False
        return True

    def _best_replacement(self, doc: Document, base: int, run: str, okb: bytes, i: int, c: str,
                          cf: int, left: str, right: str) -> tuple[str, str, int, int, int, float, str] | None:
        """The candidate that makes the context most probable, if its score clears the bar."""
        lex = self.lex
        freqs = lex.freqs
        n = len(run)
        rare = cf < self.opts["rare_char_freq"]
        row = self._row(c, rare)
        if not row:
            return None
        cands: list[tuple[int, str, str, int, int, Candidate, float, str]] = []
        # Only candidates that pair with a neighbour can make a word; which do is memoised per
        # character pair (function characters between common neighbours come back often).
        fits = self._fits
        if len(fits) > _MAX_MEMO:
            fits.clear()
        fit_left = fits.get(left + c + "<")
        if fit_left is None:
            after = self.after.get(left, _EMPTY)
            fit_left = fits[left + c + "<"] = {x[0]: x for x in row if x[0] in after}
        fit_right = fits.get(c + right + ">")
        if fit_right is None:
            before = self.before.get(right, _EMPTY)
            fit_right = fits[c + right + ">"] = {x[0]: x for x in row if x[0] in before}
        if not fit_left or not fit_right:
            no_left, no_right = self._no_fit
            if len(no_left) > _MAX_MEMO or len(no_right) > _MAX_MEMO:
                no_left.clear()
                no_right.clear()
            if not fit_left:
                no_left.add(left + c + "<")
            if not fit_right:
                no_right.add(c + right + ">")
            if not fit_left and not fit_right:
                return None
        # The 1-3 characters before and after that a word through the replacement may hold: a
        # longer span only where its own character pairs occur inside some word.
        p = base + i  # okb[k]: the text's pair (k, k + 1) occurs inside some word
        lefts = [left] if left else []
        if i >= 2 and okb[p - 2]:
            lefts.append(run[i - 2:i])
            if i >= 3 and okb[p - 3]:
                lefts.append(run[i - 3:i])
        rights = [right] if right else []
        if i + 2 < n and okb[p + 1]:
            rights.append(run[i + 1:i + 3])
            if i + 3 < n and okb[p + 2]:
                rights.append(run[i + 1:i + 4])
        for alt, (f, w, s, e) in words_through(self.tables, freqs, i, lefts, rights, fit_left, fit_right,
                                               _MIN_WORD_FREQ, _MAX_WORD).items():
            _, lp, why, cand = fit_left.get(alt) or fit_right[alt]
            cands.append((f, alt, w, s, e, cand, lp, why))
        if not cands:
            return None
        cands.sort(key=lambda t: (t[0], t[1]), reverse=True)
        # The character stands alone in every reading of the text (it pairs with no neighbour),
        # so the context can gain at most about what the new word gains over the characters it
        # replaces; a candidate far below the bar even then is not scored (most of the work).
        total = lex.total
        alone = math.log(freqs[c] / total) if freqs.get(c) else self._unknown
        floor = self.bar - self.opts["document_evidence"] - self.slack
        if TRACE is None:
            cands = [t for t in cands[:_TOP] if math.log(t[0] / total) - alone - self._short(run[t[3]:i])
                     - self._short(run[i + 1:t[4]]) + t[6] >= floor]
            if not cands:
                return None
        lo, hi = max(0, i - _CTX), min(n, i + _CTX + 1)
        window = run[lo:hi]
        before_lp, _, tables = lex.segmentation_tables(window)
        found = None
        for f, alt, word, s, e, cand, lp, why in cands[:_TOP]:
            if s == i and c in self.surnames and why == "glyph":
                # Only the glyph table pairs them, and a surname starts the odd string: most often
                # a name (曾尔曼 read as 普尔, 佘家 as 余家), seldom a misreading.
                continue
            fixed = window[:i - lo] + alt + window[i - lo + 1:]
            after_lp, spans = lex.resegmentation(fixed, tables, i - lo)
            if not any(a <= s - lo and e - lo <= b for a, b in spans):
                continue  # the new word is not how the corrected context would be read
            if not self._reads_well(fixed, i - lo):
                continue
            left = run[i - 1] if i > 0 else ""
            right = run[i + 1] if i + 1 < n else ""
            bigram = (self.bigrams.log_prob(left, alt) + self.bigrams.log_prob(alt, right)
                      - self.bigrams.log_prob(left, c) - self.bigrams.log_prob(c, right))
            score = after_lp - before_lp + lp + self.bigram_weight * bigram
            bar = self.bar
            if not rare and f < self.opts["rare_word_freq"]:
                # A rare replacement word (围拢, 伊犁, 黄大仙) next to a common character is as
                # likely a name or term the lexicon lacks as a typo.
                bar += self.opts["rare_word_penalty"]
            ev = self.opts["document_evidence"]
            if ev and bar - ev <= score < bar and _elsewhere(doc.text, base + s, word):
                # The corrected word is written correctly elsewhere in this document (最强 here,
                # 蕞强 once): the writer knows the word, and the odd form is the slip.
                bar -= ev
            if score < bar and TRACE is None:
                continue
            if _repeated(doc.text, base + s, run[s:e]):
                continue  # a repeated string is a term or name of this text (智造, 赋能), not a slip
            if TRACE is not None:
                TRACE.append((c, alt, word, cf, f, after_lp - before_lp, bar - self.bar, cand, rare, window,
                              bigram, (s, e)))
            if score >= bar and (found is None or score > found[5]):
                found = (alt, word, f, s, e, score, why)
        return found

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        if is_traditional(text):
            return  # the lexicon and confusion sets are simplified Chinese
        cps = code_points(text)
        if len(cps) != len(text):
            return
        cjk = cjk_mask(cps)
        ok = pairs_in_words(self.tables, cps, cjk)
        # A suspect pairs with neither neighbour inside any lexicon word (a character inside a
        # word always does) and has candidates in the channel.
        alone = cjk.copy()
        if self.review:
            # The review profile also questions a character that pairs with a neighbour in
            # some word but lies inside no word here (slower: every run is scanned for words).
            for m in CJK_RUN.finditer(text):
                covered = word_covered(self.lex, m.group())
                alone[m.start():m.end()] &= np.frombuffer(bytes(covered), dtype=np.uint8) == 0
        else:
            alone[1:] &= ~ok
            alone[:-1] &= ~ok
        bmp = cps < 0x10000
        alone &= bmp
        alone[bmp] &= self.has_candidates[cps[bmp]]
        suspects = np.flatnonzero(alone)
        if not len(suspects):
            return
        prev = np.concatenate(([False], cjk[:-1]))
        nxt = np.concatenate((cjk[1:], [False]))
        starts = np.flatnonzero(cjk & ~prev)
        ends = np.flatnonzero(cjk & ~nxt) + 1
        which = np.searchsorted(starts, suspects, side="right") - 1
        keep = fitting(self._fit, cps, suspects, starts[which], ends[which])  # runs of 3+ where one may fit
        suspects, which = suspects[keep], which[keep]
        okb = ok.tobytes()
        runs: dict[int, str] = {}
        no_left, no_right = self._no_fit
        starts_l, ends_l = starts.tolist(), ends.tolist()
        for p, r in zip(suspects.tolist(), which.tolist()):
            rs, re_ = starts_l[r], ends_l[r]
            c = text[p]
            if ((text[p - 1] if p > rs else "") + c + "<") in no_left \
                    and (c + (text[p + 1] if p + 1 < re_ else "") + ">") in no_right:
                continue  # no candidate of this character pairs with either neighbour (seen before)
            run = runs.get(r)
            if run is None:
                run = runs[r] = text[rs:re_]
            found = self._check_at(doc, rs, run, okb, p - rs)
            if found is not None:
                yield found

    def _check_at(self, doc: Document, base: int, run: str, okb: bytes, i: int) -> Finding | None:
        c = run[i]
        cf = self.lex.char_freqs.get(c, 0)
        rare = cf < self.opts["rare_char_freq"]
        if rare and i > 0 and run[i - 1] in self.surnames:
            return None  # a rare character after a surname is most often a given name (周顗)
        start = base + i
        n = len(run)
        left = run[i - 1] if i > 0 else ""
        right = run[i + 1] if i + 1 < n else ""
        mark = len(TRACE) if TRACE is not None else 0
        found = self._best_replacement(doc, base, run, okb, i, c, cf, left, right)
        if TRACE is not None:  # each traced candidate: (..., its position, whether a guard silences it)
            TRACE[mark:] = [t[:-1] + (start, silenced(doc.text, run, okb, base, i, *t[-1], self.names))
                            for t in TRACE[mark:]]
        if found is None:
            return None
        alt, word, f, s, e, score, why = found
        if silenced(doc.text, run, okb, base, i, s, e, self.names):
            return None
        return self.finding(doc, start, start + 1, confusion_message(c, alt, run[s:e], word, why, rare),
                            fix=Fix.unsafe(f"replace '{c}' with '{alt}'", Edit(start, start + 1, alt)))
