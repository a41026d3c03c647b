"""Build labelled chrome pages (naive page text + gold article + line labels) from the Chinese Web
Content Extraction Dataset, the way ../shared/dev/chrome was made.

Source: immortal-autumn/Chinese-Web-Content-Extraction-Dataset (MIT, (c) 2022 Elwin): 69 saved
Chinese web pages (`original/<uuid>.html`) with the article body copied by hand
(`cleaned/<uuid>.txt`). For each page this writes to OUT:

* `cwced-<first 8 hex of uuid>.raw.txt`: the page as naive plain text: the `<title>` first, then
  the text of the `<body>` with scripts, styles and other non-text elements dropped, one line per
  block element (`<p>`, `<div>`, `<li>`, `<td>`, `<h1>`, `<br>` ...), runs of white space folded
  to one space, blank lines dropped;
* `cwced-<id>.gold.txt`: the gold article text (blank lines dropped, runs of spaces folded);
* `line_labels.jsonl`: `{"id", "labels"}` with one label per raw line: `content` when the line,
  with all white space removed, occurs in the gold text with all white space removed, else
  `other` (this rule reproduces the labels of ../shared/dev/chrome exactly);
* `table_lines.json`: page id -> the raw lines that are a cell of a data table in the HTML (a
  `<table>` holding no other table, >= 2 rows of >= 2 non-empty cells, the cell <= 150
  characters); bench/chrome_eval.py reports how many of its `content` lines are flagged.

Pages whose id is in EXCLUDE (default: the ids of ../shared/dev/chrome) are skipped, so OUT is a
held-out set.

Usage:
  python bench/chrome_build_pages.py REPO_DIR OUT [--exclude DIR_WITH_LABELS] [--only DIR] [--check DIR]

REPO_DIR is a checkout of the dataset (or a bare git dir: files are read at HEAD with git).
``--check DIR`` converts the pages of DIR (e.g. ../shared/dev/chrome) and reports how many raw
lines agree with the stored ones, to verify the converter.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

# Elements whose text is never shown as page text.
SKIP = {"script", "style", "noscript", "template", "svg", "math", "object", "textarea"}
# Elements that start and end a line (block-level and table/list structure).
BLOCK = {"title", "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
         "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
         "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
         "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
         "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", "option"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
_WS = re.compile(r"\s+")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([\w-]+)""", re.I)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.title: list[str] = []
        self.buf: list[str] = []
        self.skip = 0  # depth inside SKIP elements
        self.in_title = False
        self.title_done = False
        # data tables: per table, its rows of cell text lengths and whether it holds a table
        self.tables: list[dict] = []
        self.open_tables: list[int] = []
        self.open_cells: list[tuple[int, int, int]] = []  # (table, row, cell)
        self.line_cell: dict[int, tuple[int, int, int]] = {}  # index in self.lines -> its cell

    def _flush(self) -> None:
        line = _WS.sub(" ", "".join(self.buf).replace("\ufeff", "")).strip()
        if line:
            if self.open_cells:
                t, r, c = self.open_cells[-1]
                self.line_cell[len(self.lines)] = (t, r, c)
                self.tables[t]["rows"][r][c] += len(line)
            self.lines.append(line)
        self.buf = []

    def _table_tag(self, tag: str, start: bool) -> None:
        """Track which table cell each line comes from (for ``table_lines``)."""
        if tag == "table" and start:
            for t in self.open_tables:
                self.tables[t]["nested"] = True
            self.tables.append({"rows": [], "nested": False})
            self.open_tables.append(len(self.tables) - 1)
        elif tag == "table" and self.open_tables:
            t = self.open_tables.pop()
            while self.open_cells and self.open_cells[-1][0] == t:
                self.open_cells.pop()
        elif not self.open_tables:
            return
        elif tag == "tr" and start:
            t = self.open_tables[-1]
            while self.open_cells and self.open_cells[-1][0] == t:
                self.open_cells.pop()
            self.tables[t]["rows"].append([])
        elif tag in ("td", "th"):
            t = self.open_tables[-1]
            while self.open_cells and self.open_cells[-1][0] == t:
                self.open_cells.pop()
            if start:
                rows = self.tables[t]["rows"]
                if not rows:
                    rows.append([])
                rows[-1].append(0)
                self.open_cells.append((t, len(rows) - 1, len(rows[-1]) - 1))

    def table_lines(self) -> list[int]:
        """Lines (0-based in ``lines``) that are a cell of a data table: a table holding no
        other table, with at least two rows of at least two non-empty cells, the cell at most
        150 characters (a layout table's article cell is longer)."""
        out = []
        for k, (t, r, c) in sorted(self.line_cell.items()):
            table = self.tables[t]
            full = sum(1 for row in table["rows"] if sum(1 for n in row if n) >= 2)
            if not table["nested"] and full >= 2 and table["rows"][r][c] <= 150:
                out.append(k)
        return out

    def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if tag == "title" and not self.title_done:
            # the first <title> is the page title; later ones (inline SVG, widgets) are text
            self.in_title = True
            return
        if tag in SKIP and tag not in VOID:
            self.skip += 1
            return
        if tag in BLOCK and not self.skip:
            self._flush()
            self._table_tag(tag, True)

    def handle_startendtag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if tag in BLOCK and not self.skip:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title = False
            self.title_done = True
            return
        if tag in SKIP and tag not in VOID:
            self.skip = max(0, self.skip - 1)
            return
        if tag in BLOCK and not self.skip:
            self._flush()
            self._table_tag(tag, False)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.buf.append(data)

    def text(self) -> list[str]:
        self._flush()
        title = _WS.sub(" ", "".join(self.title)).strip()
        return ([title] if title else []) + self.lines


