"""Build a synthetic OCR test set for the TYP rules from clean edited news (fixed seed).

    python bench/typ_ocr_synth.py            # writes /work/bench-data/ocr_synth.jsonl
    python bench/typ_ocr_synth.py --near --four-corner /tmp/w/char_similar/data/char_fourangle.dict
                                             # writes /work/bench-data/ocr_synth_near.jsonl
    python bench/typ_eval.py                 # picks it up with the other *.jsonl sets

No public Chinese post-OCR correction set with a usable licence was found (searched: GitHub OCR
correction repositories, CSC datasets with an "ocr" subset, historical-newspaper ground truth);
the closest public resource is the character confusion set that Wang et al. (EMNLP 2018, "A Hybrid
Approach to Automatic Corpus Generation for Chinese Spelling Check", wdimmy/Automatic-Corpus-
Generation) obtained by rendering characters, blurring the images and reading them back with
Tesseract: real OCR misreadings, character by character. It is independent of corpuslint's own
confusion data, so recall measured with it is not circular. It stays outside the repository
(``/work/bench-data/tencent_ocr_confusionset.txt``, no licence stated).

Source sentences (all clean, edited news): the hand-copied article bodies
``/work/shared/dev/chrome/*.gold.txt`` cut into sentences, and People's Daily 2023-24 sentences
(corrected side of zejunwang1/csc_hard ``news_paper.jsonl``).

Error model (per sentence; OCR of a clean newspaper page at roughly 0.5-1 % character error rate
leaves about one sentence in three to two with an error, so half of the sentences get errors):
* 50 % of the sentences stay clean (negatives; the eval also uses every corrected sentence);
* an erroneous sentence gets 1 error, 20 % of them a second one; each error is
  - ``shape`` (62 %): a CJK character replaced by one of its OCR misreadings from the Tesseract
    confusion set (uniform over the set, which includes rare characters such as 蕞 for 最);
  - ``double`` (12 %): a CJK character printed twice (份份, 甬甬);
  - ``drop`` (12 %): a CJK character lost;
  - ``punct`` (14 %): a punctuation mark read as a similar one (，→, or 、, 。→. , ：→: , ；→; ,
    “→" , （→( ).
``--near`` keeps, of each character's Tesseract misreadings, only those whose four-corner code
(四角号码, from char-similar's ``char_fourangle.dict``; a glyph-shape code that corpuslint's own
confusion data does not use) shares at least 4 of its 5 digits with the original's: 哨→捎,
路→洛, 日→曰 — the close look-alikes that dominate OCR of clean print. The plain set keeps every
misreading (前→菜 too), which Tesseract produced only on heavily blurred single glyphs.

Split/merged characters (口+天 for 吞) are rare in modern newspaper OCR and are not simulated.
Every row carries ``type`` (the error types, "+"-joined) and ``ocr_like: true``.
"""

from __future__ import annotations

import glob
import json
import random
import re
from pathlib import Path

SEED = 20261121
OUT = Path("/work/bench-data/ocr_synth.jsonl")
CONFUSION = Path("/work/bench-data/tencent_ocr_confusionset.txt")
GOLD_GLOB = "/work/shared/dev/chrome/*.gold.txt"
PD_NEWS = Path("/work/bench-data/csc_hard_news.jsonl")
N_SENTENCES = 2400
CJK = re.compile("[\u4e00-\u9fff]")
PUNCT = {"，": ",、", "。": ".", "：": ":", "；": ";", "“": "\"", "”": "\"", "（": "(", "）": ")"}
KINDS = [("shape", 62), ("double", 12), ("drop", 12), ("punct", 14)]


def sentences() -> list[str]:
    out = []
    for p in sorted(glob.glob(GOLD_GLOB)):
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            for s in re.findall(r"[^。！？]+[。！？]?", line.strip()):
                s = s.strip()
                if 12 <= len(s) <= 120 and len(CJK.findall(s)) >= 8:
                    out.append(s)
    for line in PD_NEWS.read_text(encoding="utf-8").splitlines():
        s = json.loads(line)["right"].strip()
        if 12 <= len(s) <= 120:
            out.append(s)
    return list(dict.fromkeys(out))


