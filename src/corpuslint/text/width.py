"""Terminal width of text: a wide or full-width character (East Asian width W or F) takes two
cells, a combining mark none, anything else one. Snippets under findings and LAY's hard-wrap
measure (a column of a fixed width in cells) both read it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..core.compiled import compiled


@lru_cache(maxsize=1)
def _classes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(runs of characters that are not wide, any character needing a look of its own: beyond
    the BMP or combining). Their patterns are derived from unicodedata over the BMP (0.25 s)
    and kept in the compiled cache, keyed on the Unicode version."""
    narrow, special = compiled("cell-width", [], _patterns, extra=unicodedata.unidata_version)
    return re.compile(narrow), re.compile(special)


def _patterns() -> tuple[str, str]:
    wide: list[list[int]] = []
    special = ["\U00010000-\U0010ffff"]
    for o in range(0x20, 0x10000):
        c = chr(o)
        if unicodedata.combining(c):
            special.append(re.escape(c))
        elif unicodedata.east_asian_width(c) in "WF":
            if wide and wide[-1][1] == o - 1:
                wide[-1][1] = o
            else:
                wide.append([o, o])
    narrow = "[^" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in wide) + "]+"
    return narrow, "[" + "".join(special) + "]"


def cell_width(text: str) -> int:
    """Width of ``text`` in terminal cells."""
    narrow, special = _classes()
    if special.search(text):
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
                   for c in text)
    # every character takes two cells but those of the (few) narrow runs
    return 2 * len(text) - sum(map(len, narrow.findall(text)))
