"""The collector paused for the reader's start-up (by the command line) is back after the first
frame, and the command line never leaves it off."""

from __future__ import annotations

import contextlib
import gc

import pytest

from readerui.cli import main
from readerui.gcpause import pause_until_resumed, resume
from readerui.tui.app import ReaderApp

from .helpers import council_analysis, until


def test_pause_and_resume_only_what_it_paused() -> None:
    assert gc.isenabled()
    pause_until_resumed()
    try:
        assert not gc.isenabled()
        pause_until_resumed()  # a second pause is the same pause
    finally:
        resume()
    assert gc.isenabled()
    gc.disable()  # off by someone else: left off
    try:
        pause_until_resumed()
        resume()
        assert not gc.isenabled()
    finally:
        gc.enable()


async def test_the_reader_resumes_the_collector_after_its_first_frame() -> None:
    analysis = council_analysis()
    pause_until_resumed()
    try:
        app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, gc.isenabled, "the collector back after the first frame")
    finally:
        resume()


@pytest.mark.parametrize("args", [["--recent"], ["--recent", "3"]])
def test_the_command_line_leaves_the_collector_on(args: list[str],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with contextlib.suppress(SystemExit):
        main(args)  # no recent pairs: the list, or an error, without opening the reader
    capsys.readouterr()
    assert gc.isenabled()
