"""Tables of a page: the regions of its lines that are a table flattened to text.

An awards table, a concert list, a metadata table or an infobox of an article, flattened to one
line per row or per cell, is short lines with no sentence: the shape of a menu or a meta line.
The page model finds them once per document so that no chrome detector reports them and no fix
deletes them (``Page.in_table``). Shapes (``Table.shape``):

* ``grid`` — rows of two or more cells apart by wide space or a tab, at least ``min_rows``
  consecutive rows with similar numbers of cells (a nav bar `关于我们 | 联系我们` is no row;
  columns of menu words `新闻  体育  娱乐` are a grid of no data);
* ``fields`` — a run of `字段：值` fields (`索 引 号：…`, `发布机构：…`, `发行日期：…`), not
  one label again and again (`歌曲：…` `歌曲：…` is a list), half its names known or its values
  short (`商务部：4月新能源汽车销量…` `乘联会：…` is a list of headlines);
* ``infobox`` — named fields without a colon, `出生 1950年…` on one line or the name and its
  value on two lines (a Wikipedia infobox's `<th>` and `<td>` flattened);
* ``cells`` — one cell a line under a header row of column names (`年份` `奖项` `作品` `结果`,
  `专辑 #` `专辑资料`, `举行地点`: a known name or one ending in a known column word), as many
  rows as the header's cells divide; inside a reference page's sections (``page.sections``)
  rows of uneven length too (a rowspan leaves a cell out of some rows), up to the next
  section heading or header row (``Table.sectioned``).

Where a table counts (in or next to the article body) is the page's decision (``Page.in_table``):
columns of menus in the page head are tables by shape but not the text's.

Data: rules/page/tables.toml (thresholds, infobox field names, column names, record fields)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import regex

from ..core import PackStore
from ..text import HAN_CLASS, has_clause_punct

PACK = "page/tables.toml"
META_PACK = "chr/meta.toml"

# table cells: two or more spaces or a tab between cells
_CELL_SEP = regex.compile(r"(?:\t|[ \u3000\u00a0]{2,})")
# items of a nav bar or footer link row: `关于我们 | 联系我们`, `首页 · 新闻`
_NAV_BAR = regex.compile(r"(?:^|\s)[|｜·•](?:\s|$)")
# a metadata table's field name, spaced out or not: `索 引 号：`, `发布机构：`, `主题分类：`
_FIELD = regex.compile(rf"^(?:[{HAN_CLASS}][ \u3000]{{0,2}}){{2,6}}[：:]")
_NAME_SPACE = regex.compile(r"[ \u3000]")
_COLON = regex.compile("[：:]")
# a cell of data, not a menu word: a number, a date, a 《title》
_DATA_CELL = regex.compile(r"\d|《")
# a header cell with no word (`#`, `No.`), and one after a column name (`专辑 #`)
_MARK_CELL = regex.compile(r"^(?:#|No\.?|№)$", regex.I)
_MARK_AFTER = regex.compile(r"[ \u3000]+(?:#|No\.?|№)$", regex.I)
_HAN_START = regex.compile(rf"^[{HAN_CLASS}]")
# an album's ordinal in a discography: `1st`, `2nd`, `2rd` (sic), `第一张`
_ORDINAL = regex.compile(r"^(?:\d{1,2}(?:st|nd|rd|th)|第[一二三四五六七八九十\d]{1,3}张)$", regex.I)
# a sentence's end: a line with it is no cell of a section's table
_SENTENCE_END = regex.compile(r"[。！？!?][”’」』）)]*$")


@dataclass(frozen=True)
class TableData:
    min_rows: int
    cell_slack: int
    min_fields: int
    field_gap: int
    field_max: int
    infobox_fields: frozenset[str]
    min_header: int
    min_header_words: int
    header_max: int
    cell_max: int
    header_words: frozenset[str]
    contact_fields: frozenset[str]
    record_fields: frozenset[str]
    meta_fields: frozenset[str]
    meta_share: float
    distinct_share: float
    title_value: int
    header_suffixes: tuple[str, ...]
    header_prefix_max: int
    section_cell_max: int
    known_fields: frozenset[str]  # all of the names above


@dataclass(frozen=True)
class Table:
    """One table: paragraphs ``first..last`` (indices, inclusive) and its shape."""

    first: int
    last: int
    shape: str  # grid, fields, infobox, cells
    contact: bool = False  # a run of contact fields (`地址：` `电话：`): the text's only between its sentences
    meta: bool = False  # a run of page-meta fields (`作者：` `楼层：` `上一篇：`): never the text's table
    known: bool = True  # fields: some name is a known one (infobox, column, record ...); else the text's only inside the body
    # grid: cells of data (a digit, a 《title》) or a header row of column names; a grid of words
    # alone (columns of menus `新闻  体育  娱乐`) is the text's only inside the body
    data: bool = True
    # cells of uneven rows up to a reference page's section heading: the text's only inside the
    # entry's sections (``Page.sections``)
    sectioned: bool = False

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and self.first <= i <= self.last


@lru_cache(maxsize=8)
def _load(dirs: tuple) -> TableData:  # type: ignore[type-arg]
    packs = PackStore(dirs[1:])
    d = packs.toml(PACK)
    # the page-meta labels the meta chrome detector knows (`来源`, `作者`, `楼层`, `得分`)
    meta = frozenset(packs.toml(META_PACK)["labels"]) | frozenset(d["page_fields"])
    names = [frozenset(d[k]) for k in ("infobox_fields", "header_words", "contact_fields", "record_fields")]
    return TableData(int(d["min_rows"]), int(d["cell_slack"]), int(d["min_fields"]), int(d["field_gap"]),
                     int(d["field_max"]), names[0], int(d["min_header"]), int(d["min_header_words"]),
                     int(d["header_max"]), int(d["cell_max"]), names[1], names[2], names[3], meta,
                     float(d["meta_share"]), float(d["distinct_share"]), int(d["title_value"]),
                     tuple(d["header_suffixes"]), int(d["header_prefix_max"]),
                     int(d["section_cell_max"]), frozenset().union(*names, meta))


def table_data(packs: PackStore | None = None) -> TableData:
    return _load(tuple((packs or PackStore()).dirs))


def cells(text: str) -> int:
    """Number of cells when the line is a flattened table row (cells apart by wide space); a
    nav bar's items (`关于我们 | 联系我们`) are one cell."""
    if "\t" not in text and " " not in text and "\u3000" not in text and "\u00a0" not in text:
        return 1  # no separator can be there (most lines of prose hold no space at all)
    t = text.strip()
    if _NAV_BAR.search(t):
        return 1
    parts = [p for p in _CELL_SEP.split(t) if p]
    return len(parts) if len(parts) >= 2 else 1


