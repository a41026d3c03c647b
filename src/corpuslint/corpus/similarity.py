"""Near-duplicate paragraphs and documents over a corpus: MinHash candidates, exact verification.

One computation per run, shared by DUP (which reports it) and by the version groups VER and TYP
compare (``corpus.versions``):

1. every document's paragraphs are folded and signed once (``signatures.py``; cached in
   ``DocFeatures.extra``);
2. identical folded paragraphs are grouped by their text (exact duplicates, found by hashing);
3. one representative of each distinct paragraph goes into a datasketch ``MinHashLSH``; each
   candidate pair it returns is verified with the exact Jaccard of the two shingle sets, and
   only verified pairs are kept (``PairHit``: estimated and exact similarity);
4. documents that share at least two verified paragraphs are aligned paragraph by paragraph
   (``align``), and are near-duplicate documents when the matched paragraphs hold at least
   ``document_threshold`` of the folded text of either one (so a document that contains
   another article plus other material is found, while a shared footer is not enough).

The "original" of any group of duplicates is the first document in path order
(``Entry.order``: the path relative to the corpus root, then the JSONL line), and within a
document the first paragraph.

Documents outside the run (other files under the corpus root) take part through the persisted
index (``index.py``); they appear here as ``Entry`` objects without a ``Document``.
"""

from __future__ import annotations

import bisect
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import numpy as np

from ..core.document import Document
from ..core.findings import Location
from .signatures import DocSignature, SignatureParams, estimated_jaccard, jaccard, sign_folded
from .signatures import shingle_hashes as _shingle_hashes
from .versions import ParagraphMatch, VersionPair

if TYPE_CHECKING:
    from .model import Corpus, DocFeatures

# Defaults; the DUP rules' options override them (see ``Settings.from_config``).
SHINGLE = 5
NUM_PERM = 128
MIN_CHARS = 10  # folded paragraphs shorter than this take no part in near-duplicate matching
PARA_THRESHOLD = 0.5  # exact Jaccard from which two paragraphs are aligned as versions
DOC_SHARE = 0.5  # share of folded text in matched paragraphs that makes documents versions
CONTAINED = 0.8  # share of a broken-off part's shingles that must lie in the whole paragraph
# A paragraph repeated in more documents than this is boilerplate: it is still reported, but it
# is no evidence that two documents are versions of one article.
BOILERPLATE_DOCS = 50
# Whole-text matching (re-wrapped versions): LSH threshold on the whole text's shingles, the
# exact Jaccard or containment that verifies a pair, and the smallest text it applies to.
WHOLE_LSH = 0.4
WHOLE_JACCARD = 0.6
WHOLE_CONTAINED = 0.85
WHOLE_MIN_SHINGLES = 100
DUP_CODES = ("DUP002", "DUP003", "DUP004")


@dataclass(frozen=True)
class Settings:
    params: SignatureParams = SignatureParams(SHINGLE, NUM_PERM, MIN_CHARS)
    lsh_threshold: float = PARA_THRESHOLD  # verified pairs are kept down to this exact Jaccard
    # The LSH is tuned this much below ``lsh_threshold``: its S-curve misses about half of the
    # pairs right at its threshold, and exact verification removes the extra candidates.
    lsh_margin: float = 0.1
    document_threshold: float = DOC_SHARE
    min_shared: int = 2  # verified paragraphs two documents must share to be aligned

    @classmethod
    def from_config(cls, config: Any) -> Settings:
        """Signature options (``shingle-size``, ``num-perm``) of the DUP corpus rules, the first
        of DUP002, DUP003, DUP004 that sets them winning; thresholds lower the verification
        floor when a rule asks for less than the alignment threshold."""
        opts: list[Mapping[str, Any]] = [config.options_for(c) for c in DUP_CODES] if config else []
        n, perm = SHINGLE, NUM_PERM
        for o in reversed(opts):
            n = int(o.get("shingle_size", n))
            perm = int(o.get("num_perm", perm))
        floor = PARA_THRESHOLD
        for o in opts[:2]:
            if "threshold" in o:
                floor = min(floor, float(o["threshold"]))
        doc = float(opts[2].get("threshold", DOC_SHARE)) if len(opts) > 2 else DOC_SHARE
        return cls(SignatureParams(n, perm, MIN_CHARS), lsh_threshold=floor, document_threshold=doc)


