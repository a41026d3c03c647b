"""## What it finds
Documents that are versions or reprints of one article: they share paragraphs (identical or
near-duplicate after normalisation, including a paragraph one version breaks over two lines)
holding at least `threshold` of the normalised text of one of them. So a document that contains
another article plus other material (a newspaper page holding the article and a second one) is
found, while two articles that only share a footer are not. Nor are editions of one generated
report (`2024年3月5日，某县气温12度，...` in hundreds of files): a paragraph text found, identically
or nearly (a date, a name or a figure changed), in more than 50 documents is boilerplate, no
evidence of versions (DUP003 reports its later copies).

One finding per document of the run that has such partners, on its first shared paragraph,
naming every partner with the number of shared paragraphs and the share of each side's
paragraphs they make; `related` points at each partner's first shared paragraph. The original
of a group is the document first in path order; the message says which one it is. Partners may
be files outside the run when the cache and corpus root are on (see DUP003).

The pairs found here are the version groups VER and TYP compare (``corpus.versions``).

## Why it matters
Near-duplicate documents bias a model trained on the corpus and double-count facts in an index;
for an editor they are versions whose differences (figures, names) must be checked.

## Example
A newspaper page (OCR'd) holds the article of a web page (its web version) plus an article on
another subject: each document is reported naming the other.

## Fix
None: choosing the version to keep is an editorial decision.

## Options
- `threshold` (float, 0.5): share of a document's normalised text in shared paragraphs from
  which it is a near-duplicate.
- `shingle-size` (int, 5), `num-perm` (int, 128): signature parameters, shared by all DUP
  corpus rules.
"""

from __future__ import annotations

from typing import Any, Iterable

from ...core import CorpusRule, Finding
from ...corpus.results import DocMatch, Entry
from ._shared import SIGNATURE_OPTIONS, duplicates, rel


class NearDuplicateDocument(CorpusRule):
    code = "DUP004"
    name = "near-duplicate-document"
    summary = "Document is a version or reprint of another document"
    options = {"threshold": 0.5, **SIGNATURE_OPTIONS}
    duplicate_role = "document"

    def finish(self, corpus: Any) -> Iterable[Finding]:
        dup = duplicates(corpus)
        by_entry: dict[int, list[tuple[Entry, DocMatch, bool]]] = {}
        for m in dup.documents:
            if max(m.text_share_a, m.text_share_b) < self.opts["threshold"]:
                continue
            by_entry.setdefault(m.a.index, []).append((m.b, m, True))
            by_entry.setdefault(m.b.index, []).append((m.a, m, False))
        for index in sorted(by_entry):
            entry = dup.entries[index]
            if not entry.in_run:
                continue
            partners = sorted(by_entry[index], key=lambda t: t[0].order)
            original = partners[0][0].order > entry.order
            parts = []
            related = []
            first_mine: int | None = None
            for other, m, mine_is_a in partners:
                matches = m.matches
                mine = [x.a for x in matches] if mine_is_a else [x.b for x in matches]
                theirs = [x.b for x in matches] if mine_is_a else [x.a for x in matches]
                share_mine, share_theirs = (m.share_a, m.share_b) if mine_is_a else (m.share_b, m.share_a)
                same = _same_text(m) if m.whole_text else False
                if m.whole_text:  # re-wrapped: paragraphs do not line up, the text does
                    text_mine, text_theirs = ((m.text_share_a, m.text_share_b) if mine_is_a
                                              else (m.text_share_b, m.text_share_a))
                    parts.append(f"{other.id} ({_wrapped(same)}: {text_mine:.0%} of this "
                                 f"document's text, {text_theirs:.0%} of the other's)")
                else:
                    parts.append(f"{other.id} ({len(matches)} paragraphs shared: {share_mine:.0%} of "
                                 f"this document's, {share_theirs:.0%} of the other's)")
                if first_mine is None:
                    first_mine = min(mine) if mine else 0
                related.append(rel(other, min(theirs) if theirs else 0,
                                   f"version: {_wrapped(same)}" if m.whole_text
                                   else f"version: {len(matches)} paragraphs shared"))
            head = ("document is the original (first in path order) of "
                    if original else "document is a near-duplicate (version or reprint) of ")
            msg = head + "; ".join(parts)
            doc = entry.doc
            assert first_mine is not None and doc is not None
            para = doc.paragraphs[first_mine]
            yield self.finding(doc, para.start, para.end, msg, related=related)


def _same_text(m: DocMatch) -> bool:
    """Whether a re-wrapped pair has the same text: every shingle of one of them is in the
    other (the other may hold more). A pair whose wording or figures differ is only nearly the
    same."""
    return max(m.text_share_a, m.text_share_b) >= 1.0


def _wrapped(same: bool) -> str:
    return "same text, wrapped differently" if same else "nearly the same text (wording or figures differ), wrapped differently"