def load_confusions(four_corner: dict[str, str] | None = None) -> dict[str, list[str]]:
    def near(a: str, b: str) -> bool:
        if four_corner is None:
            return True
        x, y = four_corner.get(a), four_corner.get(b)
        return bool(x and y) and sum(p == q for p, q in zip(x, y)) >= 4

    table = {}
    for line in CONFUSION.read_text(encoding="utf-8").splitlines():
        ch, _, alts = line.partition(":")
        alts = [a for a in dict.fromkeys(alts.strip()) if CJK.fullmatch(a) and a != ch and near(ch, a)]
        if len(ch) == 1 and alts:
            table[ch] = alts
    return table


def inject(rng: random.Random, s: str, kind: str, conf: dict[str, list[str]]) -> tuple[str, dict] | None:
    if kind == "punct":
        pos = [i for i, c in enumerate(s) if c in PUNCT]
        if not pos:
            return None
        i = rng.choice(pos)
        alt = rng.choice(PUNCT[s[i]])
        return s[:i] + alt + s[i + 1:], {"pos": i, "wrong": alt, "right": s[i], "type": kind}
    pos = [i for i, c in enumerate(s) if CJK.fullmatch(c)]
    if kind == "shape":
        pos = [i for i in pos if s[i] in conf]
    if not pos:
        return None
    i = rng.choice(pos)
    c = s[i]
    if kind == "shape":
        alt = rng.choice(conf[c])
        return s[:i] + alt + s[i + 1:], {"pos": i, "wrong": alt, "right": c, "type": kind}
    if kind == "double":
        return s[:i + 1] + c + s[i + 1:], {"pos": i + 1, "wrong": c, "right": "", "type": kind}
    # drop: the error "position" is the character after the gap (what a finding would overlap)
    return s[:i] + s[i + 1:], {"pos": min(i, len(s) - 2), "wrong": "", "right": c, "type": kind}


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--near", action="store_true", help="close look-alikes only (four-corner code)")
    ap.add_argument("--four-corner", type=Path, help="char-similar's char_fourangle.dict")
    args = ap.parse_args()
    out = OUT
    four = None
    if args.near:
        four = json.loads(args.four_corner.read_text(encoding="utf-8"))
        out = OUT.with_name("ocr_synth_near.jsonl")
    rng = random.Random(SEED)
    conf = load_confusions(four)
    pool = sentences()
    rng.shuffle(pool)
    rows = []
    kinds, weights = zip(*KINDS)
    for k, s in enumerate(pool[:N_SENTENCES]):
        row = {"id": f"ocr-synth{'-near' if args.near else ''}-{k}", "source": "synthetic OCR errors (bench/typ_ocr_synth.py) on clean news",
               "wrong": s, "right": s, "errors": [], "type": "", "ocr_like": True}
        if rng.random() < 0.5:
            wrong, errs = s, []
            for _ in range(2 if rng.random() < 0.2 else 1):
                got = inject(rng, wrong, rng.choices(kinds, weights)[0], conf)
                if got is None:
                    continue
                if errs and got[1]["pos"] <= max(e["pos"] for e in errs):
                    continue  # keep positions simple: a second error only after the first
                wrong, err = got
                errs.append(err)
            if errs:
                row.update(wrong=wrong, errors=errs, type="+".join(e["type"] for e in errs))
        rows.append(row)
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    pos = [r for r in rows if r["errors"]]
    by = {}
    for r in pos:
        for t in r["type"].split("+"):
            by[t] = by.get(t, 0) + 1
    print(f"{len(rows)} sentences, {len(pos)} with errors; errors by type: {by} -> {out}")


if __name__ == "__main__":
    main()
