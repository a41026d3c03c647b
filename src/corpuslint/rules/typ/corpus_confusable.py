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

## Example
12 × `溅射靶材`, 1 × `溅射耙材` → `耙` is likely `靶`.

## Fix
Replace the character with the frequent variant's. **Unsafe**: counts are evidence, not proof.

## Options
- `n` (int, default 4): length of the character n-grams compared.
- `min_count` (int, default 5): how often the frequent variant must occur.
- `max_count` (int, default 1): how often the rare sequence may occur at most.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from ...core import Applicability, CorpusRule, Document, Edit, Finding, Fix
from ...corpus.lexicon import load_lexicon
from ._common import cjk_runs, confusions, word_covered


class CorpusConfusable(CorpusRule):
    code = "TYP005"
    name = "rare-confusable-variant"
    summary = "A sequence seen once where a confusable variant of it is frequent in the corpus"
    fix = Applicability.UNSAFE
    default_enabled = False
    options = {"n": 4, "min_count": 5, "max_count": 1}

    def setup(self) -> None:
        self.lex = load_lexicon(self.ctx.packs)
        self.conf = confusions(self.ctx.packs)
        # Function words and free verbs (由/有, 在/再) alternate legitimately: never questioned.
        self.free = self.ctx.packs.chars("typ/free_chars.txt")

    def extract(self, doc: Document) -> Counter[str]:
        n = self.opts["n"]
        counts: Counter[str] = Counter()
        for _, run in cjk_runs(doc.text, n):
            counts.update(run[k:k + n] for k in range(len(run) - n + 1))
        return counts

    def finish(self, corpus: Any) -> Iterable[Finding]:
        n = self.opts["n"]
        counts: Counter[str] = Counter()
        for feats in corpus:
            counts.update(feats.data.get(self.code, ()))
        char_freqs = self.lex.char_freqs
        for doc in corpus.documents():
            seen: set[int] = set()
            for base, run in cjk_runs(doc.text, n):
                covered = word_covered(self.lex, run)
                for s in range(len(run) - n + 1):
                    gram = run[s:s + n]
                    if counts[gram] > self.opts["max_count"]:
                        continue
                    for k in range(n):
                        i = s + k
                        if covered[i] or base + i in seen:
                            continue
                        c = gram[k]
                        if c in self.free:
                            continue
                        best = None
                        for alt in self.conf.of(c):
                            if char_freqs.get(alt, 0) < char_freqs.get(c, 0):
                                continue
                            other = gram[:k] + alt + gram[k + 1:]
                            m = counts.get(other, 0)
                            if m >= self.opts["min_count"] and (best is None or m > best[1]):
                                best = (alt, m, other)
                        if best is None:
                            continue
                        alt, m, other = best
                        seen.add(base + i)
                        start = base + i
                        yield self.finding(
                            doc, start, start + 1,
                            f"'{c}' in '{gram}' is likely '{alt}': '{gram}' occurs {counts[gram]} time(s) "
                            f"in the corpus, '{other}' {m} times, and '{alt}' is confusable with '{c}'; "
                            f"'{c}' joins no neighbour into a lexicon word",
                            fix=Fix.unsafe(f"replace '{c}' with '{alt}'", Edit(start, start + 1, alt)),
                        )
