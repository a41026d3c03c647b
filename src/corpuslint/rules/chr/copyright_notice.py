"""## What it finds
Copyright, reprint and disclaimer notices and site licences: `版权声明:本文由…发布,如需转载请注明出处`,
`版权所有 江苏扬子晚报有限公司`, `Copyright © 2005 Sohu.com Inc. All rights reserved.`,
`苏ICP备13020714号`, `公安机关备案号…`, `未经…书面特别授权,请勿转载`, `本站部分内容收集于网络…`
(patterns in `rules/chr/copyright.toml`).

A line must look like a notice, not like a sentence of the article about copyright: it opens
with a notice word (`版权声明`, `Copyright`, `©`), or holds a certain mark (ICP number, `©`,
`版权所有`) and is short, or lies outside the article body.

## Why it matters
Notices are site boilerplate: identical across thousands of pages, they skew deduplication and
frequency counts, and reprint notices are not part of the article.

## Example
```text
版权声明:本文由浙江厂房网发布,如需转载请注明出处。…        <- CHR004
```

## Fix
Delete the line. **Safe** for a line of site licences (ICP / public-security record numbers) or
a line that opens with a notice word and lies after the article; **unsafe** otherwise.

## Options
- `max_length` (int, 200): longest line considered, except a line after the article that opens
  with a notice word.
"""

from __future__ import annotations

from ...core import Applicability
from ...page.chrome.copyright import CopyrightDetector
from ._base import ChromeRule


class CopyrightNotice(ChromeRule):
    code = "CHR004"
    name = "copyright-notice"
    summary = "Copyright, reprint or disclaimer notice, or ICP licence line of a site"
    fix = Applicability.SAFE
    detector = CopyrightDetector
    options = dict(CopyrightDetector.defaults)
