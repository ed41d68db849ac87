"""The cyclic garbage collector paused while the engine (aligner, annotators) runs.

The aligner makes millions of small containers (tuples, sets, dicts) and frees few cycles, so
the collector's passes over the growing heap are pure cost: ~20% of the CPU at 10,000
sentences a side and ~25% at 40,000 (benchmarks/align_speed.py). Pausing it changes no output.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block, if it was enabled; re-enable it after
    (reference counting still frees everything that is not in a cycle)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_held = False  # the collector was paused by pause_until_resumed and is not back yet


def pause_until_resumed() -> None:
    """Pause the collector (if it is enabled) until :func:`resume`, across calls: the reader's
    start-up, from the command line to its first frame. Importing Textual and readerui's modules
    and building the first screen make ~140 collections of objects that all live on; none frees
    anything. Pausing changes no output."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def resume() -> None:
    """Re-enable the collector paused by :func:`pause_until_resumed` (no-op otherwise, and the
    second time)."""
    global _held
    if _held:
        _held = False
        gc.enable()
