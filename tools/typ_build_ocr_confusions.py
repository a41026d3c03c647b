"""Build ``rules/typ/ocr_confusions.tsv``: how often a real OCR recognizer reads one character
as another, P_ocr(observed | intended), measured on rendered and degraded text.

    nice -n 10 python tools/typ_build_ocr_confusions.py --chars 6000 --trials 16 --top 1500 \
        --top-trials 256 --line 12 --out rules/typ/ocr_confusions.tsv

On two cores, one process per core, then the merge (the shipped table: see rules/typ/README.md):

    A="--chars 6000 --trials 16 --top 1500 --top-trials 256 --line 12"
    for k in 0 1; do nice -n 10 python tools/typ_build_ocr_confusions.py $A --max-lines 30000 \
        --shards 2 --shard $k --step 1000 --out /tmp/ocr.$k.tsv & done; wait
    python tools/typ_build_ocr_confusions.py $A --merge /tmp/ocr.0.tsv.counts.json \
        /tmp/ocr.1.tsv.counts.json [--prefix-table old.tsv --prefix-lines 12000] --out rules/typ/ocr_confusions.tsv

A shard may be stopped at any time: its counts (written every --step lines) are a fair sample,
the lines being a random shuffle.

Build time only (never at run time). Needs ``rapidocr-onnxruntime`` (Apache-2.0; the PP-OCRv4
recognition model ships inside its wheel), Pillow, numpy, and the Noto CJK fonts (Debian
``fonts-noto-cjk``, SIL OFL 1.1). The intended characters are the ``--chars`` most frequent
characters of jieba's dictionary (MIT) that the recognizer's alphabet holds.

Method: random lines of ``--line`` characters are drawn so that every intended character
appears ``--top-trials`` times (the ``--top`` commonest) or ``--trials`` times (the rest), each between real neighbours (the recognizer reads whole lines, and
its errors depend on context). Each line is rendered in one of the Noto CJK faces at a small
size (12-22 px glyphs, what a scanned newspaper column gives at 150-200 dpi), then degraded:
Gaussian blur, salt noise, a global or noisy binarisation, JPEG compression, and an up-scaling to
the recognizer's 48 px line height. Only the recognition model runs (no detection), in batches.
A read line is aligned to its source with difflib; each replaced character of an equal-length
replace block is one observed != intended event. The table keeps pairs seen at least
``--min-count`` times: ``intended<TAB>observed<TAB>count<TAB>trials``.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
# (file, face index of the simplified-Chinese face in the collection)
FONTS = [("NotoSerifCJK-Regular.ttc", 2), ("NotoSansCJK-Regular.ttc", 2),
         ("NotoSerifCJK-Bold.ttc", 2), ("NotoSansCJK-Bold.ttc", 2)]


def top_chars(n: int, alphabet: set[str]) -> list[str]:
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    freq: Counter[str] = Counter()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(" ")
            if len(parts) < 2:
                continue
            f = int(parts[1])
            for c in parts[0]:
                if "\u4e00" <= c <= "\u9fff":
                    freq[c] += f
    return [c for c, _ in freq.most_common() if c in alphabet][:n]


def load_fonts() -> list[tuple[str, int]]:
    out = []
    for name, index in FONTS:
        p = FONT_DIR / name
        if p.exists():
            out.append((str(p), index))
    if not out:
        sys.exit(f"no Noto CJK fonts under {FONT_DIR} (apt-get install fonts-noto-cjk)")
    return out


_FONT_CACHE: dict[tuple[str, int, int], ImageFont.FreeTypeFont] = {}


def font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    key = (path, index, size)
    f = _FONT_CACHE.get(key)
    if f is None:
        f = _FONT_CACHE[key] = ImageFont.truetype(path, size, index=index)
    return f


def render(text: str, fonts: list[tuple[str, int]], rng: random.Random) -> np.ndarray:
    """One degraded line image (H x W x 3 uint8, BGR as the recognizer expects; grey anyway)."""
    path, index = rng.choice(fonts)
    size = rng.randint(12, 22)
    f = font(path, index, size)
    pad = max(2, size // 4)
    w = int(size * len(text) * rng.uniform(1.0, 1.12)) + 2 * pad
    h = size + 2 * pad
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    spacing = (w - 2 * pad) / len(text)
    for k, ch in enumerate(text):
        d.text((pad + k * spacing, pad - size * 0.12 + rng.uniform(-0.6, 0.6)), ch, font=f, fill=rng.randint(0, 60))
    blur = rng.choice((0.0, 0.4, 0.6, 0.8, 1.0, 1.3))
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    a = np.asarray(img, dtype=np.float32)
    if rng.random() < 0.5:
        a = a + np.random.default_rng(rng.randrange(1 << 30)).normal(0, rng.uniform(4, 22), a.shape)
    mode = rng.random()
    if mode < 0.45:  # binarised scan: a global threshold, sometimes too dark or too light
        a = np.where(a > rng.uniform(110, 190), 255.0, 0.0)
    a = np.clip(a, 0, 255).astype(np.uint8)
    img = Image.fromarray(a)
    if rng.random() < 0.5:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=rng.randint(15, 60))
        img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    # up-scale to the recognizer's line height from the low-resolution scan
    scale = 48 / img.height
    img = img.resize((max(8, int(img.width * scale)), 48), rng.choice((Image.BILINEAR, Image.NEAREST, Image.BICUBIC)))
    g = np.asarray(img)
    return np.stack([g, g, g], axis=-1)


def lines_for(chars: list[str], trials: int, top: int, top_trials: int, length: int,
              rng: random.Random) -> list[str]:
    """Random lines in which each of the ``top`` commonest characters appears ``top_trials``
    times and every other one ``trials`` times: a common character is misread rarely, and
    those are the misreadings that matter (OCR output is almost always a common character)."""
    pool = [c for k, c in enumerate(chars) for _ in range(top_trials if k < top else trials)]
    rng.shuffle(pool)
    return ["".join(pool[k:k + length]) for k in range(0, len(pool) - length + 1, length)]


def recognizer(batch: int):  # type: ignore[no-untyped-def]
    """The PP-OCRv4 text-line recognizer of rapidocr-onnxruntime alone, on one thread."""
    from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer
    from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH, read_yaml, update_model_path

    config = update_model_path(read_yaml(DEFAULT_CFG_PATH))["Rec"]
    config["intra_op_num_threads"] = 1
    config["inter_op_num_threads"] = 1
    config["rec_batch_num"] = batch
    return TextRecognizer(config)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=5000)
    ap.add_argument("--trials", type=int, default=24, help="renderings of each intended character")
    ap.add_argument("--top", type=int, default=1500, help="how many of the commonest characters get --top-trials")
    ap.add_argument("--top-trials", type=int, default=256)
    ap.add_argument("--line", type=int, default=10, help="characters per rendered line")
    ap.add_argument("--max-lines", type=int, help="stop after this many lines (the table so far is a fair sample)")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--batch", type=int, default=1, help="lines per model call (1 is fastest on CPU)")
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--shard", type=int, default=0, help="which share of the lines this process reads")
    ap.add_argument("--shards", type=int, default=1, help="processes sharing the lines (run one per core)")
    ap.add_argument("--step", type=int, default=2000, help="lines between two writes of the table")
    ap.add_argument("--merge", type=Path, nargs="+", help="merge the raw counts (*.counts.json) of shards into --out")
    ap.add_argument("--prefix-table", type=Path, help="with --merge: also add a table built earlier from the "
                    "first --prefix-lines lines of the same seed (its counts >= --min-count; trials recounted)")
    ap.add_argument("--prefix-lines", type=int)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    if args.merge:
        merge(args)
        return

    rec = recognizer(args.batch)
    alphabet = set(rec.postprocess_op.character)
    chars = top_chars(args.chars, alphabet)
    fonts = load_fonts()
    rng = random.Random(args.seed)
    np.random.seed(args.seed)
    lines = lines_for(chars, args.trials, args.top, args.top_trials, args.line, rng)
    if args.max_lines:
        lines = lines[:args.max_lines]  # a shuffled prefix: every character in proportion
    if args.shards > 1:
        # Shard k reads lines k, k + shards, ... and renders them with its own random stream; the
        # shards' counts add up to one sample of the same lines (not byte-identical to --shards 1).
        lines = lines[args.shard::args.shards]
        rng = random.Random(f"{args.seed}/{args.shard}")
        np.random.seed(args.seed + 1 + args.shard)
    print(f"{len(chars)} characters, {len(lines)} lines of {args.line}", file=sys.stderr)
    trials: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    unaligned = 0
    t0 = time.process_time()
    step = args.step
    for k in range(0, len(lines), step):
        chunk = lines[k:k + step]
        imgs = [render(s, fonts, rng) for s in chunk]
        res, _ = rec(imgs)
        for src, (got, _score) in zip(chunk, res):
            trials.update(src)
            sm = difflib.SequenceMatcher(None, src, got, autojunk=False)
            for op, a0, a1, b0, b1 in sm.get_opcodes():
                if op == "replace":
                    if a1 - a0 == b1 - b0:
                        for x, y in zip(src[a0:a1], got[b0:b1]):
                            if "\u4e00" <= y <= "\u9fff" or "\u3400" <= y <= "\u4dbf":
                                pairs[(x, y)] += 1
                    else:
                        unaligned += 1
        done = k + len(chunk)
        write(args.out, chars, trials, pairs, args)
        write_counts(args.out, trials, pairs, done, time.process_time() - t0)
        print(f"  {done}/{len(lines)} lines, {time.process_time() - t0:.0f} CPU-s, "
              f"{sum(pairs.values())} substitutions", file=sys.stderr)
    write(args.out, chars, trials, pairs, args)
    print(f"{sum(trials.values())} characters read, {sum(pairs.values())} substitutions ({unaligned} unaligned "
          f"blocks), {time.process_time() - t0:.0f} CPU-s", file=sys.stderr)


def write_counts(out: Path, trials: Counter[str], pairs: Counter[tuple[str, str]], lines: int, cpu: float) -> None:
    """The raw counts so far, next to the table (``<out>.counts.json``): what ``--merge`` adds up."""
    path = out.with_name(out.name + ".counts.json")
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"lines": lines, "cpu_s": round(cpu), "trials": trials,
                               "pairs": [[a, b, n] for (a, b), n in pairs.items()]}, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def merge(args: argparse.Namespace) -> None:
    """One table from the raw counts of several shards."""
    trials: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    lines = cpu = 0
    for path in args.merge:
        got = json.loads(path.read_text(encoding="utf-8"))
        trials.update(got["trials"])
        pairs.update({(a, b): n for a, b, n in got["pairs"]})
        lines += got["lines"]
        cpu += got["cpu_s"]
    if args.prefix_table:
        # The earlier table kept only pairs seen >= --min-count times (a pair seen once there and
        # once here is lost: a slight undercount of the rarest pairs); its trials are exact,
        # recounted from the same seed's lines without rendering them.
        alphabet = set(recognizer(1).postprocess_op.character)
        chars = top_chars(args.chars, alphabet)
        rng = random.Random(args.seed)
        for src in lines_for(chars, args.trials, args.top, args.top_trials, args.line, rng)[:args.prefix_lines]:
            trials.update(src)
        for row in args.prefix_table.read_text(encoding="utf-8").splitlines():
            parts = row.split("\t")
            if len(parts) == 4 and not row.startswith("#"):
                pairs[(parts[0], parts[1])] += int(parts[2])
        lines += args.prefix_lines
    write(args.out, sorted(trials), trials, pairs, args)
    print(f"{lines} lines, {sum(trials.values())} characters read, {cpu} CPU-s, "
          f"{sum(1 for n in pairs.values() if n >= args.min_count)} pairs kept", file=sys.stderr)


def write(out: Path, chars: list[str], trials: Counter[str], pairs: Counter[tuple[str, str]],
          args: argparse.Namespace) -> None:
    """The table so far (written after every chunk, so a long build can be inspected early)."""
    kept = sorted(((a, b, n) for (a, b), n in pairs.items() if n >= args.min_count),
                  key=lambda t: (t[0], -t[2], t[1]))
    tmp = out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(f"# intended\tobserved\tcount\ttrials: PP-OCRv4 rec (rapidocr-onnxruntime) over {len(chars)} "
                 f"characters x {args.top_trials} (top {args.top}) / {args.trials} degraded renderings in Noto CJK; see tools/typ_build_ocr_confusions.py\n")
        for a, b, n in kept:
            fh.write(f"{a}\t{b}\t{n}\t{trials[a]}\n")
    tmp.replace(out)


if __name__ == "__main__":
    main()
