"""Pilot tests: the reader's speaker corrections from the sidebar and the palette, kept per pair,
undoable, and applied to the filter, the summary and the exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, SelectionList

from readerui import store
from readerui.tui.app import ReaderApp
from readerui.tui.screens.speaker_edit import SpeakerNameInput
from readerui.tui.screens.summary import SummaryScreen

from .helpers import council_analysis


async def settle(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def council_app() -> ReaderApp:
    analysis = council_analysis()
    return ReaderApp(analysis.a, analysis.b, analysis=analysis)


def names(app: ReaderApp) -> list[str]:
    assert app.analysis is not None
    return [s.name for s in app.analysis.annotations.speakers]


def sidebar_names(app: ReaderApp) -> list[str]:
    options = app.query_one("#speakers", SelectionList)
    return [options.get_option_at_index(i).value[1] for i in range(options.option_count)]


async def type_name(pilot: object, app: ReaderApp, text: str) -> None:
    assert isinstance(app.screen, SpeakerNameInput)
    app.screen.query_one(Input).value = text
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)


async def test_rename_from_the_sidebar_is_kept_for_the_pair_and_filters() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f", "r")  # the highlighted speaker: Elena Ruiz (most sentences)
        await pilot.pause()
        assert app.screen.query_one(Input).value == "Elena Ruiz"
        await type_name(pilot, app, "Mayor Elena Ruiz")
        assert "Mayor Elena Ruiz" in names(app) and "Elena Ruiz" not in names(app)
        assert "Mayor Elena Ruiz" in sidebar_names(app)
        app.toggle_filter("speaker", "Mayor Elena Ruiz")
        await pilot.pause()
        assert app.pane_a.kept == {2, 8} and app.pane_b.kept == {4, 5}
    assert store.load_speaker_edits(app.session.key) == [
        {"op": "rename", "name": "Elena Ruiz", "target": "Mayor Elena Ruiz"}]
    again = council_app()  # next time the pair is opened, the correction is still there
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert "Mayor Elena Ruiz" in names(again)
        assert again.analysis is not None
        assert again.analysis.annotations.speaker_of("a", 2) == "Mayor Elena Ruiz"


async def test_merge_then_undo_from_the_sidebar() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f", "down", "J")  # Tomas Berg into ...
        await pilot.pause()
        await type_name(pilot, app, "Elena Ruiz")
        assert "Tomas Berg" not in names(app)
        assert app.analysis is not None
        ruiz = app.analysis.annotations.speakers[0]
        assert ruiz.name == "Elena Ruiz" and ruiz.a == (2, 4, 5, 8) and ruiz.b == (4, 5, 6)
        assert "Tomas Berg" in ruiz.aliases
        await pilot.press("v")  # the summary counts the merged speaker
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Tomas Berg" not in {s.name for s in app.screen.analysis.annotations.speakers}
        await pilot.press("escape")
        await pilot.pause()
        app.query_one("#speakers", SelectionList).focus()
        await pilot.press("u")
        await settle(pilot)
        assert "Tomas Berg" in names(app)
        assert app.analysis.annotations.speaker_of("b", 6) == "Tomas Berg"
    assert store.load_speaker_edits(app.session.key) == []


async def test_merge_into_an_unknown_speaker_changes_nothing() -> None:
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        before = names(app)
        await pilot.press("f", "J")
        await pilot.pause()
        await type_name(pilot, app, "Nobody Known")
        assert names(app) == before
        assert app.session.speaker_edits == ()


async def test_not_a_speaker_from_the_palette_and_the_export(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = council_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"not a speaker: transport")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert "transport union" not in names(app)
        assert app.analysis is not None
        assert app.analysis.annotations.speaker_of("a", 9) is None
        await pilot.press("f", "r")
        await pilot.pause()
        await type_name(pilot, app, "Mayor Elena Ruiz")
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("enter")  # the proposed file in the current folder
        await app.workers.wait_for_complete()
        await pilot.pause()
    markdown = next(tmp_path.glob("*.md")).read_text(encoding="utf-8")
    speakers = markdown.split("## Speakers", 1)[1].split("\n## ", 1)[0]
    assert "Mayor Elena Ruiz" in speakers
    assert "transport union" not in speakers and "Tomas Berg" in speakers
