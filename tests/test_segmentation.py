"""Lexicon segmentation: the incremental form (resegmentation after a one-character change or
deletion) gives exactly the full computation, and the per-character word-length bound changes
nothing."""

from __future__ import annotations

import random

from corpuslint.core.packs import PackStore
from corpuslint.text.lexicon import load_lexicon

TEXTS = ["并且治疗效效果比较有限", "自今年3月份份成立运行以来", "真正成为新丽水建设蕞强增长极",
         "以运输为目的的车辆，可以以此为据", "中华人民共和国成立以来"]


def _lexicon():  # type: ignore[no-untyped-def]
    return load_lexicon(PackStore())


def test_resegmentation_equals_full_segmentation() -> None:
    lex = _lexicon()
    rng = random.Random(5)
    for text in TEXTS:
        score, spans, tables = lex.segmentation_tables(text)
        assert (score, spans) == lex.best_segmentation(text)
        for k in range(len(text)):
            changed = text[:k] + rng.choice("的国人土士日目") + text[k + 1:]
            assert lex.resegmentation(changed, tables, k) == lex.best_segmentation(changed)
            deleted = text[:k] + text[k + 1:]
            assert lex.resegmentation(deleted, tables, k) == lex.best_segmentation(deleted)


def test_length_bound_keeps_every_word() -> None:
    lex = _lexicon()
    # with extra words the bound is off: a long extra word ending in any character is read
    assert lex.longest_ending.get("蕞", 1) < 3  # no lexicon word of 3+ characters ends in 蕞
    assert lex.best_segmentation("建设蕞强", extra={"建设蕞": 10 ** 6})[1][0] == (0, 3)
    for word in ("中华人民共和国", "溅射", "效果"):
        assert lex.longest_ending[word[-1]] >= len(word)
