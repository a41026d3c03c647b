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
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

from ..core.document import Document
from ..core.findings import Location
from .signatures import DocSignature, _fmix64, sign_folded, sign_many
from .similarity import Duplicates, Entry, Settings, corpus_duplicates, find_duplicates, run_entries

INDEX_NAME = "dup-index.sqlite"
SCHEMA_VERSION = "2"
MAX_EXTERNAL = 500  # candidate documents from outside the run loaded per run (most hits first)
LINE_INDEX_MAX = 150  # folded paragraphs up to this length are indexed by text (corpus_lines)
_RESULTS: weakref.WeakKeyDictionary[Any, Duplicates] = weakref.WeakKeyDictionary()
# Corpora whose run brought the index up to date: only those may read it (``corpus_lines``).
_REFRESHED: weakref.WeakSet[Any] = weakref.WeakSet()


# Files outside the run are found through paragraphs at least this similar (LSH tuned 0.1
# lower); a rule threshold below it lowers it. Version paragraphs are mostly far above it, and
# one shared paragraph is enough to load a document and align it exactly at 0.5. A lower value
# would make every paragraph that shares a sentence with the run a candidate.
INDEX_THRESHOLD = 0.7


def index_threshold(settings: Settings, config: Any = None) -> float:
    t = INDEX_THRESHOLD
    if config is not None:
        for code in ("DUP002", "DUP003"):
            given = config.options_for(code).get("threshold")
            if given is not None:
                t = min(t, float(given))
    return t


def band_params(threshold: float, settings: Settings) -> tuple[int, int]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=max(0.05, threshold - settings.lsh_margin),
                     num_perm=settings.params.num_perm)
    return lsh.b, lsh.r


