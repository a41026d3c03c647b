"""## What it finds
Half-width (ASCII) and full-width punctuation mixed in the Chinese text of one document: `,`
next to `，`, `(…)` next to `（…）`, `:` next to `：`, `;` `!` `?` likewise. Only marks in Chinese
context count (a neighbour is a Han character or Chinese punctuation, and no space follows, as
in `年,余姚` — not `1,038`, `10:30` or a reference list's `北京: 中华书局, 2008`). Each pair of
forms is judged apart, so a house style of ASCII parentheses with full-width commas is
consistent. By default the minority form of a pair is reported, once per document (the mark,
or the first of them with their count); the option `prefer` enforces one style instead and
reports every mark of the other form.

Rows of the text's tables (``page.tables``: a record's `环境监测、保护与治理;通告`, an infobox)
hold data as its source wrote it: their marks are neither counted nor reported.

A `?` between two Han characters that is no question (`约翰?史密斯`: no question particle
before it) is an interpunct lost in an encoding and is left alone. Full-width parentheses are
the standard form in Chinese text: by default they are never reported as the minority form.

## Why it matters
Mixed widths are the trace of text merged from several sources or half normalised (NFKC turns
`，` into `,`). They break exact matching and deduplication, tokenisers treat the two forms as
different symbols, and readers see ragged text. A document that is consistently half-width (as
after an NFKC pass) is not reported unless `prefer = "fullwidth"` asks for it.

## Example
`余姚经济开发区，是我省首批省级经济开发区之一,2010年…` — one `，` and one `,`.

## Fix
Replace the mark by the document's majority form (or the preferred one). **Safe**: the two forms
mean the same.

## Options
`prefer` (default `"auto"`): `"auto"` reports the minority form of each pair in a document that
mixes both; `"fullwidth"` reports every half-width mark in Chinese context; `"halfwidth"` reports
every full-width mark.
"""

from __future__ import annotations

from typing import Iterable

import regex

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix, OptionError
from ...page import page
from ...text import HAN

_ENUMERATOR = regex.compile(r"[0-9A-Za-z]{1,3}$")
_PREFER = ("auto", "fullwidth", "halfwidth")
# sentence-final particles: a `?` after one ends a question even with Han text after it
_QUESTION_END = frozenset("吗呢吧么嘛啊呀哪谁")


