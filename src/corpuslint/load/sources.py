"""From sources to documents: path expansion, links and special files, stdin, and the
decoding of files (``decode``) and JSONL records (``jsonl``)."""

from __future__ import annotations

import errno
import os
import stat
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..core.config import Config
from ..core.document import Document
from .decode import SourceError, document_from_bytes
from .jsonl import is_jsonl, jsonl_documents

def expand_paths(paths: Sequence[str], config: Config) -> list[str]:
    """Files to lint, in a deterministic order. Named files are linted whatever their extension
    (pre-commit passes them); folders are walked for files with the configured extensions. A
    symbolic link loop is listed (``read_source`` reports it for that file alone)."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            out.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            found: list[str] = []
            for dirpath, dirnames, filenames in os.walk(p):
                d = Path(dirpath)
                dirnames[:] = sorted(n for n in dirnames if not config.is_excluded(d / n))
                for name in filenames:
                    f = d / name
                    if f.suffix.lower() in config.extensions and (_loops(f) or not config.is_excluded(f)):
                        found.append(str(f))
            candidates = sorted(found)
        elif _loops(p):
            candidates = [str(p)]
        elif p.exists() or p.is_symlink():
            # Excludes apply to named files too, so a pre-commit run honours them.
            candidates = [] if config.is_excluded(p) else [str(p)]
        else:
            raise SourceError(f"{raw}: no such file or directory")
        for c in candidates:
            key = os.path.normpath(c)
            if key not in seen:
                seen.add(key)
                out.append(c)
    return out


def _loops(path: Path) -> bool:
    """Whether resolving ``path`` runs into a symbolic link loop (``Path.resolve`` would raise
    RuntimeError on it)."""
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def outside_link(path: str, root: Path | None) -> bool:
    """Whether ``path`` lies inside ``root`` as written but a symbolic link takes it outside:
    its text is not the corpus's and must not reach findings, the cache or the index."""
    if root is None:
        return False
    written = os.path.abspath(path)
    if not _within(written, os.path.abspath(root)):
        return False
    folder, name = os.path.split(written)
    # The file's own link, if any, then its folder's (resolved once per folder in a run).
    target = os.path.realpath(written) if os.path.islink(written) else os.path.join(_real(folder), name)
    return not _within(target, _real(str(root)))


@lru_cache(maxsize=4096)
def _real(folder: str) -> str:
    return os.path.realpath(folder)


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _check_readable(path: str, config: Config) -> Document | None:
    """A document standing for a file that must not be read (a link out of the corpus), None
    when it may be read; SourceError for what cannot be read at all (a link loop, a FIFO or a
    device, which would block or never end)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SourceError(f"{path}: symbolic link loop") from exc
        if os.path.islink(path):
            raise SourceError(f"{path}: broken symbolic link") from exc
        raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise SourceError(f"{path}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise SourceError(f"{path}: is not a regular file (a pipe or a device); not read")
    if outside_link(path, config.root):
        return Document(text="", path=path, encoding=None, decode_error=_OUTSIDE)
    return None


_OUTSIDE = "is a symbolic link to a file outside the corpus root; not read"


def read_source(path: str, config: Config, stdin: bytes | None = None) -> list[Document]:
    """Documents of one source: a file, a JSONL file (one document per record) or stdin."""
    if path == "-":
        data = stdin if stdin is not None else sys.stdin.buffer.read()
    else:
        refused = _check_readable(path, config)
        if refused is not None:
            return [refused]
        try:
            data = Path(path).read_bytes()
        except IsADirectoryError as exc:
            raise SourceError(f"{path}: is a directory") from exc
        except OSError as exc:
            raise SourceError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return documents_from_bytes(data, path, config)


def documents_from_bytes(data: bytes, path: str, config: Config) -> list[Document]:
    """Documents of a source's bytes: one per record of a JSONL file, else one. The bytes of a
    link out of the corpus root (read by the index's walk) stand for nothing but that."""
    if path != "-" and outside_link(path, config.root):
        return [Document(text="", path=path, encoding=None, decode_error=_OUTSIDE)]
    if path != "-" and is_jsonl(path):
        return list(jsonl_documents(data, path, config))
    return [document_from_bytes(data, path)]


def iter_documents(paths: Iterable[str], config: Config) -> Iterator[Document | SourceError]:
    for path in paths:
        try:
            yield from read_source(path, config)
        except SourceError as exc:
            yield exc
