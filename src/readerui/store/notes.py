"""Notes and bookmarks on sentences, one JSON file per pair in the data folder.

``notes/<pair key>.json`` holds the notes of one pair. Each change locks the file, re-reads
it, applies the change and writes it atomically, so two readers adding notes at once lose nothing.
A note keeps the text of its sentence (``quote``) so it can still be found if sentence ids shift.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from readerui.model import ACCOUNT_SIDES, Document, account_of
from readerui.store.atomic import file_lock, read_json_or_aside, write_json
from readerui.store.locations import Locations, locations
from readerui.store.state import STATE_VERSION, now_iso


@dataclass(frozen=True, slots=True)
class Note:
    """A note (or, with empty text, a plain bookmark) on one sentence of one account.

    ``side`` names the account by letter: "a" and "b" for the first two (the two panes of a
    pair, as notes always were), "c" … "h" for the further accounts of a larger reading."""

    side: str
    sentence: int
    text: str = ""
    created: str = ""  # ISO 8601 UTC; set by new_note / add_note when empty
    bookmark: bool = False
    quote: str = ""  # the sentence's text when the note was made

    @property
    def account(self) -> int:
        """The account the note is on (0 for "a", 1 for "b" …)."""
        return account_of(self.side)

    @property
    def identity(self) -> tuple[str, int, str]:
        """What makes a note distinct (a note is removed by this)."""
        return (self.side, self.sentence, self.created)


def new_note(doc_side: str, doc: Document, sentence: int, text: str = "",
             bookmark: bool = False) -> Note:
    """A note on ``doc.sentences[sentence]``, stamped now, quoting its sentence."""
    return Note(doc_side, sentence, text, now_iso(), bookmark, doc.sentences[sentence].text)


def _notes_file(key: str, where: Locations) -> Path:
    return where.data_dir / "notes" / f"{key}.json"


def _is_note(item: Any) -> bool:
    side = item.get("side") if isinstance(item, dict) else None
    return (isinstance(side, str) and len(side) == 1 and side in ACCOUNT_SIDES
            and isinstance(item.get("sentence"), int) and not isinstance(item["sentence"], bool)
            and all(isinstance(item.get(name, ""), str) for name in ("text", "created", "quote"))
            and isinstance(item.get("bookmark", False), bool))


def _is_notes_file(value: Any) -> bool:
    return (isinstance(value, dict) and isinstance(value.get("notes"), list)
            and all(_is_note(item) for item in value["notes"]))


def _from_json(item: dict[str, Any]) -> Note:
    return Note(item["side"], item["sentence"], item.get("text", ""), item.get("created", ""),
                item.get("bookmark", False), item.get("quote", ""))


def _to_json(note: Note) -> dict[str, Any]:
    return {"side": note.side, "sentence": note.sentence, "text": note.text,
            "created": note.created, "bookmark": note.bookmark, "quote": note.quote}


def _read(path: Path) -> list[Note]:
    value = read_json_or_aside(path, _is_notes_file)
    return [] if value is None else [_from_json(item) for item in value["notes"]]


def _sorted(notes: list[Note]) -> tuple[Note, ...]:
    return tuple(sorted(notes, key=lambda n: (n.side, n.sentence, n.created)))


def load_notes(key: str, where: Locations | None = None) -> tuple[Note, ...]:
    """The notes of a pair, by side then sentence then time (empty when there are none)."""
    return _sorted(_read(_notes_file(key, where or locations())))


def _change(key: str, where: Locations | None, edit: Any) -> tuple[Note, ...]:
    """Locked read-edit-write of a pair's notes; returns the notes now on disk."""
    path = _notes_file(key, where or locations())
    with file_lock(path):
        notes = _sorted(edit(_read(path)))
        write_json(path, {"version": STATE_VERSION, "notes": [_to_json(n) for n in notes]})
    return notes


def add_note(key: str, note: Note, where: Locations | None = None) -> tuple[Note, ...]:
    """Add a note to a pair (merged with what other processes saved); returns all its notes."""
    if not note.created:
        note = replace(note, created=now_iso())
    return _change(key, where, lambda notes: [n for n in notes if n.identity != note.identity]
                   + [note])


def remove_note(key: str, note: Note, where: Locations | None = None) -> tuple[Note, ...]:
    """Remove a note (matched by side, sentence and creation time); returns the rest."""
    return _change(key, where, lambda notes: [n for n in notes if n.identity != note.identity])


def update_note(key: str, note: Note, where: Locations | None = None) -> tuple[Note, ...]:
    """Replace the note with the same identity (e.g. edited text); returns all notes."""
    return _change(key, where, lambda notes: [note if n.identity == note.identity else n
                                              for n in notes])


def anchor(note: Note, doc: Document) -> int | None:
    """The sentence id the note belongs to in ``doc``: its id when the quote still matches,
    else the sentence whose text equals the quote, else None (the note's sentence is gone)."""
    sentences = doc.sentences
    if not note.quote:
        return note.sentence if 0 <= note.sentence < len(sentences) else None
    if 0 <= note.sentence < len(sentences) and sentences[note.sentence].text == note.quote:
        return note.sentence
    matches = [s.id for s in sentences if s.text == note.quote]
    return min(matches, key=lambda i: abs(i - note.sentence)) if matches else None
