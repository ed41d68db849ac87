"""The footer: the most useful keys that fit the width, chosen from the one key table."""

from __future__ import annotations

import pytest
from rich.console import Console

from readerui.tui.app import ReaderApp
from readerui.tui.bindings import all_keys, reader_keys
from readerui.tui.screens.help import help_table
from readerui.tui.widgets.footer import PALETTE_CELLS, ReaderFooter, chosen, item_cells

from .helpers import council_analysis, until
from .multi_helpers import ferry_collation


async def settle(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def footer_keys(app: ReaderApp) -> list[tuple[str, str]]:
    footer = app.query_one(ReaderFooter)
    return [(key.key_display, key.description) for key in footer.query("FooterKey")
            if "-command-palette" not in key.classes]


def test_ranks_keep_the_most_useful_keys_while_they_fit() -> None:
    keys = [(key, key.key_display or key.keys) for key in reader_keys() if key.footer]
    assert len({key.footer for key, _ in keys}) == len(keys)  # one rank each
    everything = sum(item_cells(shown, key.short) for key, shown in keys) + PALETTE_CELLS
    assert chosen(keys, everything) == {key.action for key, _ in keys}
    narrow = chosen(keys, 40)
    by_rank = sorted(keys, key=lambda pair: pair[0].footer)
    assert by_rank[0][0].action in narrow  # help first
    assert by_rank[-1][0].action not in narrow
    used = PALETTE_CELLS + sum(item_cells(shown, key.short) for key, shown in keys
                               if key.action in narrow)
    assert used <= 40


async def test_two_accounts_at_80_columns_show_help_search_difference_and_filter() -> None:
    analysis = council_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = dict(footer_keys(app))
        for key in ("?", "/", "d", "f", "tab"):
            assert key in shown, shown
        assert "a" not in shown and "C" not in shown  # no other accounts to pick
        footer = app.query_one(ReaderFooter)
        assert all(key.region.right <= footer.region.right for key in footer.query("FooterKey"))


@pytest.mark.parametrize(("width", "wanted", "left_out"), [
    (80, ("?", "/", "d", "a", "C", "f"), ("v", "q")),
    (120, ("?", "/", "d", "a", "C", "f", ".", "n", "s"), ()),
])
async def test_several_accounts_put_the_account_keys_in_the_footer(
        width: int, wanted: tuple[str, ...], left_out: tuple[str, ...]) -> None:
    collation = ferry_collation()
    app = ReaderApp(collation.documents[0], collation.documents[1], collation=collation)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        shown = dict(footer_keys(app))
        for key in wanted:
            assert key in shown, shown
        for key in left_out:
            assert key not in shown, shown
        cells = sum(item_cells(key, words) for key, words in shown.items())
        assert cells + PALETTE_CELLS <= width
    console = Console(width=140, record=True, color_system=None)
    console.print(help_table(all_keys(), {}))
    listed = console.export_text()  # help, from the same table, lists those left out
    for key in reader_keys():
        assert key.description[:30] in listed


async def test_moving_focus_keeps_the_footer_and_a_new_screen_key_set_rebuilds_it() -> None:
    analysis = council_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        footer = app.query_one(ReaderFooter)
        await until(pilot, lambda: bool(footer.query("FooterKey")), "the footer's keys")
        before = list(footer.query("FooterKey"))
        await pilot.press("tab")
        await until(pilot, lambda: app.focused is app.pane_b, "pane B focused")
        await pilot.press("tab")
        await until(pilot, lambda: app.focused is app.pane_a, "pane A focused again")
        await settle(pilot)
        after = list(footer.query("FooterKey"))
        assert len(after) == len(before) and all(x is y for x, y in zip(after, before, strict=True))
        await pilot.press("question_mark")  # another screen, then back: the same keys
        await until(pilot, lambda: app.screen is not footer.screen, "help open")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is footer.screen, "back in the reader")
        await pilot.resize_terminal(90, 30)  # a narrower footer offers fewer keys
        await until(pilot, lambda: len(footer.query("FooterKey")) < len(before),
                    "fewer keys at 90 columns")
