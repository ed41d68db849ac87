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
