"""## What it finds
Site template lines: a line that recurs, after normalisation (`corpus.normalize.fold`), in many
documents of the corpus — the footer, the slogan or the menu of a site that every scraped page
repeats — even when no pattern of the other CHR rules knows it.

Reprints are not a site template: a paragraph quoted in two versions of one article recurs too.
So occurrences are counted per version group (`corpus.versions`, built by DUP from near-duplicate
detection and the configured groups): a line is a template line only when it occurs in at least
`min_documents` documents belonging to at least `min_groups` different version groups. Lines of
running prose inside an article body are only counted when they are short (`max_body_length`),
so a sentence shared by several articles is not taken for a footer.

## Why it matters
Template lines are the bulk of web-scrape boilerplate; a corpus keeps thousands of copies of the
same footer, which distorts frequency statistics and deduplication.

## Example
Five pages of one site all end with `欢迎关注XX产业网 服务热线 400-000-0000`: each copy is reported,
with the other documents as related locations.

## Fix
Delete the line. **Unsafe**: the decision rests on counts across the corpus, and a user should
check the threshold fits the corpus.

## Options
- `min_documents` (int, 5): fewest documents a line must occur in.
- `min_groups` (int, 5): fewest distinct version groups (unrelated articles) among them.
- `min_chars` (int, 4): shortest folded line counted (shorter lines are too common to judge).
- `max_chars` (int, 300): longest line counted.
- `max_body_length` (int, 30): longest line counted when it is prose inside an article body.
"""

from __future__ import annotations

import hashlib
from typing import Any, Iterable

from ...core import Applicability, CorpusRule, Document, Finding, Fix, related
from ._zones import delete_lines, layout


def _key(folded: str) -> bytes:
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=8).digest()


class TemplateLine(CorpusRule):
    code = "CHR008"
    name = "template-line"
    summary = "Line recurring across many unrelated documents of the corpus (site template)"
    fix = Applicability.UNSAFE
    options = {"min_documents": 5, "min_groups": 5, "min_chars": 4, "max_chars": 300,
               "max_body_length": 30}

    def setup(self) -> None:
        self._seen: list[tuple[Document, dict[bytes, list[int]]]] = []
        self._count: dict[bytes, int] = {}

    def observe(self, doc: Document, corpus: Any) -> Iterable[Finding]:
        lay = layout(doc)
        folded = corpus.features(doc).folded  # shared with DUP: folded once per run
        keys: dict[bytes, list[int]] = {}
        for i, b in enumerate(lay.blocks):
            if b.length > self.opts["max_chars"] or len(folded[i]) < self.opts["min_chars"]:
                continue
            if b.prose and not lay.outside_body(i) and b.length > self.opts["max_body_length"]:
                continue
            keys.setdefault(_key(folded[i]), []).append(i)
        for k in keys:
            self._count[k] = self._count.get(k, 0) + 1
        self._seen.append((doc, keys))
        return ()

    def finish(self, corpus: Any) -> Iterable[Finding]:
        # take the run's state and reset it, so a reused rule starts the next run empty
        seen, count = self._seen, self._count
        self._seen, self._count = [], {}
        need = self.opts["min_documents"]
        frequent = {k for k, n in count.items() if n >= need}
        if not frequent:
            return
        holders: dict[bytes, list[Document]] = {}
        for doc, keys in seen:
            for k in keys:
                if k in frequent:
                    holders.setdefault(k, []).append(doc)
        versions = corpus.versions
        template: dict[bytes, list[Document]] = {}
        for k, docs in holders.items():
            groups = set()
            for d in docs:
                g = versions.group_of(d)
                groups.add(g.key if g is not None else d.id)
            if len(groups) >= self.opts["min_groups"]:
                template[k] = docs
        where = {id(doc): keys for doc, keys in seen}
        for doc, keys in seen:
            lay = layout(doc)
            for k, idx in keys.items():
                docs = template.get(k)
                if docs is None:
                    continue
                rel = []
                for other in [d for d in docs if d is not doc][:3]:
                    ob = layout(other).blocks[where[id(other)][k][0]]
                    rel.append(related(other, ob.para.start, ob.para.end, "the same line"))
                for i in idx:
                    b = lay.blocks[i]
                    fix = Fix.unsafe("delete the template line", delete_lines(doc, b.line, b.line))
                    yield self.finding(
                        doc, b.para.start, b.para.end,
                        f"site template line, in {len(docs)} documents: `{b.text[:40]}`",
                        fix=fix, related=rel)
