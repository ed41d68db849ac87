"""Pilot tests of the reader's chrome: sidebar keys and marks, the status bar, the legend,
screenshots, the kept theme, the reader colours in 256 colours, and ``--lines`` headlines."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.color import Color

from readerui.ingest.segment import from_lines
from readerui.store import Locations, locations, prefs
from readerui.tui import app as app_module
from readerui.tui.app import ReaderApp
from readerui.tui.palette import _index, chrome_backgrounds, reader_colours
from readerui.tui.reading import Filter
from readerui.tui.screens.help import LegendScreen, legend_table
from readerui.tui.widgets.chrome import document_label
from readerui.tui.widgets.sidebar import CHOSEN, UNCHOSEN, ChoiceList
from readerui.tui.widgets.status import StatusBar, StatusPart, filter_label, fit_parts

from .helpers import council_analysis, until


async def settle(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def council_app() -> ReaderApp:
    analysis = council_analysis()
    return ReaderApp(analysis.a, analysis.b, analysis=analysis)


def status(app: ReaderApp) -> str:
    return str(app.query_one(StatusBar).render())


def list_row(choices: ChoiceList, y: int) -> str:
    return "".join(segment.text for segment in choices.render_line(y))


async def test_down_moves_from_speakers_into_topics_and_up_comes_back() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        speakers = app.query_one("#speakers", ChoiceList)
        topics = app.query_one("#topics", ChoiceList)
        assert app.focused is speakers
        await pilot.press(*["down"] * speakers.option_count)  # past the last speaker
        assert app.focused is topics and topics.highlighted == 0
        await pilot.press("space")
        await pilot.pause()
        # aimed at a topic, got a topic
        assert app.filter.get("topics") and not app.filter.get("speakers")
        await pilot.press("up")
        assert app.focused is speakers and speakers.highlighted == speakers.option_count - 1
        hint = str(app.query_one(".sidebar-hint").render())
        assert "tab" in hint and "↑↓" in hint


async def test_chosen_rows_have_a_tick_and_bold_not_only_a_colour() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f", "space")
        await pilot.pause()
        speakers = app.query_one("#speakers", ChoiceList)
        first, second = list_row(speakers, 0), list_row(speakers, 1)
        assert first.startswith(CHOSEN) and second.startswith(UNCHOSEN)
        assert any(seg.style and seg.style.bold for seg in speakers.render_line(0)
                   if seg.text.strip() and seg.text[0] != CHOSEN)
        assert not any(seg.style and seg.style.bold for seg in speakers.render_line(1)
                       if seg.text.strip() and seg.text[0] != UNCHOSEN)


async def test_the_other_panes_counter_follows_sync() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")  # A 3 is linked to B 5
        await pilot.pause()
        assert set(app.pane_b.partners) == {4}
        assert status(app).startswith("A 3/12 │ B 5/")


async def test_a_restored_filter_is_announced_and_shown() -> None:
    first = council_app()
    async with first.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        first.toggle_filter("speaker", "Elena Ruiz")
        await pilot.press("q")
    again = council_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.filter == Filter(speakers={"Elena Ruiz"})
        shown = status(again)
        assert "filter (restored): speaker Elena Ruiz" in shown  # at 80 columns, whole
        assert any("last session" in str(n.message) for n in again._notifications)
        await pilot.press("c")
        await pilot.pause()
        assert "filter: none" in status(again)
        # the toast saying "press c to clear it" goes with the filter, not 8 s later
        assert not any("last session" in str(n.message) for n in again._notifications)


def test_the_status_line_shortens_fields_before_cutting_them() -> None:
    chosen = Filter(speakers={"Elena Ruiz", "Tomas Berg", "transport union"}, topics={"cost"})
    assert filter_label(chosen) == ("speaker Elena Ruiz or Tomas Berg or transport union "
                                    "AND topic cost")
    parts = [StatusPart("A 3/12"), StatusPart("B 5/9"), StatusPart("sync on", "sync"),
             StatusPart("filter: " + filter_label(chosen), "filter: " + filter_label(chosen, 9)),
             StatusPart("shared: A 58% B 78%", drop=True)]
    wide = " │ ".join(text for text, _ in fit_parts(parts, 200))
    assert "shared" in wide and "AND topic cost" in wide
    narrow = " │ ".join(text for text, _ in fit_parts(parts, 76))
    assert len(narrow) <= 76 and "shared" not in narrow
    assert "Elena Ru…|Tomas Be…+1 & cost" in narrow


async def test_search_shows_query_and_hit_and_steps_across_both_panes() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"tram", "enter")
        await pilot.pause()
        hits = app._hits
        assert len({hit.side for hit in hits}) == 2  # the word is in both accounts
        assert f"search “tram” {app._hit_index + 1}/{len(hits)}" in status(app)
        app._hit_index = -1
        sides = []
        for _ in hits:
            await pilot.press("right_square_bracket")
            await pilot.pause()
            sides.append(app.focused_pane.side)
            assert app.focused_pane.cursor == hits[app._hit_index].sentence
        assert sides == [hit.side for hit in hits] and "a" in sides and "b" in sides
        assert f"{len(hits)}/{len(hits)}" in status(app)


async def test_legend_key_shows_the_marks() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LegendScreen)
        console = Console(width=80, record=True, file=io.StringIO())
        console.print(legend_table())
        shown = console.export_text()
        assert "partner" in shown and "☑" in shown and "only" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, LegendScreen)


async def test_screenshot_goes_to_the_current_folder_without_downloads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("platformdirs.user_downloads_path", lambda: tmp_path / "no-downloads")
    assert app_module.screenshot_folder() == tmp_path
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.deliver_screenshot()
        for _ in range(50):
            await pilot.pause(0.05)
            if list(tmp_path.glob("*.svg")):
                break
        await pilot.pause(0.1)
        saved = list(tmp_path.glob("*.svg"))
        assert len(saved) == 1 and saved[0].read_text().startswith("<svg")
        told = [str(n.message) for n in app._notifications]
        assert any(str(saved[0]) in message for message in told)


async def test_the_theme_picked_is_kept_for_the_next_run() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert prefs.chosen_theme(app.session.config.theme) == "nord"
    again = council_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


def test_a_newer_config_theme_wins_over_an_older_palette_choice(tmp_path: Path) -> None:
    where = Locations(*(tmp_path / name for name in ("c", "d", "k", "s")))
    prefs.remember_theme("nord", "textual-dark", where)
    assert prefs.chosen_theme("textual-dark", where) == "nord"
    assert prefs.chosen_theme("gruvbox", where) is None
    (where.state_dir / "prefs.json").write_text("{not json")
    assert prefs.chosen_theme("textual-dark", where) is None  # moved aside, not a crash
    assert locations()  # the real locations still resolve


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "nord", "gruvbox"])
def test_reader_colours_are_distinct_in_256_colours(theme: str) -> None:
    from textual.theme import BUILTIN_THEMES

    variables = BUILTIN_THEMES[theme].to_color_system().generate()
    found = reader_colours(variables, "256")
    cursor, partner = _index(Color.parse(found["reader-cursor"])), \
        _index(Color.parse(found["reader-partner"]))
    backgrounds = {_index(Color.parse(variables[name]))
                   for name in ("background", "surface", "panel")}
    assert cursor != partner
    assert cursor not in backgrounds and partner not in backgrounds
    only = _index(Color.parse(found["reader-only-text"]))
    assert only != _index(Color.parse(variables["foreground"]))


@pytest.mark.parametrize("theme", ["textual-dark", "nord", "tokyo-night", "gruvbox",
                                   "textual-light"])
def test_chrome_backgrounds_stay_greys_in_256_colours(theme: str) -> None:
    """A dark slate panel must not turn navy (Rich's cube rounding) and so collide with the
    partner highlight; the reader colours are then worked out against the snapped ones."""
    from textual.theme import BUILTIN_THEMES

    variables = BUILTIN_THEMES[theme].to_color_system().generate()
    snapped = chrome_backgrounds(variables, "256")
    assert chrome_backgrounds(variables, "truecolor") == {}
    greys = {16, 59, 102, 145, 188, 231, *range(232, 256)}
    for name in ("background", "surface", "panel", "footer-background"):
        original = Color.parse(variables[name])
        entry = _index(Color.parse(snapped[name]))
        if max(original.rgb) - min(original.rgb) < 40:  # a near-grey theme colour: a grey entry
            assert entry in greys, (name, variables[name], snapped[name])
        shown = Color.parse(snapped[name])  # and never further than one palette step
        assert max(abs(shown.r - original.r), abs(shown.g - original.g),
                   abs(shown.b - original.b)) <= 48, (name, variables[name], snapped[name])
    variables.update(snapped)
    found = reader_colours(variables, "256")
    chrome = {_index(Color.parse(variables[name])) for name in ("background", "surface", "panel")}
    assert _index(Color.parse(found["reader-partner"])) not in chrome
    assert _index(Color.parse(found["reader-cursor"])) not in chrome


def test_one_sided_text_is_tinted_not_painted() -> None:
    from textual.theme import BUILTIN_THEMES

    variables = BUILTIN_THEMES["textual-dark"].to_color_system().generate()
    tint = Color.parse(reader_colours(variables, "truecolor")["reader-only-text"])
    foreground, warning = Color.parse(variables["foreground"]), Color.parse(variables["warning"])
    # nearer the ordinary text colour than the warning colour
    def distance(x: Color, y: Color) -> int:
        return abs(x.r - y.r) + abs(x.g - y.g) + abs(x.b - y.b)
    assert distance(tint, foreground) < distance(tint, warning)


def test_lines_input_shows_its_headline_not_its_file_name() -> None:
    doc = from_lines("Council approves tram plan\n\nThe council voted on Monday.\n",
                     "/x/2014-abc-nyt.txt")
    assert document_label(doc) == "Council approves tram plan"
    prose = from_lines("The council voted on Monday.\nIt was late.\n", "/x/story.txt")
    assert document_label(prose) == "story.txt"


async def test_at_80_columns_a_long_filter_shrinks_before_the_fold_state_goes() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await until(pilot, lambda: app.differences is not None, "differences counted")
        await pilot.press("f", "space", "down", "space", "tab", "space", "escape", "z")
        await until(pilot, lambda: len(app.filter.get("speakers")) == 2 and app.filter.get("topics")
                    and app.differences_only, "two speakers and a topic chosen, folded")
        await until(pilot, lambda: "folded" in status(app), "the fold state in the status")
        shown = status(app)
        assert "Elena" in shown and "Tomas" in shown  # the filter, shortened, not dropped
        assert "A " in shown and "B " in shown and "sync" in shown
        assert len(shown) <= 80


def test_the_status_line_drops_coverage_first_and_shortens_the_rest() -> None:
    parts = [StatusPart("A 13/39"), StatusPart("B 3/40"), StatusPart("sync on", "sync"),
             StatusPart("filter: speaker Carolyn B. Maloney AND topic Midwestern Democrat",
                        "filter: Carolyn … & Midweste…"),
             StatusPart("diff 6/39 folded", "Δ6/39 folded", drop=True),
             StatusPart("shared: A 41% B 48%", drop=True)]
    shown = " │ ".join(text for text, _ in fit_parts(parts, 78))
    assert "Δ6/39 folded" in shown and "Carolyn" in shown and "shared" not in shown
    tiny = " │ ".join(text for text, _ in fit_parts(parts, 50))
    assert "A 13/39" in tiny and "Carolyn" in tiny and "Δ" not in tiny  # the rest goes last


async def test_at_80_columns_a_toast_takes_few_rows_of_the_text() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await until(pilot, lambda: any(t.region.height for t in app.screen.query("Toast")),
                    "the copy toast shown")
        toast = next(t for t in app.screen.query("Toast") if t.region.height)
        assert "Copied" in str(toast.render())
        assert toast.region.height <= 4  # was 6: title, padding and a 40-column wrap
        assert toast.region.width <= 0.6 * 80 + 1
        assert toast.region.bottom <= app.query_one(StatusBar).region.y  # counters visible
