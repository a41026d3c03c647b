"""## What it finds
Several articles in one file: a second top-level headline (`# …`, with any kicker lines just
above it) after the body text of a first article, where the text after it is about something
else (its character bigrams share little with the text before it).

## Why it matters
A newspaper page or a scraped list page often holds more than one article. Ingestion should split
them: duplicate detection, version alignment and per-document metadata all assume one article per
document.

## Example
An OCR'd newspaper page: an article on the Yuyao development zone, then, under a new headline
(`## 慈溪滨海经济开发区` / `# 探索工业社区治理新路径`), an unrelated article on the Cixi Binhai
zone from the same page.

## Fix
None: splitting a file is a job for the ingestion step. The finding marks where the next article
starts.

## Options
- `max_similarity` (float, 0.5): the cosine similarity of Han character bigram counts between
  the text before and after the headline above which the two parts are taken to be one article
  with sections.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Iterable

import regex

from ...core import Document, DocumentRule, Finding, Severity
from ...text import HAN_CLASS
from ...page import flow

_H1 = regex.compile(r"^#\s+\S")
_TIME = regex.compile(r"\d{1,2}:\d{2}")
_HN = regex.compile(r"^#{2,6}\s+\S")
_HAN_RUN = regex.compile(f"[{HAN_CLASS}]{{2,}}")
MIN_BODY = 3  # prose paragraphs on each side
MIN_CHARS = 300  # characters of prose on each side


class MultipleArticles(DocumentRule):
    code = "LAY004"
    name = "multiple-articles"
    summary = "File holds more than one article (a second headline starts a different text)"
    severity = Severity.INFO
    options = {"max_similarity": 0.5}

    def check(self, doc: Document) -> Iterable[Finding]:
        lay = flow(doc, self.ctx.packs)
        paras, kinds = lay.paras, lay.kinds
        # A headline carries no clock time: `# re: … 2004-12-28 13:42 name` heads a comment.
        heads = [k for k, p in enumerate(paras) if _H1.match(p.text) and not _TIME.search(p.text)]
        if not heads:
            return
        bounds = [-1, *heads, len(paras)]
        sections = [[paras[m].text for m in range(a + 1, b) if kinds[m] == "prose"]
                    for a, b in zip(bounds, bounds[1:])]
        # The text of the current article so far, compared with each next headline's section;
        # each section is counted once, so the rule is linear in the document.
        acc, acc_n, acc_len = _bigrams(sections[0]), len(sections[0]), sum(map(len, sections[0]))
        prev_head = -1
        for k, section in zip(heads, sections[1:]):
            cur = _bigrams(section)
            n, size = len(section), sum(map(len, section))
            # An article has a body: comments or short notes under headlines are not articles.
            if acc_n >= MIN_BODY and acc_len >= MIN_CHARS and n >= MIN_BODY and size >= MIN_CHARS:
                sim = _cosine(acc, cur)
                if sim <= self.opts["max_similarity"]:
                    start = k
                    while start - 1 > prev_head and _HN.match(paras[start - 1].text):
                        start -= 1  # kicker lines above the headline belong to the new article
                    s, p = paras[start], paras[k]
                    yield self.finding(
                        doc, s.start, p.end,
                        f"a second article starts on line {s.line} ({p.text.lstrip('# ')[:20]}); "
                        f"the text after it shares little with the text before (similarity "
                        f"{sim:.2f})")
                    acc, acc_n, acc_len, prev_head = cur, n, size, k
                    continue
            acc.update(cur)
            acc_n += n
            acc_len += size
            prev_head = k


def _cosine(ca: Counter[str], cb: Counter[str]) -> float:
    if len(cb) < len(ca):
        ca, cb = cb, ca
    dot = sum(v * cb.get(w, 0) for w, v in ca.items())
    na = math.sqrt(sum(v * v for v in ca.values()))
    nb = math.sqrt(sum(v * v for v in cb.values()))
    return dot / (na * nb) if na and nb else 0.0


def _bigrams(texts: list[str]) -> Counter[str]:
    """Han character bigrams: a cheap, segmentation-free picture of what a text is about."""
    out: Counter[str] = Counter()
    for t in texts:
        for run in _HAN_RUN.findall(t):
            out.update(run[i:i + 2] for i in range(len(run) - 1))
    return out
