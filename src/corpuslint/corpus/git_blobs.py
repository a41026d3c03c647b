"""The staged content of tracked files, read from git's object store (``git cat-file --batch``).

Under git the signature index follows what is *staged* (what a commit holds, what a pre-commit
hook compares with): a tracked file whose work-tree bytes differ from its staged blob is indexed
from the blob. One git process reads every blob a refresh asks for.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from typing import Iterable

GIT_TIMEOUT = 120  # seconds, as for git's listing (``corpus.tree``)


def staged_blobs(root_key: str, blobs: Iterable[str]) -> dict[str, bytes]:
    """blob id -> its content, for the ids git has (a missing or unreadable one is left out;
    nothing when git fails)."""
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}
    request = "".join(f"{b}\n" for b in wanted).encode("ascii")
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}
    try:
        with tempfile.TemporaryFile() as out:
            proc = subprocess.run(["git", "cat-file", "--batch"], cwd=root_key, env=env, input=request,
                                  stdout=out, stderr=subprocess.DEVNULL, timeout=GIT_TIMEOUT)
            if proc.returncode:
                return {}
            out.seek(0)
            data = out.read()
    except (OSError, subprocess.SubprocessError):
        return {}
    return _parse(data, wanted)


def _parse(data: bytes, wanted: list[str]) -> dict[str, bytes]:
    """``cat-file --batch`` output: per request ``<id> <type> <size>\\n<content>\\n``, or
    ``<id> missing\\n``."""
    found: dict[str, bytes] = {}
    at = 0
    for blob in wanted:
        nl = data.find(b"\n", at)
        if nl < 0:
            break
        head = data[at:nl].split(b" ")
        at = nl + 1
        if len(head) != 3:  # "<id> missing" (or ambiguous): no content follows
            continue
        try:
            size = int(head[2])
        except ValueError:
            break
        if head[0].decode("ascii", "replace") == blob and head[1] == b"blob" and at + size <= len(data):
            found[blob] = data[at:at + size]
        at += size + 1
    return found
