"""## What it finds
A look-alike or sound-alike character that leaves a non-word where a confusable character makes
a frequent word in the same place: `社会主义现代化新丽水建设蕞强增长极` — `蕞` (a rare character,
read zuì) joins no neighbour into a word, while `最` (same sound, similar shape) makes `最强`.

A character is only questioned when it forms no character pair found in any word of the lexicon
(jieba's dictionary, 349k words) with either neighbour, and is neither a traditional character
(a script matter), a regional standard form (`牠`, `妳`: `rules/typ/regional_chars.txt`) nor a rare character right after a surname (a given name);
a surname that starts the odd string is not questioned on the glyph table's word alone (曾尔曼). A replacement
must come from its confusion set (same pinyin from pypinyin's readings; look-alikes from
pycorrector's table, from stroke/component tables and from the image similarity of rendered
glyphs, `rules/typ/shape_glyph.txt`), be a common character, make a word of
the lexicon (count >= 50), leave every character near it inside a word, and make the ±4-character
context far more probable under the lexicon's word frequencies (maximum-probability
segmentation) — by a wide margin for mere sound-alikes, by less for look-alikes and for rare
characters, which OCR produces and writers do not. A string repeated in the document is a term
of that document (`智造`, `赋能`), not a slip.

## Why it matters
OCR and input methods replace characters with look-alikes and sound-alikes. The result reads as
garbage to tokenisers and search, and survives every check that only looks for invalid bytes.

## Example
`真正成为新丽水建设蕞强增长极` → `真正成为新丽水建设最强增长极`.

## Fix
Replace the character with the suggested one. **Unsafe**: the suggestion is the most probable
reading, not a certainty (names and rare terms can look like typos).

## Options
- `min_gain` (float, default 13.0): how much more probable (natural log, over the ±4-character
  context) the corrected text must be for a common character replaced by a sound-alike. Pinyin
  syllables are shared by dozens of characters, so chance matches (names such as 魏瑾, 黄大宪;
  literary words such as 良骥, 毋恙) are common: the bar is high.
- `min_gain_shape` (float, default 10.0): the same for a look-alike.
- `min_gain_shape_derived` (float, default 16.0): the same for a look-alike known only from the
  computed table `shape_extra.txt` (one stroke or one component apart), which is noisier.
- `min_gain_contains` (float, default 11.0): the same for a common character and one of its
  components or a character it is a component of (圆/员), from `shape_contains.txt`.
- `min_gain_shape_sound` (float, default 9.0): the same for a character that both looks and
  sounds alike (the strongest evidence).
- `min_gain_rare` (float, default 7.0): the bar for a rare character that looks like the
  replacement (OCR output such as 蕞 for 最).
- `min_gain_rare_sound` (float, default 16.0): the bar for a rare character that only sounds
  like the replacement (洇染, 堠门 are real words the lexicon lacks).
- `min_gain_glyph` (float, default 9.0): the same for a look-alike known only from the glyph
  table `shape_glyph.txt` (rendered characters compared as images: 筒/简, 冒/胃, 抬/拾).
- `glyph_similarity` (float, default 0.74): the image similarity (cosine of blurred bitmaps,
  0..1) a glyph-table pair needs; the table holds pairs down to 0.70. At 0.73, names such as
  陈木霖 (森) start to be questioned on clean news; at 0.70, also 丰嘉 (富).
- `glyph_confirms` (int, default 1): when the glyph table also holds a pair known only as a
  computed look-alike or a sound-alike, treat it as a curated look-alike or as "looks and sounds
  alike" (two independent measures agree). On synthetic OCR errors (Wang et al. 2018 confusions
  drawn near in shape) this finds 9 more misreadings with no new false finding.
- `rare_char_freq` (int, default 100): characters whose total frequency in the lexicon is
  below this count as rare.
- `rare_word_freq` (int, default 500) and `rare_word_penalty` (float, default 2.0): a common
  character is questioned at a bar raised by the penalty when the replacement word is rarer than
  this (围拢, 伊犁, 黄大仙 make poor evidence against 围垄, 伊梨, a name 黄大宪).
- `document_evidence` (float, default 0.0, off): lower the bar by this much when the corrected
  word is written correctly elsewhere in the same document (`最强` elsewhere makes `蕞强` a slip).
  Measured on 269 clean articles with 750 injected OCR misreadings: 1.5 finds 6 more injected
  errors and 3 more real typos of the source text, but also 3 names and terms (`高磊头戴`,
  `武契奇`, `趾间`); 3.0 finds 19 more injected errors and 8 more false ones. Common words occur
  in any long article, so the evidence is weak; raise it for corpora of short, uniform documents.
"""

