"""The files under a corpus root, and how the index learns which of them changed.

Two ways, the same set of files (``load.expand_paths([root])``'s: configured extensions,
``Config.is_excluded_rel``, links to folders not followed):

* ``walk``: one ``stat`` per file. On 100 000 files that is most of a warm pre-commit run.
* ``git_tree``: in a git work tree, git's own listing. ``git ls-files -s`` gives every tracked
  file with its staged blob id, and a file's content hash (``load.hash_bytes``) *is* its blob
  id, so a tracked file whose blob equals the hash the index holds is unchanged: nothing is
  stat'ed or read (0.03 s for 100 000 files against 0.4 s for the walk). The index compares the
  listing with the one it stored last time, so only entries that differ are looked at. Untracked
  files (``git ls-files -o``, ignored ones included, as the walk sees them) and the few entries
  git's blob does not describe (links, conflicted files, submodules, untracked folders) are
  stat'ed as the walk does. Under git the index therefore follows the *staged* content of the
  corpus: a file changed in the work tree but not staged keeps its staged features until it is
  staged or is itself part of the run, which is what a pre-commit hook compares against (it
  stashes unstaged changes) and what a CI checkout has anyway; an index built afresh reads such
  a file's staged blob (``git_blobs``), so it agrees with one kept up to date.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import numpy as np

from ..core.config import DEFAULT_EXCLUDE

GIT_TIMEOUT = 120  # seconds; past it (a network file system, a hung lock) the walk is used
REGULAR_MODES = (b"100644", b"100755")
SUBMODULE_MODE = b"160000"
MISSING_BLOB = b"-" * 40  # an entry whose file could not be read: looked at again every run
SEARCHES_BEFORE_TABLE = 32  # entries looked up one by one in the listing before a table of all
_TAB_AT = 49  # ``mode blob stage<TAB>``: 6 + 1 + 40 + 1 + 1 bytes before the tab


def walk(root: Path, config: Any, start: str | None = None, rel_start: str = "") -> Iterator[tuple[str, os.stat_result]]:
    """The files ``load.expand_paths([root])`` lists, with their stat, in no particular order;
    each path is absolute and normal, so it is its own ``path_key``. ``start`` (with its path
    ``rel_start`` relative to the root, ending in ``/``) walks one folder of the root only.

    The same rules (configured extensions, ``Config.is_excluded_rel``, sorted folders and
    files), but the path relative to the root is built along the walk instead of resolving
    every path, and each file costs one ``stat``."""
    admit = Admission(config)
    found: list[tuple[str, os.stat_result]] = []
    todo = [(start or path_key(str(root)), rel_start)]
    while todo:
        folder, rel_dir = todo.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                # Like os.walk: a link to a folder is not followed (no loops, nothing outside).
                if not entry.is_symlink() and not admit.excluded(rel_dir + name):
                    todo.append((entry.path, rel_dir + name + "/"))
                continue
            if not admit.file(rel_dir, name):
                continue
            try:
                st = entry.stat()
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode):
                continue  # a pipe or a device: reading it would block the run
            found.append((entry.path, st))
    return iter(found)


def path_key(path: str) -> str:
    """The index's key of a file: its absolute, normalised path (string operations only)."""
    return os.path.normpath(os.path.abspath(path))


class Admission:
    """Whether a path relative to the root is a corpus file, by the walk's rules: the configured
    extensions, and no excluded folder on the way (memoised per folder) nor excluded name."""

    def __init__(self, config: Any) -> None:
        self.extensions = frozenset(config.extensions)
        self.excluded = config.is_excluded_rel
        self.by_name = config.excludes_by_name_only()
        self.default_names = frozenset(DEFAULT_EXCLUDE)
        self.folders: dict[str, bool] = {"": True}

    def folder(self, rel_dir: str) -> bool:
        ok = self.folders.get(rel_dir)
        if ok is None:
            parent, _, _ = rel_dir.rpartition("/")
            ok = self.folders[rel_dir] = self.folder(parent) and not self.excluded(rel_dir)
        return ok

    def file(self, rel_dir: str, name: str) -> bool:
        """The file ``name`` in the folder ``rel_dir`` (ending in ``/`` unless it is the root),
        its folders already admitted: a configured extension (``Path.suffix`` as
        ``load.expand_paths`` reads it, without a Path) and no excluded name."""
        dot = name.rfind(".")
        if dot <= 0 or name[dot:].lower() not in self.extensions:
            return False
        return name not in self.default_names if self.by_name else not self.excluded(rel_dir + name)

    def __call__(self, rel: str) -> bool:
        rel_dir, _, name = rel.rpartition("/")
        return self.folder(rel_dir) and self.file(rel_dir + "/" if rel_dir else "", name)


