"""NFKC, computed fast on Chinese newspaper text.

Most such text is NFKC-normal but for its full-width ASCII (digits `１９９８`, `％`). Full-width
ASCII is NFKC's own decomposition of those characters, and mapping it first changes no result
(a mapped letter composes with a combining mark after it exactly as NFKC's decomposition would),
so it is mapped by ``str.translate``-like runs and the slow normalisation runs only on what is
still not normal. The length of a text is kept by the mapping (one character for one)."""

from __future__ import annotations

import re
import unicodedata

_FULL_WIDTH = re.compile(r"[\uff01-\uff5e]+")
_ASCII = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def _to_ascii(m: re.Match[str]) -> str:
    return m.group().translate(_ASCII)


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    text = _FULL_WIDTH.sub(_to_ascii, text)
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)
