"""The fixer: applies non-overlapping edits, re-lints to a fixed point, writes atomically.

Rules only describe fixes; this module applies them. Each round lints the (in-memory) documents,
applies every applicable fix whose edits do not overlap an earlier one, and repeats until no fix
applies (at most ``MAX_ROUNDS``), so running ``--fix`` twice changes nothing the second time.
Files are written in their own encoding (or the one a transcoding fix asks for) and newline
style, via a temporary file and a rename; a file that cannot be decoded is never written.
"""

from __future__ import annotations

import codecs
import difflib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from .cache import ChangedOnDisk, IsALink, atomic_write_bytes, remove_stale_temporaries
from .core.document import Document
from .core.findings import Applicability, Edit, Finding, Fix
from .core.jsonline import JsonLineError, field_span
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


@dataclass
class WriteOutcome:
    written: list[str] = field(default_factory=list)  # paths written
    errors: list[str] = field(default_factory=list)  # one message per file that could not be written

    @property
    def failed(self) -> int:
        return len(self.errors)


def write_documents(original: list[Document], fixed: list[Document]) -> WriteOutcome:
    """Write every changed file atomically; JSONL files get only their changed records' text
    values replaced. A file is not written when it is a symbolic link, or when it changed on
    disk since it was linted (the edit made meanwhile wins; the message says so)."""
    out = WriteOutcome()
    groups: dict[str, list[tuple[Document, Document]]] = {}
    for old, new in zip(original, fixed):
        if old.path in (None, "-") or old.decode_error is not None:
            continue
        groups.setdefault(old.path, []).append((old, new))
    for path in groups:
        remove_stale_temporaries(Path(path))
    for path, pairs in groups.items():
        if not any(o.text != n.text or (o.encoding != n.encoding and o.record is None) for o, n in pairs):
            continue
        try:
            if is_jsonl(path):
                _write_jsonl(Path(path), pairs)
            else:
                _write_text(Path(path), *pairs[0])
            out.written.append(path)
        except (WriteError, ChangedOnDisk, IsALink) as exc:
            out.errors.append(str(exc))
        except (OSError, ValueError) as exc:
            out.errors.append(f"{path}: cannot write: {getattr(exc, 'strerror', None) or exc}")
    return out


def _write_text(path: Path, old: Document, new: Document) -> None:
    data = encode(new)
    linted = old.content_hash

    def unchanged() -> bool:
        try:
            return hash_bytes(path.read_bytes()) == linted
        except OSError:
            return False

    if not unchanged():
        raise ChangedOnDisk(f"{path}: changed on disk while it was being fixed; not written "
                            "(run --fix again)")
    atomic_write_bytes(path, data, unchanged)


def _write_jsonl(path: Path, pairs: list[tuple[Document, Document]]) -> None:
    """Replace, in the file as it is now, the bytes of each changed record's text value and
    nothing else. A record whose text is no longer what was linted is an edit made meanwhile:
    the file is then left alone."""
    raw = path.read_bytes()
    lines = raw.split(b"\n")
    for old, new in pairs:
        if old.text == new.text:
            continue
        n = int(old.meta.get("jsonl_line", 0) or 0)
        if not 0 < n <= len(lines):
            raise ChangedOnDisk(f"{path}: line {n} no longer exists; not written (run --fix again)")
        lines[n - 1] = _splice_record(path, n, lines[n - 1], old, new)
    data = b"\n".join(lines)
    atomic_write_bytes(path, data, lambda: _same_bytes(path, raw))


def _splice_record(path: Path, n: int, line: bytes, old: Document, new: Document) -> bytes:
    fld = old.meta.get("jsonl_field", "text")
    if (old.encoding or "").lower().replace("_", "-").startswith(("utf-16", "utf-32")):
        raise WriteError(f"{path}: a {old.encoding} JSONL file is not fixed in place; "
                         "transcode it to UTF-8 first")
    encoding = (old.encoding or "utf-8").replace("utf-8-sig", "utf-8").replace("utf_8_sig", "utf-8")
    bom = codecs.BOM_UTF8 if n == 1 and line.startswith(codecs.BOM_UTF8) else b""
    body = line[len(bom):]
    cr = b"\r" if body.endswith(b"\r") else b""
    body = body[: len(body) - len(cr)]
    try:
        text = body.decode(encoding)
        span = field_span(text, fld) if text.encode(encoding) == body else None
    except (UnicodeError, LookupError, JsonLineError) as exc:
        raise ChangedOnDisk(f"{path}: record on line {n} changed on disk; not written "
                            "(run --fix again)") from exc
    if span is None or json.loads(text[span[0]:span[1]]) != old.text:
        raise ChangedOnDisk(f"{path}: record on line {n} changed on disk; not written (run --fix again)")
    value = json.dumps(new.text, ensure_ascii=False)
    try:
        encoded = value.encode(encoding)
    except UnicodeEncodeError:
        encoded = json.dumps(new.text).encode("ascii")  # \u escapes for what the codec lacks
    start = len(text[: span[0]].encode(encoding))
    end = start + len(text[span[0]:span[1]].encode(encoding))
    return bom + body[:start] + encoded + body[end:] + cr


def _same_bytes(path: Path, expected: bytes) -> bool:
    try:
        return path.read_bytes() == expected
    except OSError:
        return False


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
