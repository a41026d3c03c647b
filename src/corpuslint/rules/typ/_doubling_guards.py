"""Reasons for TYP001 to leave a doubling alone that read the sentence around it: the doubling
is one of two parallel ones, a verb reduplicated at the end of its clause, a word ending in a
character that is then a surname before a title, or two digits of a number.

Each guard answers from the text alone, in time bounded by a short look-around.
"""

from __future__ import annotations

from ...text import CHARS
from ...text.numerals import DIGITS, LARGE_UNITS, UNITS

# Where a clause ends: a comma, an enumeration comma, a colon, a semicolon, a full stop, a line end.
_CLAUSE_END = (CHARS.sentence_final_strong | CHARS.semicolon
               | frozenset("，,、：:\n"))
_MAX_CLAUSE = 30  # characters looked at either side for the neighbouring clause
_EDGE = 3  # a parallel doubling sits at most this many characters from its clause's edge
_DIGITS = frozenset(DIGITS) | {"○"}  # ○ (U+25CB) is written for 〇 in dates and phone numbers
# What can stand next to a digit inside one number: another digit, a unit, a decimal point.
_IN_NUMBER = _DIGITS | frozenset(UNITS) | frozenset(LARGE_UNITS) | frozenset("萬億点點.．・")


def _clause(text: str, p: int, q: int) -> tuple[int, int]:
    """The clause around ``text[p:q]``: from after the previous clause mark to the next one."""
    a = p
    while a > 0 and p - a < _MAX_CLAUSE and text[a - 1] not in _CLAUSE_END:
        a -= 1
    b = q
    while b < len(text) and b - q < _MAX_CLAUSE and text[b] not in _CLAUSE_END:
        b += 1
    return a, b


def _doublings(text: str, a: int, b: int) -> list[int]:
    """Where a character is doubled (exactly twice) in ``text[a:b]``."""
    return [q for q in range(a, b - 1) if text[q] == text[q + 1] and (q == a or text[q - 1] != text[q])
            and (q + 2 >= b or text[q + 2] != text[q])]


def parallel_clauses(text: str, p: int) -> bool:
    """Whether the clause before or after the doubling's own holds another doubling at the same
    distance (at most three characters) from its clause's start or end: parallel clauses with the
    same shape (`天天讲，月月讲`; `事事关心，处处留心`), a figure of speech."""
    a, b = _clause(text, p, p + 2)
    d_start, d_end = p - a, b - p - 2
    if min(d_start, d_end) > _EDGE:
        return False
    neighbours = []
    if a > 1:
        neighbours.append(_clause(text, a - 1, a - 1))
    if b + 1 < len(text):
        neighbours.append(_clause(text, b + 1, b + 1))
    for a2, b2 in neighbours:
        for q in _doublings(text, a2, b2):
            if (d_start <= _EDGE and q - a2 == d_start) or (d_end <= _EDGE and b2 - q - 2 == d_end):
                return True
    return False


def clause_final_verb(after: str, c: str, verbs: frozenset[str]) -> bool:
    """Whether a clause mark (or the end of the text: ``after`` is "") follows the doubling and
    its character is a one-character verb or coverb: a tentative reduplicated verb closing its
    clause (`偶尔用用，`, `出去走走。`), which is ordinary speech."""
    return c in verbs and (not after or after in _CLAUSE_END)


def surname_before_title(run: str, i: int, surnames: frozenset[str], titles_after: frozenset[str],
                         title_len: int) -> bool:
    """Whether the second copy at ``run[i + 1]`` is a surname followed by a title or form of
    address (`主任|任老师`, `校长|张先生`: 主任 ends a word, 任 starts a name)."""
    if run[i + 1] not in surnames:
        return False
    return any(run[i + 2:i + 2 + m] in titles_after for m in range(1, title_len + 1))


def numeral_digits(text: str, p: int) -> bool:
    """Whether the doubling at ``text[p:p + 2]`` is two digits of a number written in Chinese
    numerals: a digit next to another digit, a unit or a decimal point (`二〇〇〇年`,
    `四．七七亿美元`, `七七亿元`, a phone number `三六七七`). Digits repeat as often as the
    number has them."""
    if text[p] not in _DIGITS:
        return False
    return (p > 0 and text[p - 1] in _IN_NUMBER) or (p + 2 < len(text) and text[p + 2] in _IN_NUMBER)
