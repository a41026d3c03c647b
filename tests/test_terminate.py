"""SIGTERM as an exit: also when the handler runs inside a weakref callback, where Python drops
the exception it raises (issue seen as a run that went on after ``kill``)."""

from __future__ import annotations

import gc
import os
import time
import signal
import weakref

import pytest

from corpuslint.terminate import Terminated, sigterm_as_exit


class _Node:
    pass


def test_sigterm_raises_terminated_with_status_143() -> None:
    with pytest.raises(Terminated) as exc:
        with sigterm_as_exit():
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):
                pass
    assert exc.value.code == 128 + signal.SIGTERM


def test_sigterm_dropped_in_a_weakref_callback_is_delivered_again() -> None:
    def callback(_ref: object) -> None:
        # The signal arrives while a weakref callback runs: its Terminated is unraisable.
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(1000):
            pass

    with pytest.raises(Terminated):
        with sigterm_as_exit():
            node = _Node()
            ref = weakref.ref(node, callback)
            del node
            gc.collect()
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:  # the re-sent signal lands here
                pass
    assert ref() is None


def test_handler_and_hook_restored_after_the_block() -> None:
    import sys
    before_handler, before_hook = signal.getsignal(signal.SIGTERM), sys.unraisablehook
    with sigterm_as_exit():
        pass
    assert signal.getsignal(signal.SIGTERM) is before_handler
    assert sys.unraisablehook is before_hook
