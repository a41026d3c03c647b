"""Near-duplicate paragraphs and documents over a set of entries: LSH candidates, exact checks.

One computation per run (``analyses.duplicates``), shared by DUP (which reports it) and by the
version groups VER, TYP and CHR read:

1. every document's paragraphs were folded and signed once, in the streaming pass
   (``signatures.sign_many``): lengths, 64-bit hashes of the folded text and LSH band keys —
   no text is kept;
2. identical folded paragraphs are grouped by their hash (exact duplicates): one
   representative per distinct text;
3. the representatives' band keys are joined by sorting (``lsh.candidate_pairs``); each
   candidate pair is verified with the exact Jaccard of the two shingle sets, for which the two
   documents' folded paragraphs are re-read (``TextCache``), and only verified pairs are kept
   (``PairHit``: estimated and exact similarity);
4. documents that share at least two verified paragraphs are aligned paragraph by paragraph
   (``matching.align``) — unless the text those shared paragraphs hold cannot reach
   ``document_threshold`` of either document even with ``BOUND_SLACK`` more, the cheap bound
   that keeps a corpus with shared boilerplate from aligning every pair of its documents;
   near-identical texts in many documents (a report template) are one group (``clusters``):
   verified against its head only, and no evidence of versions, as boilerplate is not;
5. whole-text band keys find versions whose paragraphs do not line up (re-wrapped text).

The "original" of any group of duplicates is the first document in path order
(``Entry.order``: the path relative to the corpus root, then the JSONL line), and within a
document the first paragraph.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np

from ..core.document import Document
from .clusters import Clusters, collapse, template_clusters, templated_entries, verified_templates
from .lsh import banding, buckets, candidate_pairs, spanning_pairs
from .matching import PARA_THRESHOLD, align
from .results import DocMatch, Entry, PairHit
from .signatures import Banding, DocText, SignatureParams, estimated_jaccard, jaccard, minhash_matrix

SHINGLE = 5
NUM_PERM = 128
MIN_CHARS = 10  # folded paragraphs shorter than this take no part in near-duplicate matching
DOC_SHARE = 0.5  # share of folded text in matched paragraphs that makes documents versions
# A paragraph repeated in more documents than this is boilerplate: it is still reported, but it
# is no evidence that two documents are versions of one article.
BOILERPLATE_DOCS = 50
# Alignment can match more than the verified shared paragraphs (a paragraph broken over lines,
# a pair the LSH missed): a pair is aligned when its shared text comes within this much of the
# document threshold.
BOUND_SLACK = 0.2
# Whole-text matching (re-wrapped versions): LSH threshold on the whole text's shingles, the
# exact Jaccard or containment that verifies a pair, and the smallest text it applies to.
WHOLE_LSH = 0.4
WHOLE_JACCARD = 0.6
WHOLE_CONTAINED = 0.85
WHOLE_MIN_SHINGLES = 100
TEXT_CACHE = 256  # documents whose folded text stays loaded during the corpus phase


@dataclass(frozen=True)
class Settings:
    params: SignatureParams = SignatureParams(SHINGLE, NUM_PERM, MIN_CHARS)
    lsh_threshold: float = PARA_THRESHOLD  # verified pairs are kept down to this exact Jaccard
    # The LSH is tuned this much below ``lsh_threshold``: its S-curve misses about half of the
    # pairs right at its threshold, and exact verification removes the extra candidates.
    lsh_margin: float = 0.1
    document_threshold: float = DOC_SHARE
    min_shared: int = 2  # verified paragraphs two documents must share to be aligned

    def banding(self, extra_threshold: float | None = None) -> Banding:
        num_perm = self.params.num_perm
        extra = banding(max(0.05, extra_threshold - self.lsh_margin), num_perm) if extra_threshold else None
        return Banding(banding(max(0.05, self.lsh_threshold - self.lsh_margin), num_perm),
                       banding(WHOLE_LSH, num_perm), WHOLE_MIN_SHINGLES, extra)

    @classmethod
    def from_options(cls, shingle_size: int = SHINGLE, num_perm: int = NUM_PERM,
                     floor: float = PARA_THRESHOLD, document_threshold: float = DOC_SHARE) -> Settings:
        return cls(SignatureParams(shingle_size, num_perm, MIN_CHARS), lsh_threshold=min(PARA_THRESHOLD, floor),
                   document_threshold=document_threshold)


class TextCache:
    """Folded paragraphs of entries, re-read on demand and kept for the last ``size`` entries."""

    def __init__(self, fold: Callable[[Document], list[str]], size: int = TEXT_CACHE) -> None:
        self.fold = fold
        self.size = size
        self._items: OrderedDict[object, DocText] = OrderedDict()

    def get(self, entry: Entry) -> DocText:
        key = entry.key if entry.key is not None else (entry.path, entry.record, entry.order)
        got = self._items.get(key)
        if got is not None:
            self._items.move_to_end(key)
            return got
        if entry.folded is not None:
            folded = entry.folded
        elif entry.folded_loader is not None:
            folded = entry.folded_loader()
        else:
            doc = entry.doc
            assert doc is not None
            folded = self.fold(doc)
        got = self._items[key] = DocText(folded, entry.sig.params)
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return got


@dataclass(eq=False)
class Duplicates:
    """Everything duplicate detection found, for the run's documents.

    Paragraph texts: each distinct folded text of a signed paragraph is one representative
    (``rid``), numbered in order of first occurrence. Per signed paragraph, in entry then
    paragraph order, ``flat_entry``/``flat_para`` say where it is and ``rep`` its text."""

    settings: Settings
    entries: list[Entry]
    flat_entry: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    flat_para: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    rep: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    entry_start: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    near: dict[int, list[PairHit]] = field(default_factory=dict)
    documents: list[DocMatch] = field(default_factory=list)
    clusters: Clusters | None = None  # template clusters of the paragraph texts (``clusters``)
    _members: np.ndarray | None = field(default=None, repr=False)  # flat indices sorted by rep
    _member_start: np.ndarray | None = field(default=None, repr=False)
    _partners: dict[int, list[DocMatch]] | None = field(default=None, repr=False)

    def rep_of(self, entry: int, para: int) -> int:
        row = self.entries[entry].sig.row(para)
        assert row is not None, "only signed paragraphs have a representative"
        return int(self.rep[self.entry_start[entry] + row])

    def _index(self) -> tuple[np.ndarray, np.ndarray]:
        if self._members is None:
            self._members = np.argsort(self.rep, kind="stable")
            self._member_start = np.searchsorted(self.rep[self._members],
                                                 np.arange(self.rep_count + 1))
        assert self._member_start is not None
        return self._members, self._member_start

    @property
    def rep_count(self) -> int:
        return int(self.rep.max()) + 1 if len(self.rep) else 0

    def member_rows(self, rid: int) -> np.ndarray:
        """Flat indices (``flat_entry``/``flat_para``) of every copy of text ``rid``, ascending:
        in entry then paragraph order."""
        order, start = self._index()
        return order[start[rid]:start[rid + 1]]

    def members(self, rid: int) -> list[tuple[int, int]]:
        """(entry, paragraph) of every copy of text ``rid``, in entry then paragraph order."""
        order, start = self._index()
        idx = order[start[rid]:start[rid + 1]]
        return list(zip(self.flat_entry[idx].tolist(), self.flat_para[idx].tolist()))

    def copies(self) -> np.ndarray:
        """Number of copies of every text."""
        return np.bincount(self.rep, minlength=self.rep_count)

    def paragraphs_in(self, rid: int, entry: int) -> list[int]:
        return [p for e, p in self.members(rid) if e == entry]

    def shared(self) -> Iterator[tuple[int, list[int]]]:
        """(entry, its signed paragraphs) for every entry holding a text that has another copy
        or a near-duplicate — the only paragraphs the DUP rules can report — in entry order."""
        interesting = self.copies() > 1
        if self.near:
            interesting[np.fromiter(self.near, dtype=np.int64)] = True
        hit = np.flatnonzero(interesting[self.rep])
        entries, paras = self.flat_entry[hit], self.flat_para[hit]
        bounds = np.flatnonzero(np.diff(entries)) + 1
        for chunk_e, chunk_p in zip(np.split(entries, bounds), np.split(paras, bounds)):
            if len(chunk_e):
                yield int(chunk_e[0]), chunk_p.tolist()

    def doc_partners(self, entry: Entry) -> list[DocMatch]:
        if self._partners is None:
            self._partners = defaultdict(list)
            for m in self.documents:
                self._partners[m.a.index].append(m)
                self._partners[m.b.index].append(m)
        return self._partners.get(entry.index, [])


def find_duplicates(entries: list[Entry], settings: Settings, texts: TextCache,
                    relevant: Iterable[Entry] | None = None) -> Duplicates:
    """Group identical paragraphs, find and verify near-duplicate ones, and align documents that
    share paragraphs. With ``relevant`` (entries), only pairs involving one of those entries are
    verified and aligned (the others are context from the persisted index)."""
    entries = sorted(entries, key=lambda e: e.order)
    for i, e in enumerate(entries):
        e.index = i
    counts = np.array([len(e.sig.signed) for e in entries], dtype=np.int64)
    entry_start = np.zeros(len(entries) + 1, dtype=np.int64)
    np.cumsum(counts, out=entry_start[1:])
    dup = Duplicates(settings, entries, entry_start=entry_start)
    if not entries or entry_start[-1] == 0:
        dup.documents = _whole_text_matches(dup, None if relevant is None else {e.index for e in relevant}, texts)
        return dup
    dup.flat_entry = np.repeat(np.arange(len(entries), dtype=np.int64), counts)
    dup.flat_para = np.concatenate([e.sig.signed for e in entries]).astype(np.int64)
    hashes = np.concatenate([e.sig.hashes[e.sig.signed] for e in entries])
    _, first, inverse = np.unique(hashes, return_index=True, return_inverse=True)
    by_first = np.argsort(first, kind="stable")
    rank = np.empty_like(by_first)
    rank[by_first] = np.arange(len(by_first))
    dup.rep = rank[inverse.ravel()]
    rep_first = first[by_first]  # flat index of each text's first copy
    want = None if relevant is None else {e.index for e in relevant}
    # Band keys of each text's first copy only, gathered entry by entry (one array, no full copy).
    owner = dup.flat_entry[rep_first]
    local = rep_first - entry_start[owner]
    cuts = np.flatnonzero(np.diff(owner)) + 1
    bands = np.concatenate([entries[int(o[0])].sig.bands[ix] for o, ix in
                            zip(np.split(owner, cuts), np.split(local, cuts))])
    runs = buckets(bands)
    dup.clusters = template_clusters(spanning_pairs(runs, len(bands)), dup.rep, dup.flat_entry,
                                     len(rep_first), BOILERPLATE_DOCS, runs)
    skip = dup.clusters.collapsed if dup.clusters.any_collapsed else None
    pairs = collapse(candidate_pairs(bands, skip, runs), dup.clusters, dup.rep, dup.flat_entry, bands)
    del runs, bands  # a sort order per band over every text: not kept through the verification
    if want is not None and len(pairs):
        wanted = np.zeros(len(entries), dtype=bool)
        wanted[list(want)] = True
        rep_wanted = np.zeros(len(rep_first), dtype=bool)
        np.logical_or.at(rep_wanted, dup.rep, wanted[dup.flat_entry])
        pairs = pairs[rep_wanted[pairs[:, 0]] | rep_wanted[pairs[:, 1]]]
    _verify(dup, pairs, rep_first, texts)
    dup.clusters = verified_templates(dup.clusters, dup.near, dup.rep, dup.flat_entry, BOILERPLATE_DOCS)
    dup.documents = _document_matches(dup, want, texts)
    dup.documents += _whole_text_matches(dup, want, texts)
    return dup


def _verify(dup: Duplicates, pairs: np.ndarray, rep_first: np.ndarray, texts: TextCache) -> None:
    """Keep the candidate pairs whose exact shingle Jaccard reaches the threshold."""
    if not len(pairs):
        return
    needed = np.unique(pairs.ravel())
    where = {int(r): (int(dup.flat_entry[rep_first[r]]), int(dup.flat_para[rep_first[r]])) for r in needed}
    by_entry: dict[int, list[int]] = defaultdict(list)
    for r, (e, p) in where.items():
        by_entry[e].append(p)
    sets: dict[int, np.ndarray] = {}
    for e, paras in sorted(by_entry.items()):
        t = texts.get(dup.entries[e])
        t.preload(paras)
        for p in paras:
            sets[_key(e, p)] = t.shingles(p)
    floor = dup.settings.lsh_threshold
    kept: list[tuple[int, int, float]] = []
    for x, y in pairs.tolist():
        exact = jaccard(sets[_key(*where[x])], sets[_key(*where[y])])
        if exact >= floor:  # an LSH candidate that the exact check rejects is never reported
            kept.append((x, y, exact))
    # The estimate each finding quotes, from the shingle sets at hand (the minimum over a set is
    # the minimum over the paragraph's shingles): no paragraph is read twice.
    reps = sorted({r for x, y, _ in kept for r in (x, y)})
    row = {r: i for i, r in enumerate(reps)}
    chosen = [sets[_key(*where[r])] for r in reps]
    offsets = np.zeros(len(chosen) + 1, dtype=np.int64)
    np.cumsum([len(c) for c in chosen], out=offsets[1:])
    params = dup.settings.params
    mh = minhash_matrix(np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.uint64), offsets,
                        params.num_perm, params.seed)
    near: dict[int, list[PairHit]] = defaultdict(list)
    for x, y, exact in kept:
        est = estimated_jaccard(mh[row[x]], mh[row[y]])
        near[x].append(PairHit(y, est, exact))
        near[y].append(PairHit(x, est, exact))
    for hits in near.values():
        hits.sort(key=lambda h: h.other)
    dup.near = dict(near)


def _key(entry: int, para: int) -> int:
    return entry << 24 | para


def _document_matches(dup: Duplicates, want: set[int] | None, texts: TextCache) -> list[DocMatch]:
    """Align the document pairs sharing ``min_shared`` verified paragraphs whose shared text can
    reach the document threshold."""
    order, start = dup._index()
    rep_len = np.zeros(dup.rep_count, dtype=np.int64)
    if len(dup.rep):
        lengths = np.concatenate([e.sig.lengths[e.sig.signed] for e in dup.entries]).astype(np.int64)
        rep_len[dup.rep] = lengths
    copies = np.diff(start)
    template = dup.clusters.template if dup.clusters is not None else np.zeros(dup.rep_count, dtype=bool)
    docs_cache: dict[int, list[int]] = {}

    def docs_of(rid: int) -> list[int]:
        got = docs_cache.get(rid)
        if got is None:
            got = docs_cache[rid] = sorted(set(dup.flat_entry[order[start[rid]:start[rid + 1]]].tolist()))
        return got

    # Every (x, y) incidence of a shared text, x < y, with x's and y's characters in it; summed
    # per pair below by sorting (np.unique), so boilerplate in k documents costs k² array cells,
    # not k² dictionary updates.
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    chars_x: list[np.ndarray] = []
    chars_y: list[np.ndarray] = []
    for rid in np.flatnonzero(copies > 1).tolist():
        ds = docs_of(rid)
        k = len(ds)
        if k > BOILERPLATE_DOCS or k < 2 or template[rid]:
            continue
        i, j = _pairs_of(k)
        arr = np.asarray(ds, dtype=np.int64)
        xs.append(arr[i])
        ys.append(arr[j])
        n = np.full(len(i), rep_len[rid], dtype=np.int64)
        chars_x.append(n)
        chars_y.append(n)
    px: list[int] = []
    py: list[int] = []
    cx: list[int] = []
    cy: list[int] = []
    for rid, hits in dup.near.items():
        ds = docs_of(rid)
        if len(ds) > BOILERPLATE_DOCS or template[rid]:
            continue
        for hit in hits:
            if hit.other < rid:
                continue
            other_docs = docs_of(hit.other)
            if len(other_docs) > BOILERPLATE_DOCS:
                continue
            n_mine, n_other = int(rep_len[rid]), int(rep_len[hit.other])
            for x in ds:
                for y in other_docs:
                    if x < y:
                        px.append(x), py.append(y), cx.append(n_mine), cy.append(n_other)
                    elif y < x:
                        px.append(y), py.append(x), cx.append(n_other), cy.append(n_mine)
    if px:
        for got, more in ((xs, px), (ys, py), (chars_x, cx), (chars_y, cy)):
            got.append(np.asarray(more, dtype=np.int64))
    out: list[DocMatch] = []
    if not xs:
        return out
    width = max(1, len(dup.entries))
    keys, inverse = np.unique(np.concatenate(xs) * width + np.concatenate(ys), return_inverse=True)
    count = np.bincount(inverse)
    sum_x = np.bincount(inverse, weights=np.concatenate(chars_x))
    sum_y = np.bincount(inverse, weights=np.concatenate(chars_y))
    totals = np.maximum(1, np.array([int(e.sig.lengths[e.sig.signed].sum()) for e in dup.entries],
                                    dtype=np.int64))
    reach = dup.settings.document_threshold - BOUND_SLACK
    pair_x, pair_y = keys // width, keys % width
    keep = (count >= dup.settings.min_shared) & \
        (np.maximum(sum_x / totals[pair_x], sum_y / totals[pair_y]) >= reach)
    for x, y in zip(pair_x[keep].tolist(), pair_y[keep].tolist()):
        if want is not None and x not in want and y not in want:
            continue
        m = align_entries(dup.entries[x], dup.entries[y], texts)
        if m.matches and len(m.matches) >= dup.settings.min_shared and \
                max(m.text_share_a, m.text_share_b) >= dup.settings.document_threshold:
            out.append(m)
    return out


@lru_cache(maxsize=BOILERPLATE_DOCS + 1)
def _pairs_of(k: int) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of ``k`` items."""
    return np.triu_indices(k, 1)


