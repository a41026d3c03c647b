"""``--output-format text`` (default) and ``concise``.

``path:line:col: CODE [*] message`` — ``[*]`` marks a finding with a safe fix — then the related
locations indented under it, and a snippet of the line with the span underlined. Widths are
measured in terminal cells (a Chinese character takes two), so the caret lines up under CJK text.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

from ..core.findings import Applicability, Finding
from ..text import cell_width
from . import Report

SNIPPET_CELLS = 72


def where(path: str | None, record: str | None, line: int, column: int) -> str:
    rec = f"#{record}" if record is not None else ""
    return f"{path or '-'}{rec}:{line}:{column}"


def headline(f: Finding) -> str:
    loc = f.location
    mark = " [*]" if f.fix is not None and f.fix.applicability is Applicability.SAFE else ""
    return f"{where(loc.path, loc.record, loc.line, loc.column)}: {f.code}{mark} {f.message}"


def _visible(s: str) -> str:
    return "".join(c if c.isprintable() or c == "\t" else f"<U+{ord(c):04X}>" for c in s).replace("\t", " ")


def snippet(f: Finding) -> list[str]:
    text = f.flagged_text
    if not text or "\n" in text.strip("\n"):
        return []
    shown = _visible(text.strip("\n"))
    if cell_width(shown) > SNIPPET_CELLS:
        cut = ""
        for c in shown:
            if cell_width(cut + c) > SNIPPET_CELLS - 1:
                break
            cut += c
        shown = cut + "…"
    return [f"    | {shown}", f"    | {'^' * max(1, cell_width(shown))}"]


def finding_lines(f: Finding) -> list[str]:
    """A finding as the text format prints it: headline, snippet, related locations."""
    out = [headline(f), *snippet(f)]  # the snippet under its own headline, never under a related location
    for r in f.related:
        loc = r.location
        msg = f" {r.message}" if r.message else ""
        out.append(f"    ↳ {where(loc.path, loc.record, loc.line, loc.column)}:{msg}")
    return out


def render(report: Report) -> str:
    out = [line for f in report.shown_findings() for line in finding_lines(f)]
    out.append(summary_line(report))
    return "\n".join(out) + "\n"


def render_concise(report: Report) -> str:
    lines = [headline(f) for f in report.shown_findings()]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def write(report: Report, out: TextIO, summary: bool = True) -> None:
    """``render`` streamed: each finding written as it is formatted (``summary=False``: without
    the closing summary line, as ``-q`` prints it)."""
    for f in report.shown_findings():
        out.write("\n".join(finding_lines(f)) + "\n")
    if summary:
        out.write(summary_line(report) + "\n")


def write_concise(report: Report, out: TextIO, summary: bool = True) -> None:
    for f in report.shown_findings():
        out.write(headline(f) + "\n")
    if summary:
        out.write(summary_line(report) + "\n")


def summary_line(report: Report) -> str:
    n = len(report.findings)
    fixable = unsafe = 0
    for f in report.findings:  # one pass: a spooled list is read from disk
        if f.fix is not None:
            fixable += f.fix.applicability is Applicability.SAFE
            unsafe += f.fix.applicability is Applicability.UNSAFE
    parts = []
    if report.fixed:
        parts.append(f"Fixed {report.fixed} finding{'s' if report.fixed != 1 else ''}.")
    if report.failed:
        parts.append(f"Could not write {report.failed} file{'s' if report.failed != 1 else ''} (see the errors above).")
    if n == 0 and not report.failed:
        parts.append(f"All checks passed ({report.files} file{'s' if report.files != 1 else ''}).")
    else:
        parts.append(f"Found {n} finding{'s' if n != 1 else ''} in {report.files} file{'s' if report.files != 1 else ''}.")
        if report.max_results is not None and report.max_results < n:
            parts.append(f"Showing the {report.max_results} most severe (--max-results).")
        if fixable:
            parts.append(f"[*] {fixable} fixable with --fix.")
        if unsafe:
            parts.append(f"{unsafe} more fixable with --fix --unsafe-fixes.")
    return " ".join(parts)


def statistics(report: Report) -> str:
    counts: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for f in report.findings:
        c = counts.setdefault(f.code, [0, 0])
        c[0] += 1
        if f.fix is not None and f.fix.applicability is Applicability.SAFE:
            c[1] += 1
        names[f.code] = f.name
    rows = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
    total = sum(n for n, _ in counts.values())
    width = max([len(str(total)), *(len(str(v[0])) for _, v in rows)])
    out = [f"{n:>{width}}  {code}  {'[*]' if fixable == n else '[-]' if fixable else '   '}  {names[code]}\n"
           for code, (n, fixable) in rows]
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    out.append(f"{total:>{width}}  total in {files}\n")
    if any(fixable for _, fixable in counts.values()):
        out.append("[*] every finding of the rule has a safe fix (--fix); [-] only some have\n")
    return "".join(out)


# -- for a terminal ------------------------------------------------------------------------------
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Printable:
    """A stream that writes text as ``printable`` makes it."""

    def __init__(self, out: Any) -> None:
        self.out = out

    def write(self, text: str) -> int:
        return self.out.write(printable(text))


def printable(text: str) -> str:
    """Text for a terminal: control characters written as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