def is_field(text: str, field_max: int = 80) -> bool:
    """A metadata table's field: a short spaced-out or plain name and a colon (`索 引 号：…`)."""
    return len(text) <= field_max and bool(_FIELD.match(text)) and not has_clause_punct(text.split("：", 1)[-1])


def field_name(text: str) -> str:
    """The name of a `字段：值` field, spaces inside it dropped (`索 引 号：` -> `索引号`)."""
    return _NAME_SPACE.sub("", _COLON.split(text, maxsplit=1)[0])


def find_tables(texts: Sequence[str], kinds_of: Sequence[str], data: TableData,
                headings: Sequence[int] = ()) -> list[Table]:
    """The tables among paragraphs ``texts`` (``kinds_of``: their kinds by their own text,
    ``page.kinds.kind``; ``headings``: the section headings of a reference page,
    ``page.sections.edit_headings``), sorted, not overlapping (the first found of two that
    overlap wins: grid, fields, infobox, cells; the cells of a reference page's section first,
    they hold its fields)."""
    found = [*_section_cells(texts, data, headings), *_grids(texts, data), *_fields(texts, data),
             *_infoboxes(texts, kinds_of, data), *_cell_tables(texts, kinds_of, data)]
    out: list[Table] = []
    taken: set[int] = set()
    for t in found:
        span = range(t.first, t.last + 1)
        if not taken.intersection(span):
            out.append(t)
            taken.update(span)
    return sorted(out, key=lambda t: t.first)


def _grids(texts: Sequence[str], data: TableData) -> list[Table]:
    """Runs of at least ``min_rows`` rows of two or more cells whose numbers differ by at
    most ``cell_slack``."""
    n_cells = [cells(t) for t in texts]
    out = []
    i = 0
    while i < len(texts):
        if n_cells[i] < 2:
            i += 1
            continue
        lo = hi = n_cells[i]
        j = i
        while j + 1 < len(texts) and n_cells[j + 1] >= 2 \
                and max(hi, n_cells[j + 1]) - min(lo, n_cells[j + 1]) <= data.cell_slack:
            j += 1
            lo, hi = min(lo, n_cells[j]), max(hi, n_cells[j])
        if j - i + 1 >= data.min_rows:
            header = sum(1 for c in _CELL_SEP.split(texts[i].strip()) if _NAME_SPACE.sub("", c) in data.header_words)
            out.append(Table(i, j, "grid", data=header >= data.min_header_words
                             or any(_DATA_CELL.search(texts[k]) for k in range(i, j + 1))))
        i = j + 1
    return out


