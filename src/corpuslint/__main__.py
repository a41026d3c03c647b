"""``python -m corpuslint`` and the ``corpuslint`` command (``entry``)."""

from __future__ import annotations

import os
import sys

# The command does no linear algebra, and OpenBLAS (numpy's, on PyPI) starts a thread per core,
# each given its buffers, when numpy is imported: ~0.07 CPU-s and 0.1 s wall of every run. One
# thread, unless the user asked for more. Set before ``cli`` imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from .cli import main  # noqa: E402


def entry() -> None:
    """The ``corpuslint`` command (and ``python -m corpuslint``): ``main`` then the end of the
    process. Once the output is flushed there is nothing left to do but free memory, and the
    interpreter's teardown of a run's structures (the rule tables, the lexicon, the corpus
    phase's arrays) costs a pre-commit run 0.13-0.16 CPU-s: a run that completed (exit 0 or 1)
    ends there instead. Every file it wrote is closed by then (the report, the cache, the
    index) and the engine removed its temporary spool. An error or an interrupt (exit 2, 130)
    takes the ordinary way out, so that finalizers still remove what an unfinished run left."""
    code = main()
    if code not in (0, 1):
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError, OSError):
        pass  # a reader that went away: what could be written was
    os._exit(code)


if __name__ == "__main__":
    entry()
