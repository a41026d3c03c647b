"""The page model: one layout of a document, computed once and read by every family.

A scraped page is a head (site name, menus, breadcrumb, headline, meta line), a body (the article:
long lines of prose ending in sentence punctuation, with short headings between them) and a tail
(byline, share bar, copyright, lists of other articles, comments, footer). Chrome patterns are
only trusted where the structure agrees: a short line of menu words in the head or tail is
navigation, the same words inside the body may be a heading.

The body is found as the maximum-scoring run of paragraphs (body text extraction in the manner of
Finn et al.'s BTE): a prose paragraph scores its length, any other paragraph a penalty, so short
headings inside the article are absorbed while menus and footers fall outside.

``page(doc)`` caches the result on the document (a weak-keyed cache: one computation however
many rules read it, freed with the document).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from ..core import Document, Edit, PackStore, Paragraph
from ..text import BULLET, CHARS, char_class, han_count, nfkc, strip_closers
from .kinds import kind_data, kinds
from .sections import article_sections, edit_headings, section_data
from .tables import Table, find_tables, is_field, record_rows, table_data

_INNER = CHARS.sentence_final_strong | CHARS.clause | CHARS.enumeration | CHARS.colon | frozenset("。")
_INNER_RE = re.compile(char_class(_INNER))
# A single "…" or ASCII "..." marks a teaser cut short by the page; the Chinese ellipsis "……"
# (two U+2026) ends real sentences.
_TRUNCATED = re.compile(r"(?:(?<!…)…|\.{3,}|。{3,})\s*[)）]?$")


def truncated(text: str) -> bool:
    """A teaser cut short by the page (``…`` or ``...`` at the end, perhaps in a bracket). The
    regex is searched only where the end can match it (most lines end with 。)."""
    t = text.rstrip()
    u = t[:-1].rstrip() if t[-1:] in (")", "）") else t
    return u.endswith(("…", "...", "。。。")) and _TRUNCATED.search(t) is not None


_PUNCT = re.compile(r"[^\w\s]")
_COMMA = re.compile(char_class(CHARS.comma))
_SPACE = re.compile(r"\s")
_DROP = re.compile(r"[\W_]+")


def title_key(text: str) -> str:
    """The form two lines of one page are compared in (page title and headline): NFKC, lower
    case, letters and digits only. Both come from one page, so no script conversion."""
    return _DROP.sub("", nfkc(text).lower())


@dataclass(slots=True)
class Block:
    """Features of one paragraph (non-blank line)."""

    para: Paragraph
    length: int
    prose: bool  # a finished sentence of article text
    bullet: bool  # starts with a list marker
    truncated: bool  # a teaser cut short ("..." / "…")
    kind: str  # see page.kinds
    docno: bool = False  # an official document's number alone (`国发〔2020〕3号`): its title is above
    _folded: str | None = None

    @property
    def cjk(self) -> int:
        """Number of Han characters."""
        return han_count(self.para.text)

    @property
    def punct_share(self) -> float:
        """Share of punctuation and symbols among the non-space characters."""
        t = self.para.text
        return len(_PUNCT.findall(t)) / max(1, len(t) - len(_SPACE.findall(t)))

    @property
    def folded(self) -> str:
        """``title_key`` of the text, computed on first use."""
        if self._folded is None:
            self._folded = title_key(self.para.text)
        return self._folded

    @property
    def text(self) -> str:
        return self.para.text

    @property
    def line(self) -> int:
        return self.para.line


# Kinds of short text that is not prose (page.kinds: short items, link-like titles, other short
# text): the text flow (page.flow) reads them alike as "short".
SHORT_KINDS = ("item", "title", "short")
REPEAT_MIN = 3  # occurrences of a line on one page that make it a repeated widget line
REPEAT_MAX_LENGTH = 40
_LETTER = re.compile(r"[^\W\d_]")


@dataclass
class Page:
    doc: Document
    blocks: list[Block]
    body_start: int  # index of the first body block (len(blocks) when there is no body)
    body_end: int  # index of the last body block (-1 when there is no body)
    title_repeat: int | None  # index of the headline that repeats the page title (block 0)
    first_prose: int  # index of the first prose block (len(blocks) when there is none)
    last_prose: int  # index of the last prose block (-1 when there is none)
    # rows of an official document's record (its metadata table: `索 引 号：`, `发布机构：`)
    records: frozenset[int] = frozenset()
    # the page's tables (``page.tables``), sorted, and the table of each of their blocks
    tables: tuple[Table, ...] = ()
    table_of: dict[int, Table] = field(default_factory=dict)
    # a reference page's sections (``page.sections``): first and last block of the entry's own
    # text between its `…[编辑]` headings, before its back matter
    sections: tuple[int, int] | None = None
    # analyses of later layers kept with the page (e.g. CHR's chrome anchors), by name
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def kinds(self) -> list[str]:
        return [b.kind for b in self.blocks]

    def outside_prose(self, i: int) -> bool:
        """Before the first or after the last sentence of prose in the document: stricter than
        ``outside_body`` (the best-scoring run), for rules whose only evidence is position."""
        return i < self.first_prose or i > self.last_prose

    def in_head(self, i: int) -> bool:
        return i < self.body_start

    def in_tail(self, i: int) -> bool:
        return i > self.body_end

    def outside_body(self, i: int) -> bool:
        return i < self.body_start or i > self.body_end

    @property
    def has_body(self) -> bool:
        return self.body_end >= self.body_start

    def runs(self, same: Callable[[Block], object]) -> list[tuple[int, int, object]]:
        """Maximal runs of consecutive blocks with one value of ``same``: (first, last, value)."""
        out: list[tuple[int, int, object]] = []
        for i, b in enumerate(self.blocks):
            v = same(b)
            if out and out[-1][2] == v and out[-1][1] == i - 1:
                out[-1] = (out[-1][0], i, v)
            else:
                out.append((i, i, v))
        return out

    def repeated(self) -> frozenset[int]:
        """Blocks whose text recurs on the page at least ``REPEAT_MIN`` times, short and not
        prose: a widget printed under every teaser (`为什么显示这个广告？`), a reply button or
        a commenter's date under every comment (`回复`, `5月19日`), but as well a refrain of
        a song. The page title's line and lines repeating it are left out (a headline is
        printed two or three times); which copies are chrome is the reader's decision."""
        got = self.extra.get("page.repeated")
        if not isinstance(got, frozenset):
            seen: dict[str, list[int]] = {}
            for i, b in enumerate(self.blocks):
                # table rows and fields (`儿童票原价：50元`, `语言：韩语` under every entry of a
                # list) and numbered headings are the article's own structure
                # symbols or digits alone (`↓`, `│` of a flowchart, `3` of a list) are no
                # widget's line
                if 0 < i and b.length <= REPEAT_MAX_LENGTH and not b.prose and b.kind not in ("table", "heading") \
                        and not is_field(b.text) and _LETTER.search(b.text):
                    seen.setdefault(b.text.strip(), []).append(i)
            title = self.blocks[0].text.strip() if self.blocks else ""
            got = frozenset(i for t, idx in seen.items() if len(idx) >= REPEAT_MIN and t != title
                            and not (self.title_repeat is not None and t == self.blocks[self.title_repeat].text.strip())
                            for i in idx)
            self.extra["page.repeated"] = got
        return got

    def in_table(self, i: int) -> bool:
        """Block ``i`` is the text's own, as a row or cell of a table (never chrome, never
        deleted): of an official document's record anywhere (``records``); of a table inside
        the article body, or between the page's first and last sentence (a discography's
        `发行日期：…` under every album, past the best run of prose); of a grid or infobox
        right before the first or after the last sentence; of a table inside a reference
        page's sections (``sections``: a discography between `音乐作品[编辑]` and
        `注释[编辑]`). Outside the body a run of
        page-meta fields (a forum post's `楼层：` `得分：` `作者：`, `上一篇：` `下一篇：`) or of
        fields with no known name (`回答量：` `采纳率：`) or a grid of words alone (columns of
        menus `新闻  体育  娱乐`) is no table of the text, and a contact
        block (`地址：` `电话：`) counts only between the sentences: a user box above the
        headline or a footer's address lines lie outside. Columns of menus in the page head
        are tables by shape only."""
        if i in self.records:
            return True
        t = self.table_of.get(i)
        if t is None:
            return False
        if t.meta:
            return False
        if self.sections is not None and self.sections[0] <= i <= self.sections[1]:
            return True
        if t.sectioned:
            return False
        if self.body_start <= i <= self.body_end:
            return True
        if not t.known or not t.data:
            return False
        if self.first_prose < i < self.last_prose:
            return True
        if t.contact:
            return False
        # a grid or an infobox right before the first or after the last sentence (an infobox
        # under the headline, a table that ends the article)
        return t.shape in ("grid", "infobox") and self.has_body \
            and t.first <= self.last_prose + 1 and t.last >= self.first_prose - 1


    def table_lines(self) -> frozenset[int]:
        """The 1-based numbers of the lines that are rows of the text's tables (``in_table``),
        computed once."""
        got = self.extra.get("page.table_lines")
        if not isinstance(got, frozenset):
            got = self.extra["page.table_lines"] = frozenset(
                self.blocks[i].line for i in self.table_of if self.in_table(i)) | frozenset(
                self.blocks[i].line for i in self.records)
        return got


