"""The contact chrome detector: what CHR rule `ContactBlock` recognises as chrome lines on a page
(computed once per document with its defaults, see ``page.anchors``; the rule and its options are
documented in rules/chr/contact_block.py)."""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Document
from ...text import AnyOf, any_word
from ..layout import Block, page
from ._base import Detector, Hit

# lines above a contact block where the notice may introduce it (`…负责人联系方式：` / `沈某 老师`)
_INTRO_WINDOW = 6
# an advertiser's call to add a messenger id: never a notice's own contact section
_SCAN = regex.compile(r"微信|扫一扫|扫码|二维码|QQ群|加群")


class ContactDetector(Detector):
    kind = "contact"
    defaults = {"max_line_length": 60, "max_block": 8}

    def setup(self) -> None:
        data = self.packs.toml("chr/contact.toml")
        self.contact = AnyOf(data["contacts"])
        labels = sorted(set(data["labels"]), key=len, reverse=True)
        self.label = regex.compile(
            r"^[\s·•■□◆●★☆【\[(（]*(?:" + "|".join(regex.escape(x) for x in labels) + r")\s*[:：/]", regex.I)
        self.words = any_word(data["block_words"], regex.I)
        self.ads = any_word(data["ads"])
        self._ads = tuple(data["ads"])  # (``ads.search`` finds one where one of them is in the text)

    def _ad(self, text: str) -> bool:
        return any(w in text for w in self._ads)

    def is_contact(self, b: Block, outside: bool) -> bool:
        t = b.text
        if len(t) > 120:  # every test below needs a short line; skip the regexes on long ones
            return False
        if len(t) <= 80 and self._ad(t):
            return True
        if not self.contact.found(t):
            return False
        if self.label.match(t) and len(t) <= 120:
            return True
        if b.prose and not outside:
            return False
        return len(t) <= self.opts["max_line_length"] or (outside and len(t) <= 120 and not b.prose)

    def own_contacts(self, blocks: list[Block], lo: int, hi: int) -> bool:
        """A notice's own contact section: introduced by the line above it (`…联系方式：`,
        `联系人：`, within the few lines above it) or naming a contact person, with no advertising in it."""
        if any(self._ad(b.text) or _SCAN.search(b.text) for b in blocks[lo:hi + 1]):
            return False
        around = [b.text.rstrip() for b in blocks[max(0, lo - _INTRO_WINDOW):hi + 1]]
        introduced = any("联系" in t and t.endswith(("：", ":")) for t in around)
        return introduced or any(b.text.lstrip().startswith("联系人") for b in blocks[lo:hi + 1])

    def is_member(self, b: Block) -> bool:
        return b.length <= 50 and bool(self.words.search(b.text))

    def detect(self, doc: Document) -> Iterable[Hit]:
        lay = page(doc, self.packs)
        blocks = lay.blocks
        core = [i for i, b in enumerate(blocks) if self.is_contact(b, lay.outside_body(i))]
        taken: set[int] = set()
        for i in core:
            if i in taken:
                continue
            lo = hi = i
            # grow over neighbouring contact lines and short lines of ad/contact words
            while hi + 1 < len(blocks) and hi - lo + 1 < self.opts["max_block"] and (
                    hi + 1 in core or self.is_member(blocks[hi + 1])):
                hi += 1
            while lo - 1 >= 0 and lo - 1 not in taken and hi - lo + 1 < self.opts["max_block"] and (
                    lo - 1 in core or self.is_member(blocks[lo - 1])):
                lo -= 1
            taken.update(range(lo, hi + 1))
            if self.own_contacts(blocks, lo, hi):
                continue
            if lo == hi and not lay.outside_prose(i) and not self._ad(blocks[i].text):
                # one contact line among the article's own lines (a list of places, each with
                # `游客咨询电话：…`) is the article's information, not an advertisement
                continue
            span = blocks[lo:hi + 1]
            what = "contact line" if lo == hi else f"contact/ad block of {hi - lo + 1} lines"
            yield from self.report(doc, span, f"{what}: `{blocks[i].text[:40]}`", safe=False,
                              fix_message="delete the contact block")
