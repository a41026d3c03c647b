"""## What it finds
A character sequence that occurs once in the corpus while the same sequence with one character
replaced by a look-alike or sound-alike occurs many times: in a corpus where `溅射靶材` appears
twelve times, a single `溅射耙材` is almost certainly an OCR slip. The changed character must be
part of no lexicon word in its context (so a rare but real word is left alone) and not a
function word (`由`/`有` both fit many contexts).

Off by default: it needs a corpus large enough for counts to mean something, and it reports only
what the corpus itself shows.

## Why it matters
Domain terms, names and new words are missing from every general lexicon; the corpus's own
repetitions are the best evidence of how they are spelled.

Confusable means: a look-alike or sound-alike of the TYP tables, or a pair the OCR recognizer
of `typ/ocr_confusions.tsv` confused. The rule works on the corpus features of the engine: each
document's n-gram counts and its few suspect positions are extracted once in the streaming
pass; only a document with a finding is read again (to place it).

## Example
12 × `溅射靶材`, 1 × `溅射耙材` → `耙` is likely `靶`.

## Fix
Replace the character with the frequent variant's. **Unsafe**: counts are evidence, not proof.

## Options
- `n` (int, default 4): length of the character n-grams compared.
- `min_count` (int, default 5): how often the frequent variant must occur.
- `max_count` (int, default 1): how often the rare sequence may occur at most.
- `needs_word` (bool, default true): the corrected character must join a neighbour inside the
  n-gram into a lexicon word (`双方关条` → `关系`); without it names after a frequent context
  (`工作的王鸿举` → `工作的主`) and function characters (`问题时` → `问题是`) are reported.

Measured (`bench/typ_corpus_eval.py`, OCR-table misreadings injected into the tuning half of
People's Daily 1998, 936k characters in 442 documents): defaults P 1.000 R 0.028 (21 of 737),
no finding on the clean text; `needs_word = false` P 0.79 R 0.031, 0.64 false per 100k; `n = 3`
P 0.40 R 0.068. Off by default: it finds few errors (most misread strings are not frequent
in any one corpus) and costs as much time as the rest of the TYP family.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from ...core import Applicability, CorpusRule, Document, Edit, Finding, Fix
from ...text.lexicon import load_lexicon
from ...corpus.ocr_data import ocr_table
from ._common import cjk_runs, confusions, word_covered


class CorpusConfusable(CorpusRule):
    code = "TYP005"
    name = "rare-confusable-variant"
    summary = "A sequence seen once where a confusable variant of it is frequent in the corpus"
    fix = Applicability.UNSAFE
    default_enabled = False
    options = {"n": 4, "min_count": 5, "max_count": 1, "needs_word": True}

    def setup(self) -> None:
        self.lex = load_lexicon(self.ctx.packs)
        conf = confusions(self.ctx.packs)
        ocr = ocr_table(self.ctx.packs)
        char_freqs = self.lex.char_freqs
        # Function words and free verbs (由/有, 在/再) alternate legitimately: never questioned.
        free = self.ctx.packs.chars("typ/free_chars.txt")
        self.alts: dict[str, tuple[str, ...]] = {}
        for c in set(conf.table) | set(ocr):
            if c in free:
                continue
            # The intended character is at least as common as the one in the text.
            got = tuple(sorted(a for a in set(conf.of(c)) | set(ocr.get(c, ()))
                               if char_freqs.get(a, 0) >= char_freqs.get(c, 0)))
            if got:
                self.alts[c] = got

    def _joins(self, gram: str, k: int) -> bool:
        """Whether gram[k] is part of a lexicon word of 2+ characters inside ``gram``."""
        freqs = self.lex.freqs
        n = len(gram)
        return any(gram[a:b] in freqs for a in range(k + 1) for b in range(max(k + 1, a + 2), n + 1))

    def extract(self, doc: Document) -> tuple[Counter[str], list[tuple[int, str, int]]]:
        """The document's n-gram counts, and (offset, n-gram, index in it) for every n-gram
        holding a suspect: a character with confusable alternatives that is part of no lexicon
        word here."""
        n = self.opts["n"]
        counts: Counter[str] = Counter()
        suspects: list[tuple[int, str]] = []
        alts = self.alts
        for base, run in cjk_runs(doc.text, n):
            grams = [run[k:k + n] for k in range(len(run) - n + 1)]
            counts.update(grams)
            covered = None
            for i, c in enumerate(run):
                if c not in alts:
                    continue
                if covered is None:
                    covered = word_covered(self.lex, run)
                if not covered[i]:
                    suspects.extend((base + s, grams[s], i - s)
                                    for s in range(max(0, i - n + 1), min(i, len(grams) - 1) + 1))
        return counts, suspects

    def finish(self, corpus: Any) -> Iterable[Finding]:
        counts: Counter[str] = Counter()
        for feats in corpus:
            data = feats.data.get(self.code)
            if data:
                counts.update(data[0])
        for feats in corpus:
            data = feats.data.get(self.code)
            if not data:
                continue
            hits = []
            seen: set[int] = set()
            for s, gram, k in data[1]:
                if s + k in seen or counts[gram] > self.opts["max_count"]:
                    continue
                best = None
                for alt in self.alts[gram[k]]:
                    other = gram[:k] + alt + gram[k + 1:]
                    m = counts.get(other, 0)
                    if m >= self.opts["min_count"] and (best is None or m > best[1]) \
                            and (not self.opts["needs_word"] or self._joins(other, k)):
                        best = (alt, m, other)
                if best is not None:
                    seen.add(s + k)
                    hits.append((s + k, gram, best))
            if not hits:
                continue
            doc = corpus.document(feats)  # only a document with a finding is read again
            for start, gram, (alt, m, other) in hits:
                c = doc.text[start]
                yield self.finding(
                    doc, start, start + 1,
                    f"'{c}' in '{gram}' is likely '{alt}': '{gram}' occurs {counts[gram]} time(s) "
                    f"in the corpus, '{other}' {m} times, and '{alt}' is easily misread or mistyped "
                    f"as '{c}'; '{c}' joins no neighbour into a lexicon word",
                    fix=Fix.unsafe(f"replace '{c}' with '{alt}'", Edit(start, start + 1, alt)),
                )
