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

It stays silent when the text says the string is meant: a traditional character (a script
matter) or a regional standard form (`牠`, `妳`: `rules/typ/regional_chars.txt`); a rare
character right after a surname (a given name); a surname that starts the odd string when only
the glyph table pairs it (曾尔曼); a string repeated in the document (a term: `智造`, `赋能`); a
short span in quotation marks or title brackets (`“默默无蚊”`, `《蕞美》`: titles, brands and
puns); a Latin-letter neighbour (`iPhone` and other product names); a replacement that leaves its
neighbours outside words (a rare name or title, not a slip). Documents in traditional script
are skipped (the lexicon is simplified).

## Why it matters
OCR and input methods replace characters with look-alikes and sound-alikes. The result reads as
garbage to tokenisers and search, and survives every check that only looks for invalid bytes.

## Example
`真正成为新丽水建设蕞强增长极` → `真正成为新丽水建设最强增长极`.

## Fix
Replace the character with the suggested one. **Unsafe**: the suggestion is the most probable
reading, not a certainty (names and rare terms can look like typos).

## Options
- `profile` (str, default `"default"`): `"ocr-review"` uses the lower bar `review_min_score`,
  for a maintainer proof-reading a freshly OCR'd batch (more typos found, more false alarms).
- `min_score` (float, default 6.0): the bar for the score (context gain + channel
  log-probability, natural log) in the default profile.
- `review_min_score` (float, default 2.0): the bar in the `ocr-review` profile.
- `ocr_weight` (float, default 1.0) and `ocr_offset` (float, default 0.0): the channel
  log-probability of a pair measured on the recognizer is `ocr_weight * log P_ocr + ocr_offset`.
- `log_p_sound`, `log_p_shape`, `log_p_shape_derived`, `log_p_contains`,
  `log_p_contains_sound`, `log_p_shape_sound`, `log_p_glyph` (floats): the channel
  log-probability given to a pair known only from the older tables, by kind (sound-alike,
  curated look-alike, computed look-alike, component pair, both, rendered glyphs).
- `log_p_rare_shape` (float, default -1.0): the least log-probability of a look-alike pair when
  the character in the text is rare (OCR turns common characters into rare look-alikes: 蕞 for
  最); `log_p_rare_sound` (float, default -10.0): the log-probability of a pair that only sounds
  alike when the character is rare (洇染, 堠门 are real words the lexicon lacks).
- `glyph_similarity` (float, default 0.74): the image similarity a glyph-table pair needs.
- `rare_char_freq` (int, default 100): characters below this lexicon count are rare.
- `rare_word_freq` (int, default 500) and `rare_word_penalty` (float, default 2.0): the bar is
  raised by the penalty when the replacement word is rarer than this (围拢, 伊犁 make poor
  evidence against 围垄, 伊梨).
- `document_evidence` (float, default 0.0, off): lower the bar by this much when the corrected
  word is written correctly elsewhere in the same document (`最强` elsewhere makes `蕞强` a slip).
