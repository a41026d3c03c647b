"""Near-duplicate paragraph detection: corpuslint's bulk signatures vs a naive datasketch loop.

Both run in this one process on the same >= 5 MB of real Chinese paragraphs, folded once
(``fold``: NFKC, t2s, punctuation dropped — timed separately and reported, since both need it):

* naive: for every paragraph ``MinHash(num_perm=128)`` and ``update()`` per character 5-gram,
  ``MinHashLSH(threshold=0.8)`` insert, then a query per paragraph; LSH candidates are taken
  as found (no verification);
* corpuslint: ``sign_folded`` per document (vectorised n-gram hashing and MinHash), a
  ``MinHashLSH`` over ``LeanMinHash`` sketches (128 permutations, tuned 0.1 below the 0.8
  threshold, as corpuslint does, since exact verification removes the extra candidates), and
  exact Jaccard verification of every candidate at 0.8 (``find_duplicates``, which also groups identical
  paragraphs and aligns documents sharing two or more paragraphs).

Text: paragraphs built from the sentences of real data available here (the chrome gold
articles, the "right" sentences of the typo test sets, the seed documents), recombined at
random into paragraphs of 2-6 sentences until the corpus reaches the target size; 3% of the
paragraphs get a near-duplicate copy elsewhere (a few characters lost or replaced as OCR does, a
figure changed, or converted to traditional script). Recall is measured on the injected pairs
whose exact 5-gram Jaccard is >= 0.8 (those a 0.8 threshold should find).

    python bench/dup_speed.py            # 5 MB, about a minute
    python bench/dup_speed.py --mb 2     # quicker
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from corpuslint.corpus.normalize import fold, to_traditional  # noqa: E402
from corpuslint.corpus.signatures import SignatureParams, jaccard, shingle_hashes, sign_folded  # noqa: E402
from corpuslint.corpus.similarity import Entry, Settings, find_duplicates  # noqa: E402

DEV = Path("/work/shared/dev")
THRESHOLD, NUM_PERM, N = 0.8, 128, 5
PER_DOC = 20  # paragraphs per synthetic document


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sentences() -> list[str]:
    out: list[str] = []
    texts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(DEV / "chrome" / "*.gold.txt")))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))]
    for t in texts:
        out.extend(s for s in re.split(r"(?<=[。！？!?])|\n", t) if len(s.strip()) >= 8)
    for path in sorted(glob.glob(str(DEV / "typos" / "*.jsonl"))):
        for line in open(path, encoding="utf-8"):
            right = json.loads(line).get("right", "")
            if len(right) >= 8:
                out.append(right)
    return sorted({s.strip() for s in out})


def mutate(text: str, rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.25:
        return to_traditional(text)
    if kind < 0.5 and re.search(r"\d", text):
        return re.sub(r"\d+", lambda m: str(int(m.group()) + 3), text, count=1)
    chars = list(text)
    for _ in range(rng.randint(1, 3)):  # OCR: a character lost or misread
        i = rng.randrange(len(chars))
        if rng.random() < 0.5:
            del chars[i]
        else:
            chars[i] = rng.choice("的一是在不了有和人这中大为上个国我以要他")
    return "".join(chars)


def build(target_bytes: int, seed: int) -> tuple[list[str], list[tuple[int, int]]]:
    rng = random.Random(seed)
    pool = sentences()
    paras: list[str] = []
    size = 0
    while size < target_bytes:
        p = "".join(rng.sample(pool, rng.randint(2, 6)))
        paras.append(p)
        size += len(p.encode("utf-8"))
    # Inject near-duplicates: copies placed at random positions.
    injected: list[tuple[int, int]] = []
    originals = rng.sample(range(len(paras)), len(paras) * 3 // 100)
    for i in originals:
        paras.append(mutate(paras[i], rng))
        injected.append((i, len(paras) - 1))
    order = list(range(len(paras)))
    rng.shuffle(order)
    where = {old: new for new, old in enumerate(order)}
    shuffled = [paras[i] for i in order]
    return shuffled, [(where[a], where[b]) for a, b in injected]


def naive(folded: list[str]) -> set[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    sketches = []
    for i, t in enumerate(folded):
        m = MinHash(num_perm=NUM_PERM)
        for k in range(max(1, len(t) - N + 1)):
            m.update(t[k : k + N].encode("utf-8"))
        lsh.insert(i, m)
        sketches.append(m)
    found = set()
    for i, m in enumerate(sketches):
        for j in lsh.query(m):
            if j != i:
                found.add((min(i, j), max(i, j)))
    return found


def ours(folded: list[str]) -> set[tuple[int, int]]:
    params = SignatureParams(N, NUM_PERM, 10)
    settings = Settings(params, lsh_threshold=THRESHOLD)
    entries = []
    for d in range(0, len(folded), PER_DOC):
        sig = sign_folded(folded[d : d + PER_DOC], params)
        entries.append(Entry(f"doc{d}", None, None, (d,), sig))
    dup = find_duplicates(entries, settings)
    found = set()

    def gid(e: int, p: int) -> int:
        return e * PER_DOC + p  # entries keep their order: ``order`` is the first paragraph index

    for members in dup.members:
        ids = [gid(e, p) for e, p in members]
        for x in range(len(ids)):
            for y in ids[x + 1:]:
                found.add((min(ids[x], y), max(ids[x], y)))
    for rid, hits in dup.near.items():
        for hit in hits:
            for e, p in dup.members[rid]:
                for e2, p2 in dup.members[hit.other]:
                    a, b = gid(e, p), gid(e2, p2)
                    found.add((min(a, b), max(a, b)))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB of UTF-8 (default 5)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    paras, injected = build(int(args.mb * 1e6), args.seed)
    raw_mb = sum(len(p.encode("utf-8")) for p in paras) / 1e6
    t = time.perf_counter()
    folded = [fold(p) for p in paras]
    t_fold = time.perf_counter() - t
    truth = []
    for a, b in injected:
        sa = np_unique(folded[a])
        sb = np_unique(folded[b])
        if jaccard(sa, sb) >= THRESHOLD:
            truth.append((min(a, b), max(a, b)))
    print(f"corpus: {len(paras)} paragraphs, {raw_mb:.2f} MB UTF-8, {len(injected)} injected near-duplicates "
          f"({len(truth)} with exact Jaccard >= {THRESHOLD}); fold: {t_fold:.2f} s ({raw_mb / t_fold:.1f} MB/s)")

    t = time.perf_counter()
    got_ours = ours(folded)
    t_ours = time.perf_counter() - t
    rss_ours = rss_mb()
    t = time.perf_counter()
    got_naive = naive(folded)
    t_naive = time.perf_counter() - t
    rss_naive = rss_mb()

    def recall(found: set[tuple[int, int]]) -> float:
        return sum(1 for p in truth if p in found) / max(1, len(truth))

    print(f"naive datasketch : {t_naive:7.2f} s  {raw_mb / t_naive:6.2f} MB/s  recall {recall(got_naive):.3f}  "
          f"pairs {len(got_naive)} (unverified)  peak RSS {rss_naive:.0f} MB")
    print(f"corpuslint       : {t_ours:7.2f} s  {raw_mb / t_ours:6.2f} MB/s  recall {recall(got_ours):.3f}  "
          f"pairs {len(got_ours)} (verified)    peak RSS {rss_ours:.0f} MB")
    print(f"speed-up: {t_naive / t_ours:.1f}x  (with fold counted on both sides: "
          f"{(t_naive + t_fold) / (t_ours + t_fold):.1f}x)")


def np_unique(text: str):  # type: ignore[no-untyped-def]
    import numpy as np

    h, _ = shingle_hashes([text], N)
    return np.unique(h)


if __name__ == "__main__":
    main()
