"""Build ``rules/typ/shape_glyph.txt``: look-alike characters measured on rendered glyphs.

OCR confuses what looks alike on the page, and most of its misreadings (己/已, 未/末, 拔/拨) are
pairs no stroke or component table lists. This script renders the most frequent CJK characters of
jieba's lexicon (corpuslint.text.lexicon, character frequency summed over words) in a
newspaper-like serif face and keeps, for each character, its nearest common look-alikes by a
shape-aware image similarity (``--faces serif,sans`` takes the higher similarity over a serif and a
sans face; measured with bench/typ_tune_glyph.py it was worse: more findings on clean news at
every recall level, e.g. 霖/森, 塘/墙):

1. render each character at ``--size`` px in a ``--box``-px square, centred on the em box (not on
   the ink, so that 口 and 囗 keep their place and size), binarised at 50% grey;
2. blur with a small Gaussian (``--sigma`` px) so that a stroke shifted by a pixel still
   overlaps, then centre and L2-normalise the image vector;
3. similarity = cosine of two such vectors (a matrix product, computed in chunks with numpy);
4. keep the ``--top`` most similar of the ``-n`` most frequent characters (a correction is a
   common character) above ``--threshold``, for those and for the next ``--rare`` characters
   (rare characters OCR produces: 笫 for 第); a pair is written once.

Run by hand (Pillow is needed here only, never at lint time; the font comes from Debian's
``fonts-noto-cjk``, SIL Open Font License 1.1):

    apt-get install -y fonts-noto-cjk && pip install pillow numpy
    python bench/typ_build_glyph_confusions.py            # writes rules/typ/shape_glyph.txt
    python bench/typ_build_glyph_confusions.py --show 未 己  # print one character's neighbours
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from corpuslint.core.packs import PackStore
from corpuslint.text.lexicon import load_lexicon
from corpuslint.corpus.normalize import to_simplified
from corpuslint.text import is_han

ROOT = Path(__file__).resolve().parent.parent / "rules" / "typ"
# Index 2 of each collection is the SC face (simplified Chinese glyph forms).
FONTS = {"serif": ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
         "sans": ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2)}


def frequent_chars(n: int) -> list[str]:
    """The ``n`` most frequent simplified CJK characters of the lexicon."""
    lex = load_lexicon(PackStore())
    chars = [c for c in lex.char_freqs if len(c) == 1 and is_han(c)]
    chars.sort(key=lambda c: -lex.char_freqs[c])
    out = []
    for c in chars:
        if to_simplified(c) == c:  # traditional forms are a script matter, not a look-alike
            out.append(c)
        if len(out) == n:
            break
    return out


def render(chars: list[str], size: int, box: int, face: str = "serif") -> np.ndarray:
    """Binary bitmaps (len(chars), box, box), each glyph placed on its em box."""
    path, index = FONTS[face]
    font = ImageFont.truetype(path, size, index=index)
    out = np.zeros((len(chars), box, box), dtype=np.float32)
    for k, c in enumerate(chars):
        img = Image.new("L", (box, box), 0)
        # "mm": centred on the advance width and the font's ascender/descender line, not on the
        # ink, so every glyph keeps its place within the character cell.
        ImageDraw.Draw(img).text((box / 2, box / 2), c, fill=255, font=font, anchor="mm")
        out[k] = np.asarray(img, dtype=np.float32) >= 128
    return out


def blur(imgs: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur over the last two axes."""
    r = max(1, round(3 * sigma))
    x = np.arange(-r, r + 1, dtype=np.float32)
    k = np.exp(-x * x / (2 * sigma * sigma))
    k /= k.sum()
    pad = np.pad(imgs, ((0, 0), (r, r), (r, r)))
    h = sum(k[i] * pad[:, :, i:i + imgs.shape[2]] for i in range(2 * r + 1))
    return sum(k[i] * h[:, i:i + imgs.shape[1], :] for i in range(2 * r + 1))


def vectors(chars: list[str], size: int, box: int, sigma: float, face: str = "serif") -> np.ndarray:
    imgs = blur(render(chars, size, box, face), sigma).reshape(len(chars), -1)
    imgs -= imgs.mean(axis=1, keepdims=True)  # centred: shared empty margins do not count
    imgs /= np.linalg.norm(imgs, axis=1, keepdims=True) + 1e-9
    return imgs


