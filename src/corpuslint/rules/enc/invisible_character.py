"""## What it finds
Invisible characters inside a line of text: zero-width spaces, word joiners, soft hyphens, a
byte-order mark in the middle of a file, joiners and bidirectional controls between Chinese
characters. (Lines made only of such characters are ENC003.)

## Why it matters
A zero-width space inside `经济开发区` makes it a different string: search, deduplication and
exact matching miss it, and tokenizers split on it. Bidirectional controls can make text display
differently from what it is.

## Example
`余姚经济\u200b开发区`; a BOM in front of the second of two concatenated files.

## Fix
Delete the character. **Safe** for zero-width spaces, word joiners, soft hyphens and stray BOMs;
**unsafe** for joiners and bidirectional marks, which carry meaning in some scripts (emoji
sequences, Arabic, Persian). A zero-width joiner between two emoji is not reported.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix
from ._chars import char_table


class InvisibleCharacter(DocumentRule):
    code = "ENC005"
    name = "invisible-character"
    summary = "Zero-width, soft-hyphen, stray BOM or bidi control character inside text"
    fix = Applicability.SAFE

    def setup(self) -> None:
        self.table = char_table(self.ctx.packs, "invisible_inline")
        # one scan of the text for any of them (not one substring search per character)
        self._any = re.compile("[" + "".join(re.escape(c) for c in self.table) + "]") if self.table else None
        self.blank = char_table(self.ctx.packs, "invisible_blank")

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        table = self.table
        if self._any is None or self._any.search(text) is None:
            return
        for line in doc.lines:
            if all(c in " \t" or c in self.blank for c in line.text):
                continue  # ENC003's business
            i = line.start
            while i < line.end:
                ch = text[i]
                info = table.get(ch)
                if info is None or (ch == "\ufeff" and i == 0):
                    i += 1
                    continue
                j = i
                while j < line.end and text[j] == ch:
                    j += 1
                if ch == "\u200d" and _emoji(text, i - 1) and _emoji(text, j):
                    i = j
                    continue
                make = Fix.safe if info.safe else Fix.unsafe
                fix = make(f"delete {info.name}", Edit.delete(i, j))
                yield self.finding(doc, i, j, f"invisible character {info.name} (U+{ord(ch):04X}) in text", fix=fix)
                i = j


def _emoji(text: str, i: int) -> bool:
    if i < 0 or i >= len(text):
        return False
    o = ord(text[i])
    return o >= 0x1F000 or 0x2600 <= o <= 0x27BF or unicodedata.category(text[i]) == "So"
