"""Character-level alignment between two versions of one article, with offsets back into the text.

Versions of an article differ in ways that defeat a line or paragraph diff: the newspaper wraps
lines mid-sentence, pastes captions inside sentences, uses other punctuation widths, adds or drops
paragraphs. So each document is reduced to one *stream*: the compared characters of all its
paragraphs in order (NFKC, traditional -> simplified, lower case, letters and digits, plus ``.``
and ``%`` inside figures so that ``1.5`` and ``15`` stay different), each with its offset in
``Document.text``. Line breaks, blank padding and punctuation vanish from the stream, which makes
re-wrapping and punctuation edits invisible.

Two streams are aligned by a patience-style diff: k-grams that occur exactly once in each stream
are anchors, the longest increasing chain of anchors gives the matching blocks, and the gaps
between them are aligned recursively (smaller k, then ``difflib`` once a gap is small). This is
linear in practice, tolerates inserted captions and repeated blocks, and needs no paragraph
pairing; a second article in one file just becomes one long insertion.

The result, an ``Alignment``, lists matching blocks and the *edits* between them (clusters of
differing characters), and maps a range of one stream to the other. It is computed once per
version pair and cached on the corpus's per-document features (``DocFeatures.extra``), where VER
and TYP's version rule both read it.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Sequence

from ..core.document import Document
from ..text import nfkc
from .normalize import simplified_aligned_many

# Where a document's features keep its stream and its alignments (read by corpus.prealign too).
STREAM_KEY, PAIRS_KEY = "align.stream", "align.pairs"

if TYPE_CHECKING:
    from .model import Corpus
    from .versions import VersionPair

# Gaps smaller than this (product of the two lengths) go to difflib; larger ones are split on
# anchors first.
_DIFFLIB_CELLS = 200_000
_FIRST_K = 12
_MIN_K = 4
# Two differing runs separated by at most this many equal characters form one edit
# (``辐射射材`` / ``溅射靶材`` is one edit, not two).
MERGE_GAP = 2
MERGE_MAX = 3  # only edits this small are merged (a pasted caption stays apart from a figure)


@dataclass(frozen=True, slots=True)
class Stream:
    """The compared characters of a document, each with its offset in ``doc.text``."""

    doc: Document
    text: str
    offsets: Sequence[int]  # an array of ints: compact for long documents
    # breaks[i]: punctuation or a paragraph break precedes character i (a sentence/clause limit
    # for word look-ups; not a limit for alignment).
    breaks: Sequence[bool]

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """Offsets in ``doc.text`` covering stream characters ``lo:hi`` (``lo < hi``)."""
        return self.offsets[lo], self.offsets[hi - 1] + 1

    def range_of(self, start: int, end: int) -> tuple[int, int]:
        """Stream positions of the characters inside ``doc.text[start:end]``."""
        return bisect.bisect_left(self.offsets, start), bisect.bisect_left(self.offsets, end)

    def clause(self, i: int) -> tuple[int, int]:
        """The clause (stream range between breaks) containing position ``i``."""
        lo = i
        while lo > 0 and not self.breaks[lo]:
            lo -= 1
        hi = i + 1
        n = len(self.text)
        while hi < n and not self.breaks[hi]:
            hi += 1
        return lo, hi


_KEEP_IN_FIGURES = {".", "%"}


# runs of characters ``str.isalnum`` accepts: ``re``'s \w is isalnum or "_"
_ALNUM_RUN = re.compile(r"[^\W_]+")


def build_stream(doc: Document) -> Stream:
    chars: list[str] = []
    offsets: list[int] = []
    breaks: list[bool] = []
    paras = doc.paragraphs
    for para, simple in zip(paras, simplified_aligned_many([p.text for p in paras])):
        # NFKC per character keeps the offsets exact; the whole line at once is much faster and
        # equivalent whenever it keeps the length (no "㈠" -> "(一)" expansion)
        whole = nfkc(simple).lower()
        if len(whole) == len(simple):
            _add_line(whole, simple, para.start, chars, offsets, breaks)
            continue
        pieces = [unicodedata.normalize("NFKC", ch).lower() for ch in simple]
        pending_break = True
        start = para.start
        n = len(simple)
        for i, piece in enumerate(pieces):
            for c in piece:
                if c.isalnum():
                    pass
                elif c in _KEEP_IN_FIGURES and chars and chars[-1].isdigit() and not pending_break:
                    # "1.5" / "75%": keep the decimal point and the percent sign of a figure
                    if c == "." and not (i + 1 < n and unicodedata.normalize("NFKC", simple[i + 1]).isdigit()):
                        pending_break = True
                        continue
                else:
                    if not c.isspace():
                        pending_break = True
                    continue
                chars.append(c)
                offsets.append(start + i)
                breaks.append(pending_break)
                pending_break = False
    return Stream(doc, "".join(chars), array("q", offsets), bytes(breaks))


def _add_line(whole: str, simple: str, start: int, chars: list[str], offsets: list[int],
              breaks: list[bool]) -> None:
    """``build_stream``'s loop for a line whose normal form keeps its length (one character
    for each): runs of letters and digits are taken whole, the characters between them one by
    one (spaces, punctuation, the ``.`` and ``%`` of figures)."""
    pending_break = True
    n = len(simple)
    pos = 0
    runs = [m.span() for m in _ALNUM_RUN.finditer(whole)]
    runs.append((n, n))
    for lo, hi in runs:
        for i in range(pos, lo):
            c = whole[i]
            if c in _KEEP_IN_FIGURES and chars and chars[-1].isdigit() and not pending_break:
                # "1.5" / "75%": keep the decimal point and the percent sign of a figure
                if c == "." and not (i + 1 < n and unicodedata.normalize("NFKC", simple[i + 1]).isdigit()):
                    pending_break = True
                    continue
                chars.append(c)
                offsets.append(start + i)
                breaks.append(False)
            elif not c.isspace():
                pending_break = True
        if hi > lo:
            chars.extend(whole[lo:hi])
            offsets.extend(range(start + lo, start + hi))
            breaks.append(pending_break)
            breaks.extend([False] * (hi - lo - 1))
            pending_break = False
        pos = hi


def stream_of(corpus: Corpus, doc: Document) -> Stream:
    feats = corpus.features(doc)
    s = feats.extra.get(STREAM_KEY)
    if s is None:
        s = build_stream(doc)
        feats.extra[STREAM_KEY] = s
    return s


@dataclass(frozen=True, slots=True)
class Edit:
    """A cluster of differing characters: ``a[a_lo:a_hi]`` became ``b[b_lo:b_hi]`` (stream
    positions; one side may be empty). ``inner`` is True when equal text surrounds the edit on
    both sides (it is not at the start or end of the aligned part)."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int
    inner: bool