# -- documents taking part -----------------------------------------------------------------------
@dataclass(eq=False)
class Entry:
    """A document in duplicate detection: one of the run (``doc`` set) or one known only from
    the persisted index (``spans`` gives each paragraph's line, start, end, column)."""

    id: str
    path: str | None
    record: str | None
    order: tuple
    sig: DocSignature
    doc: Document | None = None
    spans: list[tuple[int, int, int, int]] | None = None
    index: int = -1  # position in ``Duplicates.entries``

    @property
    def in_run(self) -> bool:
        return self.doc is not None

    def line(self, para: int) -> int:
        if self.doc is not None:
            return self.doc.paragraphs[para].line
        assert self.spans is not None
        return self.spans[para][0]

    def location(self, para: int) -> Location:
        if self.doc is not None:
            p = self.doc.paragraphs[para]
            return Location.of(self.doc, p.start, p.end)
        assert self.spans is not None
        line, start, end, col = self.spans[para]
        return Location.in_line(self.path, self.record, start, end, line, col)

    def name(self) -> str:
        return self.id


def order_key(config: Any, doc: Document, position: int) -> tuple:
    rel = config.relpath(doc.path) if (config is not None and doc.path and doc.path != "-") else (doc.path or "")
    return (rel, int(doc.meta.get("jsonl_line", 0) or 0), position)


def signature(feats: DocFeatures, params: SignatureParams) -> DocSignature:
    """The document's signatures, computed once per parameter set and cached on its features."""
    key = f"dup.sig.{params.key}"
    sig = feats.extra.get(key)
    if sig is None:
        sig = sign_folded(feats.folded, params)
        feats.extra[key] = sig
    return sig


# -- verified paragraph pairs ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PairHit:
    other: int  # representative id of the partner paragraph text
    estimated: float  # MinHash estimate
    exact: float  # exact Jaccard of the shingle sets


@dataclass(eq=False)
class DocMatch:
    """Two near-duplicate documents and their paragraph alignment."""

    a: Entry
    b: Entry
    matches: tuple[ParagraphMatch, ...]
    share_a: float
    share_b: float
    text_share_a: float
    text_share_b: float
    # Matched as whole texts (re-wrapped versions): shares are of the whole text's shingles.
    whole_text: bool = False

    def version_pair(self, source: str = "near-duplicate") -> VersionPair:
        assert self.a.doc is not None and self.b.doc is not None
        return VersionPair(self.a.doc, self.b.doc, self.matches, self.share_a, self.share_b, source,
                           self.text_share_a, self.text_share_b)


@dataclass(eq=False)
class Duplicates:
    """Everything duplicate detection found, for the run's documents."""

    settings: Settings
    entries: list[Entry]
    # Paragraph texts: each distinct folded text of a signed paragraph is one "representative".
    rep_of: dict[tuple[int, int], int] = field(default_factory=dict)  # (entry, para) -> rep id
    members: list[list[tuple[int, int]]] = field(default_factory=list)  # rep -> (entry, para), in order
    near: dict[int, list[PairHit]] = field(default_factory=lambda: defaultdict(list))
    documents: list[DocMatch] = field(default_factory=list)

    def entry_of(self, doc: Document) -> Entry | None:
        for e in self.entries:
            if e.doc is doc:
                return e
        return None

    def paragraphs_in(self, rid: int, entry: int) -> list[int]:
        """Paragraphs of one entry holding text ``rid`` (members are in entry, then paragraph
        order, so a bisection finds them without scanning every copy)."""
        members = self.members[rid]
        lo = bisect.bisect_left(members, (entry, -1))
        out = []
        while lo < len(members) and members[lo][0] == entry:
            out.append(members[lo][1])
            lo += 1
        return out

    def doc_partners(self, entry: Entry) -> list[DocMatch]:
        return [m for m in self.documents if m.a is entry or m.b is entry]

    def is_version_pair(self, x: int, y: int) -> bool:
        return (min(x, y), max(x, y)) in self._doc_pairs

    @property
    def _doc_pairs(self) -> set[tuple[int, int]]:
        cached = self.__dict__.get("_dp")
        if cached is None:
            cached = {(min(m.a.index, m.b.index), max(m.a.index, m.b.index)) for m in self.documents}
            self.__dict__["_dp"] = cached
        return cached


