"""Running the analysis without freezing the reader.

Small pairs are analysed in the worker thread. Big ones go to a child process: the aligner
holds the GIL for long stretches (seconds at 5,000+ sentences), which would stall the UI
thread; a process also lets quitting stop the work at once.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from readerui.errors import ReaderError
from readerui.model import Analysis, Document
from readerui.settings import Settings

if TYPE_CHECKING:  # multiprocessing is imported for big pairs only (a small one paints sooner)
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

PROCESS_THRESHOLD = 1500  # sentences in both documents together above which a process is used

def _child(conn: Connection, a: Document, b: Document, settings: Settings,
           parent: int | None = None) -> None:
    """In the child: analyse and send back the analysis or the error text (the parent caches
    it, through its Reading). The child ends with the reader (``parent``), even when killed."""
    from readerui.analysis import analyse
    from readerui.lifeline import die_with_parent

    if parent is not None:
        die_with_parent(parent)

    try:
        conn.send(("ok", analyse(a, b, settings)))
    except ReaderError as exc:
        conn.send(("reader-error", str(exc)))
    except Exception as exc:  # reported to the user as one line, never a traceback
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


class Analyser:
    """Computes one Analysis, in this thread or in a child process; ``stop`` ends it."""

    def __init__(self, a: Document, b: Document, settings: Settings,
                 in_thread: Callable[[], Analysis]) -> None:
        self.a, self.b, self.settings = a, b, settings
        self.in_thread = in_thread
        self._process: BaseProcess | None = None
        self._stopped = False
        self._lock = threading.Lock()
        if self.uses_process:
            from multiprocessing import resource_tracker

            # Start multiprocessing's resource tracker now: it hands our stderr to its child,
            # and once the app runs, stderr is Textual's stand-in with no usable file number.
            resource_tracker.ensure_running()

    @property
    def uses_process(self) -> bool:
        """True when the pair is big enough to be analysed in a child process."""
        return len(self.a) + len(self.b) > PROCESS_THRESHOLD

    def run(self) -> Analysis:
        """The analysis (blocking; call it from a worker thread)."""
        if not self.uses_process:
            return self.in_thread()
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # no fork of a threaded app
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_child,
                                  args=(send, self.a, self.b, self.settings, os.getpid()),
                                  daemon=True)
        with self._lock:  # stop() may run at any moment from the UI thread
            if self._stopped:
                raise ReaderError("analysis stopped")
            process.start()
            self._process = process
        send.close()
        try:
            status, value = receive.recv()
        except EOFError:
            if self._stopped:
                raise ReaderError("analysis stopped") from None
            raise ReaderError("the analysis process ended without an answer") from None
        finally:
            receive.close()
            process.join(timeout=5)
        if status == "ok":
            return value  # type: ignore[no-any-return]
        if status == "reader-error":
            raise ReaderError(value)
        raise RuntimeError(value)

    def stop(self) -> None:
        """End a running child process (when the user quits early); none starts after this."""
        with self._lock:
            self._stopped = True
            process = self._process
        if process is not None and process.is_alive():
            process.terminate()
            process.join(timeout=2)
