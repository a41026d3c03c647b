"""Sections of a reference page: where an encyclopedia entry's own text lies.

A MediaWiki-like page flattened to text prints every section heading with its edit link
(`音乐作品[编辑]`). Between such headings lie the entry's sections, tables too (a discography of
one cell a line, an awards table); the back matter (`注释[编辑]`, `参考资料[编辑]`, `外部链接[编辑]`)
ends them, and the navboxes (`石家庄市` / `长安区 · 桥西区 · …`, `查 论 编`) and the site's footer
follow it. The page model (``Page.sections``) keeps the span from the first heading at the
article body to the last line before the back matter (or to the last heading when there is
none: a table after it is not known to end before the navboxes).

Data: rules/page/sections.toml (edit markers, back-matter headings)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..core import PackStore

PACK = "page/sections.toml"


@dataclass(frozen=True)
class SectionData:
    edit_markers: tuple[str, ...]
    heading_max: int
    min_headings: int
    back_matter: frozenset[str]


@lru_cache(maxsize=8)
def _load(dirs: tuple) -> SectionData:  # type: ignore[type-arg]
    d = PackStore(dirs[1:]).toml(PACK)
    return SectionData(tuple(d["edit_markers"]), int(d["heading_max"]), int(d["min_headings"]),
                       frozenset(d["back_matter"]))


def section_data(packs: PackStore | None = None) -> SectionData:
    return _load(tuple((packs or PackStore()).dirs))


def heading_name(text: str, data: SectionData) -> str | None:
    """The name of a section heading with its edit link (`音乐作品[编辑]` -> `音乐作品`), else None."""
    t = text.strip()
    if not t.endswith(data.edit_markers):  # one test for most lines
        return None
    for m in data.edit_markers:
        if t.endswith(m):
            name = t[: -len(m)].strip()
            return name if 0 < len(name) <= data.heading_max else None
    return None


def edit_headings(texts: Sequence[str], data: SectionData) -> list[int]:
    """Indices of the section headings with an edit link up to the first back-matter heading
    (the headings of the entry's text and that one, which ends them); none on a page with
    fewer than ``min_headings`` of them."""
    out = []
    for i, t in enumerate(texts):
        name = heading_name(t, data)
        if name is not None:
            out.append(i)
            if name in data.back_matter and len(out) > 1:
                break
    return out if len(out) >= data.min_headings else []


def article_sections(texts: Sequence[str], headings: Sequence[int], body_start: int,
                     data: SectionData) -> tuple[int, int] | None:
    """The span (first, last index, inclusive) of the entry's sections (``headings``:
    ``edit_headings``): from the first heading at or after the line above the article body
    (the page's title heading and its menus come before it) to the line before the first
    back-matter heading, or to the last heading when there is none; None when fewer than
    ``min_headings`` headings lie in it."""
    start = next((h for h in headings if h >= body_start - 1), None)
    if start is None:
        return None
    inside = [h for h in headings if h >= start]
    back = next((h for h in inside if heading_name(texts[h], data) in data.back_matter), None)
    end = back - 1 if back is not None else inside[-1]
    if sum(1 for h in inside if h <= end) < data.min_headings or end <= start:
        return None
    return start, end
