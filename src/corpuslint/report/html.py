"""``--output-format html``: one self-contained HTML file (no CDN, fonts or scripts from
elsewhere; works offline).

It holds a summary by family and rule; every document with its findings (collapsed); the
duplicate clusters (documents linked by DUP findings); and for each version pair — two documents
linked by a VER, TYP004 or DUP004 finding — the two texts side by side, aligned paragraph by
paragraph, every difference the classifier labels (``corpus.differences``: figure / name / typo /
wording) highlighted with its label, each finding linked to its row and back. Paragraphs both
versions share unchanged are folded into one "n paragraphs alike" row, so a pair's DOM stays small
however long the articles; only the documents of the pairs shown are aligned.
"""

from __future__ import annotations

import bisect
import html
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from ..core.document import Document
from ..core.findings import Finding
from ..core.rule import family_of
from ..corpus.align import Stream, align_streams, build_stream
from ..corpus.differences import NEUTRAL, PASSAGE, Side, classifier_for
from . import Report

PAIR_CODES = ("VER", "TYP004", "DUP004")
CLUSTER_CODES = ("DUP002", "DUP003", "DUP004")
MAX_PAIRS = 200  # version pairs shown side by side
OPEN_PAIRS = 3  # this few pairs are shown open; more start collapsed
MAX_ROWS = 400  # rows of one pair (the rest is cut with a note)
MAX_FINDINGS_PER_DOC = 500

_CSS = """
body{font:14px/1.5 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.5em}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;vertical-align:top}
.pair td.t{width:50%;white-space:pre-wrap}.pair td.n{color:#888;text-align:center}
mark{padding:0 1px;border-radius:2px}mark::after{font-size:70%;vertical-align:super;margin-left:1px}
.k-figure{background:#fdd}.k-figure::after{content:"figure"}
.k-name{background:#ddf}.k-name::after{content:"name"}
.k-typo{background:#fd9}.k-typo::after{content:"typo"}
.k-wording{background:#dfd}.k-wording::after{content:"wording"}
.k-passage{background:#eee}.k-passage::after{content:"passage"}
details{margin:.3em 0}summary{cursor:pointer}.msg{font-family:monospace}
:target{outline:2px solid #f80}
"""


