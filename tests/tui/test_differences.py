"""Next/previous difference, the differences-only view and where jumps land."""

from __future__ import annotations

import pytest

from readerui.ingest.segment import from_lines
from readerui.model import Alignment, Analysis, Annotations, Link
from readerui.tui.app import ReaderApp
from readerui.tui.differences import Differences
from readerui.tui.layout import FOLD, build_layout
from readerui.tui.widgets.pane import BOTTOM_MARGIN, CONTEXT_ROWS, AccountPane
from readerui.tui.widgets.status import StatusBar

from .helpers import big_analysis, until

SAME = ["The council met on Monday to discuss the tram.", "Mayor Elena Ruiz opened the session.",
        "Residents asked about the harbour project.", "The union threatened a strike in spring.",
        "Drivers want higher pay.", "The vote was close."]
A_LINES = [SAME[0], SAME[1], "The budget was approved after a long debate.", SAME[2],
           "Only one report says the weather was cold.", SAME[3], SAME[4], SAME[5],
           "Ridership rose sharply last year."]
B_LINES = [SAME[0], SAME[1], "The budget was approved after a short debate.", SAME[2],
           SAME[3], SAME[4], SAME[5], "Another account mentions police at the door.",
           "Ridership figures rose."]
LINKS = [((0,), (0,), "strong"), ((1,), (1,), "strong"), ((2,), (2,), "strong"),
         ((3,), (3,), "strong"), ((5,), (4,), "strong"), ((6,), (5,), "strong"),
         ((7,), (6,), "strong"), ((8,), (8,), "partial")]


def alike_analysis() -> Analysis:
    """Alike stretches, a strong pair whose words differ, one-sided sentences, a partial."""
    a = from_lines("\n".join(A_LINES) + "\n", "alike_a.txt")
    b = from_lines("\n".join(B_LINES) + "\n", "alike_b.txt")
    links = tuple(Link(ia, ib, 0.9, kind) for ia, ib, kind in LINKS)  # type: ignore[arg-type]
    return Analysis(a, b, Alignment(links, len(a), len(b)), Annotations.empty(len(a), len(b)))


def status(app: ReaderApp) -> str:
    return str(app.query_one(StatusBar).render())


def test_differences_are_one_sided_partial_or_words_differing() -> None:
    differences = Differences(alike_analysis(), "en")
    assert differences.step("a", 0, 1) == 2  # lazy, before counting
    assert differences.all("a") is None and differences.place("a", 2) is None
    differences.complete()
    assert differences.all("a") == (2, 4, 8)
    assert differences.all("b") == (2, 7, 8)
    assert differences.place("a", 4) == (2, 3)
    assert differences.place("a", 3) == (0, 3)
    assert differences.step("a", 2, 1) == 4 and differences.step("a", 4, -1) == 2
    assert differences.step("a", 8, 1) is None and differences.step("a", 2, -1) is None
    assert differences.alike_runs("a") == ((0, 1), (5, 7))
    assert differences.alike_runs("b") == ((0, 1), (3, 6))


def test_a_fold_is_one_row_that_every_folded_sentence_maps_to() -> None:
    analysis = alike_analysis()
    layout = build_layout(analysis.a, 20, folds=((0, 1), (5, 7)))
    assert layout.rows[0] == (FOLD, 0, 1)
    assert layout.rows_of(0) == layout.rows_of(1) == range(0, 1)
    assert layout.sentence_at(0) == 0 and layout.fold_at(0) == (0, 1)
    assert layout.next_sentence(0, 1) == 2
    fold = layout.first_row[5]
    assert layout.rows[fold] == (FOLD, 5, 7)
    assert layout.next_sentence(4, 1) == 5 and layout.next_sentence(5, 1) == 8
    assert layout.next_sentence(8, -1) == 5
    unfolded = build_layout(analysis.a, 20)
    assert layout.height < unfolded.height


def _text(pane: AccountPane) -> str:
    return "\n".join("".join(s.text for s in pane.render_line(y)) for y in range(pane.size.height))


async def test_d_steps_through_every_difference_and_the_status_counts_them() -> None:
    analysis = alike_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await until(pilot, lambda: "diff –/3" in status(app), "the status counts 3 differences")
        for step, expected in enumerate([2, 4, 8], start=1):
            await pilot.press("d")
            await until(pilot, lambda e=expected, s=step: app.pane_a.cursor == e
                        and f"diff {s}/3" in status(app), f"d step {step} on sentence {expected}")
        await pilot.press("D")
        await until(pilot, lambda: app.pane_a.cursor == 4 and "diff 2/3" in status(app), "D")
        await pilot.press("tab", "g", "d", "d")
        await until(pilot, lambda: app.pane_b.cursor == 7 and "diff 2/3" in status(app),
                    "d from the top of pane B")


