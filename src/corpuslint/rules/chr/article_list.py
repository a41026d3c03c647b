"""## What it finds
Lists of other articles: a header such as `相关阅读`, `相关文章`, `热门文章`, `最新文章`,
`推荐阅读`, `点击排行`, `■相关连接` (`rules/chr/related.toml`), and the list after it — titles,
bullet items (`• …`), teaser paragraphs cut short (`…近日,浙江省科协发文公布…...`), titles printed
twice, titles with dates — up to where article text resumes.

Block logic: after the article body (no prose follows), everything after the header that is not
a finished sentence of prose belongs to the list. Inside or before the body, only lines that are
marked as list items (bullet, trailing date, cut-short teaser, repeated title) are taken, so a
header quoted in the article never swallows the paragraphs after it.
Without a header, a run of short link lines outside the body is a list when most of its lines
carry link marks (★/·, `(图)`, a teaser cut short); an unmarked last line right above a paragraph
of running text is that paragraph's heading and stays out of the list.

## Why it matters
Other articles' titles and teasers are text about other subjects glued to this document: they
break topic coherence, create false near-duplicates between unrelated pages and sometimes repeat
this article's own opening (as an aggregator's `最新文章` list does).

## Example
```text
相关阅读                                      <- CHR006, lines 71-102
  • 贵州遵义:“三进三增”活动优化人社服务
  • 贵州省遵义市人力资源社会保障局突出就业创业…进
```

## Fix
Delete the header and its list. **Safe** for a whole list after the article body (nothing of
the article follows it); **unsafe** elsewhere.

## Options
- `max_items` (int, 60): most lines taken after one header.
"""

from __future__ import annotations

from ...core import Applicability
from ...page.chrome.article_list import ArticleListDetector
from ._base import ChromeRule


class ArticleList(ChromeRule):
    code = "CHR006"
    name = "other-article-list"
    summary = "List of other articles (相关阅读/热门文章/最新文章 …) with titles and teasers"
    fix = Applicability.SAFE
    detector = ArticleListDetector
    options = dict(ArticleListDetector.defaults)
