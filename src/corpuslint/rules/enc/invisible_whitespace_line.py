"""## What it finds
A line that looks blank but holds invisible characters: no-break spaces (U+00A0), ideographic
spaces (U+3000), zero-width characters or a stray byte-order mark, and nothing else.

## Why it matters
Scraped pages leave `&nbsp;` paragraphs behind. Such lines are not blank to tools that test
`line.strip()` with ASCII rules, so they break paragraph splitting, duplicate detection and
diffing, and they hide in every editor.

## Example
A scraped article with some forty lines holding only `U+00A0` (no-break space) between its
paragraphs, left by the page's `<p>&nbsp;</p>` spacers.

## Fix
Delete the invisible characters, leaving an empty line. **Safe**: nothing visible changes.
"""

from __future__ import annotations

from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix
from ._chars import char_table


class InvisibleWhitespaceLine(DocumentRule):
    code = "ENC003"
    name = "invisible-whitespace-line"
    summary = "Line holds only invisible characters (no-break space, zero-width, U+3000)"
    fix = Applicability.SAFE

    def setup(self) -> None:
        self.invisible = char_table(self.ctx.packs, "invisible_blank")
        # name -> code point shown, the first character of the table with that name
        self.code_point: dict[str, str] = {}
        for info in self.invisible.values():
            self.code_point.setdefault(info.name, f"U+{ord(info.char):04X}")

    def check(self, doc: Document) -> Iterable[Finding]:
        plain = " \t\f\v"
        for line in doc.lines:
            text = line.text
            if not text or text.strip(plain) == "":
                continue
            if all(c in plain or c in self.invisible for c in text):
                names = sorted({self.invisible[c].name for c in text if c in self.invisible})
                desc = ", ".join(f"{n} ({self.code_point[n]})" for n in names)
                fix = Fix.safe("delete the invisible characters", Edit.delete(line.start, line.end))
                yield self.finding(doc, line.start, line.end,
                                   f"line holds only invisible characters: {desc}", fix=fix)
