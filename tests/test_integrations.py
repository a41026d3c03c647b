"""The pipeline adapters with the real libraries: datatrove steps and ``datasets`` map/filter
(with ``num_proc``). Skipped only when the library is not installed (the test extra has them)."""

import pickle

import pytest

from conftest import chrome_page, seed_text

from corpuslint import Linter

CLEAN = "余姚经济开发区是我省首批省级经济开发区之一。\n\n2010年至2019年，开发区在全省综合考评中实现十连冠。\n"
MOJIBAKE = "浣欏鍖呮嫭缁忔祹寮€鍙戝尯鏄垜鐪侀鎵圭渷绾х粡娴庡紑鍙戝尯涔嬩竴銆?\n"


def _texts() -> list[str]:
    # a clean text, a seed article and its near-duplicate (seed 001 holds seed 000's article),
    # an exact repeat of the clean text, a page that is mostly chrome
    return [CLEAN, seed_text("000"), seed_text("001"), CLEAN, chrome_page()]


class _Collect:
    """An exclusion writer as BaseFilter uses one (a context manager with ``write``)."""

    def __init__(self) -> None:
        self.docs: list = []

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass

    def write(self, doc, rank: int = 0) -> None:
        self.docs.append(doc)


def test_datatrove_filter_keeps_drops_and_writes_reasons(tmp_path):
    pytest.importorskip("datatrove")
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor

    from corpuslint.integrations.datatrove import CorpuslintAnnotator, CorpuslintFilter

    docs = [Document(text=t, id=f"d{i}") for i, t in enumerate(_texts())]
    excluded = _Collect()
    step = CorpuslintFilter(batch_size=8, exclusion_writer=excluded)
    kept = list(step.run(iter(docs)))
    assert [d.id for d in kept] == ["d0", "d1"]
    assert all(d.metadata["corpuslint_keep"] for d in kept)
    dropped = {d.id: d.metadata["corpuslint_reasons"] for d in docs if d not in kept}
    assert dropped == {"d2": ["near-duplicate"], "d3": ["exact-duplicate", "near-duplicate"],
                       "d4": ["mostly-chrome"]}
    assert docs[2].metadata["filter_reason"] == "near-duplicate"  # datatrove's own field
    assert step.stats["dropped_near-duplicate"].total == 1
    assert [d.id for d in excluded.docs] == ["d2", "d3", "d4"]

    # the annotator drops nothing, cleans the texts it would keep; both run in an executor
    docs = [Document(text=chrome_page(), id="page"), Document(text="正文\u200b。\n", id="zw")]
    annotator = CorpuslintAnnotator(clean=True, policy=None)
    out: list = []
    LocalPipelineExecutor(pipeline=[docs, annotator, lambda data, rank, ws: out.extend(data) or []],
                          tasks=1, logging_dir=str(tmp_path / "logs")).run()
    assert [d.id for d in out] == ["page", "zw"]
    assert out[0].metadata["corpuslint_keep"] is False and out[0].text == chrome_page()
    assert out[1].metadata["corpuslint_keep"] is True and out[1].text == "正文。\n"
    assert len(pickle.dumps(annotator)) < 1_000_000


def test_hf_map_and_filter_with_num_proc():
    datasets = pytest.importorskip("datasets")
    from corpuslint.integrations.hf import Assessor

    texts = _texts()
    ds = datasets.Dataset.from_dict({"text": texts + [MOJIBAKE, None], "n": list(range(len(texts) + 2))})
    assessor = Assessor(clean=True)
    annotated = ds.map(assessor, batched=True, batch_size=8, num_proc=2)
    # two workers: rows 0-3 and 4-6; the exact repeat (row 3) and the near-duplicate (row 2) are
    # in the first worker's batch with their originals
    assert annotated["corpuslint_keep"] == [True, True, False, False, False, False, False]
    assert annotated["corpuslint_reasons"][2:] == [["near-duplicate"], ["exact-duplicate", "near-duplicate"],
                                                   ["mostly-chrome"],
                                                   ["mojibake"], ["undecodable"]]
    assert annotated["corpuslint_by_family"][4]["CHR"] > 0 and 0.0 <= min(annotated["corpuslint_score"]) <= 1.0
    assert annotated["text"][1] != texts[1] and "\u00a0\n" not in annotated["text"][1]  # cleaned (ENC003)
    kept = annotated.filter(assessor.keep, batched=True, num_proc=2)
    assert kept["n"] == [0, 1]
    # filter alone assesses; one batch keeps the duplicates together
    assert ds.filter(Assessor().keep, batched=True, batch_size=16)["n"] == [0, 1]
    assert len(pickle.dumps(assessor)) < 1_000_000
    # datasets fingerprints the function for its cache: two equal assessors hash alike
    from datasets.fingerprint import Hasher

    assert Hasher.hash(Assessor(clean=True)) == Hasher.hash(assessor)


def test_hf_module_functions_use_a_default_linter():
    datasets = pytest.importorskip("datasets")
    from corpuslint.integrations import hf

    ds = datasets.Dataset.from_dict({"text": [CLEAN, MOJIBAKE]}).map(hf.annotate, batched=True)
    assert ds["corpuslint_keep"] == [True, False] and ds.filter(hf.keep, batched=True)["text"] == [CLEAN]


def test_linter_pickles_small_and_works_after_unpickling():
    linter = Linter(select=["ENC"])
    data = pickle.dumps(linter)
    assert len(data) < 1_000_000
    again = pickle.loads(data)
    assert again.rules == linter.rules and [f.code for f in again.lint_text("坏\u200b。")] == ["ENC005"]
