"""## What it finds
Words from a table of known misspellings and non-standard variant forms (`rules/typ/misspellings.tsv`):
wrong characters in fixed words and idioms (`震憾` → `震撼`, `迫不急待` → `迫不及待`) and variant
forms that mainland standards replaced (`部份` → `部分`, `帐户` → `账户`, `图象` → `图像`).

A match is reported only where the surrounding words read it as that word: in `完成份额` the
text is `完成|份额`, not `成份`, and nothing is reported. Variant forms that are standard in
Taiwan or Hong Kong usage (`部份`, `成份`, `想像`) are not reported in documents written in
traditional characters.

A variant form is reported only where the same document also writes the standard form
(`部份` and `部分` side by side): a document that writes `成份` or `签定` throughout follows a
house style (edited 1990s news does, legitimately), which is no defect. Outright misspellings
(`震憾`) are reported wherever they are read as the word.

## Why it matters
Misspellings lower a corpus's quality for every downstream use, and variant forms split counts and
search hits between two spellings of one word.

## Example
`部份内容收集于网络，部分图片来自读者` → `部分内容收集于网络，部分图片来自读者`.

## Fix
Replace with the table's correct form. **Safe**: the table only lists forms with one correction
and no other reading.

## Options
- `variants` (bool, default true): also report variant forms (kind `variant` in the table), not
  only outright misspellings.
- `variants_alone` (bool, default false): report a variant form even where the document never
  writes the standard form (a corpus held to the mainland standard throughout).
"""

from __future__ import annotations

import re
from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix
from ...text.lexicon import load_lexicon
from ._common import in_cjk_run, is_traditional

_WINDOW = 4  # characters of context on each side used to check the reading


class KnownMisspelling(DocumentRule):
    code = "TYP002"
    name = "known-misspelling"
    summary = "A known misspelling or non-standard variant form (table rules/typ/misspellings.tsv)"
    fix = Applicability.SAFE
    options = {"variants": True, "variants_alone": False}

    def setup(self) -> None:
        self.lex = load_lexicon(self.ctx.packs)
        self.entries: dict[str, tuple[str, str, str]] = {}
        for row in self.ctx.packs.table("typ/misspellings.tsv", 2):
            wrong, right = row[0], row[1]
            kind = row[2] if len(row) > 2 and row[2] else "error"
            reason = row[3] if len(row) > 3 else ""
            if wrong and right and wrong != right:
                self.entries[wrong] = (right, kind, reason)
        words = sorted(self.entries, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, words))) if words else None

    def check(self, doc: Document) -> Iterable[Finding]:
        if self.pattern is None:
            return
        text = doc.text
        traditional: bool | None = None
        standard: dict[str, bool] = {}  # standard form -> whether the document writes it too
        for m in self.pattern.finditer(text):
            wrong = m.group()
            right, kind, reason = self.entries[wrong]
            if kind == "variant":
                if not self.opts["variants"]:
                    continue
                if traditional is None:
                    traditional = is_traditional(text)
                if traditional:
                    continue
            if not self._read_as_word(text, m.start(), m.end(), right):
                continue
            mixed = ""
            if kind == "variant":
                if right not in standard:
                    standard[right] = self._writes(text, right)
                if standard[right]:
                    mixed = f"; this document also writes '{right}'"
                elif not self.opts["variants_alone"]:
                    continue  # a consistent house style (成份 throughout), not a slip
            what = "non-standard variant" if kind == "variant" else "misspelling"
            because = f" ({reason})" if reason else ""
            yield self.finding(
                doc, m.start(), m.end(),
                f"{what} '{wrong}': the standard form is '{right}'{because}{mixed}",
                fix=Fix.safe(f"replace '{wrong}' with '{right}'", Edit(m.start(), m.end(), right)),
            )

    def _writes(self, text: str, word: str) -> bool:
        """Whether ``word`` occurs in ``text`` read as that word (成分, not 完成|分配)."""
        k = text.find(word)
        while k >= 0:
            if self._read_as_word(text, k, k + len(word), word):
                return True
            k = text.find(word, k + 1)
        return False

    def _read_as_word(self, text: str, start: int, end: int, right: str) -> bool:
        """Whether the best segmentation of the context keeps text[start:end] as one word when it
        is given the frequency of its correct form (so 完成份额 stays 完成|份额)."""
        lo = start
        while lo > 0 and start - lo < _WINDOW and in_cjk_run(text[lo - 1]):
            lo -= 1
        hi = end
        while hi < len(text) and hi - end < _WINDOW and in_cjk_run(text[hi]):
            hi += 1
        if lo == start and hi == end:
            return True
        wrong = text[start:end]
        freq = max(self.lex.freq(right), self.lex.freq(wrong), 1)
        _, spans = self.lex.best_segmentation(text[lo:hi], {wrong: freq})
        return (start - lo, end - lo) in spans
