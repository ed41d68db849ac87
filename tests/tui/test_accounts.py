"""A reading of three accounts in the reader: cycling either side, the account picker, the
header's "also in", the claims view and the summary's matrix, driven by keys (Pilot)."""

from __future__ import annotations

from textual.widgets import OptionList

from readerui.tui.accounts import Accounts, also_in_label
from readerui.tui.app import ReaderApp
from readerui.tui.screens.accounts import AccountPicker
from readerui.tui.widgets.chrome import DocHeader
from readerui.tui.widgets.status import StatusBar

from .multi_helpers import ferry_collation


async def settle(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def header(app: ReaderApp, side: str) -> str:
    return str(app.query_one(f"#header-{side}", DocHeader).render())


def status(app: ReaderApp) -> str:
    return str(app.query_one(StatusBar).render())


def ferry_app() -> ReaderApp:
    collation = ferry_collation()
    return ReaderApp(collation.documents[0], collation.documents[1], collation=collation)


# ----- pure logic ------------------------------------------------------------------------------


def test_cycling_skips_the_account_on_the_other_side_and_wraps() -> None:
    accounts = Accounts(ferry_collation())
    assert accounts.cycled("b", 1) == (0, 2)
    accounts.shown = (0, 2)
    assert accounts.cycled("b", 1) == (0, 1)  # wraps past A, which is on the left
    assert accounts.cycled("a", 1) == (1, 2)
    assert accounts.cycled("a", -1) == (1, 2)  # C is on the right: skipped
    assert accounts.with_account("b", 0) == (2, 0)  # the left's account: the sides swap
    assert accounts.with_account("a", 1) == (1, 2)


def test_also_in_names_the_other_accounts_with_their_marks() -> None:
    accounts = Accounts(ferry_collation())
    assert also_in_label(accounts.also_in("a", 1)) == "also in: C ┃"  # the lead: all three
    assert accounts.also_in("a", 2) == {}  # the inspection: A and B only
    accounts.shown = (0, 2)
    assert also_in_label(accounts.also_in("b", 3)) == "also in: B ╏"  # the cafe owner
    assert also_in_label({3: "partial", 2: "strong"}) == "also in: C ┃ D ╏"


# ----- the reader ------------------------------------------------------------------------------


async def test_the_reader_opens_on_the_first_two_accounts_and_says_what_else_carries() -> None:
    app = ferry_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert header(app, "a").lstrip().startswith("A") and \
            header(app, "b").lstrip().startswith("B")
        await pilot.press("down")  # A 2: the lead, carried by C too
        await settle(pilot)
        assert "also in: C ┃" in header(app, "a")
        await pilot.press("down")  # A 3: the inspection, in B only
        await settle(pilot)
        assert "in no other account" in header(app, "a")
        assert "also in" not in header(app, "b")


async def test_period_and_comma_cycle_the_right_and_left_accounts() -> None:
    app = ferry_app()
    collation = ferry_collation()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "down", "down", "down")  # A 6: every ninety minutes
        await settle(pilot)
        assert app.pane_a.cursor == 5 and not app.pane_b.partners  # B lacks it
        await pilot.press("full_stop")  # C on the right
        await settle(pilot)
        assert app.accounts is not None and app.accounts.shown == (0, 2)
        assert app.pane_b.document.sentences[0].text == collation.documents[2].sentences[0].text
        assert header(app, "b").lstrip().startswith("C")
        assert app.pane_a.cursor == 5 and set(app.pane_b.partners) == {2}  # C 3 is lit
        assert status(app).startswith("A 6/7 │ C 3/6")
        assert "also in: B" not in header(app, "a")
        await pilot.press("comma")  # the left: A -> B (C stays on the right)
        await settle(pilot)
        assert app.accounts.shown == (1, 2)
        assert header(app, "a").lstrip().startswith("B")
        # B is new on the left: its cursor comes level with C 3's partner (none in B), so it
        # stays where the left cursor was
        assert app.focused is app.pane_a and app.pane_a.cursor == 5
        await pilot.press("down")  # B 7: the mayor's thanks, in A, not in C
        await settle(pilot)
        assert "also in: A ┃" in header(app, "a")
        await pilot.press("greater_than_sign")  # previous on the right: C -> A
        await settle(pilot)
        assert app.accounts.shown == (1, 0)
        assert header(app, "b").lstrip().startswith("A")
        assert app.focused is app.pane_a and app.pane_a.cursor == 6
        assert set(app.pane_b.partners) == {4}  # A 5, the mayor, is lit


async def test_the_picker_lists_every_account_and_chooses_with_keys() -> None:
    app = ferry_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AccountPicker)
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(3)]
        assert "Marlow Bay Town Council" in prompts[0] and "2026-03-13" in prompts[0]
        assert "on the left" in prompts[0] and "on the right" in prompts[1]
        assert "Coast Radio" in prompts[2] and "6 sentences" in prompts[2]
        assert options.highlighted == 0  # the focused pane's account
        await pilot.press("down", "down", "enter")  # C on the right
        await settle(pilot)
        assert not isinstance(app.screen, AccountPicker)
        assert app.accounts is not None and app.accounts.shown == (0, 2)
        await pilot.press("a", "down", "l")  # B on the left
        await settle(pilot)
        assert app.accounts.shown == (1, 2)
        assert header(app, "a").lstrip().startswith("B")
        await pilot.press("a", "escape")
        await settle(pilot)
        assert app.accounts.shown == (1, 2)
        await pilot.press("a")  # the focused pane (left) shows B: B is highlighted
        await settle(pilot)
        assert app.screen.query_one(OptionList).highlighted == 1
        await pilot.press("down", "l")  # C on the left: it was on the right
        await settle(pilot)
        assert app.accounts.shown == (2, 1)


async def test_the_filter_and_notes_follow_a_change_of_accounts() -> None:
    app = ferry_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.toggle_filter("speaker", "Marta Lind")
        await settle(pilot)
        assert app.pane_b.kept == frozenset({5})
        app.session.add_note("b", 5, "the cafe")
        app._refresh_notes()
        await pilot.press("full_stop")  # A | C: B's note is off screen, C 4 is kept
        await settle(pilot)
        assert app.pane_b.kept == frozenset({3}) and not app.pane_b.noted
        await pilot.press("comma")  # B | C
        await settle(pilot)
        assert app.pane_a.kept == frozenset({5}) and app.pane_a.noted == frozenset({5})
        assert "Marta Lind" in status(app)
