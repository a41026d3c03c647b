"""JSONL sources: records as documents, each line decoded on its own, each record's file line
kept (``meta["jsonl_line"]``), bad records reported rather than raised."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any, Iterator

from ..core.config import Config
from ..core.document import Document
from ..core.jsonline import JsonLineError, parse_json_line
from .decode import SourceError, decode_bytes, document_from_text, hash_bytes

def is_jsonl(path: str) -> bool:
    return path.endswith(".jsonl") or path.endswith(".ndjson")


def jsonl_lines(data: bytes) -> Iterator[tuple[int, str, str | None, str | None]]:
    """(file line number, text, encoding, error) of each line of a JSONL file's bytes.

    Lines end at LF only (a record may hold U+2028 or other characters ``str.splitlines``
    breaks on), so the numbers are the file's own. Each line is decoded on its own: a file
    that mixes UTF-8 records with GBK ones (corpora concatenated from several sources) gets
    each record in its own encoding, the non-UTF-8 ones in the encoding detected on all of
    them together. UTF-16/32 files (BOM or NUL bytes) are decoded whole."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:65536]:
        decoded = decode_bytes(data)
        for n, line in enumerate(decoded.text.split("\n"), 1):
            yield n, line, decoded.encoding, decoded.error
        return
    raw_lines = data.split(b"\n")
    if raw_lines and raw_lines[0].startswith(codecs.BOM_UTF8):
        raw_lines[0] = raw_lines[0][len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
        for n, line in enumerate(text.split("\n"), 1):
            yield n, line, encoding, None
        return
    legacy: list[bytes] = []
    for line in raw_lines:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            legacy.append(line)
    guess = decode_bytes(b"\n".join(legacy))
    for n, line in enumerate(raw_lines, 1):
        try:
            yield n, line.decode("utf-8"), "utf-8", None
            continue
        except UnicodeDecodeError:
            pass
        if guess.encoding is not None:
            try:
                yield n, line.decode(guess.encoding), guess.encoding, None
                continue
            except (UnicodeDecodeError, LookupError):
                pass
        one = decode_bytes(line)
        yield n, one.text, one.encoding, one.error


def jsonl_documents(data: bytes, path: str, config: Config) -> Iterator[Document]:
    lines = list(jsonl_lines(data))
    errors = {e for _, _, _, e in lines if e is not None}
    if lines and len(errors) == 1 and all(e is not None for _, _, _, e in lines):
        # Not text in any encoding (a binary file named .jsonl): one finding, as for a text file.
        yield Document(text="", path=path, encoding=None, decode_error=errors.pop(),
                       content_hash=hash_bytes(data))
        return
    # File-level findings (ENC001) go on one record: the first in a legacy encoding, if any.
    legacy = [n for n, text, enc, err in lines if err is None and text.strip() and not _is_utf8(enc)]
    first_line = legacy[0] if legacy else None
    first = True
    for line_no, line, encoding, error in lines:
        if not line.strip():
            continue
        if error is not None:
            yield _bad_record(path, line_no, f"line {line_no} {error}")
            continue
        try:
            record = parse_json_line(line)
        except JsonLineError as exc:
            yield _bad_record(path, line_no, f"line {line_no} {exc}")
            continue
        doc = record_document(record, path=path, line_no=line_no, config=config, encoding=encoding)
        if (first_line is None and first) or line_no == first_line:
            doc.meta["jsonl_first"] = True  # type: ignore[index]
        first = False
        yield doc


def _is_utf8(encoding: str | None) -> bool:
    return encoding is not None and encoding.lower().replace("_", "-") in ("utf-8", "utf-8-sig", "ascii")


def _bad_record(path: str, line_no: int, error: str) -> Document:
    return Document(text="", path=path, record=f"line{line_no}", encoding=None, decode_error=error,
                    meta={"jsonl_line": line_no})


def record_document(record: dict[str, Any], *, path: str | None, line_no: int, config: Config,
                    encoding: str | None = None, text_field: str | None = None,
                    id_field: str | None = None) -> Document:
    field = text_field or config.jsonl_field
    idf = id_field if id_field is not None else config.jsonl_id
    rid = record.get(idf) if idf else None
    record_id = str(rid) if rid is not None else f"line{line_no}"
    value = record.get(field)
    meta: dict[str, Any] = {"jsonl_line": line_no, "jsonl_field": field}
    if config.jsonl_group and record.get(config.jsonl_group) is not None:
        meta["group"] = str(record[config.jsonl_group])
    if not isinstance(value, str):
        what = "missing" if value is None else f"a {type(value).__name__}, not a string"
        return Document(text="", path=path, record=record_id, encoding=None, meta=meta,
                        decode_error=f"record {record_id}: field {field!r} is {what}")
    doc = document_from_text(value, path=path, record=record_id, meta=meta)
    if doc.decode_error is None:
        doc.encoding = encoding
    return doc


def record_lines(path: str, config: Config) -> dict[str, int]:
    """Record id -> the record's 1-based line in a JSONL file, read as the linter reads it
    (the first record wins when two share an id). Empty when the file cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return {}
    out: dict[str, int] = {}
    for doc in jsonl_documents(data, path, config):
        line = doc.meta.get("jsonl_line")
        if doc.record is not None and line is not None:
            out.setdefault(doc.record, int(line))
    return out


def check_jsonl_field(path: str, config: Config) -> None:
    """Raise a ``SourceError`` when no record of a JSONL file has the text field: the field
    name is wrong (a usage error), not every record defective. Stops at the first record that
    has it, so a right field costs one line."""
    field, objects, first = config.jsonl_field, 0, None
    try:
        with open(path, "rb") as fh:
            for raw in fh:
                try:
                    record = parse_json_line(raw.decode("utf-8"))
                except (JsonLineError, UnicodeDecodeError):
                    continue  # a bad record is reported when the file is read
                if not isinstance(record, dict):
                    continue
                if field in record:
                    return
                objects += 1
                first = first if first is not None else record
    except OSError:
        return  # reported when the file is read
    if first is not None:
        keys = ", ".join(repr(k) for k in list(first)[:8]) or "none"
        raise SourceError(f"{path}: none of its {objects} records has the text field {field!r} "
                          f"(--jsonl-field / jsonl-field); the first record's fields: {keys}")
