"""## What it finds
A file that is not encoded in UTF-8: GBK, GB18030, Big5, UTF-16, UTF-32 and other legacy
encodings, as detected when the file was read (a UTF-8 byte-order mark is accepted).

## Why it matters
Tools downstream of a corpus — tokenizers, search indexers, `grep`, training data loaders —
assume UTF-8. A GBK file read as UTF-8 fails or, worse, turns into mojibake silently.

## Example
A newspaper archive exported as GB18030 (`\xd3\xe0\xd2\xa6` for `余姚`).

## Fix
Transcode the file to UTF-8, keeping its text and newline style. **Unsafe**: the detection of a
legacy encoding is a guess (charset-normalizer), so check the result once.
"""

from __future__ import annotations

from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Finding, Fix, Severity

UTF8 = {"utf-8", "utf_8", "utf-8-sig", "utf_8_sig", "ascii"}


class NonUtf8Encoding(DocumentRule):
    code = "ENC001"
    name = "non-utf8-encoding"
    summary = "File is not encoded in UTF-8"
    severity = Severity.WARNING
    fix = Applicability.UNSAFE

    def check(self, doc: Document) -> Iterable[Finding]:
        if doc.encoding is None or doc.encoding.lower() in UTF8:
            return
        first_record = doc.record is None or doc.meta.get("jsonl_first", False)
        if doc.record is not None and not first_record:
            return  # a JSONL file is reported once, on its first record
        fix = None
        if doc.record is None:
            fix = Fix((), Applicability.UNSAFE, f"transcode from {doc.encoding} to UTF-8", "utf-8")
        yield self.finding(doc, 0, 0, f"file is encoded in {doc.encoding}, not UTF-8", fix=fix)
