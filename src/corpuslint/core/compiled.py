"""Compiled rule data, cached on disk between runs.

Building the lexicon from jieba's ``dict.txt`` or TYP's tables from their text packs costs
seconds; a pre-commit run on one file must not pay that every time. ``compiled(name, inputs,
build)`` returns ``build()``'s result, pickled once into the user cache folder and keyed on the
corpuslint version and the content of every input file, so an edited pack or an upgraded
dependency rebuilds it. The folder is ``$CORPUSLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/
corpuslint``, else ``~/.cache/corpuslint``; ``CORPUSLINT_CACHE_DIR=off`` disables the cache. A
cache that cannot be read or written is rebuilt or skipped, never an error. ``compiled_array``
does the same for one numpy array, stored as ``.npy`` and read by memory map.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Sequence, TypeVar

import xxhash

from .replace_file import replace_file
from .version import __version__

if TYPE_CHECKING:
    import numpy as np

T = TypeVar("T")
_FORMAT = "1"
_MEMO: dict[str, object] = {}  # key -> object, so one process unpickles a table once
_DIGESTS: dict[tuple[str, int, int], bytes] = {}  # (path, size, mtime) -> content hash
MEMO_DIGEST_BYTES = 1 << 20  # files from this size on are hashed once per process
KEEP_PER_NAME = 4  # compiled forms kept of one table (other versions, other pack contents)


def cache_folder() -> Path | None:
    given = os.environ.get("CORPUSLINT_CACHE_DIR")
    if given == "off":
        return None
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "corpuslint"


def input_key(name: str, inputs: Sequence[Path | str], extra: str = "") -> str:
    h = xxhash.xxh3_128()
    h.update(f"{_FORMAT}|{__version__}|{name}|{extra}".encode())
    for item in inputs:
        p = Path(item)
        # The file's role (its folder and name, ``typ/confusions.txt``) and its content, not
        # where it lies: every checkout, work tree or virtual environment holding the same
        # packs shares one compiled form instead of building its own.
        h.update("/".join(p.parts[-2:]).encode("utf-8", "surrogatepass") + b"\0")
        h.update(_content_digest(p))
    return h.hexdigest()


def _content_digest(path: Path) -> bytes:
    """The hash of a file's content. A large one (jieba's 5 MB dictionary keys several tables)
    is hashed once per process while its size and modification time stay the same; a pack
    file is small and hashed every time (an edit within the file system's clock tick that
    keeps the size must still be seen)."""
    try:
        st = path.stat()
    except OSError:
        return b"<missing>"
    key = (str(path), st.st_size, st.st_mtime_ns)
    got = _DIGESTS.get(key)
    if got is None:
        try:
            got = xxhash.xxh3_128_digest(path.read_bytes())
        except OSError:
            return b"<missing>"
        if st.st_size >= MEMO_DIGEST_BYTES:
            _DIGESTS[key] = got
    return got


def compiled(name: str, inputs: Sequence[Path | str], build: Callable[[], T], *, extra: str = "") -> T:
    """``build()``, or its cached result for the same ``inputs`` contents and ``extra`` text."""
    return _cached(name, inputs, build, extra, ".pickle", _load_pickle, _dump_pickle)


def compiled_array(name: str, inputs: Sequence[Path | str], build: Callable[[], "np.ndarray"], *,
                   extra: str = "") -> "np.ndarray":
    """``build()``, a one-dimensional numpy array, or its cached copy for the same ``inputs``
    contents and ``extra`` text, stored as ``.npy`` and read by memory map (read-only): a large
    sorted key table costs no load time, and a run reads only the pages its look-ups touch."""
    return _cached(name, inputs, build, extra, ".npy", _load_array, _dump_array)


def _cached(name: str, inputs: Sequence[Path | str], build: Callable[[], T], extra: str, suffix: str,
            load: Callable[[Path], T], dump: Callable[[BinaryIO, T], None]) -> T:
    """The memo, then the cache folder's file (``load``), then ``build()`` (stored with ``dump``,
    atomically; a file that cannot be read or written is built again, never an error)."""
    key = f"{name}-{input_key(name, inputs, extra)}"
    if key in _MEMO:
        return _MEMO[key]  # type: ignore[no-any-return]
    folder = cache_folder()
    path = folder / f"{key}{suffix}" if folder is not None else None
    if path is not None:
        try:
            value = load(path)
            _MEMO[key] = value
            return value
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            pass
    value = build()
    _MEMO[key] = value
    if path is not None:
        _store(path, value, suffix, dump)
        prune(path.parent, name, suffix)
    return value


def _load_pickle(path: Path) -> Any:
    with path.open("rb") as fh:
        return pickle.load(fh)


def _dump_pickle(fh: BinaryIO, value: object) -> None:
    pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)


def _load_array(path: Path) -> "np.ndarray":
    import numpy as np  # noqa: PLC0415 - only callers that hold arrays pay for numpy here

    return np.load(path, mmap_mode="r", allow_pickle=False)


def _dump_array(fh: BinaryIO, value: "np.ndarray") -> None:
    import numpy as np  # noqa: PLC0415

    np.save(fh, np.ascontiguousarray(value), allow_pickle=False)


def _store(path: Path, value: T, suffix: str, dump: Callable[[BinaryIO, T], None]) -> None:
    try:
        replace_file(path, lambda fh: dump(fh, value), prefix=".tmp-", suffix=suffix)
    except (OSError, pickle.PicklingError, TypeError, ValueError):
        pass  # a read-only home or an unstorable value: the next run builds again


def prune(folder: Path, name: str, suffix: str = ".pickle", keep: int = KEEP_PER_NAME) -> None:
    """Drop all but the ``keep`` newest compiled forms of ``name``: each upgrade or edited pack
    adds one, and a table of several MB must not pile up in the user's cache."""
    try:
        found = sorted((e.stat().st_mtime, e.path) for e in os.scandir(folder)
                       if e.name.startswith(name + "-") and e.name.endswith(suffix)
                       and len(e.name) == len(name) + 1 + 32 + len(suffix))
        for _, old in found[:-keep]:
            os.unlink(old)
    except OSError:
        pass
