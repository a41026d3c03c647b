"""## What it finds
Text that was lost or cut in extraction:

- a paragraph that stops mid-sentence followed by one that starts mid-sentence but does not go
  on with it (`…上海千机、上海易行` / `材料入选省“415X”…`: the end of one passage and the start of
  another, the text between them gone) — in a document that shows extraction damage elsewhere
  (a sentence broken mid-word): a headline or a title line of names above the first paragraph
  stops the same way (`…实行人口与经济、社会、资源、环境协调发展`);
- a paragraph that stops mid-sentence with nothing to continue it;
- a paragraph that starts mid-sentence (with `的`, `、`, `，`…) after a complete one (not `着`: the
  verb zhuó opens sentences, `着最短女上衣的是…`);
- a title cut short: its first chunk is a fragment of a word the text always writes whole
  (`长三 谱写长三角一体化新篇章`).

## Why it matters
Lost text cannot be repaired from the document itself: it must be re-extracted from the source,
or the passage dropped. Joining such halves would make a sentence that never existed.

## Example
An OCR'd newspaper feature: `…上海千机、上海易行` ends a paragraph mid-list and the next one
starts `材料入选省“415X”先进制造业产业集群核心区…` (a column lost between them), and the title
`长三 谱写长三角一体化新篇章` is cut short.

## Fix
None: the missing text is not in the document.
"""

from __future__ import annotations

from typing import Iterable

from ...core import Document, DocumentRule, Finding, related
from ...page import flow


class LostText(DocumentRule):
    code = "LAY003"
    name = "lost-text"
    summary = "Text lost or cut: a passage stops or starts mid-sentence, a title is cut short"

    def check(self, doc: Document) -> Iterable[Finding]:
        lay = flow(doc, self.ctx.packs)
        for lost in lay.lost:
            rel = []
            if lost.other is not None:
                q = lay.paras[lost.other]
                rel.append(related(doc, q.start, min(q.end, q.start + 10),
                                   "the next paragraph starts mid-sentence"))
            yield self.finding(doc, lost.start, lost.end, lost.message, related=rel)
