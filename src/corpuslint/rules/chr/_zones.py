"""Page structure shared by the CHR rules, computed once per document.

A scraped page is a head (site name, menus, breadcrumb, headline, meta line), a body (the article:
long lines of prose ending in sentence punctuation, with short headings between them) and a tail
(byline, share bar, copyright, lists of other articles, footer). Chrome patterns are only trusted
where the structure agrees: a short line of menu words in the head or tail is navigation, the same
words inside the body may be a heading.

The body is found as the maximum-scoring run of paragraphs (body text extraction in the manner of
Finn et al.'s BTE): a prose paragraph scores its length, any other paragraph a penalty, so short
headings inside the article are absorbed while menus and footers fall outside.

``layout(doc)`` caches the result on the document (a weak-keyed cache: one computation however
many CHR rules run, freed with the document).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from ...core import Document, Edit, Paragraph
from ...corpus.normalize import fold, is_cjk

# Sentence-final punctuation: a line ending with one of these is a finished sentence.
_FINAL = set("。！？!?；;.．\"”’」』")
_FINAL_CLOSE = set("”’」』）)】")  # closing marks allowed after the final punctuation
_INNER = set("，,。、；;：:！？!?")
# A single "…" or ASCII "..." marks a teaser cut short by the page; the Chinese ellipsis "……"
# (two U+2026) ends real sentences.
_TRUNCATED = re.compile(r"(?:(?<!…)…|\.{3,}|。{3,})\s*[)）]?$")
BULLET = re.compile(r"^\s*(?:[•·▪▫◆◇■□●○★☆►▶▸※→>\-*+]|v\s|\d{1,2}[.、．)](?!\d)|[（(]\d{1,2}[)）]|\[\d{1,2}\])\s*")
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s")
# A line that ends a sentence (meta lines, reply headers and comment headings never do).
SENTENCE_END = re.compile(r"[。！？!?]\s*$")
# Sentence or clause punctuation anywhere in a line: menu items, breadcrumb steps and list
# headers have none.
CLAUSE_PUNCT = re.compile(r"[。！？!?，,；;]")


@dataclass(slots=True)
class Block:
    """Features of one paragraph (non-blank line)."""

    para: Paragraph
    length: int
    prose: bool  # a finished sentence of article text
    bullet: bool  # starts with a list marker
    truncated: bool  # a teaser cut short ("..." / "…")
    _folded: str | None = None

    # Counted on use, not for every paragraph: each is read for a few lines of a page only.
    @property
    def cjk(self) -> int:
        """Number of Han characters."""
        return sum(1 for c in self.para.text if is_cjk(c))

    @property
    def punct_share(self) -> float:
        """Share of punctuation and symbols among the non-space characters."""
        t = self.para.text
        return len(_PUNCT.findall(t)) / max(1, len(t) - len(_SPACE.findall(t)))

    @property
    def folded(self) -> str:
        """``fold`` of the text, computed on first use (OpenCC is the costly part).

        Not ``normalize.folded_paragraphs(doc)``: that folds every paragraph, while the CHR
        document rules read a fifth of them (2 853 of 13 319 on the 50 held-out pages of
        bench/chrome_eval.py); when only document rules run (or in a worker process, where the
        corpus model's folding happens later in the main process) taking the whole list cost
        CHR001+CHR006+CHR010 0.72 -> 0.84 s CPU there, and saved nothing measurable in a run of
        every rule."""
        if self._folded is None:
            self._folded = fold(self.para.text)
        return self._folded

    @property
    def text(self) -> str:
        return self.para.text

    @property
    def line(self) -> int:
        return self.para.line


@dataclass
class Layout:
    doc: Document
    blocks: list[Block]
    body_start: int  # index of the first body block (len(blocks) when there is no body)
    body_end: int  # index of the last body block (-1 when there is no body)
    title_repeat: int | None  # index of the headline that repeats the page title (block 0)
    first_prose: int  # index of the first prose block (len(blocks) when there is none)
    last_prose: int  # index of the last prose block (-1 when there is none)
    # what the CHR rules reported on this document: code -> indices of the reported blocks, and
    # the codes whose check ran to the end (CHR010 grows chrome blocks from these lines)
    flagged: dict[str, set[int]] = field(default_factory=dict)
    ran: set[str] = field(default_factory=set)

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


_CACHE: "weakref.WeakKeyDictionary[Document, Layout]" = weakref.WeakKeyDictionary()


def layout(doc: Document) -> Layout:
    lay = _CACHE.get(doc)
    if lay is None:
        lay = _build(doc)
        _CACHE[doc] = lay
    return lay


def is_prose(text: str) -> bool:
    """A finished sentence of running text: long enough, with inner punctuation, ending in
    sentence punctuation, not a bullet item and not a truncated teaser."""
    t = text.rstrip()
    t = BULLET.sub("", t, count=1)
    if len(t) < 12 or _TRUNCATED.search(t):
        return False
    end = t
    while end and end[-1] in _FINAL_CLOSE:
        end = end[:-1]
    if not end or end[-1] not in _FINAL:
        # a closing bracket ends a long parenthetical sentence; a colon ends a sentence that
        # introduces a list
        if not ((t[-1] in "）)" and len(t) >= 40) or (t[-1] in "：:" and len(t) >= 20)):
            return False
    inner = sum(1 for c in t[:-1] if c in _INNER)
    return inner >= 1 or len(t) >= 40


def _block(p: Paragraph) -> Block:
    t = p.text
    return Block(para=p, length=len(t), prose=is_prose(t), bullet=bool(BULLET.match(t)),
                 truncated=bool(_TRUNCATED.search(t.rstrip())))


def _build(doc: Document) -> Layout:
    blocks = [_block(p) for p in doc.paragraphs]
    start, end = _body_span(blocks)
    prose = [k for k, b in enumerate(blocks) if b.prose]
    return Layout(doc, blocks, start, end, _title_repeat(blocks, start),
                  prose[0] if prose else len(blocks), prose[-1] if prose else -1)


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
    if len(blocks) < 3:
        return None
    # folding drops the separators, and prefix matching absorbs a site suffix ("… - 法国报纸摘要")
    title = blocks[0].folded
    if len(title) < 4:
        return None
    for i in range(1, min(body_start + 1, len(blocks))):  # the headline may open the body
        f = blocks[i].folded
        if len(f) >= 4 and (f == title or (len(f) >= 0.6 * len(title) and title.startswith(f))
                            or (f.startswith(title) and len(f) <= len(title) + 12)):
            if i > 1:
                return i
    return None


# -- fixes -----------------------------------------------------------------------------------
def delete_lines(doc: Document, first: int, last: int) -> Edit:
    """One edit deleting whole lines ``first..last`` (1-based, inclusive) with terminators."""
    start = doc.line_span(first)[0]
    end = doc.line_span(last)[1]
    return Edit.delete(start, end)
