"""## What it finds
Short lines that belong to a block of page chrome found by the other CHR rules: the sidebar
links, blog-roll titles, archive months and menu items (`恋爱结婚`, `2006年04月(7)`,
`投身外交(3)`, `天南海北(0)`) that sit among recognised menus, interface words, meta lines or
article lists, before the first or after the last sentence of the article.

Where the article is: its sentences (prose lines no other rule recognised) are grouped into
clusters, two consecutive sentences being apart when `split_anchors` recognised chrome lines lie
between them. The article is the cluster with the most prose, widened over neighbouring clusters
while the prose left on that side of the page is large (at least `satellite_share` of the main
cluster or `satellite_chars`, and more than `satellite_sentences` sentences). What is left is a
stray sentence cut off by chrome (a slogan among the ads, a teaser under a list, a syndication
disclaimer above the footer), which no longer stretches the article over the sidebars around it.

Block logic: outside the article's prose (before its first finished sentence or after its last),
a run of short lines with no sentence punctuation is one block of the page frame. Between
stretches of prose but outside the article body (a sidebar printed between the article and a
teaser further down) the same holds only for a block dense with recognised chrome (at least
`between_anchor_share` of its lines and two of them): there a run of short lines may as well be
a table or list of the article itself. The run is
chrome from its far end up to the recognised chrome line nearest the article: after the article
from the first line another CHR rule reported onwards, before the article up to the last such
line. The lines between the article and that anchor (a headline, a byline, a short closing line
of the article) are left alone, so the rule never reaches into the article. The recognised
lines are those the other CHR document rules report, whether or not they are enabled (a rule not
enabled in the run is consulted with its default options). Above the article a
long run of short lines (at least `min_head_run`, not counting its last `head_keep` lines) is
page head even with no recognised line in it: menus, sidebars and site names come before the
article, and the last lines of the run (headline, byline) are kept. Before and after the
article a long row of names with no sentence punctuation and almost no function words
(`外交部 国防部 国家发展和改革委员会 …`; the stopword density of jusText, function words in
`rules/chr/function_words.txt`) joins a block like a short line.

After the article, the context rule of jusText (Pomikálek 2011) with the recognised chrome
lines as its "bad" blocks: a line that is not a good sentence (`good_chars` characters with
sentence punctuation, not a bulleted item or a teaser cut short) is chrome when the nearest good-or-recognised line on each side is a
recognised one (the end of the page counts as one), whatever its length: a long teaser, a
sidebar's one-line blurb or an advertising slogan between a list header and the footer.

Runs of same-shape lines (the page model's kinds): before the article's first sentence, or after
its last one past a recognised chrome line, a vertical run of short items (1-6 characters: menu
and channel words, tags, calendar days, pager numbers, at least `min_item_run`) or of link-like
titles (7-40 characters with no sentence punctuation, at least `min_title_run`) is chrome, short
items included. A run above the article keeps the headline (the line repeating the page title)
and what follows it, its last `head_keep` lines when it ends at the first sentence, and an
official document's title (the lines above a document number `国发〔2020〕3号` after the last
recognised chrome line). A link-like title may hold commas (`新政丨福建省加强房地产项目预售，…`:
a headline the page model reads as running text) but no sentence end.

Feeds of other articles (`corpuslint.page.chrome.feeds`): outside the article, at least
`min_feed_items` groups of 2-4 lines, as many in each group, each group a headline and its
date alone on a line at the same place (`2024秋冬中国国际时装周开幕` / teaser / `2024-03-26 21:07`)
are chrome. A chronology of the article writes its events as sentences, so not every group
holds a headline.

Tables: a row or cell of the text's own table (`corpuslint.page.tables`, `Page.in_table`: in
the article body, between the page's first and last sentence, an infobox or a grid of data next
to them; a discography's `发行日期：…` / `语言：韩语` under every album, one cell a line under
a header row `日期` / `城市` / `场馆`; any table inside a reference page's sections, between its
`…[编辑]` headings and before its back matter `注释[编辑]`, a discography of tracks of uneven
number under `专辑 #` / `专辑资料` / `曲目`) is never taken, and no block grows from it; a run of
repeated lines right above a table's rows (`专辑 #` / `专辑资料` / `曲目` over every album) is
the table's header, no widget.

The anchors are the page's chrome anchors (`corpuslint.page.anchors.chrome_anchors`): what the other CHR
detectors recognise with their default options, computed once per document; this rule does
not run them. Lines repeated on the page (`Page.repeated`: a short line printed three or more
times, not a table row, field or heading) anchor too, and this rule reports them however short:
where every copy lies before the page's first or after its last sentence, or past a recognised
chrome line beyond the article body (a reply button under every comment), and wherever it is
when it is part of a widget, a box of repeated lines whose first lines recur together at least
three times (the ad-feedback box `为什么显示这个广告？` / `这个广告令我不安` / … printed between
the teasers of a feed). The article is never widened across a widget. A run above the article
made mostly of numbered headings (`第一章 …`, `一、…`) is the article's table of contents.

## Why it matters
Lists of links and sidebars are the bulk of a scraped page's chrome; no lexicon knows the titles
of other articles or a blog's categories, but their place in the page frame does.

## Example
```text
本站热点                    <- CHR006 (a known list header): the anchor
恋爱结婚                    <- CHR010
音乐动漫                    <- CHR010
四川旅游                    <- CHR010
```

## Fix
Delete the lines. **Unsafe**: the block is found by position and shape, not by content; a human
should glance at it.

## Options
- `max_length` (int, 60): longest line taken into a block.
- `min_run` (int, 3): fewest lines (anchors included) a block must have.
- `min_head_run` (int, 6): shortest run of short lines above the article taken as page head
  without a recognised chrome line in it.
- `head_keep` (int, 2): lines of such a run next to the article that are left alone (none when
  the run ends at the headline, the line repeating the page title: the lines above it are page).
- `between_anchor_share` (float, 0.25): share of recognised chrome lines a block between two
  stretches of prose needs (0.1 flagged rows of an encyclopedia article's tables on the held-out
  pages of bench/chrome_eval.py; 0.25 none).
- `split_anchors` (int, 2): recognised chrome lines between two sentences that put them in
  different clusters.
- `satellite_share` (float, 0.25), `satellite_chars` (int, 300), `satellite_sentences` (int, 1):
  the article is not widened over the rest of the page on one side when all the prose there is
  under `satellite_share` of the main cluster's and under `satellite_chars`, or is one sentence
  (on the 50 held-out pages of bench/chrome_eval.py: other caught on pages up to 1000 lines
  69.3 % -> 72.5 %, content flagged unchanged at 2.0 %).
- `menu_row_items` (int, 5), `menu_row_function_share` (float, 0.03): a line longer than
  `max_length` joins a block before or after the article when it has at least `menu_row_items`
  space-separated items, no sentence punctuation and function words under this share of its
  Chinese characters.
- `min_item_run` (int, 5), `min_title_run` (int, 6): shortest runs of short items and of
  link-like titles taken as chrome outside the article (bench/chrome_page_model.md).
- `good_chars` (int, 30): shortest line with sentence punctuation that counts as an article
  sentence in the context rule after the article.
- `min_feed_items` (int, 3): fewest groups (headline, teaser, date) of a feed of other articles.
- `min_prose_chars` (int, 200): the document must have at least this much prose, so that there
  is an article to be outside of (a poem or a list of short lines has none). When the prose
  no other rule recognised (not a share prompt, not a copyright notice) is under
  `min_head_prose_chars`, the page is judged as a short page (below); between the two, as a page
  with an article.
- `min_head_prose_chars` (int, 80), `min_head_run_short_page` (int, 20), `menu_item_chars`
  (int, 6): a page with less prose than `min_prose_chars` but at least `min_head_prose_chars`
  (a forum's error or login page) has only its head judged: the run of short lines that opens it
  is chrome when it is at least `min_head_run_short_page` lines besides the `head_keep` kept ones
  and holds a recognised chrome line or has a median length of at most `menu_item_chars`
  characters (menu items; a poem's lines are longer). Below its last sentence, runs of short
  items or titles that follow a recognised chrome line (other poems of the site, an author
  ranking) and feeds of other articles are taken as on a page with an article. On the 4 held-out forum pages of
  bench/chrome_eval.py: other caught 42.6 % -> 79.3 %, content flagged 1.0 % -> 2.0 % (one
  board name that the gold repeats in its title).
"""

from __future__ import annotations

from ...core import Applicability
from ...page.chrome.block import BlockDetector
from ._base import ChromeRule


class ChromeBlock(ChromeRule):
    code = "CHR010"
    name = "chrome-block"
    summary = "Short lines inside a block of page chrome next to recognised chrome lines"
    fix = Applicability.UNSAFE
    detector = BlockDetector
    options = dict(BlockDetector.defaults)
