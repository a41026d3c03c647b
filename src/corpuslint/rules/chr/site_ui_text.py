"""## What it finds
Site slogans and interface words left in the text: `服务粉丝`, `我们一直在努力`, `放大 缩小 默认`,
`上一篇：…` / `下一篇：…`, `返回顶部`, `返回页首 | 关闭窗口`, `【字体：大 中 小】`, `登录 注册`,
`访问主要内容` (words in `rules/chr/ui.toml`), and, outside the article body, lines that are only
punctuation or symbols (`------`, `‹`, `|`): the frame of the page.

A line is reported when it is made only of interface words (and separators), or when it opens
with a previous/next link (`上一篇：`). Weak words that can be text on their own (`大`, `中`,
`简`) count only next to a strong word or outside the article body.

## Why it matters
Interface words are not language anyone wrote for the article; they recur on every page of a
site and turn up as noise in n-gram counts and trained models.

## Example
```text
服务粉丝            <- CHR007
我们一直在努力      <- CHR007
```

## Fix
Delete the line. **Safe** when the line is only interface words; **unsafe** for a
previous/next link line, which carries the other article's title.
"""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Applicability, Document
from ...page import page
from ._base import ChromeRule, Hit, Lexicon

# Frame lines: a rule of dashes or dots, or a lone arrow or bar (box-drawing characters are left
# alone: they draw tables and diagrams of the article).
_FRAME = regex.compile(r"^(?:[-=_*~.·…—－＿]{5,}|[‹›<>«»|｜])$")


class SiteUiText(ChromeRule):
    code = "CHR007"
    name = "site-ui-text"
    summary = "Site slogan or interface words (上一篇/下一篇, 返回顶部, 放大 缩小) left in the text"
    fix = Applicability.SAFE

    def setup(self) -> None:
        data = self.ctx.packs.toml("chr/ui.toml")
        shapes = data.get("token_patterns", [])
        self.strong = Lexicon(data["strong"], shapes)
        self.all = Lexicon(data["strong"] + data["weak"], shapes)
        prefixes = sorted(data["link_prefixes"], key=len, reverse=True)
        self.link = regex.compile(r"^[\s【\[(（]*(?:" + "|".join(regex.escape(p) for p in prefixes) + r")\s*[:：]\s*\S")

    def detect(self, doc: Document) -> Iterable[Hit]:
        lay = page(doc, self.ctx.packs)
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
