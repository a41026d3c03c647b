"""The fixer: applies non-overlapping edits, re-lints to a fixed point, writes atomically.

Rules only describe fixes; this module applies them. Each round lints the (in-memory) documents,
applies every applicable fix whose edits do not overlap an earlier one, and repeats until no fix
applies (at most ``MAX_ROUNDS``), so running ``--fix`` twice changes nothing the second time.
Files are written in their own encoding (or the one a transcoding fix asks for) and newline
style, via a temporary file and a rename; a file that cannot be decoded is never written.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from .cache import atomic_write_bytes
from .core.document import Document
from .core.findings import Applicability, Edit, Finding, Fix
from .load import hash_bytes, is_jsonl

MAX_ROUNDS = 8


@dataclass
class FixOutcome:
    documents: list[Document]  # fixed documents, same order as given
    applied: dict[str, list[Fix]] = field(default_factory=dict)  # doc id -> fixes applied

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.applied.values())


def applicable(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and (fix.applicability is Applicability.SAFE or unsafe)


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """Apply fixes whose edits overlap no earlier-chosen fix; return new text and those applied.

    Fixes are taken in order of their first edit; insertions at the same point as another edit's
    end are allowed, overlapping spans are not (the loser waits for the next round)."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: (f.span, f.message)):
        spans = [(e.start, e.end) for e in fix.edits]
        if any(_overlaps(s, t) for s in spans for t in taken):
            continue
        if any(e.start < 0 or e.end > len(text) or e.start > e.end for e in fix.edits):
            continue
        chosen.append(fix)
        taken.extend(spans)
    edits: list[Edit] = sorted((e for f in chosen for e in f.edits), key=lambda e: (e.start, e.end))
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(text[pos:e.start])
        parts.append(e.content)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts), chosen


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # an insertion conflicts only strictly inside a span
        return b[0] < a[0] < b[1] or a[0] < b[0] < a[1] or a == b
    return a[0] < b[1] and b[0] < a[1]


def with_text(doc: Document, text: str, encoding: str | None = None) -> Document:
    return replace(
        doc, text=text, encoding=encoding or doc.encoding,
        content_hash=hash_bytes(text.encode("utf-8", "surrogatepass")),
    )


def fix_documents(lint, docs: list[Document], *, unsafe: bool = False) -> FixOutcome:  # type: ignore[no-untyped-def]
    """``lint`` maps a list of documents to findings (the engine's ``lint_documents``)."""
    current = list(docs)
    outcome = FixOutcome(current)
    for _ in range(MAX_ROUNDS):
        result = lint(current)
        by_doc: dict[tuple[str | None, str | None], list[Finding]] = {}
        for f in result.findings:
            if applicable(f.fix, unsafe):
                by_doc.setdefault((f.path, f.record), []).append(f)
        changed = False
        for i, doc in enumerate(current):
            if doc.decode_error is not None:
                continue  # never rewrite what could not be decoded
            fixes = [f.fix for f in by_doc.get((doc.path, doc.record), []) if f.fix is not None]
            if not fixes:
                continue
            new_text, chosen = apply_fixes(doc.text, fixes)
            encoding = next((f.encoding for f in chosen if f.encoding), None)
            if not chosen:
                continue
            if new_text == doc.text and (encoding is None or encoding == doc.encoding):
                continue
            current[i] = with_text(doc, new_text, encoding)
            outcome.applied.setdefault(doc.id, []).extend(chosen)
            changed = True
        if not changed:
            break
    outcome.documents = current
    return outcome


class WriteError(Exception):
    pass


def encode(doc: Document) -> bytes:
    encoding = doc.encoding or "utf-8"
    try:
        return doc.text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise WriteError(
            f"{doc.path}: fixed text has {exc.object[exc.start:exc.end]!r}, which {encoding} cannot "
            "encode; file left unchanged"
        ) from exc


def write_documents(original: list[Document], fixed: list[Document]) -> tuple[list[str], list[str]]:
    """Write every changed file atomically; JSONL files get their changed records rewritten.
    Returns (written paths, errors)."""
    written: list[str] = []
    errors: list[str] = []
    groups: dict[str, list[tuple[Document, Document]]] = {}
    for old, new in zip(original, fixed):
        if old.path in (None, "-") or old.decode_error is not None:
            continue
        groups.setdefault(old.path, []).append((old, new))
    for path, pairs in groups.items():
        if not any(o.text != n.text or o.encoding != n.encoding for o, n in pairs):
            continue
        try:
            if is_jsonl(path):
                _write_jsonl(Path(path), pairs)
            else:
                atomic_write_bytes(Path(path), encode(pairs[0][1]))
            written.append(path)
        except (WriteError, OSError, ValueError) as exc:
            errors.append(str(exc) if isinstance(exc, WriteError) else f"{path}: cannot write: {exc}")
    return written, errors


def _write_jsonl(path: Path, pairs: list[tuple[Document, Document]]) -> None:
    raw = path.read_bytes()
    encoding = pairs[0][0].encoding or "utf-8"
    lines = raw.decode(encoding).splitlines(keepends=True)
    for old, new in pairs:
        if old.text == new.text:
            continue
        n = old.meta.get("jsonl_line")
        fld = old.meta.get("jsonl_field", "text")
        if not n:
            continue
        line = lines[n - 1]
        body = line.rstrip("\r\n")
        record = json.loads(body)
        if record.get(fld) != old.text:
            raise WriteError(f"{path}: record on line {n} changed on disk; not written")
        record[fld] = new.text
        lines[n - 1] = json.dumps(record, ensure_ascii=False) + line[len(body):]
    atomic_write_bytes(path, "".join(lines).encode(encoding))


def unified_diff(old: Document, new: Document) -> str:
    name = old.id
    a = old.text.splitlines(keepends=True)
    b = new.text.splitlines(keepends=True)
    out = []
    for line in difflib.unified_diff(a, b, f"a/{name}", f"b/{name}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    diff = "".join(out)
    if old.encoding != new.encoding:
        diff = f"# {name}: encoding {old.encoding} -> {new.encoding}\n" + diff
    return diff
