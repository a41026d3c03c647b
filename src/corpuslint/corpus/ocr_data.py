"""The OCR and look-alike data of ``rules/typ``, read in one place for TYP (the confusable
character rule's channel) and VER (the difference classifier's look-alike test):

* ``typ/shape_glyph.txt``: character pairs measured alike on rendered glyphs, with their image
  similarity; a pair counts as a look-alike from ``GLYPH_SIMILARITY`` on, for both families;
* ``typ/ocr_confusions.tsv``: what a real OCR recognizer read for rendered characters (counts);
* ``typ/shape_ocr.txt``, ``typ/shape_similar.txt``: curated look-alike groups;
* ``typ/char_bigrams.tsv``: character bigram log-probabilities of running text.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Mapping

import numpy as np

from ..core.compiled import compiled

if TYPE_CHECKING:
    from ..core.packs import PackStore

GLYPH_SIMILARITY = 0.74  # rendered look-alikes at least this similar are look-alikes (TYP003 and VER)
OCR_TABLE = "typ/ocr_confusions.tsv"
BIGRAMS = "typ/char_bigrams.tsv"
UNSEEN_LOG_P = math.log(1e-7)  # a previous character the bigram table does not hold
_LN10 = math.log(10)

_GLYPH: dict[tuple, Mapping[str, Mapping[str, float]]] = {}
_LOOKALIKES: dict[tuple, dict[str, frozenset[str]]] = {}
_OCR: dict[tuple, dict[str, dict[str, float]]] = {}
_BIGRAMS: dict[tuple, "CharBigrams"] = {}


def glyph_confusions(packs: PackStore) -> Mapping[str, Mapping[str, float]]:
    """Character -> look-alikes measured on rendered glyphs (``typ/shape_glyph.txt``, built by
    bench/typ_build_glyph_confusions.py) with their image similarity; both directions."""
    got = _GLYPH.get(packs.dirs)
    if got is not None:
        return got
    table: dict[str, dict[str, float]] = {}
    for line in packs.lines("typ/shape_glyph.txt"):
        parts = line.split("\t")
        if len(parts) < 2 or len(parts[0]) != 1 or len(parts[1]) != 1:
            continue
        sim = float(parts[2]) if len(parts) > 2 else 1.0
        a, b = parts[0], parts[1]
        table.setdefault(a, {})[b] = max(sim, table.get(a, {}).get(b, 0.0))
        table.setdefault(b, {})[a] = max(sim, table.get(b, {}).get(a, 0.0))
    got = _GLYPH[packs.dirs] = table
    return got


def read_ocr_table(lines: list[str]) -> dict[str, dict[str, float]]:
    """observed -> intended -> log P_ocr(observed | intended) from ``ocr_confusions.tsv`` rows."""
    out: dict[str, dict[str, float]] = {}
    for line in lines:
        parts = line.split("\t")
        if len(parts) != 4 or len(parts[0]) != 1 or len(parts[1]) != 1:
            continue
        intended, observed = parts[0], parts[1]
        try:
            n, trials = int(parts[2]), int(parts[3])
        except ValueError:
            continue
        if n > 0 and trials >= n:
            out.setdefault(observed, {})[intended] = math.log(n / trials)
    return out


def ocr_table(packs: PackStore) -> dict[str, dict[str, float]]:
    """``read_ocr_table`` of the packs' table, read once per process and compiled into the user
    cache (it was parsed again by every run that classifies a difference). Shared:
    read it, never change it."""
    got = _OCR.get(packs.dirs)
    if got is None:
        files = packs.files(OCR_TABLE)
        got = _OCR[packs.dirs] = compiled("ocr-table", files, lambda: read_ocr_table(packs.lines(OCR_TABLE))) \
            if files else {}
    return got


LOOKALIKE_PACKS = ("typ/shape_ocr.txt", "typ/shape_similar.txt", OCR_TABLE, "typ/shape_glyph.txt")


def lookalikes(packs: PackStore) -> dict[str, frozenset[str]]:
    """Character -> characters OCR confuses it with: the curated look-alike groups, the pairs a
    real recognizer confused and the rendered-glyph pairs from ``GLYPH_SIMILARITY`` on.
    Compiled once into the user cache (building it reads 30 000 glyph pairs)."""
    got = _LOOKALIKES.get(packs.dirs)
    if got is None:
        files = [f for relpath in LOOKALIKE_PACKS for f in packs.files(relpath)]
        got = _LOOKALIKES[packs.dirs] = compiled("lookalikes", files, lambda: _build_lookalikes(packs),
                                                 extra=str(GLYPH_SIMILARITY))
    return got


def _build_lookalikes(packs: PackStore) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for relpath in ("typ/shape_ocr.txt", "typ/shape_similar.txt"):
        for line in packs.lines(relpath):
            chars = [ch for ch in dict.fromkeys(line.replace("\t", "")) if not ch.isspace()]
            for x in chars:
                table.setdefault(x, set()).update(y for y in chars if y != x)
    for observed, row in ocr_table(packs).items():
        for intended in row:
            table.setdefault(observed, set()).add(intended)
            table.setdefault(intended, set()).add(observed)
    for x, row in glyph_confusions(packs).items():
        table.setdefault(x, set()).update(y for y, sim in row.items() if sim >= GLYPH_SIMILARITY)
    return {k: frozenset(v) for k, v in table.items() if v}


def read_bigrams(lines: list[str]) -> tuple[np.ndarray, np.ndarray, dict[str, float]]:
    """(sorted integer keys of character pairs, ln P(next | previous) of each, previous -> ln P
    of an unseen next character) from ``char_bigrams.tsv`` rows."""
    pairs: dict[int, float] = {}
    backoff: dict[str, float] = {}
    for line in lines:
        parts = line.split("\t")
        if len(parts) != 3 or len(parts[0]) != 1 or len(parts[1]) > 1:
            continue
        lp = float(parts[2]) * _LN10
        if parts[1]:
            pairs[(ord(parts[0]) << 21) | ord(parts[1])] = lp
        else:
            backoff[parts[0]] = lp
    keys = np.array(sorted(pairs), dtype=np.uint64)
    return keys, np.array([pairs[k] for k in keys.tolist()], dtype=np.float32), backoff


class CharBigrams:
    """ln P(next | previous) of running text, backed off for an unseen pair."""

    def __init__(self, keys: np.ndarray, log_p: np.ndarray, backoff: Mapping[str, float]) -> None:
        self.keys, self.log_p, self.backoff = keys, log_p, backoff

    def log_prob(self, a: str, b: str) -> float:
        """ln P(b | a); 0 when either side is missing (the text's start or end)."""
        if not a or not b:
            return 0.0
        key = (ord(a) << 21) | ord(b)
        k = int(np.searchsorted(self.keys, np.uint64(key)))
        if k < len(self.keys) and int(self.keys[k]) == key:
            return float(self.log_p[k])
        return self.backoff.get(a, UNSEEN_LOG_P)


def char_bigrams(packs: PackStore) -> CharBigrams:
    """The bigram table of the pack folders, parsed once and kept compiled (0.4 s to parse)."""
    got = _BIGRAMS.get(packs.dirs)
    if got is None:
        files = packs.files(BIGRAMS)
        arrays = compiled("char-bigrams", files, lambda: read_bigrams(packs.lines(BIGRAMS) if files else []))
        got = _BIGRAMS[packs.dirs] = CharBigrams(*arrays)
    return got
