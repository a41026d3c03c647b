"""The persisted, incremental signature index of a corpus root (SQLite in the cache directory).

``corpuslint check changed.txt`` (what pre-commit runs) must compare the changed files with
the whole corpus without reading it. The index keeps, for every text file under the corpus
root: its size, mtime and content hash; every paragraph's position and folded text; and the
LSH band keys of every signed paragraph's MinHash (the same banding ``MinHashLSH`` uses for the
threshold). A run:

1. walks the root (as ``expand_paths`` does, honouring excludes) and stats every file; files whose size
   or mtime changed are read and hashed, and re-signed only if the hash changed; files of the
   run are indexed from the run's own signatures; deleted files are dropped;
2. looks up the band keys of the run's paragraphs: documents outside the run with a colliding
   band are candidates, loaded from the index (no file is read) and re-signed from their stored
   folded text;
3. hands the run's documents plus the candidates to ``find_duplicates``, which verifies every
   pair on exact shingle sets and reports only pairs involving a document of the run.

The same index tells where a short line occurs across the corpus (``corpus_lines``: CHR008's
template lines in a pre-commit run).

Without a cache directory (``--no-cache``) or a corpus root, only the run's documents are
compared. Any SQLite error (a read-only or corrupt cache) falls back to that too.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import numpy as np

from ..core.document import Document
from ..load import documents_from_bytes, hash_bytes
from .normalize import folded_paragraphs
from .results import Entry
from .signatures import Banding, DocSignature, SignatureParams, paragraph_spans, sign_many
from .git_blobs import staged_blobs
from .index_lines import CorpusLines, IndexedLine  # noqa: F401 - the index's readers, imported from here
from .index_lines import LINE_INDEX_MAX, chunks as _chunks, loaded as _loaded, shown as _shown, stored as _stored
from .stored_listing import StoredListing, listing_changes, read_listing, remove_listing, with_entries, write_listing
from .tree import Admission, GitListing, GitTree, MISSING_BLOB, Staged, git_tree, walk, with_blob

INDEX_NAME = "dup-index.sqlite"
LISTING_SUFFIX = ".listing"  # git's listing as the index last stood: dup-index.listing
SCHEMA_VERSION = "4"  # 4: file hashes are git blob ids
MAX_EXTERNAL = 500  # candidate documents from outside the run loaded per run (most hits first)


@dataclass
class Changed:
    """A file the index must look at: its stat (-1 when git's listing stood for it), its staged
    entry under git, and the hash of what was indexed for it (set by the update)."""

    key: str
    size: int
    mtime: int
    staged: Staged | None
    indexed: str | None = None


@dataclass(frozen=True)
class RunFile:
    """A file of the run as the index needs it: its documents' features, their text on demand."""

    display: str
    content_hash: str | None  # hash of the file's bytes (None for JSONL: records hash their text)
    docs: list[tuple[str | None, int, DocSignature]]  # (record, jsonl line, signature)
    folded: Callable[[], list[list[str]]]  # the documents' folded paragraphs, re-read


class SignatureIndex:
    def __init__(self, path: Path, params: SignatureParams, banding: Banding) -> None:
        self.path = path
        self.params = params
        self.banding = banding
        assert banding.extra is not None, "the index bands at its own threshold"
        self.bands, self.rows = banding.extra
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30)
        try:  # it stores corpus text: private from the first run (its WAL files take this mode)
            os.chmod(path, 0o600)
        except OSError:
            pass
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA cache_size=-65536")  # 64 MB: the band B-tree is written at random keys
        self._schema()

    def close(self) -> None:
        self.db.close()

    def _schema(self) -> None:
        want = f"{SCHEMA_VERSION}|{self.params.key}|b{self.bands}r{self.rows}"
        db = self.db
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        if row is None or row[0] != want:
            for t in ("files", "docs", "paras", "bands"):
                db.execute(f"DROP TABLE IF EXISTS {t}")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (want,))
        db.executescript("""
            CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER,
                                              hash TEXT);
            CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, path TEXT, display TEXT,
                                             record TEXT, jsonl_line INTEGER, bandkeys BLOB);
            CREATE INDEX IF NOT EXISTS docs_path ON docs(path);
            CREATE TABLE IF NOT EXISTS paras (doc INTEGER, para INTEGER, line INTEGER,
                start INTEGER, end INTEGER, col INTEGER, folded TEXT, PRIMARY KEY (doc, para))
                WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS bands (key INTEGER, doc INTEGER, para INTEGER,
                                              PRIMARY KEY (key, doc, para)) WITHOUT ROWID;
        """)
        # Short paragraphs by text: where else a line occurs (CHR008's template lines in a
        # pre-commit run). Partial, so long paragraphs (article prose) cost no index space.
        db.execute(f"CREATE INDEX IF NOT EXISTS paras_folded ON paras(folded) "
                   f"WHERE length(folded) <= {LINE_INDEX_MAX}")
        db.commit()

    # -- writing ---------------------------------------------------------------------------
    def _drop_file(self, path: str | bytes) -> None:
        key = _stored(path)
        rows = self.db.execute("SELECT id, bandkeys FROM docs WHERE path=?", (key,)).fetchall()
        for i, blob in rows:
            self.db.execute("DELETE FROM paras WHERE doc=?", (i,))
            # The bands table has one B-tree, on the key: delete through the keys kept per doc.
            keys = np.frombuffer(blob or b"", dtype=np.int64).tolist()
            self.db.executemany("DELETE FROM bands WHERE key=? AND doc=?", ((k, i) for k in keys))
        self.db.execute("DELETE FROM docs WHERE path=?", (key,))
        self.db.execute("DELETE FROM files WHERE path=?", (key,))

    def _put_docs(self, key: str, display: str,
                  docs: Iterable[tuple[str | None, int, DocSignature, list[str]]]) -> None:
        for record, jsonl_line, sig, folded in docs:
            keys = (sig.extra_bands.view(np.int64) if sig.extra_bands is not None
                    else np.zeros((0, self.bands), dtype=np.int64))
            cur = self.db.execute(
                "INSERT INTO docs (path, display, record, jsonl_line, bandkeys) VALUES (?,?,?,?,?)",
                (_stored(key), _stored(display), _stored(record), jsonl_line, np.unique(keys).tobytes()))
            doc_id = cur.lastrowid
            rows = [(doc_id, p, line, start, end, col, folded[p])
                    for p, (line, start, end, col) in enumerate(sig.spans.tolist())]
            self.db.executemany("INSERT INTO paras VALUES (?,?,?,?,?,?,?)", rows)
            signed = sig.signed.tolist()
            self.db.executemany("INSERT OR IGNORE INTO bands VALUES (?,?,?)",
                                ((k, doc_id, signed[r]) for r, row in enumerate(keys.tolist()) for k in row))

    def _hash(self, path: str) -> str | None:
        row = self.db.execute("SELECT hash FROM files WHERE path=?", (_stored(path),)).fetchone()
        return row[0] if row else None

    def refresh(self, root: Path, config: Any, run: dict[str, RunFile], listing: GitListing | None = None) -> None:
        """Bring the index up to date with the files under ``root``. ``run`` maps the resolved
        path of each file of the run to its features: such a file is indexed from those (its
        folded text re-read from the run's spool), never read again. In a git work tree git's
        listing tells what changed (``corpus.tree``), else one stat per file does."""
        tree = git_tree(root, config, listing)
        listing_file = self.path.with_suffix(LISTING_SUFFIX)
        with self.db:
            # The listing lived in the meta table up to schema 4's first form: gone from there.
            self.db.execute("DELETE FROM meta WHERE key LIKE 'git_%'")
            generation = self._generation()
            if tree is None:
                changed, gone = self._changed_by_walk(root, config, run)
            else:
                stored = read_listing(listing_file, self._listing_key(tree, config), generation)
                changed, gone = self._changed_by_git(tree, config, run, stored)
            self._update(changed, run, config, tree.root_key if tree is not None else None)
            for key in gone:
                self._drop_file(key)
            # Any stored listing now describes an older state: only the one written below holds.
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('generation', ?)", (str(generation + 1),))
        if tree is None:
            remove_listing(listing_file)
        else:  # after the commit: a listing never runs ahead of the index it describes
            write_listing(listing_file, self._listing_key(tree, config), generation + 1,
                          self._listing_now(tree, changed), sorted(k for k, _ in tree.stat_files))

    def _generation(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        try:
            return int(row[0]) if row else 0
        except (TypeError, ValueError):
            return 0

    def _changed_by_walk(self, root: Path, config: Any, run: dict[str, RunFile]) -> tuple[list[Changed], Iterable[str]]:
        known = {r[0]: r[1:] for r in self.db.execute("SELECT path, size, mtime FROM files")}
        changed: list[Changed] = []
        for key, st in walk(root, config):  # keys: absolute, normal paths
            old = known.pop(_stored(key), None)
            if key not in run and old is not None and old == (st.st_size, st.st_mtime_ns):
                continue
            changed.append(Changed(key, st.st_size, st.st_mtime_ns, None))
        return changed, [_loaded(k) for k in known]  # what the walk did not find was deleted

    def _changed_by_git(self, tree: GitTree, config: Any, run: dict[str, RunFile],
                        stored: StoredListing | None) -> tuple[list[Changed], Iterable[str]]:
        """What changed since the listing stored last time (with the untracked files stat'ed
        then); all of it when there is none (the first run under git, or other settings): then
        every stored hash is compared."""
        db = self.db
        admit = Admission(config)
        changed: dict[str, Changed] = {}
        stat_keys = {key for key, _ in tree.stat_files}
        if len(stat_keys) > 2000:  # mostly untracked: one read of the table beats a query per file
            stats = {_loaded(r[0]): tuple(r[1:]) for r in db.execute("SELECT path, size, mtime FROM files")}
            stored_stat = stats.get
        else:
            def stored_stat(key: str) -> tuple | None:
                row = db.execute("SELECT size, mtime FROM files WHERE path=?", (_stored(key),)).fetchone()
                return tuple(row) if row else None
        for key, st in tree.stat_files:
            if key in run or stored_stat(key) != (st.st_size, st.st_mtime_ns):
                changed[key] = Changed(key, st.st_size, st.st_mtime_ns, None)
        if stored is None:
            known = {_loaded(r[0]): r[1] for r in db.execute("SELECT path, hash FROM files")}
            for f in tree.staged(tree.entries, admit):
                if known.pop(f.key, None) != f.blob or f.key in run:
                    changed[f.key] = Changed(f.key, -1, -1, f)
            gone: Iterable[str] = [k for k in known if k not in stat_keys]
        else:
            added, removed = listing_changes(stored.listing, tree.listing)
            for f in tree.staged(added, admit):
                changed[f.key] = Changed(f.key, -1, -1, f)
            gone = tree.keys(removed) - changed.keys() - stat_keys
            gone |= {k for k in stored.untracked - stat_keys if tree.entry_of(k) is None}
            for key in run.keys() - changed.keys():  # a run file git lists as unchanged may differ
                entry = None if key in stat_keys else tree.entry_of(key)
                f = next(tree.staged([entry], admit), None) if entry is not None else None
                if f is not None:
                    changed[key] = Changed(key, -1, -1, f)
        return sorted(changed.values(), key=lambda c: c.key), gone

    def _update(self, changed: list[Changed], run: dict[str, RunFile], config: Any, root_key: str | None = None) -> None:
        """Index the changed files: a run file from the run's features, any other file read,
        hashed and re-signed only if its hash differs from the stored one; under git
        (``root_key``) a tracked file as it is staged (work-tree bytes that differ from the
        staged blob, or none, send it to git for the blob). Each file's row keeps the hash of
        what was indexed (``Changed.indexed``)."""
        # Changed files are signed in batches (one vectorised pass per batch).
        pending: list[tuple[Changed, str, list[Document], list[list[str]]]] = []
        pending_docs = 0

        def flush() -> None:
            nonlocal pending_docs
            if not pending:
                return
            sigs = iter(sign_many([f for item in pending for f in item[3]], self.params, self.banding,
                                  [paragraph_spans(d) for item in pending for d in item[2]]))
            for c, h, docs, folded in pending:
                self._drop_file(c.key)
                self._put_docs(c.key, c.key, [(d.record, int(d.meta.get("jsonl_line", 0) or 0), next(sigs), f)
                                              for d, f in zip(docs, folded)])
                self._put_file(c, h)
            pending.clear()
            pending_docs = 0

        def take(c: Changed, mine: RunFile | None, h: str, data: bytes | None) -> None:
            nonlocal pending_docs
            if self._hash(c.key) == h:
                self._put_file(c, h, keep_docs=True)
                return
            if mine is not None:
                self._drop_file(c.key)
                self._put_docs(c.key, c.key, [(r, line, sig, f) for (r, line, sig), f
                                              in zip(mine.docs, mine.folded())])
                self._put_file(c, h)
                return
            assert data is not None
            docs = [d for d in documents_from_bytes(data, c.key, config) if d.decode_error is None]
            pending.append((c, h, docs, [folded_paragraphs(d) for d in docs]))
            pending_docs += len(docs)
            if pending_docs >= 256:
                flush()

        unstaged: list[tuple[Changed, bytes | None]] = []  # tracked files whose work tree differs
        for c in changed:
            mine = run.get(c.key)
            data = None
            h = mine.content_hash if mine is not None else None
            follows_git = mine is None and c.staged is not None and root_key is not None
            if h is None:  # a JSONL file of the run hashes its records, not its bytes: read it once more
                try:
                    data = Path(c.key).read_bytes()
                except OSError:  # gone from the work tree: still staged, or gone
                    if follows_git:
                        unstaged.append((c, None))
                    else:
                        self._drop_file(c.key)
                    continue
                h = hash_bytes(data)
                if follows_git and h != c.staged.blob:  # type: ignore[union-attr]
                    unstaged.append((c, data))
                    continue
            take(c, mine, h, data)
        blobs = staged_blobs(root_key, [c.staged.blob for c, _ in unstaged]) if unstaged else {}  # type: ignore
        for c, data in unstaged:
            blob = blobs.get(c.staged.blob)  # type: ignore[union-attr]
            if blob is not None:
                take(c, None, c.staged.blob, blob)  # type: ignore[union-attr]
            elif data is not None:  # git lacks the blob: the work tree, looked at again next run
                take(c, None, hash_bytes(data), data)
            else:
                self._drop_file(c.key)
        flush()

    def _put_file(self, c: Changed, h: str, keep_docs: bool = False) -> None:
        c.indexed = h
        if keep_docs:
            self.db.execute("UPDATE files SET size=?, mtime=? WHERE path=?", (c.size, c.mtime, _stored(c.key)))
        else:
            self.db.execute("INSERT OR REPLACE INTO files VALUES (?,?,?,?)", (_stored(c.key), c.size, c.mtime, h))

    # -- the stored git listing (``stored_listing``) -------------------------------------------
    def _listing_key(self, tree: GitTree, config: Any) -> str:
        return f"{tree.root_key}|{sorted(config.extensions)}|{config.exclude}|{config.extend_exclude}"

    def _listing_now(self, tree: GitTree, changed: list[Changed]) -> bytes:
        """git's listing as the index now stands: where the indexed content differs from the
        staged blob (a file changed but not staged, one that could not be read) the entry holds
        the stored hash, so that it differs from git's listing next time and is looked at again."""
        return with_entries(tree.listing, {
            c.staged.entry: with_blob(c.staged.entry, c.indexed.encode("ascii") if c.indexed else MISSING_BLOB)
            for c in changed if c.staged is not None and c.indexed != c.staged.blob})

    # -- reading ---------------------------------------------------------------------------
    def candidates(self, sigs: Iterable[DocSignature], exclude_paths: set[str]) -> list[int]:
        """Documents outside the run sharing an LSH band with a paragraph of the run."""
        keys: set[int] = set()
        for sig in sigs:
            if sig.extra_bands is not None:
                keys.update(sig.extra_bands.view(np.int64).ravel().tolist())
        hits: dict[int, int] = {}
        key_list = sorted(keys)
        excluded = {r[0] for path in exclude_paths
                    for r in self.db.execute("SELECT id FROM docs WHERE path=?", (_stored(path),))}
        for chunk in _chunks(key_list, 500):
            marks = ",".join("?" * len(chunk))
            for (doc,) in self.db.execute(f"SELECT doc FROM bands WHERE key IN ({marks})", chunk):
                if doc not in excluded:
                    hits[doc] = hits.get(doc, 0) + 1
        ranked = sorted(hits, key=lambda d: (-hits[d], d))
        return sorted(ranked[:MAX_EXTERNAL])

    def entries(self, doc_ids: list[int], config: Any) -> list[Entry]:
        found = []
        for doc_id in doc_ids:
            row = self.db.execute("SELECT display, record, jsonl_line FROM docs WHERE id=?", (doc_id,)).fetchone()
            if row is None:
                continue
            paras = self.db.execute("SELECT line, start, end, col, folded FROM paras WHERE doc=? ORDER BY para",
                                    (doc_id,)).fetchall()
            spans = np.array([p[:4] for p in paras], dtype=np.int64).reshape(len(paras), 4)
            found.append((doc_id, row, [p[4] for p in paras], spans))
        if not found:
            return []
        # Re-signed in one batch (one vectorised pass; ~1.5 ms a document one by one).
        sigs = sign_many([f for _, _, f, _ in found], self.params, self.banding, [s for *_, s in found])
        out = []
        for (doc_id, (display, record, jsonl_line), folded, _), sig in zip(found, sigs):
            display, record = _shown(_loaded(display)), _loaded(record)
            rel = config.relpath(display) if config is not None else display
            ident = f"{display}#{record}" if record is not None else display
            out.append(Entry(ident, display, record, (rel, jsonl_line or 0, 1 << 30), sig, folded=folded,
                             key=("index", doc_id)))
        return out