"""

from __future__ import annotations

import math
from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix
from ...core.rule import OptionError
from ...corpus.lexicon import lexicon_key, load_lexicon
from ._channel import Candidate, channel_tables
from ._common import cjk_runs, is_traditional, word_covered
from ._guards import in_short_quote, latin_neighbour

# Benchmarks (bench/typ_tune.py) set this to a list to receive every scored candidate.
TRACE: list | None = None
_CTX = 4  # characters of context on each side
_MAX_WORD = 4  # longest replacement word considered
_TOP = 3  # candidate replacements (by word frequency) whose context is scored
_MIN_WORD_FREQ = 50  # a replacement must make a word at least this frequent
_MIN_ALT_CHAR_FREQ = 1000  # a replacement must be a common character (lexicon count)
_NEAR = 2  # characters either side of the correction that must then read as words
_EMPTY: frozenset[str] = frozenset()
_SHAPE_KINDS = ("shape", "shape+sound", "contains", "contains+sound", "glyph")
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
    options = {"profile": "default", "min_score": 6.0, "review_min_score": 2.0,
               "ocr_weight": 1.0, "ocr_offset": 0.0,
               "log_p_sound": -7.0, "log_p_shape": -4.0, "log_p_shape_derived": -10.0,
               "log_p_contains": -5.0, "log_p_contains_sound": -7.0, "log_p_shape_sound": -3.0,
               "log_p_glyph": -3.0, "log_p_rare_shape": -1.0, "log_p_rare_sound": -10.0,
               "glyph_similarity": 0.74, "rare_char_freq": 100,
               "rare_word_freq": 500, "rare_word_penalty": 2.0, "document_evidence": 0.0}

    def setup(self) -> None:
        packs = self.ctx.packs
        self.lex = load_lexicon(packs)
        tables = channel_tables(self.lex, packs, lexicon_key(packs))
        self.pairs, self.after, self.before = tables.pairs, tables.after, tables.before
        self.candidates = tables.candidates
        self.traditional_only = tables.traditional
        self.surnames = packs.chars("typ/surnames.txt")
        self.free = packs.chars("typ/free_chars.txt")
        self.regional = packs.chars("typ/regional_chars.txt")
        o = self.opts
        if o["profile"] not in ("default", "ocr-review"):
            raise OptionError(f"TYP003: option 'profile' must be \"default\" or \"ocr-review\", got {o['profile']!r}")
        self.bar = o["review_min_score"] if o["profile"] == "ocr-review" else o["min_score"]
        self._kind_log_p = {"sound": o["log_p_sound"], "shape": o["log_p_shape"],
                            "shape-derived": o["log_p_shape_derived"], "contains": o["log_p_contains"],
                            "contains+sound": o["log_p_contains_sound"], "shape+sound": o["log_p_shape_sound"]}

    def channel(self, cand: Candidate, rare: bool) -> tuple[float, str]:
        """log P(observed | intended) for a candidate and the evidence it rests on ("ocr", or a
        table kind): the best of the recognizer's measurement and the older tables."""
        o = self.opts
        kind = cand.kind
        glyph = cand.glyph >= o["glyph_similarity"]
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
        if cand.ocr_log_p is not None:
            lp = o["ocr_weight"] * cand.ocr_log_p + o["ocr_offset"]
            if lp >= best:
                best, why = lp, "ocr"
        return best, why

    def _reads_well(self, window: str, i: int) -> bool:
        """After the correction, every character near it is part of a word or a free-standing
        function character: a typo sits in ordinary text, a rare name or title does not."""
        covered = word_covered(self.lex, window)
        for k in range(max(0, i - _NEAR), min(len(window), i + _NEAR + 1)):
            if not covered[k] and window[k] not in self.free:
                return False
        return True

    def _best_replacement(self, doc: Document, base: int, run: str, i: int, c: str, cf: int, left: str,
                          right: str) -> tuple[str, str, int, int, int, float, str] | None:
        """The candidate that makes the context most probable, if its score clears the bar."""
        lex = self.lex
        freqs = lex.freqs
        char_freqs = lex.char_freqs
        n = len(run)
        after = self.after.get(left, _EMPTY)
        before = self.before.get(right, _EMPTY)
        cands: list[tuple[int, str, str, int, int, Candidate]] = []  # (freq, char, word, s, e, cand)
        for cand in self.candidates.get(c, ()):
            alt = cand.intended
            if alt not in after and alt not in before:
                continue  # pairs with no neighbour: cannot make a word here
            if char_freqs.get(alt, 0) < _MIN_ALT_CHAR_FREQ:
                continue  # the correction is a common character
            best = None
            for s in range(max(0, i - _MAX_WORD + 1), i + 1):
                for e in range(max(i + 1, s + 2), min(n, s + _MAX_WORD) + 1):
                    w = run[s:i] + alt + run[i + 1:e]
                    f = freqs.get(w, 0)
                    if f >= _MIN_WORD_FREQ and (best is None or f > best[0]):
                        best = (f, alt, w, s, e, cand)
            if best is not None:
                cands.append(best)
        if not cands:
            return None
        cands.sort(key=lambda t: (t[0], t[1]), reverse=True)
        lo, hi = max(0, i - _CTX), min(n, i + _CTX + 1)
        window = run[lo:hi]
        before_lp, _ = lex.best_segmentation(window)
        rare = cf < self.opts["rare_char_freq"]
        found = None
        for f, alt, word, s, e, cand in cands[:_TOP]:
            lp, why = self.channel(cand, rare)
            if lp == -math.inf:
                continue
            if s == i and c in self.surnames and why == "glyph":
                # Only the glyph table pairs them, and a surname starts the odd string: most often
                # a name (曾尔曼 read as 普尔, 佘家 as 余家), seldom a misreading.
                continue
            fixed = window[:i - lo] + alt + window[i - lo + 1:]
            after_lp, spans = lex.best_segmentation(fixed)
            if not any(a <= s - lo and e - lo <= b for a, b in spans):
                continue  # the new word is not how the corrected context would be read
            if not self._reads_well(fixed, i - lo):
                continue
            score = after_lp - before_lp + lp
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
                TRACE.append((c, alt, word, cf, char_freqs.get(alt, 0), f, score, bar, why, window))
            if score >= bar and (found is None or score > found[5]):
                found = (alt, word, f, s, e, score, why)
        return found

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        if is_traditional(text):
            return  # the lexicon and confusion sets are simplified Chinese
        for base, run in cjk_runs(text, 3):
            yield from self._check_run(doc, base, run)

    def _suspects(self, run: str) -> list[int]:
        """Positions whose character pairs with neither neighbour inside any lexicon word."""
        pairs = self.pairs
        inword = [run[k:k + 2] in pairs for k in range(len(run) - 1)]
        inword.append(False)
        out = []
        prev = False
        for k, ok in enumerate(inword):
            if not ok and not prev:
                out.append(k)
            prev = ok
        return out

    def _check_run(self, doc: Document, base: int, run: str) -> Iterable[Finding]:
        char_freqs = self.lex.char_freqs
        n = len(run)
        for i in self._suspects(run):
            c = run[i]
            if c in self.traditional_only or c in self.regional or c not in self.candidates:
                continue  # a traditional character in simplified text is a script matter (NRM)
            cf = char_freqs.get(c, 0)
            if cf < self.opts["rare_char_freq"] and i > 0 and run[i - 1] in self.surnames:
                continue  # a rare character after a surname is most often a given name (周顗)
            start = base + i
            if in_short_quote(doc.text, start) or latin_neighbour(doc.text, base, base + n):
                continue  # a title, brand, slogan or product name: spelled on purpose
            left = run[i - 1] if i > 0 else ""
            right = run[i + 1] if i + 1 < n else ""
            found = self._best_replacement(doc, base, run, i, c, cf, left, right)
            if found is None:
                continue
            alt, word, f, s, e, score, why = found
            yield self.finding(doc, start, start + 1, _message(c, alt, run[s:e], word, cf, why,
                                                              cf < self.opts["rare_char_freq"]),
                               fix=Fix.unsafe(f"replace '{c}' with '{alt}'", Edit(start, start + 1, alt)))


# How a finding says why the replacement is confusable, by the evidence the channel used.
_WHY_TEXT = {"ocr": "OCR often reads '{alt}' as '{c}'",
             "sound": "'{c}' sounds like '{alt}' (a typing slip)",
             "shape": "'{c}' looks like '{alt}'", "shape-derived": "'{c}' looks like '{alt}'",
             "glyph": "'{c}' looks like '{alt}' in print",
             "shape+sound": "'{c}' looks and sounds like '{alt}'",
             "contains": "'{c}' looks like '{alt}' (one is part of the other)",
             "contains+sound": "'{c}' looks and sounds like '{alt}' (one is part of the other)"}


def _message(c: str, alt: str, orig: str, word: str, cf: int, why: str, rare: bool) -> str:
    rarity = f"; '{c}' itself is a rare character" if rare else ""
    return (f"'{orig}' is not a word; '{word}' is, and " + _WHY_TEXT[why].format(c=c, alt=alt)
            + f"{rarity}: likely '{alt}'")
