"""## What it finds
Short lines that belong to a block of page chrome found by the other CHR rules: the sidebar
links, blog-roll titles, archive months and menu items (`恋爱结婚`, `2006年04月(7)`,
`投身外交(3)`, `天南海北(0)`) that sit among recognised menus, interface words, meta lines or
article lists, before the first or after the last sentence of the article.

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
article, and the last lines of the run (headline, byline) are kept.

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
- `head_keep` (int, 2): lines of such a run next to the article that are left alone.
- `between_anchor_share` (float, 0.25): share of recognised chrome lines a block between two
  stretches of prose needs (0.1 flagged rows of an encyclopedia article's tables on the held-out
  pages of bench/chrome_eval.py; 0.25 none).
- `min_prose_chars` (int, 200): the document must have at least this much prose, so that there
  is an article to be outside of (a poem or a list of short lines has none).
"""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Applicability, Document, Finding, RuleContext
from ._base import ChromeRule
from ._zones import Block, Layout, layout

# sentence punctuation inside a line (a slogan or title may end with "！" or "？": "搜狐天气为你抢先报！")
_SENTENCE = regex.compile(r"[。，,；;]|[！？!?](?!\s*$)")


_FIRST_WORD = regex.compile(r"\w")


def _repeats_title(b: Block, title_chars: set[str], title: str) -> bool:
    """Whether ``b`` is the headline: its folded text starts the folded page title. Folding
    (OpenCC) is costly, so a line whose first letter is not in the title is ruled out first."""
    if b.length < 4:
        return False
    m = _FIRST_WORD.search(b.text)
    if m is None or m.group().lower() not in title_chars:
        return False
    f = b.folded
    return len(f) >= 4 and title.startswith(f)


def _sentence(b: Block) -> bool:
    """A sentence of the article: prose, except a short exclamation with no full stop
    ("90个好项目赚钱快！！！", "中医攻克牛皮癣、白癜风！"), the voice of an advertisement."""
    return b.prose and (b.length >= 20 or "。" in b.text)


def _zone(lay: Layout, i: int, first: int, last: int) -> str:
    """Where block ``i`` lies outside the article: ``head`` (before its first sentence of
    prose, ``first``), ``tail`` (after its last, ``last``), ``before``/``after`` (between prose,
    before or after the best-scoring run of prose), or "" inside that run."""
    if i < first:
        return "head"
    if i > last:
        return "tail"
    if i < lay.body_start:
        return "before"
    if i > lay.body_end:
        return "after"
    return ""


class ChromeBlock(ChromeRule):
    code = "CHR010"
    name = "chrome-block"
    summary = "Short lines inside a block of page chrome next to recognised chrome lines"
    fix = Applicability.UNSAFE
    options = {"max_length": 60, "min_run": 3, "min_prose_chars": 200, "min_head_run": 6, "head_keep": 2,
               "between_anchor_share": 0.25}

    def setup(self) -> None:
        # the sibling rules, to find the anchors when they are not enabled in this run (when they
        # are, their findings on the document are reused from its layout)
        from . import RULES

        self.siblings = [cls(RuleContext({}, self.ctx.packs)) for cls in RULES
                         if cls is not ChromeBlock and issubclass(cls, ChromeRule)]

    def anchors(self, doc: Document, lay: Layout) -> set[int]:
        out: set[int] = set()
        for rule in self.siblings:
            if rule.code not in lay.ran:
                for _ in rule.check(doc):
                    pass
            out |= lay.flagged.get(rule.code, set())
        return out

    def check(self, doc: Document) -> Iterable[Finding]:
        lay = layout(doc)
        blocks = lay.blocks
        if lay.last_prose < 0 or sum(b.length for b in blocks if b.prose) < self.opts["min_prose_chars"]:
            return
        anchors = self.anchors(doc, lay)
        # the article's sentences: prose that no rule recognised (a copyright or disclaimer
        # sentence at the foot of the page does not make the sidebar above it "article")
        prose = [i for i, b in enumerate(blocks) if i not in anchors and _sentence(b)]
        if not prose or sum(blocks[i].length for i in prose) < self.opts["min_prose_chars"]:
            return
        first, last = prose[0], prose[-1]
        title = blocks[0].folded
        title_chars = set(blocks[0].text.lower())
        max_len = self.opts["max_length"]
        run: list[int] = []
        zone = ""
        for i in range(1, len(blocks) + 1):
            b = blocks[i] if i < len(blocks) else None
            z = _zone(lay, i, first, last) if b is not None else ""
            ok = bool(z) and (
                i in anchors
                or (b.truncated and b.length <= 2 * max_len)  # a teaser cut short: "…不行吗？..."
                # after the article's last sentence any line short of one is page (a title with a
                # comma "新娘，为何如此沉闷"); elsewhere a comma may mark the article's own text
                or (not _sentence(b) and b.length <= max_len and (z == "tail" or not _SENTENCE.search(b.text))
                    # the headline (it repeats the page title) is the article's
                    and not _repeats_title(b, title_chars, title)))
            # a block never spans two zones (head, between, tail) even with no text between
            if ok and run and z != zone:
                yield from self._block(doc, lay, run, anchors, zone)
                run = []
            if ok:
                run.append(i)
                zone = z
                continue
            yield from self._block(doc, lay, run, anchors, zone)
            run = []

    def _block(self, doc: Document, lay: Layout, run: list[int], anchors: set[int], zone: str) -> Iterable[Finding]:
        if not run:
            return
        marked = [j for j in run if j in anchors]
        keep = self.opts["head_keep"]
        if zone == "head" and len(run) - keep >= self.opts["min_head_run"]:
            # a long run of short lines above the article is the page head (menus, sidebars)
            # even with no recognised line in it, except its last lines: headline and byline
            last = max(run[-keep - 1], marked[-1] if marked else -1)
            run = [j for j in run if j <= last]
        elif not marked:
            return
        else:
            # cut the block at the anchor nearest the article
            after = zone in ("tail", "after")
            run = [j for j in run if j >= marked[0]] if after else [j for j in run if j <= marked[-1]]
            if len(run) < self.opts["min_run"]:
                return
            if zone in ("before", "after") and (
                    len(marked) < 2 or len(marked) < self.opts["between_anchor_share"] * len(run)):
                # between two stretches of prose (a sidebar beside the article, or a table of
                # the article itself) only a block dense with recognised chrome is taken
                return
        first, last = lay.blocks[run[0]].line, lay.blocks[run[-1]].line
        piece: list[int] = []
        for j in [*run, None]:
            if j is not None and j not in anchors:
                piece.append(j)
                continue
            if piece:
                yield from self.report(
                    doc, [lay.blocks[k] for k in piece],
                    f"short lines inside a block of page chrome (lines {first}-{last})", safe=False,
                    fix_message="delete the lines", symbols=True)
                piece = []
