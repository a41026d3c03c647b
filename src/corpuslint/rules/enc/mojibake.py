"""## What it finds
Mojibake: text that was decoded with the wrong codec somewhere upstream and saved that way.
Three kinds are detected with high precision:

* UTF-8 bytes read as Windows-1252/Latin-1 — `ä½™å§š` for `余姚`;
* UTF-8 bytes read as GBK — `浣欏', 缁忔祹` for `余姚`, `经济` (at least four characters
  must decode, so ordinary Chinese text practically never matches);
* the signatures of text already lost: `锟斤拷` (U+FFFD's bytes read as GBK) and the
  replacement character U+FFFD itself.

## Why it matters
Mojibake is noise to every reader and model, and it hides the real text from search and
deduplication. The first two kinds can be repaired exactly; the third means text was lost.

## Example
`æ–°é—»` → `新闻`.

## Fix
Replace the span with the re-decoded text. **Unsafe**: the repair is exact when the diagnosis is
right, but check it. Lost text (`锟斤拷`, U+FFFD) has no fix.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix, Severity
from ...text import is_han

# Characters Windows-1252 maps bytes 0x80-0x9F to.
_CP1252_SPECIAL = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_CP1252_RUN = re.compile("[\u0080-\u00ff" + re.escape(_CP1252_SPECIAL) + "]{2,}")
_UTF8_LEAD = re.compile("[\u00c2-\u00f4]")  # a UTF-8 lead byte read as Windows-1252 / Latin-1
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{6,}")
_UTF8_CJK = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){4,}")
_LOST = re.compile("(?:锟斤拷)+|(?:烫烫烫)+|\ufffd+")


def _gbk_pairs(leads: range, trails: range) -> str:
    """The characters GBK encodes as one lead byte in ``leads`` and one trail byte in ``trails``."""
    out = []
    for lead in leads:
        for trail in trails:
            pair = bytes((lead, trail))
            try:
                ch = pair.decode("gbk")
            except UnicodeDecodeError:
                continue
            if ch.encode("gbk") == pair:
                out.append(ch)
    return "".join(out)


@cache
def _utf8_as_gbk() -> re.Pattern[str]:
    """Three characters that any UTF-8 CJK text read as GBK holds: a 3-byte UTF-8 character
    starting on a GBK character boundary reads (lead, continuation) (continuation, next lead)
    (continuation, continuation). ``_gbk`` repairs at least four such characters from a
    character boundary, so a text without this triple has nothing for it (most texts: it is
    searched in C instead of encoding every non-ASCII run)."""
    lead, cont = range(0xE4, 0xEA), range(0x80, 0xC0)
    classes = (_gbk_pairs(lead, cont), _gbk_pairs(cont, lead), _gbk_pairs(cont, cont))
    return re.compile("".join(f"[{re.escape(c)}]" for c in classes))


def _cp1252_bytes(run: str) -> bytes | None:
    out = bytearray()
    for ch in run:
        o = ord(ch)
        if o < 256:
            out.append(o)
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def _double_byte_segments(run: str) -> Iterable[tuple[int, bytes]]:
    """Maximal segments of ``run`` whose characters GBK encodes in two bytes each, with their
    start offset in ``run``: only there can UTF-8 bytes hide behind GBK characters."""
    try:  # the common case, in C: the whole run is double-byte GBK
        raw = run.encode("gbk")
        if len(raw) == 2 * len(run):
            yield 0, raw
            return
    except UnicodeEncodeError:
        pass
    start = 0
    buf = bytearray()
    for i, ch in enumerate(run):
        try:
            b = ch.encode("gbk")
        except UnicodeEncodeError:
            b = b""
        if len(b) == 2:
            if not buf:
                start = i
            buf += b
            continue
        if len(buf) >= 8:
            yield start, bytes(buf)
        buf = bytearray()
    if len(buf) >= 8:
        yield start, bytes(buf)


class Mojibake(DocumentRule):
    code = "ENC006"
    name = "mojibake"
    summary = "Text decoded with the wrong codec upstream (mojibake) or already lost"
    severity = Severity.ERROR
    fix = Applicability.UNSAFE

    def check(self, doc: Document) -> Iterable[Finding]:
        text = doc.text
        yield from self._latin(doc, text)
        yield from self._gbk(doc, text)
        # The alternation makes re try every position; the substring tests run in C.
        if "锟" not in text and "烫" not in text and "\ufffd" not in text:
            return
        for m in _LOST.finditer(text):
            what = "replacement character U+FFFD" if m.group()[0] == "\ufffd" else repr(m.group())
            yield self.finding(doc, m.start(), m.end(),
                               f"{what}: text was lost when it was decoded with the wrong codec upstream")

    def _latin(self, doc: Document, text: str) -> Iterable[Finding]:
        if _UTF8_LEAD.search(text) is None:
            return  # every run below needs one (Chinese text has runs of `“”`, `——`, `……`)
        for m in _CP1252_RUN.finditer(text):
            run = m.group()
            if not any("\u00c2" <= c <= "\u00f4" for c in run):
                continue
            raw = _cp1252_bytes(run)
            if raw is None:
                continue
            # The run may carry a trailing character that was not part of the mojibake.
            for cut in (len(raw), len(raw) - 1):
                try:
                    repaired = raw[:cut].decode("utf-8")
                except UnicodeDecodeError:
                    continue
                if sum(1 for c in repaired if ord(c) >= 0x800) >= 1 or sum(1 for c in repaired if ord(c) > 127) >= 2:
                    end = m.start() + len(run) - (len(raw) - cut)
                    yield self._report(doc, m.start(), end, "UTF-8 read as Windows-1252", repaired)
                break

    def _gbk(self, doc: Document, text: str) -> Iterable[Finding]:
        if _utf8_as_gbk().search(text) is None:
            return
        for m in _NON_ASCII_RUN.finditer(text):
            for seg_start, raw in _double_byte_segments(m.group()):
                for b in _UTF8_CJK.finditer(raw):
                    start = b.start() + 3 * (b.start() % 2)  # align to a GBK character boundary
                    try:
                        repaired = raw[start:b.end()].decode("utf-8")
                    except UnicodeDecodeError:
                        continue
                    if len(repaired) < 4 or not all(is_han(c) for c in repaired):
                        continue
                    s = m.start() + seg_start + start // 2
                    e = m.start() + seg_start + (b.end() + 1) // 2
                    yield self._report(doc, s, e, "UTF-8 read as GBK", repaired)

    def _report(self, doc: Document, start: int, end: int, how: str, repaired: str) -> Finding:
        fix = Fix.unsafe(f"replace with {repaired!r}", Edit(start, end, repaired))
        return self.finding(doc, start, end, f"mojibake ({how}): {doc.text[start:end]!r} reads {repaired!r}", fix=fix)
