"""The block chrome detector: what CHR rule `ChromeBlock` recognises as chrome lines on a page
(computed once per document with its defaults, see ``page.anchors``; the rule and its options are
documented in rules/chr/chrome_block.py)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Iterable, Iterator

import regex

from ...core import Document
from ...text import CHARS, char_class
from ..anchors import chrome_anchors, chrome_words
from ..comments import comments
from ..layout import REPEAT_MIN, Block, Page, page
from ._base import Detector, Hit
from ._item_runs import article_zone, item_runs
from .feeds import feeds

# sentence punctuation inside a line (a slogan or title may end with "！" or "？": "搜狐天气为你抢先报！")
_SENTENCE = regex.compile(char_class(frozenset("。"), CHARS.clause) + "|"
                           + char_class(CHARS.sentence_final_strong - {"。"}) + r"(?!\s*$)")


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


_WIDGET_LINES = 3


def _repeated_anchors(lay: Page, recognised: set[int]) -> tuple[set[int], set[int]]:
    """The page's repeated lines (``Page.repeated``) that anchor chrome: every copy of a line
    lies before the first or after the last sentence of the page, or past a recognised chrome
    line beyond the article body (a comment thread under `评论` / `举报`). A repeated line
    between the article's sentences with no recognised chrome before it (`曲目` under every
    album of a discography) is the text's own, unless it is part of a widget (a run of
    repeated lines). Returns the anchors and, among them, the widgets' lines."""
    repeated = lay.repeated()
    groups: dict[str, list[int]] = {}
    for j in sorted(repeated):
        groups.setdefault(lay.blocks[j].text.strip(), []).append(j)
    out: set[int] = set()
    for idx in groups.values():
        if all(lay.outside_prose(k) for k in idx) \
                or (idx[0] > lay.body_end and any(lay.body_end < a < idx[0] for a in recognised)) \
                or (idx[-1] < lay.body_start and any(idx[-1] < a < lay.body_start for a in recognised)):
            out.update(idx)
    # a widget: a run of `_WIDGET_LINES` or more consecutive repeated lines, wherever it is
    # (the nine lines of an ad-feedback box under every teaser of a feed)
    # the same box of lines printed again and again: its first lines recur together (a
    # flowchart's single cells `动` `的` `动` recur one by one)
    texts = [b.text.strip() for b in lay.blocks]
    starts: dict[tuple[str, ...], int] = {}
    for p in range(len(texts) - _WIDGET_LINES + 1):
        if p in repeated:
            key = tuple(texts[p:p + _WIDGET_LINES])
            starts[key] = starts.get(key, 0) + 1
    widgets: set[int] = set()
    run: list[int] = []
    for j in [*sorted(repeated), None]:
        if j is not None and run and j == run[-1] + 1:
            run.append(j)
            continue
        if len(run) >= _WIDGET_LINES and starts.get(tuple(texts[run[0]:run[0] + _WIDGET_LINES]), 0) >= REPEAT_MIN \
                and not _table_header(lay, run):
            widgets.update(run)
        run = [j] if j is not None else []
    return (out | widgets) - recognised, widgets - recognised

def _table_header(lay: Page, run: list[int]) -> bool:
    """A run of repeated lines right above rows of a table (`专辑 #` `专辑资料` `曲目` over
    every album of a discography, then `发行日期：…` `语言：韩语`): the header of each of the
    text's tables, not a widget."""
    end = min(len(lay.blocks), run[-1] + 1 + _HEADER_REACH)
    return any(lay.blocks[k].kind == "table" for k in range(run[0], end))


_HEADER_REACH = 3  # lines between a table's header and its first row (the row's own title)


