"""## What it finds
Text hard-wrapped at a fixed width: nearly every line has the same width (in terminal cells)
and stops wherever the margin fell, mid-word and mid-sentence — the shape of text saved from a
terminal, an e-mail, a BBS post or a fixed-width e-book. One finding per document, on its first
wrapped line, instead of one "broken sentence" per line (LAY001 and LAY003 stay silent on such
a document).

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

from collections import Counter
from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix
from ...text import CHARS
from ._layout import analyse, layout_data

_INDENT = (" ", "\t", "\u3000", "\u00a0")
_ENDS = CHARS.sentence_final_strong | CHARS.closing_quotes | CHARS.ellipsis



class HardWrappedText(DocumentRule):
    code = "LAY005"
    name = "hard-wrapped-text"
    summary = "Text hard-wrapped at a fixed width: lines end mid-sentence throughout"
    fix = Applicability.UNSAFE

    def setup(self) -> None:
        self.data = layout_data(self.ctx.packs)

    def check(self, doc: Document) -> Iterable[Finding]:
        lay = analyse(doc, self.data, self.ctx.packs)
        wrap = lay.wrap
        if wrap is None:
            return
        paras = lay.paras
        gaps = Counter(q.line - p.line - 1 for p, q in zip(paras, paras[1:]))
        usual = gaps.most_common(1)[0][0] if gaps else 0
        edits: list[Edit] = []
        first = None
        for p, q in zip(paras, paras[1:]):
            line = doc.lines[p.line - 1]
            body = line.text.rstrip()
            size = wrap.measure(body)
            # A line filled to the margin was wrapped; one a little short of it was wrapped too
            # unless it ends a sentence (then it is taken as the end of its paragraph).
            full = size >= wrap.width - 1 or (size >= wrap.width - wrap.slack and body[-1:] not in _ENDS)
            # more blank lines than the text puts between its lines: a paragraph break
            if not full or q.line - p.line - 1 > usual:
                continue
            nxt = doc.lines[q.line - 1]
            if nxt.text.startswith(_INDENT):
                continue
            if first is None:
                first = line
            a, b = body[-1:], nxt.text[:1]
            glue = " " if (a.isascii() and a.isalnum() and b.isascii() and b.isalnum()) else ""
            edits.append(Edit(line.start + len(body), nxt.start, glue))
        if first is None:
            return
        fix = Fix(tuple(edits), Applicability.UNSAFE, f"join the {len(edits) + 1} wrapped lines into paragraphs")
        yield self.finding(doc, first.start, first.end,
                           f"text is hard-wrapped at {wrap.width} {wrap.unit}: {len(edits)} line breaks fall "
                           "inside paragraphs", fix=fix)
