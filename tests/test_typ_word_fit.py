"""TYP003's per-document pre-filter (rules/typ/_word_fit.py): its key tables, and that it only
drops suspects the full search would drop too."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from corpuslint import Linter
from corpuslint.core import compiled as compiled_mod
from corpuslint.load import document_from_text
from corpuslint.rules.typ import confusable_character as cc
from corpuslint.rules.typ._word_fit import WordFit, build_keys

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


def cps(chars: "str | list[str]") -> np.ndarray:
    """Code points, 0 for an empty string (no neighbour)."""
    return np.array([ord(ch) if ch else 0 for ch in chars], dtype=np.uint32)


@pytest.fixture(scope="module")
def small() -> WordFit:
    words = ["土地", "最强", "中国人", "北京"]
    candidates = {"士": ["土", "干"], "蕞": ["最"], "固": ["国"], "京": ["亰"]}
    return WordFit.build(words, candidates)


def test_keys_hold_the_pairs_a_candidate_completes(small: WordFit) -> None:
    def fits(left: str, c: str, right: str) -> bool:
        return bool(small.may_fit(cps(c), np.array([ord(left) if left else 0], dtype=np.uint32),
                                  np.array([ord(right) if right else 0], dtype=np.uint32))[0])

    assert fits("推", "士", "地")  # 土 starts 土地 before 地
    assert fits("", "士", "地")  # no left neighbour: the right one is enough
    assert fits("", "蕞", "强")
    assert fits("中", "固", "人")  # 国 inside 中国人 between 中 and 人
    assert not fits("中", "固", "")  # 中国 is no word of this lexicon: 国 ends none after 中
    assert not fits("推", "士", "进")  # no candidate of 士 makes a word with 推 or 进
    assert not fits("", "士", "")  # no neighbours
    assert not fits("地", "士", "")  # 土 ends no word after 地 (the order matters)
    assert not fits("北", "京", "")  # 京 itself makes 北京, but it is no candidate of itself
    assert not fits("人", "固", "中")


def test_a_pair_inside_a_word_is_a_middle_key_only_between_both_neighbours() -> None:
    fit = WordFit.build(["中国人民"], {"固": ["国"]})
    left, right = np.array([ord("中")], dtype=np.uint32), np.array([ord("人")], dtype=np.uint32)
    assert fit.may_fit(cps("固"), left, right).tolist() == [True]
    # 国 neither ends nor starts 中国人民: one neighbour alone is no evidence
    assert fit.may_fit(cps("固"), left, np.zeros(1, dtype=np.uint32)).tolist() == [False]
    assert fit.may_fit(cps("固"), np.zeros(1, dtype=np.uint32), right).tolist() == [False]


def test_packed_keys_are_sorted_and_distinct(small: WordFit) -> None:
    packed = build_keys(["土地", "最强", "中国人", "强国"],
                        {"士": ["土", "干"], "蕞": ["最"], "固": ["国"]})
    fit = WordFit.unpack(packed)
    assert fit.lefts.dtype == fit.rights.dtype == np.uint32 and fit.middles.dtype == np.uint64
    for table in (fit.lefts, fit.rights, fit.middles):
        assert len(table) and np.all(table[1:] > table[:-1])
    assert fit.middles.tolist() == [ord("中") << 32 | ord("固") << 16 | ord("人")]
    assert fit.lefts.tolist() == [ord("强") << 16 | ord("固")]  # 强国 ends with 国, a candidate of 固


def test_the_real_tables_match_a_brute_force_test_on_real_text() -> None:
    linter = Linter(select=["TYP003"])
    linter.lint_text("预热：今天天气很好。")
    rule = next(r for r in linter.engine.rules.document_rules if r.code == "TYP003")
    words = [w for w, f in rule.lex.freqs.items() if f >= cc._MIN_WORD_FREQ and 2 <= len(w) <= 4]
    ends, starts = {w[-2:] for w in words}, {w[:2] for w in words}
    inner = {w[k:k + 3] for w in words for k in range(len(w) - 2)}
    cands = {c: [x for x, *_ in cc.decode_row(enc)] for c, enc in rule.candidates.items()}

    def slow(left: str, c: str, right: str) -> bool:
        return any((left and left + x in ends) or (right and x + right in starts)
                   or (left and right and left + x + right in inner) for x in cands.get(c, ()))

    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    sample = [(text[k - 1] if k % 5 else "", text[k], text[k + 1] if k % 7 else "")
              for k in range(1, len(text) - 1) if text[k] in cands][:3000]
    got = rule._fit.may_fit(cps("".join(c for _, c, _ in sample)), cps([l for l, _, _ in sample]),
                                cps([r for _, _, r in sample]))
    want = [slow(*t) for t in sample]
    assert 100 < sum(want) < len(want) - 100  # both outcomes are common in the sample
    assert got.tolist() == want
    assert slow("推", "士", "地")  # 土地
    assert rule._fit.may_fit(cps("士"), cps("推"), cps("地")).tolist() == [True]


def test_compiled_array_round_trips_by_memory_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPUSLINT_CACHE_DIR", str(tmp_path))
    src = tmp_path / "input.txt"
    src.write_text("a", encoding="utf-8")
    calls = []

    def build() -> np.ndarray:
        calls.append(1)
        return np.arange(5, dtype=np.uint64)

    first = compiled_mod.compiled_array("test-array", [src], build)
    compiled_mod._MEMO.clear()
    second = compiled_mod.compiled_array("test-array", [src], build)
    assert calls == [1]  # the second came from disk
    assert isinstance(second, np.memmap) and second.tolist() == first.tolist() == [0, 1, 2, 3, 4]
    src.write_text("b", encoding="utf-8")  # an edited input is rebuilt
    compiled_mod._MEMO.clear()
    compiled_mod.compiled_array("test-array", [src], build)
    assert calls == [1, 1]


def _searched(monkeypatch: pytest.MonkeyPatch, texts: list[str], prefilter: bool) -> tuple[set, list]:
    """The (profile, document, offset) of every suspect whose search finds some word through a
    candidate, and every finding, over both profiles."""
    found: set[tuple[str, str, int]] = set()
    where: list[tuple[str, str, int]] = []
    real_best, real_words = cc.ConfusableCharacter._best_replacement, cc.words_through

    def best(self, doc, base, run, okb, i, *rest):  # type: ignore[no-untyped-def]
        where.append((self.opts["profile"], doc.path, base + i))
        return real_best(self, doc, base, run, okb, i, *rest)

    def words(*args):  # type: ignore[no-untyped-def]
        out = real_words(*args)
        if out:
            found.add(where[-1])
        return out

    with monkeypatch.context() as m:
        m.setattr(cc.ConfusableCharacter, "_best_replacement", best)
        m.setattr(cc, "words_through", words)
        if not prefilter:
            m.setattr(WordFit, "may_fit", lambda self, chars, lefts, rights: np.ones(len(chars), dtype=bool))
        findings = []
        for profile in ("default", "ocr-review"):
            linter = Linter(select=["TYP003"], options={"TYP003": {"profile": profile}})
            res = linter.lint_documents([document_from_text(t, path=str(k)) for k, t in enumerate(texts)])
            findings += [(profile, f.path, f.location, f.message) for f in res.findings]
    return found, findings


def test_prefilter_never_drops_a_suspect_the_full_search_keeps(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += ["真正成为社会主义现代化新丽水建设蕞强增长极。", "犯罪嫌疑人、被告人聘请的律帅。",
              "北洋政府统冶时期制定的宪法。", "推进士地流转，他前几天己经回到北京。"]
    slow, slow_findings = _searched(monkeypatch, texts, prefilter=False)
    fast, fast_findings = _searched(monkeypatch, texts, prefilter=True)
    assert len(slow) > 20 and any(p == "default" for p, _, _ in slow)  # the sample reaches the search
    assert slow == fast
    assert len(slow_findings) >= 4 and slow_findings == fast_findings
