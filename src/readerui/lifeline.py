"""A child process that dies with its parent: the reader's analysis child, batch workers.

On Linux the kernel is asked (``prctl(PR_SET_PDEATHSIG, SIGKILL)``) to kill the child when its
parent dies, even by SIGKILL; everywhere, a watchdog thread also checks the parent's pid each
second and ends the child when the parent is gone (the portable fallback).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

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