def band_keys(minhashes: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(k, bands) int64 keys: a 64-bit hash of each band of each MinHash row (vectorised)."""
    k = minhashes.shape[0]
    if k == 0:
        return np.zeros((0, bands), dtype=np.int64)
    m = minhashes[:, : bands * rows].astype(np.uint64).reshape(k, bands, rows)
    with np.errstate(over="ignore"):
        h = np.zeros((k, bands), dtype=np.uint64) + np.arange(bands, dtype=np.uint64)[None, :] * np.uint64(0x9E3779B97F4A7C15)
        for r in range(rows):
            h = _fmix64(h * np.uint64(0x100000001B3) + m[:, :, r] + np.uint64(1))
    return h.view(np.int64)


class SignatureIndex:
    def __init__(self, path: Path, settings: Settings, threshold: float = INDEX_THRESHOLD) -> None:
        self.path = path
        self.settings = settings
        self.bands, self.rows = band_params(threshold, settings)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA cache_size=-65536")  # 64 MB: the band B-tree is written at random keys
        self._schema()

    def close(self) -> None:
        self.db.close()

    def _schema(self) -> None:
        want = f"{SCHEMA_VERSION}|{self.settings.params.key}|b{self.bands}r{self.rows}"
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
    def _drop_file(self, key: str) -> None:
        rows = self.db.execute("SELECT id, bandkeys FROM docs WHERE path=?", (key,)).fetchall()
        for i, blob in rows:
            self.db.execute("DELETE FROM paras WHERE doc=?", (i,))
            # The bands table has one B-tree, on the key: delete through the keys kept per doc.
            keys = np.frombuffer(blob or b"", dtype=np.int64).tolist()
            self.db.executemany("DELETE FROM bands WHERE key=? AND doc=?", ((k, i) for k in keys))
        self.db.execute("DELETE FROM docs WHERE path=?", (key,))
        self.db.execute("DELETE FROM files WHERE path=?", (key,))

    def _put_docs(self, key: str, display: str, docs: Iterable[tuple[Document, DocSignature]]) -> None:
        for doc, sig in docs:
            keys = band_keys(sig.minhashes, self.bands, self.rows)
            cur = self.db.execute(
                "INSERT INTO docs (path, display, record, jsonl_line, bandkeys) VALUES (?,?,?,?,?)",
                (key, display, doc.record, int(doc.meta.get("jsonl_line", 0) or 0),
                 np.unique(keys).tobytes()))
            doc_id = cur.lastrowid
            rows = []
            lines = doc.lines
            for p, para in enumerate(doc.paragraphs):
                col = para.start - lines[para.line - 1].start + 1
                rows.append((doc_id, p, para.line, para.start, para.end, col, sig.folded[p]))
            self.db.executemany("INSERT INTO paras VALUES (?,?,?,?,?,?,?)", rows)
            signed = sig.signed.tolist()
            self.db.executemany("INSERT OR IGNORE INTO bands VALUES (?,?,?)",
                                ((int(k), doc_id, signed[r]) for r in range(len(signed)) for k in keys[r]))

    def refresh(self, root: Path, config: Any, run: dict[str, list[tuple[Document, DocSignature]]],
                run_hash: dict[str, str | None]) -> None:
        """Bring the index up to date with the files under ``root``. ``run`` maps the resolved
        path of each file of the run to its documents and signatures (indexed from those,
        without reading the file again)."""
        from ..load import documents_from_bytes, hash_bytes
        from .normalize import folded_paragraphs

        known = {r[0]: (r[1], r[2], r[3]) for r in self.db.execute("SELECT path, size, mtime, hash FROM files")}
        seen: set[str] = set()
        db = self.db
        # Changed files are signed in batches (one vectorised pass per batch).
        pending: list[tuple[str, str, os.stat_result, str, list[Document], list[list[str]]]] = []
        pending_docs = 0

        def flush() -> None:
            nonlocal pending_docs
            if not pending:
                return
            sigs = iter(sign_many([f for item in pending for f in item[5]], self.settings.params))
            for key, display, st, h, docs, _ in pending:
                self._drop_file(key)
                self._put_docs(key, display, [(d, next(sigs)) for d in docs])
                db.execute("INSERT INTO files VALUES (?,?,?,?)", (key, st.st_size, st.st_mtime_ns, h))
            pending.clear()
            pending_docs = 0

        with db:
            for display, st in walk(root, config):
                key = path_key(display)
                seen.add(key)
                old = known.get(key)
                if key in run:
                    h = run_hash.get(key)
                    if old is not None and old[0] == st.st_size and old[1] == st.st_mtime_ns and \
                            (h is None or old[2] == h):
                        continue
                    self._drop_file(key)
                    self._put_docs(key, display, run[key])
                    db.execute("INSERT INTO files VALUES (?,?,?,?)", (key, st.st_size, st.st_mtime_ns, h))
                    continue
                if old is not None and old[0] == st.st_size and old[1] == st.st_mtime_ns:
                    continue
                try:
                    data = Path(display).read_bytes()
                except OSError:
                    continue
                h = hash_bytes(data)
                if old is not None and old[2] == h:
                    db.execute("UPDATE files SET size=?, mtime=? WHERE path=?", (st.st_size, st.st_mtime_ns, key))
                    continue
                docs = [d for d in documents_from_bytes(data, display, config) if d.decode_error is None]
                pending.append((key, display, st, h, docs, [folded_paragraphs(d) for d in docs]))
                pending_docs += len(docs)
                if pending_docs >= 256:
                    flush()
            flush()
            for key in set(known) - seen:
                self._drop_file(key)

    # -- reading ---------------------------------------------------------------------------
    def candidates(self, sigs: Iterable[DocSignature], exclude_paths: set[str]) -> list[int]:
        """Documents outside the run sharing an LSH band with a paragraph of the run."""
        keys: set[int] = set()
        for sig in sigs:
            keys.update(int(k) for k in band_keys(sig.minhashes, self.bands, self.rows).ravel())
        hits: dict[int, int] = {}
        key_list = sorted(keys)
        excluded = {r[0] for path in exclude_paths
                    for r in self.db.execute("SELECT id FROM docs WHERE path=?", (path,))}
        for chunk in _chunks(key_list, 500):
            marks = ",".join("?" * len(chunk))
            for (doc,) in self.db.execute(f"SELECT doc FROM bands WHERE key IN ({marks})", chunk):
                if doc not in excluded:
                    hits[doc] = hits.get(doc, 0) + 1
        ranked = sorted(hits, key=lambda d: (-hits[d], d))
        return sorted(ranked[:MAX_EXTERNAL])

    def entries(self, doc_ids: list[int], config: Any) -> list[Entry]:
        out = []
        for doc_id in doc_ids:
            row = self.db.execute("SELECT display, record, jsonl_line FROM docs WHERE id=?", (doc_id,)).fetchone()
            if row is None:
                continue
            display, record, jsonl_line = row
            display = _shown(display)
            paras = self.db.execute("SELECT line, start, end, col, folded FROM paras WHERE doc=? ORDER BY para",
                                    (doc_id,)).fetchall()
            folded = [p[4] for p in paras]
            sig = sign_folded(folded, self.settings.params)
            rel = config.relpath(display) if config is not None else display
            ident = f"{display}#{record}" if record is not None else display
            out.append(Entry(ident, display, record, (rel, jsonl_line or 0, 1 << 30), sig,
                             spans=[(p[0], p[1], p[2], p[3]) for p in paras]))
        return out


def _shown(path: str) -> str:
    """A path as findings show it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def path_key(path: str) -> str:
    """The index's key of a file: its absolute, normalised path (string operations only)."""
    return os.path.normpath(os.path.abspath(path))


def walk(root: Path, config: Any) -> Iterator[tuple[str, os.stat_result]]:
    """The files ``load.expand_paths([root])`` lists, with their stat, in the same order.

    The same rules (configured extensions, ``Config.is_excluded_rel``, sorted folders and
    files), but the path relative to the root is computed once per entry from the walk instead
    of resolving every path: on 10 000 files that is most of a warm run's time."""
    extensions = tuple(config.extensions)
    excluded = config.is_excluded_rel
    base = str(root)
    found: list[tuple[str, os.stat_result]] = []
    for dirpath, dirnames, filenames in os.walk(base):
        rel_dir = os.path.relpath(dirpath, base).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(n for n in dirnames if not excluded(rel_dir + n))
        for name in filenames:
            if os.path.splitext(name)[1].lower() not in extensions or excluded(rel_dir + name):
                continue
            full = os.path.join(dirpath, name)
            try:
                st = os.stat(full)
            except OSError:
                continue
            found.append((full, st))
    found.sort(key=lambda t: t[0])
    return iter(found)


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def duplicates_with_index(corpus: Any) -> Duplicates:
    """Duplicates for the DUP rules: the run's own, plus files under the corpus root through the
    persisted index when the cache is on. Computed once per corpus."""
    cached = _RESULTS.get(corpus)
    if cached is not None:
        return cached
    root, cache_dir = getattr(corpus, "root", None), getattr(corpus, "cache_dir", None)
    result: Duplicates | None = None
    if root is not None and cache_dir is not None:
        try:
            result = _with_index(corpus, Path(root), Path(cache_dir))
            _REFRESHED.add(corpus)
        except (sqlite3.Error, OSError, UnicodeError):
            # A read-only or damaged cache, or a file name SQLite cannot store: compare the
            # run's documents only.
            result = None
    if result is None:
        result = corpus_duplicates(corpus)
    _RESULTS[corpus] = result
    return result


def _with_index(corpus: Any, root: Path, cache_dir: Path) -> Duplicates:
    settings = Settings.from_config(corpus.config)
    mine = run_entries(corpus, settings)
    run: dict[str, list[tuple[Document, DocSignature]]] = {}
    run_hash: dict[str, str | None] = {}
    for e in mine:
        if e.doc is None or not e.doc.path or e.doc.path == "-":
            continue
        key = path_key(e.doc.path)
        run.setdefault(key, []).append((e.doc, e.sig))
        # A text file's document hash is the hash of its bytes; JSONL records hash their text.
        run_hash[key] = e.doc.content_hash if e.doc.record is None else None
    index = SignatureIndex(cache_dir / INDEX_NAME, settings, index_threshold(settings, corpus.config))
    try:
        index.refresh(root, corpus.config, run, run_hash)
        ids = index.candidates((e.sig for e in mine), set(run))
        external = index.entries(ids, corpus.config)
    finally:
        index.close()
    if not external:
        return corpus_duplicates(corpus)
    return find_duplicates(mine + external, settings, relevant=mine)


@dataclass(frozen=True)
class IndexedLine:
    """A paragraph of a file under the corpus root as the index stores it (no file is read)."""

    doc: int  # the document's id in the index
    key: str  # the file's index key (absolute path)
    record: str | None
    location: Location


class CorpusLines:
    """Read access to the paragraphs of every file under the corpus root, through the persisted
    index (CHR008 counts a line of a pre-commit run across the whole corpus). Use as a context
    manager; built by ``corpus_lines``."""

    def __init__(self, path: Path, run_files: set[str]) -> None:
        # A URI, so the connection is read-only; ``as_uri`` escapes ``?``, ``#`` and ``%`` in
        # the cache path, which SQLite would otherwise read as the query or fragment.
        self.db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
        self.run_files = run_files

    def __enter__(self) -> CorpusLines:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()

    def covers_more_than_run(self) -> bool:
        """Whether any indexed file is outside the run (else the run alone tells everything)."""
        return any(k not in self.run_files for (k,) in self.db.execute("SELECT DISTINCT path FROM docs"))

    def holders(self, folded: Iterable[str]) -> dict[str, list[IndexedLine]]:
        """Where each folded paragraph text (up to ``LINE_INDEX_MAX`` characters) occurs in the
        documents under the corpus root, the run's own included."""
        wanted = sorted({t for t in folded if t and len(t) <= LINE_INDEX_MAX})
        out: dict[str, list[IndexedLine]] = {}
        for chunk in _chunks(wanted, 500):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                "SELECT p.folded, p.line, p.start, p.end, p.col, d.id, d.path, d.display, d.record "
                f"FROM paras p JOIN docs d ON d.id = p.doc WHERE p.folded IN ({marks}) "
                f"AND length(p.folded) <= {LINE_INDEX_MAX}", chunk)
            for text, line, start, end, col, doc, key, display, record in rows:
                loc = Location.in_line(_shown(display), record, start, end, line, col)
                out.setdefault(text, []).append(IndexedLine(doc, key, record, loc))
        return out

    def paragraphs(self, doc: int, min_len: int) -> list[str]:
        """The folded paragraphs of an indexed document longer than ``min_len`` characters."""
        return [t for (t,) in self.db.execute(
            "SELECT folded FROM paras WHERE doc=? AND length(folded) > ? ORDER BY para", (doc, min_len))]


def corpus_lines(corpus: Any) -> CorpusLines | None:
    """The index of the corpus root, brought up to date for this run (once per corpus, shared
    with DUP), for reading; None without an index (no cache or no root) or when it cannot be
    opened, or when the run holds every indexed file. An index this run could not bring up
    to date (a read-only, locked or damaged cache) is not read: it may be stale or of an older
    schema."""
    duplicates_with_index(corpus)  # refreshes the index for this run
    if corpus not in _REFRESHED:
        return None
    path = Path(corpus.cache_dir) / INDEX_NAME
    run_files = {path_key(d.path) for d in corpus.documents if d.path and d.path != "-"}
    try:
        reader = CorpusLines(path, run_files)
        if reader.covers_more_than_run():
            return reader
        reader.db.close()
    except sqlite3.Error:
        pass
    return None
