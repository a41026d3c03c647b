"""## What it finds
Control characters inside text: C0 controls other than tab, line feed and carriage return
(NUL, BEL, ESC, form feed, vertical tab …), DEL, and C1 controls (U+0080–U+009F).

## Why it matters
They come from broken extraction (PDF, OCR, Windows code pages read as Latin-1) and break JSON
serialisers, terminals, XML exports and tokenizers. No text is meant to contain them.

## Example
`余姚\x00经济开发区`, `报告\x0c第二页`.

## Fix
Delete the control characters. **Safe**: they have no visible form and carry no text.
"""

from __future__ import annotations

import re
from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]+")


class ControlCharacter(DocumentRule):
    code = "ENC004"
    name = "control-character"
    summary = "Control characters (NUL, ESC, C1 controls …) inside text"
    fix = Applicability.SAFE

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        for m in _CONTROL.finditer(text):
            codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in m.group()}))
            fix = Fix.safe("delete the control characters", Edit.delete(m.start(), m.end()))
            yield self.finding(doc, m.start(), m.end(), f"control character(s) {codes} in text", fix=fix)
