"""Template clusters (corpus.clusters): near-identical paragraphs of a report template in many
documents are one group — linear verification, no document versions, DUP003 per copy."""

from __future__ import annotations

import random

import numpy as np
from conftest import seed_text

from corpuslint import Linter
from corpuslint.corpus.clusters import CLUSTER_TEXTS, Clusters, collapse, components, template_clusters
from corpuslint.corpus.lsh import buckets, candidate_pairs, spanning_pairs
from corpuslint.corpus.similarity import BOILERPLATE_DOCS

P003 = [p.strip() for p in seed_text("003").split("\n") if len(p.strip()) > 60][:4]
COUNTIES = ["通州区", "顺义区", "密云县", "延庆县", "平谷区", "怀柔区", "宝坻区", "静海县"]


def report(i: int, rng: random.Random) -> str:
    """Edition ``i`` of a report: the seed's paragraphs with a county named in the first
    clause and a date and figure of this edition (near-identical across editions)."""
    place = COUNTIES[i % len(COUNTIES)]
    paras = []
    for p in P003:
        cut = len(p) // 3
        paras.append(f"{p[:cut]}，{place}{rng.randint(10, 99)}日{p[cut:]}")
    paras[0] = f"2024年{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{place}气温{rng.randint(1, 35)}度，" + paras[0]
    return "\n\n".join(paras) + "\n"


def lint(n: int) -> list:
    rng = random.Random(3)
    records = [{"id": f"r{i:04d}", "text": report(i, rng)} for i in range(n)]
    return [f for _, found in Linter(select=["DUP"]).lint_records(records) for f in found]


def test_components_label_each_node_with_its_smallest_node() -> None:
    pairs = np.array([[3, 5], [1, 3], [6, 7], [5, 8]], dtype=np.int64)
    assert components(pairs, 10).tolist() == [0, 1, 2, 1, 4, 1, 6, 6, 1, 9]
    assert components(np.zeros((0, 2), dtype=np.int64), 3).tolist() == [0, 1, 2]
    chain = np.stack([np.arange(199), np.arange(1, 200)], axis=1)[::-1].copy()
    assert (components(chain, 200) == 0).all()


def test_spanning_pairs_give_the_components_of_all_candidate_pairs() -> None:
    rng = np.random.default_rng(5)
    keys = rng.integers(0, 40, size=(500, 6)).astype(np.uint64)  # many shared buckets
    runs = buckets(keys)
    span, full = spanning_pairs(runs, 500), candidate_pairs(keys)
    assert len(span) < len(full)
    assert (components(span, 500) == components(full, 500)).all()
    assert (candidate_pairs(keys, runs=runs) == full).all()


def test_a_cluster_is_a_template_only_over_many_documents() -> None:
    texts = CLUSTER_TEXTS + 20
    star = np.stack([np.zeros(texts - 1, dtype=np.int64), np.arange(1, texts)], axis=1)
    rep = np.arange(texts, dtype=np.int64)
    one_bucket = buckets(np.zeros((texts, 2), dtype=np.uint64))  # every two texts share a band
    spread = template_clusters(star, rep, rep.copy(), texts, BOILERPLATE_DOCS, one_bucket)  # a text per document
    assert spread.template.all() and spread.collapsed.all()
    assert not template_clusters(star, rep, rep.copy(), texts, BOILERPLATE_DOCS).collapsed.any()  # no buckets
    few = template_clusters(star, rep, rep % 10, texts, BOILERPLATE_DOCS)  # ten documents
    assert not few.template.any() and not few.collapsed.any()
    small = template_clusters(star[:30], rep[:31], np.arange(31) * 2, 31, 20)  # 31 texts, 31 documents
    assert small.template.all() and not small.collapsed.any()


