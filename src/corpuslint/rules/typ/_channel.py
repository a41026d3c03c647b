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

from dataclasses import dataclass
from typing import Mapping

import numpy as np

from ...core.compiled import compiled, compiled_array
from ...core.packs import PackStore
from ...text.lexicon import Lexicon
from ...corpus.normalize import to_simplified
from ...corpus.ocr_data import OCR_TABLE, glyph_confusions, read_ocr_table
from ._common import confusions
from ._word_fit import WordFit, build_keys

# Bumped whenever ChannelTables changes shape: a cached pickle of an older shape is not reused.
_FORMAT = "12"
_EMPTY: frozenset[str] = frozenset()


# One way a text character may be a misreading of another, as a plain tuple (hundreds of
# thousands of them are unpickled at start-up; a tuple loads several times faster than a
# dataclass): (intended, log P_ocr(observed | intended) or None, log P_ocr(intended | observed)
# or None (only the other direction was seen: the shapes are alike too), the older tables'
# reason (sound, shape, ...) or None, rendered-glyph similarity (0 when not in the glyph table)).
Candidate = tuple[str, "float | None", "float | None", "str | None", float]
INTENDED, OCR, OCR_REVERSE, KIND, GLYPH = range(5)


@dataclass(frozen=True)
class ChannelTables:
    """Compiled, option-independent tables."""

    # x -> the characters that follow (precede) x inside some word a replacement may make (2-4
    # characters, frequency >= WORD_MIN_FREQ): a candidate that pairs with neither neighbour
    # this way makes no word there, whatever the wider context.
    after: Mapping[str, str]
    before: Mapping[str, str]
    candidates: Mapping[str, str]  # observed -> its candidates, encoded (see ``decode_row``)
    traditional: frozenset[str]  # characters of the lexicon that t2s conversion changes
    pair_keys: np.ndarray  # every character pair inside a lexicon word, as sorted integer keys
    # A lexicon word of 2-4 characters with frequency >= WORD_MIN_FREQ, with one character taken
    # out ("\0" in its place) -> the characters that fill the gap: which candidates make a word
    # with a given context is one look-up per context string, not one per candidate.
    masked: Mapping[str, str]


# The least lexicon count of a candidate's intended character: OCR and typing slips replace
# common characters, and rows keep only those (a third of the pairs: a smaller cache, less to
# decode per character met).
MIN_INTENDED_FREQ = 1000
# The least frequency of a word in ``ChannelTables.masked`` (a replacement must make a word at
# least this frequent).
WORD_MIN_FREQ = 50
_MASK = "\0"


def pair_key(cps: np.ndarray) -> np.ndarray:
    """Integer keys of consecutive code-point pairs (a uint32 array of a text)."""
    return (cps[:-1].astype(np.uint64) << np.uint64(21)) | cps[1:].astype(np.uint64)


