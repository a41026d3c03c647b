"""The navigation chrome detector: what CHR rule `NavigationLine` recognises as chrome lines on a page
(computed once per document with its defaults, see ``page.anchors``; the rule and its options are
documented in rules/chr/navigation_line.py)."""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Document
from ..layout import Block, page
from ...text import CLAUSE_PUNCT, any_pattern, any_word
from ._base import Detector, Hit, Lexicon, tokens

_STRUCTURAL_SEP = regex.compile(r"\s[|｜\-—·•]\s|[|｜]")

class NavigationDetector(Detector):
    kind = "navigation"
    defaults = {"min_menu_run": 4, "max_item_length": 12}

    def setup(self) -> None:
        data = self.packs.toml("chr/navigation.toml")
        self.prefixes = tuple(data["breadcrumb_prefixes"])
        seps = sorted(data["breadcrumb_separators"], key=len, reverse=True)
        self.sep = any_word(seps)
        self._seps = tuple(seps)  # (a literal alternation finds a match where one of them is in the text)
        self.home = tuple(data["home_words"])
        self.site_suffixes = tuple(data["site_suffixes"])
        self.nav = Lexicon(data["nav_words"] + data["home_words"], data.get("token_patterns", []))
        seps = sorted(data.get("title_separators", []), key=len, reverse=True)
        self.title_sep = any_word(seps) if seps else None
        self.site_endings = tuple(data.get("site_endings", []))
        pages = data.get("page_entry_patterns", [])
        self.page_entry = any_pattern(pages) if pages else None


    def _rooted(self, step: str) -> bool:
        """A breadcrumb's first step: the home page, a menu word or a site/section name."""
        return step.startswith(self.home) or step in self.nav or step.endswith(self.site_suffixes)
    def site_title(self, text: str) -> bool:
        """The page title with the site's name: `标题_频道_新浪网` (first line of a saved page)."""
        if self.title_sep is None or len(text) > 120 or CLAUSE_PUNCT.search(text):
            return False
        parts = [p.strip() for p in self.title_sep.split(text)]
        if len(parts) < 2 or not parts[-1] or len(parts[-1]) > 30:
            return False
        return parts[-1].lower().endswith(self.site_endings)

    # -- single lines ------------------------------------------------------------------------
    def breadcrumb(self, text: str, outside: bool) -> bool:
        t = text.lstrip(" \t\u3000\u00a0›>»·•")
        if len(t) > 160:
            return False
        if t.startswith(self.prefixes):
            return True
        if any(x in t for x in self._seps):
            steps = [s.strip() for s in self.sep.split(t)]
            filled = [s for s in steps if s]
            if len(filled) >= 2 and len(t) <= 100 and not CLAUSE_PUNCT.search(t) and all(
                    len(s) <= 25 for s in filled):
                first = filled[0]
                rooted = self._rooted(first)
                if rooted or outside:
                    return True
            # outside the article the last step may be its title, punctuation and all:
            # "麻辣社区 → 错误信息 → [原创]朋友,请正确客观认识凉山、西昌！"
            if outside and len(filled) >= 3 and len(t) <= 160 and all(
                    len(x) <= 12 and not CLAUSE_PUNCT.search(x) for x in filled[:-1]):
                if self._rooted(filled[0]) and not filled[0].endswith("站"):
                    return True
        if t.startswith(self.home) and len(t) <= 120 and not CLAUSE_PUNCT.search(t):
            rest = t[next(len(h) for h in self.home if t.startswith(h)):]
            if rest[:1].isspace() or _STRUCTURAL_SEP.match(rest) or rest[:1] in "|｜-—·>»":
                return len(tokens(rest)) >= 2
        return False

    def menu_line(self, b: Block) -> bool:
        t = b.text
        if b.prose or len(t) > 120 or CLAUSE_PUNCT.search(t):
            return False
        if self.page_entry is not None and self.page_entry.match(t):
            return True  # a page of an e-edition's page list
        # A token with a digit is data, not a menu word (a pager's numbers, `GPS: N24 39 16.4`,
        # a score line): only words count as the menu's items.
        toks = [x for x in tokens(t) if not any(c.isdigit() for c in x)]
        if len(_STRUCTURAL_SEP.findall(t)) >= 3 and len(toks) >= 4 and all(len(x) <= 8 for x in toks):
            return True
        if len(toks) >= 5 and all(len(x) <= 5 for x in toks) and " " in t.strip():
            return True
        words = self.nav.split(t)
        return words is not None and len(words) >= 4

    # -- runs of lines -----------------------------------------------------------------------
    def is_item(self, b: Block) -> bool:
        return not b.prose and b.length <= self.opts["max_item_length"] and not CLAUSE_PUNCT.search(b.text)

    def detect(self, doc: Document) -> Iterable[Hit]:
        lay = page(doc, self.packs)
        blocks = lay.blocks
        done: set[int] = set()
        for i, b in enumerate(blocks):
            outside = lay.outside_body(i)
            if self.breadcrumb(b.text, outside):
                done.add(i)
                yield from self.report(doc, [b], f"breadcrumb navigation: `{_short(b.text)}`", safe=True,
                                  fix_message="delete the breadcrumb line")
            elif outside and i > 0 and self.menu_line(b):
                done.add(i)
                yield from self.report(doc, [b], f"site menu line: `{_short(b.text)}`", safe=False,
                                  fix_message="delete the menu line")
        # Everything short between the page title and the headline repeating it is page head;
        # the page title itself (the <title> of a saved page) duplicates the headline.
        head_end = lay.title_repeat or 0
        if not head_end and blocks and lay.last_prose >= 0 and 0 not in done and self.site_title(blocks[0].text):
            done.add(0)
            yield from self.report(doc, [blocks[0]], f"page title with the site name: `{_short(blocks[0].text)}`",
                                   safe=False, fix_message="delete the page title line")
        if head_end:
            yield from self.report(doc, [blocks[0]],
                              f"page title repeated by the headline at line {blocks[head_end].line}",
                              safe=False, fix_message="delete the page title line")
        run: list[int] = []
        for i in range(1, len(blocks)):
            b = blocks[i]
            in_title_head = i < head_end and not b.prose and b.length <= 40
            # a row of a table (a metadata table's `索 引 号：` and its value) is no menu item
            if i != head_end and i not in done and lay.outside_body(i) and not lay.in_table(i) and (
                    in_title_head or self.is_item(b)):
                run.append(i)
                continue
            yield from self._run(doc, lay, run, head_end)
            run = []
        yield from self._run(doc, lay, run, head_end)

    def _run(self, doc: Document, lay, run: list[int], head_end: int) -> Iterable[Hit]:  # type: ignore[no-untyped-def]
        before_headline = bool(run) and run[-1] < head_end
        if not before_headline:
            # a menu starts and ends with menu words; short lines around them are the article's
            # own (a headline, "（完）")
            while run and not self.nav.split(lay.blocks[run[-1]].text):
                run = run[:-1]
            while run and not self.nav.split(lay.blocks[run[0]].text):
                run = run[1:]
        if len(run) < 2:
            return
        blocks = [lay.blocks[i] for i in run]
        nav_hits = sum(1 for b in blocks if self.nav.split(b.text))
        if before_headline or (len(run) >= self.opts["min_menu_run"] and nav_hits * 2 >= len(run)):
            where = "before the headline" if before_headline else "outside the article"
            yield from self.report(doc, blocks, f"site menu: {len(run)} short lines {where}",
                              safe=False, fix_message=f"delete the {len(run)} menu lines")

def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[:n] + "…"
