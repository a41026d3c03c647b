"""text.patterns: the character a pattern needs (``required``) and ``AnyOf``, which skips a
pattern in a text without that character, answer as the joined alternation does."""

from __future__ import annotations

import random

import regex

from corpuslint.core import PackStore
from corpuslint.text.patterns import AnyOf, required


def test_required_takes_a_literal_outside_groups_and_quantifiers() -> None:
    assert required(r"[\p{Han}·]{2,4}\s*摄(?:影)?[）)]?$") == "摄"
    assert required(r"(?<![\w.+-])[\w.+-]+@[\w-]+") == "@"
    assert required(r"a{2}b") == "b"
    assert required(r"\p{Han}{2}x") == "x"


def test_required_gives_nothing_where_a_match_may_lack_the_character() -> None:
    for p in (r"摄+", r"摄?", r"摄{0,2}", r"摄*x?", r"a|摄", r"(?:摄)", r"[摄]", r"(?i)摄", r"\摄",
              r"\x41", r"\012", r"\pL", r"\N{LATIN SMALL LETTER A}", r"\u00e9", r"\d1"):
        assert required(p) == "", p
    assert required(r"\d摄") == "摄" and required(r"\.：") == "："
    assert required("a b", regex.VERBOSE) == ""
    # case-insensitive: a letter may match its other case; Han characters and digits may not
    assert required("ab", regex.IGNORECASE) == ""
    assert required("a摄", regex.IGNORECASE) == "摄"


def _texts(rng: random.Random, alphabet: str, n: int) -> list[str]:
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_anyof_answers_as_the_alternation_on_the_shipped_pattern_lists() -> None:
    packs = PackStore()
    rng = random.Random(5)
    alphabet = "摄影供图片来源由提供拍摄为记者张三李四 ，。（）()：:/1380-@a.QQ微信▲视觉中国|12:30"
    texts = _texts(rng, alphabet, 3000) + ["新华社记者 李四 摄", "（图片由张三提供）", "电话：13812345678",
                                           "a@b.cn", "▲ 现场", "资料图）"]
    for pack, key in (("page/kinds.toml", "credit_patterns"), ("chr/contact.toml", "contacts"),
                      ("chr/related.toml", "item_patterns"), ("chr/related.toml", "link_marks")):
        pats = packs.toml(pack)[key]
        whole = regex.compile("|".join(f"(?:{p})" for p in pats))
        any_of = AnyOf(pats)
        got = [any_of.found(t) for t in texts]
        assert got == [bool(whole.search(t)) for t in texts], key
        assert any(got), key  # the texts exercise the patterns