class BlockDetector(Detector):
    kind = "block"
    defaults = {"max_length": 60, "min_run": 3, "min_prose_chars": 200, "min_head_prose_chars": 80, "min_head_run_short_page": 20, "menu_item_chars": 6, "min_head_run": 6, "head_keep": 2,
               "between_anchor_share": 0.25, "split_anchors": 2, "satellite_share": 0.25, "satellite_chars": 300, "satellite_sentences": 1,
               "menu_row_items": 5, "good_chars": 30, "menu_row_function_share": 0.03,
               "min_item_run": 5, "min_title_run": 6, "min_feed_items": 3}

    def setup(self) -> None:
        self.function_words = frozenset(w for w in self.packs.lines("chr/function_words.txt") if len(w) == 1)

    def anchors(self, doc: Document, lay: Page) -> set[int]:
        """The lines the CHR detectors recognise (the page's chrome anchors, computed once)."""
        return set(chrome_anchors(doc, self.packs))

    def chrome_lines(self, doc: Document, lay: Page) -> bool:
        """The page has a chrome line: recognised, made of menu or interface words, or printed
        again and again. A text with none has no page around it to grow a block into."""
        return bool(self.anchors(doc, lay) or chrome_words(doc, self.packs) or lay.repeated())

    def detect(self, doc: Document) -> Iterable[Hit]:
        lay = page(doc, self.packs)
        blocks = lay.blocks
        if lay.last_prose < 0:
            return
        total = sum(b.length for b in blocks if b.prose)
        if total < self.opts["min_prose_chars"]:
            # little prose (a forum's error or login page, a short notice): only the page head,
            # and only a run of at least `min_head_run_short_page` menu-shaped lines
            yield from self.head_only(doc, lay, total)
            return
        if not self.chrome_lines(doc, lay):
            return
        recognised = self.anchors(doc, lay)
        # lines repeated on the page (a widget under every teaser, a reply button under every
        # comment) anchor blocks like recognised lines; this rule reports them itself
        repeated, widgets = _repeated_anchors(lay, recognised)
        anchors = recognised | repeated
        # the article's sentences: prose that no rule recognised (a copyright or disclaimer
        # sentence at the foot of the page does not make the sidebar above it "article")
        prose = [i for i, b in enumerate(blocks) if i not in anchors and _sentence(b)]
        if not prose or sum(blocks[i].length for i in prose) < self.opts["min_head_prose_chars"]:
            # the prose is the chrome's (a share prompt, a teaser): what is left is a short
            # page (a poem under the site's menus)
            yield from self.head_only(doc, lay, total)
            return
        first, last = self.article_extent(lay, prose, anchors, widgets)
        title = blocks[0].folded
        title_chars = set(blocks[0].text.lower())
        max_len = self.opts["max_length"]
        chosen: dict[int, str] = {}  # block index -> message
        run: list[int] = []
        zone = ""
        for i in range(1, len(blocks) + 1):
            b = blocks[i] if i < len(blocks) else None
            z = article_zone(lay, i, first, last) if b is not None else ""
            ok = bool(z) and (
                i in anchors
                or (z in ("head", "tail") and self.menu_row(b))
                or (b.truncated and b.length <= 2 * max_len)  # a teaser cut short: "…不行吗？..."
                # after the article's last sentence any line short of one is page (a title with a
                # comma "新娘，为何如此沉闷"); elsewhere a comma may mark the article's own text
                or (not _sentence(b) and b.length <= max_len and (z == "tail" or not _SENTENCE.search(b.text))
                    # the headline (it repeats the page title) is the article's
                    and not _repeats_title(b, title_chars, title)))
            # a block never spans two zones (head, between, tail) even with no text between
            if ok and run and z != zone:
                self._block(lay, run, anchors, zone, chosen)
                run = []
            if ok:
                run.append(i)
                zone = z
                continue
            # a run that ends at the headline (the line repeating the page title) keeps no lines
            # for it: what it would keep (a user box, "我收藏的：…") is above the headline
            headline = b is not None and bool(run) and _repeats_title(b, title_chars, title)
            self._block(lay, run, anchors, zone, chosen, keep=0 if headline else None)
            run = []
        items: set[int] = set()
        for run, what in item_runs(lay, first, last, anchors, self.opts):
            span = f"{blocks[run[0]].line}-{blocks[run[-1]].line}"
            for j in run:
                if j not in anchors:
                    chosen[j] = f"a run of {len(run)} {what} outside the article (lines {span})"
                    items.add(j)
        # feeds of other articles (headline, teaser, date, again and again) outside the article
        # or past a recognised chrome line below its first sentence (teasers are sentences
        # too: they may have widened the article over the feed)
        past = min((a for a in anchors if a > first), default=len(blocks))

        def outside(i: int) -> bool:
            return (i > past or article_zone(lay, i, first, last) != "") and not lay.in_table(i)

        self._feeds(lay, outside, anchors, chosen, items)
        # after the article only: above it the stretch between a breadcrumb and a meta line is
        # the headline's (on the held-out pages of bench/chrome_eval.py the head too flagged six
        # more `content` lines, a government page's metadata table, for 0.8 % more caught)
        for i, span in self.sandwiched(lay, anchors, title_chars, title):
            if article_zone(lay, i, first, last) == "tail":
                chosen.setdefault(i, f"line between recognised chrome lines with no article sentence between them (lines {span})")
        for j in repeated:
            if article_zone(lay, j, first, last) in ("head", "tail"):
                n = sum(1 for k in repeated if blocks[k].text.strip() == blocks[j].text.strip())
                chosen[j] = f"a line printed {n} times on the page outside the article (a widget or button)"
                items.add(j)  # reportable however short (`回复` under every comment)
        yield from self._report(doc, lay, chosen, anchors, frozenset(items))

    def head_only(self, doc: Document, lay: Page, total: int) -> Iterable[Hit]:
        """A page with too little prose to place an article (under `min_prose_chars`) may still
        open with a long run of menu items above its first sentence: a forum's error or login
        page under the board's full menu. Only that run is taken, and only when it is long
        (`min_head_run_short_page` lines besides the `head_keep` kept ones), holds a recognised
        chrome line and the page has some prose under it (`min_head_prose_chars`)."""
        if total < self.opts["min_head_prose_chars"]:
            return
        blocks = lay.blocks
        anchors = self.anchors(doc, lay)
        chosen: dict[int, str] = {}
        items: set[int] = set()
        # runs of short items above the first sentence, as on a page with an article (only
        # next to a chrome line: short lines of a text alone are a poem or a list)
        runs = item_runs(lay, lay.first_prose, lay.last_prose, anchors, self.opts, head_only=True) \
            if self.chrome_lines(doc, lay) else ()
        # and below the last sentence no detector recognised (a copyright notice is one), runs
        # that follow a recognised chrome line (lists of other poems, an author ranking under
        # `诗人活跃榜`) and feeds of other articles; on a page with a comment thread (a forum's,
        # whose replies are short) only below its last sentence
        last = max((i for i, b in enumerate(blocks) if i not in anchors and _sentence(b)), default=lay.last_prose)
        if comments(lay, self.packs) is not None:
            last = lay.last_prose
        tail = item_runs(lay, lay.first_prose, last, anchors, self.opts) if runs else ()
        for run, what in [*runs, *((r, w) for r, w in tail if r[0] > last)]:
            span = f"{blocks[run[0]].line}-{blocks[run[-1]].line}"
            for j in run:
                chosen[j] = f"a run of {len(run)} {what} outside the article (lines {span})"
                items.add(j)
        if runs:
            self._feeds(lay, lambda i: i > last and not lay.in_table(i), anchors, chosen, items)
        # the run opens the page (after its title line) and is one block of short lines
        run: list[int] = []
        for i in range(1, lay.first_prose):
            if blocks[i].length > self.opts["max_length"] or _SENTENCE.search(blocks[i].text):
                break
            run.append(i)
        # a recognised chrome line in it, or menu-item shape: half its lines of a few characters
        # (a poem without punctuation has longer lines)
        lengths = sorted(blocks[i].length for i in run)
        if len(run) - self.opts["head_keep"] >= self.opts["min_head_run_short_page"] and (
                any(i in anchors for i in run) or lengths[len(lengths) // 2] <= self.opts["menu_item_chars"]):
            # the last lines of the run (headline, byline) stay, even next to a recognised line
            run = run[:len(run) - self.opts["head_keep"]]  # (not run[:-keep]: empty for keep = 0)
            first, last = blocks[run[0]].line, blocks[run[-1]].line
            for j in run:
                if j not in anchors:
                    chosen[j] = f"short lines inside a block of page chrome (lines {first}-{last})"
        yield from self._report(doc, lay, chosen, anchors, frozenset(items))

    def _feeds(self, lay: Page, outside: Callable[[int], bool], anchors: set[int], chosen: dict[int, str],
               items: set[int]) -> None:
        """Choose the lines of the feeds of other articles whose lines are all ``outside``."""
        for run in feeds(lay, outside, self.opts["min_feed_items"]):
            span = f"{lay.blocks[run[0]].line}-{lay.blocks[run[-1]].line}"
            for j in run:
                if j not in anchors:
                    chosen[j] = f"a feed of other articles (headline, teaser, date) outside the article (lines {span})"
                    items.add(j)

    def article_extent(self, lay: Page, prose: list[int], anchors: set[int],
                       widgets: set[int] | None = None) -> tuple[int, int]:
        """The first and last sentence of the article. Sentences are grouped into clusters: two
        consecutive sentences are apart when at least `split_anchors` recognised chrome lines lie
        between them (a share bar, a list header, a footer). The article is the cluster with the
        most prose, widened over its neighbours while the prose left on that side is large; the rest
        (an advertising slogan, a teaser, a disclaimer under the sidebar) is page, so it no
        longer stretches the article over the chrome around it. Nor is it widened across a widget
        (``widgets``: a box of repeated lines printed between the teasers of a feed)."""
        marks = sorted(anchors)
        clusters: list[list[int]] = [[prose[0]]]
        for a, b in zip(prose, prose[1:]):
            if bisect_left(marks, b) - bisect_right(marks, a) >= self.opts["split_anchors"]:
                clusters.append([b])
            else:
                clusters[-1].append(b)
        sizes = [sum(lay.blocks[i].length for i in c) for c in clusters]
        main = max(range(len(clusters)), key=sizes.__getitem__)
        bar = min(self.opts["satellite_share"] * sizes[main], self.opts["satellite_chars"])
        # extend over a neighbouring cluster while the prose from it to that end of the page is
        # large enough to be the article's (sections after a table); stop at the rest of the page
        # when all its prose together is small (a slogan, a teaser, a footer disclaimer)
        lone = self.opts["satellite_sentences"]
        walls = sorted(widgets or ())

        def wall(a: int, b: int) -> bool:  # a widget between blocks a and b
            return bisect_left(walls, b) > bisect_right(walls, a)

        lo = main
        while lo > 0 and sum(sizes[:lo]) >= bar and sum(map(len, clusters[:lo])) > lone \
                and not wall(clusters[lo - 1][-1], clusters[lo][0]):
            lo -= 1
        hi = main
        while hi < len(clusters) - 1 and sum(sizes[hi + 1:]) >= bar and sum(map(len, clusters[hi + 1:])) > lone \
                and not wall(clusters[hi][-1], clusters[hi + 1][0]):
            hi += 1
        return clusters[lo][0], clusters[hi][-1]

    def menu_row(self, b: Block) -> bool:
        """A long row of names with no sentence in it (`外交部 国防部 国家发展和改革委员会 …`,
        `北京 天津 河北 …`): several space-separated items, no sentence punctuation and almost
        no function words (the stopword density of jusText)."""
        if b.length <= self.opts["max_length"] or _SENTENCE.search(b.text):
            return False
        if len(b.text.split()) < self.opts["menu_row_items"]:
            return False
        return sum(1 for c in b.text if c in self.function_words) <= self.opts["menu_row_function_share"] * max(1, b.cjk)

    def _block(self, lay: Page, run: list[int], anchors: set[int], zone: str, chosen: dict[int, str],
               keep: int | None = None) -> None:
        if not run:
            return
        if sum(1 for j in run if lay.blocks[j].kind == "heading") * 2 >= len(run):
            # mostly numbered headings (`第一章 …`, `一、…`): the article's own table of contents
            return
        marked = [j for j in run if j in anchors]
        keep = self.opts["head_keep"] if keep is None else keep
        docno = [j for j in run if lay.blocks[j].docno]
        if zone == "head" and docno:
            # an official document's number: the lines above it up to the nearest recognised
            # chrome line are the document's title (`吉林省人民政府关于…` / `…的通告`)
            before = [j for j in marked if j < docno[-1]]
            if not before:
                return
            run = [j for j in run if j <= before[-1]]
        elif zone == "head" and len(run) - keep >= self.opts["min_head_run"]:
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
        for j in run:
            if j not in anchors:
                chosen[j] = f"short lines inside a block of page chrome (lines {first}-{last})"

    def sandwiched(self, lay: Page, anchors: set[int], title_chars: set[str], title: str) -> Iterator[tuple[int, str]]:
        """The context rule of jusText (Pomikálek 2011) with recognised chrome lines as its bad
        blocks: a line that is not a good sentence (at least `good_chars` characters with
        sentence punctuation, not a bulleted item or a teaser cut short) is chrome when the nearest good-or-bad line on each side is a
        recognised chrome line (the page's edge counts as one). So a stretch with no article
        sentence is chrome from its first recognised line to its last, wherever it is on the
        page; the lines between the article and the nearest recognised line stay."""
        blocks = lay.blocks
        good_chars = self.opts["good_chars"]
        prev_bad = True  # the page's start counts as a bad block
        stretch: list[int] = []
        for i in range(len(blocks) + 1):
            if i < len(blocks):
                b = blocks[i]
                # a list item (a bullet first) or a teaser cut short ("…") is no
                # article sentence, whatever its punctuation
                if i not in anchors and (b.length < good_chars or b.bullet or b.truncated or not _SENTENCE.search(b.text)):
                    stretch.append(i)
                    continue
            # a good line, an anchor or the page's end closes the stretch before it
            closing_bad = i == len(blocks) or i in anchors
            if stretch and prev_bad and closing_bad:
                span = f"{blocks[stretch[0]].line}-{blocks[stretch[-1]].line}"
                for j in stretch:
                    if not _repeats_title(blocks[j], title_chars, title):
                        yield j, span
            stretch = []
            prev_bad = closing_bad

    def _report(self, doc: Document, lay: Page, chosen: dict[int, str], anchors: set[int],
                items: frozenset[int] = frozenset()) -> Iterable[Hit]:
        """One finding per run of consecutive chosen lines with one message. A row of the
        text's own table (``Page.in_table``: a discography's `发行日期：…` between the page's
        sentences) is no block's line; a recognised line of a forum post's user box (`楼层：`)
        is its detector's."""
        chosen = {j: m for j, m in chosen.items() if not lay.in_table(j)}
        piece: list[int] = []
        for j in [*sorted(chosen), None]:
            if piece and (j is None or j != piece[-1] + 1 or chosen[j] != chosen[piece[-1]]):
                yield from self.report(doc, [lay.blocks[k] for k in piece], chosen[piece[-1]], safe=False,
                                       fix_message="delete the lines", symbols=True, items=items)
                piece = []
            if j is not None:
                piece.append(j)
