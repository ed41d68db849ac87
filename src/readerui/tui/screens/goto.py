"""Go to a sentence by number: ``A12``, ``b7`` or ``12`` (the focused account)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from readerui.model import Side
from readerui.tui.screens import SCREEN_STYLES

_PLACE = re.compile(r"\s*([a-hA-H])?\s*(\d{1,9})\s*")
_LETTERS: dict[Side, str] = {"a": "A", "b": "B"}


def parse_place(text: str, default: Side, sizes: dict[Side, int],
                letters: Mapping[Side, str] = _LETTERS) -> tuple[Side, int] | str:
    """``(side, sentence id)`` for ``A12`` / ``b7`` / ``12`` (1-based as shown), or a one-line
    reason it is not a sentence. ``letters``: the account shown on each side (A and B, or C
    and A … in a reading of several accounts)."""
    found = _PLACE.fullmatch(text)
    if found is None:
        return "Type a sentence number, e.g. 12, A12 or B7."
    side: Side = default
    if found.group(1):
        wanted = found.group(1).upper()
        sides = [s for s, letter in letters.items() if letter == wanted]
        if not sides:
            return f"{wanted} is not on screen: press a to choose the accounts shown."
        side = sides[0]
    number = int(found.group(2))
    if not 1 <= number <= sizes[side]:
        return f"{letters[side]} has sentences 1 to {sizes[side]}."
    return side, number - 1


class GoTo(ModalScreen[tuple[Side, int] | None]):
    """One line: where to go. Enter goes, Esc cancels; a bad number says why and stays."""

    CSS_PATH = SCREEN_STYLES

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="cancel_goto")]

    def __init__(self, default: Side, sizes: dict[Side, int],
                 letters: Mapping[Side, str] = _LETTERS) -> None:
        super().__init__()
        self.default = default
        self.sizes = sizes
        self.letters = dict(letters)

    def compose(self) -> ComposeResult:
        """The hint and the input."""
        with Vertical(id="goto-box") as box:
            box.border_title = "Go to sentence (Enter goes · Esc cancels)"
            left, right = self.letters["a"], self.letters["b"]
            yield Static(f"12 in the focused account ({self.letters[self.default]}), or "
                         f"{left}12, {right}7. {left} has {self.sizes['a']}, "
                         f"{right} {self.sizes['b']}.", id="goto-explain", markup=False)
            yield Input(placeholder="A12", id="goto-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Go, or say why not."""
        if not event.value.strip():
            self.dismiss(None)
            return
        place = parse_place(event.value, self.default, self.sizes, self.letters)
        if isinstance(place, str):
            self.query_one("#goto-explain", Static).update(place)
            return
        self.dismiss(place)
