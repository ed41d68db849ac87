"""Recent pairs, per-pair state and notes: round-trips, damaged files, concurrency, atomicity."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from readerui import store
from readerui.ingest.segment import from_lines
from readerui.model import Document
from readerui.store import atomic
from readerui.store.locations import Locations


def doc(*sentences: str, path: str = "x.txt") -> Document:
    return from_lines("\n".join(sentences), path)


A = doc("The council met on Monday.", "It approved the budget.", "Protesters gathered outside.")
B = doc("Council approves budget.", "The vote was close.", path="y.txt")
KEY = store.pair_key(A, B)


def asides(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".corrupt-*"))


def notes_file() -> Path:
    return store.locations().data_dir / "notes" / f"{KEY}.json"


def state_file() -> Path:
    return store.locations().state_dir / "pairs" / f"{KEY}.json"


def recent_file() -> Path:
    return store.locations().state_dir / "recent.json"


# --- keys and round-trips ------------------------------------------------------------------------

def test_pair_key_depends_on_content_not_paths() -> None:
    moved = doc(*(s.text for s in A.sentences), path="elsewhere/x.txt")
    assert store.pair_key(moved, B) == KEY
    assert store.pair_key(B, A) != KEY
    edited = doc("The council met on Tuesday.", *(s.text for s in A.sentences[1:]))
    assert store.pair_key(edited, B) != KEY


def test_pair_state_round_trip() -> None:
    assert store.load_pair_state(KEY) == store.PairState()
    state = store.PairState("b", 1, {"speakers": ["Mayor Jane Roe"], "places": ["Oslo"],
                                     "topics": ["protest", "budget"]})
    store.save_pair_state(KEY, state)
    loaded = store.load_pair_state(KEY)
    assert loaded == state
    saved = json.loads(state_file().read_text())
    assert saved["cursor"] == {"side": "b", "id": 1}
    assert saved["filter"] == {"places": ["Oslo"], "speakers": ["Mayor Jane Roe"],
                               "topics": ["budget", "protest"]}  # any facet, names sorted
    assert loaded.chosen("places") == ("Oslo",) and loaded.chosen("nothing") == ()


def test_notes_round_trip_add_update_remove() -> None:
    first = store.new_note("a", A, 1, "Budget size not given", bookmark=True)
    second = store.new_note("b", B, 0)
    assert first.quote == "It approved the budget." and first.created
    assert store.add_note(KEY, first) == (first, second)[:1]
    assert store.add_note(KEY, second) == (first, second)
    assert store.load_notes(KEY) == (first, second)
    assert store.load_pair_state(KEY) == store.PairState()  # notes are kept apart
    edited = store.Note(first.side, first.sentence, "Edited text", first.created, False,
                        first.quote)
    assert store.update_note(KEY, edited) == (edited, second)
    assert store.remove_note(KEY, second) == (edited,)
    assert store.load_notes(KEY) == (edited,)


def test_note_anchor_follows_its_sentence() -> None:
    note = store.new_note("a", A, 2, "crowd size?")
    shifted = doc("A new first sentence.", *(s.text for s in A.sentences))
    assert store.anchor(note, A) == 2
    assert store.anchor(note, shifted) == 3
    assert store.anchor(note, doc("Nothing in common.")) is None


def test_recent_pairs_most_recent_first_without_duplicates(tmp_path: Path) -> None:
    assert store.recent_pairs() == []
    store.remember_pair(tmp_path / "a1", tmp_path / "b1")
    store.remember_pair(tmp_path / "a2", tmp_path / "b2", lines=True, titles=("T", None))
    store.remember_pair(tmp_path / "a1", tmp_path / "b1")
    pairs = store.recent_pairs()
    assert [(Path(p.path_a).name, Path(p.path_b).name) for p in pairs] == [("a1", "b1"),
                                                                           ("a2", "b2")]
    assert pairs[1].lines is True and pairs[1].title_a == "T"
    assert all(Path(p.path_a).is_absolute() for p in pairs)


def test_recent_list_is_capped(tmp_path: Path) -> None:
    for i in range(store.state.MAX_RECENT + 5):
        store.remember_pair(tmp_path / f"a{i}", tmp_path / "b")
    pairs = store.recent_pairs()
    assert len(pairs) == store.state.MAX_RECENT
    assert Path(pairs[0].path_a).name == f"a{store.state.MAX_RECENT + 4}"


# --- damaged files ---------------------------------------------------------------------------

def test_speaker_edits_round_trip_beside_cursor_and_filter() -> None:
    assert store.load_speaker_edits(KEY) == []
    state = store.PairState("b", 1, {"speakers": ["Mayor Jane Roe"]})
    store.save_pair_state(KEY, state)
    edits = [{"op": "rename", "name": "Jane Roe", "target": "Mayor Jane Roe"},
             {"op": "drop", "name": "council"}]
    store.save_speaker_edits(KEY, edits)
    assert store.load_speaker_edits(KEY) == edits
    assert store.load_pair_state(KEY) == state  # the cursor and filter are kept
    store.save_pair_state(KEY, store.PairState("a", 2))  # and saving them keeps the edits
    assert store.load_speaker_edits(KEY) == edits
    store.save_speaker_edits(KEY, edits[:1])  # undo
    assert store.load_speaker_edits(KEY) == edits[:1]
    assert not list(state_file().parent.glob("*.tmp*"))


def test_speaker_edits_of_the_wrong_shape_are_left_out() -> None:
    path = state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "speaker_edits": [
        {"op": "drop", "name": "ok"}, {"op": "drop", "name": ["not", "text"]}, "junk"]}))
    assert store.load_speaker_edits(KEY) == [{"op": "drop", "name": "ok"}]
    path.write_text("{broken")
    assert store.load_speaker_edits(KEY) == []
    assert_moved_aside(path, b"{broken", "not valid JSON")


def assert_moved_aside(path: Path, original: bytes | None, problem: str) -> None:
    moved = asides(path)
    assert len(moved) == 1, moved
    if original is not None:
        assert moved[0].read_bytes() == original
    warnings = store.take_warnings()
    assert len(warnings) == 1, warnings
    assert "\n" not in warnings[0] and str(path) in warnings[0] and moved[0].name in warnings[0]
    assert problem in warnings[0] and "using defaults" in warnings[0]


@pytest.mark.parametrize("which", ["notes", "state", "recent"])
def test_invalid_json_is_moved_aside_and_defaults_used(which: str) -> None:
    path = {"notes": notes_file, "state": state_file, "recent": recent_file}[which]()
    path.parent.mkdir(parents=True, exist_ok=True)
    original = b'{"version": 1, "notes": [{"side": "a", "sent'
    path.write_bytes(original)
    if which == "notes":
        assert store.load_notes(KEY) == ()
    elif which == "state":
        assert store.load_pair_state(KEY) == store.PairState()
    else:
        assert store.recent_pairs() == []
    assert_moved_aside(path, original, "not valid JSON")
    assert not path.exists()


def test_json_of_the_wrong_shape_is_moved_aside() -> None:
    path = notes_file()
    path.parent.mkdir(parents=True)
    original = b'{"notes": [{"side": "c", "sentence": "two"}]}'
    path.write_bytes(original)
    assert store.load_notes(KEY) == ()
    assert_moved_aside(path, original, "does not hold what readerui expects")


def test_a_folder_where_notes_should_be_is_moved_aside_and_adding_still_works() -> None:
    path = notes_file()
    path.mkdir(parents=True)
    note = store.new_note("a", A, 0, "first")
    assert store.add_note(KEY, note) == (note,)
    assert_moved_aside(path, None, "is a folder")
    assert asides(path)[0].is_dir()
    assert store.load_notes(KEY) == (note,)


def test_unreadable_notes_are_moved_aside_not_overwritten() -> None:
    path = notes_file()
    path.parent.mkdir(parents=True)
    original = json.dumps({"version": 1, "notes": []}).encode()
    path.write_bytes(original)
    path.chmod(0)
    note = store.new_note("b", B, 1, "close vote")
    with pytest.MonkeyPatch.context() as patch:
        if os.geteuid() == 0:  # root reads anything: make reading this file fail instead
            real = os.open

            def refuse(name: object, *args: object, **kwargs: object) -> int:
                if Path(str(name)) == path:
                    raise PermissionError(13, "Permission denied")
                return real(name, *args, **kwargs)  # type: ignore[arg-type]

            patch.setattr("readerui.safefile.os.open", refuse)
        assert store.add_note(KEY, note) == (note,)
    moved = asides(path)
    moved[0].chmod(0o600)
    assert_moved_aside(path, original, "Permission denied")
    assert store.load_notes(KEY) == (note,)


def test_no_write_permission_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = store.locations().data_dir / "notes"
    folder.mkdir(parents=True)
    if os.geteuid() == 0:  # root writes anywhere: make creating files in the folder fail
        real = atomic.tempfile.mkstemp

        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            if Path(str(kwargs.get("dir"))) == folder:
                raise PermissionError(13, "Permission denied")
            return real(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
        (folder / f"{KEY}.json.lock").touch()
    else:
        (folder / f"{KEY}.json.lock").touch()
        folder.chmod(0o500)
    try:
        with pytest.raises(store.StoreError) as caught:
            store.add_note(KEY, store.new_note("a", A, 0, "x"))
    finally:
        folder.chmod(0o700)
    message = str(caught.value)
    assert "\n" not in message and "Permission denied" in message and str(folder) in message
    assert list(folder.glob("*.tmp")) == []  # no temporary file left behind


def test_a_failed_write_leaves_the_old_file_whole() -> None:
    first = store.new_note("a", A, 0, "kept")
    store.add_note(KEY, first)
    before = notes_file().read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(atomic.os, "replace", crash)
        with pytest.raises(store.StoreError, match="No space left"):
            store.add_note(KEY, store.new_note("a", A, 1, "lost"))
    assert notes_file().read_bytes() == before
    assert list(notes_file().parent.glob("*.tmp")) == []


# --- two processes at once ---------------------------------------------------------------------

def _add_many(where: Locations, key: str, tag: str, count: int, start: object) -> None:
    start.wait()  # type: ignore[attr-defined]
    for i in range(count):
        store.add_note(key, store.Note("a", i % 3, f"{tag}-{i}", f"{tag}-{i:04d}"), where)


def test_two_processes_adding_notes_at_once_lose_nothing() -> None:
    where = store.locations()
    context = multiprocessing.get_context("fork")
    start = context.Barrier(2)
    workers = [context.Process(target=_add_many, args=(where, KEY, tag, 50, start))
               for tag in ("p1", "p2")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    texts = {note.text for note in store.load_notes(KEY, where)}
    assert texts == {f"{tag}-{i}" for tag in ("p1", "p2") for i in range(50)}
    assert store.take_warnings() == []


def test_a_symlinked_notes_file_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "notes.json"
    real.parent.mkdir()
    real.write_text('{"version": 1, "notes": []}')
    link = notes_file()
    link.parent.mkdir(parents=True)
    link.symlink_to(real)
    note = store.new_note("a", A, 0, "kept in the dotfiles")
    store.add_note(KEY, note)
    assert link.is_symlink()
    assert json.loads(real.read_text())["notes"][0]["text"] == "kept in the dotfiles"
