"""The on-disk cache (``.corpuslint_cache/`` at the corpus root).

* per-document results of the document rules, keyed on the document's content hash, its id, the
  resolved config, the rule packs and the corpuslint version — a re-run lints only changed files;
* a folder where corpus rules keep their own stores (``Cache.folder()``: the signature index
  of ``corpus/index.py``), so a re-run hashes only changed files.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from .core.document import Document
from .core.findings import Applicability, Edit, Finding, Fix, Location, Related, Severity

CACHE_DIR_NAME = ".corpuslint_cache"


class Cache:
    def __init__(self, root: Path, salt: str) -> None:
        self.dir = root / CACHE_DIR_NAME
        self.salt = salt
        self._ok = True

    def _ensure(self) -> bool:
        if not self._ok:
            return False
        try:
            # The cache holds copies of the corpus text (findings, the index): readable by its
            # owner only, whatever the umask, never more readable than the files it copies.
            self.dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            if self.dir.stat().st_mode & 0o077:
                os.chmod(self.dir, 0o700)
            (self.dir / "results").mkdir(mode=0o700, exist_ok=True)
            gitignore = self.dir / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# created by corpuslint\n*\n", encoding="utf-8")
        except OSError:
            self._ok = False  # a read-only tree: run without a cache rather than fail
        return self._ok

    def _key(self, doc: Document) -> str:
        raw = f"{self.salt}\0{doc.id}\0{doc.content_hash}\0{doc.encoding}"
        return hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()

    def _file(self, doc: Document) -> Path:
        key = self._key(doc)
        return self.dir / "results" / key[:2] / f"{key}.json"

    def get(self, doc: Document) -> list[Finding] | None:
        if doc.content_hash is None:
            return None
        try:
            data = json.loads(self._file(doc).read_bytes().decode("utf-8", "surrogatepass"))
            return [finding_from_dict(d, doc) for d in data]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, doc: Document, findings: list[Finding]) -> None:
        if doc.content_hash is None or not self._ensure():
            return
        target = self._file(doc)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, json.dumps([finding_to_dict(f) for f in findings],
                                                  ensure_ascii=False).encode("utf-8", "surrogatepass"))
        except OSError:
            pass

    def folder(self) -> Path | None:
        """The cache folder, created with its ``.gitignore``, for corpus rules' own stores; None
        when it cannot be created (a read-only tree). Files already there are made private
        (0600): the index stores the corpus text."""
        if not self._ensure():
            return None
        try:
            for entry in os.scandir(self.dir):
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mode & 0o077:
                    os.chmod(entry.path, 0o600)
        except OSError:
            pass
        return self.dir


class ChangedOnDisk(OSError):
    """The target changed between the moment its content was read and the rename."""


class IsALink(OSError):
    """The target is a symbolic link: replacing it would turn the link into a regular file."""


STALE_TEMPORARY_SECONDS = 60  # a write takes milliseconds; an older temporary is a killed run's


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes, unchanged: Callable[[], bool] | None = None) -> None:
    """Write via a temporary file in the same folder and rename over the target, keeping the
    target's permissions: a crash leaves the old file or the new one, never half of each.

    A symbolic link is never replaced (``IsALink``). ``unchanged`` is asked just before the
    rename whether the target still holds what the new content was made from; when it says no,
    nothing is written (``ChangedOnDisk``), so an edit made meanwhile is not lost."""
    if path.is_symlink():
        raise IsALink(f"{path}: is a symbolic link; not written (corpuslint never writes through a link)")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()  # a new file (a baseline): as open() would create it, not mkstemp's 0600
        os.chmod(tmp, mode)
        if unchanged is not None and not unchanged():
            raise ChangedOnDisk(f"{path}: changed on disk while it was being fixed; not written "
                                "(run --fix again)")
        if path.is_symlink():  # replaced by a link meanwhile
            raise IsALink(f"{path}: is a symbolic link; not written (corpuslint never writes through a link)")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def remove_stale_temporaries(path: Path, now: float | None = None) -> int:
    """Delete the temporaries ``atomic_write_bytes`` left next to ``path`` when a run was killed
    between writing and renaming (``.NAME.XXXXXXXX.tmp`` older than a minute: a live run's own
    temporary exists for milliseconds). Returns how many were removed."""
    now = time.time() if now is None else now
    removed = 0
    try:
        siblings = list(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))
    except OSError:
        return 0
    for tmp in siblings:
        try:
            st = tmp.lstat()
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > STALE_TEMPORARY_SECONDS:
                tmp.unlink()
                removed += 1
        except OSError:
            continue
    return removed


# -- (de)serialisation of findings for the cache ---------------------------------------------
def _loc(loc: Location) -> list[Any]:
    return [loc.path, loc.record, loc.start, loc.end, loc.line, loc.column, loc.end_line, loc.end_column]


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code, "name": f.name, "severity": f.severity.value, "message": f.message,
        "loc": _loc(f.location),
        "related": [[_loc(r.location), r.message] for r in f.related],
        "fix": None if f.fix is None else {
            "applicability": f.fix.applicability.value, "message": f.fix.message,
            "encoding": f.fix.encoding,
            "edits": [[e.start, e.end, e.content] for e in f.fix.edits],
        },
        "flagged": f.flagged_text,
    }


def finding_from_dict(d: dict[str, Any], doc: Document) -> Finding:
    fix = d["fix"]
    return Finding(
        code=d["code"], name=d["name"], severity=Severity(d["severity"]), message=d["message"],
        location=Location(*d["loc"]),
        related=tuple(Related(Location(*loc), msg) for loc, msg in d["related"]),
        fix=None if fix is None else Fix(
            tuple(Edit(*e) for e in fix["edits"]), Applicability(fix["applicability"]),
            fix["message"], fix.get("encoding"),
        ),
        flagged_text=d.get("flagged", ""),
    )