@dataclass(frozen=True)
class Alignment:
    a: Stream
    b: Stream
    blocks: tuple[tuple[int, int, int], ...]  # (a_pos, b_pos, size), increasing, non-overlapping
    edits: tuple[Edit, ...]

    @cached_property
    def _a_starts(self) -> list[int]:
        return [blk[0] for blk in self.blocks]

    @cached_property
    def _b_starts(self) -> list[int]:
        return [blk[1] for blk in self.blocks]

    def map_range(self, lo: int, hi: int, *, reverse: bool = False) -> tuple[int, int, bool]:
        """The range of the other stream aligned with ``lo:hi`` of this one (``a`` -> ``b``, or
        ``b`` -> ``a`` with ``reverse``), and whether the two are identical (inside one block)."""
        ai, bi = (1, 0) if reverse else (0, 1)
        blocks = self.blocks
        starts = self._b_starts if reverse else self._a_starts
        other_len = len((self.a if reverse else self.b).text)
        # the character at lo: inside block k, or in the gap after it
        k = bisect.bisect_right(starts, lo) - 1
        if k >= 0 and lo < blocks[k][ai] + blocks[k][2]:
            other_lo = blocks[k][bi] + lo - blocks[k][ai]
        else:
            other_lo = blocks[k][bi] + blocks[k][2] if k >= 0 else 0
        m = bisect.bisect_right(starts, hi - 1) - 1
        if m >= 0 and hi - 1 < blocks[m][ai] + blocks[m][2]:
            other_hi = blocks[m][bi] + hi - blocks[m][ai]
        else:
            other_hi = blocks[m + 1][bi] if m + 1 < len(blocks) else other_len
        same = k == m and k >= 0 and hi <= blocks[k][ai] + blocks[k][2] and lo >= blocks[k][ai]
        return other_lo, max(other_lo, other_hi), same