def neighbours(vecs: list[np.ndarray], n_common: int, top: int, threshold: float, chunk: int = 1000
               ) -> list[list[tuple[int, int, float]]]:
    """For every character, its ``top`` nearest among the first ``n_common`` (a correction is
    always a common character): rows of (index, neighbour index, similarity). With several
    faces, the similarity is the highest over them (a pair that looks alike in one typeface is
    confused when text is set in it)."""
    out: list[list[tuple[int, int, float]]] = []
    n = len(vecs[0])
    for a in range(0, n, chunk):
        sim = np.max([v[a:a + chunk] @ v[:n_common].T for v in vecs], axis=0)
        for r in range(min(sim.shape[0], max(0, n_common - a))):
            sim[r, a + r] = -1.0
        idx = np.argpartition(-sim, top, axis=1)[:, :top]
        for r in range(sim.shape[0]):
            row = sorted(((a + r, int(j), float(sim[r, j])) for j in idx[r] if sim[r, j] >= threshold),
                         key=lambda t: -t[2])
            out.append(row)
    return out


FACE_NAMES = {"serif": "Noto Serif CJK SC Regular", "sans": "Noto Sans CJK SC Regular",
              "serif,sans": "Noto Serif CJK SC Regular and Noto Sans CJK SC Regular (the higher similarity)"}
HEADER = """\
# Look-alike characters measured on rendered glyphs, one pair a line: "a<TAB>b<TAB>similarity".
# How it was made: bench/typ_build_glyph_confusions.py rendered the {n} most frequent simplified
# characters of jieba's dict.txt (MIT; frequency summed over words) and the next {rare} (rare
# characters that OCR produces, compared with the common ones only) in
# {faces} at {size} px in a {box}x{box} cell (placed on the em box), binarised,
# blurred (Gaussian sigma {sigma} px), centred and L2-normalised; similarity = cosine of the two
# images. Each character keeps its {top} nearest common characters with similarity >= {threshold};
# each pair is written once.
# Licence: the table is corpuslint's own data (MIT); it is derived from glyph images of the Noto
# CJK fonts (SIL Open Font License 1.1, (c) Adobe / Google), no font data is included.
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=4000)
    ap.add_argument("--rare", type=int, default=8100,
                    help="less frequent characters compared with the common ones (OCR output)")
    ap.add_argument("--faces", default="serif",
                    help="comma-separated: serif, sans (serif,sans measured worse: more false findings at equal recall)")
    ap.add_argument("--size", type=int, default=30)
    ap.add_argument("--box", type=int, default=32)
    ap.add_argument("--sigma", type=float, default=1.0)
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("--threshold", type=float, default=0.70)
    ap.add_argument("--show", nargs="*", help="print the nearest characters of these and stop")
    ap.add_argument("--out", default=str(ROOT / "shape_glyph.txt"))
    args = ap.parse_args()
    chars = frequent_chars(args.n + args.rare)
    faces = args.faces.split(",")
    vecs = [vectors(chars, args.size, args.box, args.sigma, f) for f in faces]
    if args.show:
        where = {c: k for k, c in enumerate(chars)}
        for c in args.show:
            if c not in where:
                print(c, "not among the characters")
                continue
            sim = np.max([v @ v[where[c]] for v in vecs], axis=0)
            best = np.argsort(-sim)[1:11]
            print(c, " ".join(f"{chars[j]}{sim[j]:.2f}" for j in best))
        return
    near = neighbours(vecs, args.n, args.top, args.threshold)
    seen: set[tuple[str, str]] = set()
    lines = []
    for row in near:
        for k, j, s in row:
            key = tuple(sorted((chars[k], chars[j])))
            if key in seen:
                continue
            seen.add(key)  # type: ignore[arg-type]
            lines.append(f"{chars[k]}\t{chars[j]}\t{s:.3f}")
    Path(args.out).write_text(HEADER.format(faces=FACE_NAMES[args.faces], n=args.n, rare=len(chars) - args.n, size=args.size, box=args.box, sigma=args.sigma,
                                            top=args.top, threshold=args.threshold)
                              + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} pairs over {len(chars)} characters -> {args.out}")


if __name__ == "__main__":
    main()
