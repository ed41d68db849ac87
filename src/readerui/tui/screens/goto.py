"""Go to a sentence by number: ``A12``, ``b7`` or ``12`` (the focused account)."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from readerui.model import Side

_PLACE = re.compile(r"\s*([abAB])?\s*(\d{1,9})\s*")


def parse_place(text: str, default: Side, sizes: dict[Side, int]) -> tuple[Side, int] | str:
    """``(side, sentence id)`` for ``A12`` / ``b7`` / ``12`` (1-based as shown), or a one-line
    reason it is not a sentence."""
    found = _PLACE.fullmatch(text)
    if found is None:
        return "Type a sentence number, e.g. 12, A12 or B7."
    side: Side = found.group(1).lower() if found.group(1) else default  # type: ignore[assignment]
    number = int(found.group(2))
    if not 1 <= number <= sizes[side]:
        return f"{side.upper()} has sentences 1 to {sizes[side]}."
    return side, number - 1


class GoTo(ModalScreen[tuple[Side, int] | None]):
    """One line: where to go. Enter goes, Esc cancels; a bad number says why and stays."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="cancel_goto")]

    def __init__(self, default: Side, sizes: dict[Side, int]) -> None:
        super().__init__()
        self.default = default
        self.sizes = sizes

    def compose(self) -> ComposeResult:
        """The hint and the input."""
        with Vertical(id="goto-box") as box:
            box.border_title = "Go to sentence (Enter goes · Esc cancels)"
            yield Static(f"12 in the focused account ({self.default.upper()}), or A12, B7. "
                         f"A has {self.sizes['a']}, B {self.sizes['b']}.", id="goto-explain",
                         markup=False)
            yield Input(placeholder="A12", id="goto-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Go, or say why not."""
        if not event.value.strip():
            self.dismiss(None)
            return
        place = parse_place(event.value, self.default, self.sizes)
        if isinstance(place, str):
            self.query_one("#goto-explain", Static).update(place)
            return
        self.dismiss(place)
