"""## What it finds
A paragraph (a line) that repeats an earlier paragraph of the same document exactly, after
normalisation (NFKC, traditional → simplified, case, whitespace and punctuation ignored). A block
of several paragraphs printed again gives one finding per repeated paragraph, each naming the
first copy of that paragraph.

Short lines repeat legitimately (headings, list bullets such as `相关阅读`, an outline whose
items come back as section headings), so a repeat is reported when it is at least `min-chars`
normalised characters long, or when it belongs to a repeated block holding such a paragraph
(several consecutive paragraphs repeating an earlier run in the same order: the short ones of
the block, such as a photo credit, are reported with it), or to a repeated block of three or
more paragraphs with twice `min-chars` in all (a list of titles printed twice, but not rows of
`label：value` fields, which two tables share legitimately), or when it immediately follows an
identical line of `min-adjacent-chars` or more: a line printed twice in a row is a strong sign
of a layout or scraping error even when it is short.

## Why it matters
OCR and layout tools print a block of text twice when page regions overlap, and scrapers print
list items twice (a title in a link and again in a heading). Repeats inflate the corpus, bias
a language model towards the repeated text and break paragraph alignment between versions.

## Example
An OCR'd page prints the block `院、浙江大学(余姚)机器人研究院…` / `今年3月…` / `整合提升…` /
`(本文配图均由余姚经济开发区提供)` three times (the last copy cut short); the second and third
copies are reported, each paragraph against its first copy. A scraped page prints every
related-article title twice in a row (`余杭再添两家省级小微企业园`).

## Fix
Delete the repeated line (and the blank lines that follow it). **Safe** when the repeat is
identical to its first copy character for character; **unsafe** when the two only match after
normalisation (they differ in punctuation, width, script or spacing, and the user may want to
keep the other form).

## Options
- `min-chars` (int, 30): normalised length from which a lone repeat is reported (and that
  one paragraph of a repeated block must have).
- `min-adjacent-chars` (int, 6): normalised length from which a line repeated immediately is
  reported.
"""

from __future__ import annotations

import re
from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Finding, Fix
from ...core.findings import related
from ...corpus.normalize import folded_paragraphs
from ...page import delete_lines

# A table row: a short label, then a colon (`发动机总排量：1171ml`).
_FIELD = re.compile(r"^[^：:。，,]{1,8}[：:]")
# Earlier copies a paragraph's block scan starts from: the nearest ones. Nearest, not first: a
# line printed 200 000 times would otherwise walk back to its first copy from every copy, and
# each walk runs as long as the distance between the copies (quadratic time).
_MAX_BLOCK_SCAN = 64


class RepeatedParagraph(DocumentRule):
    code = "DUP001"
    name = "repeated-paragraph"
    summary = "Paragraph repeats an earlier paragraph of the same document"
    fix = Applicability.SAFE
    options = {"min_chars": 30, "min_adjacent_chars": 6}

    def check(self, doc: Document) -> Iterable[Finding]:
        paras = doc.paragraphs
        folded = folded_paragraphs(doc)
        copies: dict[str, list[int]] = {}
        # per paragraph: the nearest earlier identical paragraphs, and the first copy
        earlier: list[list[int]] = []
        first: list[int] = []
        for i, t in enumerate(folded):
            prev = copies.get(t) if t else None
            earlier.append(prev[-_MAX_BLOCK_SCAN:] if prev else [])
            first.append(prev[0] if prev else -1)
            if t:
                copies.setdefault(t, []).append(i)
        in_block = self._blocks(folded, earlier, [p.text for p in paras])
        min_chars, min_adj = self.opts["min_chars"], self.opts["min_adjacent_chars"]
        for i, t in enumerate(folded):
            if not earlier[i]:
                continue
            adjacent = i > 0 and folded[i - 1] == t and len(t) >= min_adj and not t.isdigit()
            if not (len(t) >= min_chars or in_block[i] or adjacent):
                continue
            orig = paras[first[i]]
            p = paras[i]
            yield self.finding(
                doc, p.start, p.end,
                f"paragraph repeats line {orig.line}"
                + (" (identical)" if p.text == orig.text else " (same text after normalisation)"),
                fix=self._fix(doc, i, p.text == orig.text),
                related=[related(doc, orig.start, orig.end, "first copy")],
            )

    def _blocks(self, folded: list[str], earlier: list[list[int]], paras_text: list[str]) -> list[bool]:
        """True for paragraphs inside a repeated block: a run of two or more consecutive
        paragraphs equal to an earlier run, one of them at least ``min-chars`` long, or three or
        more with twice ``min-chars`` in all."""
        out = [False] * len(folded)
        min_chars = self.opts["min_chars"]
        before: set[int] = set()  # earlier[i - 1] as a set
        for i in range(len(folded)):
            for q in earlier[i]:
                d = i - q
                if i > 0 and q > 0 and (q - 1) in before and folded[i - 1]:
                    continue  # not the start of this diagonal run: counted from its start
                k = i
                longest = total = 0
                while k < len(folded) and folded[k] and k - d >= 0 and folded[k - d] == folded[k] and k - d < i:
                    longest = max(longest, len(folded[k]))
                    total += len(folded[k])
                    k += 1
                fields = sum(1 for x in range(i, k) if _FIELD.match(paras_text[x]))
                if (k - i >= 2 and longest >= min_chars) or \
                        (k - i >= 3 and total >= 2 * min_chars and fields * 2 < k - i):
                    for x in range(i, k):
                        out[x] = True
            before = set(earlier[i])
        return out

    def _fix(self, doc: Document, i: int, identical: bool) -> Fix:
        make = Fix.safe if identical else Fix.unsafe
        line = doc.paragraphs[i].line
        return make(f"delete the repeated line {line}", delete_lines(doc, line, line, blank_lines=True))
