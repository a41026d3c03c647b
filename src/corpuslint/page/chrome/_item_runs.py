"""CHR010's runs of same-shape lines outside the article (the page model's kinds): long
vertical runs of short items (menus, tag clouds, calendars, pagers) and of link-like titles,
before the article's first sentence or after its last one past a recognised chrome line. The
rule and its options are documented in rules/chr/chrome_block.py."""

from __future__ import annotations

from typing import Any, Iterator, Mapping

import regex

from ...text import CHARS, char_class
from ..kinds import ITEM_MAX, TITLE_MAX, TITLE_MIN
from ..layout import Block, Page

# lines of a run's own shape it needs besides the recognised chrome lines inside it
_MIN_SHAPED = 3
# a sentence's end anywhere in the line: a teaser, not a headline
_STRONG = regex.compile(char_class(CHARS.sentence_final_strong))


def shaped(b: Block, shape: str) -> bool:
    """Block ``b`` has the shape of a run's lines: a short item (``item`` or ``other`` kind, at
    most ITEM_MAX characters) or a link-like title (7-40 characters with no sentence end in
    it: a ``title``, or a headline with commas, `新政丨福建省加强房地产项目预售，…` that the
    page model reads as running text)."""
    if b.prose:
        return False
    if shape == "item":
        return b.kind in ("item", "other") and b.length <= ITEM_MAX
    return b.kind == "title" or (b.kind in ("prose", "short") and TITLE_MIN <= b.length <= TITLE_MAX
                                 and not _STRONG.search(b.text) and not b.truncated)


def article_zone(lay: Page, i: int, first: int, last: int) -> str:
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


def _head_article(lay: Page, run: list[int], anchors: set[int], first: int, head_keep: int) -> list[int]:
    """The part of a run above the article that is page, not the article's own head: an
    official document's number at or after the run's end keeps its title (the lines after the
    last recognised chrome line above it); the headline repeating the page title and what
    follows it stay; a run that ends right at the first sentence keeps its last `head_keep`
    lines (a headline broken over lines, a byline)."""
    blocks = lay.blocks
    nxt = run[-1] + 1
    docno = [j for j in run if blocks[j].docno] + ([nxt] if nxt < len(blocks) and blocks[nxt].docno else [])
    if docno:
        before = [a for a in anchors if a < docno[0]]
        return [j for j in run if before and j <= max(before)]
    if lay.title_repeat is not None:
        run = [j for j in run if j < lay.title_repeat]
    if run and run[-1] + 1 == first:
        run = run[:len(run) - head_keep]
    return run

def _after_chrome(start: int, last: int, anchors: set[int]) -> bool:
    """A recognised chrome line lies between the article's last sentence and ``start``, or
    right after the run begins: after the article a run of items may be its own list."""
    return any(last < a <= start + 1 for a in anchors)

def item_runs(lay: Page, first: int, last: int, anchors: set[int], opts: Mapping[str, Any],
              head_only: bool = False) -> Iterator[tuple[list[int], str]]:
    """Long vertical runs before the article's first or after its last sentence of
    same-shape lines: short items (1-6 characters: menu, channel and tag words, calendar
    days, pager numbers; at least `min_item_run`) or link-like titles (7-40 characters with
    no sentence punctuation: lists of other articles; at least `min_title_run`). A table of
    the article lies between its sentences, never here; after the article a run counts only
    with a recognised chrome line between the article and it (a list that ends the article,
    `圣经的原理` / `环境的带领` …, has none)."""
    blocks = lay.blocks
    need = {"item": opts["min_item_run"], "title": opts["min_title_run"]}
    names = {"item": "short menu, tag or calendar items", "title": "link-like titles"}
    for shape in ("item", "title"):

        def zone_of(i: int, shape: str = shape) -> str:
            b = blocks[i]
            z = article_zone(lay, i, first, last)
            if z not in (("head",) if head_only else ("head", "tail")):
                return ""
            # a recognised chrome line (a submenu row, a share prompt) does not break a run,
            # nor above the article a title among menu items
            if shaped(b, shape) or i in anchors or (shape == "item" and z == "head" and b.kind == "title" and not head_only):
                return z
            return ""

        run: list[int] = []
        for i in range(1, len(blocks) + 1):
            z = zone_of(i) if i < len(blocks) else ""
            if z and (not run or zone_of(run[-1]) == z):
                run.append(i)
                continue
            # a run starts and ends with its own kind of line (a recognised chrome line or a
            # title next to the article is the rules' or the article's own)
            while run and (run[-1] in anchors or not shaped(blocks[run[-1]], shape)):
                run.pop()
            while run and (run[0] in anchors or not shaped(blocks[run[0]], shape)):
                run.pop(0)
            if run and zone_of(run[0]) == "head":
                run = _head_article(lay, run, anchors, first, opts["head_keep"])
                if head_only and lay.title_repeat is None:
                    # the last lines above the message (headline, byline) stay, unless the
                    # headline is known (the line repeating the page title)
                    run = run[:len(run) - opts["head_keep"]]
                if shape == "title":
                    # title-shaped lines above the article may be its headline, subtitle
                    # and byline: the last `head_keep` of them stay
                    own = [j for j in run if j not in anchors][-opts["head_keep"]:] if opts["head_keep"] else []
                    run = [j for j in run if j < own[0]] if own else run
            mine = [j for j in run if j not in anchors and shaped(blocks[j], shape)]
            # titles above the article are a list of links only next to recognised chrome (a
            # programme or a table of contents of the page's own has none)
            touching = bool(run) and any(a in anchors for a in range(run[0] - 1, run[-1] + 2))
            if (len(run) >= need[shape] and len(mine) >= _MIN_SHAPED and (shape == "item" or touching)
                    and (zone_of(run[0]) == "head" or _after_chrome(run[0], last, anchors))):
                yield [j for j in run if j not in anchors], names[shape]
            run = [i] if z else []
