"""## What it finds
Readers' comments and forum replies printed after the article: a run of reply headers (a short
line with a time of day and a reply mark — `# re: 很高兴入住博客堂 2004-12-27 12:46 王勇`,
`楼层： 第 2 楼 时间：2005-08-28 23:38:58`, `… 发布时间 2005/05/17 22:11:42 by 眉间尺 〓`) each
followed by the reply. Marks are in `rules/chr/comments.toml`.

The section starts at the first reply header after the start of the article body (a forum's
first post, which comes after its own header, stays) and runs to the end of the page. At least
`min_replies` headers are needed: one dated line is a byline, not a comment section.

## Why it matters
Comments are other people's text about the article, usually short, informal and off topic; a
corpus of articles should not mix them into the article (extraction tools such as trafilatura
drop them by default).

## Example
```text
发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)     <- CHR009, to the end of the page
评论
# re: 很高兴入住博客堂 2004-12-27 12:46 flyingbirds
呵呵，又来了一位大哥啊～～～～～～～～
```

## Fix
Delete the section. **Unsafe**: a user may want to keep comments, and where the section starts
is inferred from the page's structure.

## Options
- `min_replies` (int, 3): fewest reply headers that make a comment section.
- `max_header_length` (int, 80): longest line taken as a reply header.
- `opener_window` (int, 3): after the article, a heading that counts the comments (`已有1件评论`,
  `3 条评论`, `评论 (12)`; `openers` in `rules/chr/comments.toml`) opens the section, however few
  the replies, when a short line with a time of day follows within this many lines.
"""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Applicability, Document
from ...page import Block, Page, page
from ...text import STRONG_END
from ._base import ChromeRule, Hit


class ReaderComments(ChromeRule):
    code = "CHR009"
    name = "reader-comments"
    summary = "Readers' comments or forum replies printed after the article"
    fix = Applicability.UNSAFE
    options = {"min_replies": 3, "max_header_length": 80, "opener_window": 3}

    def setup(self) -> None:
        data = self.ctx.packs.toml("chr/comments.toml")
        self.marker = regex.compile("|".join(f"(?:{p})" for p in data["markers"]), regex.I)
        self.time = regex.compile("|".join(f"(?:{p})" for p in data["times"]))
        self.opener = regex.compile("|".join(f"(?:{p})" for p in data.get("openers", [])) or r"(?!)")

    def header(self, b: Block, titles: tuple[str, ...]) -> bool:
        t = b.text
        if b.length > self.opts["max_header_length"] or STRONG_END.search(t):
            return False
        if not self.time.search(t):
            return False
        return bool(self.marker.search(t)) or any(title in t for title in titles)

    def detect(self, doc: Document) -> Iterable[Hit]:
        lay = page(doc, self.ctx.packs)
        if not lay.has_body:
            return
        headers = self._headers(lay)
        blocks = lay.blocks
        start = self._opened(lay)
        if start is not None:
            # a heading counting the comments opens the section whatever their number
            n = sum(1 for h in headers if h > start)
            yield from self.report(doc, blocks[start:], f"reader comments: a comment section after the article ({n} replies)",
                                   safe=False, fix_message="delete the comment section")
            return
        if len(headers) < self.opts["min_replies"]:
            return
        span = blocks[headers[0]:]
        yield from self.report(doc, span, f"reader comments: {len(headers)} replies after the article",
                          safe=False, fix_message="delete the comment section")

    def _opened(self, lay: Page) -> int | None:
        """The first comment-count heading after the start of the article with a dated reply
        line within `opener_window` lines after it."""
        blocks = lay.blocks
        window = self.opts["opener_window"]
        for i in range(lay.body_start + 1, len(blocks)):
            b = blocks[i]
            if b.length > self.opts["max_header_length"] or STRONG_END.search(b.text) or not self.opener.search(b.text):
                continue
            if any(blocks[j].length <= 40 and self.time.search(blocks[j].text)
                   for j in range(i + 1, min(len(blocks), i + 1 + window))):
                return i
        return None

    def _headers(self, lay: Page) -> list[int]:
        blocks = lay.blocks
        start = lay.body_start
        titles = tuple({blocks[k].text for k in (0, start) if 4 <= blocks[k].length <= 40})
        return [i for i in range(start + 1, len(blocks)) if self.header(blocks[i], titles)]
