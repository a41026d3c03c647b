"""Build labelled chrome pages from the magic-html benchmark, the way bench/chrome_build_pages.py
builds them from the Chinese Web Content Extraction Dataset: a held-out set of sites and kinds
the CHR rules were never tuned on.

Source: opendatalab/magic-html (Apache-2.0), `benchmark/data/{article,forum}/base.json` (page id
-> url and the main content copied by hand) and `htmls/<id>.html`. Only pages whose gold text is
Chinese are taken (54 articles: news portals, government and party sites, blogs, a
novel and poetry site, Baidu Baike and Wikipedia with tables; 22 forum and Q&A threads). The
pages are measured here, never committed.

For each page this writes to OUT `mh-<kind>-<first 10 hex of id>.raw.txt` (naive page text,
`html_to_lines` of chrome_build_pages.py), `.gold.txt` and `line_labels.jsonl` (a raw line is
`content` when it occurs, white space removed, in the gold text, white space removed), plus
`kinds.json` (page id -> kind of site, for bench/chrome_eval.py --kinds) and `table_lines.json`
(lines that are a data table's cell, as in chrome_build_pages.py).

Forum gold texts hold the thread's replies (magic-html extracts them as content); CHR009
reports replies as page chrome by design, so forum pages are reported apart.

Usage: python bench/chrome_build_magic_html.py MAGIC_HTML_REPO OUT
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chrome_build_pages import _Repo, decode, html_to_lines_and_cells, labels, write_table_lines  # noqa: E402

_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_WS = re.compile(r"[ \t\u3000\u00a0]+")


def kind_of(url: str, kind: str) -> str:
    if kind == "forum":
        return "forum"
    if ".gov.cn" in url or "theorychina" in url or "kepu" in url:
        return "government"
    if "baike.baidu" in url or "wikipedia" in url:
        return "reference"
    if "blog" in url or "douban.com/note" in url or "weixin" in url:
        return "blog"
    if any(s in url for s in ("qidian", "dugushici", "zgshige", "pinshiwen", "tqxz")):
        return "literature"
    return "news portal"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("repo")
    ap.add_argument("out")
    args = ap.parse_args(argv)
    repo = _Repo(Path(args.repo))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    records, kinds, table_lines = [], {}, {}
    for kind in ("article", "forum"):
        base = json.loads(repo.read(f"benchmark/data/{kind}/base.json"))
        for pid, rec in sorted(base.items()):
            gold = rec["content"]
            if len(_HAN.findall(gold)) <= 0.3 * len(gold) or len(_KANA.findall(gold)) > 0.02 * len(gold):
                continue  # not Chinese (Japanese pages write kanji too)
            try:
                html = decode(repo.read(f"benchmark/data/{kind}/htmls/{pid}.html"))
            except (OSError, subprocess.CalledProcessError):
                continue
            lines, cells = html_to_lines_and_cells(html)
            gold = "\n".join(_WS.sub(" ", x).strip() for x in gold.split("\n") if x.strip())
            name = f"mh-{kind}-{pid[:10]}"
            (out / f"{name}.raw.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            (out / f"{name}.gold.txt").write_text(gold + "\n", encoding="utf-8")
            records.append({"id": name, "labels": labels(lines, gold)})
            table_lines[name] = cells
            kinds[name] = {"kind": kind_of(rec["url"], kind), "url": rec["url"]}
    with open(out / "line_labels.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    write_table_lines(out, table_lines)
    (out / "kinds.json").write_text(json.dumps(kinds, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    n_c = sum(r["labels"].count("content") for r in records)
    print(f"{len(records)} pages, {sum(len(r['labels']) for r in records)} lines ({n_c} content) written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
