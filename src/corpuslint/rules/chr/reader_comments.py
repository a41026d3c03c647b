"""## What it finds
Readers' comments and forum replies printed after the article: a run of reply headers (a short
line with a time of day and a reply mark — `# re: 很高兴入住博客堂 2004-12-27 12:46 王勇`,
`楼层： 第 2 楼 时间：2005-08-28 23:38:58`, `… 发布时间 2005/05/17 22:11:42 by 眉间尺 〓`) each
followed by the reply. The zone is the page model's comment-thread zone (`corpuslint.page.comments`);
marks are in `rules/page/comments.toml`.

The section starts at the first reply header after the start of the article body (a forum's
first post, which comes after its own header, stays) and runs to the end of the page. At least
`min_replies` headers are needed: one dated line is a byline, not a comment section.

Some sites print each comment over several lines, ending with a line of its own: its date or a
reply button alone (`人生有点甜` / `支持平台做法……` / `吉林网友` / `5月19日` / `回复`). Such a line,
printed alone `min_replies` times after the start of the body next to another short line of the
comment's frame, starts the section too (`buttons` in `rules/page/comments.toml`); between
paragraphs of the article the same word is text.

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
  `3 条评论`, `评论 (12)`; `openers` in `rules/page/comments.toml`) opens the section, however few
  the replies, when a short line with a time of day follows within this many lines.
- `opener_reach` (int, 8): such a heading (`评论 139`) within this many lines above the first of
  `min_replies` reply headers (`回复·05月10日` under every comment) starts the section there:
  the comment box and the first comment between them are the section's.
"""

from __future__ import annotations

from ...core import Applicability
from ...page.chrome.comments import CommentsDetector
from ._base import ChromeRule


class ReaderComments(ChromeRule):
    code = "CHR009"
    name = "reader-comments"
    summary = "Readers' comments or forum replies printed after the article"
    fix = Applicability.UNSAFE
    detector = CommentsDetector
    options = dict(CommentsDetector.defaults)
