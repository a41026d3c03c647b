"""The copyright chrome detector: what CHR rule `CopyrightNotice` recognises as chrome lines on a page
(computed once per document with its defaults, see ``page.anchors``; the rule and its options are
documented in rules/chr/copyright_notice.py)."""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Document
from ..layout import page
from ...text import BULLET, HAN_CLASS, any_pattern
from ._base import Detector, Hit

_SPACES = regex.compile(r"\s+")
_HAN_WORD = regex.compile(f"[{HAN_CLASS}]+")

class CopyrightDetector(Detector):
    kind = "copyright"
    defaults = {"max_length": 200}

    def setup(self) -> None:
        data = self.packs.toml("chr/copyright.toml")
        self.strong = any_pattern(data["strong"], regex.I)
        self.phrases = any_pattern(data["phrases"], regex.I)
        self.notice = any_pattern(data["notices"], regex.I)
        self.openers = tuple(_SPACES.sub("", o).lower() for o in data["openers"])
        # The Chinese notice words among the openers, matched at the start of a line even spaced
        # out ("郑 重 声 明"). © and Copyright are not among them: inside the article body such a
        # line is a notice only by the `strong` marks (a short line that is not prose), so an
        # English sentence about copyright law stays.
        words = sorted({w.rstrip(":：") for w in self.openers if _HAN_WORD.fullmatch(w.rstrip(":："))},
                       key=lambda w: (-len(w), w))
        self.head = regex.compile("|".join(r"\s*".join(map(regex.escape, w)) for w in words) or r"(?!)")
        self.licence = any_pattern(data["licence_marks"], regex.I)

    def _standalone(self, text: str) -> bool:
        """A notice word that stands alone at the start of ``text``: the whole line, or followed
        by a colon, a bar or a space ("版权所有 XX公司", "版权声明：…")."""
        t = text.lstrip("*·•■□【[(（ \t\u3000")
        m = self.head.match(t)
        return bool(m) and (m.end() == len(t.rstrip()) or t[m.end()] in ":：|｜ \u3000\u00a0")

    def _strong(self, t: str, flat: str, outside: bool) -> bool:
        """A copyright mark in the line (`©`, `版权所有`), or a notice phrase that stands alone,
        ends the line or lies outside the body."""
        if self.strong.search(flat):
            return True
        m = self.phrases.search(t)
        return bool(m) and (outside or self._standalone(t[m.start():]) or not t[m.end():].strip())

    def detect(self, doc: Document) -> Iterable[Hit]:
        lay = page(doc, self.packs)
        blocks = lay.blocks
        skip = -1
        for i, b in enumerate(blocks):
            if i <= skip:
                continue
            t = b.text
            outside = lay.outside_body(i)
            after = lay.in_tail(i) or i >= lay.last_prose
            if not outside and not after and (len(t) > 60 or b.prose) and not self._standalone(t):
                # (a long line or a sentence of the body, no notice word standing at its start:
                # neither a footer nor an opener, so the tests below would skip it)
                continue
            flat = _SPACES.sub("", t)
            low = flat.lower().lstrip("*·•■□【[(（")
            # a longer line is only a notice when it opens with a notice word after the article's
            # other sentences (a site's English legal footer: "Copyright © 2005 … does not …")
            footer = after and low.startswith(self.openers)
            if len(t) > self.opts["max_length"] and not footer:
                continue
            opener = low.startswith(self.openers) and (outside or footer or self._standalone(t))
            # (the marks are searched only as far as needed: most lines have none)
            if not opener and not outside and (len(t) > 60 or b.prose):
                continue  # in the body no mark makes a long line or a sentence a notice
            if opener:
                ok = True
            elif self._strong(t, flat, outside):
                # inside the body a mark must sit on a short, non-sentence line
                ok = outside or (len(t) <= 60 and not b.prose)
            else:
                ok = outside and (not b.prose or len(t) <= 120) and bool(self.notice.search(flat))
            if not ok:
                continue
            safe = bool(self.licence.search(flat)) and outside or (opener and lay.in_tail(i))
            span = [b]
            if opener and len(flat) <= 12:
                # a notice heading ("郑 重 声 明", "免责声明：") heads the numbered clauses below it
                j = i + 1
                while j < len(blocks) and BULLET.match(blocks[j].text) and blocks[j].length <= 120:
                    span.append(blocks[j])
                    j += 1
                skip = j - 1
            yield from self.report(doc, span, f"copyright or reprint notice: `{t[:40]}`", safe=safe,
                              fix_message="delete the notice")