class PunctuationWidth(DocumentRule):
    code = "NRM001"
    name = "mixed-punctuation-width"
    summary = "Half-width and full-width punctuation mixed in Chinese text"
    fix = Applicability.SAFE
    options = {"prefer": "auto"}

    def setup(self) -> None:
        if self.opts["prefer"] not in _PREFER:
            raise OptionError(f"{self.code}: prefer must be one of {', '.join(_PREFER)}")
        data = self.ctx.packs.toml("nrm/punctuation_width.toml")
        self.to_full = dict(p.split() for p in data["pairs"])
        self.to_half = {f: h for h, f in self.to_full.items()}
        self.cjk_punct = frozenset(data["cjk_punctuation"])
        # Pair classes: "(" and ")" are one.
        self.klass = {c: ("()" if c in "()（）" else self.to_half.get(c, c))
                      for c in (*self.to_full, *self.to_half)}
        # What the line scan reads: half-width marks and both forms of parentheses (they pair
        # up on a line). Other full-width marks are Chinese usage wherever they stand: they are
        # found by one search of the text, and only for a class the document also writes
        # half-width (or under prefer = halfwidth), since only then are they counted or reported.
        self.marks = regex.compile("[" + regex.escape("".join(
            c for c in self.klass if c not in self.to_half or c in "（）")) + "]")
        fulls: dict[str, list[str]] = {}
        for c in self.to_half:
            if c not in "（）":
                fulls.setdefault(self.klass[c], []).append(c)
        self.full_marks = {k: regex.compile("[" + regex.escape("".join(v)) + "]") for k, v in fulls.items()}

    def _cjk(self, c: str) -> bool:
        return bool(c) and (c in self.cjk_punct or bool(HAN.match(c)))

    def check(self, doc: Document) -> Iterable[Finding]:
        half: dict[str, list[tuple[int, ...]]] = {}
        full: dict[str, list[tuple[int, ...]]] = {}
        # rows of the text's tables (a record's `环境监测、保护与治理;通告`) hold data as the
        # source wrote it: neither evidence of a style nor reported
        rows: frozenset[int] | None = None
        # the lines holding a mark, by one search of the text from line to line (no mark is a
        # line break, so a mark found in the text is one found in its line)
        m = self.marks.search(doc.text)
        while m is not None:
            line = doc.line(doc.position(m.start()).line)
            if rows is None:
                rows = page(doc, self.ctx.packs).table_lines()
            if line.number not in rows:
                self._scan(line.text, line.start, half, full)
            m = self.marks.search(doc.text, doc.line_span(line.number)[1])
        prefer = self.opts["prefer"]
        for klass, pattern in self.full_marks.items():
            if prefer == "halfwidth" or klass in half:
                found = [(m.start(),) for m in pattern.finditer(doc.text)
                         if not rows or doc.position(m.start()).line not in rows]
                if found:
                    full[klass] = found
        for klass in sorted(set(half) | set(full)):
            h, f = half.get(klass, []), full.get(klass, [])
            if prefer == "fullwidth" or (prefer == "auto" and h and f and len(h) <= len(f)):
                yield from self._minority(doc, h, self.to_full, len(f), "full-width")
            elif prefer == "halfwidth" or (prefer == "auto" and h and f and klass != "()"):
                # full-width parentheses are the standard form in Chinese text (GB/T 15834):
                # a page that mostly writes ASCII ones is not pushed away from them
                yield from self._minority(doc, f, self.to_half, len(h), "half-width")

    def _minority(self, doc: Document, places: list[tuple[int, ...]], table: dict[str, str], majority: int,
                  form: str) -> Iterable[Finding]:
        """Each place of the other form when a style is preferred; by default one finding for a
        document's minority form of a pair, with the count (a house style with a few exceptions is
        one decision, not one finding per mark)."""
        if self.opts["prefer"] != "auto" or len(places) == 1:
            for offs in places:
                yield self._report(doc, offs, table, majority, form)
            return
        text = doc.text
        edits = [Edit(o, o + 1, table[text[o]]) for offs in places for o in offs]
        first = places[0]
        marks = "".join(text[o] for o in first)
        fix = Fix.safe(f"replace the {len(places)} marks with the {form} form", *edits)
        yield self.finding(doc, first[0], first[-1] + 1,
                           f"{marks!r} in Chinese text, {len(places)} times: the document writes it {form} "
                           f"{majority} time(s) (first here)", fix=fix)

    def _scan(self, text: str, base: int, half: dict, full: dict) -> None:  # type: ignore[type-arg]
        n = len(text)
        opened: dict[str, list[int]] = {"(": [], "（": []}  # unmatched openers on this line
        for m in self.marks.finditer(text):
            i = m.start()
            c = text[i]
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < n else ""
            if c in "(（":
                opened[c].append(i)
                continue
            if c in ")）":
                stack = opened["(" if c == ")" else "（"]
                if stack:
                    j = stack.pop()
                    pair = (base + j, base + i)
                    if _ENUMERATOR.match(text[j + 1:i]):
                        continue  # "(1)", "(d)": list and footnote markers keep ASCII widely
                    if c == "）":
                        full.setdefault("()", []).append(pair)
                    elif self._cjk(text[j - 1] if j else "") or HAN.search(text[j + 1:i]) \
                            or self._cjk(nxt):
                        half.setdefault("()", []).append(pair)
                elif c == "）":
                    full.setdefault("()", []).append((base + i,))
                elif self._cjk(prev):
                    half.setdefault("()", []).append((base + i,))
                continue
            # , : ; ! ? — Chinese context, and no space after (a space marks Western usage).
            if nxt in (" ", "\t"):
                continue
            if c == "?" and HAN.match(prev) and HAN.match(nxt) and prev not in _QUESTION_END:
                # `约翰?史密斯`: a `?` inside a name is an interpunct lost in an encoding (a
                # matter for ENC), not a question mark to widen
                continue
            if (self._cjk(prev) and (nxt != "" or c in "!?")) \
                    or (self._cjk(nxt) and prev not in ("", " ", "\t")):
                half.setdefault(self.klass[c], []).append((base + i,))
        for c, stack in opened.items():  # openers never closed on their line
            for j in stack:
                if c == "（":
                    full.setdefault("()", []).append((base + j,))
                elif self._cjk(text[j - 1] if j else "") or self._cjk(text[j + 1:j + 2]):
                    half.setdefault("()", []).append((base + j,))

    def _report(self, doc: Document, offs: tuple[int, ...], table: dict[str, str], majority: int,
                form: str) -> Finding:
        text = doc.text
        edits = [Edit(o, o + 1, table[text[o]]) for o in offs]
        marks = "".join(text[o] for o in offs)
        new = "".join(e.content for e in edits)
        why = (f"the document writes it {form} {majority} time(s)" if self.opts["prefer"] == "auto"
               else f"the {form} form is preferred")
        fix = Fix.safe(f"replace {marks!r} with {new!r}", *edits)
        return self.finding(doc, offs[0], offs[-1] + 1,
                            f"{marks!r} in Chinese text: {why}", fix=fix)
