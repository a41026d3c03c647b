"""## What it finds
Navigation left in the text of a scraped page: breadcrumbs (`当前位置:首页 > 财经 >`,
`首页>>人物聚焦>>2005人物`, `首页    最新动态    逐梦三十年 | …`), menu bars on one line
(`新闻 | 行情 | 评测 | 专题`, `社会国际财经教育旅游数码房产汽车体育娱乐`), and site menus spread
over runs of short lines before or after the article (`首页` / `中国` / `港澳台` / `亚洲` …).

A breadcrumb is recognised anywhere by its opener (`当前位置`, `您的位置` …, from
`rules/chr/navigation.toml`) or by its shape: short steps joined by `>`/`>>`/`»`, starting from a
home or section word. Menus are only looked for outside the article body (see the CHR family's
page structure): a run of at least `min_menu_run` short lines most of which are menu words, or
every short line between the page title and the headline that repeats it. A row or cell of the
text's own table (`corpuslint.page.tables`: an album's `演唱者：…` between the article's
sentences, a grid of data right after them) is never a menu line; columns of menu words
(`新闻  体育  娱乐` on three lines) outside the article body are.

## Why it matters
Menus and breadcrumbs are the same on every page of a site: they pollute n-gram statistics,
deduplication and language-model training data with text no author wrote for this article.

## Example
```text
当前位置:首页 > 财经 >          <- CHR001
破茧成蝶,余慈制造业发展驶入“科创新赛道”
```

## Fix
Delete the line(s). **Safe** for a breadcrumb line (it never holds article text); **unsafe** for
menus found by their shape, which a human should glance at.

## Options
- `min_menu_run` (int, 4): shortest run of short lines taken as a menu.
- `max_item_length` (int, 12): longest line counted as a menu item in a run.
"""

from __future__ import annotations

from ...core import Applicability
from ...page.chrome.navigation import NavigationDetector
from ._base import ChromeRule


class NavigationLine(ChromeRule):
    code = "CHR001"
    name = "navigation-line"
    summary = "Breadcrumb or site menu left in the text of a scraped page"
    fix = Applicability.SAFE
    detector = NavigationDetector
    options = dict(NavigationDetector.defaults)