@dataclass(frozen=True)
class Staged:
    """A tracked corpus file as git's index lists it."""

    key: str  # absolute path (the index's key)
    blob: str  # the staged blob id, hex
    entry: bytes  # git's listing entry, ``mode blob stage<TAB>path``


def with_blob(entry: bytes, blob: bytes) -> bytes:
    """The listing entry with another blob id (what the index stored for a file that differs
    from its staged blob: the entry then differs from git's next time, and is looked at again)."""
    return entry[:7] + blob + entry[47:]


@dataclass
class GitTree:
    """git's view of the files under the corpus root."""

    root_key: str
    # ``git ls-files -s -z`` entries of tracked regular files at stage 0 (corpus or not), each
    # ended by NUL, in git's order: kept as git wrote them (``stored_listing`` compares two
    # listings as bytes; 100 000 entries made into a set cost more than git's listing itself)
    listing: bytes
    stat_files: list[tuple[str, os.stat_result]] = field(default_factory=list)  # seen as the walk does
    _by_key: dict[str, bytes] | None = None
    _searches: int = 0

    @property
    def entries(self) -> list[bytes]:
        return self.listing.split(b"\0")[:-1]

    def staged(self, entries: Iterable[bytes], admit: Admission) -> Iterator[Staged]:
        """The corpus files among ``entries``."""
        for entry in entries:
            head, _, raw = entry.partition(b"\t")
            rel = os.fsdecode(raw)
            if admit(rel):
                yield Staged(self.root_key + "/" + rel, head[7:47].decode("ascii"), entry)

    def keys(self, entries: Iterable[bytes]) -> set[str]:
        """The keys of ``entries`` (corpus files or not)."""
        return {self.root_key + "/" + os.fsdecode(e.partition(b"\t")[2]) for e in entries}

    def entry_of(self, key: str) -> bytes | None:
        """The listing entry of the tracked file ``key``, if it is one: searched in the listing
        as bytes while few are asked for (a pre-commit run names a few files, the listing holds
        them all), then through a table of every entry built once."""
        if self._by_key is not None:
            return self._by_key.get(key)
        self._searches += 1
        if self._searches > SEARCHES_BEFORE_TABLE:
            self._by_key = {self.root_key + "/" + os.fsdecode(e.partition(b"\t")[2]): e for e in self.entries}
            return self._by_key.get(key)
        prefix = self.root_key + "/"
        if not key.startswith(prefix):
            return None
        tail = b"\t" + os.fsencode(key[len(prefix):]) + b"\0"
        at = self.listing.find(tail)
        while at >= 0:
            start = self.listing.rfind(b"\0", 0, at) + 1
            if at - start == _TAB_AT:  # the entry's own tab, not one inside another file's name
                return self.listing[start:at + len(tail) - 1]
            at = self.listing.find(tail, at + 1)
        return None


class GitListing:
    """git's two listings of a folder, started at once: git runs beside this process (on
    another core) while the run's own files are linted, and is waited for when the index needs
    it. ``None`` from ``start_git_listing`` when the folder is not in a git work tree."""

    def __init__(self, root_key: str) -> None:
        env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}
        # Into anonymous temporary files, not pipes: 7 MB for 100 000 files is then one read
        # instead of ~200 through the pipe's buffer (~0.04 CPU-s), and git never waits for us.
        self.outputs = [tempfile.TemporaryFile() for _ in range(2)]
        try:
            self.procs = [subprocess.Popen(["git", "ls-files", *args, "-z"], cwd=root_key, env=env,
                                           stdout=out, stderr=subprocess.DEVNULL)
                          for args, out in zip((["-s"], ["-o", "--directory"]), self.outputs)]
        except BaseException:
            self.close()
            raise

    def result(self) -> tuple[bytes, bytes] | None:
        """(staged entries, untracked paths), or None when git failed."""
        try:
            for p in self.procs:
                p.wait(timeout=GIT_TIMEOUT)
            outs = []
            for out in self.outputs:
                out.seek(0)
                outs.append(out.read())
        except (OSError, subprocess.SubprocessError):
            for p in self.procs:
                p.kill()
            return None
        finally:
            self.close()
        return None if any(p.returncode for p in self.procs) else (outs[0], outs[1])

    def close(self) -> None:
        for out in self.outputs:
            out.close()