from __future__ import annotations

from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix
from ...corpus.lexicon import load_lexicon
from ...corpus.normalize import to_simplified
from ._common import cjk_runs, confusions, glyph_confusions, is_traditional, word_covered

# Benchmarks (bench/typ_tune.py) set this to a list to receive every scored candidate.
TRACE: list | None = None
_CTX = 4  # characters of context on each side
_MAX_WORD = 4  # longest replacement word considered
_TOP = 3  # candidate replacements (by word frequency) whose context is scored
_MIN_WORD_FREQ = 50  # a replacement must make a word at least this frequent
_MIN_ALT_CHAR_FREQ = 1000  # a replacement must be a common character (lexicon count)
_NEAR = 2  # characters either side of the correction that must then read as words
_BIGRAMS: dict[int, tuple] = {}
_EMPTY: frozenset[str] = frozenset()
# Table reasons that the glyph table turns into a (stronger) look-alike, or none: it decides.
_GLYPH_DECIDES = (None, "shape-derived", "sound")
# How a finding's message says why the replacement is confusable.
_WHY_TEXT = {"sound": "sounds like it", "shape": "looks like it", "shape-derived": "looks like it",
             "glyph": "looks like it (rendered glyphs)",
             "shape+sound": "looks and sounds like it",
             "contains": "looks like it (one is a component of the other)",
             "contains+sound": "looks and sounds like it (one is a component of the other)"}


def _bigrams(lex) -> tuple[frozenset[str], dict[str, set[str]], dict[str, set[str]]]:  # type: ignore[no-untyped-def]
    """Every character pair that occurs inside a lexicon word, and the same as "characters that
    may follow / precede x": a fast pre-filter, since any word through position i contains the
    pair (left neighbour, c) or (c, right neighbour)."""
    got = _BIGRAMS.get(id(lex))
    if got is None:
        pairs = frozenset(w[k:k + 2] for w in lex.freqs for k in range(len(w) - 1))
        after: dict[str, set[str]] = {}
        before: dict[str, set[str]] = {}
        for p in pairs:
            after.setdefault(p[0], set()).add(p[1])
            before.setdefault(p[1], set()).add(p[0])
        got = _BIGRAMS[id(lex)] = (pairs, after, before)
    return got


_TRAD: dict[int, frozenset[str]] = {}


