"""A Reading of three accounts or more: one collation, cached pair by pair; notes and state
for every account, with two-account files kept as they were."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readerui import collation as collation_module
from readerui import store
from readerui.errors import ReaderError
from readerui.lifecycle import Reading
from readerui.samples import sample_paths

TEXTS = [
    "Talks in Geneva\n\nThe foreign ministers of the two countries met in Geneva on Monday. "
    "They agreed to reopen the grain corridor next month. The weather was cold.\n",
    "Ministers meet in Geneva\n\nTwo foreign ministers held talks in Geneva on Monday. The "
    "grain corridor is to reopen next month, they agreed. A new round is planned in Istanbul.\n",
    "Geneva meeting\n\nThe grain corridor will reopen next month after talks in Geneva. "
    "Observers were sceptical.\n",
]


@pytest.fixture
def three(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in zip("xyz", TEXTS, strict=True):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_three_accounts_collate_once_and_come_back_from_the_cache(
        three: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    first = Reading(three)
    collation = first.collation(workers=1)
    assert len(collation.documents) == 3 and set(collation.pairs) == {(0, 1), (0, 2), (1, 2)}
    assert [d.path for d in collation.documents] == [str(p) for p in three]
    assert first.analyse() is collation.pairs[(0, 1)]
    assert first.pair_analysis(2, 0) == collation.pair(2, 0)
    shared = [c for c in collation.claims if len(c.accounts()) == 3]
    assert shared, collation.claims  # the grain corridor reopening

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("analysed again instead of read from the cache")

    monkeypatch.setattr(collation_module, "analyse_pairs", refuse)
    again = Reading(three)
    assert again.load()[2].sentences == collation.documents[2].sentences
    hit = again.collation()
    assert hit.claims == collation.claims
    assert {k: (p.alignment, p.annotations) for k, p in hit.pairs.items()} == {
        k: (p.alignment, p.annotations) for k, p in collation.pairs.items()}
    assert again.key == first.key


def test_an_account_missing_from_the_cache_analyses_again(three: list[Path]) -> None:
    Reading(three).collation(workers=1)
    other = Reading([three[0], three[1], three[2], three[0]])
    assert other.key != Reading(three).key
    assert len(other.collation(workers=1).documents) == 4


def test_notes_and_state_for_a_third_account(three: list[Path]) -> None:
    reading = Reading(three)
    reading.collation(workers=1)
    note = reading.add_note(2, 1, "only C says so")
    assert note is not None and note.side == "c" and note.account == 2
    reading.add_note("a", 0, "")
    reading.save_state(2, 1, ["nobody"], [], shown=(0, 2))
    again = Reading(three)
    assert again.state.cursor_side == "c" and again.state.shown == (0, 2)
    assert again.noted(2) == {1} and again.noted("c") == {1} and again.noted("a") == {0}
    assert again.note_on("c", 1) is not None
    collation = again.collation()
    assert {(n.side, n.sentence) for n in again.anchored_notes(collation)} == {("c", 1), ("a", 0)}
    # a pair's analysis leaves the other accounts' notes out
    assert {n.side for n in again.anchored_notes(collation.pairs[(0, 1)])} == {"a"}


def test_two_account_notes_and_state_files_read_as_before() -> None:
    reading = Reading(sample_paths())
    where = store.locations()
    notes = where.data_dir / "notes" / f"{reading.key}.json"
    notes.parent.mkdir(parents=True, exist_ok=True)
    notes.write_text(json.dumps({"version": 1, "notes": [
        {"side": "b", "sentence": 1, "text": "old note", "created": "2025-01-01T00:00:00+00:00",
         "bookmark": False, "quote": ""}]}))
    state = where.state_dir / "pairs" / f"{reading.key}.json"
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"version": 1, "cursor": {"side": "b", "id": 3},
                                 "filter": {"speakers": [], "topics": []}}))
    assert [(n.side, n.sentence, n.text) for n in reading.notes] == [("b", 1, "old note")]
    assert (reading.state.cursor_side, reading.state.cursor_id, reading.state.shown) == (
        "b", 3, (0, 1))
    reading.save_state("a", 2)
    written = json.loads(state.read_text())
    assert "shown" not in written and written["cursor"] == {"side": "a", "id": 2}
    assert reading.take_warnings() == []


@pytest.mark.parametrize("bad", [{"side": "z"}, {"side": "ab"}])
def test_a_note_on_no_account_makes_the_file_damaged(bad: dict[str, str]) -> None:
    reading = Reading(sample_paths())
    notes = store.locations().data_dir / "notes" / f"{reading.key}.json"
    notes.parent.mkdir(parents=True, exist_ok=True)
    notes.write_text(json.dumps({"notes": [{"sentence": 1, **bad}]}))
    assert reading.notes == ()
    assert any("moved it to" in w for w in reading.take_warnings())


def test_a_reading_takes_two_to_eight_accounts(three: list[Path]) -> None:
    with pytest.raises(ReaderError, match="2 to 8"):
        Reading(three * 3)
    with pytest.raises(ReaderError):
        Reading(three[:1])


def test_the_recent_list_keeps_every_account(three: list[Path]) -> None:
    Reading(three).remember()
    recent = store.recent_pairs()
    assert recent[0].paths == tuple(str(p.absolute()) for p in three)