def _sort_entries(entries: list[Entry]) -> list[Entry]:
    entries = sorted(entries, key=lambda e: e.order)
    for i, e in enumerate(entries):
        e.index = i
    return entries


def find_duplicates(entries: list[Entry], settings: Settings,
                    relevant: Iterable[Entry] | None = None) -> Duplicates:
    """Group identical paragraphs, find and verify near-duplicate ones with MinHashLSH, and align
    documents that share paragraphs. With ``relevant`` (entries), only pairs involving one
    of those entries are verified and aligned (the others are context from the persisted index)."""
    from datasketch import MinHashLSH

    entries = _sort_entries(entries)
    dup = Duplicates(settings, entries)
    want = None if relevant is None else {e.index for e in relevant}
    texts: dict[str, int] = {}
    rep_sig: list[tuple[DocSignature, int]] = []
    for e in entries:
        for p in e.sig.signed.tolist():
            t = e.sig.folded[p]
            rid = texts.get(t)
            if rid is None:
                rid = texts[t] = len(dup.members)
                dup.members.append([])
                rep_sig.append((e.sig, p))
            dup.members[rid].append((e.index, p))
            dup.rep_of[(e.index, p)] = rid
    params = settings.params
    if len(rep_sig) > 1:
        lsh = MinHashLSH(threshold=max(0.05, settings.lsh_threshold - settings.lsh_margin),
                         num_perm=params.num_perm)
        with lsh.insertion_session() as session:
            for rid, (s, p) in enumerate(rep_sig):
                session.insert(rid, s.sketch(p), check_duplication=False)
        rep_entries = [{i for i, _ in m} for m in dup.members]
        for rid, other in sorted(_bucket_pairs(lsh)):
            if want is not None and not (rep_entries[rid] & want or rep_entries[other] & want):
                continue
            (sa, pa), (sb, pb) = rep_sig[rid], rep_sig[other]
            exact = jaccard(sa.shingles(pa), sb.shingles(pb))
            if exact < settings.lsh_threshold:
                continue  # an LSH candidate that the exact check rejects is never reported
            est = estimated_jaccard(sa.minhash(pa), sb.minhash(pb))
            dup.near[rid].append(PairHit(other, est, exact))
            dup.near[other].append(PairHit(rid, est, exact))
    for hits in dup.near.values():
        hits.sort(key=lambda h: h.other)
    dup.near = dict(dup.near)  # type: ignore[assignment]
    dup.documents = _document_matches(dup, want)
    dup.documents += _whole_text_matches(dup, want)
    return dup


def _bucket_pairs(lsh: Any) -> set[tuple[int, int]]:
    """Every pair ``(x, y)``, ``x < y``, of keys sharing a bucket of one band of ``lsh``: what
    ``lsh.query`` returns for each key, enumerated once per bucket instead of once per key."""
    pairs: set[tuple[int, int]] = set()
    for table in lsh.hashtables:
        for key in table.keys():
            ids = table.get(key)
            if len(ids) < 2:
                continue
            ids = sorted(ids)
            for x_i, x in enumerate(ids):
                pairs.update((x, y) for y in ids[x_i + 1:])
    return pairs