def decode(data: bytes) -> str:
    """Decode with the page's declared charset (GB2312/GBK read as GB18030), else UTF-8."""
    m = _CHARSET.search(data[:4096])
    names = []
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        names.append("gb18030" if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk") else name)
    names += ["utf-8", "gb18030"]
    for name in names:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    # a few stray bytes: keep the decoding that loses fewest characters
    return min((data.decode(n, "replace") for n in ("utf-8", "gb18030")), key=lambda t: t.count("\ufffd"))


def html_to_lines(html: str) -> list[str]:
    return html_to_lines_and_cells(html)[0]


def html_to_lines_and_cells(html: str) -> tuple[list[str], list[int]]:
    """The naive page text and the 1-based numbers of its lines that are a data table's cell
    (``_Text.table_lines``: for bench/chrome_eval.py's table figure)."""
    p = _Text()
    p.feed(html)
    p.close()
    lines = p.text()
    offset = len(lines) - len(p.lines)  # the title line
    return lines, [k + 1 + offset for k in p.table_lines()]


# GBK byte pair A3A0, which browsers show as a full-width space, decodes to U+E5E5: it counts as
# white space when labelling (no page of ../shared/dev/chrome changes label by it).
_LABEL_WS = re.compile(r"[\s\ue5e5]+")


def labels(lines: list[str], gold: str) -> list[str]:
    g = _LABEL_WS.sub("", gold)
    out = []
    for line in lines:
        s = _LABEL_WS.sub("", line)
        out.append("content" if s and s in g else "other")
    return out


class _Repo:
    """Read files of the dataset from a work tree or, for a bare mirror, with git at HEAD."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.bare = not (root / "original").is_dir()

    def names(self) -> list[str]:
        if not self.bare:
            return sorted(p.stem for p in (self.root / "original").glob("*.html"))
        out = subprocess.run(["git", "-C", str(self.root), "ls-tree", "--name-only", "HEAD",
                              "original/"], capture_output=True, text=True, check=True).stdout
        return sorted(Path(x).stem for x in out.split())

    def read(self, rel: str) -> bytes:
        if not self.bare:
            return (self.root / rel).read_bytes()
        return subprocess.run(["git", "-C", str(self.root), "show", f"HEAD:{rel}"],
                              capture_output=True, check=True).stdout


def build(repo: _Repo, uuid: str) -> tuple[str, list[str], str, list[int]]:
    lines, cells = html_to_lines_and_cells(decode(repo.read(f"original/{uuid}.html")))
    gold_raw = repo.read(f"cleaned/{uuid}.txt").decode("utf-8-sig", "replace")
    gold = "\n".join(_WS.sub(" ", g).strip() for g in gold_raw.splitlines() if g.strip())
    return "cwced-" + uuid[:8], lines, gold, cells


def write_table_lines(out: Path, cells: dict[str, list[int]]) -> None:
    """`table_lines.json`: page id -> the lines that are a data table's cell in the HTML."""
    (out / "table_lines.json").write_text(json.dumps(cells, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("repo")
    ap.add_argument("out", nargs="?")
    ap.add_argument("--exclude", help="a labelled folder whose page ids are left out")
    ap.add_argument("--check", help="compare the conversion with the raw pages of this folder")
    ap.add_argument("--only", help="a labelled folder whose page ids alone are built (e.g. to add "
                                   "table_lines.json to a copy of ../shared/dev/chrome)")
    args = ap.parse_args(argv)
    repo = _Repo(Path(args.repo))
    uuids = {"cwced-" + u[:8]: u for u in repo.names()}
    if args.check:
        root = Path(args.check)
        same = total = 0
        for raw in sorted(root.glob("*.raw.txt")):
            pid = raw.name.split(".")[0]
            if pid not in uuids:
                continue
            _, lines, _, _ = build(repo, uuids[pid])
            want = [x for x in raw.read_text(encoding="utf-8").split("\n") if x.strip()]
            sm = difflib.SequenceMatcher(None, want, lines, autojunk=False)
            m = sum(b.size for b in sm.get_matching_blocks())
            same, total = same + m, total + len(want)
            print(f"{pid}: {m}/{len(want)} stored lines reproduced ({len(lines)} produced)")
        print(f"overall {same}/{total} = {100 * same / max(1, total):.1f}%")
        return 0
    if not args.out:
        ap.error("OUT is required unless --check is given")
    exclude: set[str] = set()
    if args.exclude:
        exclude = {p.name.split(".")[0] for p in Path(args.exclude).glob("*.raw.txt")}
    only = {p.name.split(".")[0] for p in Path(args.only).glob("*.raw.txt")} if args.only else None
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    records, table_lines = [], {}
    for pid, uuid in sorted(uuids.items()):
        if pid in exclude or only is not None and pid not in only:
            continue
        pid, lines, gold, table_lines[pid] = build(repo, uuid)
        (out / f"{pid}.raw.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (out / f"{pid}.gold.txt").write_text(gold + "\n", encoding="utf-8")
        records.append({"id": pid, "labels": labels(lines, gold)})
    with open(out / "line_labels.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    write_table_lines(out, table_lines)
    n_c = sum(r["labels"].count("content") for r in records)
    n = sum(len(r["labels"]) for r in records)
    print(f"{len(records)} pages, {n} lines ({n_c} content) written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
