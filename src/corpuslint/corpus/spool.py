"""The document spool: where the streaming pass puts each document so the corpus phase can
re-read the few it must explain, without keeping any text in memory.

A spool is a private temporary folder; each process writing to it (the main process, every
worker of ``-j N``) appends pickled documents to its own file there, and a document's reference
is (file number, offset, size) — so workers never send text back to the main process. Re-reading
gives a fresh ``Document`` with the same text, path, record and metadata: exactly what the
document rules saw, even if the file changed since. The folder is removed when the spool that
created it is closed or collected.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import time
import weakref
from pathlib import Path
from typing import IO

from ..core.document import Document

Ref = tuple[int, int, int]  # (file number, offset, size)
PREFIX = "corpuslint-spool-"
STALE_SECONDS = 600  # a spool this old whose processes are all gone belongs to a killed run
_SWEPT: set[str] = set()  # temporary folders this process has swept


class Spool:
    def __init__(self, folder: str | Path | None = None) -> None:
        """A new spool (``folder`` None: a fresh temporary folder, removed with this object), or
        a writer into the existing spool ``folder`` of another process."""
        if folder is None:
            base = tempfile.gettempdir()
            if base not in _SWEPT:  # once per process: a library may open a spool per call
                _SWEPT.add(base)
                sweep_stale(base)
            self.folder = Path(tempfile.mkdtemp(prefix=PREFIX))
            (self.folder / f"{os.getpid()}.owner").touch()  # whose spool it is, for sweep_stale
            self._cleanup = weakref.finalize(self, shutil.rmtree, str(self.folder), True)
        else:
            self.folder = Path(folder)
            self._cleanup = None
        self._writer: IO[bytes] | None = None
        self._number = os.getpid()
        self._end = 0
        self._readers: dict[int, IO[bytes]] = {}

    def put(self, doc: Document) -> Ref:
        return self._write(pickle.dumps((doc.text, doc.path, doc.record, doc.encoding, doc.newline,
                                         dict(doc.meta), doc.decode_error, doc.content_hash),
                                        protocol=pickle.HIGHEST_PROTOCOL))

    def put_folded(self, folded: list[str]) -> Ref:
        """Keep a document's folded paragraphs (they hold no line break), so exact checks of the
        corpus phase re-read them without re-building and re-folding the document."""
        # "+" marks a list of at least one paragraph, so [] and [""] differ.
        return self._write(("+" + "\n".join(folded)).encode("utf-8", "surrogatepass") if folded else b"")

    def put_raw(self, data: bytes) -> Ref:
        """Spool what ``put`` or ``put_folded`` packed in another process (a Ray worker's
        ``_write``), so the driver re-reads it as its own."""
        return self._write(data)

    def _write(self, data: bytes) -> Ref:
        if self._writer is None or self._number != os.getpid():  # a forked worker writes its own file
            self._number = os.getpid()
            self._writer = (self.folder / f"{self._number}.spool").open("ab")
            self._end = self._writer.tell()
        self._writer.write(data)
        ref = (self._number, self._end, len(data))
        self._end += len(data)
        return ref

    def sync(self) -> None:
        """Make what this process wrote readable by others (workers call it after each task)."""
        if self._writer is not None:
            self._writer.flush()

    def get(self, ref: Ref) -> Document:
        text, path, record, encoding, newline, meta, error, content_hash = pickle.loads(self._read(ref))
        return Document(text, path=path, record=record, encoding=encoding, newline=newline, meta=meta,
                        decode_error=error, content_hash=content_hash)

    def get_folded(self, ref: Ref) -> list[str]:
        data = self._read(ref)
        return data[1:].decode("utf-8", "surrogatepass").split("\n") if data else []

    def _read(self, ref: Ref) -> bytes:
        number, offset, size = ref
        if number == self._number and self._writer is not None:
            self._writer.flush()
        fh = self._readers.get(number)
        if fh is None:
            fh = self._readers[number] = (self.folder / f"{number}.spool").open("rb")
        # pread, not seek + read: a forked process (a pass-2 worker of ``-j N``) shares the
        # open file's offset with its parent, and both may read at once.
        return os.pread(fh.fileno(), size, offset)

    def close(self) -> None:
        for fh in self._readers.values():
            fh.close()
        self._readers.clear()
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._cleanup is not None:
            self._cleanup()


def sweep_stale(base: str) -> None:
    """Remove the spools of killed runs (a SIGKILL leaves no chance to clean up, and a spool
    holds about twice its corpus): folders of this user, older than ``STALE_SECONDS``, none of
    whose writing processes (``<pid>.owner``, ``<pid>.spool``) is alive."""
    try:
        entries = list(os.scandir(base))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if not entry.name.startswith(PREFIX):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not entry.is_dir(follow_symlinks=False) or st.st_uid != os.getuid() or \
                    now - st.st_mtime < STALE_SECONDS:
                continue
            pids = {int(stem) for stem, _, _ in (n.partition(".") for n in os.listdir(entry.path)) if stem.isdigit()}
        except OSError:
            continue
        if pids and not any(_alive(pid) for pid in pids):
            shutil.rmtree(entry.path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists (another user's process)
    return True
