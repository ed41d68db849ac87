"""A reading of three accounts in the reader: cycling either side, the account picker, the
header's "also in", the claims view and the summary's matrix, driven by keys (Pilot)."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import OptionList, Static

from readerui.tui.accounts import Accounts, also_in_label
from readerui.tui.app import ReaderApp
from readerui.tui.screens.accounts import AccountPicker
from readerui.tui.screens.claims import ClaimsScreen, claim_pair, claim_text
from readerui.tui.screens.summary import SummaryScreen, summary_renderable
from readerui.tui.widgets.chrome import DocHeader
from readerui.tui.widgets.claims_table import ClaimsTable
from readerui.tui.widgets.status import StatusBar

from .helpers import until
from .multi_helpers import ferry_collation


async def settle(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def header(app: ReaderApp, side: str) -> str:
    return str(app.query_one(f"#header-{side}", DocHeader).render())


def status(app: ReaderApp) -> str:
    return str(app.query_one(StatusBar).render())


def render(renderable: object, width: int = 200) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


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
        assert "also in: none" in header(app, "a")
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
        prompts = [render(options.get_option_at_index(i).prompt) for i in range(3)]
        assert "Marlow Bay Town Council" in prompts[0] and "2026-03-13" in prompts[0]
        assert "◂ left" in prompts[0] and "right ▸" in prompts[1]
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


async def test_the_notes_list_has_every_account_and_enter_brings_one_on_screen() -> None:
    app = ferry_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.session.add_note("b", 5, "on B")
        await pilot.press("full_stop")  # A | C: B's note is off screen
        await settle(pilot)
        app.session.add_note("b", 2, "on C")
        app._refresh_notes()
        await pilot.press("M")
        await settle(pilot)
        listed = app.screen.query_one(OptionList)
        rows = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert [row.split()[:2] for row in rows] == [["B", "6"], ["C", "3"]]  # B's too
        await pilot.press("enter")  # B 6: B comes onto the pane that is not focused
        await settle(pilot)
        assert app.accounts is not None and 1 in app.accounts.shown
        side = app.accounts.side_of(1)
        assert side is not None and app.pane(side).cursor == 5 and app.focused_pane.side == side


# ----- the claims view ---------------------------------------------------------------------------


def claim_rows(app: ReaderApp) -> list[str]:
    table = app.screen.query_one(ClaimsTable)
    return [table.plain(i) for i in range(table.count)]


async def test_the_claims_view_lists_claims_fewest_carriers_first_and_reorders() -> None:
    app = ferry_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, ClaimsScreen)
        head = str(app.screen.query_one("#claims-head", Static).render())
        assert head.startswith("A B C  speaker")
        # the column heads sit inside the box, right above their columns (not over its border)
        box = app.screen.query_one("#claims-box").region
        head_at = app.screen.query_one("#claims-head").content_region
        rows_at = app.screen.query_one(ClaimsTable).content_region
        assert box.y < head_at.y and head_at.bottom == rows_at.y
        assert head_at.x == rows_at.x and rows_at.right <= box.right
        rows = claim_rows(app)
        assert len(rows) == 10
        # carried by one account first: B's islanders, C's evening crossings
        assert rows[0].startswith("· ┃ ·") and "islanders" in rows[0]
        assert rows[1].startswith("· · ┃") and "evening crossings" in rows[1]
        assert "ferry operator" in rows[1]
        # then two accounts (partial before strong), then all three
        assert rows[2].startswith("┃ ╏ ·") or rows[2].startswith("╏ ╏ ·") \
            or rows[2].startswith("· ╏ ╏"), rows[2]
        assert rows[-1].startswith("┃ ┃ ┃") and rows[-2].startswith("┃ ┃ ┃")
        status_line = str(app.screen.query_one("#claims-status", Static).render())
        assert "10 claims: 2 in all 3 · 6 in 2 · 2 in one" in status_line
        await pilot.press("o")  # reading order: A's headline first
        await settle(pilot)
        rows = claim_rows(app)
        assert rows[0].startswith("┃ ┃ ┃") and "Ferry service" in rows[0]
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ClaimsScreen)


async def test_enter_on_a_claim_shows_its_sentences_side_by_side() -> None:
    app = ferry_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        rows = claim_rows(app)
        cafe = next(i for i, row in enumerate(rows) if "fishing boats" in row)
        for _ in range(cafe):
            await pilot.press("down")
        await pilot.press("enter")  # B (on the right) and C carry it; A (on the left) does not
        await settle(pilot)
        assert not isinstance(app.screen, ClaimsScreen)
        assert app.accounts is not None and app.accounts.shown == (2, 1)  # B stays put
        assert app.focused is app.pane_b and app.pane_b.cursor == 5  # B 6
        assert set(app.pane_a.partners) == {3}  # C 4 lit beside it
        assert app.pane_b.is_visible(5) and app.pane_a.is_visible(3)
        # a claim of one account (C's evening crossings, second row): C is on screen already
        await pilot.press("C")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.accounts.shown == (2, 1)
        assert app.focused is app.pane_a and app.pane_a.cursor == 4


async def test_the_sidebar_filter_applies_to_the_claims_view() -> None:
    app = ferry_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.toggle_filter("topic", "tickets")
        await pilot.press("C")
        await settle(pilot)
        rows = claim_rows(app)
        assert len(rows) == 1 and "Tickets bought" in rows[0] and rows[0].startswith("┃ · ┃")
        status_line = str(app.screen.query_one("#claims-status", Static).render())
        assert "topic: tickets" in status_line


def test_claim_pair_keeps_the_shown_accounts_when_it_can() -> None:
    collation = ferry_collation()
    by_text = {claim_text(c, collation.documents)[:20]: c for c in collation.claims}
    inspection = next(c for t, c in by_text.items() if t.startswith("Harbour master"))
    assert claim_pair(inspection, (0, 1)) == ((0, 1), 0, 2)
    assert claim_pair(inspection, (1, 0)) == ((1, 0), 1, 2)
    assert claim_pair(inspection, (2, 1)) == ((0, 1), 1, 2)  # keeps B on the right
    evening = next(c for t, c in by_text.items() if t.startswith("The ferry operator"))
    assert claim_pair(evening, (0, 1)) == ((2, 1), 2, 4)  # beside the right-hand account


# ----- the summary's matrix --------------------------------------------------------------------


async def test_the_summary_shows_every_account_against_every_other() -> None:
    app = ferry_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        text = render(summary_renderable(app.screen.analysis, app.screen.accounts), 120)
        collation = ferry_collation()
        matrix = text.split("Which account carries what")[1].split("Overall")[0]
        row_b = next(line for line in matrix.splitlines() if line.lstrip().startswith("B "))
        # row B, column A: the share of A's sentences that B carries
        share = f"{collation.carried_share(0, 1):.0%}"
        assert row_b.split()[-3] == share and row_b.split()[-2] == "—"
        assert row_b.split()[-1] == f"{collation.carried_share(2, 1):.0%}"


def test_the_palette_offers_the_reader_keys_and_help_lists_the_screens_keys() -> None:
    from readerui.tui.bindings import all_keys, reader_keys

    ids = {key.id for key in reader_keys()}
    assert {"swap_sides", "next_right", "pick_accounts", "claims"} <= ids
    assert not ids & {"pick_right", "pick_left", "open_claim", "sort_claims"}
    assert {"pick_right", "open_claim"} <= {key.id for key in all_keys()}


def test_quotes_name_the_accounts_by_their_letters() -> None:
    from readerui.tui.quote import pair_quote

    collation = ferry_collation()
    quote = pair_quote(collation.pair(2, 0), "a", 5, {"a": "C", "b": "A"})
    first, second = quote.splitlines()
    assert first.startswith("C (Coast Radio, 2026-03-14) 6: “Old tickets")
    assert second.startswith("A (Marlow Bay Town Council, 2026-03-13) 7: “Tickets bought")
    lone = pair_quote(collation.pair(2, 0), "a", 4, {"a": "C", "b": "A"})
    assert lone.splitlines()[1] == "A: (not in this account)"


async def test_claims_rows_are_cut_to_the_width_and_the_cursor_row_is_marked() -> None:
    app = ferry_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        table = app.screen.query_one(ClaimsTable)
        width = table.scrollable_content_region.width
        first = table.render_line(0)
        assert first.cell_length == width
        assert first.text.rstrip().endswith("…")  # the islanders' sentence is longer
        cursor_style = table.get_component_rich_style("claims-table--cursor")
        assert any(seg.style and seg.style.bgcolor == cursor_style.bgcolor
                   for seg in first)
        await pilot.press("j")
        await settle(pilot)
        assert table.cursor == 1
        assert not any(seg.style and seg.style.bgcolor == cursor_style.bgcolor
                       for seg in table.render_line(0) if seg.text.strip())
        await pilot.press("G")
        assert table.cursor == table.count - 1


def test_go_to_takes_the_letters_of_the_accounts_on_screen() -> None:
    from readerui.tui.screens.goto import parse_place

    letters = {"a": "C", "b": "A"}
    sizes = {"a": 6, "b": 7}
    assert parse_place("a7", "a", sizes, letters) == ("b", 6)  # A is on the right
    assert parse_place("C2", "b", sizes, letters) == ("a", 1)
    assert parse_place("3", "b", sizes, letters) == ("b", 2)
    assert "B is not on screen" in str(parse_place("B2", "a", sizes, letters))
    assert parse_place("C9", "a", sizes, letters) == "C has sentences 1 to 6."
    assert parse_place("B7", "a", sizes) == ("b", 6)  # two accounts: A and B as before


async def test_the_claims_view_works_for_two_accounts_too() -> None:
    from .helpers import council_analysis

    analysis = council_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, ClaimsScreen)
        rows = claim_rows(app)
        head = str(app.screen.query_one("#claims-head", Static).render())
        assert head.startswith("A B  speaker")
        one_sided = len(analysis.alignment.only_in("a")) + len(analysis.alignment.only_in("b"))
        assert len(rows) == len(analysis.alignment.links) + one_sided
        assert all(row.startswith(("┃ ·", "· ┃")) for row in rows[:one_sided])
        await pilot.press("end", "enter")  # a linked pair: the panes stay A | B
        await settle(pilot)
        assert app.accounts is not None and app.accounts.shown == (0, 1)
        assert app.pane_a.partners or app.pane_b.partners


async def test_the_accounts_shown_and_the_cursor_are_back_next_time() -> None:
    from readerui.lifecycle import Reading

    collation = ferry_collation()
    reading = Reading.of_documents(collation.documents)
    app = ReaderApp(collation.documents[0], collation.documents[1], collation=collation,
                    reading=reading)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("full_stop", "w")  # C | A
        await settle(pilot)
        await pilot.press("tab", "down", "down")  # C 3 on the left
        await settle(pilot)
        assert app.accounts is not None and app.accounts.shown == (2, 0)
        assert app.focused is app.pane_a and app.pane_a.cursor == 2
        await pilot.press("q")
    assert reading.state.shown == (2, 0) and reading.state.cursor_side == "c"
    again = ReaderApp(collation.documents[0], collation.documents[1], collation=collation,
                      reading=Reading.of_documents(collation.documents))
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.accounts is not None and again.accounts.shown == (2, 0)
        assert header(again, "a").lstrip().startswith("C")
        assert again.pane_a.cursor == 2 and again.focused is again.pane_a


async def test_a_long_title_gives_way_to_also_in_and_the_share_at_80_columns() -> None:
    from dataclasses import replace

    from readerui.collation import assemble
    from readerui.model import Metadata

    from .multi_helpers import ferry_documents, ferry_pairs

    long_title = "Ferry service to Gull Island resumes on Monday after six weeks of repairs " \
                 "to the landing stage damaged in the February storm"
    first, *rest = ferry_documents()
    documents = (replace(first, meta=Metadata(title=long_title, source="Council")), *rest)
    collation = assemble(documents, ferry_pairs(documents))
    app = ReaderApp(documents[0], documents[1], collation=collation)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # A 2: carried by C too
        await settle(pilot)
        line = header(app, "a")
        assert len(line) <= 80, line  # fits: nothing left for the terminal to cut
        assert "also in: C ┃" in line and "% in B" in line and "sentences" in line
        assert "Ferry service to" in line and "…" in line  # the title is what gives way
    wide = ReaderApp(documents[0], documents[1], collation=collation)
    async with wide.run_test(size=(200, 45)) as pilot:
        await settle(pilot)
        assert long_title in str(wide.query_one("#header-a", DocHeader).render())


async def test_the_picker_shows_dates_completed_and_file_names_when_no_source() -> None:
    from dataclasses import replace

    from readerui.collation import assemble, prepare
    from readerui.model import Metadata
    from readerui.settings import Settings

    from .multi_helpers import ferry_documents, ferry_pairs

    documents = list(ferry_documents())
    documents[2] = replace(documents[2], meta=Metadata(date="--03-14"))  # no year, no source
    documents = tuple(documents)
    _, dates = prepare(documents, Settings())
    pairs = {key: replace(analysis, dates=(dates[key[0]], dates[key[1]]))
             for key, analysis in ferry_pairs(documents).items()}
    collation = assemble(documents, pairs)
    app = ReaderApp(documents[0], documents[1], collation=collation)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AccountPicker), "the picker open")
        options = app.screen.query_one(OptionList)
        third = render(options.get_option_at_index(2).prompt)
        assert "2026-03-14" in third and "year?" not in third  # as the analysis reads it
        assert "ferry_radio.txt" in third  # which file it is, when the text names no source


async def test_the_claims_view_sorts_once_per_reading_and_a_filter_keeps_the_order(
        monkeypatch: object) -> None:
    from readerui.tui.screens import claims as claims_module

    sorts: list[str] = []
    real = claims_module.ordered_claims

    def counted(claims: object, order: str) -> object:
        sorts.append(order)
        return real(claims, order)  # type: ignore[arg-type]

    monkeypatch.setattr(claims_module, "ordered_claims", counted)  # type: ignore[attr-defined]
    app = ferry_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, ClaimsScreen) and claim_rows(app),
                    "the claims view open")
        first = claim_rows(app)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ClaimsScreen), "back")
        await pilot.press("f", "space", "escape", "C")  # the first speaker chosen
        await until(pilot, lambda: isinstance(app.screen, ClaimsScreen), "open again")
        await until(pilot, lambda: 0 < len(claim_rows(app)) < len(first), "filtered rows")
        kept = claim_rows(app)
        assert [first.index(row) for row in kept] == sorted(first.index(row) for row in kept)
        assert sorts == ["fewest"]  # the second opening, filtered, did not sort again
        await pilot.press("o")
        await until(pilot, lambda: sorts == ["fewest", "reading"], "reading order sorted")


async def test_the_claims_view_shows_the_highlighted_claim_whole_under_the_table() -> None:
    app = ferry_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await until(pilot, lambda: isinstance(app.screen, ClaimsScreen) and claim_rows(app),
                    "the claims view open")
        screen = app.screen
        assert isinstance(screen, ClaimsScreen)
        detail = screen.query_one("#claims-detail", Static)
        table = screen.query_one(ClaimsTable)
        for index in range(3):
            whole = claim_text(screen.rows[index], screen.documents)
            await until(pilot, lambda whole=whole: whole in " ".join(str(detail.render()).split()),
                        f"claim {index + 1} whole under the table")
            await pilot.press("j")
        cut = [y for y in range(table.size.height) if table.render_line(y).text.rstrip()
               .endswith("…")]
        assert cut  # at 80 columns the rows cut the claims the detail line shows whole
