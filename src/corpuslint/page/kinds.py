"""What each paragraph of a page is: one classification read by every family.

Kinds (``Block.kind``):

* ``heading`` — a numbered or marked heading or list item (`一、`, `（2）`, `## `, `• `);
* ``credit`` — a photo credit or caption (`谷志锋 摄`, `图为…`, `图片来源：…`);
* ``byline`` — a byline or staff credit (`记者 张三`, `责任编辑：李四`);
* ``prose`` — running text: a sentence inside it, an open quotation, clauses, or long;
* ``table`` — a row of a flattened table: cells separated by wide spaces or tabs, one of a run
  of rows with the same number of cells, or a metadata field (`索 引 号：…`);
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
# table cells: two or more spaces or a tab between cells
_CELL_SEP = regex.compile(r"(?:\t|[ \u3000\u00a0]{2,})")
# a metadata table's field name, spaced out or not: `索 引 号：`, `发布机构：`, `主题分类：`
_FIELD = regex.compile(rf"^(?:[{HAN_CLASS}][ \u3000]?){{2,6}}[：:]")
ITEM_MAX = 6
TITLE_MIN, TITLE_MAX = 7, 40


@dataclass(frozen=True)
class KindData:
    heading: regex.Pattern[str]
    credit: AnyOf
    byline: regex.Pattern[str]
    document_number: regex.Pattern[str]
    record_fields: frozenset[str] = frozenset()



@lru_cache(maxsize=8)
def _load(dirs: tuple) -> KindData:  # type: ignore[type-arg]
    data = PackStore(dirs[1:]).toml(PACK)
    return KindData(any_pattern(data["heading_marks"]), AnyOf(data["credit_patterns"]),
                    any_pattern(data["byline_patterns"]), regex.compile(data.get("document_number", r"(?!)")),
                    frozenset(data.get("record_fields", [])))


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


def cells(text: str) -> int:
    """Number of cells when the line is a flattened table row (cells apart by wide space)."""
    if "\t" not in text and " " not in text and "\u3000" not in text and "\u00a0" not in text:
        return 1  # no separator can be there (most lines of prose hold no space at all)
    parts = [p for p in _CELL_SEP.split(text.strip()) if p]
    return len(parts) if len(parts) >= 2 else 1


def is_field(text: str) -> bool:
    """A metadata table's field: a short spaced-out or plain name and a colon (`索 引 号：…`)."""
    return len(text) <= 80 and bool(_FIELD.match(text)) and not has_clause_punct(text.split("：", 1)[-1])


def kind(text: str, data: KindData) -> str:
    """The kind of one paragraph by its own text (``table`` needs its neighbours: ``kinds``)."""
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
    """The kind of every paragraph: rows of a flattened table (two or more runs of at least
    three consecutive lines with the same number of wide-space-separated cells, or metadata
    fields) are ``table`` whatever their text."""
    out = [kind(t, data) for t in texts]
    n_cells = [cells(t) for t in texts]
    i = 0
    while i < len(texts):
        j = i
        while j + 1 < len(texts) and n_cells[i] >= 2 and n_cells[j + 1] == n_cells[i]:
            j += 1
        if n_cells[i] >= 2 and j - i >= 2:
            for k in range(i, j + 1):
                out[k] = "table"
        i = j + 1
    # a metadata table: at least three fields, each at most two lines after the one before
    # (a field and its value may be two lines), from the first field to the last one's value
    fields = [i for i, t in enumerate(texts) if is_field(t)]
    cluster: list[int] = []
    for i in [*fields, None]:
        if i is not None and (not cluster or i - cluster[-1] <= 2):
            cluster.append(i)
            continue
        if len(cluster) >= 3:
            last = cluster[-1]
            # the last field's value on the next line when the field holds none
            if texts[last].rstrip().endswith(("：", ":")) and last + 1 < len(texts):
                last += 1
            for k in range(cluster[0], last + 1):
                out[k] = "table"
        cluster = [i] if i is not None else []
    return out


_NAME_SPACE = regex.compile(r"[ \u3000]")


def record_rows(texts: Sequence[str], kinds_of: Sequence[str], data: KindData) -> frozenset[int]:
    """Rows of an official document's record: a run of ``table`` lines holding at least two
    fields named in ``record_fields`` (`索 引 号：`, `发布机构：`, `发文日期：`) and their values."""
    out: set[int] = set()
    i = 0
    while i < len(texts):
        j = i
        while kinds_of[i] == "table" and j + 1 < len(texts) and kinds_of[j + 1] == "table":
            j += 1
        if kinds_of[i] == "table" and sum(
                1 for t in texts[i:j + 1] if is_field(t)
                and _NAME_SPACE.sub("", regex.split("[：:]", t, maxsplit=1)[0]) in data.record_fields) >= 2:
            out.update(range(i, j + 1))
        i = j + 1
    return frozenset(out)
