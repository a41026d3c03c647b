"""Text normalisation shared by every rule family that compares text.

``fold`` is the one normal form used for signatures, alignment and counting: NFKC (full-width
letters and digits become ASCII), traditional -> simplified through OpenCC (a traditional reprint
matches its simplified original), lower case, and whitespace and punctuation removed. Digits are
kept, so two versions that differ only in a figure are near-duplicates, not exact copies.
"""

from __future__ import annotations

import unicodedata
import weakref
from functools import lru_cache

import regex

from ..core.document import Document

_DROP = regex.compile(r"[^\p{L}\p{N}]+")


@lru_cache(maxsize=4)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text) if text else text


def to_traditional(text: str) -> str:
    return _converter("s2t").convert(text) if text else text


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def fold(text: str) -> str:
    """The comparison form of a text: NFKC, simplified, lower case, letters and digits only."""
    return _DROP.sub("", to_simplified(nfkc(text)).lower())


_FOLDED: weakref.WeakKeyDictionary[Document, list[str]] = weakref.WeakKeyDictionary()


def folded_paragraphs(doc: Document) -> list[str]:
    """``fold`` of each of the document's paragraphs, computed once per document: DUP's document
    rule, CHR's page layout and the corpus model all read this one list."""
    got = _FOLDED.get(doc)
    if got is None:
        got = _FOLDED[doc] = [fold(p.text) for p in doc.paragraphs]
    return got


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``fold`` plus, for every folded character, the offset in ``text`` it came from.

    NFKC may expand one character into several (``㈠`` -> ``(一)``), so folding is done one
    character at a time; OpenCC's t2s conversion is character-for-character for single
    characters, which keeps the map exact.
    """
    out: list[str] = []
    offsets: list[int] = []
    simplified = to_simplified(text)
    if len(simplified) != len(text):  # phrase-level conversion changed the length: map per char
        simplified = "".join(to_simplified(c) or c for c in text)
    for i, ch in enumerate(simplified):
        for c in unicodedata.normalize("NFKC", ch).lower():
            if c.isalnum():
                out.append(c)
                offsets.append(i)
    return "".join(out), offsets


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F or 0xF900 <= o <= 0xFAFF


def cjk_share(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for c in text if is_cjk(c)) / len(text)