async def test_differences_only_folds_alike_stretches_into_one_dim_line() -> None:
    analysis = alike_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "alike" not in _text(app.pane_a)
        await pilot.press("z")
        await pilot.pause()
        shown = _text(app.pane_a)
        assert "… 2 sentences alike …" in shown and "… 3 sentences alike …" in shown
        assert SAME[3] not in shown and "long debate" in shown
        assert "… 4 sentences alike …" in _text(app.pane_b)
        assert "folded" in status(app)
        await pilot.press("g", "j")  # from the first fold a step lands on the next difference
        assert app.pane_a.cursor == 2
        await pilot.press("j", "j", "j")  # 3 -> 4 (one-sided) -> the fold of 5..7
        assert app.pane_a.cursor == 5
        await pilot.press("j")
        assert app.pane_a.cursor == 8
        await pilot.press("z")
        await pilot.pause()
        assert "alike" not in _text(app.pane_a) and SAME[3] in _text(app.pane_a)


def _well_in_view(pane: AccountPane, sid: int, tall: int = 0) -> bool:
    rows = pane.wrapped.rows_of(sid)
    top, height = pane.top_row, pane.view_height
    context = rows.start - top >= CONTEXT_ROWS or top == 0
    return context and rows.start + max(len(rows), tall) <= top + height - BOTTOM_MARGIN


def _fully_in_view(pane: AccountPane, sid: int) -> bool:
    rows = pane.wrapped.rows_of(sid)
    return rows.start >= pane.top_row and rows.stop <= pane.top_row + pane.view_height


@pytest.mark.parametrize("key", ["d", "n", "D"])
async def test_jumps_land_with_context_and_the_partner_fully_in_view(key: str) -> None:
    analysis = big_analysis(600)
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if key == "D":
            await pilot.press("G")
        for _ in range(25):
            await pilot.press(key)
            pane, other = app.pane_a, app.pane_b
            assert _well_in_view(pane, pane.cursor), (key, pane.cursor, pane.top_row)
            partner = analysis.alignment.best_partner("a", pane.cursor)
            if partner is not None:
                assert _fully_in_view(other, partner)


async def test_go_to_far_away_lands_in_view_and_page_keys_keep_the_cursor_start_visible() -> None:
    analysis = big_analysis(600)
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app._go_to(("b", 400))
        await pilot.pause()
        assert app.pane_b.cursor == 400 and _well_in_view(app.pane_b, 400)
        assert _fully_in_view(app.pane_a, 400)
        for key in ["pagedown"] * 6 + ["pageup"] * 9:
            await pilot.press(key)
            pane = app.pane_b
            first = pane.wrapped.first_row[pane.cursor]
            assert pane.top_row <= first < pane.top_row + pane.view_height, (key, pane.cursor)


def test_go_to_reads_a_side_and_a_number_or_says_why_not() -> None:
    from readerui.tui.screens.goto import parse_place

    sizes = {"a": 9, "b": 5}
    assert parse_place("A3", "b", sizes) == ("a", 2)
    assert parse_place(" b 5 ", "a", sizes) == ("b", 4)
    assert parse_place("4", "b", sizes) == ("b", 3)
    assert parse_place("B6", "a", sizes) == "B has sentences 1 to 5."
    assert "number" in str(parse_place("x", "a", sizes))
    assert isinstance(parse_place("0", "a", sizes), str)


async def test_numbers_stay_on_through_page_down_and_up() -> None:
    """Paging used to switch the numbers off (without re-wrapping for the wider text)."""
    analysis = big_analysis(600)
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("number_sign")
        await pilot.pause()
        width = app.pane_a.text_width
        await pilot.press("pagedown", "pagedown", "pageup")
        await pilot.pause()
        assert app.pane_a.numbers and app.pane_b.numbers
        assert app.pane_a.text_width == width
        row = app.pane_a.wrapped.first_row[app.pane_a.cursor] - app.pane_a.top_row
        number = f"{app.pane_a.cursor + 1} "
        assert "".join(s.text for s in app.pane_a.render_line(row)).lstrip().startswith(number)


async def test_numbers_show_in_both_panes_and_go_to_lands_there() -> None:
    analysis = big_analysis(600)
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        width = app.pane_a.text_width
        await pilot.press("number_sign")
        await pilot.pause()
        assert app.pane_a.text_width == width - 4  # "600 " before every sentence
        first_row = "".join(s.text for s in app.pane_a.render_line(0))
        assert first_row.startswith("  1 ")
        await pilot.press("colon", *"B450", "enter")
        await pilot.pause()
        assert app.focused is app.pane_b and app.pane_b.cursor == 449
        assert _well_in_view(app.pane_b, 449)
        row = app.pane_b.wrapped.first_row[449] - app.pane_b.top_row
        assert "".join(s.text for s in app.pane_b.render_line(row)).startswith("450 ")
        await pilot.press("colon", *"A900", "enter")
        await pilot.pause()
        assert "A has sentences 1 to 600" in str(app.screen.query_one("#goto-explain").render())
        await pilot.press("escape")
        assert app.pane_b.cursor == 449
