"""Text normalisation shared by every rule family that compares text.

``fold`` is the one normal form used for signatures, alignment and counting: NFKC (full-width
letters and digits become ASCII), traditional -> simplified through OpenCC (a traditional reprint
matches its simplified original), lower case, and whitespace and punctuation removed. Digits are
kept, so two versions that differ only in a figure are near-duplicates, not exact copies.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from functools import lru_cache
from typing import Iterable

import regex

from ..core.bounded import BoundedCache
from ..core.compiled import compiled
from ..core.document import Document
from ..text import han_count, nfkc as text_nfkc
from ..text.chars import class_of_ranges

_DROP = regex.compile(r"[^\p{L}\p{N}]+")
_PUNCT = regex.compile(r"[\p{P}\p{Z}\s]+")
_DROP_BUT_NEWLINES = regex.compile(r"[^\p{L}\p{N}\n]+")  # ``_DROP`` of texts joined by newlines


@lru_cache(maxsize=4)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def convert(text: str, config: str) -> str:
    """OpenCC conversion with one of its configurations (``t2s``, ``s2t``, ``s2tw``, ``s2hk`` ...)."""
    return _converter(config).convert(text) if text else text


def to_simplified(text: str) -> str:
    return convert(text, "t2s")


def simplified_aligned(text: str) -> str:
    """``to_simplified`` that keeps every character in its place: OpenCC converts phrases, and
    where a phrase changes the length the text is converted character by character instead (a
    single character always converts to one). Lone surrogates (from JSONL escapes) cannot go
    through OpenCC: such text is returned as it is."""
    try:
        simple = to_simplified(text)
        if len(simple) != len(text):
            simple = "".join(to_simplified(c) or c for c in text)
    except UnicodeError:
        return text
    return simple


def simplified_aligned_many(texts: list[str]) -> list[str]:
    """``[simplified_aligned(t) for t in texts]`` with one OpenCC call for all the texts that
    hold no newline, joined by newlines (no phrase spans a line, so the whole converts as its
    lines do); a text whose conversion changes its length is redone on its own."""
    if len(texts) < 2 or any("\n" in t for t in texts):
        return [simplified_aligned(t) for t in texts]
    try:
        parts = to_simplified("\n".join(texts)).split("\n")
    except UnicodeError:
        return [simplified_aligned(t) for t in texts]
    if len(parts) != len(texts):
        return [simplified_aligned(t) for t in texts]
    return [p if len(p) == len(t) else simplified_aligned(t) for p, t in zip(parts, texts)]


def to_traditional(text: str) -> str:
    return convert(text, "s2t")


def nfkc(text: str) -> str:
    return text_nfkc(text)


def fold(text: str) -> str:
    """The comparison form of a text: NFKC, simplified, lower case, letters and digits only.

    Punctuation and spaces go first (NFKC maps them to punctuation and spaces, which are dropped
    anyway), so most Chinese text is already NFKC-normal and skips the conversion."""
    return _DROP.sub("", to_simplified(_normal(text)).lower())


# Folded forms by text, shared by every document of the process (boilerplate paragraphs recur
# in thousands of documents); bounded (``core.bounded``).
_FOLDED_TEXTS: BoundedCache[str, str] = BoundedCache(20_000)


def fold_many(texts: list[str]) -> list[str]:
    """``[fold(t) for t in texts]``: a text folded before is taken from ``_FOLDED_TEXTS``, the
    others are folded together (``_fold_together``)."""
    got = [_FOLDED_TEXTS.get(t) for t in texts]
    todo = [t for t, g in zip(texts, got) if g is None]
    if not todo:
        return got  # type: ignore[return-value]
    new = iter(_fold_together(todo))
    out = []
    for t, g in zip(texts, got):
        if g is None:
            g = next(new)
            _FOLDED_TEXTS.put(t, g)
        out.append(g)
    return out


def _fold_together(texts: list[str]) -> list[str]:
    """``[fold(t) for t in texts]`` with one OpenCC call for all (a call costs ~10 µs: one per
    paragraph was a tenth of the corpus model's time). A newline cannot be part of an OpenCC
    phrase, and ``_normal`` has removed every newline, so the joined conversion splits back
    into the texts' own conversions."""
    if len(texts) < 2:
        return [fold(t) for t in texts]
    normal = "\n".join(_normal(t) for t in texts)
    return _DROP_BUT_NEWLINES.sub("", to_simplified(normal).lower()).split("\n")


def _normal(text: str) -> str:
    # (``text.nfkc``: the full-width ASCII of newspaper digits is mapped without the slow
    # conversion)
    return text_nfkc(_unpunctuated(text))


def _unpunctuated(text: str) -> str:
    """``_PUNCT.sub("", text)``: for a text of the Basic Multilingual Plane only (nearly all),
    the runs between punctuation found by ``re`` with the same characters listed (twice as
    fast as ``regex``'s property class)."""
    if _ASTRAL.search(text) is None:
        return "".join(_bmp_kept().findall(text))
    return _PUNCT.sub("", text)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _bmp_kept() -> re.Pattern[str]:
    """Runs of BMP characters ``_PUNCT`` leaves, as an ``re`` class of the characters ``regex``
    gives ``_PUNCT``'s class (derived once into the compiled cache, keyed on the ``regex``
    version)."""
    return re.compile(compiled("fold-kept", [], _kept_pattern, extra=f"regex {regex.__version__}"))


def _kept_pattern() -> str:
    punct = regex.compile(r"[\p{P}\p{Z}\s]")
    return "[^" + class_of_ranges(_ranges(c for c in range(0x10000) if punct.match(chr(c)))) + "]+"


def _ranges(points: Iterable[int]) -> list[tuple[int, int]]:
    """Increasing code points as (first, last) runs."""
    out: list[list[int]] = []
    for c in points:
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return [(a, b) for a, b in out]


_FOLDED: weakref.WeakKeyDictionary[Document, list[str]] = weakref.WeakKeyDictionary()


def folded_paragraphs(doc: Document) -> list[str]:
    """``fold`` of each of the document's paragraphs, computed once per document: DUP's document
    rule, the corpus model (CHR008, DUP's signatures and the index) read this one list. CHR's page
    layout folds only the few lines it compares, lazily (``Block.folded``): in a document-rule
    worker this list is never built."""
    got = _FOLDED.get(doc)
    if got is None:
        got = _FOLDED[doc] = fold_many([p.text for p in doc.paragraphs])
    return got


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """``fold`` plus, for every folded character, the offset in ``text`` it came from.

    NFKC may expand one character into several (``㈠`` -> ``(一)``), so folding is done one
    character at a time; OpenCC's t2s conversion is character-for-character for single
    characters, which keeps the map exact.
    """
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(simplified_aligned(text)):
        for c in unicodedata.normalize("NFKC", ch).lower():
            if c.isalnum():
                out.append(c)
                offsets.append(i)
    return "".join(out), offsets


def cjk_count(text: str) -> int:
    """Number of Han ideographs in ``text`` (``text.han_count``: one definition of Han)."""
    return han_count(text)


def cjk_share(text: str) -> float:
    if not text:
        return 0.0
    return cjk_count(text) / len(text)
