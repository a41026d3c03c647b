"""The analyses of a run's corpus: the only place that takes a corpus and memoises per run.

``CorpusAnalyses`` is the ``Corpus`` the engine builds: the features of the streaming pass plus,
computed once on first use,

* ``duplicates``: identical and near-duplicate paragraphs and near-duplicate documents
  (``similarity.find_duplicates``), with the other files of the corpus root through the
  persisted index when the cache is on (``index.SignatureIndex``);
* ``versions``: version groups (``versions.build_version_index``) from the configured groups
  and the near-duplicate documents, with the versions of the run's documents among the other
  files of the root read in as context;
* ``lines()``: read access to every paragraph of the root's files (CHR008 in pre-commit runs).

Only the documents an analysis must explain are re-read (through the model's spool).
"""

from __future__ import annotations

import sqlite3
from functools import cached_property
from pathlib import Path
from typing import Any

from ..load import SourceError, read_source
from .index import INDEX_NAME, CorpusLines, RunFile, SignatureIndex
from .model import Corpus, DocFeatures
from .normalize import folded_paragraphs
from .prealign import ForkMap, align_elsewhere
from .results import DocMatch, Entry, VersionPair
from .similarity import Duplicates, TextCache, align_entries, find_duplicates
from .tree import path_key, start_git_listing
from .versions import VersionIndex, build_version_index


