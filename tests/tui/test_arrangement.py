"""The accounts side by side or stacked: chosen by width, flipped by a key; sync, partners,
word differences and jumps in the stacked layout; the sidebar never covers the text."""

from __future__ import annotations

import pytest
from rich.console import Console

from readerui.ingest.segment import from_lines
from readerui.model import Alignment, Analysis, Annotations, Link
from readerui.tui import arrangement
from readerui.tui.app import ReaderApp
from readerui.tui.bindings import all_keys
from readerui.tui.screens.help import help_table
from readerui.tui.widgets.sidebar import Sidebar

from .helpers import big_analysis, council_analysis


async def settle(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def council_app() -> ReaderApp:
    analysis = council_analysis()
    return ReaderApp(analysis.a, analysis.b, analysis=analysis)


@pytest.mark.parametrize(("width", "sidebar", "expected"), [
    (80, False, "stacked"), (81, False, "stacked"), (82, False, "side"), (200, False, "side"),
    (120, True, "side"), (119, True, "stacked"), (80, True, "stacked")])
def test_the_width_left_for_the_text_chooses(width: int, sidebar: bool, expected: str) -> None:
    assert arrangement.choose(width, sidebar) == expected
    forced = arrangement.flipped(expected)  # type: ignore[arg-type]
    assert arrangement.choose(width, sidebar, forced) == forced


def test_the_sidebar_shows_at_start_only_where_the_accounts_still_sit_side_by_side() -> None:
    assert not arrangement.sidebar_by_default(119)
    assert arrangement.sidebar_by_default(arrangement.SIDEBAR_MIN_WIDTH)
    assert arrangement.choose(arrangement.SIDEBAR_MIN_WIDTH, True) == "side"


async def test_80x24_stacks_a_above_b_at_the_full_width() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.arrangement == "stacked"
        a, b = app.pane_a.region, app.pane_b.region
        assert b.y >= a.bottom  # B below A, not beside it
        assert a.x == b.x and a.width == b.width and a.width >= 70
        assert a.height >= 8 and b.height >= 8
        assert not app.query_one("#gutter").display or app.query_one("#gutter").region.area == 0
        header_a = app.query_one("#header-a")
        assert header_a.size.height == 1  # one-line headers: rows are scarce
        assert "sentences" in str(header_a.render())  # the details still shown


async def test_stacked_panes_keep_partners_level_lit_and_word_diffs_marked() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        alignment = app.analysis.alignment
        await pilot.press("j", "j")  # A3: the mayor's sentence, strongly linked in B
        await settle(pilot)
        cursor = app.pane_a.cursor
        partner = alignment.best_partner("a", cursor)
        assert partner is not None
        assert partner in app.pane_b.partners  # lit in the pane below
        assert app.pane_b.is_visible(partner)
        assert app.pane_b.screen_row_of(partner) == app.pane_a.screen_row_of(cursor)  # level
        assert app.pane_a.diff.get(cursor) and app.pane_b.diff.get(partner)  # words differ


async def test_next_difference_in_the_stacked_layout_lands_with_its_partner_in_view() -> None:
    analysis = big_analysis(300)
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(60):
            if app.differences is not None and app.differences.all("a") is not None:
                break
            await pilot.pause(0.05)
        for _ in range(5):
            await pilot.press("d")
            await settle(pilot)
            pane = app.pane_a
            assert pane.is_visible(pane.cursor)
            partner = analysis.alignment.best_partner("a", pane.cursor)
            if partner is not None:
                assert app.pane_b.is_visible(partner)
        assert app.pane_a.cursor > 0


async def test_l_flips_the_arrangement_and_help_lists_it() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert app.arrangement == "side"
        assert app.pane_b.region.x > app.pane_a.region.right - 1  # B beside A
        assert app.query_one("#gutter").region.width == 3
        await pilot.resize_terminal(78, 24)  # the user's choice outlives a resize
        await settle(pilot)
        assert app.arrangement == "side"
        await pilot.press("L")
        await settle(pilot)
        assert app.arrangement == "stacked"
    wide = council_app()
    async with wide.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert wide.arrangement == "side"
        await pilot.press("L")
        await settle(pilot)
        assert wide.arrangement == "stacked"
    console = Console(width=120, record=True, color_system=None)
    console.print(help_table(all_keys(), {}))
    assert "one above the other" in console.export_text()


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_sidebar_takes_columns_and_never_covers_the_text(size: tuple[int, int]) -> None:
    app = council_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        sidebar = app.query_one(Sidebar)
        assert not sidebar.display  # narrow: hidden at start
        await pilot.press("f")
        await settle(pilot)
        assert sidebar.display
        for pane in (app.pane_a, app.pane_b):
            assert pane.region.x >= sidebar.region.right  # beside the sidebar, not under it
            assert pane.region.width >= 30
        assert app.arrangement == "stacked"  # too narrow left to sit side by side
        cursor = app.pane_a.cursor  # the narrower panes re-wrapped and stay level by the cursor
        partner = app.analysis.alignment.best_partner("a", cursor)
        assert partner is not None
        assert app.pane_b.screen_row_of(partner) == app.pane_a.screen_row_of(cursor)
        await pilot.press("space")  # choose a speaker: the filtered text stays in view
        await settle(pilot)
        assert app.filter.active
        assert app.pane_a.kept and app.pane_a.is_visible(app.pane_a.cursor)
        await pilot.press("escape")
        await settle(pilot)
        assert not sidebar.display
        assert app.pane_a.region.x == 0 or app.pane_a.region.x <= 2  # the columns given back
        assert app.focused is app.pane_a


async def test_the_overview_bar_follows_the_view_and_is_not_redrawn_for_a_cursor_step() -> None:
    analysis = big_analysis(2000)
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        overview = app.query_one("#overview-a")

        def bar_rows() -> list[int]:
            return [y for y in range(overview.size.height)
                    if "▐" in "".join(s.text for s in overview.render_line(y))]

        before = bar_rows()
        assert before
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown")
        await settle(pilot)
        assert app.pane_a.top_row > 0
        after = bar_rows()
        assert after and after != before  # the bar moved down the map
        drawn: list[object] = []
        render = overview.render_line  # called only for rows marked for repaint
        overview.render_line = lambda y: drawn.append(y) or render(y)  # type: ignore[method-assign]
        app.pane_a.move_cursor(app.pane_a.top_sentence() + 3)  # a step within the view
        await settle(pilot)
        assert app.pane_a.cursor > 0 and not drawn  # the map shows the same: not redrawn
        await pilot.press("pagedown")
        await settle(pilot)
        assert drawn  # the view moved: redrawn


def _long_pair(n: int) -> Analysis:
    """Two documents of long sentences (three to five rows at 80 columns), each A sentence
    linked to the B sentence of the same number; B's run a row longer, so levelling by row
    alone would leave a partner on the pane's last rows."""
    words = ["harbour", "council", "ferry", "island", "storm", "landing", "repairs",
             "inspection", "crossing"]

    def text(side: str, extra: int) -> str:
        return "\n".join(f"{side} {i}: " + " ".join(words[(i + k) % len(words)]
                                                    for k in range(30 + 8 * (i % 3) + extra))
                         + "." for i in range(n)) + "\n"

    a = from_lines(text("Alpha", 0), "a.txt")
    b = from_lines(text("Beta", 10), "b.txt")
    links = tuple(Link((i,), (i,), 0.9, "strong") for i in range(n))
    return Analysis(a, b, Alignment(links, n, n), Annotations.empty(n, n))


async def test_stacked_partner_shows_whole_wherever_the_cursor_is() -> None:
    analysis = _long_pair(14)
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.arrangement == "stacked"
        checked = 0
        for _ in range(12):
            await pilot.press("j")
            await settle(pilot)
            pane_b, cursor = app.pane_b, app.pane_a.cursor
            assert app.pane_a.is_visible(cursor)
            rows = pane_b.wrapped.rows_of(cursor)  # its partner has the same number
            top = pane_b.top_row
            assert rows.start >= top and rows.stop <= top + pane_b.view_height, \
                f"partner of A{cursor + 1} cut: rows {rows} view {top}+{pane_b.view_height}"
            checked += 1
        assert checked == 12 and app.pane_a.cursor == 12
