"""Write a file whole or not at all: into a temporary file in the target's folder, renamed over
the target. A killed run leaves the old file (and a temporary, which its owner prunes), never
half of the new one. For the cache's own files (compiled tables, the stored git listing); the
user's files go through ``cache.atomic_write_bytes``, which also keeps permissions, refuses links
and syncs to disk.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable


def replace_file(path: Path, write: Callable[[BinaryIO], None], *, prefix: str, suffix: str) -> None:
    """``write`` the new content into a temporary ``prefix…suffix`` next to ``path``, then rename
    it over ``path``; the temporary is removed when ``write`` or the rename fails (the error is
    raised)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
