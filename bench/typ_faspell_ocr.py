"""Convert FASPell's real OCR test sets (iqiyi/FASPell, data/ocr_{test_1000,train_3575}.txt:
subtitles read by OCR from video frames, each with its hand correction) to the JSON lines that
bench/typ_eval.py reads. GPL-3.0 data: measured here, never committed or shipped.

    python bench/typ_faspell_ocr.py /work/.mirror/iqiyi+FASPell/repo /work/bench-data

The repository is brought by the workplace's ``fetch`` tool (a bare git directory); the files are
read with ``git show``. Rows whose two sides differ in length (a comma moved, a character lost)
keep no per-character error positions.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FILES = {"faspell_ocr_test": "data/ocr_test_1000.txt", "faspell_ocr_train": "data/ocr_train_3575.txt"}


def convert(repo: Path, out_dir: Path) -> None:
    for name, path in FILES.items():
        text = subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{path}"],
                              capture_output=True, text=True, check=True).stdout
        rows = []
        for n, line in enumerate(text.splitlines()):
            parts = line.split("\t")
            if len(parts) != 3:
                continue
            _, wrong, right = parts
            errors = []
            if len(wrong) == len(right):
                errors = [{"pos": i, "wrong": a, "right": b}
                          for i, (a, b) in enumerate(zip(wrong, right)) if a != b]
            rows.append({"id": f"{name}-{n:04d}", "source": f"FASPell {path} (real OCR, GPL-3.0)",
                         "wrong": wrong, "right": right, "errors": errors, "type": "shape",
                         "ocr_like": True})
        with open(out_dir / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    convert(Path(sys.argv[1]), Path(sys.argv[2]))
