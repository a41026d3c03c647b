"""## What it finds
Full-width Latin letters and digits (`２０１２`, `ＡＢＣ`, `５Ｇ`) in Chinese text, with the
full-width `．` `％` `－` `＋` `／` `，` `：` that sit inside such a number or code.

A document that writes its numbers and letters full-width throughout (a newspaper's house style,
no half-width run in it) is consistent and is not reported by default. Where both forms occur,
the minority form is reported, once per document: the full-width run when it is the only one
among half-width runs, else one finding with the count at the first full-width run, whichever
form is the majority (a house style with a few exceptions is one decision, not one finding per
number). The option
`prefer = "halfwidth"` reports every full-width run (the GB/T 15835 style, enforced).

## Why it matters
Chinese typesetting standards (GB/T 15835) write numbers and Latin letters half-width. Full-width
forms come from old GB2312-era input and OCR; they defeat search, number parsing and exact
matching (`２０１２年` is not `2012年` to a tokeniser) and split the vocabulary of a model.

## Example
`截至２０１２年底，ＧＤＰ增长７．５％` → `截至2012年底，GDP增长7.5%`.

## Fix
Replace each run by its NFKC form (the document-level finding replaces every run). **Safe**: the
characters are compatibility forms of the same letters and digits.

## Options
`prefer` (default `"auto"`): `"auto"` reports the minority form as above; `"halfwidth"` reports
every full-width run.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

import regex

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix, OptionError
from ...text import KANA, han_count

# A run of full-width letters and digits, with number punctuation inside it.
_RUN = regex.compile(r"[０-９Ａ-Ｚａ-ｚ]+(?:[．％－＋／，：][０-９Ａ-Ｚａ-ｚ]+)*％?")
_HALF = regex.compile(r"[0-9A-Za-z]+")
_PREFER = ("auto", "halfwidth")


class FullwidthAlphanumeric(DocumentRule):
    code = "NRM003"
    name = "fullwidth-alphanumeric"
    summary = "Full-width Latin letters or digits in Chinese text"
    fix = Applicability.SAFE
    options = {"prefer": "auto"}

    def setup(self) -> None:
        if self.opts["prefer"] not in _PREFER:
            raise OptionError(f"{self.code}: prefer must be one of {', '.join(_PREFER)}")

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        first = _RUN.search(text)
        if first is None:
            return
        auto = self.opts["prefer"] == "auto"
        half = len(_HALF.findall(text)) if auto else 0
        if auto and half == 0:
            return  # full-width throughout: a house style
        # Chinese text only: Japanese writes full-width forms by convention.
        if han_count(text) < 0.2 * len(text) or len(KANA.findall(text)) > 20:
            return
        runs = list(_RUN.finditer(text, first.start()))
        if auto:
            if len(runs) > half:
                edits = [Edit(m.start(), m.end(), unicodedata.normalize("NFKC", m.group())) for m in runs]
                fix = Fix.safe(f"replace the {len(runs)} full-width runs with half-width", *edits)
                yield self.finding(doc, runs[0].start(), runs[0].end(),
                                   f"the document writes letters and digits full-width {len(runs)} times and "
                                   f"half-width {half} times: mixed widths (first here, {runs[0].group()!r})",
                                   fix=fix)
                return
            if len(runs) > 1:
                # a few full-width runs in a half-width document: one finding with the count
                edits = [Edit(m.start(), m.end(), unicodedata.normalize("NFKC", m.group())) for m in runs]
                fix = Fix.safe(f"replace the {len(runs)} full-width runs with half-width", *edits)
                yield self.finding(doc, runs[0].start(), runs[0].end(),
                                   f"the document writes letters and digits half-width {half} times and "
                                   f"full-width {len(runs)} times (first here, {runs[0].group()!r}): write them "
                                   "half-width", fix=fix)
                return
        for m in runs:
            run = m.group()
            new = unicodedata.normalize("NFKC", run)
            fix = Fix.safe(f"replace with {new!r}", Edit(m.start(), m.end(), new))
            yield self.finding(doc, m.start(), m.end(),
                               f"full-width letters or digits {run!r}: write {new!r}", fix=fix)
