"""Ctrl-C and the batch's worker processes (no real worker is started here)."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from typing import Any

import pytest

from readerui import batch
from readerui.settings import Settings


class _StartInterrupted:
    """A process whose start is hit by a Ctrl-C (as a terminal sends it) half-way."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def start(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)


class _Context:
    Process = _StartInterrupted

    @staticmethod
    def Pipe(duplex: bool = True) -> Any:  # multiprocessing's name
        return multiprocessing.Pipe(duplex)


@pytest.fixture
def default_ctrl_c() -> Iterator[None]:
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.usefixtures("default_ctrl_c")
def test_a_ctrl_c_while_a_worker_starts_is_not_lost() -> None:
    """It is held back while the worker starts (so the worker cannot print a traceback) and
    then ends the batch; it used to be ignored, and the batch ran on to exit 0."""
    with pytest.raises(KeyboardInterrupt):
        batch._Worker(_Context(), Settings(), True)  # type: ignore[arg-type]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if hasattr(signal, "pthread_sigmask"):
        assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())
