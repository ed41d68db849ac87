"""Sentences maybe in one account only (a close candidate, no link): marked ▫ not ▪, named in
the status bar with their candidate, reached with Tab, counted apart in the summary."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Console
from textual.widgets import OptionList

from readerui.model import Alignment, Analysis, Near
from readerui.tui.app import ReaderApp
from readerui.tui.bindings import all_keys
from readerui.tui.screens.help import help_table
from readerui.tui.screens.summary import SummaryScreen, coverage_table
from readerui.tui.widgets.status import StatusBar

from .helpers import council_analysis, until


def maybe_analysis() -> tuple[Analysis, int, int, int]:
    """The council pair where A's first one-sided sentence has a close candidate in B (B's
    last sentence) and A's second one-sided sentence has none: (analysis, maybe id, its
    candidate, confident id)."""
    analysis = council_analysis()
    alignment = analysis.alignment
    only = alignment.only_in("a")
    maybe, confident = only[0], only[1]
    candidate = alignment.n_b - 1
    near = Alignment(alignment.links, alignment.n_a, alignment.n_b,
                     near=(Near("a", maybe, candidate, 0.2),))
    return replace(analysis, alignment=near), maybe, candidate, confident


def status(app: ReaderApp) -> str:
    return str(app.query_one(StatusBar).render())


def marker(app: ReaderApp, sid: int) -> str:
    pane = app.pane_a
    row = pane.wrapped.first_row[sid] - pane.top_row
    return pane.render_line(row)[0].text


async def test_maybe_is_marked_apart_from_confident_one_sided() -> None:
    analysis, maybe, _, confident = maybe_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: app.pane_a.kind_of(maybe) != "none", "marks")
        assert app.pane_a.kind_of(maybe) == "maybe"
        assert app.pane_a.kind_of(confident) == "only"
        assert marker(app, maybe) == "▫"
        assert marker(app, confident) == "▪"


async def test_status_names_the_candidate_and_tab_goes_to_it() -> None:
    analysis, maybe, candidate, confident = maybe_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: app.pane_a.kind_of(maybe) != "none", "marks")
        await pilot.press("n")  # the first one-sided sentence of A: the maybe one
        want = f"only in A? closest in B: {candidate + 1} (weak match, Tab)"
        await until(pilot, lambda: want in status(app), f"status says {want!r}")
        await pilot.press("n")  # the confident one: no question
        await until(pilot, lambda: app.pane_a.cursor == confident, "next one-sided")
        await until(pilot, lambda: "only in A?" not in status(app), "status without maybe")
        await pilot.press("N", "tab")
        await until(pilot, lambda: app.focused is app.pane_b, "B focused")
        assert app.pane_b.cursor == candidate


async def test_status_short_form_at_80_columns() -> None:
    analysis, maybe, candidate, _ = maybe_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.pane_a.kind_of(maybe) != "none", "marks")
        await pilot.press("n")
        await until(pilot, lambda: f"A only? B{candidate + 1}" in status(app)
                    or f"closest in B: {candidate + 1}" in status(app), "status at 80x24")


async def test_summary_counts_the_uncertain_ones() -> None:
    analysis, maybe, candidate, confident = maybe_analysis()
    app = ReaderApp(analysis.a, analysis.b, analysis=analysis)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.pane_a.kind_of(maybe) != "none", "marks")
        await pilot.press("v")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen), "summary")
        shown = app.screen.query_one("#summary-alone", OptionList)
        prompts = [shown.get_option_at_index(k) for k in range(shown.option_count)]
        assert "(1 uncertain ▫" in str(prompts[0].prompt)

        def text(renderable: object) -> str:
            console = Console(width=100, record=True)
            console.print(renderable)
            return console.export_text()

        assert "(1 ▫)" in text(coverage_table(analysis))
        mine = [text(option.prompt) for option in prompts if option.id == f"a:{maybe}"]
        assert mine and "▫" in mine[0] and f"closest in B: {candidate + 1}" in " ".join(
            mine[0].split())
        other = [text(option.prompt) for option in prompts if option.id == f"a:{confident}"]
        assert other and "▫" not in other[0] and "closest" not in other[0]

def test_help_explains_the_hollow_mark() -> None:
    console = Console(width=120, record=True)
    console.print(help_table(all_keys(), {}))
    text = " ".join(console.export_text().split())
    assert "▫ maybe only this account" in text
