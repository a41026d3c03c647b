"""Template clusters: near-identical paragraph texts shared by many documents, as one group.

A generated report (``2024年3月5日，某县气温12度，...``) repeats each of its paragraphs in every
document with a date, a name or a figure changed: hundreds of distinct texts, each in a few
documents, every two of them near-duplicates. Verifying every candidate pair of such a group
costs the square of its size, and counting the group as evidence that two documents are
versions aligns every pair of documents. So texts are grouped into connected components, and
a component of two or more texts spread over more than ``cluster_docs`` documents is a
template cluster:

* before verification, over the LSH candidate graph (``lsh.spanning_pairs``: linear in the
  buckets), a template cluster of more than ``CLUSTER_TEXTS`` distinct texts whose buckets pair
  most of its texts (``DENSE``: a template, not a chain of chance candidates) is collapsed: its
  texts are verified against its head only (the text first in path order, the cluster's
  representative: a star of n - 1 pairs, not n²/2), plus the candidate pairs of two of its
  texts inside one document (a near-repeat within a document stays DUP002's). A smaller
  cluster (a footer in twenty variants) keeps every candidate pair;
* after verification, over the verified pairs (``verified_templates``: chance LSH candidates
  do not chain unrelated texts into one), a template cluster, and every collapsed one, is like
  a paragraph repeated in many documents (``similarity.BOILERPLATE_DOCS``): no evidence that
  two documents are versions of one article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import numpy as np

from .lsh import Buckets

CLUSTER_TEXTS = 100  # distinct texts from which a component may be a template (lsh.MAX_BUCKET)
# A component is collapsed only when its buckets pair at least this share of its texts' pairs
# (counted once per band they share): the texts of a template are near-identical, so nearly
# every two share a band, while chance candidates of unrelated texts chain a large corpus into
# long sparse components (on 200 MB of ordinary news one held near-duplicates far from its head).
DENSE = 0.5


@dataclass(frozen=True)
class Clusters:
    """``label[rid]``: the component of every text (its smallest rid, the head: texts are
    numbered in path order); ``template[rid]``: whether that component is a template cluster;
    ``collapsed[rid]``: whether it is verified as a star around its head."""

    label: np.ndarray
    template: np.ndarray
    collapsed: np.ndarray

    @property
    def any(self) -> bool:
        return bool(self.template.any())

    @property
    def any_collapsed(self) -> bool:
        return bool(self.collapsed.any())


def components(pairs: np.ndarray, n: int) -> np.ndarray:
    """Connected components of ``n`` nodes joined by ``pairs`` ((m, 2) int64): each node's label
    is the smallest node of its component (min-label propagation with pointer jumping)."""
    label = np.arange(n, dtype=np.int64)
    if not len(pairs):
        return label
    x, y = pairs[:, 0], pairs[:, 1]
    while True:
        low = np.minimum(label[x], label[y])
        before = label.copy()
        np.minimum.at(label, x, low)
        np.minimum.at(label, y, low)
        while True:  # pointer jumping: every node straight to its root
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
        if np.array_equal(label, before):
            return label


def template_clusters(pairs: np.ndarray, rep: np.ndarray, flat_entry: np.ndarray, texts: int,
                      cluster_docs: int, runs: Buckets | None = None) -> Clusters:
    """The components of the candidate ``pairs`` over ``texts`` paragraph texts, and which are
    template clusters; ``rep``/``flat_entry`` give every signed paragraph's text and entry.
    With the LSH buckets (``runs``) the large dense ones are collapsed; without, none is."""
    label = components(pairs, texts)
    sizes = np.bincount(label, minlength=texts)
    template = np.zeros(texts, dtype=bool)
    collapsed = template
    several = sizes > 1
    if several.any():
        # documents per component: distinct (component, entry) incidences
        comp = label[rep]
        cand = several[comp]
        width = int(flat_entry.max()) + 1 if len(flat_entry) else 1
        inc = np.unique(comp[cand] * width + flat_entry[cand])
        docs = np.bincount(inc // width, minlength=texts)
        is_template = several & (docs > cluster_docs)
        template = is_template[label]
        if runs is not None:
            big = is_template & (sizes > CLUSTER_TEXTS)
            dense = bucket_pairs(label, runs) >= DENSE * sizes * (sizes - 1) / 2.0
            collapsed = (big & dense)[label]
    return Clusters(label, template, collapsed)


def bucket_pairs(label: np.ndarray, runs: Buckets) -> np.ndarray:
    """Per component (at its head's index): the pairs its buckets hold, once per band (all the
    members of a bucket are in one component)."""
    held = np.zeros(len(label), dtype=np.float64)
    for order, starts, sizes in runs:
        s = sizes.astype(np.float64)
        np.add.at(held, label[order[starts]], s * (s - 1) / 2.0)
    return held


def collapse(pairs: np.ndarray, clusters: Clusters, rep: np.ndarray, flat_entry: np.ndarray,
             bands: np.ndarray) -> np.ndarray:
    """The pairs to verify: the candidate ``pairs`` (from the buckets outside collapsed clusters,
    ``lsh.candidate_pairs(skip=...)``) and, inside each collapsed cluster, each text with its
    head and any two texts of one document that share a band key (``bands``: one row per
    text). Sorted by x then y, without repeats, as ``lsh.candidate_pairs`` gives them."""
    if not clusters.any_collapsed:
        return pairs
    label, collapsed = clusters.label, clusters.collapsed
    texts = len(label)
    found = [pairs]
    heads = np.flatnonzero(collapsed & (label != np.arange(texts)))
    found.append(np.stack([label[heads], heads], axis=1))
    # two texts of one collapsed cluster in one document: (component, entry) runs of 2+ texts
    member = collapsed[rep]
    r, e = rep[member], flat_entry[member]
    c = label[r]
    order = np.lexsort((r, e, c))
    r, e, c = r[order], e[order], c[order]
    keep = np.ones(len(r), dtype=bool)
    keep[1:] = (r[1:] != r[:-1]) | (e[1:] != e[:-1])
    r, e, c = r[keep], e[keep], c[keep]
    starts = np.flatnonzero(np.concatenate([[True], (e[1:] != e[:-1]) | (c[1:] != c[:-1])])) if len(r) else r
    sizes = np.diff(np.append(starts, len(r)))
    for s, k in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
        run = r[s:s + k]
        i, j = np.triu_indices(k, 1)
        same = np.stack([np.minimum(run[i], run[j]), np.maximum(run[i], run[j])], axis=1)
        found.append(same[(bands[same[:, 0]] == bands[same[:, 1]]).any(axis=1)])
    out = np.concatenate(found)
    code = np.unique(out[:, 0] * texts + out[:, 1])
    return np.stack([code // texts, code % texts], axis=1)


def templated_entries(clusters: Clusters, rep: np.ndarray, flat_entry: np.ndarray, lengths: np.ndarray,
                      entries: int, share: float) -> np.ndarray:
    """Per entry (``entries`` of them): whether ``share`` or more of its signed text (``lengths`` of every signed
    paragraph) lies in template clusters. Two such documents' whole texts are alike through
    the template (editions of one report), which is no sign of a re-wrapped version."""
    n = entries
    weights = lengths.astype(np.float64)
    total = np.bincount(flat_entry, weights=weights, minlength=n)
    inside = np.bincount(flat_entry, weights=weights * clusters.template[rep], minlength=n)
    return inside >= share * np.maximum(1.0, total)  # type: ignore[no-any-return]


def verified_templates(clusters: Clusters, near: Mapping[int, Sequence[Any]], rep: np.ndarray,
                       flat_entry: np.ndarray, cluster_docs: int) -> Clusters:
    """``clusters`` with its template flags recomputed over the verified pairs (``near``: text ->
    hits with ``.other``); a collapsed cluster stays a template (its members were verified
    against its head only, which need not join them all)."""
    texts = len(clusters.label)
    pairs = [(x, h.other) for x, hits in near.items() for h in hits if x < h.other]
    verified = template_clusters(np.array(pairs, dtype=np.int64).reshape(-1, 2), rep, flat_entry, texts,
                                 cluster_docs)
    return Clusters(clusters.label, verified.template | clusters.collapsed, clusters.collapsed)
