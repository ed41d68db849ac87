"""Adding a note or bookmark to a sentence, and the list of notes of this pair."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from readerui.store import Note
from readerui.tui.bindings import CLOSE_KEYS


class NoteInput(ModalScreen[str | None]):
    """One line of note text for the cursor sentence; empty text makes a bookmark."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="cancel_note")]

    def __init__(self, quote: str) -> None:
        super().__init__()
        self.quote = quote

    def compose(self) -> ComposeResult:
        """The quoted sentence and the input."""
        with Vertical(id="note-box") as box:
            box.border_title = "Note (Enter saves · empty = bookmark · Esc cancels)"
            yield Static(Text(" ".join(self.quote.split())), id="note-quote")
            yield Input(placeholder="your note…", id="note-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Save."""
        self.dismiss(event.value)


def note_prompt(note: Note) -> Text:
    """``A 12  * note text  — quoted sentence`` as plain text."""
    prompt = Text(f"{note.side.upper()} {note.sentence + 1:>4}  ", style="bold")
    prompt.append("bookmark" if note.bookmark or not note.text else note.text)
    prompt.append("  — " + " ".join(note.quote.split()), style="dim")
    prompt.no_wrap, prompt.overflow = True, "ellipsis"
    return prompt


class NotesScreen(ModalScreen[Note | None]):
    """Every note of this pair; Enter jumps to its sentence, d deletes it."""

    BINDINGS = [
        Binding(CLOSE_KEYS + ",M", "dismiss(None)", "Close", id="close_notes"),
        Binding("d,delete", "delete", "Delete note", id="delete_note"),
    ]

    def __init__(self, notes: tuple[Note, ...], remove: Callable[[Note], tuple[Note, ...]]) -> None:
        super().__init__()
        self.notes = notes
        self.delete_note = remove

    def compose(self) -> ComposeResult:
        """The list (or a line saying there is none)."""
        with Vertical(id="notes-box") as box:
            box.border_title = "Notes (Enter jumps · d deletes · Esc closes)"
            yield Static("no notes yet: press m on a sentence", id="notes-empty", markup=False)
            yield OptionList(id="notes-list")

    def on_mount(self) -> None:
        """Fill the list."""
        self._fill()

    def _fill(self) -> None:
        options = self.query_one("#notes-list", OptionList)
        options.clear_options()
        options.add_options([Option(note_prompt(note)) for note in self.notes])
        self.query_one("#notes-empty").display = not self.notes
        if self.notes:
            options.highlighted = 0
            options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Jump to the note's sentence."""
        self.dismiss(self.notes[event.option_index])

    def action_delete(self) -> None:
        """Delete the highlighted note."""
        options = self.query_one("#notes-list", OptionList)
        if options.highlighted is None or not self.notes:
            return
        self.notes = self.delete_note(self.notes[options.highlighted])
        self._fill()