def align_entries(ea: Entry, eb: Entry, texts: TextCache, whole_text: bool = False) -> DocMatch:
    ta, tb = texts.get(ea), texts.get(eb)
    got = align(ta, ea.sig.signed.tolist(), tb, eb.sig.signed.tolist())
    return DocMatch(ea, eb, got.matches, got.share_a, got.share_b, got.text_share_a, got.text_share_b,
                    whole_text)


def _whole_text_matches(dup: Duplicates, want: set[int] | None, texts: TextCache) -> list[DocMatch]:
    """Versions whose texts match as a whole while their paragraphs do not: one version
    hard-wrapped into a narrow newspaper column, or re-paragraphed. Each document's whole
    folded text (line breaks erased) has one MinHash; band-key candidates are verified with the
    exact Jaccard, or the containment of the smaller text in the larger."""
    entries = dup.entries
    have = [e.index for e in entries if e.sig.whole is not None]
    if len(have) < 2:
        return []
    keys = np.stack([entries[i].sig.whole for i in have])  # type: ignore[misc]
    known = {(m.a.index, m.b.index) for m in dup.documents} | {(m.b.index, m.a.index) for m in dup.documents}
    sets: dict[int, np.ndarray] = {}

    def whole_set(i: int) -> np.ndarray:
        got = sets.get(i)
        if got is None:
            got = sets[i] = texts.get(entries[i]).whole_set()
        return got

    templated = _templated_entries(dup)
    out: list[DocMatch] = []
    for px, py in candidate_pairs(keys).tolist():
        x, y = have[px], have[py]
        if (x, y) in known or (want is not None and x not in want and y not in want):
            continue
        if templated[x] and templated[y]:
            continue  # alike through their template, which the paragraph path judged
        sx, sy = whole_set(x), whole_set(y)
        inter = int(np.intersect1d(sx, sy, assume_unique=True).size)
        nx, ny = len(sx), len(sy)
        if inter / (nx + ny - inter) < WHOLE_JACCARD and inter / min(nx, ny) < WHOLE_CONTAINED:
            continue
        m = align_entries(entries[x], entries[y], texts, whole_text=True)
        out.append(DocMatch(m.a, m.b, m.matches, m.share_a, m.share_b, inter / nx, inter / ny, whole_text=True))
    return out


def _templated_entries(dup: Duplicates) -> np.ndarray:
    if dup.clusters is None or not dup.clusters.any:
        return np.zeros(len(dup.entries), dtype=bool)
    lengths = np.concatenate([e.sig.lengths[e.sig.signed] for e in dup.entries])
    return templated_entries(dup.clusters, dup.rep, dup.flat_entry, lengths, len(dup.entries),
                             dup.settings.document_threshold)


def settings_from_options(options: Sequence[tuple[str, Mapping[str, Any]]]) -> Settings:
    """Settings from the options of the rules that read duplicates, as (role, options) in rule
    order: the signature options (``shingle_size``, ``num_perm``) of the first rule that sets
    them, a ``paragraph`` rule's threshold below the alignment threshold lowers the
    verification floor, and the ``document`` rule's threshold is the document threshold."""
    n, perm, floor, doc = SHINGLE, NUM_PERM, PARA_THRESHOLD, DOC_SHARE
    for _, o in reversed(options):
        n = int(o.get("shingle_size", n))
        perm = int(o.get("num_perm", perm))
    for role, o in options:
        if "threshold" not in o:
            continue
        if role == "document":
            doc = float(o["threshold"])
        else:
            floor = min(floor, float(o["threshold"]))
    return Settings.from_options(n, perm, floor, doc)
