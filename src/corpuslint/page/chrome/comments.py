"""The comments chrome detector: what CHR rule `ReaderComments` recognises as chrome lines on a page
(computed once per document with its defaults, see ``page.anchors``; the rule and its options are
documented in rules/chr/reader_comments.py)."""

from __future__ import annotations

from typing import Iterable

from ...core import Document
from ..layout import page
from ..comments import DEFAULTS, comment_data, comment_zone, comments
from ._base import Detector, Hit

class CommentsDetector(Detector):
    kind = "comments"
    defaults = dict(DEFAULTS)

    def detect(self, doc: Document) -> Iterable[Hit]:
        pg = page(doc, self.packs)
        if self.opts == DEFAULTS:
            zone = comments(pg, self.packs)
        else:
            zone = comment_zone(pg, comment_data(self.packs), **self.opts)
        if zone is None:
            return
        what = (f"a comment section after the article ({zone.replies} replies)" if zone.opened
                else f"{zone.replies} replies after the article")
        yield from self.report(doc, pg.blocks[zone.start:], f"reader comments: {what}", safe=False,
                               fix_message="delete the comment section")
