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
from readerui.tui.screens import SCREEN_STYLES


class NoteInput(ModalScreen[str | None]):
    """One line of note text for the cursor sentence; empty text makes a bookmark."""

    CSS_PATH = SCREEN_STYLES

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="cancel_note")]

    def __init__(self, quote: str, text: str = "") -> None:
        """``text``: the sentence's current note, to edit (empty: a new note)."""
        super().__init__()
        self.quote = quote
        self.text = text

    def compose(self) -> ComposeResult:
        """The quoted sentence and the input."""
        with Vertical(id="note-box") as box:
            verb = "Edit note" if self.text else "Note"
            box.border_title = f"{verb} (Enter saves · empty = bookmark · Esc cancels)"
            yield Static(Text(" ".join(self.quote.split())), id="note-quote")
            yield Input(self.text, placeholder="your note…", id="note-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Save."""
        self.dismiss(event.value)


def note_prompt(note: Note) -> Text:
    """``A 12  * note text  — quoted sentence`` as plain text (``note.side``: the account's
    letter)."""
    prompt = Text(f"{note.side.upper()} {note.sentence + 1:>4}  ", style="bold")
    prompt.append("bookmark" if note.bookmark or not note.text else note.text)
    prompt.append("  — " + " ".join(note.quote.split()), style="dim")
    prompt.no_wrap, prompt.overflow = True, "ellipsis"
    return prompt


class NotesScreen(ModalScreen[Note | None]):
    """Every note of the reading, filed by account letter; Enter jumps to its sentence, d
    deletes it."""

    CSS_PATH = SCREEN_STYLES

    BINDINGS = [
        Binding(CLOSE_KEYS + ",M", "dismiss(None)", "Close", id="close_notes"),
        Binding("d,delete", "delete", "Delete note", id="delete_note"),
    ]

    def __init__(self, notes: tuple[Note, ...],
                 remove: Callable[[Note], tuple[Note, ...]]) -> None:
        """``notes`` by account letter; ``remove`` deletes one and gives the notes left."""
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
        options.add_options([Option(note_prompt(note))
                             for note in self.notes])
        self.query_one("#notes-empty").display = not self.notes
        if self.notes:
            options.highlighted = 0
            options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Jump to the note's sentence."""
        self.dismiss(self.notes[event.option_index])

    def action_delete(self) -> None:
        """Ask, then delete the highlighted note."""
        options = self.query_one("#notes-list", OptionList)
        if options.highlighted is None or not self.notes:
            return
        note = self.notes[options.highlighted]

        def answered(yes: bool | None) -> None:
            if yes:
                self.notes = self.delete_note(note)
                self._fill()

        self.app.push_screen(Confirm(f"Delete this note on {note.side.upper()} "
                                     f"{note.sentence + 1}?", note_prompt(note)), answered)


class Confirm(ModalScreen[bool]):
    """A yes/no question: y or Enter confirms; n or Esc keeps things as they are."""

    CSS_PATH = SCREEN_STYLES

    BINDINGS = [
        Binding("y,enter", "dismiss(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "dismiss(False)", "No", id="confirm_no"),
    ]

    def __init__(self, question: str, detail: Text | str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        """The question, what it is about, and the keys."""
        with Vertical(id="confirm-box") as box:
            box.border_title = self.question
            yield Static(self.detail if isinstance(self.detail, Text) else Text(self.detail),
                         id="confirm-detail")
            yield Static("y: yes, delete · n / Esc: keep", id="confirm-keys", markup=False)
