"""Shared helpers of the TYP rules: CJK runs, lexicon coverage, character-list packs, confusion sets,
the traditional-script test.

Tables here are computed once per process and per set of pack folders (rules are built once
per run, but tests and the API build many linters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Mapping

import numpy as np

from ...core.packs import PackStore
from ...text.lexicon import Lexicon
from ...corpus.normalize import to_simplified

# A run of CJK ideographs (BMP + extension A); typos are looked for inside runs only, so a
# doubled character across punctuation or a line break is never a "doubling".
_CJK = "[\u3400-\u4dbf\u4e00-\u9fff]"
CJK_RUN = re.compile(_CJK + "+")
# Two equal characters of a run in a row (TYP001 looks nowhere else).
DOUBLED_CJK = re.compile(f"({_CJK})\\1")


def in_cjk_run(ch: str) -> bool:
    """Whether ``ch`` is a character of a ``CJK_RUN`` (the same two blocks)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def cjk_runs(text: str, min_len: int = 2) -> Iterator[tuple[int, str]]:
    for m in CJK_RUN.finditer(text):
        if m.end() - m.start() >= min_len:
            yield m.start(), m.group()


def word_covered(lex: Lexicon, text: str) -> bytearray:
    """1 for every character of ``text`` inside some lexicon word of 2+ characters, else 0."""
    covered = bytearray(len(text))
    for s, e, _ in lex.words_in(text, 2):
        covered[s:e] = b"\x01" * (e - s)
    return covered


@dataclass(frozen=True)
class Confusions:
    """Character -> confusable characters, each tagged with why: "sound", "shape" (curated
    look-alikes), "shape-derived" (computed look-alikes), "shape+sound", or "contains" /
    "contains+sound" (one character is a component of the other: 蕞/最)."""

    table: Mapping[str, Mapping[str, str]]

    def of(self, ch: str) -> Mapping[str, str]:
        return self.table.get(ch, {})


_CONF: dict[tuple, Confusions] = {}


def confusions(packs: PackStore) -> Confusions:
    conf = _CONF.get(packs.dirs)
    if conf is not None:
        return conf
    table: dict[str, dict[str, str]] = {}

    def add(group: str, why: str) -> None:
        chars = [c for c in dict.fromkeys(group) if not c.isspace()]
        for a in chars:
            row = table.setdefault(a, {})
            for b in chars:
                if b != a:
                    row[b] = _merge(row.get(b), why)

    for line in packs.lines("typ/homophones.txt"):
        _, _, chars = line.partition("\t")
        add(chars.strip(), "sound")
    # Look-alike packs and the kind of evidence each gives (all ship in rules/typ/).
    for relpath, why in (("typ/shape_similar.txt", "shape"), ("typ/shape_ocr.txt", "shape"),
                         ("typ/shape_extra.txt", "shape-derived"), ("typ/shape_contains.txt", "contains")):
        for line in packs.lines(relpath):
            add(line.replace("\t", ""), why)
    conf = _CONF[packs.dirs] = Confusions(table)
    return conf


def _merge(old: str | None, new: str) -> str:
    """Combine the reasons two characters are confusable. "shape-derived" (look-alikes computed
    from stroke and component tables, noisier than the curated list) counts as a look-alike only
    together with a sound-alike, or where no better reason exists."""
    if old is None or old == new:
        return new
    if "contains" in (old, new) or "contains+sound" in (old, new):
        # Containment (蕞/最) is weaker evidence than a curated look-alike, stronger than a
        # computed one; with a shared sound it is its own kind.
        other = old if new in ("contains", "contains+sound") else new
        if other in ("shape", "shape+sound"):
            return other
        if other == "sound" or "contains+sound" in (old, new):
            return "contains+sound"
        return "contains"  # + shape-derived
    kinds = {old, new}
    if "sound" in kinds or "shape+sound" in kinds:
        return "shape+sound" if kinds & {"shape", "shape-derived", "shape+sound"} else "sound"
    return "shape"  # shape + shape-derived


def is_traditional(text: str, sample: int = 4000) -> bool:
    """True when the text is written in traditional characters (more than 1 in 20 of its CJK
    characters change under t2s conversion); variant-form checks that hold only for simplified
    Chinese (部份, 成份 are standard in Taiwan) are skipped for such text."""
    return _traditional_head(text[:sample])


@lru_cache(maxsize=64)
def _traditional_head(sample: str) -> bool:
    """``is_traditional`` of a document's head, once per document (TYP002 and TYP003 both ask)."""
    head = "".join(CJK_RUN.findall(sample))
    if len(head) < 20:
        return False
    simp = to_simplified(head)
    if len(simp) != len(head):
        return False
    a = np.frombuffer(head.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    b = np.frombuffer(simp.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    changed = int(np.count_nonzero(a != b))
    return changed * 20 > len(head)
