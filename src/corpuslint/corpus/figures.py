"""Quantities in Chinese text: the figure, its value, its unit and what kind of thing it counts.

Versions of an article write one figure many ways — ``２０１２``/``2012``, ``1.5万``/``15000``,
``百分之四十``/``40%``, ``二十三``/``23`` — so figures are compared by value, never by text. A
figure is an Arabic (ASCII or full-width) or Chinese numeral, with an optional multiplier
(``万``, ``亿``), followed by a unit or classifier from the ``ver/units.txt`` table (``亿元``,
``%``, ``年``, ``家``…); ``第`` before it makes an ordinal, ``百分之`` a percentage. A bare
Chinese numeral without a unit is not a figure (``一体化``, ``统一``). Relative date words
(``去年``, ``今年``…) come from ``ver/relative_dates.txt``.

Chinese numerals are read by ``text.numerals``.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Iterable

import regex

from ..text.numerals import LARGE_UNITS, NUMERAL_CHARS, UNITS, chinese_numeral

_AR = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．·][0-9０-９]+)?"
_CN = r"[零〇一二三四五六七八九十]+点[零〇一二三四五六七八九]+|[零〇一二两三四五六七八九十百千]+(?:[万亿]+[零〇一二两三四五六七八九十百千]*)*"
_MULT = r"(?:[万亿]+|千万|百万)?"
_APPROX = r"(?:多|余|几)?"
_CN_MULT = {**UNITS, **LARGE_UNITS}
_D = r"[0-9０-９]"
_CD = r"[〇零一二三四五六七八九]"
_CM = r"[一二三四五六七八九十]{1,3}"
# Dates written as one figure: 2022-07-15, 2022/7/15, 2022.7.15, 2022年7月15日, 二〇二二年七月, 7月15日
_DATE = regex.compile(
    rf"(?P<y>{_D}{{4}}|{_CD}{{4}})(?:(?P<sep>[-/.．／])(?P<m>{_D}{{1,2}})(?P=sep)(?P<d>{_D}{{1,2}})(?!{_D})"
    rf"|年(?P<m2>{_D}{{1,2}}|{_CM})月(?:(?P<d2>{_D}{{1,2}}|{_CM})[日号])?)"
    rf"|(?<![0-9０-９])(?P<m3>{_D}{{1,2}}|{_CM})月(?P<d3>{_D}{{1,2}}|{_CM})[日号]"
)


@dataclass(frozen=True, slots=True)
class Figure:
    start: int  # offsets in the text the figure was found in
    end: int
    text: str
    value: float
    unit: str  # the unit as written after the number ("亿元"), "" when bare
    category: str  # what it measures: "money", "percent", "year", "count"… or "number", "date"
    ordinal: bool = False
    date: tuple[int | None, int | None, int | None] | None = None  # (year, month, day) of a date

    def same_value(self, other: Figure) -> bool:
        if self.date is not None and other.date is not None:
            # "2022-07-15" and "7月15日" agree: compare the parts both give
            return all(x is None or y is None or x == y for x, y in zip(self.date, other.date))
        return math.isclose(self.value, other.value, rel_tol=1e-9, abs_tol=1e-9)

    def comparable(self, other: Figure) -> bool:
        """Two figures measure the same kind of thing (or one has no unit)."""
        if self.ordinal != other.ordinal:
            return False
        if (self.date is None) != (other.date is None):
            return False
        return self.category == other.category or "number" in (self.category, other.category)


class FigureExtractor:
    """Finds figures in text; built once from the unit table and relative date words."""

    def __init__(self, units: Iterable[list[str]], relative_dates: Iterable[str]) -> None:
        self.units: dict[str, tuple[str, float]] = {}
        for row in units:
            mult = float(row[2]) if len(row) > 2 and row[2] else 1.0
            self.units[row[0]] = (row[1], mult)
        unit_alt = "|".join(regex.escape(u) for u in sorted(self.units, key=len, reverse=True))
        self.relative = sorted(set(relative_dates), key=len, reverse=True)
        rel_alt = "|".join(regex.escape(w) for w in self.relative) or "(?!)"
        self._rel = regex.compile(rel_alt)
        self._pattern = regex.compile(
            rf"(?P<pct>百分之(?P<pnum>{_AR}|{_CN}))"
            rf"|(?P<ord>第)?(?P<num>{_AR}{_MULT}|{_CN}){_APPROX}(?P<unit>{unit_alt})?"
        )

    def relative_dates(self, text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group()) for m in self._rel.finditer(text)]

    def extract(self, text: str) -> list[Figure]:
        out: list[Figure] = []
        taken: list[tuple[int, int]] = []
        for m in _DATE.finditer(text):
            yg = m.group("y")
            y = parse_number(yg) if yg else None  # 二〇二二 is read digit by digit
            parts = [y]
            for a, b in (("m", "m2"), ("d", "d2")):
                g = m.group(a) or m.group(b) or (m.group(a[0] + "3"))
                parts.append(parse_number(g) if g else None)
            if None in parts[1:2] or any(p is not None and p != int(p) for p in parts):
                continue
            date = tuple(int(p) if p is not None else None for p in parts)
            out.append(Figure(m.start(), m.end(), m.group(), float(date[0] or 0), "", "date", date=date))
            taken.append((m.start(), m.end()))
        for m in self._pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if m.group("pct"):
                value = parse_number(m.group("pnum"))
                if value is not None:
                    out.append(Figure(m.start(), m.end(), m.group(), value, "%", "percent"))
                continue
            num = m.group("num")
            unit = m.group("unit") or ""
            ordinal = bool(m.group("ord"))
            arabic = num[0] in "0123456789０１２３４５６７８９"
            if not arabic and not unit and not ordinal:
                if len(num) < 2 or not _all_cn_numeral(num):
                    continue  # a lone Chinese numeral character is mostly part of a word
            if not arabic and (num in ("零", "〇") or (m.start() > 0 and _is_cn_digit(text[m.start() - 1]))):
                continue  # "零部件", or the tail of a longer run of numeral characters
            if arabic and m.start() > 0 and text[m.start() - 1].isascii() and text[m.start() - 1].isalpha():
                continue  # part of a model name or code ("LED2", "A380")
            value = parse_number(num)
            if value is None:
                continue
            category, mult = self.units.get(unit, ("number", 1.0))
            if ordinal:
                category = "ordinal"
            out.append(Figure(m.start(), m.end(), m.group(), value * mult, unit, category, ordinal))
        out.sort(key=lambda f: f.start)
        return out


def _is_cn_digit(ch: str) -> bool:
    return ch in NUMERAL_CHARS


def _all_cn_numeral(s: str) -> bool:
    return all(_is_cn_digit(c) or c == "点" for c in s)


def parse_number(s: str) -> float | None:
    """The value of an Arabic, Chinese or mixed numeral (``1.5万``, ``二十三``, ``２０１２``)."""
    s = unicodedata.normalize("NFKC", s).replace(",", "").replace("，", "").replace("·", ".")
    mult = 1.0
    # trailing multipliers of an Arabic number: "210亿", "1.5万", "3千万"
    i = len(s)
    while i > 0 and s[i - 1] in _CN_MULT and (i - 1 > 0):
        i -= 1
    head, tail = s[:i], s[i:]
    if head and _is_arabic(head):
        for c in tail:
            mult *= _CN_MULT[c]
        return float(head) * mult
    return chinese_numeral(s)  # None when not a numeral ("十四五" is a plan's name)


def _is_arabic(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True
