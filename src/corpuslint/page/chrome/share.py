"""The share chrome detector: what CHR rule `SharePrompt` recognises as chrome lines on a page
(computed once per document with its defaults, see ``page.anchors``; the rule and its options are
documented in rules/chr/share_prompt.py)."""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Document
from ..layout import page
from ...text import CHARS, any_word, char_class
from ._base import Detector, Hit

_STRONG = char_class(CHARS.sentence_final_strong)
_SENTENCE = regex.compile(_STRONG + r"\s*$|" + char_class(CHARS.clause) + ".*" + _STRONG)
_STRIP = regex.compile(r"[\s:：|｜\-—·•>»【】\[\]()（）]+")

class ShareDetector(Detector):
    kind = "share"
    defaults = {"max_length": 40}

    def setup(self) -> None:
        data = self.packs.toml("chr/share.toml")
        phrases = sorted(set(data["phrases"]), key=len, reverse=True)
        self.phrase = any_word(phrases, regex.I)
        self.whole = {_STRIP.sub("", w) for w in data["whole_lines"]}

    def detect(self, doc: Document) -> Iterable[Hit]:
        lay = page(doc, self.packs)
        for i, b in enumerate(lay.blocks):
            t = b.text
            if len(t) > self.opts["max_length"] or _SENTENCE.search(t):
                continue
            m = self.phrase.search(t)
            if not m:
                continue
            bare = _STRIP.sub("", t)
            whole = bare in self.whole
            # inside the body a prompt must open the line or be the whole line
            if not whole and not lay.outside_body(i) and m.start() > 2:
                continue
            yield from self.report(doc, [b], f"share or app prompt: `{t[:40]}`", safe=whole,
                              fix_message="delete the prompt line")