def _fields(texts: Sequence[str], data: TableData) -> list[Table]:
    """A metadata table: at least ``min_fields`` fields, each at most ``field_gap`` lines after
    the one before (a field and its value may be two lines), from the first field to the last
    one's value; two fields of known names when the same two open another run on the page (an
    album's `发行日期：` `语言：`), with the album's ordinal and title above them (`1st`)."""
    fields = [i for i, t in enumerate(texts) if is_field(t, data.field_max)]
    clusters: list[list[int]] = []
    for i in fields:
        if clusters and i - clusters[-1][-1] <= data.field_gap:
            clusters[-1].append(i)
        else:
            clusters.append([i])
    # an album's two fields (`发行日期：` `语言：`) under every entry of a discography: two known
    # names that open another run of fields on the page too
    pairs = Counter(tuple(field_name(texts[k]) for k in c[:2]) for c in clusters if len(c) >= 2)
    out = []
    for cluster in clusters:
        pair = tuple(field_name(texts[k]) for k in cluster[:2])
        if len(cluster) >= data.min_fields or (
                len(cluster) == 2 and pairs[pair] >= 2 and pair[0] != pair[1]
                and all(x in data.known_fields for x in pair)):
            first, last = cluster[0], cluster[-1]
            # an album's ordinal and title above its fields (`1st` / `首张正规专辑《远方》`)
            if first >= 1 and _ORDINAL.match(texts[first - 1].strip()):
                first -= 1
            elif first >= 2 and _ORDINAL.match(texts[first - 2].strip()) \
                    and len(texts[first - 1]) <= data.cell_max and not _SENTENCE_END.search(texts[first - 1].strip()):
                first -= 2
            # the last field's value on the next line when the field holds none
            if texts[last].rstrip().endswith(("：", ":")) and last + 1 < len(texts):
                last += 1
            names = [field_name(texts[k]) for k in cluster]
            values = [len(_COLON.split(texts[k], maxsplit=1)[-1].strip()) for k in cluster]
            # the label of every item of a list: one name again and again (a record printed
            # twice repeats its names a whole table apart)
            again = sum(1 for a, b in zip(names, names[1:]) if a == b)
            known = sum(1 for x in names if x in data.known_fields)
            if again <= (1 - data.distinct_share) * len(names) and (
                    known * 2 >= len(names) or sum(values) <= data.title_value * len(values)):
                contact = sum(1 for x in names if x in data.contact_fields) * 2 >= len(names)
                meta = sum(1 for x in names if x in data.meta_fields) >= data.meta_share * len(names)
                out.append(Table(first, last, "fields", contact, meta, known > 0))
    return out


_NAME_VALUE = regex.compile(r"^(\S+)[ \u3000]+(\S.*)$")


def _infobox_name(text: str, data: TableData) -> tuple[str, bool] | None:
    """The infobox field a line starts, and whether its value is on it (`出生 1950年…`) or on
    the next line (`出生` alone)."""
    t = text.strip()
    if t in data.infobox_fields:
        return t, False
    # (a name and its value on one line are short and separated by a space)
    if len(t) > data.field_max or not (" " in t or "\u3000" in t):
        return None
    m = _NAME_VALUE.match(t)
    if m and m.group(1) in data.infobox_fields and not has_clause_punct(m.group(2)):
        return m.group(1), True
    return None


def _infoboxes(texts: Sequence[str], kinds_of: Sequence[str], data: TableData) -> list[Table]:
    """At least ``min_fields`` infobox fields, each starting at most ``field_gap`` lines after
    the one before ends; a name alone on its line takes the next line as its value (short, no
    sentence, not another field)."""
    fields: list[tuple[int, int]] = []  # (first, last line) of each field
    for i, t in enumerate(texts):
        got = _infobox_name(t, data)
        if got is None:
            continue
        if got[1]:
            fields.append((i, i))
        elif i + 1 < len(texts) and kinds_of[i + 1] != "prose" and len(texts[i + 1].strip()) <= data.field_max \
                and _infobox_name(texts[i + 1], data) is None:
            fields.append((i, i + 1))
    out = []
    cluster: list[tuple[int, int]] = []
    for f in [*fields, None]:
        if f is not None and (not cluster or 0 < f[0] - cluster[-1][1] <= data.field_gap):
            cluster.append(f)
            continue
        if len(cluster) >= data.min_fields:
            out.append(Table(cluster[0][0], cluster[-1][1], "infobox"))
        cluster = [f] if f is not None else []
    return out


