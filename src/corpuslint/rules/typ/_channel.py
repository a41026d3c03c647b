"""The noisy channel of TYP003: which characters a text character may stand for, and how
probable that misreading is, P(observed | intended).

Candidates come from two kinds of data in ``rules/typ/``:

* ``ocr_confusions.tsv``: what a real OCR recognizer (PP-OCRv4) read for each of the ~6 000
  commonest characters rendered and degraded (tools/typ_build_ocr_confusions.py), as counts:
  P_ocr(observed | intended) = count / trials;
* the older tables, for characters outside the recognizer's alphabet (蕞/最) and for
  sound-alikes of typed text: sound-alikes, curated and computed look-alikes, component pairs and
  rendered-glyph look-alikes, each kind given one log-probability (a rule option).

The compiled form (character pair sets of the lexicon, the merged candidate table) is cached on
disk by ``core.compiled`` so a one-file run does not rebuild it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

from ...core.compiled import compiled
from ...core.packs import PackStore
from ...corpus.lexicon import Lexicon
from ...corpus.normalize import to_simplified
from ._common import confusions, glyph_confusions

OCR_TABLE = "typ/ocr_confusions.tsv"
_EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Candidate:
    """One way a text character may be a misreading of ``intended``."""

    intended: str
    ocr_log_p: float | None  # log P_ocr(observed | intended) from the recognizer, if measured
    kind: str | None  # the older tables' reason (sound, shape, ...), if any
    glyph: float  # rendered-glyph similarity, 0 when not in the glyph table


@dataclass(frozen=True)
class ChannelTables:
    """Compiled, option-independent tables."""

    pairs: frozenset[str]  # every character pair inside a lexicon word
    after: Mapping[str, frozenset[str]]  # x -> characters that follow x inside some word
    before: Mapping[str, frozenset[str]]  # x -> characters that precede x inside some word
    candidates: Mapping[str, tuple[Candidate, ...]]  # observed -> candidates
    traditional: frozenset[str]  # characters of the lexicon that t2s conversion changes


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


def _build(lex: Lexicon, packs: PackStore) -> ChannelTables:
    pairs = frozenset(w[k:k + 2] for w in lex.freqs for k in range(len(w) - 1))
    after: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    for p in pairs:
        after.setdefault(p[0], set()).add(p[1])
        before.setdefault(p[1], set()).add(p[0])
    ocr = read_ocr_table(packs.lines(OCR_TABLE)) if packs.files(OCR_TABLE) else {}
    conf = confusions(packs)
    glyph = glyph_confusions(packs)
    observed = set(ocr) | set(conf.table) | set(glyph)
    cands: dict[str, tuple[Candidate, ...]] = {}
    for c in observed:
        o, k, g = ocr.get(c, {}), conf.of(c), glyph.get(c, {})
        row = [Candidate(a, o.get(a), k.get(a), g.get(a, 0.0)) for a in set(o) | set(k) | set(g) if a != c]
        if row:
            cands[c] = tuple(sorted(row, key=lambda x: x.intended))
    chars = "".join(c for c in lex.char_freqs if len(c) == 1)
    simp = to_simplified(chars)
    trad = frozenset(a for a, b in zip(chars, simp) if a != b) if len(simp) == len(chars) else frozenset()
    return ChannelTables(pairs, {k: frozenset(v) for k, v in after.items()},
                         {k: frozenset(v) for k, v in before.items()}, cands, trad)


def _inputs(packs: PackStore) -> list:
    rel = ("typ/homophones.txt", "typ/shape_similar.txt", "typ/shape_ocr.txt", "typ/shape_extra.txt",
           "typ/shape_contains.txt", "typ/shape_glyph.txt", OCR_TABLE)
    return [p for r in rel for p in packs.files(r)]


_TABLES: dict[tuple, ChannelTables] = {}


def channel_tables(lex: Lexicon, packs: PackStore, lexicon_key: str) -> ChannelTables:
    """The compiled tables for a lexicon (identified by ``lexicon_key``) and pack folders."""
    key = (packs.dirs, lexicon_key)
    got = _TABLES.get(key)
    if got is None:
        got = compiled("typ-channel", _inputs(packs), lambda: _build(lex, packs), extra=lexicon_key)
        _TABLES[key] = got
    return got
