"""## What it finds
A paragraph that also appears, identical or nearly so, in another document of the corpus that
comes first in path order (the first copy is the original). The message names the first copy
and gives the exact Jaccard similarity of the two paragraphs' character 5-gram sets (over
normalised text) and the MinHash estimate; `related` lists the first copy and up to four more.

When the cache is on and the corpus has a root, the other documents are every text file under
the root (through the persisted signature index), so `corpuslint check changed.txt` finds a
paragraph copied from a file that was not passed. Documents that are near-duplicates of each
other as a whole (DUP004) are not compared paragraph by paragraph here: that finding covers
them. Paragraphs shorter than `min-chars` normalised characters are not compared.

Boilerplate (a notice, a footer, the paragraphs of a report template whose editions differ
only by a date, a name or a figure) gives one finding per later copy, naming the first copy and
counting the other documents, never one per pair of copies. A template whose near-identical
paragraph texts number over a hundred is compared with its first text only (the group's
representative): a copy is reported when it is near that first copy.

## Why it matters
The same paragraph in many documents (a reprinted passage, a site's boilerplate notice, a
teaser of another article) is duplicate training data and, for a reader, text that belongs
elsewhere.

## Example
A paragraph of `b.txt` that `a.txt` already holds, with `遗存` written `遺存` (traditional) and
one figure changed, is reported on `b.txt` against `a.txt`.

## Fix
None: which document should keep the text is an editorial decision.

## Options
- `threshold` (float, 0.8): exact Jaccard from which two paragraphs are near-duplicates.
- `min-chars` (int, 20): normalised length below which paragraphs are not compared.
- `shingle-size` (int, 5), `num-perm` (int, 128): signature parameters, shared by all DUP
  corpus rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np

from ...core import CorpusRule, Finding
from ...core.findings import Location, Related
from ...corpus.results import Entry
from ._shared import SIGNATURE_OPTIONS, duplicates, rel, similarity_text, where

MAX_RELATED = 5
Partner = tuple[tuple, int, int, float, "float | None"]  # (order, entry, paragraph, exact, estimated)


class CrossDocumentDuplicateParagraph(CorpusRule):
    code = "DUP003"
    name = "cross-document-duplicate-paragraph"
    summary = "Paragraph repeats (or nearly repeats) a paragraph of an earlier document"
    options = {"threshold": 0.8, "min_chars": 20, **SIGNATURE_OPTIONS}
    duplicate_role = "paragraph"

    def finish(self, corpus: Any) -> Iterable[Finding]:
        dup = duplicates(corpus)
        threshold, min_chars = self.opts["threshold"], self.opts["min_chars"]
        # Per paragraph text: every copy in path order, with its similarity, and the documents
        # holding one. Built once per text, so boilerplate in N documents costs O(N), not O(N²);
        # in arrays (entries are numbered in path order: the flat order of the copies is it).
        cache: dict[int, tuple[_Copies, set[int]]] = {}
        flat_entry, flat_para = dup.flat_entry, dup.flat_para

        def copies(rid: int) -> tuple[_Copies, set[int]]:
            got = cache.get(rid)
            if got is None:
                rows = [dup.member_rows(rid)]
                sims: list[tuple[float, float | None]] = [(1.0, None)]
                for hit in dup.near.get(rid, ()):
                    if hit.exact < threshold:
                        continue
                    m = dup.member_rows(hit.other)  # one text: one folded length
                    if dup.entries[int(flat_entry[m[0]])].sig.lengths[int(flat_para[m[0]])] >= min_chars:
                        rows.append(m)
                        sims.append((hit.exact, hit.estimated))
                which = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
                every = np.concatenate(rows)
                order = np.argsort(every, kind="stable")
                found = _Copies(flat_entry[every[order]].tolist(), flat_para[every[order]].tolist(),
                                which[order].tolist(), sims)
                got = cache[rid] = (found, set(found.entries))
            return got

        # The same copy is named by every finding on its text: its Related is made once.
        named: dict[Partner, Related] = {}

        def related_of(x: Partner) -> Related:
            got = named.get(x)
            if got is None:
                got = named[x] = rel(dup.entries[x[1]], x[2],
                                     "identical" if x[4] is None else similarity_text(x[3], x[4]))
            return got

        for index, paras in dup.shared():
            entry = dup.entries[index]
            if not entry.in_run:
                continue
            lengths = entry.sig.lengths
            versions = {m.a.index if m.b is entry else m.b.index for m in dup.doc_partners(entry)}
            doc = None
            # What a text's copies show is the same for every copy inside this document: worked
            # out once per text, so a paragraph repeated N times in one document costs O(N).
            shown_for: dict[int, list[Partner]] = {}
            for p in paras:
                if lengths[p] < min_chars:
                    continue
                rid = dup.rep_of(index, p)
                found, per_doc = copies(rid)
                shown = shown_for.get(rid)
                if shown is None:
                    shown = shown_for[rid] = _shown(found, entry, versions, dup.entries)
                if not shown:
                    continue
                _, e, q, exact, est = shown[0]
                first = dup.entries[e]
                how = "identical after normalisation" if est is None else similarity_text(exact, est)
                # Documents holding a copy, besides this one, its versions and the first copy.
                others = len(per_doc) - (entry.index in per_doc) - len(versions & per_doc) - 1
                msg = f"paragraph also appears in {where(first, q)} ({how}), the first copy in path order"
                if others:
                    msg += f"; also in {others} more document{'s' if others > 1 else ''}"
                related = [related_of(x) for x in shown]
                doc = doc or entry.doc
                assert doc is not None
                # the paragraph's place as signed (its document's lines are not split again): a
                # paragraph lies inside one line, so its location needs no offset look-up
                line, start, end, column = entry.sig.span(p)
                yield Finding(code=self.code, name=self.name, severity=self.severity, message=msg,
                              location=Location.in_line(doc.path, doc.record, start, end, line, column),
                              related=tuple(related), flagged_text=doc.text[start:end])


@dataclass(frozen=True)
class _Copies:
    """Every copy of a text and of its near texts, in path order: entry, paragraph and which
    similarity (``sims``: exact and estimated Jaccard, (1.0, None) for identical copies)."""

    entries: list[int]
    paras: list[int]
    which: list[int]
    sims: list[tuple[float, float | None]]


def _shown(found: _Copies, entry: Entry, versions: set[int], entries: list[Entry]) -> list[Partner]:
    """The copies a finding on ``entry`` names: those of other documents (not its versions) up
    to ``MAX_RELATED``, the first in path order first; none when ``entry`` holds that first copy."""
    shown: list[Partner] = []
    for i, e in enumerate(found.entries):
        if e == entry.index or e in versions:
            continue
        if not shown and e > entry.index:
            break  # this copy is the first in path order: the later ones are reported
        exact, est = found.sims[found.which[i]]
        shown.append((entries[e].order, e, found.paras[i], exact, est))
        if len(shown) == MAX_RELATED:
            break
    return shown
