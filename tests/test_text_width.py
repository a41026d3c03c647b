"""text.cell_width: the fast path (one regex pass) equals the per-character definition."""

from __future__ import annotations

import random
import unicodedata

from corpuslint.text import cell_width


def _by_character(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def test_cell_width_of_every_bmp_character_and_mixed_text():
    assert all(cell_width(chr(o)) == _by_character(chr(o)) for o in range(0x10000) if not 0xD800 <= o < 0xE000)
    assert cell_width("中文ab，。１２") == 2 * 2 + 2 + 2 * 2 + 2 * 2
    assert cell_width("e\u0301") == 1  # a combining mark takes no cell
    rng = random.Random(4)
    pool = [o for o in range(0x30000) if not 0xD800 <= o < 0xE000]
    for _ in range(3000):
        text = "".join(chr(rng.choice(pool)) if rng.random() < 0.3 else rng.choice("中文测试abc，。１２ ")
                       for _ in range(rng.randint(0, 12)))
        assert cell_width(text) == _by_character(text)
