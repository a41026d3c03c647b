"""## What it finds
A file (or JSONL record) that cannot be read as text: binary data, bytes that no known encoding
decodes, a broken byte-order mark, a JSONL line that is not a JSON object or lacks the text field.

## Why it matters
Such a file cannot be linted, indexed or trained on; it usually is an export or copy error.
corpuslint reports it instead of crashing, lints nothing else in it and never rewrites it.

## Example
An image saved with a `.txt` name; a record `{"id": 3}` without a `text` field.

## Fix
None: look at the file.
"""

from __future__ import annotations

from typing import Iterable

from ...core import Document, DocumentRule, Finding, Severity


class UndecodableFile(DocumentRule):
    code = "ENC002"
    name = "undecodable-file"
    summary = "File is binary or cannot be decoded as text"
    severity = Severity.ERROR
    handles_undecodable = True

    def check(self, doc: Document) -> Iterable[Finding]:
        if doc.decode_error is not None:
            yield self.finding(doc, 0, 0, f"{doc.decode_error}; not linted")