def test_a_sparse_chain_of_candidates_is_not_collapsed() -> None:
    """Chance candidates chain unrelated texts into one long component (text i shares a band
    with i - 1 and i + 1 only): it is verified pair by pair, not as a star around its head,
    which would lose the near-duplicates far from the head."""
    texts = CLUSTER_TEXTS + 20
    i = np.arange(texts, dtype=np.uint64)
    chain_keys = np.stack([i // 2, (i + 1) // 2 + 10_000], axis=1)
    runs = buckets(chain_keys)
    rep = np.arange(texts, dtype=np.int64)
    chained = template_clusters(spanning_pairs(runs, texts), rep, rep.copy(), texts, BOILERPLATE_DOCS, runs)
    assert len(set(chained.label.tolist())) == 1  # one component
    assert chained.template.all() and not chained.collapsed.any()


def test_collapse_keeps_the_star_and_pairs_inside_one_document() -> None:
    n = 6
    label = np.array([0, 0, 0, 0, 4, 5])
    clusters = Clusters(label, label == 0, label == 0)
    rep = np.array([0, 1, 2, 3, 4, 5, 2])  # text 2 occurs twice: in entry 2 and in entry 1
    entry = np.array([0, 1, 2, 3, 4, 5, 1])
    bands = np.array([[1, 9], [2, 8], [3, 8], [4, 7], [5, 5], [6, 5]], dtype=np.uint64)
    outside = np.array([[4, 5]])
    got = collapse(outside, clusters, rep, entry, bands).tolist()
    # star 0-1, 0-2, 0-3; texts 1 and 2 share entry 1 and a band key; 4-5 kept
    assert got == [[0, 1], [0, 2], [0, 3], [1, 2], [4, 5]]
    assert len(collapse(outside, clusters, rep, entry, bands + np.arange(n)[:, None].astype(np.uint64) * 100)) == 4


def test_report_editions_in_many_documents_are_boilerplate_not_versions() -> None:
    found = lint(BOILERPLATE_DOCS + 20)
    assert not [f for f in found if f.code == "DUP004"]
    cross = [f for f in found if f.code == "DUP003"]
    assert cross  # the template's paragraphs, one finding per later copy, none per pair
    assert len(cross) <= (BOILERPLATE_DOCS + 20) * len(P003)
    assert all("the first copy in path order" in f.message and "more documents" in f.message for f in cross)


def test_a_few_editions_are_still_versions() -> None:
    found = lint(6)
    docs = [f for f in found if f.code == "DUP004"]
    assert len(docs) == 6


def test_a_large_template_is_verified_in_linear_pairs() -> None:
    from corpuslint.corpus import similarity

    seen: list = []
    real = similarity._verify

    def spy(dup, pairs, rep_first, texts):  # type: ignore[no-untyped-def]
        seen.append(len(pairs))
        return real(dup, pairs, rep_first, texts)

    similarity._verify = spy
    try:
        n = CLUSTER_TEXTS + 60
        found = lint(n)
    finally:
        similarity._verify = real
    assert seen and seen[0] < 3 * n * len(P003)  # all pairs would be ~n²/2 per paragraph
    assert not [f for f in found if f.code == "DUP004"]


def test_templated_entries_by_share_of_text_in_template_clusters() -> None:
    from corpuslint.corpus.clusters import templated_entries

    clusters = Clusters(np.array([0, 0, 2]), np.array([True, True, False]), np.array([False] * 3))
    rep = np.array([0, 2, 1, 2])  # entry 0: texts 0 and 2; entry 1: texts 1 and 2
    entry = np.array([0, 0, 1, 1])
    lengths = np.array([30, 10, 10, 30])
    # entry 2 holds no signed paragraph
    assert templated_entries(clusters, rep, entry, lengths, 3, 0.5).tolist() == [True, False, False]


def test_templates_are_recomputed_over_verified_pairs() -> None:
    from corpuslint.corpus.clusters import verified_templates
    from corpuslint.corpus.results import PairHit

    texts = 4
    rep = np.array([0, 1, 2, 3] * 30)  # 4 texts, each in 30 documents
    entry = np.arange(120)  # a paragraph a document
    label = np.zeros(texts, dtype=np.int64)  # one candidate component
    before = Clusters(label, np.ones(texts, dtype=bool), np.zeros(texts, dtype=bool))
    # only 0-1 verified: {0, 1} spans 60 documents, {2} and {3} alone are no template
    near = {0: [PairHit(1, 0.9, 0.9)], 1: [PairHit(0, 0.9, 0.9)]}
    after = verified_templates(before, near, rep, entry, 50)
    assert after.template.tolist() == [True, True, False, False]
    collapsed = Clusters(label, np.ones(texts, dtype=bool), np.ones(texts, dtype=bool))
    assert verified_templates(collapsed, near, rep, entry, 50).template.all()
