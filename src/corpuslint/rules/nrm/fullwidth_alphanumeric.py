"""## What it finds
Full-width Latin letters and digits (`２０１２`, `ＡＢＣ`, `５Ｇ`) in Chinese text, with the
full-width `．` `％` `－` `＋` `／` `，` `：` that sit inside such a number or code.

## Why it matters
Chinese typesetting standards (GB/T 15835) write numbers and Latin letters half-width. Full-width
forms come from old GB2312-era input and OCR; they defeat search, number parsing and exact
matching (`２０１２年` is not `2012年` to a tokeniser) and split the vocabulary of a model.

## Example
`截至２０１２年底，ＧＤＰ增长７．５％` → `截至2012年底，GDP增长7.5%`.

## Fix
Replace each run by its NFKC form. **Safe**: the characters are compatibility forms of the same
letters and digits.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

import regex

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix
from ...corpus.normalize import cjk_share

# A run of full-width letters and digits, with number punctuation inside it.
_RUN = regex.compile(r"[０-９Ａ-Ｚａ-ｚ]+(?:[．％－＋／，：][０-９Ａ-Ｚａ-ｚ]+)*％?")
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")


class FullwidthAlphanumeric(DocumentRule):
    code = "NRM003"
    name = "fullwidth-alphanumeric"
    summary = "Full-width Latin letters or digits in Chinese text"
    fix = Applicability.SAFE

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        first = _RUN.search(text)
        if first is None:
            return
        # Chinese text only: Japanese writes full-width forms by convention.
        if cjk_share(text) < 0.2 or len(_KANA.findall(text)) > 20:
            return
        for m in _RUN.finditer(text, first.start()):
            run = m.group()
            new = unicodedata.normalize("NFKC", run)
            fix = Fix.safe(f"replace with {new!r}", Edit(m.start(), m.end(), new))
            yield self.finding(doc, m.start(), m.end(),
                               f"full-width letters or digits {run!r}: write {new!r}", fix=fix)