def start_git_listing(root: Path) -> GitListing | None:
    root_key = path_key(str(root))
    if shutil.which("git") is None or not _in_work_tree(root_key):
        return None
    try:
        return GitListing(root_key)
    except OSError:
        return None


def git_tree(root: Path, config: Any, listing: GitListing | None = None) -> GitTree | None:
    """git's view of ``root`` (from ``listing`` when it was started earlier) when it is in a
    git work tree and git answers; else None."""
    root_key = path_key(str(root))
    listing = listing or start_git_listing(root)
    outs = listing.result() if listing is not None else None
    if outs is None:
        return None
    staged, others = outs
    if staged and not staged.endswith(b"\0"):
        return None  # not what ``ls-files -z`` writes
    tree = GitTree(root_key, staged)
    admit = Admission(config)
    odd: list[str] = []  # relative paths the blob does not describe
    folders: list[str] = []  # untracked folders and submodules, walked
    if not _all_regular(staged):
        kept = []
        for entry in tree.entries:
            if entry[:6] in REGULAR_MODES and entry[48:49] == b"0":
                kept.append(entry + b"\0")
                continue
            rel = os.fsdecode(entry.partition(b"\t")[2])
            if entry[:6] == SUBMODULE_MODE:
                folders.append(rel + "/")
            else:  # a link (followed, as the walk does) or a conflicted file (several stages)
                odd.append(rel)
        tree.listing = b"".join(kept)
    for raw in others.split(b"\0"):
        if raw:
            rel = os.fsdecode(raw)
            (folders if rel.endswith("/") else odd).append(rel)
    for rel in dict.fromkeys(odd):
        if admit(rel):
            key = root_key + "/" + rel
            try:
                st = os.stat(key)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                tree.stat_files.append((key, st))
    for rel in folders:
        if admit.folder(rel.rstrip("/")):
            tree.stat_files.extend(walk(root, config, root_key + "/" + rel.rstrip("/"), rel))
    return tree


def _all_regular(listing: bytes) -> bool:
    """Whether every entry of ``git ls-files -s -z`` output (NUL-ended) is a regular file at
    stage 0 (``mode blob stage<TAB>path``, as the entry-by-entry filter of ``git_tree`` keeps
    them), checked with numpy at each entry's start (a loop over 100 000 entries in Python
    costs more than git's listing itself)."""
    if not listing:
        return True
    arr = np.frombuffer(listing, np.uint8)
    starts = np.flatnonzero(arr == 0)[:-1] + 1
    starts = np.concatenate((np.zeros(1, dtype=starts.dtype), starts))
    if (starts[1:] - starts[:-1] <= _TAB_AT + 1).any() or len(arr) - starts[-1] <= _TAB_AT + 1:
        return False  # an entry too short to hold a mode, a blob id, a stage and a name
    fixed = np.frombuffer(b"100" + b"\0" * 3 + b" " + b"\0" * 40 + b" 0\t", np.uint8)
    ok = np.ones(len(starts), dtype=bool)
    for k in np.flatnonzero(fixed).tolist():  # "100" and " " of the mode, " 0<TAB>" of the stage
        ok &= arr[starts + k] == fixed[k]
    digits = [arr[starts + k] for k in (3, 4, 5)]
    mode = np.zeros(len(starts), dtype=bool)
    for m in REGULAR_MODES:  # 100644, 100755
        mode |= (digits[0] == m[3]) & (digits[1] == m[4]) & (digits[2] == m[5])
    return bool((ok & mode).all())


def _in_work_tree(folder: str) -> bool:
    """Whether ``folder`` or a folder above it holds ``.git`` (a folder, or a file for a linked
    work tree); git itself is asked only then."""
    path = Path(folder)
    return any((p / ".git").exists() for p in (path, *path.parents))
