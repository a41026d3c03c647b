"""The ui chrome detector: what CHR rule `SiteUiText` recognises as chrome lines on a page
(computed once per document with its defaults, see ``page.anchors``; the rule and its options are
documented in rules/chr/site_ui_text.py)."""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Document
from ..layout import page
from ._base import Detector, Hit, Lexicon

# Frame lines: a rule of dashes or dots, or a lone arrow or bar (box-drawing characters are left
# alone: they draw tables and diagrams of the article).
_FRAME = regex.compile(r"^(?:[-=_*~.·…—－＿]{5,}|[‹›<>«»|｜])$")

class UiDetector(Detector):
    kind = "ui"

    def setup(self) -> None:
        data = self.packs.toml("chr/ui.toml")
        shapes = data.get("token_patterns", [])
        self.strong = Lexicon(data["strong"], shapes)
        self.all = Lexicon(data["strong"] + data["weak"], shapes)
        prefixes = sorted(data["link_prefixes"], key=len, reverse=True)
        self.link = regex.compile(r"^[\s【\[(（]*(?:" + "|".join(regex.escape(p) for p in prefixes) + r")\s*[:：]\s*\S")

    def detect(self, doc: Document) -> Iterable[Hit]:
        lay = page(doc, self.packs)
        for i, b in enumerate(lay.blocks):
            t = b.text
            if len(t) > 80:
                continue
            if self.link.match(t):
                yield from self.report(doc, [b], f"previous/next article link: `{t[:40]}`", safe=False,
                                  fix_message="delete the link line")
                continue
            if lay.outside_body(i) and b.length <= 60 and _FRAME.match(t) and b.punct_share >= 0.9:
                # a rule or a lone arrow of the page frame ("-----", "‹", "|"); inside the body
                # "***" or "——" may be a section break of the article, so only outside it
                yield from self.report(doc, [b], f"page decoration line: `{t[:20]}`", safe=True,
                                  fix_message="delete the decoration line")
                continue
            words = self.all.split(t)
            if not words:
                continue
            strong = [w for w in words if w in self.strong]
            outside = lay.outside_body(i)
            if not strong and not (outside and len(words) >= 2):
                continue
            if not outside and not any(len(w) >= 2 for w in strong):
                continue
            # inside the body a lone everyday word ("评论", "推荐") may be a heading
            if not outside and len(words) == 1 and len(words[0]) <= 2:
                continue
            yield from self.report(doc, [b], f"site interface text: `{t[:40]}`", safe=True,
                              fix_message="delete the interface line")
