"""The aligner pauses the cyclic garbage collector only while it runs."""

from __future__ import annotations

import gc

import pytest

from readerui.align import align
from readerui.gcpause import collector_paused
from readerui.ingest.segment import from_lines


def test_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error_and_left_off_when_it_was_off() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("exclusive", [False, True])
def test_align_leaves_the_collector_as_it_found_it(exclusive: bool) -> None:
    a = from_lines("The mayor opened the new bridge on Monday.\nTraffic was heavy.\n")
    b = from_lines("On Monday the mayor opened a bridge.\nCars queued for hours.\n")
    alignment = align(a, b, exclusive=exclusive)
    assert alignment.links
    assert gc.isenabled()
