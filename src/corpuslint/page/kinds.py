"""What each paragraph of a page is: one classification read by every family.

Kinds (``Block.kind``):

* ``heading`` — a numbered or marked heading or list item (`一、`, `（2）`, `## `, `• `);
* ``credit`` — a photo credit or caption (`谷志锋 摄`, `图为…`, `图片来源：…`);
* ``byline`` — a byline or staff credit (`记者 张三`, `责任编辑：李四`);
* ``prose`` — running text: a sentence inside it, an open quotation, clauses, or long;
* ``table`` — a row or cell of a flattened table (set by the page model from ``page.tables``:
  rows of wide-space separated cells, metadata fields `索 引 号：…`, infoboxes, one cell a line
  under a header row);
* ``item`` — a short item of a menu, tag cloud, calendar or pager (1–6 characters);
* ``title`` — a link-like title: 7–40 characters, no sentence or clause punctuation;
* ``short`` — other short text with Han characters;
* ``other`` — no Han character (numbers, URLs, Latin text).

Data: rules/page/kinds.toml (heading marks, credit and byline shapes)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import regex

from ..core import PackStore
from ..text import CHARS, HAN, HAN_CLASS, AnyOf, any_pattern, char_class, has_clause_punct

PACK = "page/kinds.toml"

# A paragraph made of space-separated chunks of Han text is a title, not prose (newspaper
# titles separate their parts with spaces; running Chinese text does not use them).
SPACED = regex.compile(rf"[{HAN_CLASS}”」》)）][ \u3000]+[{HAN_CLASS}“「《(（]")
# (plain classes: ``re`` finds them faster than ``regex``)
_INSIDE_FINAL = re.compile(char_class(CHARS.sentence_final_strong, CHARS.semicolon))
_LIST_COMMA = re.compile(char_class(CHARS.comma, CHARS.enumeration))
ITEM_MAX = 6
TITLE_MIN, TITLE_MAX = 7, 40


@dataclass(frozen=True)
class KindData:
    heading: regex.Pattern[str]
    credit: AnyOf
    byline: regex.Pattern[str]
    document_number: regex.Pattern[str]


@lru_cache(maxsize=8)
def _load(dirs: tuple) -> KindData:  # type: ignore[type-arg]
    data = PackStore(dirs[1:]).toml(PACK)
    return KindData(any_pattern(data["heading_marks"]), AnyOf(data["credit_patterns"]),
                    any_pattern(data["byline_patterns"]), regex.compile(data.get("document_number", r"(?!)")))


def kind_data(packs: PackStore | None = None) -> KindData:
    return _load(tuple((packs or PackStore()).dirs))


_PAIRS = tuple((a, b) for a, b in CHARS.pairs if a != b)
# (``re``: finding members of a plain class is twice as fast as with ``regex`` here)
_PAIR_MARK = re.compile(char_class(frozenset("".join(a + b for a, b in _PAIRS))))


def unclosed(text: str) -> str | None:
    """The first pair of quotation marks or brackets that ``text`` opens more often than it
    closes (a paragraph cut before its closing mark). The marks are picked out in one scan and
    counted among themselves, not by two scans of the whole text per pair."""
    marks = _PAIR_MARK.findall(text)
    if not marks:
        return None
    for a, b in _PAIRS:
        if marks.count(a) > marks.count(b):
            return a + b
    return None


def spaced(text: str) -> bool:
    """``SPACED`` matches in ``text``: looked for only where a space is (most lines have none;
    the pattern's leading class of every Han character would be tried at every position)."""
    return (" " in text or "\u3000" in text) and SPACED.search(text) is not None


def running(text: str) -> bool:
    """Running text rather than a title: a sentence inside it, an open quotation, clauses, or
    long; titles made of space-separated chunks are not running text."""
    if _INSIDE_FINAL.search(text, 0, len(text) - 1):
        return True
    if unclosed(text):
        return True
    if spaced(text):
        return False
    if len(text) >= 20 and _LIST_COMMA.search(text, 0, len(text) - 1):
        return True
    return len(text) >= 40


CREDIT_MAX = 100  # a line holding a photo credit
BYLINE_MAX = 40


def kind(text: str, data: KindData) -> str:
    """The kind of one paragraph by its own text (``table`` needs its neighbours: ``page.tables``)."""
    if data.heading.search(text):
        return "heading"
    if len(text) <= CREDIT_MAX and data.credit.found(text):
        return "credit"
    if len(text) <= BYLINE_MAX and data.byline.search(text):
        return "byline"
    if not HAN.search(text):
        return "other"
    if running(text):
        return "prose"
    n = len(text)
    if n <= ITEM_MAX:
        return "item"
    if n <= TITLE_MAX and not has_clause_punct(text) and not text.rstrip().endswith(("：", ":")):
        return "title"
    return "short"


def kinds(texts: Sequence[str], data: KindData) -> list[str]:
    """The kind of every paragraph by its own text (the page model marks the rows of tables,
    ``page.tables``, as ``table``)."""
    return [kind(t, data) for t in texts]
