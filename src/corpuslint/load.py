"""From sources to documents: path expansion, decoding, JSONL records, stdin.

Decoding order: a BOM (UTF-8, UTF-16, UTF-32) decides; else strict UTF-8; else detection with
charset-normalizer, preferring the Chinese codecs (GB18030 ⊃ GBK, Big5) when they decode the
bytes cleanly. Bytes that are binary or that no codec decodes become a document with
``decode_error`` set: reported by ENC002, never linted further and never rewritten.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .core.config import Config
from .core.document import Document
from .core.jsonline import JsonLineError, parse_json_line

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Codecs a Chinese corpus is likely to hold, tried before charset-normalizer's general guess.
_CHINESE_CODECS = ("gb18030", "big5")
_CONTROL = frozenset(range(0, 9)) | frozenset(range(14, 32)) | {11, 12, 127}


_SURROGATE = re.compile("[\ud800-\udfff]")


class SourceError(Exception):
    """A source that cannot be read at all (missing file, permission denied)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str | None
    error: str | None = None


def decode_bytes(data: bytes) -> Decoded:
    if not data:
        return Decoded("", "utf-8")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError as exc:
                return Decoded("", None, f"has a {name} byte-order mark but is not valid {name}: {exc.reason} at byte {exc.start}")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    sample = data[:65536]
    if b"\x00" in sample:
        guess = _detect(data, allow=("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"))
        if guess is not None:
            return guess
        return Decoded("", None, "is binary (NUL bytes, not UTF-8 or UTF-16)")
    if _control_share(sample) > 0.05:
        return Decoded("", None, "is binary (control bytes, not text in any known encoding)")
    for name in _CHINESE_CODECS:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_chinese(text):
            return Decoded(text, name)
    guess = _detect(data)
    if guess is not None:
        return guess
    return Decoded(
        "", None,
        f"cannot be decoded: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no "
        "known encoding fits",
    )


def _detect(data: bytes, allow: Sequence[str] | None = None) -> Decoded | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    name = best.encoding
    if allow is not None and name not in allow:
        return None
    try:
        text = data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None
    if _control_share_text(text) > 0.05:
        return None
    return Decoded(text, name)


def _control_share(data: bytes) -> float:
    return sum(1 for b in data if b in _CONTROL) / max(1, len(data))


def _control_share_text(text: str) -> float:
    sample = text[:65536]
    return sum(1 for c in sample if ord(c) in _CONTROL) / max(1, len(sample))


def _looks_chinese(text: str) -> bool:
    """True when most non-ASCII characters of the text are common CJK ideographs or CJK
    punctuation, which is what a GBK/Big5 file decoded with the right codec gives."""
    sample = text[:20000]
    non_ascii = [c for c in sample if ord(c) > 127]
    if not non_ascii:
        return True
    cjk = sum(1 for c in non_ascii if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or c in "“”‘’—…·")
    return cjk / len(non_ascii) > 0.9


def detect_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    if crlf > lf:
        return "\r\n"
    if lf == 0 and "\r" in text:
        return "\r"
    return "\n"


def hash_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def document_from_bytes(data: bytes, path: str | None, meta: dict[str, Any] | None = None) -> Document:
    decoded = decode_bytes(data)
    return Document(
        text=decoded.text,
        path=path,
        encoding=decoded.encoding,
        newline=detect_newline(decoded.text),
        meta=meta or {},
        decode_error=decoded.error,
        content_hash=hash_bytes(data),
    )


def document_from_text(text: str, path: str | None = None, record: str | None = None,
                       meta: dict[str, Any] | None = None) -> Document:
    """A document of text that never was bytes (the library API, a JSONL record). Text holding
    a lone surrogate is not valid Unicode (no codec writes it, the analyses cannot read it):
    like undecodable bytes it becomes a document with ``decode_error``, never linted or fixed."""
    bad = _SURROGATE.search(text)
    if bad is not None:
        field_name = (meta or {}).get("jsonl_field")
        what = f"record {record}: field {field_name!r}" if record is not None and field_name else "text"
        return Document(
            text="", path=path, record=record, encoding=None, meta=meta or {},
            decode_error=f"{what} holds a lone surrogate (U+{ord(bad.group()):04X} at {bad.start()}), "
                         "not valid Unicode",
            content_hash=hash_bytes(text.encode("utf-8", "surrogatepass")),
        )
    return Document(
        text=text, path=path, record=record, encoding=None, newline=detect_newline(text),
        meta=meta or {}, content_hash=hash_bytes(text.encode("utf-8", "surrogatepass")),
    )


