"""SIGTERM (a CI timeout, ``kill``) ends a run as an exception would, so the spool of its texts
in the temporary folder is removed like on any other exit (status 128 + 15)."""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Any, Iterator


class Terminated(SystemExit):
    """The exit a SIGTERM raises."""


def _raise(signum: int, frame: Any) -> None:
    raise Terminated(128 + signum)


def _redeliver(hook: Any) -> Any:
    # Python runs a signal handler between any two bytecodes, also inside a weakref callback or
    # a __del__, where the exception it raises is printed and dropped: the run would go on as
    # if never signalled. Such a dropped SIGTERM is sent again a moment later, from another
    # thread (sent from here, the handler would run at once, inside this hook, and be dropped).
    def unraisable(info: Any) -> None:
        if isinstance(info.exc_value, Terminated):
            again = threading.Timer(0.01, os.kill, (os.getpid(), signal.SIGTERM))
            again.daemon = True
            again.start()
            return
        hook(info)
    return unraisable


@contextmanager
def sigterm_as_exit() -> Iterator[None]:
    """Within the block, SIGTERM raises ``Terminated``; outside the main thread, nothing changes."""
    try:
        previous = signal.signal(signal.SIGTERM, _raise)
    except ValueError:  # not the main thread (main() called from a worker thread): leave it
        yield
        return
    hook, sys.unraisablehook = sys.unraisablehook, _redeliver(sys.unraisablehook)
    try:
        yield
    finally:
        sys.unraisablehook = hook
        signal.signal(signal.SIGTERM, previous)
