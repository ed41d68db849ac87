"""The ``readerui`` command as a process: a Ctrl-C at any moment ends it with one line,
"readerui: interrupted", and exit status 130, never a traceback or death by the signal.

:func:`readerui.cli.main` turns a Ctrl-C during its work into that line. This module covers the
edges around it, where a KeyboardInterrupt would escape (a traceback, and Python then ends the
process by SIGINT, status -2):

- while ``readerui.cli`` and what it imports are loading (this module imports nothing heavy);
- in ``main``'s own ``except`` clauses and ``finally`` block;
- a KeyboardInterrupt that passed through code run from a string (``exec``/``eval`` of text:
  dataclasses and namedtuples make their methods so, as the engine's modules load) leaves a
  flag in CPython ("an unhandled Ctrl-C") even when ``main`` catches it afterwards; under
  ``python -m readerui`` CPython then ends the process by SIGINT after the tear-down (status
  -2, after "readerui: interrupted" was printed). The flag is cleared at the start of every
  string evaluation, so one harmless ``eval`` after ``main`` clears it;
- after ``main`` has returned: exit handlers (multiprocessing's, which join a helper process
  and its threads) and the interpreter's tear-down. Python puts SIGINT back to its default
  action late in the tear-down, so a Ctrl-C whose delivery falls there (one held pending while
  threads that block it were still running, say) killed the process outright. From ``main``'s
  return a Ctrl-C ends the process at once with status 130, and once every exit handler has
  run it is ignored (the status is already decided).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
from types import FrameType

EXIT_INTERRUPTED = 130
INTERRUPTED = "readerui: interrupted\n"

_said = False


def say_interrupted() -> None:
    """Write "readerui: interrupted" on stderr, once per process."""
    global _said
    if _said:
        return
    _said = True
    # closed, or a write the signal interrupted
    with contextlib.suppress(OSError, ValueError, RuntimeError, AttributeError):
        sys.stderr.write(INTERRUPTED)
        sys.stderr.flush()


def _leave_now(signum: int, frame: FrameType | None) -> None:
    """SIGINT once ``main`` has returned: the line (once), what is written flushed, status 130
    at once, without the exit handlers that may be what is taking the time."""
    say_interrupted()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, RuntimeError, AttributeError):
            stream.flush()
    os._exit(EXIT_INTERRUPTED)


def _ignore_ctrl_c() -> None:
    """The last exit handler: from here the status is final, and a Ctrl-C is ignored (Python's
    tear-down would otherwise reset SIGINT to its default action, death by the signal)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run() -> int:
    """Entry point of the ``readerui`` command (console script and ``python -m readerui``):
    ``readerui.cli.main`` on ``sys.argv``, with Ctrl-C handled at every moment, leaving quickly.

    Everything made during the run is frozen out of the cyclic collector before the exit, so
    the interpreter's tear-down does not walk it (0.5+ s after a 10,000-sentence pair; exit
    handlers still run). The process ends right after, so nothing is kept that would be freed.
    """
    # Registered before anything else is, so it runs after every other exit handler.
    atexit.register(_ignore_ctrl_c)
    try:
        from readerui.cli import main

        code = main()
    except KeyboardInterrupt:  # while loading, or in main's own except clauses or finally
        say_interrupted()
        code = EXIT_INTERRUPTED
    finally:
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, _leave_now)
    # Clears CPython's "unhandled KeyboardInterrupt" flag (see the module's docstring); no
    # KeyboardInterrupt can be raised from here on to set it again.
    eval("None", {})
    import gc

    gc.freeze()
    return code
