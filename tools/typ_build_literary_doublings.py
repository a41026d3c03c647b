"""Build ``rules/typ/literary_doublings.txt``: reduplicated adjectives and state words (AA) that
written Chinese uses on their own or after a word ending with the same character (芳草萋萋,
蓊郁郁, 杨柳依依, 死板板), so that TYP001 does not take them for a doubled character.

Generated from jieba's dictionary (``jieba/dict.txt`` of the installed jieba, MIT licence) with
its part-of-speech tags:

* AA words tagged as adjectives, state words, idioms or set phrases (a, z, i, l: 郁郁, 依依, 姗姗);
* the BB of ABB state words (tag z, not a classifier after 一: 乱糟糟 -> 糟糟, 死板板 -> 板板);
* the CC of four-character idioms and set phrases ending in a doubling (tags i, l, z:
  人心惶惶 -> 惶惶, 余音袅袅 -> 袅袅).

A short hand-written section (``CURATED`` below; classical AA adjectives jieba lacks, from common
knowledge of literary Chinese, CC0) is appended. Doublings that are not literary but word-ending
slips in edited text (实实 of 踏实实, 开开 of 召开开) are never added: AA words tagged d or v and
ABB words tagged anything but z stay out.

    python tools/typ_build_literary_doublings.py rules/typ/literary_doublings.txt
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

CURATED = "萋萋 冽冽 皑皑 潺潺 涓涓 袅袅 熠熠 灼灼 翩翩 巍巍 莽莽 滔滔 汩汩 淙淙 泠泠 粼粼 皎皎 皓皓 "\
          "昭昭 赫赫 奕奕 凛凛 瑟瑟 萧萧 飒飒 簌簌 戚戚 凄凄 冉冉 迢迢 泱泱 霏霏 蔼蔼 莘莘 芸芸 "\
          "熙熙 攘攘 蓁蓁 葱葱 郁郁 苍苍 茫茫 浩浩 荡荡 悠悠 漫漫 绵绵 脉脉 切切 殷殷 拳拳 耿耿"
_ADJ_TAGS = {"a", "z", "i", "l"}


def _jieba_dict() -> Path:
    spec = importlib.util.find_spec("jieba")
    assert spec is not None and spec.submodule_search_locations
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


def doublings(path: Path) -> dict[str, tuple[str, str]]:
    """AA -> (kind, the dictionary entry it was taken from). Kind ``word``: an AA word of its own
    (郁郁/a), trusted also after a word that ends with A (蓊郁|郁); ``part``: only seen inside a
    longer word (实实 of 厚实实), trusted only where no word ends with the first copy (踏实|实
    is a slip)."""
    found: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) < 3:
            continue
        w, tag = parts[0], parts[2].strip()
        n = len(w)
        if n == 2 and w[0] == w[1] and tag in _ADJ_TAGS:
            found[w] = ("word", f"{w}/{tag}")
        elif n == 3 and w[1] == w[2] != w[0] and tag == "z" and w[0] != "一":
            found.setdefault(w[1:], ("part", f"{w}/{tag}"))
        elif n == 4 and w[2] == w[3] != w[1] and w[0] != w[1] and tag in ("i", "l", "z"):
            found.setdefault(w[2:], ("part", f"{w}/{tag}"))
    return found


def main() -> None:
    out = Path(sys.argv[1])
    found = doublings(_jieba_dict())
    for aa in CURATED.split():
        if found.get(aa, ("",))[0] != "word":
            found[aa] = ("word", "curated")
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# Literary reduplicated adjectives and state words (AA): TYP001 never reports them.\n"
                 "# Built by tools/typ_build_literary_doublings.py from jieba 0.42.1's dict.txt (MIT;\n"
                 "# AA words tagged a/z/i/l, BB of ABB state words, CC of idioms) plus a curated list\n"
                 "# (corpuslint developers, CC0). Columns: AA; word (an AA word of its own) or part\n"
                 "# (seen only inside a longer word: not trusted after a word ending with A); its source.\n")
        for aa in sorted(found):
            kind, source = found[aa]
            fh.write(f"{aa}\t{kind}\t{source}\n")


if __name__ == "__main__":
    main()