def render(report: Report) -> str:
    docs = {(d.path, d.record): d for d in report.documents}
    by_doc: dict[tuple, list[tuple[int, Finding]]] = defaultdict(list)
    for i, f in enumerate(report.findings):
        by_doc[(f.path, f.record)].append((i, f))
    pairs = _pairs(report.findings, docs, report.version_pairs)
    pair_rows: dict[int, str] = {}  # finding index -> anchor of its row in a pair
    pair_html = [_pair(n, a, b, report, by_doc, pair_rows, opened=len(pairs) <= OPEN_PAIRS)
                 for n, (a, b) in enumerate(pairs[:MAX_PAIRS])]
    out = ["<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"utf-8\">",
           "<title>corpuslint report</title><style>", _CSS, "</style></head><body>",
           f"<h1>corpuslint report</h1><p>{len(report.findings)} findings in {report.files} files"
           f"{' · corpuslint ' + _e(report.version) if report.version else ''}</p>"]
    out += _summary(report.findings)
    out.append(f"<h2 id=\"versions\">Version pairs ({len(pairs)})</h2>")
    if len(pairs) > MAX_PAIRS:
        out.append(f"<p>The first {MAX_PAIRS} pairs are shown.</p>")
    out += pair_html
    out += _clusters(report.findings)
    out.append(f"<h2 id=\"documents\">Documents ({len(by_doc)})</h2>")
    for (path, record), items in sorted(by_doc.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or "")):
        out.append(f"<details class=\"doc\"><summary>{_e(_name(path, record))} — {len(items)} findings</summary><ul>")
        for i, f in items[:MAX_FINDINGS_PER_DOC]:
            link = f" <a href=\"#{pair_rows[i]}\">side by side</a>" if i in pair_rows else ""
            out.append(f"<li id=\"f{i}\">{f.location.line}:{f.location.column} <b>{_e(f.code)}</b> "
                       f"<span class=\"msg\">{_e(f.message)}</span>{link}</li>")
        if len(items) > MAX_FINDINGS_PER_DOC:
            out.append(f"<li>… {len(items) - MAX_FINDINGS_PER_DOC} more</li>")
        out.append("</ul></details>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _summary(findings: Sequence[Finding]) -> list[str]:
    fam = Counter(family_of(f.code) for f in findings)
    codes = Counter((f.code, f.name) for f in findings)
    out = ["<h2 id=\"summary\">Summary</h2><table class=\"summary\"><tr><th>family</th><th>rule</th><th>findings</th></tr>"]
    for family in sorted(fam):
        out.append(f"<tr><th>{_e(family)}</th><th></th><th>{fam[family]}</th></tr>")
        for (code, name), n in sorted(codes.items()):
            if family_of(code) == family:
                out.append(f"<tr><td></td><td>{_e(code)} {_e(name)}</td><td>{n}</td></tr>")
    out.append("</table>")
    return out


def _pairs(findings: Iterable[Finding], docs: dict, known: Iterable[tuple[tuple, tuple]] = ()
           ) -> list[tuple[Document, Document]]:
    """Version pairs to show: those the run found (``known``) and those findings link."""
    seen: dict[tuple, None] = {}
    for x, y in known:
        if x != y and x in docs and y in docs:
            seen.setdefault(tuple(sorted([x, y], key=lambda k: (k[0] or "", k[1] or ""))), None)
    for f in findings:
        if not f.code.startswith(PAIR_CODES):
            continue
        for r in f.related:
            loc = r.location
            x, y = (f.path, f.record), (loc.path, loc.record)
            if x != y and x in docs and y in docs:
                seen.setdefault(tuple(sorted([x, y], key=lambda k: (k[0] or "", k[1] or ""))), None)
    return [(docs[a], docs[b]) for a, b in seen]


def _clusters(findings: Sequence[Finding]) -> list[str]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for f in findings:
        if f.code.startswith(CLUSTER_CODES):
            for r in f.related:
                a, b = find(_name(f.path, f.record)), find(_name(r.location.path, r.location.record))
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in parent:
        groups[find(x)].append(x)
    real = [sorted(g) for g in groups.values() if len(g) > 1]
    out = [f"<h2 id=\"duplicates\">Duplicate clusters ({len(real)})</h2>"]
    for g in sorted(real):
        out.append("<details class=\"cluster\"><summary>" + _e(g[0]) + f" and {len(g) - 1} more</summary><ul>"
                   + "".join(f"<li>{_e(x)}</li>" for x in g) + "</ul></details>")
    return out


def _pair(n: int, a: Document, b: Document, report: Report, by_doc: dict, pair_rows: dict[int, str],
          opened: bool) -> str:
    sa, sb = build_stream(a), build_stream(b)
    al = align_streams(sa, sb)
    sides = _differences(a, b, sa, sb, al, report)
    # a passage is marked on the version that has it only
    marks_a = [(x.start, x.end, kind) for kind, x, y in sides
               if x.end > x.start and (kind != PASSAGE or x.hi - x.lo > y.hi - y.lo)]
    marks_b = [(y.start, y.end, kind) for kind, x, y in sides
               if y.end > y.start and (kind != PASSAGE or y.hi - y.lo > x.hi - x.lo)]
    rows = _rows(a, b, sa, sb, al)
    fa, fb = by_doc.get((a.path, a.record), []), by_doc.get((b.path, b.record), [])
    kinds = Counter(kind for kind, _, _ in sides)
    label = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "no differences"
    out = [f"<details class=\"pair\" id=\"pair{n}\"{' open' if opened else ''}><summary>{_e(_name(a.path, a.record))} ⟷ "
           f"{_e(_name(b.path, b.record))} — {label}</summary><table class=\"pair\">",
           f"<tr><th>{_e(_name(a.path, a.record))}</th><th>{_e(_name(b.path, b.record))}</th></tr>"]
    alike = 0
    shown = 0
    for r, (pa, pb) in enumerate(rows):
        spans_a = [a.paragraphs[i] for i in pa]
        spans_b = [b.paragraphs[i] for i in pb]
        has = (any(_hits(p.start, p.end, marks_a) for p in spans_a) or any(_hits(p.start, p.end, marks_b) for p in spans_b)
               or not pa or not pb)
        if not has:
            alike += 1
            continue
        if alike:
            out.append(f"<tr><td class=\"n\" colspan=\"2\">⋯ {alike} paragraphs alike</td></tr>")
            alike = 0
        shown += 1
        if shown > MAX_ROWS:
            out.append("<tr><td class=\"n\" colspan=\"2\">⋯ cut: the pair has more differing paragraphs</td></tr>")
            break
        anchor = f"pair{n}-r{r}"
        links = []
        for spans, found in ((spans_a, fa), (spans_b, fb)):
            for i, f in found:
                if any(p.start <= f.location.start < max(p.end, p.start + 1) for p in spans):
                    pair_rows.setdefault(i, anchor)
                    links.append(f"<a href=\"#f{i}\">{_e(f.code)}</a>")
        cells = [_cell(a, spans_a, marks_a), _cell(b, spans_b, marks_b)]
        out.append(f"<tr id=\"{anchor}\"><td class=\"t\">{cells[0]}</td><td class=\"t\">{cells[1]}"
                   + (f"<div class=\"links\">{' '.join(links)}</div>" if links else "") + "</td></tr>")
    if alike:
        out.append(f"<tr><td class=\"n\" colspan=\"2\">⋯ {alike} paragraphs alike</td></tr>")
    out.append("</table></details>")
    return "\n".join(out)


def _differences(a: Document, b: Document, sa: Stream, sb: Stream, al, report: Report
                 ) -> list[tuple[str, Side, Side]]:
    """(kind, side in ``a``, side in ``b``) of the pair's differences other than neutral ones:
    those the rules classified in the run (either way round), else classified here."""
    ka, kb = (a.path, a.record), (b.path, b.record)
    got = report.pair_differences.get((ka, kb))
    if got is not None:
        return [(d.kind, d.a, d.b) for d in got if d.kind != NEUTRAL]
    got = report.pair_differences.get((kb, ka))
    if got is not None:
        return [(d.kind, d.b, d.a) for d in got if d.kind != NEUTRAL]
    if report.packs is None:
        return []
    c = classifier_for(report.packs)
    return [(d.kind, d.a, d.b) for d in c.classify(al, c.figures_in(a, sa), c.figures_in(b, sb),
                                                   c.relative_in(a, sa), c.relative_in(b, sb)) if d.kind != NEUTRAL]


def _rows(a: Document, b: Document, sa: Stream, sb: Stream, al) -> list[tuple[list[int], list[int]]]:
    """Paragraphs of ``a`` and ``b`` paired in order through the character alignment."""
    ends = {id(doc): [p.end for p in doc.paragraphs] for doc in (a, b)}

    def para_of(s: Stream, doc: Document, pos: int) -> int:
        """The first paragraph ending after the stream position (the last one past them all)."""
        off = s.offsets[min(pos, len(s.offsets) - 1)] if len(s.offsets) else 0
        return min(bisect.bisect_right(ends[id(doc)], off), max(len(doc.paragraphs) - 1, 0))

    target: dict[int, tuple[int, int]] = {}  # paragraph of a -> first and last paragraph of b
    for i, p in enumerate(a.paragraphs):
        lo, hi = sa.range_of(p.start, p.end)
        if lo < hi and _aligned(al.blocks, lo, hi) * 3 >= hi - lo:  # a third of it is shared
            blo, bhi, _ = al.map_range(lo, hi)
            if bhi > blo and len(sb.text):
                target[i] = (para_of(sb, b, blo), para_of(sb, b, bhi - 1))
    rows: list[tuple[list[int], list[int]]] = []
    nb = 0
    for i in range(len(a.paragraphs)):
        j, last = target.get(i, (None, None))
        if j is None or last is None or last < nb:
            if rows and j is not None and j < nb and rows[-1][1]:
                rows[-1][0].append(i)  # a paragraph the other version joins to the previous one
            else:
                rows.append(([i], []))
            continue
        j = max(j, nb)
        while nb < j:
            rows.append(([], [nb]))
            nb += 1
        rows.append(([i], list(range(j, last + 1))))  # one paragraph broken over lines in b
        nb = last + 1
    while nb < len(b.paragraphs):
        rows.append(([], [nb]))
        nb += 1
    return rows


def _aligned(blocks, lo: int, hi: int) -> int:
    """How many characters of ``lo:hi`` (stream of a) are inside matching blocks."""
    k = max(0, bisect.bisect_right(blocks, (lo, 1 << 62, 0)) - 1)
    n = 0
    while k < len(blocks) and blocks[k][0] < hi:
        ai, _, size = blocks[k]
        n += max(0, min(hi, ai + size) - max(lo, ai))
        k += 1
    return n


def _hits(start: int, end: int, marks: list[tuple[int, int, str]]) -> bool:
    return any(s < end and start < e for s, e, _ in marks)


def _cell(doc: Document, paras: list, marks: list[tuple[int, int, str]]) -> str:
    out = []
    for p in paras:
        pos, parts = p.start, []
        for s, e, kind in sorted(m for m in marks if m[0] < p.end and p.start < m[1]):
            s, e = max(s, pos), min(e, p.end)
            if s < pos or e <= s:
                continue
            parts.append(_e(doc.text[pos:s]))
            parts.append(f"<mark class=\"k-{kind}\" title=\"{kind}\">{_e(doc.text[s:e])}</mark>")
            pos = e
        parts.append(_e(doc.text[pos:p.end]))
        out.append(f"<span class=\"ln\">{doc.position(p.start).line}</span> " + "".join(parts))
    return "<br>".join(out)


def _name(path: str | None, record: str | None) -> str:
    return f"{path or '-'}{'#' + record if record is not None else ''}"


def _e(s: str) -> str:
    return html.escape(s, quote=True)
