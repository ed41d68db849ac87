"""The places facet in the reader, the same way as speakers and topics: its sidebar list, the
palette's filter commands, the filter itself, and the saved filter on reopening."""

from __future__ import annotations

from textual.widgets import SelectionList

from readerui.facets import facets
from readerui.ingest.segment import from_lines
from readerui.model import Alignment, Analysis, Link
from readerui.tui.app import ReaderApp
from readerui.tui.widgets.sidebar import ChoiceList
from readerui.tui.widgets.status import StatusBar

from .helpers import annotations_for

A_TEXT = """Ministers of Norway and Chile met in Geneva on Monday.
Norway offered to pay for the first stage.
Kenya sent no one to the talks.
The talks go on next month."""
B_TEXT = """Norwegian and Chilean ministers held talks on Monday.
Norway promised money for the first stage.
Chile's minister said the talks went well."""


def places_analysis() -> Analysis:
    """A pair whose only facet values are the places it names (no speakers, no topics)."""
    a, b = from_lines(A_TEXT, "a.txt"), from_lines(B_TEXT, "b.txt")
    links = (Link((0,), (0,), 0.8, "strong"), Link((1,), (1,), 0.8, "strong"))
    return Analysis(a, b, Alignment(links, len(a), len(b)),
                    annotations_for(len(a), len(b), {}, {}))


def places_app() -> ReaderApp:
    analysis = places_analysis()
    return ReaderApp(analysis.a, analysis.b, analysis=analysis)


async def settle(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def status(app: ReaderApp) -> str:
    return str(app.query_one(StatusBar).render())


def test_the_pair_names_its_places_in_the_facets_ordering() -> None:
    places = next(f for f in facets(places_analysis()) if f.name == "places")
    assert [(v.name, v.a, v.b) for v in places.values] == [
        ("Norway", (0, 1), (1,)), ("Chile", (0,), (2,)), ("Geneva", (0,), ()), ("Kenya", (2,), ())]


async def test_the_sidebar_lists_places_and_choosing_one_filters_both_panes() -> None:
    app = places_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f")  # no speakers or topics here: the places list takes the focus
        places = app.query_one("#places", ChoiceList)
        assert app.focused is places and places.option_count == 4
        await pilot.press("space")  # the first row: Norway, the most mentioned
        await pilot.pause()
        assert app.filter.get("places") == {"Norway"}
        assert app.pane_a.kept == {0, 1} and app.pane_b.kept == {1}
        assert "place Norway" in status(app)


async def test_the_palette_filters_by_place_and_the_filter_comes_back_on_reopening() -> None:
    app = places_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"place: Chile")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.filter.get("places") == {"Chile"}
        assert app.pane_a.kept == {0} and app.pane_b.kept == {2}
        assert ("places", "Chile") in app.query_one("#places", SelectionList).selected
        await pilot.press("q")
    again = places_app()
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert again.filter.get("places") == {"Chile"}
        assert again.pane_a.kept == {0} and again.pane_b.kept == {2}
        assert ("places", "Chile") in again.query_one("#places", SelectionList).selected
        assert "filter (restored): place Chile" in status(again)
