"""Suppressions: inline comments in the text and a baseline file.

Inline (HTML comments, so Markdown renders them invisibly)::

    <!-- corpuslint: disable CHR001,DUP -->   ... findings here are suppressed ...
    <!-- corpuslint: enable -->               (or: enable CHR001)
    <!-- corpuslint: disable-file TYP -->     anywhere: the whole document

A code may be a prefix; ``disable`` without codes suppresses everything.

The baseline records findings that exist today so a team can adopt the linter on an old corpus
and see only new problems. Entries are keyed on code, path (relative, posix) and a hash of the
flagged text — not on line numbers, so edits elsewhere in a file do not revive old findings.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .cache import atomic_write_bytes
from .core.document import Document
from .core.findings import Finding

_DIRECTIVE = re.compile(
    r"<!--\s*corpuslint:\s*(disable-file|disable|enable)\b\s*([A-Z0-9,\s]*?)\s*-->"
)


@dataclass(frozen=True)
class Suppressions:
    file_codes: tuple[str, ...]  # "" means every code
    ranges: tuple[tuple[int, int, tuple[str, ...]], ...]  # (start, end, codes)

    def suppresses(self, finding: Finding) -> bool:
        code = finding.code
        if any(code.startswith(c) for c in self.file_codes):
            return True
        pos = finding.location.start
        return any(s <= pos < e and any(code.startswith(c) for c in codes) for s, e, codes in self.ranges)


def parse_suppressions(doc: Document) -> Suppressions | None:
    if "corpuslint:" not in doc.text:
        return None
    file_codes: list[str] = []
    ranges: list[tuple[int, int, tuple[str, ...]]] = []
    open_: dict[str, int] = {}  # code -> start offset
    for m in _DIRECTIVE.finditer(doc.text):
        kind = m.group(1)
        codes = tuple(c for c in re.split(r"[,\s]+", m.group(2)) if c) or ("",)
        if kind == "disable-file":
            file_codes.extend(codes)
        elif kind == "disable":
            for c in codes:
                open_.setdefault(c, m.start())
        else:
            closing = list(open_) if codes == ("",) else [c for c in codes if c in open_]
            for c in closing:
                ranges.append((open_.pop(c), m.end(), (c,)))
    for c, start in open_.items():
        ranges.append((start, len(doc.text) + 1, (c,)))
    return Suppressions(tuple(file_codes), tuple(ranges))


def apply_inline(findings: list[Finding], doc: Document) -> list[Finding]:
    sup = parse_suppressions(doc)
    if sup is None:
        return findings
    return [f for f in findings if not sup.suppresses(f)]


# -- baseline --------------------------------------------------------------------------------
BASELINE_VERSION = 1


def baseline_key(finding: Finding, relpath: str) -> str:
    digest = hashlib.sha1(finding.flagged_text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    record = finding.record or ""
    return f"{finding.code}\t{relpath}\t{record}\t{digest}"


class BaselineError(ValueError):
    pass


def write_baseline(path: Path, findings: Iterable[Finding], relpath) -> int:  # type: ignore[no-untyped-def]
    counts = Counter(baseline_key(f, relpath(f.path or "")) for f in findings)
    entries = []
    for key, n in sorted(counts.items()):
        code, rel, record, digest = key.split("\t")
        entries.append({"code": code, "path": rel, "record": record or None, "hash": digest, "count": n})
    data = {"corpuslint-baseline": BASELINE_VERSION, "findings": entries}
    atomic_write_bytes(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return sum(counts.values())


def read_baseline(path: Path) -> Counter[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["findings"]
        return Counter({
            f"{e['code']}\t{e['path']}\t{e.get('record') or ''}\t{e['hash']}": int(e.get("count", 1))
            for e in entries
        })
    except FileNotFoundError as exc:
        raise BaselineError(f"{path}: baseline file not found") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: not a corpuslint baseline ({exc})") from exc


def apply_baseline(findings: list[Finding], baseline: Counter[str], relpath) -> list[Finding]:  # type: ignore[no-untyped-def]
    remaining = Counter(baseline)
    out = []
    for f in findings:
        key = baseline_key(f, relpath(f.path or ""))
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            out.append(f)
    return out
