"""Chinese numerals read as numbers (VER compares figures by value: ``二十三`` and ``23`` agree).

Written here rather than taken from ``cn2an``: that package builds all its converters and
reads its configuration on import (0.4 s, paid by every run that compares a figure), while the
grammar is small. On 75 000 well-formed numerals (``an2cn`` of 0..10^13, with ``两``, colloquial
``一万二``/``两百五`` and decimals) the values agree with ``cn2an.cn2an(s, "normal")`` but for two
numerals with a 万 section before 亿 that cn2an rejects and this reads correctly
(tests/test_numerals.py keeps a sample). Malformed strings are rejected (``十四五``, ``零十``,
``百千``, ``亿亿``) or read leniently where the reading is plain (``三亿六千``).
"""

from __future__ import annotations

_TRADITIONAL = str.maketrans({"萬": "万", "億": "亿", "兩": "两"})
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = frozenset(DIGITS) | frozenset(UNITS) | frozenset(LARGE_UNITS)  # 点 apart
_KNOWN = NUMERAL_CHARS | {"点"}


def chinese_numeral(s: str) -> float | None:
    """The value of a Chinese numeral (``二十三``, ``一百零五``, ``1.5`` as ``一点五``, ``一万二``
    for 12 000, ``二〇二二`` digit by digit), or None when it is not one (``十四五``, a plan's name)."""
    s = s.translate(_TRADITIONAL).replace("廿", "二十").replace("卅", "三十")
    if not s or not _KNOWN.issuperset(s):
        return None
    head, dot, tail = s.partition("点")
    if dot:
        if not tail or any(c not in DIGITS for c in tail):
            return None
        whole = _integer(head) if head else None
        if whole is None:
            return None
        return float(f"{int(whole)}." + "".join(str(DIGITS[c]) for c in tail))
    value = _integer(s)
    return None if value is None else float(value)


def _integer(s: str) -> int | None:
    """An integer numeral: digit by digit when it has no unit, else read unit by unit."""
    if all(c in DIGITS for c in s):  # digit by digit: 一二三, 二〇二二
        return int("".join(str(DIGITS[c]) for c in s))
    total = 0      # sections closed by 亿
    section = 0    # the part below the last 亿, closed by 万
    group = 0      # the part below the last 万
    digit = None   # a digit waiting for its unit
    last_unit = 0  # the last unit met (for a trailing digit: 一万二, 二百五)
    small_seen = 10 ** 5  # units inside a group must fall (千 > 百 > 十)
    zero = False  # a 零 met since the last unit
    for c in s:
        if c in DIGITS:
            if digit is not None or (zero and DIGITS[c] == 0):
                return None  # two digits in a row: 十四五, 零〇
            if DIGITS[c] == 0:
                if last_unit < 100:
                    return None  # 零 stands only for a skipped unit: 一百零五, 三千零, 一万零三百
                zero, last_unit = True, 1  # the digit after it is a units digit
                continue
            digit = DIGITS[c]
        elif zero and digit is None:
            return None  # 零十, 零万
        elif c in UNITS:
            unit = UNITS[c]
            if unit >= small_seen:
                return None  # 百千
            if digit is None:
                if unit != 10:
                    return None  # 百 with no digit before it
                digit = 1  # 十五, 二百十
            group += digit * unit
            digit, last_unit, small_seen, zero = None, unit, unit, False
        else:
            unit = LARGE_UNITS[c]
            if unit == last_unit:
                return None  # 亿亿
            value = group + (digit or 0)
            if unit == 10_000:
                if value == 0 and section == 0:
                    return None
                section += value * unit
            else:
                if value == 0 and section == 0 and total == 0:
                    return None
                total = (total + section + value) * unit
                section = 0
            group, digit, last_unit, small_seen, zero = 0, None, unit, 10 ** 5, False
    if digit:
        if last_unit == 100_000_000:
            return None  # 两亿三 is not written for 2.3 亿
        if last_unit > 10:
            return total + section + group + digit * last_unit // 10
        group += digit
    return total + section + group
