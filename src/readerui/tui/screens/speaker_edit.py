"""Asking for a speaker's new name, or for the speaker another one is merged into."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input


class SpeakerNameInput(ModalScreen[str | None]):
    """One line: a speaker name (suggesting the other speakers); Enter gives it, Esc cancels."""

    DEFAULT_CSS = """
    SpeakerNameInput { align: center middle; background: $background 60%; }
    #speaker-edit-box { width: 80%; max-width: 90; height: auto; border: round $accent;
                        background: $panel; padding: 0 1; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="cancel_speaker_edit")]

    def __init__(self, title: str, value: str, names: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.names = names

    def compose(self) -> ComposeResult:
        """The question (as the box title, plain text) and the input."""
        with Vertical(id="speaker-edit-box") as box:
            box.border_title = self.title_text.replace("[", "(").replace("]", ")")
            yield Input(self.value, placeholder="speaker name…", id="speaker-edit-input",
                        suggester=SuggestFromList(self.names, case_sensitive=False))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Give the name typed."""
        self.dismiss(event.value)
