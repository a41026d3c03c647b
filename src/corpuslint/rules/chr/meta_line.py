"""## What it finds
The meta line of a page: source, author, editor, reviewer, date and view-count fields
(`日期: 来源:甬派客户端`, `✎来源 | 余姚经济开发区管委会`, `编辑 | 楼昕`, `(责编：萧潇、张妍)`,
`报纸网 |发布: 2021-1-29 13:18|点击: 313|来自: 互联网`, `admin8个月前 (09-26)浙江产业信息19`), and
a bare date-time line (`2022-07-15 08:49`) outside the article body.

A line is a meta line when, once its fields (a label from `rules/chr/meta.toml` followed by `:`
`：` `|`, a date or time, a counter such as `点击: 313`) are taken out, little text is left. It must
not be a sentence: `据新华社消息,来源于…的数据显示…。` is article text even though it holds `来源`.
Newspaper bylines (`本报记者 王某`) are deliberately not meta lines, nor is the date under the
signer that closes a letter or notice (`特此通告。` / `吉林省人民政府` / `2022年1月27日`): that
date is the document's own.

## Why it matters
Meta lines repeat the page template in every document; dates and counters are noise to
deduplication, and a byline glued to the article is not the author's text.

## Example
```text
日期: 来源:甬派客户端收集编辑:甬派客户端        <- CHR002
```

## Fix
Delete the line. **Unsafe**: the line may hold facts (a date, a source) that a user wants to
keep as metadata before dropping it.

## Options
- `max_length` (int, 80): longest line considered.
- `max_leftover` (int, 12): most characters left besides the fields for the line to count.
"""

from __future__ import annotations

from ...core import Applicability
from ...page.chrome.meta import MetaDetector
from ._base import ChromeRule


class MetaLine(ChromeRule):
    code = "CHR002"
    name = "meta-line"
    summary = "Author/date/source/editor/view-count line of a scraped page"
    fix = Applicability.UNSAFE
    detector = MetaDetector
    options = dict(MetaDetector.defaults)
