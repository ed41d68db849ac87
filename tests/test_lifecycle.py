"""A Reading owns a pair's life: one identity however it is opened, one cache, notes and state
that come back, warnings handed to the caller."""

from __future__ import annotations

import subprocess
import sys

import pytest

from readerui import store
from readerui.analysis import load_document
from readerui.lifecycle import Reading
from readerui.samples import sample_paths
from readerui.tui.app import ReaderApp
from readerui.tui.screens.notes import NoteInput


def test_the_sample_pair_has_one_identity_however_it_is_opened() -> None:
    paths = sample_paths()
    loaded = [load_document(p) for p in paths]
    miss = Reading(paths)
    analysis = miss.analyse()
    # the analysis completes metadata (a year taken from the other account) as its own
    # metadata: rewriting the documents is what split the pair's notes in two before
    assert (analysis.meta("a"), analysis.meta("b")) != (loaded[0].meta, loaded[1].meta)
    assert (analysis.a, analysis.b) == tuple(loaded)
    assert store.pair_key(*loaded) == store.pair_key(analysis.a, analysis.b)
    hit = Reading(paths)
    assert hit.cached() is not None
    fresh = Reading(paths, use_cache=False)
    fresh.load()
    assert miss.key == hit.key == fresh.key


def test_a_note_and_the_cursor_come_back_on_a_hit_a_miss_and_in_the_export() -> None:
    paths = sample_paths()
    first = Reading(paths)
    first.analyse()
    assert first.add_note("b", 2, "check the date") is not None
    first.save_state("b", 2, {"speakers": ["nobody"]})
    for again in (Reading(paths), Reading(paths, use_cache=False)):
        assert again.state.cursor_side == "b" and again.state.cursor_id == 2
        assert [n.text for n in again.notes] == ["check the date"]
        assert again.note_on("b", 2) is not None and again.noted("b") == {2}
    result = subprocess.run([sys.executable, "-m", "readerui", "export"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "check the date" in result.stdout


def test_store_warnings_go_to_the_reading_not_a_global_queue() -> None:
    reading = Reading(sample_paths())
    where = store.locations()
    notes = where.data_dir / "notes" / f"{reading.key}.json"
    notes.parent.mkdir(parents=True, exist_ok=True)
    notes.write_text("{not json")
    assert reading.notes == ()
    warnings = reading.take_warnings()
    assert len(warnings) == 1 and str(notes) in warnings[0] and "moved it to" in warnings[0]
    assert store.take_warnings() == []


@pytest.mark.parametrize("damaged", ["config", "state", "notes"])
def test_a_damaged_store_file_is_one_line_on_stderr(damaged: str) -> None:
    reading = Reading(sample_paths())
    where = store.locations()
    path = {"config": where.config_file,
            "state": where.state_dir / "pairs" / f"{reading.key}.json",
            "notes": where.data_dir / "notes" / f"{reading.key}.json"}[damaged]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[{\n")
    command = {"state": ["-c", "from readerui.lifecycle import Reading; "
                         "from readerui.samples import sample_paths; "
                         "from readerui.cli import _warn; r = Reading(sample_paths()); "
                         "r.state; _warn(r.take_warnings())"]}.get(
        damaged, ["-m", "readerui", "export", "-f", "md"])
    result = subprocess.run([sys.executable, *command], capture_output=True, text=True,
                            timeout=120)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 0 and len(lines) == 1, result.stderr
    asides = list(path.parent.glob(path.name + ".corrupt-*"))
    assert len(asides) == 1 and str(path) in lines[0] and asides[0].name in lines[0]


async def test_the_reader_keeps_a_note_and_the_cursor_across_a_cache_miss_and_hit() -> None:
    paths = sample_paths()

    def open_app() -> ReaderApp:
        reading = Reading(paths)
        a, b = reading.load()
        return ReaderApp(a, b, analysis=reading.analysis, reading=reading)

    first = open_app()
    assert first._given_analysis is None  # nothing cached yet: analysed in the reader
    async with first.run_test(size=(80, 24)) as pilot:
        await first.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("j", "j", "j", "m")
        assert isinstance(first.screen, NoteInput)
        await pilot.press(*"why", "enter")
        await first.workers.wait_for_complete()
        await pilot.press("q")
    again = open_app()
    assert again._given_analysis is not None  # a cache hit
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert again.pane_a.cursor == 3
        assert [n.text for n in again.session.notes] == ["why"]
        assert again.pane_a.noted == {3}
