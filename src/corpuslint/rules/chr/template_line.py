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

When only some files of a corpus are checked (pre-commit passes the changed files), the other
files under the corpus root are counted through the persisted signature index (cache on): the
index keeps every short paragraph's folded text, so one changed page is compared with every
page of the corpus without reading them. Indexed files count as versions of one another (and
of the checked file) when most of the smaller one's long paragraphs occur word for word in the
other, or when DUP has grouped them.

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
import sqlite3
from typing import Any, Iterable

from ...core import Applicability, CorpusRule, Document, Finding, Fix, related
from ...core.findings import Related
from ...corpus.index import IndexedLine, corpus_lines, path_key
from ...page import delete_lines, page


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
        self._text: dict[bytes, str] = {}

    def observe(self, doc: Document, corpus: Any) -> Iterable[Finding]:
        lay = page(doc, self.ctx.packs)
        folded = corpus.features(doc).folded  # shared with DUP: folded once per run
        keys: dict[bytes, list[int]] = {}
        for i, b in enumerate(lay.blocks):
            if b.length > self.opts["max_chars"] or len(folded[i]) < self.opts["min_chars"]:
                continue
            if b.prose and not lay.outside_body(i) and b.length > self.opts["max_body_length"]:
                continue
            k = _key(folded[i])
            keys.setdefault(k, []).append(i)
            self._text.setdefault(k, folded[i])
        for k in keys:
            self._count[k] = self._count.get(k, 0) + 1
        self._seen.append((doc, keys))
        return ()

    def finish(self, corpus: Any) -> Iterable[Finding]:
        # take the run's state and reset it, so a reused rule starts the next run empty
        seen, count, text = self._seen, self._count, self._text
        self._seen, self._count, self._text = [], {}, {}
        holders: dict[bytes, list[Document]] = {}
        for doc, keys in seen:
            for k in keys:
                holders.setdefault(k, []).append(doc)
        versions = corpus.versions
        # key -> (number of documents holding the line, places in files outside the run)
        template: dict[bytes, tuple[int, list[IndexedLine]]] = {}
        for k, docs in holders.items():
            if count[k] >= self.opts["min_documents"] and self._unrelated(docs, versions):
                template[k] = (len(docs), [])
        rest = [k for k in holders if k not in template]
        if rest:
            # Pre-commit checks one changed file: the rest of the corpus counts through the index.
            try:
                template.update(self._through_index(corpus, rest, holders, text))
            except sqlite3.Error:
                pass  # a damaged or locked index: the run's own documents decide
        where = {id(doc): keys for doc, keys in seen}
        for doc, keys in seen:
            lay = page(doc, self.ctx.packs)
            for k, idx in keys.items():
                got = template.get(k)
                if got is None:
                    continue
                n, external = got
                rel = []
                for other in [d for d in holders[k] if d is not doc][:3]:
                    ob = page(other, self.ctx.packs).blocks[where[id(other)][k][0]]
                    rel.append(related(other, ob.para.start, ob.para.end, "the same line"))
                rel += [Related(p.location, "the same line") for p in external[:3 - len(rel)]]
                for i in idx:
                    b = lay.blocks[i]
                    fix = Fix.unsafe("delete the template line", delete_lines(doc, b.line, b.line))
                    yield self.finding(
                        doc, b.para.start, b.para.end,
                        f"site template line, in {n} documents: `{b.text[:40]}`",
                        fix=fix, related=rel)

    def _unrelated(self, docs: list[Document], versions: Any) -> bool:
        """Whether the run's documents holding a line belong to ``min_groups`` version groups."""
        return len({_group(versions, d) for d in docs}) >= self.opts["min_groups"]

    def _through_index(self, corpus: Any, keys: list[bytes], holders: dict[bytes, list[Document]],
                       text: dict[bytes, str]) -> dict[bytes, tuple[int, list[IndexedLine]]]:
        """Template lines among ``keys`` counted over every file under the corpus root."""
        reader = corpus_lines(corpus)
        if reader is None:
            return {}
        out: dict[bytes, tuple[int, list[IndexedLine]]] = {}
        body = self.opts["max_body_length"]
        versions = corpus.versions
        with reader:
            found = reader.holders(text[k] for k in keys)
            context = {(path_key(d.path), d.record): d for d in corpus.context if d.path}
            long_of: dict[int, frozenset[str]] = {}

            def long_paragraphs(p: IndexedLine) -> frozenset[str]:
                got = long_of.get(p.doc)
                if got is None:
                    got = long_of[p.doc] = frozenset(reader.paragraphs(p.doc, body))
                return got

            for k in keys:
                mine = {(path_key(d.path), d.record) for d in holders[k] if d.path}
                others = [p for p in found.get(text[k], []) if (p.key, p.record) not in mine]
                n = len(holders[k]) + len(others)
                if not others or n < self.opts["min_documents"]:
                    continue
                # Representatives of distinct articles: (version group or None, long paragraphs);
                # the indexed files are read only until enough are found (a footer of 10 000 pages).
                reps: list[tuple[Any, frozenset[str]]] = []
                for d in holders[k]:
                    _add(reps, _group(versions, d), frozenset(t for t in corpus.features(d).folded if len(t) > body))
                for p in others:
                    if len(reps) >= self.opts["min_groups"]:
                        break
                    ctx = context.get((p.key, p.record))
                    _add(reps, _group(versions, ctx) if ctx is not None else None, long_paragraphs(p))
                if len(reps) >= self.opts["min_groups"]:
                    out[k] = (n, others)
        return out


def _group(versions: Any, doc: Document) -> Any:
    g = versions.group_of(doc)
    return g.key if g is not None else ("doc", doc.id)


def _add(reps: list[tuple[Any, frozenset[str]]], group: Any, paras: frozenset[str]) -> None:
    """Add a holder unless it is a version of one already kept: the same version group, or most
    of the smaller one's long paragraphs found word for word in the other (reprints share their
    body; pages of one site share only the template)."""
    for g, ps in reps:
        if group is not None and g == group:
            return
        if paras and ps and len(paras & ps) * 2 >= min(len(paras), len(ps)):
            return
    reps.append((group, paras))