def code_points(text: str) -> np.ndarray:
    """The text's code points (offsets in the array are offsets in the string)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def cjk_mask(cps: np.ndarray) -> np.ndarray:
    """Which code points are CJK ideographs of the BMP block or extension A (as ``CJK_RUN``)."""
    return ((cps >= 0x4E00) & (cps <= 0x9FFF)) | ((cps >= 0x3400) & (cps <= 0x4DBF))


def pairs_in_words(tables: ChannelTables, cps: np.ndarray, cjk: np.ndarray) -> np.ndarray:
    """For each consecutive pair of the text, whether both are CJK and the pair occurs inside
    some lexicon word (a vectorised set lookup: the per-character hot loop of TYP003)."""
    if len(cps) < 2:
        return np.zeros(0, dtype=bool)
    both = cjk[:-1] & cjk[1:]
    keys = pair_key(cps)[both]
    # Distinct keys in increasing order: fewer searches, each starting where the last ended.
    uniq, inverse = np.unique(keys, return_inverse=True)
    table = tables.pair_keys
    idx = np.searchsorted(table, uniq)
    idx[idx >= len(table)] = 0
    out = np.zeros(len(both), dtype=bool)
    out[both] = (table[idx] == uniq)[inverse]
    return out


_FIELD, _ROW = "\x1f", "\x1e"


def _encode_row(row: list[Candidate]) -> str:
    """A row of candidates as one string: ~800k tuples would take a quarter of a second to
    unpickle at every start-up, while a run decodes only the rows of characters it meets."""
    return _ROW.join(_FIELD.join("" if v is None else repr(v) if isinstance(v, float) else v for v in cand)
                     for cand in row)


def decode_row(encoded: str) -> tuple[Candidate, ...]:
    """The candidates of one observed character, from ``ChannelTables.candidates``."""
    out = []
    for item in encoded.split(_ROW):
        a, ocr, rev, kind, glyph = item.split(_FIELD)
        out.append((a, float(ocr) if ocr else None, float(rev) if rev else None, kind or None, float(glyph)))
    return tuple(out)


def _build(lex: Lexicon, packs: PackStore) -> ChannelTables:
    pairs = frozenset(w[k:k + 2] for w in lex.freqs for k in range(len(w) - 1))
    after: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    for w, f in lex.freqs.items():
        if f >= WORD_MIN_FREQ and 2 <= len(w) <= 4:
            for k in range(len(w) - 1):
                after.setdefault(w[k], set()).add(w[k + 1])
                before.setdefault(w[k + 1], set()).add(w[k])
    ocr = read_ocr_table(packs.lines(OCR_TABLE)) if packs.files(OCR_TABLE) else {}
    reverse: dict[str, dict[str, float]] = {}
    for observed, row in ocr.items():
        for intended, lp in row.items():
            reverse.setdefault(intended, {})[observed] = lp
    conf = confusions(packs)
    glyph = glyph_confusions(packs)
    observed = set(ocr) | set(reverse) | set(conf.table) | set(glyph)
    cands: dict[str, str] = {}
    char_freqs = lex.char_freqs
    for c in observed:
        o, r, k, g = ocr.get(c, {}), reverse.get(c, {}), conf.of(c), glyph.get(c, {})
        row = [(a, o.get(a), r.get(a), k.get(a), g.get(a, 0.0))
               for a in set(o) | set(r) | set(k) | set(g) if a != c and char_freqs.get(a, 0) >= MIN_INTENDED_FREQ]
        if row:
            cands[c] = _encode_row(sorted(row))
    chars = "".join(c for c in lex.char_freqs if len(c) == 1)
    simp = to_simplified(chars)
    trad = frozenset(a for a, b in zip(chars, simp) if a != b) if len(simp) == len(chars) else frozenset()
    masked: dict[str, str] = {}
    for w, f in lex.freqs.items():
        if f >= WORD_MIN_FREQ and 2 <= len(w) <= 4:
            for k in range(len(w)):
                key = w[:k] + _MASK + w[k + 1:]
                masked[key] = masked.get(key, "") + w[k]
    keys = np.unique(np.array([(ord(p[0]) << 21) | ord(p[1]) for p in pairs], dtype=np.uint64))
    return ChannelTables({k: "".join(sorted(v)) for k, v in after.items()},
                         {k: "".join(sorted(v)) for k, v in before.items()}, cands, trad, keys, masked)


def _inputs(packs: PackStore) -> list:
    rel = ("typ/homophones.txt", "typ/shape_similar.txt", "typ/shape_ocr.txt", "typ/shape_extra.txt",
           "typ/shape_contains.txt", "typ/shape_glyph.txt", OCR_TABLE)
    return [p for r in rel for p in packs.files(r)]


_TABLES: dict[tuple, ChannelTables] = {}
_FITS: dict[tuple, WordFit] = {}
_FIT_FORMAT = "4"  # bumped whenever WordFit changes shape


def channel_tables(lex: Lexicon, packs: PackStore, lexicon_key: str) -> ChannelTables:
    """The compiled tables for a lexicon (identified by ``lexicon_key``) and pack folders."""
    key = (packs.dirs, lexicon_key)
    got = _TABLES.get(key)
    if got is None:
        got = compiled("typ-channel", _inputs(packs), lambda: _build(lex, packs), extra=f"{_FORMAT}|{lexicon_key}")
        _TABLES[key] = got
    return got


def word_fit(tables: ChannelTables, lex: Lexicon, packs: PackStore, lexicon_key: str) -> WordFit:
    """TYP003's pre-filter keys, from the same candidates and words as ``tables``: compiled
    apart, read by memory map on first use (a run that meets no suspect never reads them)."""
    key = (packs.dirs, lexicon_key)
    got = _FITS.get(key)
    if got is None:
        def build() -> np.ndarray:
            words = [w for w, f in lex.freqs.items() if f >= WORD_MIN_FREQ and 2 <= len(w) <= 4]
            intended = {c: [item.split(_FIELD, 1)[0] for item in enc.split(_ROW)]
                        for c, enc in tables.candidates.items()}
            return build_keys(words, intended)
        packed = compiled_array("typ-word-fit", _inputs(packs), build,
                                extra=f"{_FIT_FORMAT}|{_FORMAT}|{WORD_MIN_FREQ}|{MIN_INTENDED_FREQ}|{lexicon_key}")
        got = _FITS[key] = WordFit.unpack(packed)
    return got


def _fill(masked: Mapping[str, str], key: str, fit: Mapping[str, object]) -> list[str]:
    """The candidates in ``fit`` that fill the gap of ``key`` into a word of ``masked``."""
    xs = masked.get(key)
    if not xs:
        return []
    if len(xs) <= len(fit):
        return [x for x in xs if x in fit]
    return [x for x in fit if x in xs]


def words_through(tables: ChannelTables, freqs: Mapping[str, int], i: int, lefts: list[str], rights: list[str],
                  fit_left: Mapping[str, object], fit_right: Mapping[str, object], min_freq: int,
                  max_word: int) -> dict[str, tuple[int, str, int, int]]:
    """For each candidate ``alt`` of the character at run offset ``i``: the most frequent lexicon
    word (frequency >= ``min_freq``) that the replacement makes with 1-3 characters before it
    (``lefts``), after it (``rights``) or both (at most ``max_word`` characters), as (frequency,
    word, start, end); the first such word wins a tie, in the order left spans, right spans,
    spans on both sides.

    ``fit_left``/``fit_right`` hold the candidates that pair with the left/right neighbour
    inside some word (a word through the replacement holds that pair). Each context string is
    one look-up in ``tables.masked``, whatever the number of candidates."""
    if min_freq < WORD_MIN_FREQ or max_word > 4:
        raise ValueError("ChannelTables.masked holds words of 2-4 characters with frequency >= WORD_MIN_FREQ")
    masked = tables.masked
    best: dict[str, tuple[int, str, int, int]] = {}

    def take(alt: str, a: str, b: str) -> None:
        w = a + alt + b
        f = freqs[w]
        old = best.get(alt)
        if f >= min_freq and (old is None or f > old[0]):
            best[alt] = (f, w, i - len(a), i + 1 + len(b))

    if fit_left:
        for a in lefts:
            for alt in _fill(masked, a + _MASK, fit_left):
                take(alt, a, "")
    if fit_right:
        for b in rights:
            for alt in _fill(masked, _MASK + b, fit_right):
                take(alt, "", b)
        if fit_left:
            for a in lefts:
                for b in rights:
                    if len(a) + len(b) >= max_word:
                        continue
                    for alt in _fill(masked, a + _MASK + b, fit_left):
                        if alt in fit_right:
                            take(alt, a, b)
    return best
