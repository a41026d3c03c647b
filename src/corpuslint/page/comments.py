"""The comment-thread zone of a page: readers' comments or forum replies printed after the
article, from the first reply header (or a heading counting the comments) to the end of the page.

A reply header is a short line with a time of day or a date and a reply mark (`# re: … 12:46`,
`第 2 楼 时间：…`, `#12 用户名 於 2016/12/31 回覆`) or the article's title; the zone needs
`min_replies` of them after the start of the body, or a comment-count heading (`已有1件评论`,
`评论 (12)`) with a dated line within `opener_window` lines after it (or within `opener_reach`
lines above the first reply header: it starts the zone), or a comment's own line
(a reply button `回复`, its date `5月19日`) repeated alone `min_replies` times after the start
of the body. Marks: rules/page/comments.toml.
CHR009 reports the zone; DUP and VER may leave it out of what they compare."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..core import PackStore
from ..text import STRONG_END, AnyOf, any_pattern
from .layout import Block, Page

PACK = "page/comments.toml"
DEFAULTS = {"min_replies": 3, "max_header_length": 80, "opener_window": 3, "opener_reach": 8}


@dataclass(frozen=True)
class CommentData:
    marker: regex.Pattern[str]
    time: AnyOf
    opener: AnyOf
    button: AnyOf


@dataclass(frozen=True)
class CommentZone:
    start: int  # index of the zone's first block; the zone runs to the end of the page
    replies: int  # reply headers in it
    opened: bool  # opened by a heading counting the comments



@lru_cache(maxsize=8)
def _load(dirs: tuple) -> CommentData:  # type: ignore[type-arg]
    data = PackStore(dirs[1:]).toml(PACK)
    return CommentData(any_pattern(data["markers"], regex.I), AnyOf(data["times"]), AnyOf(data.get("openers", [])),
                       AnyOf(data.get("buttons", [])))


def comment_data(packs: PackStore | None = None) -> CommentData:
    return _load(tuple((packs or PackStore()).dirs))


def comment_zone(pg: Page, data: CommentData, min_replies: int = 3, max_header_length: int = 80,
                 opener_window: int = 3, opener_reach: int = 8) -> CommentZone | None:
    if not pg.has_body:
        return None
    blocks = pg.blocks
    start = pg.body_start
    titles = tuple({blocks[k].text for k in (0, start) if 4 <= blocks[k].length <= 40})

    def header(b: Block) -> bool:
        t = b.text
        if b.length > max_header_length or STRONG_END.search(t) or not data.time.found(t):
            return False
        return bool(data.marker.search(t)) or any(title in t for title in titles)

    def opener(b: Block) -> bool:
        return b.length <= max_header_length and not STRONG_END.search(b.text) and data.opener.found(b.text)

    headers = [i for i in range(start + 1, len(blocks)) if header(blocks[i])]
    for i in range(start + 1, len(blocks)):
        b = blocks[i]
        if not opener(b):
            continue
        if any(blocks[j].length <= 40 and data.time.found(blocks[j].text)
               for j in range(i + 1, min(len(blocks), i + 1 + opener_window))):
            # a heading counting the comments opens the zone whatever their number
            return CommentZone(i, sum(1 for h in headers if h > i), True)
    if len(headers) >= min_replies:
        # a heading counting the comments a little above the first reply header (the comment
        # box and the first comment between them: `评论 139` / `请先 登录 后发表评论～` / …)
        first = next((i for i in range(headers[0] - 1, max(start, headers[0] - 1 - opener_reach), -1)
                      if opener(blocks[i])), headers[0])
        return CommentZone(first, len(headers), first != headers[0])
    # a thread whose comments each end with a line of their own: a reply button or the date,
    # repeated (`吉林网友` / `5月19日` / `回复` under every comment), each next to another short
    # line of the comment's frame (an author, a region, a date), not between paragraphs
    def framed(i: int) -> bool:
        return any(0 <= j < len(blocks) and blocks[j].length <= 20 and not blocks[j].prose for j in (i - 1, i + 1))

    buttons = [i for i in sorted(pg.repeated())
               if i > start and data.button.found(blocks[i].text.strip()) and framed(i)]
    by_text: dict[str, int] = {}
    for i in buttons:
        by_text[blocks[i].text.strip()] = by_text.get(blocks[i].text.strip(), 0) + 1
    if by_text and max(by_text.values()) >= min_replies:
        return CommentZone(buttons[0], max(by_text.values()), False)
    return None


def comments(pg: Page, packs: PackStore | None = None) -> CommentZone | None:
    """The page's comment-thread zone with the default settings, computed once per page."""
    key = "page.comments"
    if key not in pg.extra:
        pg.extra[key] = comment_zone(pg, comment_data(packs))
    got = pg.extra[key]
    return got if isinstance(got, CommentZone) else None