def _header_cell(text: str, data: TableData) -> int:
    """2 for a column name (a known one, one ending in a known column word, `举行地点`, or one
    with a mark, `专辑 #`), 1 for a mark cell (`#`), 0 for anything else."""
    t = text.strip()
    if len(t) > 2 * data.header_max:  # most lines: no header cell however spaced
        return 0
    t = _NAME_SPACE.sub("", _MARK_AFTER.sub("", t))
    if t in data.header_words or (
            t.endswith(data.header_suffixes) and _HAN_START.match(t) is not None
            and any(t.endswith(x) and 0 < len(t) - len(x) <= data.header_prefix_max for x in data.header_suffixes)):
        return 2
    return 1 if _MARK_CELL.match(t) else 0


def _cell(text: str, kind: str, data: TableData) -> bool:
    return kind not in ("prose", "heading") and len(text.strip()) <= data.cell_max


def _cell_tables(texts: Sequence[str], kinds_of: Sequence[str], data: TableData) -> list[Table]:
    """One cell a line under a header row: ``min_header`` or more header cells (column names
    or `#`, at least ``min_header_words`` names), then whole rows of short cells up to a
    sentence, a heading, a long line or the next header row."""
    out = []
    n = len(texts)
    i = 0
    while i < n:
        h = i
        while h < n and _header_cell(texts[h], data) and len(texts[h].strip()) <= data.header_max:
            h += 1
        header = h - i
        if header < data.min_header or sum(1 for k in range(i, h) if _header_cell(texts[k], data) == 2) \
                < data.min_header_words:
            i = max(i + 1, h)
            continue
        j = h
        while j < n and _cell(texts[j], kinds_of[j], data) and not (
                _header_cell(texts[j], data) == 2 and j + 1 < n and _header_cell(texts[j + 1], data)):
            j += 1
        rows = (j - h) // header
        if rows >= 2:
            out.append(Table(i, h + rows * header - 1, "cells"))
            i = h + rows * header
        else:
            i = h
    return out


def _section_cells(texts: Sequence[str], data: TableData, headings: Sequence[int]) -> list[Table]:
    """Inside a reference page's sections (between the first and the last of its ``headings``,
    ``page.sections.edit_headings``, which end before the back matter): one cell a
    line under a header row of two or more column names, its rows of any length (rowspans),
    up to the next section heading, the next header row or a paragraph (a line ending in `。`,
    a sentence longer than ``cell_max``, a line longer than ``section_cell_max``); up to two
    captions above the header (`特别嘉宾出演列表`) under the heading are the table's."""
    if not headings:
        return []
    heads = set(headings)
    out = []
    n = headings[-1]  # nothing past the last heading: the back matter, navboxes and footer
    i = headings[0] + 1
    while i < n:
        h = i
        while h < n and h not in heads and _header_cell(texts[h], data) \
                and len(texts[h].strip()) <= data.header_max:
            h += 1
        if sum(1 for k in range(i, h) if _header_cell(texts[k], data) == 2) < data.min_header_words:
            i = max(i + 1, h)
            continue
        j = h
        while j < n and j not in heads and _section_cell(texts[j], data) and not _header_row(texts, j, data):
            j += 1
        if j - h >= h - i:
            first = i
            # the table's captions: one or two lines between the section's heading and the header
            for back in (1, 2):
                if i - back - 1 in heads and all(k not in heads and _section_cell(texts[k], data)
                                                 for k in range(i - back, i)):
                    first = i - back
            out.append(Table(first, j - 1, "cells", sectioned=True))
            i = j
        else:
            i = h
    return out


def _section_cell(text: str, data: TableData) -> bool:
    """A cell of a table in a reference page's section: no paragraph of text."""
    t = text.strip()
    return len(t) <= data.section_cell_max and not t.endswith("。") and not (
        len(t) > data.cell_max and _SENTENCE_END.search(t))


def _header_row(texts: Sequence[str], j: int, data: TableData) -> bool:
    """Line ``j`` starts a header row of three lines at least (`日期` `见面会站次` `举行地点`)."""
    return all(j + k < len(texts) and _header_cell(texts[j + k], data) for k in range(3)) \
        and _header_cell(texts[j], data) == 2


def record_rows(texts: Sequence[str], tables: Sequence[Table], data: TableData) -> frozenset[int]:
    """Rows of an official document's record: a table holding at least two fields named in
    ``record_fields`` (`索 引 号：`, `发布机构：`, `发文日期：`) and their values."""
    out: set[int] = set()
    for t in tables:
        if sum(1 for k in range(t.first, t.last + 1)
               if is_field(texts[k], data.field_max) and field_name(texts[k]) in data.record_fields) >= 2:
            out.update(range(t.first, t.last + 1))
    return frozenset(out)
