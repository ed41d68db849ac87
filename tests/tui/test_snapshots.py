"""Snapshot tests of the main screen, the sidebar filter and the summary at 80x24 and 160x45.

Inputs are the hand-analysed council pair (tests/tui/data), so only TUI changes move these;
one snapshot uses the bundled sample and the real engine, and moves when the core changes.
Regenerate with ``pytest tests/tui/test_snapshots.py --snapshot-update`` after checking them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from readerui.analysis import load_document
from readerui.samples import sample_paths
from readerui.tui.app import ReaderApp

from .helpers import council_analysis

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}
SnapCompare = Callable[..., bool]


def council_app() -> ReaderApp:
    analysis = council_analysis()
    return ReaderApp(analysis.a, analysis.b, analysis=analysis)


async def _settle(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_main_screen(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    async def move(pilot: object) -> None:
        await _settle(pilot)
        await pilot.press("j", "j")  # type: ignore[attr-defined]

    assert snap_compare(council_app(), terminal_size=size, run_before=move)


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_sidebar_filter(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    async def choose(pilot: object) -> None:
        await _settle(pilot)
        await pilot.press("f", "space")  # type: ignore[attr-defined]
        await _settle(pilot)

    assert snap_compare(council_app(), terminal_size=size, run_before=choose)


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_summary(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    async def open_summary(pilot: object) -> None:
        await _settle(pilot)
        await pilot.press("v")  # type: ignore[attr-defined]
        await _settle(pilot)

    assert snap_compare(council_app(), terminal_size=size, run_before=open_summary)


def test_sample_pair_with_the_real_engine(snap_compare: SnapCompare) -> None:
    path_a, path_b = sample_paths()
    app = ReaderApp(load_document(path_a), load_document(path_b))

    async def wait(pilot: object) -> None:
        await app.workers.wait_for_complete()
        await _settle(pilot)
        await pilot.press("j", "j", "j")  # type: ignore[attr-defined]

    assert snap_compare(app, terminal_size=(160, 45), run_before=wait)


def test_differences_only_with_numbers(snap_compare: SnapCompare) -> None:
    from .test_differences import alike_analysis

    analysis = alike_analysis()

    async def fold(pilot: object) -> None:
        await _settle(pilot)  # the analysis is shown, the counting worker started
        await pilot.app.workers.wait_for_complete()  # type: ignore[attr-defined]
        await pilot.press("z", "number_sign", "d")  # type: ignore[attr-defined]
        await _settle(pilot)

    assert snap_compare(ReaderApp(analysis.a, analysis.b, analysis=analysis),
                        terminal_size=(80, 24), run_before=fold)
