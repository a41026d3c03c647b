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

import sqlite3
from itertools import islice
from typing import Any, Iterable

import numpy as np
import xxhash

from ...core import Applicability, CorpusRule, Document, Finding, Fix
from ...core.findings import Location, Related
from ...corpus.index import IndexedLine
from ...corpus.tree import path_key
from ...corpus.normalize import folded_paragraphs
from ...page import delete_lines, page


def _key(folded: str) -> int:
    return xxhash.xxh3_64_intdigest(folded.encode("utf-8", "surrogatepass"))


class TemplateLine(CorpusRule):
    code = "CHR008"
    name = "template-line"
    summary = "Line recurring across many unrelated documents of the corpus (site template)"
    fix = Applicability.UNSAFE
    options = {"min_documents": 5, "min_groups": 5, "min_chars": 4, "max_chars": 300,
               "max_body_length": 30}

    def extract(self, doc: Document) -> tuple[np.ndarray, np.ndarray] | None:
        """The hashes of the document's candidate lines (short, or outside the article body)
        and their paragraph indices: all the corpus phase keeps of it for this rule."""
        lay = page(doc, self.ctx.packs)
        folded = folded_paragraphs(doc)
        keys: list[int] = []
        paras: list[int] = []
        for i, b in enumerate(lay.blocks):
            if b.length > self.opts["max_chars"] or len(folded[i]) < self.opts["min_chars"]:
                continue
            if b.prose and not lay.outside_body(i) and b.length > self.opts["max_body_length"]:
                continue
            if lay.in_table(i):
                continue  # a row of the text's own table (a record's `发布机构：…`) is no template
            keys.append(_key(folded[i]))
            paras.append(i)
        if not keys:
            return None
        return np.array(keys, dtype=np.uint64), np.array(paras, dtype=np.int32)

    def finish(self, corpus: Any) -> Iterable[Finding]:
        holders: dict[int, list[Any]] = {}  # key -> features of the run's documents holding it
        lines = [(f, f.data[self.code]) for f in corpus if self.code in f.data]
        if not lines:
            return
        all_keys = np.concatenate([np.unique(k) for _, (k, _) in lines])
        uniq, counts = np.unique(all_keys, return_counts=True)
        frequent = set(uniq[counts >= self.opts["min_documents"]].tolist())
        rest_docs = []
        for f, (keys, _) in lines:
            mine = set(keys.tolist())
            for k in mine & frequent:
                holders.setdefault(k, []).append(f)
            if mine - frequent:
                rest_docs.append(f)
        # key -> (number of documents holding the line, places in files outside the run)
        template: dict[int, tuple[int, list[IndexedLine]]] = {}
        for k, feats in holders.items():
            if len({corpus.group_key(f) for f in feats}) >= self.opts["min_groups"]:
                template[k] = (len(feats), [])
        candidates = [f for f in rest_docs] + [f for k, fs in holders.items() if k not in template for f in fs]
        if candidates:
            # Pre-commit checks one changed file: the rest of the corpus counts through the index.
            try:
                template.update(self._through_index(corpus, candidates, template))
            except sqlite3.Error:
                pass  # a damaged or locked index: the run's own documents decide
        if not template:
            return
        holders = {}
        for f, (keys, _) in lines:
            for k in set(keys.tolist()) & template.keys():
                holders.setdefault(k, []).append(f)
        for f, (keys, paras) in lines:
            found = [(int(k), int(i)) for k, i in zip(keys.tolist(), paras.tolist()) if k in template]
            if not found:
                continue
            doc = corpus.document(f)
            lay = page(doc, self.ctx.packs)
            for k, i in found:
                n, external = template[k]
                others = islice((o for o in holders[k] if o is not f), 3)
                rel = [Related(_location(o, _first_para(o, k, self.code)), "the same line") for o in others]
                rel += [Related(p.location, "the same line") for p in external[:3 - len(rel)]]
                b = lay.blocks[i]
                fix = Fix.unsafe("delete the template line", delete_lines(doc, b.line, b.line))
                yield self.finding(doc, b.para.start, b.para.end,
                                   f"site template line, in {n} documents: `{b.text[:40]}`", fix=fix, related=rel)

    def _through_index(self, corpus: Any, feats: list[Any], known: Any) -> dict[int, tuple[int, list[IndexedLine]]]:
        """Template lines of the run's documents ``feats`` counted over every file under the
        corpus root (their text is re-read: a pre-commit run checks a few files)."""
        reader = corpus.lines()
        if reader is None:
            return {}
        out: dict[int, tuple[int, list[IndexedLine]]] = {}
        body = self.opts["max_body_length"]
        text: dict[int, str] = {}
        holders: dict[int, list[Any]] = {}
        long_of_run: dict[int, frozenset[str]] = {}
        for f in dict.fromkeys(feats):
            keys, paras = f.data[self.code]
            folded = folded_paragraphs(corpus.document(f))
            long_of_run[f.order] = frozenset(t for t in folded if len(t) > body)
            for k, i in zip(keys.tolist(), paras.tolist()):
                if k in known:
                    continue
                text.setdefault(k, folded[i])
                holders.setdefault(k, [])
                if f not in holders[k]:
                    holders[k].append(f)
        with reader:
            found = reader.holders(text.values())
            context = {(path_key(d.path), d.record): d for d in corpus.context if d.path}
            long_of: dict[int, frozenset[str]] = {}

            def long_paragraphs(p: IndexedLine) -> frozenset[str]:
                got = long_of.get(p.doc)
                if got is None:
                    got = long_of[p.doc] = frozenset(reader.paragraphs(p.doc, body))
                return got

            for k, mine_feats in holders.items():
                mine = {(path_key(f.path), f.record) for f in mine_feats if f.path}
                others = [p for p in found.get(text[k], []) if (p.key, p.record) not in mine]
                n = len(mine_feats) + len(others)
                if not others or n < self.opts["min_documents"]:
                    continue
                # Representatives of distinct articles: (version group or None, long paragraphs);
                # the indexed files are read only until enough are found (a footer of 10 000 pages).
                reps: list[tuple[Any, frozenset[str]]] = []
                for f in mine_feats:
                    _add(reps, corpus.group_key(f), long_of_run[f.order])
                for p in others:
                    if len(reps) >= self.opts["min_groups"]:
                        break
                    ctx = context.get((p.key, p.record))
                    _add(reps, corpus.group_key(corpus.features(ctx)) if ctx is not None else None,
                         long_paragraphs(p))
                if len(reps) >= self.opts["min_groups"]:
                    out[k] = (n, others)
        return out


def _first_para(feats: Any, key: int, code: str) -> int:
    keys, paras = feats.data[code]
    return int(paras[np.flatnonzero(keys == np.uint64(key))[0]])


def _location(feats: Any, para: int) -> Location:
    line, start, end, col = (int(x) for x in feats.sig.spans[para])
    return Location.in_line(feats.path, feats.record, start, end, line, col)


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