def _unique_positions(s: str, lo: int, hi: int, k: int) -> dict[str, int]:
    """The k-grams of ``s[lo:hi]`` that occur there once, with their position (counted and
    indexed by C loops: ``Counter`` and ``dict`` over the list of k-grams)."""
    grams = [s[i:i + k] for i in range(lo, hi - k + 1)]
    counts = Counter(grams)
    at = dict(zip(grams, range(lo, hi - k + 1)))  # the last position: a unique k-gram's only one
    return {g: i for g, i in at.items() if counts[g] == 1}


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain increasing in both coordinates (pairs sorted by the first)."""
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_idx.append(n)
        else:
            tails[k] = j
            tail_idx[k] = n
        prev[n] = tail_idx[k - 1] if k > 0 else -1
    out = []
    n = tail_idx[-1] if tail_idx else -1
    while n >= 0:
        out.append(pairs[n])
        n = prev[n]
    return out[::-1]


def _match(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int, k: int,
           out: list[tuple[int, int, int]]) -> None:
    if alo >= ahi or blo >= bhi:
        return
    if (ahi - alo) * (bhi - blo) <= _DIFFLIB_CELLS:
        sm = difflib.SequenceMatcher(None, a[alo:ahi], b[blo:bhi], autojunk=False)
        for i, j, size in sm.get_matching_blocks():
            if size:
                out.append((alo + i, blo + j, size))
        return
    while k >= _MIN_K:
        ua = _unique_positions(a, alo, ahi, k)
        ub = _unique_positions(b, blo, bhi, k)
        anchors = sorted((i, ub[g]) for g, i in ua.items() if g in ub)
        if anchors:
            break
        k //= 2
    else:
        return  # nothing in common that can anchor: leave the gap unaligned
    chain = _lis(anchors)
    # merge anchors on one diagonal into blocks, then align the gaps between blocks
    blocks: list[list[int]] = []
    for i, j in chain:
        if blocks:
            bi, bj, bs = blocks[-1]
            if i - bi == j - bj and i <= bi + bs:
                blocks[-1][2] = i + k - bi
                continue
            if i < bi + bs or j < bj + bs:  # overlaps the previous block on one side: skip
                continue
        blocks.append([i, j, k])
    pa, pb = alo, blo
    for bi, bj, bs in blocks:
        # extend the block backwards over equal characters first
        while bi > pa and bj > pb and a[bi - 1] == b[bj - 1]:
            bi, bj, bs = bi - 1, bj - 1, bs + 1
        _match(a, b, pa, bi, pb, bj, max(_MIN_K, k // 2) if (bi - pa) * (bj - pb) > _DIFFLIB_CELLS else k, out)
        while bi + bs < ahi and bj + bs < bhi and a[bi + bs] == b[bj + bs]:
            bs += 1
        out.append((bi, bj, bs))
        pa, pb = bi + bs, bj + bs
    _match(a, b, pa, ahi, pb, bhi, k, out)


def align_streams(a: Stream, b: Stream) -> Alignment:
    raw: list[tuple[int, int, int]] = []
    _match(a.text, b.text, 0, len(a.text), 0, len(b.text), _FIRST_K, raw)
    raw.sort()
    blocks: list[tuple[int, int, int]] = []
    for i, j, s in raw:  # merge adjacent blocks
        if blocks and blocks[-1][0] + blocks[-1][2] == i and blocks[-1][1] + blocks[-1][2] == j:
            pi, pj, ps = blocks[-1]
            blocks[-1] = (pi, pj, ps + s)
        else:
            blocks.append((i, j, s))
    edits: list[list[int]] = []  # [a_lo, a_hi, b_lo, b_hi]
    pa = pb = 0
    for n, (i, j, s) in enumerate(blocks + [(len(a.text), len(b.text), 0)]):
        if i > pa or j > pb:
            small = max(i - pa, j - pb) <= MERGE_MAX and edits and max(
                edits[-1][1] - edits[-1][0], edits[-1][3] - edits[-1][2]) <= MERGE_MAX
            if small and n > 0 and blocks[n - 1][2] <= MERGE_GAP and edits[-1][1] == blocks[n - 1][0]:
                edits[-1][1], edits[-1][3] = i, j  # a short equal run between two edits: merge
            else:
                edits.append([pa, i, pb, j])
        pa, pb = i + s, j + s
    out = []
    for a_lo, a_hi, b_lo, b_hi in edits:
        inner = a_lo > 0 and b_lo > 0 and a_hi < len(a.text) and b_hi < len(b.text)
        out.append(Edit(a_lo, a_hi, b_lo, b_hi, inner))
    return Alignment(a, b, tuple(blocks), tuple(out))


def alignment_of(corpus: Corpus, pair: VersionPair) -> Alignment:
    """The alignment of a version pair (``pair.a`` -> ``pair.b``), computed once per run."""
    cache: dict[int, Alignment] = corpus.features(pair.a).extra.setdefault(PAIRS_KEY, {})
    al = cache.get(id(pair.b))
    if al is None:
        al = align_streams(stream_of(corpus, pair.a), stream_of(corpus, pair.b))
        cache[id(pair.b)] = al
    return al
