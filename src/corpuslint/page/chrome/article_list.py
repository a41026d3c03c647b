"""The article_list chrome detector: what CHR rule `ArticleList` recognises as chrome lines on a page
(computed once per document with its defaults, see ``page.anchors``; the rule and its options are
documented in rules/chr/article_list.py)."""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Document
from ..layout import Block, Page, page
from ...text import CLAUSE_PUNCT, AnyOf, any_pattern, any_word
from ._base import Detector, Hit

# decoration around a list header: leading, and trailing (searched backwards from the end)
_DECOR_LEAD = regex.compile(r"^[\s■□◆◇●○★☆▲△►▶|｜>»:：·•【\[《<]+")
_DECOR_TRAIL = regex.compile(r"(?r)[\s■□◆◇●○★☆▲△►▶|｜>»:：·•】\]》>]+$")
_DECOR_TRAIL_ONLY = regex.compile(r"[\s■□◆◇●○★☆▲△►▶|｜>»:：·•】\]》>]*")
_HEADER_MAX = 40


def _undecorated(text: str, longest: int | None = None) -> str:
    """``text`` without the decoration before and after it (`■ 相关新闻 >>`); with ``longest``,
    "" when that would be longer (known without the backward search: the characters past
    ``longest`` are not all trailing decoration)."""
    m = _DECOR_LEAD.match(text)
    rest = text[m.end():] if m else text
    if longest is not None and len(rest) > longest and not _DECOR_TRAIL_ONLY.fullmatch(rest, longest):
        return ""
    m = _DECOR_TRAIL.search(rest)
    return rest[:m.start()] if m else rest
_LONE_BULLET = regex.compile(r"\s*[•·▪▫◆◇■□●○★☆►▶▸※]\s*")


def _paragraph(b: Block) -> bool:
    """Running text: a long line with inner sentence punctuation, whether or not the page cut it
    short (a story teaser ending in "详情" is still the article's paragraph)."""
    return b.length >= 60 and len(CLAUSE_PUNCT.findall(b.text)) >= 2

class ArticleListDetector(Detector):
    kind = "article_list"
    defaults = {"max_items": 60}

    def setup(self) -> None:
        data = self.packs.toml("chr/related.toml")
        self.headers = sorted({h.strip() for h in data["headers"] if h.strip()}, key=len, reverse=True)
        self.header_re = any_word(self.headers, regex.I)
        self.weak_headers = {h.strip() for h in data.get("weak_headers", [])}
        self.item = AnyOf(data["item_patterns"])
        self.link = AnyOf(data["link_marks"])
        # dated items mark links; numbered items ("1.", "2、") are as often the article's own list
        self.dated = AnyOf(p for p in data["item_patterns"] if not p.startswith("^"))
        self.footer = any_pattern(data["footer_marks"], regex.I)

    def header(self, b: Block, outside: bool = True) -> bool:
        core = _undecorated(b.text, _HEADER_MAX)
        if not core or len(core) > _HEADER_MAX:
            return False
        if core in self.weak_headers:
            return outside
        m = self.header_re.search(core)
        if not m:
            return False
        rest = core[:m.start()] + core[m.end():]
        if m.start() == 0 and rest[:1] in (":", "："):
            return True  # inline first item: "延伸阅读：57岁小学肄业 …"
        return len(rest.strip()) <= 6 and not CLAUSE_PUNCT.search(core)

    def marked(self, b: Block, prev: Block | None, outside: bool = False) -> bool:
        if b.truncated or self.item.found(b.text):
            return True
        # outside the article, a list item whose bullet glyph was its own element: "•" on one
        # line, the title on the next (inside the body the title could be the article's own)
        if outside and (_LONE_BULLET.fullmatch(b.text)
                        or (prev is not None and _LONE_BULLET.fullmatch(prev.text))):
            return True
        return prev is not None and b.folded == prev.folded and bool(b.folded)

    def detect(self, doc: Document) -> Iterable[Hit]:
        lay = page(doc, self.packs)
        taken: set[int] = set()
        for found, first, last in self._lists(doc, lay):
            taken.update(range(first, last + 1))
            yield from found
        yield from self._headerless(doc, lay, taken)

    def _headerless(self, doc: Document, lay: Page, taken: set[int]) -> Iterable[Hit]:
        """Runs of short link lines outside the article body, most of them marked as links
        (★/■/· decorations, "(图)", "[财运]" tags, "影视| …", teasers cut short "…"), with no
        header above them."""
        blocks = lay.blocks
        run: list[int] = []
        for i in range(len(blocks) + 1):
            b = blocks[i] if i < len(blocks) else None
            if (b is not None and i not in taken and i > 0 and lay.outside_body(i) and not b.prose
                    and b.length <= 40):
                run.append(i)
                continue
            marked = [j for j in run if blocks[j].truncated or self.link.found(blocks[j].text)
                      or self.dated.found(blocks[j].text)]
            # an unmarked last line right above a paragraph of running text is that paragraph's
            # heading (an ad box dropped into an article, then "宪哥被打成“猪头”" and its
            # story), not one more link
            if run and run[-1] not in marked and b is not None and _paragraph(b):
                run.pop()
            if len(run) >= 4 and len(marked) >= 4 and len(marked) * 10 >= len(run) * 4:
                span = blocks[run[0]:run[-1] + 1]
                yield from self.report(doc, span, f"list of {len(run)} links to other pages", safe=False,
                                  fix_message="delete the link list")
            run = []

    def _lists(self, doc: Document, lay: Page) -> Iterable[tuple[list[Hit], int, int]]:
        blocks = lay.blocks
        i = 0
        while i < len(blocks):
            if not self.header(blocks[i], lay.outside_body(i)):
                i += 1
                continue
            end = self._extent(lay, i)
            span = blocks[i:end + 1]
            tail = lay.in_tail(i)
            n = end - i
            msg = (f"list of other articles under `{_undecorated(blocks[i].text)[:20]}`"
                   + (f" ({n} lines)" if n else ""))
            yield (list(self.report(doc, span, msg, safe=tail and n > 0,
                                    fix_message="delete the header and its list")), i, end)
            i = end + 1

    def _extent(self, lay: Page, i: int) -> int:
        blocks = lay.blocks
        tail = lay.in_tail(i)
        end = i
        for j in range(i + 1, min(len(blocks), i + 1 + self.opts["max_items"])):
            b = blocks[j]
            if self.footer.search(b.text):
                break
            if self.header(b, lay.outside_body(j)):
                end = j
                continue
            if tail:
                if b.prose and not b.bullet and not self.marked(b, blocks[j - 1]):
                    break
            elif not self.marked(b, blocks[j - 1], lay.outside_body(j)):
                break
            end = j
        return end
