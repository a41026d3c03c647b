"""``python -m corpuslint`` and the ``corpuslint`` command (``entry``)."""

from __future__ import annotations

import os
import sys

from .cli import main


def entry() -> None:
    """The ``corpuslint`` command (and ``python -m corpuslint``): ``main`` then the end of the
    process. Once the output is flushed there is nothing left to do but free memory, and the
    interpreter's teardown of a run's structures (the rule tables, the lexicon, the corpus
    phase's arrays) costs a pre-commit run ~0.1 s: the process ends there instead. Every file
    the run wrote is closed by then (the report, the cache, the index); its temporary spool
    was removed by the engine."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError, OSError):
        pass  # a reader that went away: what could be written was
    os._exit(code)


if __name__ == "__main__":
    entry()
