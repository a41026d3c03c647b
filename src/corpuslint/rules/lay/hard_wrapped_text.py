"""## What it finds
Text hard-wrapped at a fixed width: nearly every line has the same width (in terminal cells)
and stops wherever the margin fell, mid-word and mid-sentence — the shape of text saved from a
terminal, an e-mail, a BBS post or a fixed-width e-book. One finding per document, on its first
wrapped line, instead of one "broken sentence" per line (LAY001 and LAY003 stay silent on such
a document).

A wrapper breaks wherever the margin falls, so it cuts words: of the breaks between two Han
characters (when there are at least five) a fifth or more must run through a word of the
lexicon (`道|路`, `改|造`). A poem whose lines have one length ends them where its phrases end
and is not reported.

Text wrapped and then spaced with a blank line after every line (every "paragraph" stops at the
margin, mid-sentence) is the same damage and is found the same way: the lines are the
paragraphs, and the usual gap between them is what separates wrapped lines.

## Why it matters
Every wrapped line splits a sentence: sentence splitters, deduplication by paragraph, language
models and search all see fragments. Only the paragraph ends (the short last line of each
paragraph) are real.

## Example
```
利己主义。利己主义只重视自我的自我，个人主义却要求重视
他人的自我。……
```

## Fix
Join the lines of each paragraph: a line that reaches the wrap width (or falls a little short
of it without ending a sentence) is joined with the next one unless more blank lines than usual
lie between them or the next is indented (a new paragraph); a space is put back only between two Latin letters or digits. **Unsafe**: where a paragraph happened to end exactly at the
margin it is joined with the next.
"""

from __future__ import annotations

from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix
from ...page import flow


class HardWrappedText(DocumentRule):
    code = "LAY005"
    name = "hard-wrapped-text"
    summary = "Text hard-wrapped at a fixed width: lines end mid-sentence throughout"
    fix = Applicability.UNSAFE

    def check(self, doc: Document) -> Iterable[Finding]:
        lay = flow(doc, self.ctx.packs)
        wrap = lay.wrap
        if wrap is None or not lay.wrapped:
            return
        paras = lay.paras
        edits: list[Edit] = []
        for i, j in lay.wrapped:
            line, nxt = doc.lines[paras[i].line - 1], doc.lines[paras[j].line - 1]
            body = line.text.rstrip()
            a, b = body[-1:], nxt.text[:1]
            glue = " " if (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()) else ""
            edits.append(Edit(line.start + len(body), nxt.start, glue))
        first = doc.lines[paras[lay.wrapped[0][0]].line - 1]
        fix = Fix(tuple(edits), Applicability.UNSAFE, f"join the {len(edits) + 1} wrapped lines into paragraphs")
        yield self.finding(doc, first.start, first.end,
                           f"text is hard-wrapped at {wrap.width} {wrap.unit}: {len(edits)} line breaks fall "
                           "inside paragraphs", fix=fix)
