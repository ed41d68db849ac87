"""The reader with the store: config keymap and theme, restored cursor and filter, notes, export."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input

from readerui.tui.app import ReaderApp
from readerui.tui.screens.notes import Confirm, NoteInput, NotesScreen

from .helpers import council_analysis


async def settle(pilot: object) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


def council_app() -> ReaderApp:
    analysis = council_analysis()
    return ReaderApp(analysis.a, analysis.b, analysis=analysis)


async def test_config_keymap_and_theme_apply() -> None:
    config = Path(os.environ["READERUI_CONFIG_DIR"]) / "config.toml"
    config.write_text('theme = "gruvbox"\n\n[keymap]\nnext_one_sided = "x"\n', encoding="utf-8")
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "gruvbox"
        await pilot.press("x")
        assert app.pane_a.cursor == 5


async def test_cursor_and_filter_come_back_next_time() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.toggle_filter("speaker", "Tomas Berg")
        await pilot.press("tab", "j")
        assert app.pane_b.cursor == 7
        await pilot.press("q")
    again = council_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.focused is again.pane_b
        assert again.pane_b.cursor == 7
        assert again.filter.get("speakers") == {"Tomas Berg"}
        assert again.pane_a.kept == {4, 5}


async def test_notes_are_added_listed_jumped_to_and_kept() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "m")
        assert isinstance(app.screen, NoteInput)
        await pilot.press(*"check the figure", "enter")
        await pilot.pause()
        await pilot.press("G", "m", "enter")  # empty text: a bookmark on the last sentence
        await pilot.pause()
        notes = app.session.notes
        assert {(n.side, n.sentence, n.text, n.bookmark) for n in notes} == {
            ("a", 2, "check the figure", False), ("a", 11, "", True)}
        assert app.pane_a.noted == {2, 11}
        await pilot.press("M")
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("enter")  # the first note (sentence 2)
        await pilot.pause()
        assert app.pane_a.cursor == 2
    again = council_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.pane_a.noted == {2, 11}
        row = again.pane_a.render_line(again.pane_a.screen_row_of(2))
        assert "".join(segment.text for segment in row)[1] == "*"


async def test_a_note_is_deleted_from_the_list_only_when_confirmed() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        assert isinstance(app.screen.focused, Input)
        await pilot.press(*"x", "enter", "M", "d")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)  # d asks first
        await pilot.press("n")
        await pilot.pause()
        assert len(app.session.notes) == 1 and isinstance(app.screen, NotesScreen)
        await pilot.press("d", "y")
        await pilot.pause()
        assert app.session.notes == ()
        assert app.pane_a.noted == frozenset()


async def test_m_on_a_noted_sentence_edits_its_note_without_a_duplicate() -> None:
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "m", *"first", "enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        box = app.screen.query_one("#note-input", Input)
        assert box.value == "first"  # the existing note, ready to edit
        assert "Edit note" in str(app.screen.query_one("#note-box").border_title)
        box.value = "second thoughts"
        await pilot.press("enter")
        await pilot.pause()
        assert [(n.sentence, n.text) for n in app.session.notes] == [(1, "second thoughts")]


async def test_export_asks_where_and_writes_markdown_and_html_with_the_notes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("m", *"union petition", "enter", "E")
        await pilot.pause()
        typed = app.screen.query_one("#save-path", Input).value
        assert typed == "council-a-vs-council-b.md"  # a short name, whole in the box
        explain = str(app.screen.query_one("#save-explain").render())
        assert str(tmp_path) in explain  # the folder it goes to: the current one
        await pilot.press("enter")
        await app.workers.wait_for_complete()  # the export runs off the UI thread
        await pilot.pause()
    files = sorted(tmp_path.iterdir())
    assert [f.name for f in files] == ["council-a-vs-council-b.html", "council-a-vs-council-b.md"]
    markdown = files[1].read_text(encoding="utf-8")
    assert "union petition" in markdown
    assert "tram" in markdown.lower()
    assert "### 1. A 1 / B 1" in markdown  # links numbered from 1, like the sentences


async def test_export_to_a_path_the_user_types_and_escape_cancels(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("E", "escape")
        await pilot.pause()
        assert not list(tmp_path.iterdir())
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one("#save-path", Input).value = str(tmp_path / "out" / "report.md")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("E")  # a relative path: under the folder the box names
        await pilot.pause()
        app.screen.query_one("#save-path", Input).value = "rel/short.md"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert sorted(f.name for f in (tmp_path / "out").iterdir()) == ["report.html", "report.md"]
    assert sorted(f.name for f in (tmp_path / "rel").iterdir()) == ["short.html", "short.md"]


async def test_the_analysis_is_cached_for_the_next_opening() -> None:
    a, b = council_analysis().a, council_analysis().b
    first = ReaderApp(a, b)
    async with first.run_test(size=(80, 24)) as pilot:
        await first.workers.wait_for_complete()
        await settle(pilot)
    cache = Path(os.environ["READERUI_CACHE_DIR"])
    assert any(path.is_file() for path in cache.rglob("*"))
    second = ReaderApp(a, b)
    async with second.run_test(size=(80, 24)) as pilot:
        await second.workers.wait_for_complete()
        await settle(pilot)
        assert second.analysis is not None and first.analysis is not None
        assert second.analysis.alignment == first.analysis.alignment


def test_config_read_by_the_caller_is_not_read_or_reported_again() -> None:
    """The command line prints config problems on stderr; the reader must not repeat them."""
    from readerui import store
    from readerui.lifecycle import Reading
    from readerui.tui.session import Session

    path = Path(os.environ["READERUI_CONFIG_DIR"]) / "config.toml"
    path.write_text('lang = 5\n', encoding="utf-8")
    config = store.load_config()
    assert config.warnings, "a wrong type is reported once, by whoever reads the file"
    analysis = council_analysis()
    given = Session.open(Reading.of_documents((analysis.a, analysis.b)), config)
    assert given.config is config
    assert not any("lang" in line for line in given.warnings)
    alone = Session.open(Reading.of_documents((analysis.a, analysis.b)))
    assert any("lang" in line for line in alone.warnings)


async def test_help_shows_a_remapped_key_with_brackets_literally() -> None:
    """Key names come from the user's config: never parsed as markup (a '[/x]' crashed help)."""
    from readerui.tui.screens.help import HelpScreen

    config = Path(os.environ["READERUI_CONFIG_DIR"]) / "config.toml"
    config.write_text('[keymap]\nnext_one_sided = "x,[/oops]"\n', encoding="utf-8")
    app = council_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert app.is_running


