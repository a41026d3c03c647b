"""## What it finds
Traditional characters inside a simplified Chinese document, or simplified characters inside a
traditional one. Each Han character is classed with OpenCC: *traditional-only* when the
phrase-aware traditional-to-simplified conversion of its paragraph changes it (so `乾坤`, `著名`
and `瞭望` stay simplified text), *simplified-only* when every traditional standard (mainland,
Taiwan, Hong Kong), converting its paragraph, writes it otherwise and it is not one of the
simplified forms that are also traditional characters (`干`, `里`, `后`, `台` …, listed in
`rules/nrm/shared_forms.txt`); characters
identical in both scripts do not count, nor do the paragraphs written in Japanese (with kana).
The document's script is its majority; the minority is reported when it is small against the
majority. A document written wholly in either script is
not reported.

## Why it matters
Text assembled from several sources or converted by hand mixes scripts: `发展` and `發展` become
different words to every tokeniser, search index and deduplicator, and a model learns both.

## Example
`余姚经济开发区走出了一條用创新浇筑的發展之路` — `條` and `發` in simplified text.

One finding is given per distinct word, at its first occurrence, with the other occurrences as
related locations; its fix converts them all. More than ten distinct words (quoted passages in
the other script) are one finding for the document, with the count.

## Fix
Convert the characters to the document's script with OpenCC. **Unsafe**: conversion is not
one-to-one (`发` may be `發` or `髮`), and names or quotations may be written in the other script
on purpose.

## Options
- `allow` (default `[]`): words or characters never reported (proper nouns such as `乾隆`).
- `skip-quotes` (default `false`): do not report characters inside quotation marks or book-title
  marks (`“…”`, `「…」`, `《…》`), where a source may be quoted in its own script.
- `max-share` (default `0.2`): the largest share of the minority script (among characters that
  differ between the scripts) that still counts as stray characters in a document of the other
  script; above it the document is simply mixed and is reported once.
"""

from __future__ import annotations

import importlib.metadata
from functools import lru_cache
from typing import Iterable

import numpy as np
import regex

from ...core import Applicability, Document, DocumentRule, Edit, Finding, Fix, related
from ...core.compiled import compiled
from ...core.packs import PackStore
from ...corpus.normalize import convert, simplified_aligned, to_simplified, to_traditional
from ...text import KANA, has_han, is_han

_QUOTED = regex.compile(r"“[^“”\n]*”|「[^「」\n]*」|『[^『』\n]*』|《[^《》\n]*》")
MIN_MAJORITY = 5  # script-specific characters needed to know a document's script


def _simplified_only_uncached(c: str) -> bool:
    if to_simplified(c) != c:
        return False
    return to_traditional(c) != c and all(convert(c, cfg) != c for cfg in ("s2tw", "s2hk"))


def _simplified_only_table() -> frozenset[str]:
    """The simplified-only characters of the CJK Unified Ideographs block, by OpenCC: computed
    once into the user cache (loading three OpenCC converters costs a third of a second a run)."""
    return frozenset(chr(o) for o in range(0x4E00, 0xA000) if _simplified_only_uncached(chr(o)))


@lru_cache(maxsize=1)
def _table() -> frozenset[str]:
    try:
        version = importlib.metadata.version("opencc")
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    return compiled("nrm-simplified-only", [], _simplified_only_table, extra=f"opencc {version}")


@lru_cache(maxsize=65536)
def _simplified_only(c: str) -> bool:
    """No traditional standard writes ``c``: mainland, Taiwan and Hong Kong forms all differ."""
    if "\u4e00" <= c <= "\u9fff":
        return c in _table()
    return _simplified_only_uncached(c)


