"""What the CHR rules share: a rule reports the hits of its chrome detector (``page.chrome``,
computed once per document for its default options by ``page.anchors``) as findings with a
line-deletion fix."""

from __future__ import annotations

from typing import ClassVar, Iterable

from ...core import Document, DocumentRule, Finding, Fix
from ...page import delete_lines
from ...page.anchors import chrome_hits
from ...page.chrome import Detector, Hit


class ChromeRule(DocumentRule):
    """A document rule that reports chrome lines and offers to delete them: what its
    ``detector`` recognises (``hits``), turned into findings by ``check``."""

    detector: ClassVar[type[Detector]]

    def setup(self) -> None:
        own = self.opts != dict(self.detector.defaults)
        self._own = self.detector(self.ctx.packs, self.opts) if own else None

    def hits(self, doc: Document) -> list[Hit]:
        # (no own detector: the options are the defaults, whose hits the page keeps)
        return chrome_hits(doc, self.ctx.packs, self.detector, None if self._own is None else self.opts, self._own)

    def check(self, doc: Document) -> Iterable[Finding]:
        for hit in self.hits(doc):
            first, last = hit.blocks[0], hit.blocks[-1]
            edit = delete_lines(doc, first.para.line, last.para.line)
            fix = Fix.safe(hit.fix_message, edit) if hit.safe else Fix.unsafe(hit.fix_message, edit)
            yield self.finding(doc, first.para.start, last.para.end, hit.message, fix=fix)
