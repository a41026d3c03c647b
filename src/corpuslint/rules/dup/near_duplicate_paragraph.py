"""## What it finds
A paragraph that is nearly the same as an earlier paragraph of the same document: their
character 5-gram sets (over normalised text) have an exact Jaccard similarity of at least
`threshold`, without being identical (identical repeats are DUP001). The message gives the
exact Jaccard and the MinHash estimate; `related` points at the earlier copy.

Candidates come from MinHash LSH over all paragraphs of the run and every candidate is verified
on the exact shingle sets, so no unverified pair is reported. Paragraphs shorter than
`min-chars` normalised characters are not compared (short lines are alike by chance).

## Why it matters
A block re-printed with small OCR differences, or a paragraph pasted twice with an edit, is
duplicate text that an exact comparison misses.

## Example
```text
今年3月,经省政府同意,省科技厅、省发改委联合印发省级高新园区创建批复,余姚智能装备高新技术产业园区成功获批创建。
...
今年3月,经省政府同意,省科技厅联合印发省级高新园区创建批复,余姚智能装备高新技术产业园区成功获批创建。
```
The second paragraph is reported against the first.

## Fix
Delete the later paragraph. **Unsafe**: the copies differ, and the text only the later one holds
is lost.

## Options
- `threshold` (float, 0.8): exact Jaccard from which two paragraphs are near-duplicates.
- `min-chars` (int, 20): normalised length below which paragraphs are not compared.
- `shingle-size` (int, 5), `num-perm` (int, 128): signature parameters, shared by all DUP
  corpus rules (the first of DUP002–DUP004 that sets one decides).
"""

from __future__ import annotations

from typing import Any, Iterable

from ...core import Applicability, CorpusRule, Finding, Fix
from ...corpus.results import PairHit
from ...page import delete_lines
from ._shared import SIGNATURE_OPTIONS, duplicates, rel, similarity_text


class NearDuplicateParagraph(CorpusRule):
    code = "DUP002"
    name = "near-duplicate-paragraph"
    summary = "Paragraph nearly repeats an earlier paragraph of the same document"
    fix = Applicability.UNSAFE
    options = {"threshold": 0.8, "min_chars": 20, **SIGNATURE_OPTIONS}
    duplicate_role = "paragraph"

    def finish(self, corpus: Any) -> Iterable[Finding]:
        dup = duplicates(corpus)
        threshold, min_chars = self.opts["threshold"], self.opts["min_chars"]
        # A text's near hits by partner text, for texts with many (the head of a template
        # cluster has one per member): a document then looks up its own few texts.
        by_other: dict[int, dict[int, PairHit]] = {}
        for index, paras in dup.shared():
            entry = dup.entries[index]
            if not entry.in_run:
                continue
            lengths = entry.sig.lengths
            # this document's paragraphs per text (``shared`` lists every paragraph whose text
            # has a copy or a near hit, in paragraph order)
            here: dict[int, list[int]] = {}
            for p in paras:
                here.setdefault(dup.rep_of(index, p), []).append(p)
            seen: set[int] = set()
            doc = None
            for p in paras:
                rid = dup.rep_of(index, p)
                if rid in seen:
                    continue  # an exact repeat of an earlier paragraph: DUP001's finding
                seen.add(rid)
                if lengths[p] < min_chars:
                    continue
                hits = dup.near.get(rid, ())
                if len(hits) > len(here):
                    got = by_other.get(rid)
                    if got is None:
                        got = by_other[rid] = {h.other: h for h in hits}
                    hits = [got[o] for o in sorted(here) if o in got]
                partners = []
                for hit in hits:
                    if hit.exact < threshold:
                        continue
                    for q in here.get(hit.other, ()):
                        if q < p and lengths[q] >= min_chars:
                            partners.append((q, hit))
                if not partners:
                    continue
                partners.sort(key=lambda t: t[0])
                q, hit = partners[0]
                doc = doc or entry.doc
                assert doc is not None
                para = doc.paragraphs[p]
                msg = (f"paragraph is a near-duplicate of line {entry.line(q)} "
                       f"({similarity_text(hit.exact, hit.estimated)})")
                if len(partners) > 1:
                    msg += f" and of {len(partners) - 1} more"
                related = [rel(entry, q, f"near copy ({similarity_text(h.exact, h.estimated)})")
                           for q, h in partners[:5]]
                fix = Fix.unsafe(f"delete the near-duplicate line {para.line}",
                                 delete_lines(doc, para.line, para.line, blank_lines=True))
                yield self.finding(doc, para.start, para.end, msg, fix=fix, related=related)