class MixedScript(DocumentRule):
    code = "NRM002"
    name = "mixed-script"
    summary = "Traditional and simplified Chinese characters mixed in one document"
    fix = Applicability.UNSAFE
    options = {"allow": [], "skip_quotes": False, "max_share": 0.2}

    def setup(self) -> None:
        self.allowed_chars = _listed(self.ctx.packs, "nrm/script_allowed.txt")
        self.shared_forms = _listed(self.ctx.packs, "nrm/shared_forms.txt")
        self.allow_words = [w for w in self.opts["allow"] if w]

    def _shielded(self, text: str) -> set[int]:
        """Offsets (in the line) never reported: allowed words and, by option, quotations."""
        out: set[int] = set()
        for w in self.allow_words:
            start = text.find(w)
            while start != -1:
                out.update(range(start, start + len(w)))
                start = text.find(w, start + 1)
        if self.opts["skip_quotes"]:
            for m in _QUOTED.finditer(text):
                out.update(range(m.start(), m.end()))
        return out

    def check(self, doc: Document) -> Iterable[Finding]:
        trad: list[tuple[int, str]] = []  # (offset, simplified form)
        # a paragraph with kana is Japanese (quoted lyrics, a film's dialogue): its kanji are
        # neither script's (kana is looked for line by line only in a text that has some)
        kana = KANA.search(doc.text) is not None
        paras = [p for p in doc.paragraphs if has_han(p.text) and not (kana and KANA.search(p.text))]
        if _unchanged(p.text for p in paras):
            return
        # Characters the phrase-aware conversion to simplified changes: a paragraph is read
        # character by character only where its simplified form differs from it (rare).
        changed: list[str] = []  # the changed characters that count, at every changed place
        for para in paras:
            text = para.text
            s = simplified_aligned(text)
            if s == text:
                continue
            shield: set[int] | None = None
            for i in _differences(text, s):
                c = text[i]
                if not _counted(c):
                    continue
                changed.append(c)
                if c in self.allowed_chars:
                    continue
                if shield is None:
                    shield = self._shielded(text)
                if i not in shield:
                    trad.append((para.start + i, s[i]))
        if not trad:
            return
        # characters only simplified text writes, where the conversion left them alone
        simp_only = {c for c in set().union(*(set(p.text) for p in paras)) if _counted(c) and _simplified_only(c)}
        table = dict.fromkeys(map(ord, simp_only))
        simp_chars = sum(len(p.text) - len(p.text.translate(table)) for p in paras)
        simp_chars -= sum(1 for c in changed if c in simp_only)
        if simp_chars >= len(trad):
            yield from self._report(doc, trad, simp_chars, "simplified", "traditional")
            return
        # A traditional document: a character is simplified only where no traditional standard
        # (mainland, Taiwan, Hong Kong), converting the paragraph phrase by phrase, keeps it.
        simp: list[tuple[int, str]] = []
        for para in paras:
            text = para.text
            if not any(_simplified_only(c) for c in text):
                continue
            forms = [to_traditional(text), *(convert(text, cfg) for cfg in ("s2tw", "s2hk"))]
            if any(len(f) != len(text) for f in forms):
                continue
            shield = self._shielded(text)
            for i, c in enumerate(text):
                if _simplified_only(c) and c not in self.shared_forms and i not in shield \
                        and all(f[i] != c for f in forms):
                    simp.append((para.start + i, forms[0][i]))
        if simp:
            yield from self._report(doc, simp, len(trad), "traditional", "simplified")

    def _report(self, doc: Document, minor: list[tuple[int, str]], major: int, script: str,
                other: str) -> Iterable[Finding]:
        if major < MIN_MAJORITY:
            return
        share = len(minor) / (len(minor) + major)
        if share > self.opts["max_share"]:
            first = minor[0][0]
            yield self.finding(
                doc, first, first + 1,
                f"document mixes scripts: {major} {script}-only and {len(minor)} {other}-only "
                "characters")
            return
        # One finding per distinct word (its first occurrence), fixing every occurrence: a
        # document writing `後` forty times has one problem, not forty.
        by_text: dict[str, list[list[tuple[int, str]]]] = {}
        for run in _runs(minor):
            by_text.setdefault(doc.text[run[0][0]:run[-1][0] + 1], []).append(run)
        if len(by_text) > MAX_WORDS:
            # many different words of the other script (quoted passages, a bilingual list): one
            # finding for the document, with the count, converting them all
            first = minor[0][0]
            words = ", ".join(list(by_text)[:5])
            fix = Fix.unsafe(f"convert the {len(minor)} characters to {script}",
                             *(Edit(o, o + 1, new) for o, new in minor))
            yield self.finding(
                doc, first, first + 1,
                f"{len(minor)} {other} characters in {len(by_text)} different words in a {script} document "
                f"({major} {script}-only characters): {words} …", fix=fix)
            return
        for chars, runs in by_text.items():
            first = runs[0]
            start, end = first[0][0], first[-1][0] + 1
            edits = [Edit(o, o + 1, new) for run in runs for o, new in run]
            target = "".join(new for _, new in first)  # runs are consecutive characters
            times = f", {len(runs)} times" if len(runs) > 1 else ""
            fix = Fix.unsafe(f"convert to {script}: {target}" + (f" ({len(runs)} places)" if len(runs) > 1 else ""),
                             *edits)
            others = [related(doc, r[0][0], r[-1][0] + 1, "same characters") for r in runs[1:MAX_RELATED + 1]]
            yield self.finding(
                doc, start, end,
                f"{other} character(s) {chars!r} in a {script} document{times} "
                f"({major} {script}-only characters): {script} {target!r}", fix=fix, related=others)


MAX_RELATED = 10  # occurrences listed under a finding
MAX_WORDS = 10  # distinct words of the other script reported one by one; more are one finding


def _counted(c: str) -> bool:
    """A Han character that can tell the scripts apart (compatibility ideographs cannot)."""
    return is_han(c) and not 0xF900 <= ord(c) <= 0xFAFF


def _unchanged(texts: Iterable[str]) -> bool:
    """Converting the texts to simplified changes none of them: one OpenCC call for all of
    them joined by newlines (no dictionary phrase spans a line, so the conversion of the
    whole is that of each line, newlines kept)."""
    joined = "\n".join(texts)
    try:
        return to_simplified(joined) == joined
    except UnicodeError:  # lone surrogates: read paragraph by paragraph
        return False


def _differences(a: str, b: str) -> list[int]:
    """Offsets where two strings of one length differ (compared as UTF-32 arrays)."""
    x = np.frombuffer(a.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    y = np.frombuffer(b.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return np.flatnonzero(x != y).tolist()


def _listed(packs: PackStore, relpath: str) -> frozenset[str]:
    """The entries of a pack written one a line, each optionally followed by ``# comment``."""
    return frozenset(line.split("#")[0].strip() for line in packs.lines(relpath))


def _runs(items: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Group offsets that are adjacent (a word) into one finding."""
    runs: list[list[tuple[int, str]]] = []
    for item in items:
        if runs and item[0] - runs[-1][-1][0] <= 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs
