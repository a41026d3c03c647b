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

from ...core import Applicability
from ...page.chrome.ui import UiDetector
from ._base import ChromeRule


class SiteUiText(ChromeRule):
    code = "CHR007"
    name = "site-ui-text"
    summary = "Site slogan or interface words (上一篇/下一篇, 返回顶部, 放大 缩小) left in the text"
    fix = Applicability.SAFE
    detector = UiDetector
    options = dict(UiDetector.defaults)
