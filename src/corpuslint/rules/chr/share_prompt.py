"""## What it finds
Share bars, QR-code and app prompts and print/send buttons left in the text of a page:
`分享给朋友:`, `分享到：`, `长按/扫一扫加…的微信号`, `扫一扫在手机打开当前页`, `打印本页`,
`下载法广应用程序跟踪国际时事`, `微信微博快手` (phrases in `rules/chr/share.toml`).

Only short lines that are not sentences are reported: `市民扫一扫二维码即可预约挂号。` is article
text.

## Why it matters
Prompts addressed to the reader of a web page mean nothing in a corpus and recur on every page
of a site.

## Example
```text
分享给朋友:        <- CHR003
```

## Fix
Delete the line. **Safe** when the line is only a prompt from the `whole_lines` list (`分享到：`,
`打印本页`); **unsafe** otherwise (the line may carry a name or a caption).

## Options
- `max_length` (int, 40): longest line considered.
"""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Applicability, Document
from ...page import page
from ...text import CHARS, char_class
from ._base import ChromeRule, Hit

_STRONG = char_class(CHARS.sentence_final_strong)
_SENTENCE = regex.compile(_STRONG + r"\s*$|" + char_class(CHARS.clause) + ".*" + _STRONG)
_STRIP = regex.compile(r"[\s:：|｜\-—·•>»【】\[\]()（）]+")


class SharePrompt(ChromeRule):
    code = "CHR003"
    name = "share-prompt"
    summary = "Share bar, QR-code or app prompt left in the text of a page"
    fix = Applicability.SAFE
    options = {"max_length": 40}

    def setup(self) -> None:
        data = self.ctx.packs.toml("chr/share.toml")
        phrases = sorted(set(data["phrases"]), key=len, reverse=True)
        self.phrase = regex.compile("|".join(regex.escape(p) for p in phrases), regex.I)
        self.whole = {_STRIP.sub("", w) for w in data["whole_lines"]}

    def detect(self, doc: Document) -> Iterable[Hit]:
        lay = page(doc, self.ctx.packs)
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
