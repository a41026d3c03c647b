"""The fast paths of the text forms give what the plain computations give: ``text.nfkc`` is
``unicodedata.normalize("NFKC")``, fold's punctuation removal by ``re`` runs is ``regex``'s
``[\\p{P}\\p{Z}\\s]+`` removal, the alignment stream's runs of letters are ``str.isalnum``."""

from __future__ import annotations

import random
import unicodedata

import regex

from corpuslint.core import Document
from corpuslint.corpus import normalize
from corpuslint.corpus.align import build_stream
from corpuslint.text import nfkc

# full-width ASCII, punctuation of several planes, combining marks, compatibility forms,
# spaces, a lone surrogate's neighbours, Han of the BMP and beyond
_ALPHABET = ("１２３ＡＢａｂ％．，。、：；！？“”‘’（）《》—…·\u3000 \t\u00a0\u2028\u200b"
             "\u0301\u0308e\u212b\u2460㈠ﬁ\uff61\uff9e\U00010100\U0001F600\U00020000"
             "中国的年月日發展資料1.5%abcXYZ_-/")


def _texts(n: int) -> list[str]:
    rng = random.Random(11)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 24))) for _ in range(n)]


def test_nfkc_is_unicodedata_nfkc() -> None:
    for t in _texts(4000):
        assert nfkc(t) == unicodedata.normalize("NFKC", t), repr(t)


def test_punctuation_removal_is_regex_class_removal() -> None:
    plain = regex.compile(r"[\p{P}\p{Z}\s]+")
    texts = _texts(4000) + ["".join(chr(c) for c in range(0x2000, 0x2070)), "\u3000".join("一二三")]
    for t in texts:
        assert normalize._unpunctuated(t) == plain.sub("", t), repr(t)


def test_fold_together_is_fold_one_by_one() -> None:
    texts = [t for t in _texts(600) if "\n" not in t]
    assert normalize._fold_together(texts) == [normalize.fold(t) for t in texts]


def test_stream_keeps_letters_digits_and_the_marks_of_figures() -> None:
    doc = Document(text="增长１．５％，达到3.5亿。\n第二行 a_b ｃ\n", path="x.txt")
    s = build_stream(doc)
    assert s.text == "增长1.5%达到3.5亿第二行abc"
    assert all(doc.text[o].isalnum() or doc.text[o] in "．％." for o in s.offsets)
    assert s.breaks[0] == 1 and s.breaks[s.text.index("达")] == 1 and s.breaks[s.text.index("第")] == 1
