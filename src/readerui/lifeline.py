"""A child process that dies with its parent and leaves Ctrl-C to it: the reader's analysis
child, the collation's workers, batch workers.

On Linux the kernel is asked (``prctl(PR_SET_PDEATHSIG, SIGKILL)``) to kill the child when its
parent dies, even by SIGKILL; everywhere, a watchdog thread also checks the parent's pid each
second and ends the child when the parent is gone (the portable fallback).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator

_PR_SET_PDEATHSIG = 1


def _kernel_deathsig() -> bool:
    """Ask Linux to SIGKILL this process when its parent dies; False where unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        import ctypes.util

        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch(parent: int, interval: float) -> None:
    while True:
        time.sleep(interval)
        if os.getppid() != parent:
            os._exit(1)


def die_with_parent(parent: int, interval: float = 1.0) -> None:
    """Make this (child) process end when process ``parent`` ends."""
    _kernel_deathsig()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent, interval), daemon=True,
                     name="readerui-lifeline").start()


@contextlib.contextmanager
def ctrl_c_held() -> Iterator[None]:
    """In the parent, while it starts children: Ctrl-C is blocked (held pending and delivered on
    leaving, never lost). The mask survives exec, so a child starting meanwhile cannot print a
    traceback of its own before :func:`leave_ctrl_c_to_parent`. Nothing where the platform
    cannot block signals."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def leave_ctrl_c_to_parent() -> None:
    """In a child: ignore Ctrl-C (the parent handles it and ends its children), and undo the
    block it started with under :func:`ctrl_c_held`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