# Per document: the page for each set of rule-pack folders (user packs may extend kinds.toml),
# kept on the document itself: a Page refers to its document, so a WeakKeyDictionary holding
# pages would keep every document alive.
_SLOT = "_corpuslint_pages"


_LAST = "last"  # per document: (store, page) of the last call, found by the store's identity


def page(doc: Document, packs: PackStore | None = None) -> Page:
    packs = packs or PackStore()  # one store for all the page's data (finding the built-in folder costs)
    per_doc = doc.__dict__.setdefault(_SLOT, {})
    last = per_doc.get(_LAST)
    if last is not None and last[0] is packs:
        return last[1]  # (the rules of a run share one store: no tuple of paths to hash)
    key = tuple(packs.dirs)
    got = per_doc.get(key)
    if got is None:
        got = per_doc[key] = _build(doc, packs)
    per_doc[_LAST] = (packs, got)
    return got


def is_prose(text: str) -> bool:
    """A finished sentence of running text: long enough, with inner punctuation, ending in
    sentence punctuation, not a bullet item and not a truncated teaser."""
    t = text.rstrip()
    m = BULLET.match(t)  # (the pattern is anchored: a match at 0 is ``BULLET.sub(count=1)``'s)
    if m is not None:
        t = t[m.end():]
    if len(t) < 12 or truncated(t):
        return False
    # the last mark before closing quotes and brackets ends the sentence (a quotation ending
    # without one, `他说“你好”`, is not taken as finished; an ASCII `"` is)
    end = strip_closers(t)
    if not (t[-1] == '"' or (end and end[-1] in CHARS.sentence_final)):
        # a closing bracket ends a long parenthetical sentence; a colon ends a sentence that
        # introduces a list
        if not ((t[-1] in "）)" and len(t) >= 40) or (t[-1] in "：:" and len(t) >= 20)):
            return False
    return len(t) >= 40 or _INNER_RE.search(t, 0, len(t) - 1) is not None


