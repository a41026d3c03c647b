"""Measure the CHR rules on real pages with line labels.

For every page of a labelled set (default: ../shared/dev/chrome, 19 real Chinese web pages as
naive text, MIT, (c) 2022 Elwin, immortal-autumn/Chinese-Web-Content-Extraction-Dataset), run
every CHR rule and report, per page and overall:

* content flagged: share of `content` lines (lines of the gold article text) covered by a finding
  (target <= 3 %);
* other caught: share of `other` lines (menus, headline, meta, lists, footer) covered by a finding
  (target >= 70 %).

The labels are automatic (a raw line is `content` if it occurs in the gold text): the gold omits
headline, byline and date, so those count as `other`, and a few gold files keep some chrome, so a
few `content` lines are in fact chrome (one-character menu items such as `中国` that also occur in
the article, a related list kept in the gold). ``--show`` prints the disagreeing lines.

Hand-checked corrections of those labels live in bench/chrome_label_fixes.json (page, line, text,
corrected label, reason; every flagged `content` line of the named kinds of site was reviewed).
Each figure is printed twice: with the automatic labels and, after `|`, with the corrections
("hand"). A correction whose text no longer matches its line is reported and ignored.

Per kind of site (news portal, government, blog, forum, newspaper, other; bench/chrome_kinds.json)
the same two figures are printed, and overall figures without pages of more than 1000 lines (one
encyclopedia page of the held-out set has 3077 lines, a third of all its lines, and its gold
leaves out or joins into one line the rows of its ~2000 lines of discography, programme and
award tables, which the exact labels therefore call `other`), with the automatic and the exact
labels.

A held-out set of 50 more pages of the same dataset, made the same way, is built with
bench/chrome_build_pages.py (e.g. into /work/bench-data/chrome-extra).

Labelling policy (issue 11), applied to the exact labels: a `content` line that is the page's
headline (a line that begins the `<title>` line, at most 40 characters, no sentence-final mark),
a byline or date line, an editor line (`责任编辑：`), a source or credit line (`来源：`,
`图片来源：`, `（记者 …摄）`) is `other`: the gold texts of the datasets keep some of them, the
linter reports them as page chrome by design.

Splits (`--split tune|held`, default DIRs: /work/bench-data/chrome/{mh,cwced}, built with
bench/chrome_build_magic_html.py and bench/chrome_build_pages.py): within each set, the pages
of each kind of site are sorted by id and dealt alternately to `tune` (1st, 3rd, ...) and `held`.
Rules are tuned looking at `tune` (and ../shared/dev/chrome) only.

Table figures: "table rows" are the content lines the page model reads as table rows (kind
`table`); "table cells" are the content lines that were a cell of a data table in the HTML, for
sets whose builder wrote `table_lines.json` (bench/chrome_build_pages.py; for the dev pages build
a copy with `--only ../shared/dev/chrome`, e.g. into /work/bench-data/chrome/dev).

Usage: python bench/chrome_eval.py [DIR ...] [--split tune|held] [--show] [--select CHR001,CHR002]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from corpuslint import Linter
from corpuslint.core import Document
from corpuslint.page import page as pagemodel

DEFAULT = Path("/work/shared/dev/chrome")  # ../shared/dev/chrome of the main work tree
SETS = [Path("/work/bench-data/chrome/mh"), Path("/work/bench-data/chrome/cwced")]
KINDS = Path(__file__).resolve().parent / "chrome_kinds.json"
FIXES = Path(__file__).resolve().parent / "chrome_label_fixes.json"
BIG = 1000  # pages with more lines than this are also left out of one overall figure


def flagged_lines(findings) -> dict[int, str]:  # type: ignore[no-untyped-def]
    out: dict[int, str] = {}
    for f in findings:
        for n in range(f.location.line, f.location.end_line + 1):
            out.setdefault(n, f.code)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="*")
    ap.add_argument("--split", choices=("tune", "held", "all"), help="half of each set (see the docstring)")
    ap.add_argument("--show", action="store_true", help="print flagged content and missed other lines")
    ap.add_argument("--select", default="CHR")
    args = ap.parse_args(argv)
    roots = [Path(d) for d in args.dir] or (SETS if args.split else [DEFAULT])
    kinds = {k: v for k, v in json.loads(KINDS.read_text()).items() if not k.startswith("_")} if KINDS.exists() else {}
    labels, root_of = [], {}
    cells_of: dict[str, set[int]] = {}  # page -> lines that are a data table's cell in the HTML
    for root in roots:
        if (root / "table_lines.json").exists():
            cells_of.update({k: set(v) for k, v in json.loads((root / "table_lines.json").read_text()).items()})
        if (root / "kinds.json").exists():  # a set's own kinds (bench/chrome_build_magic_html.py)
            kinds.update({k: v["kind"] for k, v in json.loads((root / "kinds.json").read_text()).items()})
        recs = [json.loads(line) for line in (root / "line_labels.jsonl").read_text().splitlines() if line]
        if args.split and args.split != "all":
            recs = split(recs, kinds, args.split)
        for rec in recs:
            root_of[rec["id"]] = root
        labels += recs
    linter = Linter(select=args.select.split(","))
    docs = []
    for rec in labels:
        path = root_of[rec["id"]] / f"{rec['id']}.raw.txt"
        docs.append(Document(path.read_text(encoding="utf-8"), path=str(path)))
    t0 = time.perf_counter()
    result = linter.lint_documents(docs)
    elapsed = time.perf_counter() - t0
    by_path: dict[str, list] = {}
    for f in result.findings:
        by_path.setdefault(f.path, []).append(f)
    fixes = _load_fixes(FIXES)
    tot = [0] * 8  # content, flagged content, other, caught other: automatic, then hand-corrected
    noise = 0
    exact = [0] * 4
    per_page: list[float] = []
    per_page_content: list[float] = []
    exact_by_kind: dict[str, list[int]] = {}
    articles: list[list[int]] = []  # exact counts of every page but forum threads
    small: list[list[int]] = []  # exact counts of every page but forum threads of at most BIG lines
    table_rows = [0, 0]  # content lines the page model reads as table rows, and those flagged
    table_cells = [0, 0]  # content lines that are a data table's cell in the HTML, and those flagged
    by_kind: dict[str, list[int]] = {}
    print(f"{'page':18} {'content':>8} {'flagged':>8} {'other':>6} {'caught':>7} | "
          f"{'content':>7} {'flagged':>8} {'other':>6} {'caught':>7}  (automatic | hand)")
    for rec, doc in zip(labels, docs):
        flagged = flagged_lines(by_path.get(doc.path, []))
        lines = doc.text.split("\n")
        gold_file = root_of[rec["id"]] / f"{rec['id']}.gold.txt"
        gold = {g.strip() for g in gold_file.read_text(encoding="utf-8").splitlines()} if gold_file.exists() else set()
        hand = dict(enumerate(rec["labels"], 1))
        for n, (text, lab, _why) in fixes.get(rec["id"], {}).items():
            if n <= len(lines) and lines[n - 1].strip() == text:
                hand[n] = lab
            else:
                print(f"   stale label fix {rec['id']}:{n} `{text[:30]}` (ignored)", file=sys.stderr)
        page = [0] * 8
        kind_of_line = {b.line: b.kind for b in pagemodel(doc).blocks}
        exact_page = [0] * 4  # content, flagged content, other, caught other with exact labels
        for n, lab in enumerate(rec["labels"], 1):
            if n > len(lines) or not lines[n - 1].strip():
                continue
            hit = n in flagged
            for k, label in ((0, lab), (4, hand[n])):
                if label == "content":
                    page[k] += 1
                    page[k + 1] += hit
                else:
                    page[k + 2] += 1
                    page[k + 3] += hit
            if lab == "content" and hit and _substring_only(lines[n - 1], gold):
                noise += 1
            # exact labels: a short line found in the gold only inside a longer line is `other`
            ex = 0 if lab == "content" and not _substring_only(lines[n - 1], gold) else 2
            if ex == 0 and by_policy(lines[n - 1], lines[0]):
                ex = 2
                if args.show and not hit:
                    print(f"   policy other   {rec['id']}:{n} {lines[n-1][:70]}")
            exact_page[ex] += 1
            exact_page[ex + 1] += hit
            if ex == 0 and kind_of_line.get(n) == "table":
                table_rows[0] += 1
                table_rows[1] += hit
                if hit and args.show:
                    print(f"   FLAGGED table row {rec['id']}:{n} [{flagged[n]}] {lines[n-1][:70]}")
            if ex == 0 and n in cells_of.get(rec["id"], ()):
                table_cells[0] += 1
                table_cells[1] += hit
                if hit and args.show:
                    print(f"   FLAGGED table cell {rec['id']}:{n} [{flagged[n]}] {lines[n-1][:70]}")
            if args.show and lab == "content" and hit:
                tag = ("flagged relabel" if hand[n] != "content" else
                       "flagged short" if _substring_only(lines[n - 1], gold) else "FLAGGED content")
                print(f"   {tag} {rec['id']}:{n} [{flagged[n]}] {lines[n-1][:70]}")
            elif args.show and lab != "content" and not hit:
                print(f"   missed other   {rec['id']}:{n} {lines[n-1][:70]}")
        tot = [a + b for a, b in zip(tot, page)]
        exact = [a + b for a, b in zip(exact, exact_page)]
        acc_e = exact_by_kind.setdefault(kinds.get(rec["id"], "unknown"), [0] * 5)
        for k, v in enumerate((1, *exact_page)):
            acc_e[k] += v
        if kinds.get(rec["id"]) != "forum":
            articles.append(exact_page)
            if len(rec["labels"]) <= BIG:
                small.append(exact_page)
        if exact_page[2]:
            per_page.append(exact_page[3] / exact_page[2])
        if exact_page[0]:
            per_page_content.append(exact_page[1] / exact_page[0])
        for key in (kinds.get(rec["id"], "unknown"), *(["small pages"] if len(rec["labels"]) <= BIG else [])):
            acc = by_kind.setdefault(key, [0] * 9)
            for k, v in enumerate((1, *page)):
                acc[k] += v
        print(f"{rec['id']:18} {_row(page)} | exact {exact_page[1]}/{exact_page[0]} {exact_page[3]}/{exact_page[2]}"
              f" {_pct(exact_page[3], exact_page[2])}")
    print(f"{'overall':18} {_row(tot)}")
    named = [0] * 8
    for key in sorted(by_kind, key=lambda k: (k == "small pages", k)):
        n, *counts = by_kind[key]
        label = f"{key} ({n})" if key != "small pages" else f"<= {BIG} lines ({n})"
        print(f"  {label:16} {_row(counts)}")
        if key in NAMED:
            named = [a + b for a, b in zip(named, counts)]
    print(f"  {'named kinds':16} {_row(named)}   ({', '.join(NAMED)})")
    print(f"content flagged {tot[1]}/{tot[0]} (target <= 3%), other caught {tot[3]}/{tot[2]} "
          f"(target >= 70%); {len(result.findings)} findings in {elapsed:.2f}s")
    print(f"hand-corrected labels ({sum(len(v) for v in fixes.values())} lines relabelled): content flagged "
          f"{tot[5]}/{tot[4]} ({_pct(tot[5], tot[4])}), other caught {tot[7]}/{tot[6]} ({_pct(tot[7], tot[6])})")
    print(f"of the flagged content lines, {noise} are short lines found in the gold only inside a "
          f"longer line (menu items such as `中国`): without them {_pct(tot[1] - noise, tot[0] - noise)}")
    print(f"exact labels: content flagged {exact[1]}/{exact[0]} ({_pct(exact[1], exact[0])}), other caught "
          f"{exact[3]}/{exact[2]} ({_pct(exact[3], exact[2])}); averaged per page: other caught "
          f"{100 * sum(per_page) / max(1, len(per_page)):.1f}%, content flagged "
          f"{100 * sum(per_page_content) / max(1, len(per_page_content)):.1f}%")
    for key in sorted(exact_by_kind):
        n, c, fc, o, co = exact_by_kind[key]
        print(f"  exact, {key} ({n}): content flagged {fc}/{c} ({_pct(fc, c)}), other caught {co}/{o} ({_pct(co, o)})")
    for pages, what in ((articles, "pages but forum threads"),
                        (small, f"pages but forum threads of <= {BIG} lines")):
        if not pages:
            continue
        a = [sum(x[k] for x in pages) for k in range(4)]
        caught = [x[3] / x[2] for x in pages if x[2]]
        flagged = [x[1] / x[0] for x in pages if x[0]]
        print(f"exact, {what} ({len(pages)}; forum gold keeps the replies as content): "
              f"content flagged {_pct(a[1], a[0])} pooled, {100 * sum(flagged) / max(1, len(flagged)):.1f}% per page; "
              f"other caught {_pct(a[3], a[2])} pooled, {100 * sum(caught) / max(1, len(caught)):.1f}% per page")
    print(f"table rows of the articles (content lines the page model reads as table rows): "
          f"{table_rows[1]}/{table_rows[0]} flagged")
    if cells_of:
        print(f"table cells of the articles (content lines that are a data table's cell in the HTML, "
              f"table_lines.json): {table_cells[1]}/{table_cells[0]} flagged")
    return 0


NAMED = ("blog", "forum", "gov", "news", "paper")  # the kinds of site the issue names

_FINAL = set("。！？!?；;…")
# byline, date, editor, source and credit lines (labelling policy of issue 11)
_POLICY = re.compile(
    r"^[(（\[【]?\s*(责任编辑|责编|编辑|作者|记者|通讯员|来源|稿源|图片来源|图源|摄影|摄|本报记者|发布时间|发布日期|时间|日期)\s*[：:]"
    r"|^[(（]?\s*(新华社|本报|中新社)?\s*(记者|通讯员)[^。]{0,30}[)）]?$"
    r"|[(（][^()（）]{0,30}摄[)）]$|(图片来源|图源|来源)[：:]"
    r"|^\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?\s*(\d{1,2}[:：]\d{2}([:：]\d{2})?)?\s*([^。，]{0,30})?$")


def by_policy(line: str, title: str) -> bool:
    """A gold line that is `other` by the labelling policy: headline, byline, date, editor, source, credit."""
    t = line.strip()
    if not t or len(t) > 60 or t[-1] in _FINAL and not _POLICY.search(t):
        return False
    if len(t) <= 40 and t[-1] not in _FINAL and title.strip().startswith(t) and t != title.strip() or t == title.strip():
        return True
    return bool(_POLICY.search(t))


def split(recs: list[dict], kinds: dict[str, str], which: str) -> list[dict]:
    """Pages of each kind of site sorted by id, dealt alternately to tune (first) and held."""
    by_kind: dict[str, list[dict]] = {}
    for rec in sorted(recs, key=lambda r: r["id"]):
        by_kind.setdefault(kinds.get(rec["id"], "unknown"), []).append(rec)
    keep = 0 if which == "tune" else 1
    return [r for group in by_kind.values() for i, r in enumerate(group) if i % 2 == keep]


def _load_fixes(path: Path) -> dict[str, dict[int, tuple[str, str, str]]]:
    """page id -> line -> (text, corrected label, reason)."""
    if not path.exists():
        return {}
    out: dict[str, dict[int, tuple[str, str, str]]] = {}
    for f in json.loads(path.read_text(encoding="utf-8"))["fixes"]:
        out.setdefault(f["page"], {})[f["line"]] = (f["text"], f["label"], f["reason"])
    return out


def _row(c: list[int]) -> str:
    return (f"{c[0]:8d} {_pct(c[1], c[0]):>8} {c[2]:6d} {_pct(c[3], c[2]):>7} | "
            f"{c[4]:7d} {_pct(c[5], c[4]):>8} {c[6]:6d} {_pct(c[7], c[6]):>7}")


def _substring_only(line: str, gold: set[str]) -> bool:
    """A short raw line labelled `content` only because it occurs inside a longer gold line."""
    t = line.strip()
    return len(t) <= 12 and t not in gold


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


if __name__ == "__main__":
    sys.exit(main())
