"""The character classes of rules/text/characters.toml as sets, regex classes and predicates.

The built-in pack is read once at import: these are definitions of the script and of
GB/T 15834 punctuation that every family shares, not tunable rule options."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable

import regex

from ..core import PackStore

PACK = "text/characters.toml"


@dataclass(frozen=True)
class Chars:
    han_ranges: tuple[tuple[int, int], ...]
    sentence_final: frozenset[str]
    sentence_final_strong: frozenset[str]
    ellipsis: frozenset[str]
    closing_quotes: frozenset[str]
    closing_brackets: frozenset[str]
    clause: frozenset[str]
    comma: frozenset[str]
    semicolon: frozenset[str]
    question: frozenset[str]
    paragraph_final: frozenset[str]
    enumeration: frozenset[str]
    colon: frozenset[str]
    brackets: tuple[tuple[str, str], ...]
    quotes: tuple[tuple[str, str], ...]
    bullets: frozenset[str]

    @property
    def closers(self) -> frozenset[str]:
        return self.closing_quotes | self.closing_brackets

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """Quotation marks and brackets, opening and closing."""
        return self.quotes + self.brackets


def _derive(d: dict) -> dict:  # type: ignore[type-arg]
    """The pack's sets with the derived ones (``[derived]``: the union of named sets ``of``
    plus marks of its own) filled in."""
    out = dict(d)
    for name, spec in d.get("derived", {}).items():
        out[name] = "".join(d[s] for s in spec.get("of", [])) + spec.get("plus", "")
    return out


def _load() -> Chars:
    d = _derive(PackStore().toml(PACK))
    ranges = tuple(sorted((int(a, 16), int(b, 16)) for a, b in d["han_ranges"]))
    return Chars(
        han_ranges=ranges,
        sentence_final=frozenset(d["sentence_final"]),
        sentence_final_strong=frozenset(d["sentence_final_strong"]),
        ellipsis=frozenset(d["ellipsis"]),
        closing_quotes=frozenset(d["closing_quotes"]),
        closing_brackets=frozenset(d["closing_brackets"]),
        clause=frozenset(d["clause"]),
        comma=frozenset(d["comma"]),
        semicolon=frozenset(d["semicolon"]),
        question=frozenset(d["question"]),
        paragraph_final=frozenset(d["paragraph_final"]),
        enumeration=frozenset(d["enumeration"]),
        colon=frozenset(d["colon"]),
        brackets=tuple((p[0], p[1]) for p in d["brackets"]),
        quotes=tuple((p[0], p[1]) for p in d["quotes"]),
        bullets=frozenset(d["bullets"]),
    )


CHARS = _load()
_STARTS = [a for a, _ in CHARS.han_ranges]


def class_of_ranges(ranges: Iterable[tuple[int, int]]) -> str:
    """The inside of a regex character class for these (first, last) code point ranges."""
    parts = []
    for a, b in ranges:
        parts.append(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}")
    return "".join(parts)


# The Han ideographs as the inside of a regex character class: f"[{HAN_CLASS}]".
HAN_CLASS = class_of_ranges(CHARS.han_ranges)


def _escape(chars: frozenset[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


def char_class(*sets: frozenset[str]) -> str:
    """A regex character class (``[...]``) of the union of some of these sets."""
    return "[" + _escape(frozenset().union(*sets)) + "]"


# A list marker at a line's start: a bullet, an ASCII dash/star/plus, `v ` (a rendered check
# box), a number ("1." "2、" "3)") not followed by a digit, "（1）" or "[1]".
BULLET = re.compile(rf"^\s*(?:[{_escape(CHARS.bullets)}\-*+]|v\s|\d{{1,2}}[.、．)](?!\d)|[（(]\d{{1,2}}[)）]|\[\d{{1,2}}\])\s*")
# Sentence or clause punctuation anywhere in a line (menu items, breadcrumb steps and list
# headers have none), and a line ending with a strong sentence-final mark (meta lines, reply
# headers and comment headings never do).
CLAUSE_PUNCT = re.compile(f"[{_escape(CHARS.sentence_final_strong | CHARS.clause)}]")
STRONG_END = re.compile(rf"[{_escape(CHARS.sentence_final_strong)}]\s*$")
_CLAUSE_RE = CLAUSE_PUNCT


# Japanese kana (a paragraph holding some is Japanese, whose kanji are not Chinese script forms).
KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")

# Runs of anything but Han ideographs: deleting them leaves the Han characters (one C pass).
_NON_HAN = re.compile(f"[^{HAN_CLASS}]+")
HAN = re.compile(f"[{HAN_CLASS}]")  # one Han ideograph (``re`` finds a plain class faster than ``regex``)


def is_han(ch: str) -> bool:
    """A Han ideograph (unified, extensions A-I, compatibility), or 〇."""
    if "\u4e00" <= ch <= "\u9fff":  # the common case: CJK Unified Ideographs
        return True
    o = ord(ch)
    k = bisect_right(_STARTS, o) - 1
    return k >= 0 and o <= CHARS.han_ranges[k][1]


def han_count(text: str) -> int:
    """Number of Han ideographs in ``text``."""
    return len(_NON_HAN.sub("", text))


def has_han(text: str) -> bool:
    """``text`` holds a Han ideograph."""
    return HAN.search(text) is not None


_CLOSERS = CHARS.closers


def strip_closers(text: str) -> str:
    """``text`` without the closing quotes and brackets at its end."""
    end = len(text)
    while end and text[end - 1] in _CLOSERS:
        end -= 1
    return text[:end]


def ends_sentence(text: str, strong: bool = False) -> bool:
    """The line ends a sentence: its last mark (after closing quotes and brackets) is
    sentence-final, or it ends with a closing quotation mark. ``strong``: only the marks that
    end a sentence in every reading (not a semicolon, a period or an ellipsis)."""
    t = text.rstrip()
    if not t:
        return False
    if t[-1] in CHARS.closing_quotes:
        return True
    core = strip_closers(t)
    final = CHARS.sentence_final_strong if strong else CHARS.sentence_final
    return bool(core) and core[-1] in final


def has_clause_punct(text: str) -> bool:
    """Sentence or clause punctuation anywhere: menu items, breadcrumb steps and list headers
    have none."""
    return bool(_CLAUSE_RE.search(text))