class CorpusAnalyses(Corpus):
    _refreshed = False  # whether this run brought the persisted index up to date
    # Set by the engine of ``-j N`` when a rule reads version differences: the version pairs
    # are aligned in forked workers as soon as they are known (``prealign``).
    fork_map: ForkMap | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # git lists the corpus root while the run's files are linted (the index reads it later).
        self._git_listing = start_git_listing(Path(self.root)) if self.uses_index else None

    # -- duplicates ------------------------------------------------------------------------------
    @cached_property
    def texts(self) -> TextCache:
        return TextCache(folded_paragraphs)

    def entry(self, f: DocFeatures, order: tuple) -> Entry:
        """The duplicate-detection view of a document of the run (re-read on demand)."""
        assert f.sig is not None
        return Entry(f.id, f.path, f.record, order, f.sig, loader=lambda: self._load(f), key=("run", f.order),
                     folded_loader=(lambda: self.folded(f)) if f.ref is not None else None)

    def entries(self) -> list[Entry]:
        cfg = self.config
        out = []
        for pos, f in enumerate(self):
            rel = cfg.relpath(f.path) if (f.path and f.path != "-") else (f.path or "")
            out.append(self.entry(f, (rel, int(f.meta.get("jsonl_line", 0) or 0), pos)))
        return out

    @cached_property
    def duplicates(self) -> Duplicates:
        """Duplicates among the run's documents, and with the other files under the corpus root
        through the persisted index when the cache is on."""
        mine = self.entries()
        if self.uses_index:
            try:
                external = self._through_index(mine)
                self._refreshed = True
                if external:
                    return find_duplicates(mine + external, self.settings, self.texts, relevant=mine)
            except (sqlite3.Error, OSError, UnicodeError):
                pass  # a read-only or damaged cache, a name SQLite cannot store: the run alone
        return find_duplicates(mine, self.settings, self.texts)

    def _through_index(self, mine: list[Entry]) -> list[Entry]:
        assert self.cache_dir is not None and self.root is not None
        run: dict[str, RunFile] = {}
        grouped: dict[str, list[DocFeatures]] = {}
        for f in self:
            if f.path and f.path != "-":
                grouped.setdefault(path_key(f.path), []).append(f)
        for key, feats in grouped.items():
            # A text file's document hash is the hash of its bytes; JSONL records hash their text.
            h = feats[0].content_hash if feats[0].record is None else None
            run[key] = RunFile(feats[0].path or "", h,
                               [(f.record, int(f.meta.get("jsonl_line", 0) or 0), f.sig) for f in feats],  # type: ignore[misc]
                               lambda feats=feats: [folded_paragraphs(self.document(f)) for f in feats])  # type: ignore[misc]
        index = SignatureIndex(Path(self.cache_dir) / INDEX_NAME, self.settings.params, self.banding)
        try:
            index.refresh(Path(self.root), self.config, run, self._git_listing)
            self._git_listing = None
            ids = index.candidates((e.sig for e in mine), set(run))
            return index.entries(ids, self.config)
        finally:
            index.close()

    def near_duplicate_documents(self) -> list[VersionPair]:
        """Near-duplicate document pairs of the run, ``a`` first in corpus order: the pairs DUP004
        reports (pairs with files outside the run are left out here)."""
        out = []
        for m in self.duplicates.documents:
            if not (m.a.in_run and m.b.in_run):
                continue
            if m.a.order[2] > m.b.order[2]:
                m = m.swapped()
            out.append((m.a.order[2], m.b.order[2], m.version_pair()))
        out.sort(key=lambda t: (t[0], t[1]))
        return [p for *_, p in out]

    # -- versions ----------------------------------------------------------------------------
    @cached_property
    def versions(self) -> VersionIndex:
        """Version groups over the whole corpus, built once on first use."""
        detected = self.near_duplicate_documents() + self._external_versions()
        feats = [*self, *(self.features(d) for d in self.context)]
        index = build_version_index(self.config, feats, detected, self.features, self._load, self._align)
        if self.fork_map is not None:
            align_elsewhere(self, index.pairs(), self.fork_map)
        return index

    def versions_built(self) -> bool:
        """Whether a rule had the version groups built (reading ``versions`` would build them)."""
        return "versions" in self.__dict__

    @cached_property
    def _group_keys(self) -> dict[int, str]:
        return {self.features(d).order: g.key for g in self.versions.groups for d in g.members}

    def group_key(self, feats: DocFeatures) -> object:
        """The key of the version group of a document (its own id when it is in none)."""
        return self._group_keys.get(feats.order, ("doc", feats.id))

    def _load(self, feats: DocFeatures) -> object:
        if feats.ref is None:
            return next(d for d in self.context if self.features(d) is feats)
        return self.document(feats)

    def _align(self, fa: DocFeatures, fb: DocFeatures, source: str) -> VersionPair:
        """Paragraph alignment of two documents (explicit version groups use it)."""
        return align_entries(self.entry(fa, (0,)), self.entry(fb, (1,)), self.texts).version_pair(source)

    def _external_versions(self) -> list[VersionPair]:
        """Versions of the run's documents among the other files of the corpus root, found by the
        persisted signature index (only when the cache is on). Each such file is read once and
        added to the corpus as context, so a pre-commit check of one changed file still compares
        it with its other versions; findings are never reported on context documents."""
        if not self.uses_index:
            return []
        pairs: list[VersionPair] = []
        loaded: dict[tuple[str | None, str | None], object] = {}
        for m in self.duplicates.documents:
            if m.a.in_run == m.b.in_run:
                continue  # both in the run (near_duplicate_documents has them) or both outside
            outside = m.a if not m.a.in_run else m.b
            key = (outside.path, outside.record)
            if key not in loaded:
                loaded[key] = None
                try:
                    found = [d for d in read_source(str(outside.path), self.config)
                             if d.record == outside.record and d.decode_error is None]
                except SourceError:
                    found = []
                if found:
                    loaded[key] = found[0]
                    self.add_context(found[0])
            doc = loaded[key]
            if doc is None:
                continue
            inside = (m.b if not m.a.in_run else m.a).doc
            assert inside is not None
            # The earlier document (path order) is ``a``, as for pairs inside the run.
            first, second = sorted((inside, doc), key=lambda d: self.config.relpath(d.path or ""))  # type: ignore[attr-defined]
            pairs.append(self._align(self.features(first), self.features(second), "near-duplicate"))  # type: ignore[arg-type]
        return pairs

    # -- lines across the corpus root ------------------------------------------------------------
    def lines(self) -> CorpusLines | None:
        """The index of the corpus root, brought up to date for this run (once, shared with DUP),
        for reading; None without an index (no cache or no root) or when it cannot be opened,
        or when the run holds every indexed file. An index this run could not bring up to date
        (a read-only, locked or damaged cache) is not read: it may be stale or of an older
        schema."""
        self.duplicates  # refreshes the index for this run
        if not self._refreshed or self.cache_dir is None:
            return None
        path = Path(self.cache_dir) / INDEX_NAME
        run_files = {path_key(f.path) for f in self if f.path and f.path != "-"}
        try:
            reader = CorpusLines(path, run_files)
            if reader.covers_more_than_run():
                return reader
            reader.db.close()
        except sqlite3.Error:
            pass
        return None


__all__ = ["CorpusAnalyses", "DocMatch"]
