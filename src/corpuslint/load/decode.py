"""Bytes to documents: encoding detection and decoding, newline style, content hash.

Decoding order: a BOM (UTF-8, UTF-16, UTF-32) decides; else strict UTF-8; else detection with
charset-normalizer, preferring the Chinese codecs (GB18030 ⊃ GBK, Big5) when they decode the
bytes cleanly. Bytes that are binary or that no codec decodes become a document with
``decode_error`` set: reported by ENC002, never linted further and never rewritten.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from typing import Any, Sequence

from ..core.document import Document

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
    """The content hash of a file: its git blob id (SHA-1 of ``blob <size>NUL`` and the bytes),
    so that in a git work tree the index knows a tracked file is unchanged from git's listing
    alone (``corpus.tree``)."""
    h = hashlib.sha1(b"blob %d\0" % len(data))
    h.update(data)
    return h.hexdigest()


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
