"""The reader's speaker corrections as a pure function over Annotations, and their JSON form."""

from __future__ import annotations

from dataclasses import replace

import pytest

from readerui.annotate.overrides import (
    SpeakerEdit,
    apply_speaker_edit,
    apply_speaker_edits,
    edit_from_json,
    edits_from_json,
)
from readerui.exports import to_contract
from readerui.model import Alignment, Analysis, Annotations, Speaker
from test_speakers import make_doc


def notes() -> Annotations:
    """Three speakers over four sentences of A and three of B."""
    return Annotations(
        speakers=(Speaker("Ana Ruiz", ("Ruiz",), (0, 2), (1,)),
                  Speaker("Mayor Ruiz", (), (3,), ()),
                  Speaker("Harbour Board", (), (), (0, 2))),
        topics=(),
        speaker_a=("Ana Ruiz", None, "Ana Ruiz", "Mayor Ruiz"),
        speaker_b=("Harbour Board", "Ana Ruiz", "Harbour Board"),
        topics_a=((),) * 4, topics_b=((),) * 3,
        cue_a=("verb:said", None, "continuation", "title:said"),
        cue_b=("according-to", "verb:said", "continuation"))


def test_rename_keeps_the_old_name_as_an_alias() -> None:
    got = apply_speaker_edit(notes(), SpeakerEdit("rename", "Harbour Board", "Port Authority"))
    port = next(s for s in got.speakers if s.name == "Port Authority")
    assert port.aliases == ("Harbour Board",) and port.b == (0, 2)
    assert got.speaker_b == ("Port Authority", "Ana Ruiz", "Port Authority")
    assert "Harbour Board" not in {s.name for s in got.speakers}
    assert got.cue_b == notes().cue_b


@pytest.mark.parametrize("edit", [SpeakerEdit("merge", "Mayor Ruiz", "Ana Ruiz"),
                                  SpeakerEdit("rename", "Mayor Ruiz", "Ana Ruiz")])
def test_merge_joins_sentences_and_names(edit: SpeakerEdit) -> None:
    got = apply_speaker_edit(notes(), edit)
    assert [s.name for s in got.speakers] == ["Ana Ruiz", "Harbour Board"]
    ana = got.speakers[0]
    assert ana.a == (0, 2, 3) and ana.b == (1,)
    assert ana.aliases == ("Ruiz", "Mayor Ruiz")
    assert got.speaker_a == ("Ana Ruiz", None, "Ana Ruiz", "Ana Ruiz")


def test_not_a_speaker_makes_its_sentences_narration() -> None:
    got = apply_speaker_edit(notes(), SpeakerEdit("drop", "Harbour Board"))
    assert "Harbour Board" not in {s.name for s in got.speakers}
    assert got.speaker_b == (None, "Ana Ruiz", None)
    assert got.cue_b == (None, "verb:said", None)


def test_edits_replay_in_order_and_undo_is_replaying_all_but_the_last() -> None:
    edits = [SpeakerEdit("merge", "Mayor Ruiz", "Ana Ruiz"),
             SpeakerEdit("rename", "Ana Ruiz", "Ana María Ruiz"),
             SpeakerEdit("drop", "Harbour Board")]
    everything = apply_speaker_edits(notes(), edits)
    assert [s.name for s in everything.speakers] == ["Ana María Ruiz"]
    assert everything.speaker_a == ("Ana María Ruiz", None, "Ana María Ruiz", "Ana María Ruiz")
    undone = apply_speaker_edits(notes(), edits[:-1])
    assert {s.name for s in undone.speakers} == {"Ana María Ruiz", "Harbour Board"}
    assert apply_speaker_edits(notes(), []) == notes()


def test_edits_of_missing_speakers_change_nothing() -> None:
    original = notes()
    for edit in (SpeakerEdit("drop", "Nobody"), SpeakerEdit("rename", "Nobody", "X"),
                 SpeakerEdit("merge", "Ana Ruiz", "Nobody")):
        assert apply_speaker_edit(original, edit) == original
    assert original == notes()  # the input is never changed


@pytest.mark.parametrize("item", [
    None, [], "drop", {"op": "explode", "name": "A"}, {"op": "drop"},
    {"op": "drop", "name": 3}, {"op": "rename", "name": "A"},
    {"op": "rename", "name": "A", "target": "A"}, {"op": "merge", "name": "", "target": "B"},
])
def test_malformed_edits_are_left_out(item: object) -> None:
    assert edit_from_json(item) is None


def test_edit_json_round_trip_strips_control_characters() -> None:
    edit = edit_from_json({"op": "rename", "name": "Ana\x1b[31m Ruiz", "target": "Ana  Ruiz\n"})
    assert edit == SpeakerEdit("rename", "Ana [31m Ruiz", "Ana Ruiz")
    assert edits_from_json([edit.to_json(), {"op": "x"}]) == (edit,)


def test_export_carries_the_corrections_and_the_cue() -> None:
    a = make_doc("Ana Ruiz said the port would open.", "It will be ready by May.",
                 "The mayor thanked everyone.", "Mayor Ruiz said more.")
    b = make_doc("The Harbour Board said dredging starts soon.", "Ruiz agreed.", "It is costly.")
    analysis = Analysis(a, b, Alignment((), 4, 3), notes())
    edited = replace(analysis, annotations=apply_speaker_edits(
        analysis.annotations, [SpeakerEdit("merge", "Mayor Ruiz", "Ana Ruiz"),
                               SpeakerEdit("drop", "Harbour Board")]))
    contract = to_contract(edited)
    assert [s["name"] for s in contract["speakers"]] == ["Ana Ruiz"]
    assert contract["a"]["sentences"][3]["speaker"] == "Ana Ruiz"
    assert contract["a"]["sentences"][3]["speaker_cue"] == "title:said"
    assert contract["b"]["sentences"][0]["speaker"] is None
    assert contract["b"]["sentences"][0]["speaker_cue"] is None
