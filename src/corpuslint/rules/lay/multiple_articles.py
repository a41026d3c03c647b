"""## What it finds
Several articles in one file: a second top-level headline (`# …`, with any kicker lines just
above it) after the body text of a first article, where the text after it is about something
else (its vocabulary shares little with the text before it).

## Why it matters
A newspaper page or a scraped list page often holds more than one article. Ingestion should split
them: duplicate detection, version alignment and per-document metadata all assume one article per
document.

## Example
Seed 001: the article on the Yuyao zone, then from line 75 (`## 慈溪滨海经济开发区` /
`# 探索工业社区治理新路径`) an unrelated article on the Cixi Binhai zone.

## Fix
None: splitting a file is a job for the ingestion step. The finding marks where the next article
starts.

## Options
`max-similarity` (default 0.5): the word-frequency cosine similarity between the text before and
after the headline above which the two parts are taken to be one article with sections.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Iterable

import regex

from ...core import Document, DocumentRule, Finding, Severity
from ._layout import analyse, layout_data

_H1 = regex.compile(r"^#\s+\S")
_TIME = regex.compile(r"\d{1,2}:\d{2}")
_HN = regex.compile(r"^#{2,6}\s+\S")
_WORD = regex.compile(r"\p{Han}{2,}")
MIN_BODY = 3  # prose paragraphs on each side
MIN_CHARS = 300  # characters of prose on each side


class MultipleArticles(DocumentRule):
    code = "LAY004"
    name = "multiple-articles"
    summary = "File holds more than one article (a second headline starts a different text)"
    severity = Severity.INFO
    options = {"max_similarity": 0.5}

    def setup(self) -> None:
        self.data = layout_data(self.ctx.packs)

    def check(self, doc: Document) -> Iterable[Finding]:
        lay = analyse(doc, self.data)
        paras, kinds = lay.paras, lay.kinds
        prose_before = 0
        last_cut = 0
        for k, p in enumerate(paras):
            if kinds[k] == "prose":
                prose_before += 1
                continue
            # A headline carries no clock time: `# re: … 2004-12-28 13:42 name` heads a comment.
            if not _H1.match(p.text) or _TIME.search(p.text) or prose_before < MIN_BODY:
                continue
            nxt = next((m for m in range(k + 1, len(paras)) if _H1.match(paras[m].text)),
                       len(paras))
            after = [paras[m].text for m in range(k + 1, nxt) if kinds[m] == "prose"]
            before = [paras[m].text for m in range(last_cut, k) if kinds[m] == "prose"]
            # An article has a body: comments or short notes under headlines are not articles.
            if len(after) < MIN_BODY or sum(map(len, after)) < MIN_CHARS \
                    or sum(map(len, before)) < MIN_CHARS:
                continue
            sim = self._similarity(before, after)
            if sim > self.opts["max_similarity"]:
                continue
            start = k
            while start > 0 and _HN.match(paras[start - 1].text) and start - 1 > last_cut:
                start -= 1  # kicker lines above the headline belong to the new article
            s = paras[start]
            yield self.finding(
                doc, s.start, p.end,
                f"a second article starts on line {s.line} ({p.text.lstrip('# ')[:20]}); the text "
                f"after it shares little with the text before (similarity {sim:.2f})")
            last_cut, prose_before = k, 0

    def _similarity(self, a: list[str], b: list[str]) -> float:
        ca, cb = self._words(a), self._words(b)
        dot = sum(v * cb.get(w, 0) for w, v in ca.items())
        na = math.sqrt(sum(v * v for v in ca.values()))
        nb = math.sqrt(sum(v * v for v in cb.values()))
        return dot / (na * nb) if na and nb else 0.0

    def _words(self, texts: list[str]) -> Counter[str]:
        lex = self.data.lexicon
        out: Counter[str] = Counter()
        for t in texts:
            for run in _WORD.findall(t):
                out.update(w for w in lex.segment(run) if len(w) >= 2)
        return out