def _whole_text_matches(dup: Duplicates, want: set[int] | None) -> list[DocMatch]:
    """Versions whose texts match as a whole while their paragraphs do not: one version
    hard-wrapped into a narrow newspaper column, or re-paragraphed. Shingles of each document's
    whole folded text (line breaks erased) get one MinHash per document; LSH candidates are
    verified with the exact Jaccard, or the containment of the smaller text in the larger."""
    from datasketch import LeanMinHash, MinHashLSH

    from .signatures import SCHEME, minhash_matrix

    entries = dup.entries
    if len(entries) < 2:
        return []
    params = dup.settings.params
    hashes, offsets = _shingle_hashes(["".join(e.sig.folded) for e in entries], params.n)
    sets = [np.unique(hashes[offsets[i]:offsets[i + 1]]) for i in range(len(entries))]
    sketches = minhash_matrix(hashes, offsets, params.num_perm, params.seed)
    lsh = MinHashLSH(threshold=WHOLE_LSH, num_perm=params.num_perm)
    with lsh.insertion_session() as session:
        for i, row in enumerate(sketches):
            if len(sets[i]) >= WHOLE_MIN_SHINGLES:
                session.insert(i, LeanMinHash(seed=params.seed, hashvalues=row, scheme=SCHEME),
                               check_duplication=False)
    candidates = _bucket_pairs(lsh)
    known = {(m.a.index, m.b.index) for m in dup.documents} | {(m.b.index, m.a.index) for m in dup.documents}
    out: list[DocMatch] = []
    for x, y in sorted(candidates):
        if (x, y) in known or (want is not None and x not in want and y not in want):
            continue
        inter = int(np.intersect1d(sets[x], sets[y], assume_unique=True).size)
        nx, ny = len(sets[x]), len(sets[y])
        jac = inter / (nx + ny - inter)
        if jac < WHOLE_JACCARD and inter / min(nx, ny) < WHOLE_CONTAINED:
            continue
        m = align(entries[x], entries[y], dup.settings)
        out.append(DocMatch(entries[x], entries[y], m.matches, m.share_a, m.share_b,
                            inter / nx, inter / ny, whole_text=True))
    return out


def _document_matches(dup: Duplicates, want: set[int] | None) -> list[DocMatch]:
    shared: dict[tuple[int, int], int] = defaultdict(int)

    def docs_of(rid: int) -> list[int]:
        return sorted({i for i, _ in dup.members[rid]})

    for rid in range(len(dup.members)):
        ds = docs_of(rid)
        if len(ds) > BOILERPLATE_DOCS:
            continue
        for x_i, x in enumerate(ds):
            for y in ds[x_i + 1:]:
                shared[(x, y)] += 1
        for hit in dup.near.get(rid, ()):
            if hit.other < rid:
                continue
            other_docs = docs_of(hit.other)
            if len(other_docs) > BOILERPLATE_DOCS:
                continue
            for x in ds:
                for y in other_docs:
                    if x != y:
                        shared[(min(x, y), max(x, y))] += 1
    out: list[DocMatch] = []
    for (x, y), count in sorted(shared.items()):
        if count < dup.settings.min_shared:
            continue
        if want is not None and x not in want and y not in want:
            continue
        m = align(dup.entries[x], dup.entries[y], dup.settings)
        if m.matches and len(m.matches) >= dup.settings.min_shared and \
                max(m.text_share_a, m.text_share_b) >= dup.settings.document_threshold:
            out.append(m)
    return out


# -- paragraph alignment ---------------------------------------------------------------------------
class _Inverted:
    """Shingle hash -> paragraphs of one document, to score one paragraph against all at once."""

    def __init__(self, sig: DocSignature, paras: list[int]) -> None:
        sets = [sig.shingles(p) for p in paras]
        self.paras = paras
        self.sizes = np.array([len(s) for s in sets], dtype=np.int64)
        if sets:
            hashes = np.concatenate(sets)
            labels = np.repeat(np.arange(len(sets)), self.sizes)
            order = np.argsort(hashes, kind="stable")
            self.hashes, self.labels = hashes[order], labels[order]
        else:
            self.hashes = np.zeros(0, dtype=np.uint64)
            self.labels = np.zeros(0, dtype=np.int64)

    def intersections(self, s: np.ndarray) -> np.ndarray:
        """|s ∩ set_j| for every paragraph j."""
        if len(self.hashes) == 0 or len(s) == 0:
            return np.zeros(len(self.paras), dtype=np.int64)
        lo = np.searchsorted(self.hashes, s, side="left")
        hi = np.searchsorted(self.hashes, s, side="right")
        hit = hi > lo
        if not hit.any():
            return np.zeros(len(self.paras), dtype=np.int64)
        # A hash can occur in several paragraphs: expand every [lo, hi) range.
        lo, hi = lo[hit], hi[hit]
        counts = hi - lo
        idx = np.repeat(lo - np.cumsum(np.concatenate([[0], counts[:-1]])), counts) + np.arange(counts.sum())
        return np.bincount(self.labels[idx], minlength=len(self.paras))


def _joined_set(sig: DocSignature, parts: Iterable[int]) -> np.ndarray:
    text = "".join(sig.folded[p] for p in parts)
    h, _ = _shingle_hashes([text], sig.params.n)
    return np.unique(h)


def align(ea: Entry, eb: Entry, settings: Settings) -> DocMatch:
    """Align the paragraphs of two documents: best exact-Jaccard pairs first, one-to-one, at or
    above ``PARA_THRESHOLD``; then parts of a paragraph broken over several lines in one version
    (each part mostly contained in a paragraph of the other) join that paragraph's match."""
    sa, sb = ea.sig, eb.sig
    pa, pb = sa.signed.tolist(), sb.signed.tolist()
    # Short lines (a heading broken over two lines) may join a match as parts, never alone.
    n, short_whole = sa.params.n, 4 * sa.params.min_chars
    qa = sorted(set(pa) | {i for i, t in enumerate(sa.folded) if n <= len(t)})
    qb = sorted(set(pb) | {j for j, t in enumerate(sb.folded) if n <= len(t)})
    signed_a, signed_b = set(pa), set(pb)
    inv_b = _Inverted(sb, qb)
    scored: list[tuple[float, int, int]] = []
    contained_b: dict[int, list[tuple[float, int]]] = defaultdict(list)  # b part -> (share, a)
    contained_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i in qa:
        s = sa.shingles(i)
        inter = inv_b.intersections(s)
        long_i = i in signed_a
        for j_pos in np.nonzero(inter)[0].tolist():
            c = int(inter[j_pos])
            j = qb[j_pos]
            long_j = j in signed_b
            if not (long_i or long_j):
                continue
            size_b = int(inv_b.sizes[j_pos])
            if long_i and long_j:
                sim = c / (len(s) + size_b - c)
                if sim >= PARA_THRESHOLD:
                    scored.append((sim, i, j))
            if long_i and c / size_b >= CONTAINED and (long_j or len(sa.folded[i]) < short_whole):
                contained_b[j].append((c / size_b, i))
            if long_j and c / len(s) >= CONTAINED and (long_i or len(sb.folded[j]) < short_whole):
                contained_a[i].append((c / len(s), j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    # Groups of parts: [a parts, b parts]; a plain match is one part on each side.
    groups: list[tuple[set[int], set[int]]] = []
    group_a: dict[int, int] = {}
    group_b: dict[int, int] = {}
    for sim, i, j in scored:
        if i not in group_a and j not in group_b:
            group_a[i] = group_b[j] = len(groups)
            groups.append(({i}, {j}))
    # Broken paragraphs: an unmatched part wholly inside a paragraph of the other side joins
    # that paragraph's match when it lies near it (a caption or two may sit between parts).
    for j, cands in sorted(contained_b.items()):
        if j not in group_b:
            _join(groups, group_a, group_b, max(cands, key=lambda t: (t[0], -t[1]))[1], j, qa, qb)
    for i, cands in sorted(contained_a.items()):
        if i not in group_a:
            _join(groups, group_b, group_a, max(cands, key=lambda t: (t[0], -t[1]))[1], i, qb, qa,
                  swap=True)
    matches: list[ParagraphMatch] = []
    for parts_a_set, parts_b_set in groups:
        parts_a, parts_b = sorted(parts_a_set), sorted(parts_b_set)
        if len(parts_a) == 1 and len(parts_b) == 1:
            sim = jaccard(sa.shingles(parts_a[0]), sb.shingles(parts_b[0]))
        else:
            sim = jaccard(_joined_set(sa, parts_a), _joined_set(sb, parts_b))
        if sim >= PARA_THRESHOLD:
            matches.append(ParagraphMatch(parts_a[0], parts_b[0], sim, tuple(parts_a[1:]),
                                          tuple(parts_b[1:])))
    matches.sort(key=lambda m: (m.a, m.b))
    matched_a = {x for m in matches for x in m.a_parts}
    matched_b = {x for m in matches for x in m.b_parts}
    return DocMatch(
        ea, eb, tuple(matches),
        len(matched_a & signed_a) / max(1, len(pa)), len(matched_b & signed_b) / max(1, len(pb)),
        _text_share(sa, pa, matched_a), _text_share(sb, pb, matched_b),
    )


def _join(groups: list[tuple[set[int], set[int]]], g_whole: dict[int, int], g_part: dict[int, int],
          whole: int, part: int, whole_paras: list[int], part_paras: list[int], swap: bool = False) -> None:
    """Add ``part`` (of one side) to the group of ``whole`` (a paragraph of the other side)."""
    side_whole, side_part = (1, 0) if swap else (0, 1)
    g = g_whole.get(whole)
    if g is None:
        g = g_whole[whole] = len(groups)
        groups.append((set(), set()))
        groups[g][side_whole].add(whole)
    parts = groups[g][side_part]
    if parts and min(abs(_rank(part_paras, part) - _rank(part_paras, x)) for x in parts) > 3:
        return
    parts.add(part)
    g_part[part] = g


def _rank(paras: list[int], p: int) -> int:
    return bisect.bisect_left(paras, p)


def _text_share(sig: DocSignature, paras: list[int], matched: set[int]) -> float:
    total = sum(len(sig.folded[p]) for p in paras)
    return sum(len(sig.folded[p]) for p in paras if p in matched) / total if total else 0.0


# -- the corpus's shared result ------------------------------------------------------------------
_RESULTS: weakref.WeakKeyDictionary[Any, Duplicates] = weakref.WeakKeyDictionary()


def run_entries(corpus: Corpus, settings: Settings) -> list[Entry]:
    out = []
    for pos, feats in enumerate(corpus):
        doc = feats.doc
        if doc.decode_error is not None:
            continue
        out.append(Entry(doc.id, doc.path, doc.record, order_key(corpus.config, doc, pos),
                         signature(feats, settings.params), doc=doc))
    return out


def corpus_duplicates(corpus: Corpus) -> Duplicates:
    """Duplicates among the run's documents, computed once per corpus."""
    cached = _RESULTS.get(corpus)
    if cached is None:
        settings = Settings.from_config(corpus.config)
        cached = find_duplicates(run_entries(corpus, settings), settings)
        _RESULTS[corpus] = cached
    return cached


def align_paragraphs(fa: DocFeatures, fb: DocFeatures, *, source: str) -> VersionPair:
    """Paragraph alignment of two documents of the run (explicit version groups use it)."""
    settings = Settings()
    ea = Entry(fa.doc.id, fa.doc.path, fa.doc.record, (0,), signature(fa, settings.params), doc=fa.doc)
    eb = Entry(fb.doc.id, fb.doc.path, fb.doc.record, (1,), signature(fb, settings.params), doc=fb.doc)
    return align(ea, eb, settings).version_pair(source)


def near_duplicate_documents(corpus: Corpus) -> list[VersionPair]:
    """Near-duplicate document pairs of the run, ``a`` first in corpus order: the pairs DUP004
    reports (one computation, with the persisted index's documents when the cache is on, whose
    pairs with files outside the run are left out here)."""
    from .index import duplicates_with_index

    order = {id(d): i for i, d in enumerate(corpus.documents)}
    out = []
    for m in duplicates_with_index(corpus).documents:
        if m.a.doc is None or m.b.doc is None:
            continue
        a, b = m.a, m.b
        if order[id(a.doc)] > order[id(b.doc)]:
            m = DocMatch(b, a, tuple(ParagraphMatch(x.b, x.a, x.similarity, x.b_extra, x.a_extra)
                                     for x in m.matches), m.share_b, m.share_a, m.text_share_b,
                         m.text_share_a)
        out.append(m.version_pair())
    out.sort(key=lambda p: (order[id(p.a)], order[id(p.b)]))
    return out
