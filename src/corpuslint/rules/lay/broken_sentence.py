"""## What it finds
A sentence broken over two paragraphs: a paragraph of running text that stops without final
punctuation, and a following paragraph that goes on with the same sentence — sometimes after a
photo caption that the layout dropped between the two halves.

```
…打造以江丰电子、智昌科技为“链主”的新材料、机器人与智能装备新兴产业链,形

成规模集聚效应,力争产销突破50亿元;…
```

Headings, bylines, captions, list items and titles also end without punctuation; they are not
breaks. A break is reported when the first half is running text (it holds a sentence or clauses,
or is long) and the second half can continue it, and there is evidence that they are one
sentence: a word spans the join (`形|成`, `研究|院`), the first half ends with a word a sentence
cannot end with (`围绕`, `与`, `的` — but not `的` closing a 是…的 frame of its clause,
`下场岂不是一样的`), with a comma, or inside an open quotation, or the second half
starts with a mark that cannot start a sentence. Where the document shows such proven breaks, a
paragraph of running text without final punctuation followed by one that continues it is also a
break (extraction breaks many lines of a document, not one). A caption between the halves is
only skipped on proven evidence.

## Why it matters
Broken sentences corrupt sentence splitting, language-model training text and every rule that
reads a sentence as a unit; a caption inside a sentence makes it nonsense.

## Example
```text
…新材料、机器人与智能装备新兴产业链,形           <- LAY001: the word 形成 spans the join
成规模集聚效应,力争产销突破50亿元;…
```
An OCR'd newspaper page also breaks a sentence around a photo caption
(`高质量推进慈东现代化小城市建设` between the two halves).

## Fix
Join the halves into one paragraph; a caption that lay between them is moved after the joined
paragraph. **Safe**: no character is added or lost, only the line break between the halves.
"""

from __future__ import annotations

from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix, related
from ...page import Break, Flow, flow


class BrokenSentence(DocumentRule):
    code = "LAY001"
    name = "broken-sentence"
    summary = "Sentence broken over two paragraphs (possibly with a caption between the halves)"
    fix = Applicability.SAFE

    def check(self, doc: Document) -> Iterable[Finding]:
        lay = flow(doc, self.ctx.packs)
        for chain in _chains(lay.breaks):
            fix = _join(doc, lay, chain)
            for b in chain:
                p, q = lay.paras[b.first], lay.paras[b.second]
                where = f"line {q.line}"
                if b.captions:
                    caps = ", ".join(str(lay.paras[c].line) for c in b.captions)
                    where += f" (caption on line {caps} between the halves)"
                msg = (f"sentence broken mid-way: …{p.text[-8:]} goes on at {where}: "
                       f"{q.text[:8]}… ({b.evidence})")
                yield self.finding(doc, max(p.start, p.end - 8), p.end, msg, fix=fix,
                                   related=[related(doc, q.start, min(q.end, q.start + 8),
                                                    "the sentence goes on here")])


def _chains(breaks: list[Break]) -> list[list[Break]]:
    """Breaks that share a paragraph (a sentence broken twice, or a paragraph whose second half
    is broken again) are joined by one fix, so captions end up after the whole paragraph."""
    chains: list[list[Break]] = []
    for b in sorted(breaks, key=lambda x: x.first):
        if chains and chains[-1][-1].second == b.first:
            chains[-1].append(b)
        else:
            chains.append([b])
    return chains


def _join(doc: Document, lay: Flow, chain: list[Break]) -> Fix:
    text = doc.text
    edits: list[Edit] = []
    moved: list[str] = []
    for b in chain:
        p, q = lay.paras[b.first], lay.paras[b.second]
        glue = " " if (p.text[-1].isascii() and p.text[-1].isalnum()
                       and q.text[0].isascii() and q.text[0].isalnum()) else ""
        edits.append(Edit(p.end, q.start, glue))
        if b.captions:
            # The blank lines before the caption and the caption itself, as they were.
            moved.append(text[p.end:lay.paras[b.captions[-1]].end])
    last = lay.paras[chain[-1].second]
    if moved:
        edits.append(Edit(last.end, last.end, "".join(moved)))
    msg = "join the halves of the sentence"
    if moved:
        msg += " and move the caption after the paragraph"
    return Fix.safe(msg, *edits)
