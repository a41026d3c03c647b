"""DUP rules: repeated and near-duplicate paragraphs and documents, on real seed text."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest
from conftest import SEEDS, seed_path, seed_text

from corpuslint import Linter, fix_text, lint_text
from corpuslint.core.config import Config
from corpuslint.corpus.normalize import fold, to_traditional
from corpuslint.corpus.signatures import minhash_matrix, shingle_hashes

DUP = Linter(select=["DUP"])

# Real paragraphs (seed 003, the Lishui article) to build corpora from.
P003 = [p.strip() for p in seed_text("003").split("\n") if len(p.strip()) > 60][:8]


def lines_of(findings, code):
    return [f.location.line for f in findings if f.code == code]


@pytest.fixture(scope="module")
def seeds():
    return DUP.lint_paths([SEEDS]).findings


# -- seeds ------------------------------------------------------------------------------------
def test_seed_001_repeated_block_against_first_copies(seeds):
    found = [(f.location.line, f.related[0].location.line) for f in seeds
             if f.code == "DUP001" and f.path.endswith(seed_path("001").name)]
    assert found == [(63, 55), (65, 57), (67, 59), (69, 61), (71, 55), (73, 57)]


def test_seed_003_doubled_related_titles(seeds):
    found = [f.location.line for f in seeds if f.code == "DUP001" and "003_" in f.path]
    assert found == [69, 75, 81, 87, 93, 99, 105]


def test_no_findings_on_seeds_002_and_004(seeds):
    assert [f for f in seeds if "002_" in f.path or "004_" in f.path] == []


def test_seeds_000_and_001_are_versions(seeds):
    docs = [f for f in seeds if f.code == "DUP004"]
    assert [os.path.basename(f.path)[:3] for f in docs] == ["000", "001"]
    assert "001_" in docs[0].message and "original" in docs[0].message
    assert "000_" in docs[1].message and "near-duplicate" in docs[1].message
    # The paragraph pairs of two versions are covered by the document finding, not repeated.
    assert not [f for f in seeds if f.code == "DUP003"]


def test_version_alignment_of_000_and_001():
    result = Linter(select=["DUP004"]).lint_paths([seed_path("000"), seed_path("001")], keep_documents=True)
    from corpuslint.corpus.analyses import CorpusAnalyses as Corpus
    from corpuslint.core.packs import PackStore

    corpus = Corpus(Config(), PackStore())
    for d in result.documents:
        corpus.add(d)
    pairs = corpus.versions.pairs()
    assert len(pairs) == 1 and len(corpus.versions.groups) == 1
    pair = pairs[0]
    a, b = pair.a, pair.b
    assert "000_" in a.path and "001_" in b.path
    lines = {(a.paragraphs[m.a].line, tuple(b.paragraphs[x].line for x in m.b_parts)) for m in pair.matches}
    # Article paragraphs, including one 001 breaks mid-sentence over lines 21/23 ("形" / "成规模").
    assert (47, (21, 23)) in lines and (39 + 4, (19,)) in lines
    assert (103, (53, 55)) in lines
    assert pair.share_a > 0.7 and pair.text_share_a > 0.8 and 0.3 < pair.text_share_b < 0.6
    assert all(m.similarity >= 0.5 for m in pair.matches)


# -- exact repeats ------------------------------------------------------------------------------
def test_exact_repeat_fix_is_safe_and_removes_the_line():
    text = f"{P003[0]}\n\n{P003[1]}\n\n{P003[0]}\n\n{P003[2]}\n"
    found = lint_text(text, select=["DUP001"])
    assert lines_of(found, "DUP001") == [5]
    assert found[0].fix.applicability.value == "safe"
    new, applied = Linter(select=["DUP001"]).fix_text(text)
    assert new == f"{P003[0]}\n\n{P003[1]}\n\n{P003[2]}\n" and len(applied) == 1


def test_repeat_equal_only_after_normalisation_is_unsafe():
    first = P003[0]
    again = first.replace(",", "，").replace(":", "：")  # full-width punctuation
    assert again != first
    found = lint_text(f"{first}\n{again}\n", select=["DUP001"])
    assert len(found) == 1 and found[0].fix.applicability.value == "unsafe"
    assert "after normalisation" in found[0].message


def test_short_lines_repeated_apart_are_not_reported():
    text = "相关阅读\n" + P003[0] + "\n相关阅读\n" + P003[1] + "\n相关阅读\n"
    assert lint_text(text, select=["DUP001"]) == []


def test_short_line_printed_twice_in_a_row_is_reported():
    text = "余杭再添两家省级小微企业园\n\n余杭再添两家省级小微企业园\n\n" + P003[0] + "\n"
    assert lines_of(lint_text(text, select=["DUP001"]), "DUP001") == [3]


# -- near duplicates inside a document --------------------------------------------------------------
def test_near_duplicate_paragraph_in_one_document():
    first = P003[1]
    changed = first[:30] + first[32:]  # two characters lost, as OCR does
    text = f"{first}\n\n{P003[2]}\n\n{changed}\n"
    found = lint_text(text, select=["DUP"])
    near = [f for f in found if f.code == "DUP002"]
    assert [f.location.line for f in near] == [5]
    assert near[0].related[0].location.line == 1
    assert "exact" in near[0].message and "estimated" in near[0].message
    assert near[0].fix.applicability.value == "unsafe"
    assert not [f for f in found if f.code == "DUP001"]
    # the fix takes the last paragraph with the blank line before it, as DUP001's does
    fixed, applied = fix_text(text, select=["DUP002"], unsafe=True)
    assert fixed == f"{first}\n\n{P003[2]}\n" and len(applied) == 1


def test_different_paragraphs_of_one_article_are_not_near_duplicates():
    assert lint_text("\n\n".join(P003), select=["DUP"]) == []


# -- across documents --------------------------------------------------------------------------
def _write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_traditional_reprint_is_a_near_duplicate_document(tmp_path):
    _write(tmp_path, "a.txt", "\n\n".join(P003[:6]) + "\n")
    _write(tmp_path, "b.txt", "\n\n".join(to_traditional(p) for p in P003[:6]) + "\n\n版權所有\n")
    found = Linter(Config(root=tmp_path), select=["DUP"]).lint_paths([tmp_path]).findings
    docs = [f for f in found if f.code == "DUP004"]
    assert [os.path.basename(f.path) for f in docs] == ["a.txt", "b.txt"]
    assert "a.txt" in docs[1].message and "100% of the other's" in docs[1].message


def test_shared_paragraph_across_unrelated_documents(tmp_path):
    shared = P003[3]
    _write(tmp_path, "a.txt", f"{P003[0]}\n\n{shared}\n\n{P003[1]}\n")
    _write(tmp_path, "b.txt", f"{seed_text('004').split(chr(10))[4]}\n\n{shared}\n")
    found = Linter(Config(root=tmp_path), select=["DUP"]).lint_paths([tmp_path]).findings
    assert [(os.path.basename(f.path), f.code, f.location.line) for f in found] == [("b.txt", "DUP003", 3)]
    assert found[0].related[0].location.path.endswith("a.txt")
    assert found[0].related[0].location.line == 3
    assert "identical" in found[0].message


def test_figure_only_difference_is_near_not_exact(tmp_path):
    para = P003[4]
    import re

    figure = re.search(r"\d+", para)
    assert figure
    changed = para[: figure.start()] + str(int(figure.group()) + 7) + para[figure.end():]
    _write(tmp_path, "a.txt", f"{P003[0]}\n\n{para}\n")
    _write(tmp_path, "b.txt", f"{P003[6]}\n\n{changed}\n")
    found = Linter(Config(root=tmp_path), select=["DUP"]).lint_paths([tmp_path]).findings
    assert [(os.path.basename(f.path), f.code) for f in found] == [("b.txt", "DUP003")]
    assert "identical" not in found[0].message and "Jaccard 0." in found[0].message


# -- the incremental corpus index ------------------------------------------------------------
def test_incremental_index_change_delete_add(tmp_path):
    shared = P003[3]
    _write(tmp_path, "a.txt", f"{P003[0]}\n\n{shared}\n")
    _write(tmp_path, "b.txt", f"{P003[1]}\n")
    target = _write(tmp_path, "z.txt", f"{P003[5]}\n\n{shared}\n")

    def check():
        linter = Linter(Config(root=tmp_path), select=["DUP"], cache=True)
        return linter.lint_paths([target]).findings

    found = check()  # only z.txt is linted; a.txt is found through the index
    assert [(f.code, f.location.line) for f in found] == [("DUP003", 3)]
    assert found[0].related[0].location.path.endswith("a.txt")
    assert found[0].related[0].location.line == 3
    assert (tmp_path / ".corpuslint_cache" / "dup-index.sqlite").exists()
    # Without the cache only the documents of the run are compared.
    assert Linter(Config(root=tmp_path), select=["DUP"]).lint_paths([target]).findings == []
    # Change a.txt: the shared paragraph goes away.
    time.sleep(0.01)
    _write(tmp_path, "a.txt", f"{P003[0]}\n")
    assert check() == []
    # Add a file with the paragraph, then delete it.
    _write(tmp_path, "c.txt", f"{shared}\n")
    found = check()
    assert [f.related[0].location.path.endswith("c.txt") for f in found] == [True]
    os.remove(tmp_path / "c.txt")
    assert check() == []


# -- determinism, signatures ------------------------------------------------------------------
def test_same_findings_whatever_jobs(seeds):
    two = Linter(select=["DUP"], jobs=2).lint_paths([SEEDS]).findings
    assert two == seeds


def test_signatures_equal_datasketch_minhash():
    from datasketch import MinHash

    texts = [fold(p) for p in P003[:3]]
    hashes, offsets = shingle_hashes(texts, 5)
    ours = minhash_matrix(hashes, offsets, 128, 1)
    for i in range(len(texts)):
        m = MinHash(num_perm=128, seed=1, hashfunc=lambda x: x, scheme="affine32")
        m.update_batch([int(h) & 0xFFFFFFFF for h in hashes[offsets[i]:offsets[i + 1]]])
        assert np.array_equal(m.hashvalues, ours[i])
    # Every n-gram once per position: a text of length L has L - 4 shingles.
    assert offsets[1] - offsets[0] == len(texts[0]) - 4


def test_outline_items_coming_back_as_headings_are_not_repeats():
    items = ["毕业前学会写作并坚持写自己的网络日志", "毕业前学习微观经济学(microeconomics)"]
    body = P003[:2]
    text = "\n".join(items) + "\n" + "\n".join(f"{h}\n{b}" for h, b in zip(items, body)) + "\n"
    assert lint_text(text, select=["DUP001"]) == []


def test_two_tables_sharing_rows_are_not_repeats():
    rows = ["发动机型式：直列4缸双顶置凸轮轴 16气门多点式电喷汽油机", "发动机总排量：1171ml",
            "最大功率：51Kw／6000rpm", "最大扭距：95N.m／3250rpm", "驱动型式：前置前驱"]
    text = "爱迪尔CH7121\n" + "\n".join(rows) + "\n变速箱：国产手动五速\n北斗星CH6350B\n" + \
        "\n".join(rows) + "\n变速箱：进口手动五速\n"
    assert lint_text(text, select=["DUP001"]) == []


def test_list_of_titles_printed_twice_is_a_repeated_block():
    titles = ["糖友别喝三种汤", "花生不妨这样吃，健脾又养胃", "糖尿病饮食误区大揭秘",
              "肠胃不好的人，请牢记：睡前两不要", "出现气短胸闷？医生：这两种人可能是由这些原因引起"]
    assert sum(len(fold(t)) for t in titles) >= 60
    text = P003[0] + "\n" + "\n".join(titles) + "\n" + P003[1] + "\n" + "\n".join(titles) + "\n"
    assert lines_of(lint_text(text, select=["DUP001"]), "DUP001") == [8, 9, 10, 11, 12]


def test_records_stream_reports_duplicates_at_the_end():
    records = [{"id": "a", "text": "\n".join(P003[:4])}, {"id": "b", "text": "\n".join(P003[:4]) + "\n附记"}]
    out = list(Linter(select=["DUP004"]).lint_records(records))
    reported = [rid for rid, found in out if any(f.code == "DUP004" for f in found)]
    assert reported == ["a", "b"]


def test_version_outside_the_run_is_found_through_the_index(tmp_path):
    _write(tmp_path, "a.txt", "\n\n".join(to_traditional(p) for p in P003[:5]) + "\n")
    target = _write(tmp_path, "b.txt", "\n\n".join(P003[:5]) + "\n\n" + P003[6] + "\n")
    found = Linter(Config(root=tmp_path), select=["DUP"], cache=True).lint_paths([target]).findings
    assert [(f.code, os.path.basename(f.path)) for f in found] == [("DUP004", "b.txt")]
    assert "a.txt" in found[0].message and found[0].related[0].location.path.endswith("a.txt")


def test_hard_wrapped_version_is_linked_as_whole_text():
    # A newspaper column: the same article hard-wrapped every 22 characters, so no paragraph of
    # one version matches a paragraph of the other; the whole texts still do.
    from corpuslint.core import Document
    from corpuslint.corpus.analyses import CorpusAnalyses as Corpus
    from corpuslint.core.config import Config
    from corpuslint.core.packs import PackStore

    text = (SEEDS / "000_72fc13170244c7e3.txt").read_text(encoding="utf-8")
    body = "".join(l.strip("\u00a0 ") for l in text.splitlines()[26:110])
    wrapped = "\n".join(body[i:i + 22] for i in range(0, len(body), 22)) + "\n"
    a = Document(text, path="web/a.txt")
    b = Document(wrapped, path="paper/a.txt")
    result = Linter(select=["DUP004"]).lint_documents([a, b])
    assert [f.path for f in result.findings] == ["web/a.txt", "paper/a.txt"]
    assert "wrapped differently" in result.findings[1].message
    corpus = Corpus(Config(), PackStore())
    corpus.add(a)
    corpus.add(b)
    assert corpus.versions.pair(a, b) is not None


def test_rewrapped_versions_whose_figures_differ_are_not_called_the_same_text():
    text = (SEEDS / "000_72fc13170244c7e3.txt").read_text(encoding="utf-8")
    body = "".join(l.strip("\u00a0 ") for l in text.splitlines()[26:110])
    wrapped = "\n".join(body[i:i + 22] for i in range(0, len(body), 22)) + "\n"
    changed = wrapped.replace("2021", "2020").replace("亿元", "万元")
    assert changed != wrapped
    from corpuslint.core import Document

    same = Linter(select=["DUP004"]).lint_documents([Document(text, path="a.txt"), Document(wrapped, path="b.txt")])
    assert "(same text, wrapped differently:" in same.findings[1].message
    differ = Linter(select=["DUP004"]).lint_documents([Document(text, path="a.txt"), Document(changed, path="b.txt")])
    assert "nearly the same text (wording or figures differ), wrapped differently" in differ.findings[1].message