def _build(doc: Document, packs: PackStore) -> Page:
    paras = doc.paragraphs
    data = kind_data(packs)
    texts = [p.text for p in paras]
    ks = kinds(texts, data)
    tdata = table_data(packs)
    sdata = section_data(packs)
    headings = edit_headings(texts, sdata)
    tables = find_tables(texts, ks, tdata, headings)
    table_of = {k: t for t in tables for k in range(t.first, t.last + 1)}
    for k in table_of:
        ks[k] = "table"
    docno = data.document_number.match
    blocks = []
    for p, k in zip(paras, ks):
        t = p.text
        n = len(t)
        # (positional: Block(para, length, prose, bullet, truncated, kind, docno))
        blocks.append(Block(p, n, is_prose(t), BULLET.match(t) is not None, truncated(t), k,
                            n <= 30 and docno(t.strip()) is not None))
    start, end = _body_span(blocks)
    prose = [k for k, b in enumerate(blocks) if b.prose]
    return Page(doc, blocks, start, end, _title_repeat(blocks, start),
                prose[0] if prose else len(blocks), prose[-1] if prose else -1,
                record_rows(texts, tables, tdata), tuple(tables), table_of,
                sections=article_sections(texts, headings, start, sdata) if headings and end >= start
                else None)


def _body_span(blocks: list[Block]) -> tuple[int, int]:
    """Maximum-sum run of block scores (Kadane): prose scores its length, other blocks a
    penalty that grows with their length, so menus, lists and footers stay outside."""
    best, best_span = 0.0, (len(blocks), -1)
    run, run_start = 0.0, 0
    for i, b in enumerate(blocks):
        score = float(b.length) if b.prose else -(6.0 + 0.5 * min(b.length, 60))
        if run <= 0:
            run, run_start = score, i
        else:
            run += score
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