# -- sources ---------------------------------------------------------------------------------
def expand_paths(paths: Sequence[str], config: Config) -> list[str]:
    """Files to lint, in a deterministic order. Named files are linted whatever their extension
    (pre-commit passes them); folders are walked for files with the configured extensions. A
    symbolic link loop is listed (``read_source`` reports it for that file alone)."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            out.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            found: list[str] = []
            for dirpath, dirnames, filenames in os.walk(p):
                d = Path(dirpath)
                dirnames[:] = sorted(n for n in dirnames if not config.is_excluded(d / n))
                for name in filenames:
                    f = d / name
                    if f.suffix.lower() in config.extensions and (_loops(f) or not config.is_excluded(f)):
                        found.append(str(f))
            candidates = sorted(found)
        elif _loops(p):
            candidates = [str(p)]
        elif p.exists() or p.is_symlink():
            # Excludes apply to named files too, so a pre-commit run honours them.
            candidates = [] if config.is_excluded(p) else [str(p)]
        else:
            raise SourceError(f"{raw}: no such file or directory")
        for c in candidates:
            key = os.path.normpath(c)
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out


def _loops(path: Path) -> bool:
    """Whether resolving ``path`` runs into a symbolic link loop (``Path.resolve`` would raise
    RuntimeError on it)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def outside_link(path: str, root: Path | None) -> bool:
    """Whether ``path`` lies inside ``root`` as written but a symbolic link takes it outside:
    its text is not the corpus's and must not reach findings, the cache or the index."""
    if root is None:
        return False
    written = os.path.abspath(path)
    if not _within(written, os.path.abspath(root)):
        return False
    folder, name = os.path.split(written)
    # The file's own link, if any, then its folder's (resolved once per folder in a run).
    target = os.path.realpath(written) if os.path.islink(written) else os.path.join(_real(folder), name)
    return not _within(target, _real(str(root)))


@lru_cache(maxsize=4096)
def _real(folder: str) -> str:
    return os.path.realpath(folder)


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _check_readable(path: str, config: Config) -> Document | None:
    """A document standing for a file that must not be read (a link out of the corpus), None
    when it may be read; SourceError for what cannot be read at all (a link loop, a FIFO or a
    device, which would block or never end)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SourceError(f"{path}: symbolic link loop") from exc
        if os.path.islink(path):
            raise SourceError(f"{path}: broken symbolic link") from exc
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise SourceError(f"{path}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise SourceError(f"{path}: is not a regular file (a pipe or a device); not read")
    if outside_link(path, config.root):
        return Document(text="", path=path, encoding=None, decode_error=_OUTSIDE)
    return None


_OUTSIDE = "is a symbolic link to a file outside the corpus root; not read"


def is_jsonl(path: str) -> bool:
    return path.endswith(".jsonl") or path.endswith(".ndjson")


def read_source(path: str, config: Config, stdin: bytes | None = None) -> list[Document]:
    """Documents of one source: a file, a JSONL file (one document per record) or stdin."""
    if path == "-":
        data = stdin if stdin is not None else sys.stdin.buffer.read()
    else:
        refused = _check_readable(path, config)
        if refused is not None:
            return [refused]
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError as exc:
            raise SourceError(f"{path}: is a directory") from exc
        except OSError as exc:
            raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return documents_from_bytes(data, path, config)


def documents_from_bytes(data: bytes, path: str, config: Config) -> list[Document]:
    """Documents of a source's bytes: one per record of a JSONL file, else one. The bytes of a
    link out of the corpus root (read by the index's walk) stand for nothing but that."""
    if path != "-" and outside_link(path, config.root):
        return [Document(text="", path=path, encoding=None, decode_error=_OUTSIDE)]
    if path != "-" and is_jsonl(path):
        return list(jsonl_documents(data, path, config))
    return [document_from_bytes(data, path)]


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


def iter_documents(paths: Iterable[str], config: Config) -> Iterator[Document | SourceError]:
    for path in paths:
        try:
            yield from read_source(path, config)
        except SourceError as exc:
            yield exc


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