async def test_under_textual_serve_export_is_delivered_to_the_browser(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``textual serve`` runs the app with a web driver (``App.is_web``): E must hand both
    reports to the browser (``deliver_text``), not write them on the server."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(ReaderApp, "is_web", property(lambda self: True))
    app = council_app()
    delivered: list[tuple[str, str, dict]] = []

    def deliver_text(stream: object, **options: object) -> str:
        delivered.append((str(options.get("save_filename")), stream.read(), options))  # type: ignore[attr-defined]
        return "delivery-key"

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app, "deliver_text", deliver_text)
        await pilot.press("m", *"web note", "enter", "E")
        await pilot.pause()
        typed = app.screen.query_one("#save-path", Input).value
        assert typed == "council-a-vs-council-b.md"  # a file name for the browser, no server path
        assert "browser" in str(app.screen.query_one("#save-explain").render())
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        expected = app.session.render_export(app.analysis, app.settings.lang)
    assert not list(tmp_path.iterdir())  # nothing written on the server
    names = sorted(name for name, _, _ in delivered)
    assert names == ["council-a-vs-council-b.html", "council-a-vs-council-b.md"]
    for name, text, options in delivered:
        assert text == expected["." + name.rsplit(".", 1)[1]]  # the export itself
        assert options["open_method"] == "download"
    markdown = next(text for name, text, _ in delivered if name.endswith(".md"))
    assert "web note" in markdown


def test_the_export_name_keeps_whole_words_of_long_titles() -> None:
    from dataclasses import replace as replaced

    from readerui.model import Metadata

    analysis = council_analysis()
    long_a = "Wang Yi Holds Talks with Russian Foreign Minister Sergey Lavrov"
    long_b = "Chinese FM holds talks with Russian counterpart"
    analysis = replaced(analysis, a=replaced(analysis.a, meta=Metadata(title=long_a)),
                        b=replaced(analysis.b, meta=Metadata(title=long_b)))
    session = council_app().session
    name = session.export_name(analysis)
    assert name == "wang-yi-holds-talks-vs-chinese-fm-holds.md"
    assert len(name) < 60  # shows whole in the 80-column save box


def _screen_text(app: ReaderApp) -> str:
    """What the screen shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_the_texts_paint_before_the_analysis_which_fills_in_after(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """As the CLI opens it: the documents ingested, no analysis handed in. Both texts are on
    screen while the engine is held back; the pair is filed in the recent list and the analysis
    (then cached) fills in after; reopened, the analysis comes from the cache, not the engine."""
    import threading

    from readerui import store
    from readerui.lifecycle import Reading
    from readerui.tui import app as tui_app

    from .helpers import COUNCIL_A, COUNCIL_B, until

    engine = tui_app._analyse
    release = threading.Event()

    def held_back(*args: object) -> object:
        assert release.wait(60), "the test never released the engine"
        return engine(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(tui_app, "_analyse", held_back)
    reading = Reading([COUNCIL_A, COUNCIL_B], lines=True)
    a, b = reading.ingest()
    app = ReaderApp(a, b, reading=reading, remember=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: a.sentences[0].text.split()[0] in _screen_text(app)
                    and b.sentences[0].text.split()[0] in _screen_text(app), "both texts shown")
        assert app.analysis is None and "aligning" in _screen_text(app)
        release.set()
        await until(pilot, lambda: app.analysis is not None, "the analysis shown")
        await until(pilot, lambda: "shared:" in _screen_text(app), "the status bar's shares")
        assert [p.path_a for p in store.recent_pairs()] == [str(COUNCIL_A)]
    cache = Path(os.environ["READERUI_CACHE_DIR"])
    assert any(path.is_file() for path in cache.rglob("*"))

    def no_engine(*args: object) -> None:
        raise AssertionError("a cache hit must not run the engine")

    monkeypatch.setattr(tui_app, "_analyse", no_engine)
    again = Reading([COUNCIL_A, COUNCIL_B], lines=True)
    a2, b2 = again.ingest()
    second = ReaderApp(a2, b2, reading=again, remember=True)
    async with second.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: second.analysis is not None or second.analysis_error is not None,
                    "the cached analysis shown")
        assert second.analysis_error is None
        assert second.analysis is not None and app.analysis is not None
        assert second.analysis.alignment == app.analysis.alignment
