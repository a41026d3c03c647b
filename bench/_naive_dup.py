"""The naive datasketch near-duplicate loop that bench/scale.py measures corpuslint against.

Every ``.txt`` file under the folder is read, split into paragraphs (blank-line or line
separated); each paragraph of 10 or more characters gets ``MinHash(num_perm=128)`` updated with
every character 5-gram, is inserted into ``MinHashLSH(threshold=0.8)`` and then queried; the
candidate pairs are counted (not verified). No normalisation: the baseline does less work than
corpuslint, which folds the text first.

    python bench/_naive_dup.py DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from datasketch import MinHash, MinHashLSH


def main() -> None:
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    sketches = []
    for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
        for p, para in enumerate(path.read_text(encoding="utf-8").split("\n")):
            para = para.strip()
            if len(para) < 10:
                continue
            m = MinHash(num_perm=128)
            for k in range(len(para) - 4):
                m.update(para[k:k + 5].encode("utf-8"))
            key = f"{path}:{p}"
            lsh.insert(key, m)
            sketches.append((key, m))
    pairs = sum(1 for key, m in sketches for other in lsh.query(m) if other != key) // 2
    print(f"{len(sketches)} paragraphs, {pairs} candidate pairs")


if __name__ == "__main__":
    main()
