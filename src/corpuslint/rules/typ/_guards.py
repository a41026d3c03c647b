"""Reasons for TYP003 to stay silent about an odd character: the text around it says it is a
name, a title or deliberate wordplay rather than a misreading.

Each guard answers from the document text alone, in time bounded by a short look-around.
"""

from __future__ import annotations

from ...text.chars import CHARS

# Quotation marks and title brackets: a short string inside them is a title, a brand, a
# slogan or a pun (`“默默无蚊”`, `《蕞美》`), which writers spell on purpose.
_TITLE_BRACKETS = "《〈"
_OPEN_CLOSE = {**dict(CHARS.quotes), **{o: c for o, c in CHARS.brackets if o in _TITLE_BRACKETS}, "\"": "\""}
_MAX_QUOTED = 16  # characters: longer quoted spans are speech, where typos are ordinary typos
_LOOK = _MAX_QUOTED + 1


def in_short_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` sits inside a quoted or title-bracketed span of at most 16 characters
    on one line."""
    lo = max(0, pos - _LOOK)
    for k in range(pos - 1, lo - 1, -1):
        ch = text[k]
        if ch == "\n":
            return False
        close = _OPEN_CLOSE.get(ch)
        if close is None:
            continue
        end = text.find(close, pos, min(len(text), k + _LOOK + 1))
        nl = text.find("\n", pos, end) if end >= 0 else -1
        return end >= 0 and nl < 0 and end - k - 1 <= _MAX_QUOTED
    return False


def latin_neighbour(text: str, start: int, end: int) -> bool:
    """Whether an ASCII letter touches the span (at most one space between): a product or
    brand name written half in Latin letters (`iPhone 蕞新款` is read as a name, not a slip)."""
    n = len(text)
    for k, step in ((start - 1, -1), (end, 1)):
        if 0 <= k < n and text[k] == " ":
            k += step
        if 0 <= k < n and text[k].isascii() and text[k].isalpha():
            return True
    return False


def next_to_name_dot(text: str, start: int, end: int) -> bool:
    """Whether the interpunct of a transliterated foreign name (`图伊莱帕·塞莱莱`) touches the
    span: its characters are syllables, not words."""
    return "·" in text[max(0, start - 1):end + 1]


def given_name_end(run: str, i: int, start: int, surnames: frozenset[str] | set[str], pair_in_word) -> bool:  # type: ignore[no-untyped-def]
    """Whether the odd character at ``run[i]`` ends a three-character person name: a surname
    two characters before it that forms no word with its left neighbour, and a correction that
    joins the given-name characters (`谭元寿` "fixed" to `元春`) or swaps the whole name for a
    name the lexicon holds (`谭元寿` to `谭元春`, `沈国舫` to `沈国放`).
    ``pair_in_word(k)`` tells whether ``run[k:k + 2]`` occurs inside some lexicon word."""
    if start not in (i - 1, i - 2) or i < 2 or run[i - 2] not in surnames:
        return False
    if start == i - 1 and pair_in_word(i - 2):
        return False  # the surname reads as part of a word with the next character
    return i < 3 or not pair_in_word(i - 3)
