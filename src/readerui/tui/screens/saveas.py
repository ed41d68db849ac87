"""Ask where to save a file: one line with a default path; Enter saves, Esc cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from readerui.tui.screens import SCREEN_STYLES


class SaveAs(ModalScreen[str | None]):
    """A path to save to, prefilled with ``default``."""

    CSS_PATH = SCREEN_STYLES

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="cancel_save")]

    def __init__(self, title: str, default: str, explain: str) -> None:
        super().__init__()
        self.title_text = title
        self.default = default
        self.explain = explain

    def compose(self) -> ComposeResult:
        """The explanation and the path input."""
        with Vertical(id="save-box") as box:
            box.border_title = f"{self.title_text} (Enter saves · Esc cancels)"
            yield Static(self.explain, id="save-explain", markup=False)
            yield Input(self.default, id="save-path")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Save to the path typed (empty: cancel)."""
        self.dismiss(event.value.strip() or None)