def _traditional_chars(lex) -> frozenset[str]:  # type: ignore[no-untyped-def]
    """Characters of the lexicon that t2s conversion changes (丟, 們): traditional forms."""
    got = _TRAD.get(id(lex))
    if got is None:
        chars = "".join(c for c in lex.char_freqs if len(c) == 1)
        simp = to_simplified(chars)
        got = frozenset(a for a, b in zip(chars, simp) if a != b) if len(simp) == len(chars) else frozenset()
        _TRAD[id(lex)] = got
    return got


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
    summary = "A look-alike/sound-alike character that makes a non-word where a confusable one makes a word"
    fix = Applicability.UNSAFE
    options = {"min_gain": 13.0, "min_gain_shape": 10.0, "min_gain_shape_derived": 16.0,
               "min_gain_shape_sound": 9.0,
               "min_gain_rare": 7.0, "min_gain_rare_sound": 16.0, "min_gain_contains": 11.0, "rare_char_freq": 100,
               "rare_word_freq": 500, "rare_word_penalty": 2.0, "document_evidence": 0.0,
               "min_gain_glyph": 9.0, "glyph_similarity": 0.74, "glyph_confirms": 1}

    def setup(self) -> None:
        self.lex = load_lexicon(self.ctx.packs)
        self.conf = confusions(self.ctx.packs)
        # Look-alikes measured on rendered glyphs above the similarity bar (what OCR confuses).
        bar = self.opts["glyph_similarity"]
        above = ((c, frozenset(a for a, s in row.items() if s >= bar))
                 for c, row in glyph_confusions(self.ctx.packs).items())
        self.glyph = {c: row for c, row in above if row}
        self.pairs, self.after, self.before = _bigrams(self.lex)
        self.surnames = self.ctx.packs.chars("typ/surnames.txt")
        self.traditional_only = _traditional_chars(self.lex)
        self.free = self.ctx.packs.chars("typ/free_chars.txt")
        self.regional = self.ctx.packs.chars("typ/regional_chars.txt")

    def _reads_well(self, window: str, i: int) -> bool:
        """After the correction, every character near it is part of a word or a free-standing
        function character: a typo sits in ordinary text, a rare name or title does not."""
        covered = word_covered(self.lex, window)
        for k in range(max(0, i - _NEAR), min(len(window), i + _NEAR + 1)):
            if not covered[k] and window[k] not in self.free:
                return False
        return True

    def _why(self, known, glyph: frozenset[str], alt: str) -> str:  # type: ignore[no-untyped-def]
        """Why ``alt`` is confusable: the tables' reason, or "glyph" for a pair only the rendered
        glyphs give; glyph similarity confirms a computed look-alike or a sound-alike."""
        why = known.get(alt)
        if why is None:
            return "glyph"
        if alt in glyph and self.opts["glyph_confirms"]:
            if why == "shape-derived":
                return "shape"
            if why == "sound":
                return "shape+sound"
        return why

    def _threshold(self, why: str, rare: bool) -> float:
        o = self.opts
        if why in ("contains", "contains+sound"):
            # 蕞 for 最: OCR adds or drops a radical and lands on a rare character. Only a rare
            # character in the text gets the low bar; common pairs (圆/员, 们/门) are ordinary words.
            if rare:
                return o["min_gain_rare"]
            return o["min_gain"] if why == "contains+sound" else o["min_gain_contains"]
        bar = {"sound": o["min_gain"], "shape": o["min_gain_shape"], "glyph": o["min_gain_glyph"],
               "shape-derived": o["min_gain_shape_derived"]}.get(why, o["min_gain_shape_sound"])
        if rare and why == "sound":
            # A rare character that only sounds like the word's is a literary or dialect word
            # (洇染, 堠门) more often than a slip: OCR does not produce sound-alikes.
            bar = o["min_gain_rare_sound"]
        elif rare and why != "shape-derived":
            # OCR turns common characters into rare look-alikes; writers seldom use a rare
            # character outside a word. Computed look-alikes never lower the bar (勠力, 轺车).
            bar = min(bar, o["min_gain_rare"])
        return bar

    def _best_replacement(self, doc: Document, base: int, run: str, i: int, c: str, cf: int, left: str,
                          right: str) -> tuple[str, str, int, int, int, float, str] | None:
        """The confusable character that makes the context most probable, if it clears the bar."""
        lex = self.lex
        freqs = lex.freqs
        char_freqs = lex.char_freqs
        n = len(run)
        cands: list[tuple[int, str, str, int, int]] = []  # (freq, char, word, s, e)
        known = self.conf.of(c)
        glyph = self.glyph.get(c, _EMPTY)
        alts = known.keys() | glyph if glyph else known.keys()
        # Only alternatives that pair with a neighbour can make a word (each & is O(len(alts))).
        fits = (alts & self.after.get(left, _EMPTY)) | (alts & self.before.get(right, _EMPTY))
        for alt in fits:
            if char_freqs.get(alt, 0) < _MIN_ALT_CHAR_FREQ:
                continue  # the correction is a common character
            best = None
            for s in range(max(0, i - _MAX_WORD + 1), i + 1):
                for e in range(max(i + 1, s + 2), min(n, s + _MAX_WORD) + 1):
                    w = run[s:i] + alt + run[i + 1:e]
                    f = freqs.get(w, 0)
                    if f >= _MIN_WORD_FREQ and (best is None or f > best[0]):
                        best = (f, alt, w, s, e)
            if best is not None:
                cands.append(best)
        if not cands:
            return None
        cands.sort(reverse=True)
        lo, hi = max(0, i - _CTX), min(n, i + _CTX + 1)
        window = run[lo:hi]
        before, _ = lex.best_segmentation(window)
        rare = cf < self.opts["rare_char_freq"]
        found = None
        for f, alt, word, s, e in cands[:_TOP]:
            fixed = window[:i - lo] + alt + window[i - lo + 1:]
            after, spans = lex.best_segmentation(fixed)
            if not any(a <= s - lo and e - lo <= b for a, b in spans):
                continue  # the new word is not how the corrected context would be read
            if not self._reads_well(fixed, i - lo):
                continue
            gain = after - before
            why = self._why(known, glyph, alt)
            if s == i and c in self.surnames and alt in glyph and known.get(alt) in _GLYPH_DECIDES:
                # The glyph table decides the pair, and a surname starts the odd string: most often
                # a name (曾尔曼 read as 普尔, 佘家 as 余家), seldom a misreading.
                continue
            bar = self._threshold(why, rare)
            if not rare and f < self.opts["rare_word_freq"]:
                # A rare replacement word (围拢, 伊犁, 黄大仙) next to a common character is as
                # likely a name or term the lexicon lacks as a typo.
                bar += self.opts["rare_word_penalty"]
            if gain < bar and gain >= bar - self.opts["document_evidence"] and _elsewhere(doc.text, base + s, word):
                # The corrected word is written correctly elsewhere in this document (最强 here,
                # 蕞强 once): the writer knows the word, and the odd form is the slip.
                bar -= self.opts["document_evidence"]
            passes = gain >= bar
            if not passes and TRACE is None:
                continue
            if _repeated(doc.text, base + s, run[s:e]):
                continue  # a repeated string is a term or name of this text (智造, 赋能), not a slip
            if TRACE is not None:
                TRACE.append((c, alt, word, cf, char_freqs.get(alt, 0), f, gain, why, window))
            if not passes:
                continue
            if found is None or gain > found[5]:
                found = (alt, word, f, s, e, gain, why)
        return found

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        if is_traditional(text):
            return  # the lexicon and confusion sets are simplified Chinese
        for base, run in cjk_runs(text, 3):
            yield from self._check_run(doc, base, run)

    def _check_run(self, doc: Document, base: int, run: str) -> Iterable[Finding]:
        lex = self.lex
        n = len(run)
        covered = word_covered(lex, run)
        char_freqs = lex.char_freqs
        pairs = self.pairs
        for i in range(n):
            if covered[i]:
                continue
            c = run[i]
            if c in self.traditional_only or c in self.regional:
                continue  # a traditional character in simplified text: a script matter (NRM), not a typo
            cf = char_freqs.get(c, 0)
            if cf < self.opts["rare_char_freq"] and i > 0 and run[i - 1] in self.surnames:
                continue  # a rare character after a surname is most often a given name (周顗)
            left = run[i - 1] if i > 0 else ""
            right = run[i + 1] if i + 1 < n else ""
            if (left + c) in pairs or (c + right) in pairs:
                continue  # the character pairs with a neighbour somewhere in the lexicon: plausible
            found = self._best_replacement(doc, base, run, i, c, cf, left, right)
            if found is None:
                continue
            alt, word, f, s, e, gain, why = found
            orig = run[s:e]
            rare = cf < self.opts["rare_char_freq"]
            kind = _WHY_TEXT[why]
            start = base + i
            rarity = f"rare character (lexicon count {cf})" if rare else "character"
            yield self.finding(
                doc, start, start + 1,
                f"'{c}' in '{orig}' is likely '{alt}' ('{word}'): {rarity} '{c}' joins no neighbour "
                f"into a word, '{alt}' {kind} and makes '{word}' (lexicon count {f}); "
                f"context {gain:.1f} nats more probable",
                fix=Fix.unsafe(f"replace '{c}' with '{alt}'", Edit(start, start + 1, alt)),
            )