def _title_repeat(blocks: list[Block], body_start: int) -> int | None:
    """The headline: a block of the head that repeats the page title (block 0), e.g. the
    ``<title>`` line of a saved page and the ``<h1>`` below its menus."""
    if len(blocks) < 3 or body_start < 1:
        return None  # (no block after the title to look at: the loop below would be empty)
    # folding drops the separators, and prefix matching absorbs a site suffix ("… - 法国报纸摘要")
    title = blocks[0].folded
    if len(title) < 4:
        return None
    for i in range(1, min(body_start + 1, len(blocks))):  # the headline may open the body
        f = blocks[i].folded
        if len(f) >= 4 and (f == title or (len(f) >= 0.6 * len(title) and title.startswith(f))
                            or (f.startswith(title) and len(f) <= len(title) + 12)):
            if i > 1:
                # menus, breadcrumbs and meta lines hold no comma: a stretch where two lines
                # and a tenth of them do is text (a poem whose first stanza recurs)
                between = blocks[1:i]
                commas = sum(1 for b in between if _COMMA.search(b.text))
                if commas >= 2 and commas * 10 >= len(between):
                    return None
                return i
    return None


# -- the one line-deletion edit ----------------------------------------------------------------
def delete_lines(doc: Document, first: int, last: int, *, blank_lines: bool = False) -> Edit:
    """One edit deleting whole lines ``first..last`` (1-based, inclusive) with terminators: the
    only way a rule removes lines (CHR's chrome, CHR008's template lines, LAY's captions, DUP's
    repeated paragraphs).

    With ``blank_lines`` the blank lines after them go too, so the paragraphs around keep their
    spacing; lines that end the text go with the line break and blank lines before them, and
    the text keeps its final line terminator."""
    start = doc.line_span(first)[0]
    end = doc.line_span(last)[1]
    if blank_lines:
        paras = doc.paragraphs
        k = bisect_right(paras, last, key=lambda p: p.line)  # the first paragraph after them
        if k < len(paras):
            end = doc.line_span(paras[k].line)[0]
        else:
            b = bisect_left(paras, first, key=lambda p: p.line)  # the first of them
            start = doc.line_span(paras[b - 1].line, with_newline=False)[1] if b > 0 else 0
            end = doc.line_span(last, with_newline=False)[1]
    return Edit.delete(start, end)
